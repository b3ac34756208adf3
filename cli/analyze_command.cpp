#include <cstdio>
#include <filesystem>

#include "ccmlog/analysis.h"
#include "ccmlog/report_json.h"
#include "color.h"
#include "commands.h"
#include "exit_codes.h"
#include "options.h"
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
  --format FMT     text (default) or json (schema ccmlog.report.v1)
  --time ZONE      local (default: times as written in the log) or utc
  --color WHEN     auto (default), always or never
  -h, --help       show this help

Exit status:
  0  no error finding and the install did not fail
  1  an error finding, or the install failed
  2  usage error
  3  an input could not be read (the others were still analyzed)
)";

}  // namespace

int runAnalyze(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "json"}, "text"},
      {"time", "ZONE", {"local", "utc"}, "local"},
      {"color", "WHEN", {"auto", "always", "never"}, "auto"},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("analyze", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  if (options->positionals.empty()) return usageError("analyze", "no log file or folder given");
  const std::vector<std::filesystem::path> inputs(options->positionals.begin(), options->positionals.end());
  const auto report = analyzeFiles(inputs);
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
    text.time = options->get("time") == "utc" ? TimeDisplay::Utc : TimeDisplay::Local;
    out = reportToText(*report, text);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  bool unreadable = false;
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
