#include <cctype>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "ccmlog/analysis.h"
#include "ccmlog/json.h"
#include "ccmlog/knowledge_files.h"
#include "commands/commands.h"
#include "exit_codes.h"
#include "message.h"
#include "options.h"
#include "output/color.h"
#include "output/output.h"
#include "output/report_text.h"
#include "parallel_map.h"
#include "report_page.h"
#include "scan/zip_bundle.h"
#include "usage_error.h"
#include "verdict.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog analyze [OPTIONS] FILE|FOLDER...

Reads one machine's ConfigMgr client-setup logs and says what happened: the
outcome, each ccmsetup run (process, account, service or not, exit), and the
likely root causes with the log lines that prove them and what to do.

A FOLDER stands for the setup logs directly in it (ccmsetup.log and its
rotated ccmsetup.lo_, client.msi.log, ...). A .zip of one machine's logs,
given alone, is read in memory as 'ccmlog scan' reads it; a zip of several
machines is for 'ccmlog scan'. History is read before the
current log; other files are placed on the timeline by time.

Options:
  --format FMT     text (default), json (schema ccmlog.report.v2; its JSON
                   Schema is in share/ccmlog/schema when installed) or html
                   (one self-contained page to attach to a ticket: verdict,
                   runs over time, findings, evidence; opens offline)
  --time ZONE      local (default: times as written in the log) or utc, for
                   every time shown, the findings' explanations too
  --color WHEN     auto (default), always or never
  -j, --jobs N     threads that read a large CMTrace log in pieces
                   (default: the number of cores; the report is the same)
  --knowledge FILE add the causes of a knowledge file (repeatable; see
                   'ccmlog knowledge --help'); a malformed one is left out,
                   with a message naming its file, line and field
  -h, --help       show this help

The first finding is the headline: the most specific, most certain root
cause. Findings that follow from it are shown under it. Failures of earlier
attempts that a later one superseded are history, never errors.

Exit status:
  0  the latest attempt did not fail and no error finding stands for it
  1  the latest attempt failed, or an error finding stands for it
  2  usage error
  3  an input or knowledge file could not be read (the others were still used)
  4  internal error: a fault of ccmlog's stopped the analysis
  5  the output could not be written
)";

// The pieces of a large log read and classified on `jobs` threads, laid into
// the timeline in order on this one.
PieceRunner piecesOnThreads(unsigned jobs) {
  return [jobs](std::size_t count, const auto& work, const auto& take) {
    struct NoState {};
    parallelMap<PieceResult, NoState>(
        count, jobs, [&](NoState&, std::size_t i) { return work(i); },
        [&](std::size_t i, PieceResult& piece) { take(i, piece); }, [](std::size_t) {});
  };
}

// What a page is about: the machine folder's or file's name ("PC01").
std::string titleOf(const std::vector<std::filesystem::path>& inputs) {
  std::string title;
  for (const auto& input : inputs) {
    std::filesystem::path p = input.lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    title += (title.empty() ? "" : ", ") + (p.filename().empty() ? p.string() : p.filename().string());
  }
  return title;
}

// A .zip given alone: a bundle of collected logs, not a log.
bool isBundle(const std::vector<std::filesystem::path>& inputs) {
  if (inputs.size() != 1) return false;
  std::string extension = inputs.front().extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::error_code ec;
  return extension == ".zip" && std::filesystem::is_regular_file(inputs.front(), ec);
}

// The one machine in a bundle, read in memory as scan reads it; a bundle of
// several machines is scan's to read.
Result<Report> analyzeBundle(const std::filesystem::path& zip, const AnalysisOptions& options) {
  auto folders = listBundle(zip);
  if (!folders) return folders.error();
  std::erase_if(*folders, [](const BundleFolder& f) { return f.entries.empty(); });  // no logs
  if (folders->size() != 1) {
    const std::string name = zip.string();
    std::string message = "'" + name + "' holds ";
    message += std::to_string(folders->size()) + " machines' logs: 'ccmlog scan " + name + "' reads them all";
    return Error{std::move(message)};
  }
  BundleReader bundles;
  const auto logs = bundles.read(zip, folders->front().entries);
  if (!logs) return logs.error();
  return analyzeTexts(logs->texts(), options);
}

}  // namespace

int runAnalyze(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "json", "html"}, "text"},
      {"time", "ZONE", {"local", "utc"}, "local"},
      {"color", "WHEN", {"auto", "always", "never"}, "auto"},
      {"jobs", "N", {}, "", 'j'},
      {"knowledge", "FILE", {}, ""},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("analyze", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  if (options->positionals.empty()) return usageError("analyze", "no log file or folder given");
  const auto jobs = jobCount(options->get("jobs"));
  if (!jobs) return usageError("analyze", jobs.error().message);
  const std::vector<std::filesystem::path> inputs(options->positionals.begin(), options->positionals.end());
  AnalysisOptions analysis;
  if (*jobs > 1) analysis.runPieces = piecesOnThreads(*jobs);
  const Clock clock = options->get("time") == "utc" ? Clock::Utc : Clock::Local;
  analysis.diagnosis.clock = clock;
  const LoadedKnowledge knowledge = loadKnowledge(options->all("knowledge"));
  for (const std::string& error : knowledge.errors) printMessage("ccmlog analyze", error);
  analysis.diagnosis.knowledge = knowledge.knowledge;
  const auto report =
      isBundle(inputs) ? analyzeBundle(inputs.front(), analysis) : analyzeFiles(inputs, analysis);
  if (!report) {
    printMessage("ccmlog analyze", report.error().message);
    return kExitUnreadable;
  }
  Output out(stdout);
  if (options->get("format") == "json") {
    out.buffer() = reportToJson(*report);
  } else if (options->get("format") == "html") {
    out.buffer() = html::reportPage(*report, {.title = titleOf(inputs), .clock = clock});
  } else {
    TextOptions text;
    text.color = useColor(options->get("color"), stdout);
    text.clock = clock;
    out.buffer() = reportToText(*report, text);
  }
  out.flush();
  if (out.error()) return outputFailed(out.error());
  bool unreadable = !knowledge.errors.empty();
  for (const FileReport& f : report->files) {
    if (f.error) {
      printMessage("ccmlog analyze", *f.error);
      unreadable = true;
    }
  }
  if (unreadable) return kExitUnreadable;
  return hasErrors(*report) ? kExitFindings : kExitOk;
}

}  // namespace ccmlog::cli
