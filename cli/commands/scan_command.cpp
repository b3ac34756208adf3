#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "ccmlog/knowledge_files.h"
#include "commands/commands.h"
#include "exit_codes.h"
#include "message.h"
#include "options.h"
#include "output/output.h"
#include "parallel_map.h"
#include "scan/machine_finder.h"
#include "scan/machine_scan.h"
#include "scan/progress.h"
#include "scan/scan_writers.h"
#include "usage_error.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog scan [OPTIONS] PATH...

Scans the logs collected from many machines and says which failed and why,
one row per machine, in path order. Every machine found gets a row.

What is a machine:
  - a folder that directly holds .log/.lo_ files, named after the folder (its
    sub-folders belong to it and are not walked); other folders are walked
  - a folder with no logs, no sub-folders and no zips: outcome "no-logs"
  - a folder that cannot be listed or searched: outcome "unreadable"
  - a file given by name, named after the file
  - a .zip bundle, read in memory (at most 256 MiB a log, 1 GiB a machine,
    256 MiB over all threads at once but for one larger machine alone): one
    machine per folder in it that holds logs, or one named after the zip
    when the logs are at its top; its folders count as on disk ("no-logs"
    for one with no logs and nothing below it, or for the zip holding none)
Rotated ccmsetup.lo_ history is read before ccmsetup.log. Symlinks are
followed, each folder once, when they stay inside the PATHs given; one that
leads out of them is skipped with a warning. FIFOs, devices and sockets are
skipped.

Options:
  --format FMT      text (default: a table and a fleet summary), ndjson, csv
                    or html (one self-contained page to open in a browser)
  -j, --jobs N      machines analyzed at once (default: the number of cores)
  --progress WHEN   auto (default: when stderr is a terminal), always or never
  --follow-symlinks also follow symlinks that lead out of the PATHs given
  --summary         write only the fleet summary: machines per outcome and per
                    root cause (a machine's first warning or error finding)
  --knowledge FILE  add the causes of a knowledge file (repeatable; see
                    'ccmlog knowledge --help'); a malformed one is left out,
                    with a message naming its file, line and field
  -h, --help        show this help

Outcomes: success, failed, reboot-required, in-progress, unknown (the logs
hold no ccmsetup run), no-logs and unreadable (the reason is in the last
column of the table, the error key of NDJSON, the title cell of CSV, the
headline of HTML).

NDJSON: one object per machine: machine, path, files, outcome, exit_code,
error_code, rules (ids of warning and error findings), findings (as in
'ccmlog analyze --format json') and error (why it has no outcome or some of
its logs could not be read); a value not known is null. JSON Schemas:
scan-machine.v1 and scan-summary.v1 (share/ccmlog/schema when installed).
CSV (RFC 4180): machine,path,outcome,exit_code,error_code,rules,
title_of_top_finding; cells starting (after any spaces) with = + - @ get a '
in front so that spreadsheets do not run them, and cells holding , ; or a tab
are quoted, whatever list separator the spreadsheet's locale uses.
HTML: machines per outcome and per root cause as bar charts, then every
machine (name, path, outcome, code, headline, when) sorted by outcome, failed
first; a headline folds out to the machine's findings with remedy and their
first evidence lines. No script, nothing fetched: it opens offline.

Exit status:
  0  every machine is fine
  1  a machine failed or has an error finding
  2  usage error
  3  a machine is no-logs or unreadable, a path given does not exist, or a
     knowledge file could not be read (every machine found is still
     reported; a fault of ccmlog's that stopped a machine makes it
     unreadable, its row saying "internal error")
  4  internal error: a fault of ccmlog's stopped the scan
  5  the output could not be written
)";

constexpr size_t kOutputBlock = 1 << 16;
constexpr std::uint64_t kZippedBytesInFlight = std::uint64_t{256} << 20;

}  // namespace

int runScan(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "ndjson", "csv", "html"}, "text"},
      {"jobs", "N", {}, "", 'j'},
      {"progress", "WHEN", {"auto", "always", "never"}, "auto"},
      {"summary", "", {}, ""},
      {"follow-symlinks", "", {}, ""},
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
                            : name == "html" ? ScanFormat::Html
                                             : ScanFormat::Text;
  const ScanContent content = options->has("summary") ? ScanContent::Summary : ScanContent::Machines;

  const std::vector<std::filesystem::path> inputs(options->positionals.begin(), options->positionals.end());
  const FoundMachines found = findMachines(inputs, {.followSymlinks = options->has("follow-symlinks")});
  for (const auto& warning : found.warnings) {
    printMessage("ccmlog scan: warning", warning);
  }
  for (const auto& error : found.errors) printMessage("ccmlog scan", error);
  if (found.machines.empty()) {
    std::fputs("ccmlog scan: no machine found: none of the paths given is a folder, zip or file\n", stderr);
    return kExitUnreadable;
  }

  const LoadedKnowledge knowledge = loadKnowledge(options->all("knowledge"));
  for (const std::string& error : knowledge.errors) printMessage("ccmlog scan", error);
  const bool rows = content == ScanContent::Machines;
  // Zipped logs are read whole into memory: at most this much at once over all threads.
  ByteBudget inflight(kZippedBytesInFlight);
  const ScanOptions scanOptions{.ndjson = rows && format == ScanFormat::Ndjson,
                                .html = rows && format == ScanFormat::Html,
                                .inflight = &inflight,
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
          printMessage("ccmlog scan", *scan.error);
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
  if (out.error()) return outputFailed(out.error());
  if (unreadable) return kExitUnreadable;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace ccmlog::cli
