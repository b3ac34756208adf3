#include <cstdio>
#include <filesystem>

#include "ccmlog/analysis.h"
#include "ccmlog/report_json.h"
#include "color.h"
#include "commands.h"
#include "exit_codes.h"
#include "knowledge_files.h"
#include "options.h"
#include "parallel_map.h"
#include "report_text.h"
#include "usage_error.h"
#include "verdict.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog analyze [OPTIONS] FILE|FOLDER...

Reads one machine's ConfigMgr client-setup logs and says what happened: the
outcome, each ccmsetup run (process, account, service or not, exit), and the
likely root causes with the log lines that prove them and what to do.

A FOLDER stands for the setup logs directly in it (ccmsetup.log and its
rotated ccmsetup.lo_, client.msi.log, ...). History is read before the
current log; other files are placed on the timeline by time.

Options:
  --format FMT     text (default) or json (schema ccmlog.report.v2)
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

}  // namespace

int runAnalyze(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "json"}, "text"},
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
  for (const std::string& error : knowledge.errors) std::fprintf(stderr, "ccmlog: %s\n", error.c_str());
  analysis.diagnosis.knowledge = knowledge.knowledge;
  const auto report = analyzeFiles(inputs, analysis);
  if (!report) {
    std::fprintf(stderr, "ccmlog: %s\n", report.error().message.c_str());
    return kExitUnreadable;
  }
  std::string out;
  if (options->get("format") == "json") {
    out = reportToJson(*report);
  } else {
    TextOptions text;
    text.color = useColor(options->get("color"), stdout);
    text.clock = clock;
    out = reportToText(*report, text);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  bool unreadable = !knowledge.errors.empty();
  for (const FileReport& f : report->files) {
    if (f.error) {
      std::fprintf(stderr, "ccmlog: %s\n", f.error->c_str());
      unreadable = true;
    }
  }
  if (unreadable) return kExitUnreadable;
  return hasErrors(*report) ? kExitFindings : kExitOk;
}

}  // namespace ccmlog::cli
