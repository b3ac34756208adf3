// commands.h: the ccmlog subcommands. Each takes the words after its name and
// returns the process exit code (exit_codes.h); each prints its own --help.
#pragma once

#include <span>
#include <string_view>

namespace ccmlog::cli {

using Words = std::span<const std::string_view>;

int runAnalyze(Words args);    ///< ccmlog analyze: what happened on one machine, and why
int runKnowledge(Words args);  ///< ccmlog knowledge: list the causes known, check a knowledge file
int runLookup(Words args);     ///< ccmlog lookup: what an error code means
int runRecords(Words args);    ///< ccmlog records: one line per log record
int runScan(Words args);       ///< ccmlog scan: which of many machines failed, and why

}  // namespace ccmlog::cli
