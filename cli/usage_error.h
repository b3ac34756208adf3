// usage_error.h: the one way every command reports a bad command line.
#pragma once

#include <cstdio>
#include <string_view>

#include "exit_codes.h"

namespace ccmlog::cli {

/// Prints "ccmlog COMMAND: MESSAGE" and a pointer to --help; returns kExitUsage.
inline int usageError(std::string_view command, std::string_view message) {
  std::fprintf(stderr, "ccmlog %.*s: %.*s\nTry 'ccmlog %.*s --help'.\n",
               static_cast<int>(command.size()), command.data(),
               static_cast<int>(message.size()), message.data(),
               static_cast<int>(command.size()), command.data());
  return kExitUsage;
}

}  // namespace ccmlog::cli
