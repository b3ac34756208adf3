#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "exit_codes.h"
#include "knowledge_files.h"
#include "machine_finder.h"
#include "machine_scan.h"
#include "options.h"
#include "output.h"
#include "parallel_map.h"
#include "progress.h"
#include "scan_writers.h"
#include "usage_error.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog scan [OPTIONS] PATH...

Scans the logs collected from many machines and says which failed and why,
one row per machine, in path order.

What is a machine:
  - a folder that directly holds .log/.lo_ files, named after the folder (its
    sub-folders belong to it and are not walked); other folders are walked
  - a file given by name, named after the file
  - a .zip bundle, read in memory (at most 256 MiB a log, 1 GiB a machine):
    one machine per folder in it that holds logs, or one named after the zip
    when the logs are at its top
Rotated ccmsetup.lo_ history is read before ccmsetup.log. Symlinks are
followed, each folder once; FIFOs, devices and sockets are skipped.

Options:
  --format FMT      text (default: a table and a fleet summary), ndjson or csv
  -j, --jobs N      machines analyzed at once (default: the number of cores)
  --progress WHEN   auto (default: when stderr is a terminal), always or never
  --summary         write only the fleet summary: machines per outcome and per
                    root cause (a machine's first warning or error finding)
  --knowledge FILE  add the causes of a knowledge file (repeatable; see
                    'ccmlog knowledge --help'); a malformed one is left out,
                    with a message naming its file, line and field
  -h, --help        show this help

NDJSON: one object per machine: machine, path, files, outcome, exit_code,
error_code, rules (ids of warning and error findings), findings (as in
'ccmlog analyze --format json'), and error when its logs could not be read.
CSV (RFC 4180): machine,path,outcome,exit_code,error_code,rules,
title_of_top_finding; cells starting with = + - @ get a ' in front so that
spreadsheets do not run them. The outcome of a machine whose logs could not be
read is "unreadable".

Exit status:
  0  every machine is fine
  1  a machine failed or has an error finding
  2  usage error
  3  an input or knowledge file could not be read (the others are still used)
)";

constexpr size_t kOutputBlock = 1 << 16;

}  // namespace

int runScan(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "ndjson", "csv"}, "text"},
      {"jobs", "N", {}, "", 'j'},
      {"progress", "WHEN", {"auto", "always", "never"}, "auto"},
      {"summary", "", {}, ""},
      {"knowledge", "FILE", {}, ""},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("scan", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  const auto jobs = jobCount(options->get("jobs"));
  if (!jobs) return usageError("scan", jobs.error().message);
  if (options->positionals.empty()) return usageError("scan", "no folder, zip or log file given");
  const std::string_view name = options->get("format");
  const ScanFormat format = name == "ndjson" ? ScanFormat::Ndjson
                            : name == "csv"  ? ScanFormat::Csv
                                             : ScanFormat::Text;
  const ScanContent content = options->has("summary") ? ScanContent::Summary : ScanContent::Machines;

  const std::vector<std::filesystem::path> inputs(options->positionals.begin(), options->positionals.end());
  const FoundMachines found = findMachines(inputs);
  for (const auto& warning : found.warnings) {
    std::fprintf(stderr, "ccmlog scan: warning: %s\n", warning.c_str());
  }
  for (const auto& error : found.errors) std::fprintf(stderr, "ccmlog scan: %s\n", error.c_str());
  if (found.machines.empty()) {
    std::fputs("ccmlog scan: no machine logs found\n", stderr);
    return kExitUnreadable;
  }

  const LoadedKnowledge knowledge = loadKnowledge(options->all("knowledge"));
  for (const std::string& error : knowledge.errors) std::fprintf(stderr, "ccmlog scan: %s\n", error.c_str());
  const ScanOptions scanOptions{.ndjson = format == ScanFormat::Ndjson && content == ScanContent::Machines,
                                .knowledge = knowledge.knowledge};
  ScanWriter writer(format, content);
  Output out(stdout);
  Progress progress(stderr, found.machines.size(), wantProgress(options->get("progress"), stderr));
  bool unreadable = !found.errors.empty() || !knowledge.errors.empty(), failed = false;
  parallelMap<MachineScan, BundleReader>(
      found.machines.size(), *jobs,
      [&](BundleReader& bundles, size_t i) { return scanMachine(found.machines[i], scanOptions, bundles); },
      [&](size_t, MachineScan& scan) {
        if (scan.error) {
          progress.clear();
          std::fprintf(stderr, "ccmlog scan: %s\n", scan.error->c_str());
          unreadable = true;
        }
        failed = failed || scan.failed;
        writer.add(scan, out.buffer());
        if (out.buffer().size() >= kOutputBlock) {
          progress.clear();
          out.flush();
        }
      },
      [&](size_t done) { progress.update(done); });
  progress.clear();
  writer.finish(out.buffer());
  out.flush();
  if (unreadable) return kExitUnreadable;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace ccmlog::cli
