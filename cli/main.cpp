// ccmlog: explains why a Configuration Manager client install failed.
// main() only picks the command; each command lives in its own file.
#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.h"
#include "exit_codes.h"
#include "internal_error.h"
#include "message.h"
#include "output/output.h"

namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog COMMAND [OPTIONS] [ARGS]

Reads ConfigMgr client-setup logs (ccmsetup.log, client.msi.log, ...) and
says what happened.

Commands:
  analyze   what happened on one machine and why (outcome, runs, findings)
  knowledge list the causes known, or check a knowledge file of your own
  lookup    what an error code means (0x80070005, -2147024891, 5, ...)
  records   write every record of log files as NDJSON, TSV or text
  scan      which of many machines failed and why (folders, zips; parallel)

Run 'ccmlog COMMAND --help' for a command's options.
Options: -h, --help   this help;  --version   print the version
)";

struct Command {
  std::string_view name;
  int (*run)(ccmlog::cli::Words);
};

constexpr Command kCommands[] = {
    {"analyze", ccmlog::cli::runAnalyze}, {"knowledge", ccmlog::cli::runKnowledge},
    {"lookup", ccmlog::cli::runLookup},   {"records", ccmlog::cli::runRecords},
    {"scan", ccmlog::cli::runScan},
};

// The command's status, unless its output could not all be written (a full
// disk, a closed stdout); a command that met the failure itself said so already.
int withOutputChecked(int status) {
  const bool flushed = std::fflush(stdout) == 0;
  const int error = flushed ? 0 : errno;
  if (status == ccmlog::cli::kExitOutput || (flushed && !std::ferror(stdout))) return status;
  return ccmlog::cli::outputFailed(error ? error : EIO);
}

int runCommand(const Command& command, ccmlog::cli::Words args) {
  try {
    return command.run(args);
  } catch (...) {
    ccmlog::cli::printMessage("ccmlog", ccmlog::cli::internalError());
    return ccmlog::cli::kExitInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::fwrite(kHelp.data(), 1, kHelp.size(), words.empty() ? stderr : stdout);
    return withOutputChecked(words.empty() ? ccmlog::cli::kExitUsage : ccmlog::cli::kExitOk);
  }
  if (words[0] == "--version") {
    std::printf("ccmlog %s\n", CCMLOG_VERSION);
    return withOutputChecked(ccmlog::cli::kExitOk);
  }
  for (const Command& command : kCommands) {
    if (words[0] == command.name)
      return withOutputChecked(runCommand(command, ccmlog::cli::Words(words).subspan(1)));
  }
  ccmlog::cli::printMessage("ccmlog", "unknown command '" + std::string(words[0]) + "'");
  std::fputs("Try 'ccmlog --help'.\n", stderr);
  return ccmlog::cli::kExitUsage;
}
