// ccmlog: explains why a Configuration Manager client install failed.
// main() only picks the command; each command lives in its own file.
#include <cstdio>
#include <string_view>
#include <vector>

#include "commands.h"
#include "exit_codes.h"

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
    {"analyze", ccmlog::cli::runAnalyze},
    {"knowledge", ccmlog::cli::runKnowledge},
    {"lookup", ccmlog::cli::runLookup},
    {"records", ccmlog::cli::runRecords},
    {"scan", ccmlog::cli::runScan},
};

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::fwrite(kHelp.data(), 1, kHelp.size(), words.empty() ? stderr : stdout);
    return words.empty() ? ccmlog::cli::kExitUsage : ccmlog::cli::kExitOk;
  }
  if (words[0] == "--version") {
    std::printf("ccmlog %s\n", CCMLOG_VERSION);
    return ccmlog::cli::kExitOk;
  }
  for (const Command& command : kCommands) {
    if (words[0] == command.name) return command.run(ccmlog::cli::Words(words).subspan(1));
  }
  std::fprintf(stderr, "ccmlog: unknown command '%.*s'\nTry 'ccmlog --help'.\n",
               static_cast<int>(words[0].size()), words[0].data());
  return ccmlog::cli::kExitUsage;
}
