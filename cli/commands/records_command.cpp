#include <algorithm>
#include <cstdio>

#include "ccmlog/log_files.h"
#include "ccmlog/record_reader.h"
#include "commands/commands.h"
#include "exit_codes.h"
#include "internal_error.h"
#include "message.h"
#include "options.h"
#include "output/output.h"
#include "output/record_writers.h"
#include "usage_error.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog records [--format ndjson|tsv|text] FILE|FOLDER...

Writes every record of each log file, one per line, in file order. Nothing is
left out: lines that fit no format appear with kind "unparsed" (or "orphan",
the tail of a record cut off at the start of the file). A FOLDER stands for
the logs 'ccmlog analyze' reads in it, in the order it reads them.

Formats read: CMTrace (<![LOG[...]LOG]!>), the older SMS format ($$<...>),
text copied from CMTrace (tab- or space-separated), MSI verbose logs, plain
text; UTF-8 with or without BOM, UTF-16LE/BE.

Options:
  --format FMT   ndjson (default), tsv or text
  -h, --help     show this help

NDJSON keys: file, line, lines, kind, local, bias, utc, severity, component,
thread, source, message. "local" is the time as written; "utc" is local +
bias and null when the format carries no bias (time zone unknown) or the sum
leaves the years 1400..9999; a field the record does not carry is null (JSON
Schema record.v1, in share/ccmlog/schema when installed). Text and TSV write
control characters visibly (\x1b, \u009b): a log cannot drive the terminal.

Exit status: 0 ok, 2 usage error, 3 a file could not be read or a folder
holds no logs (the other files are still written), 4 internal error (a fault
of ccmlog's, reported for the file it met; the other files are still
written), 5 the output could not be written.
)";

}  // namespace

int runRecords(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"ndjson", "tsv", "text"}, "ndjson"},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("records", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  if (options->positionals.empty()) return usageError("records", "no log file or folder given");
  const std::string_view name = options->get("format");
  const RecordFormat format = name == "tsv"    ? RecordFormat::Tsv
                              : name == "text" ? RecordFormat::Text
                                               : RecordFormat::Ndjson;
  Output out(stdout);
  if (format == RecordFormat::Tsv) out.buffer() += tsvHeader();
  int status = kExitOk;
  const auto fail = [&](const std::string& message, int code) {
    out.flush();
    printMessage("ccmlog records", message);
    status = std::max(status, code);
  };
  for (const std::string& input : options->positionals) {
    const auto files = machineLogFiles({input});
    if (!files) {
      fail(files.error().message, kExitUnreadable);
      continue;
    }
    if (files->empty()) fail("no .log or .lo_ files in folder '" + input + "'", kExitUnreadable);
    for (const std::filesystem::path& path : *files) {
      const std::string file = path.string();
      try {
        const auto summary = readFile(path, [&](const Record& record) {
          appendRecord(out.buffer(), format, file, record);
          out.commit();
        });
        if (!summary) fail(summary.error().message, kExitUnreadable);
      } catch (...) {  // the last resort: this file is reported, the others still written
        fail(file + ": " + internalError(), kExitInternal);
      }
      if (out.error()) return outputFailed(out.error());
    }
  }
  out.flush();
  return out.error() ? outputFailed(out.error()) : status;
}

}  // namespace ccmlog::cli
