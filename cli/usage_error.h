// usage_error.h: the one way every command reports a bad command line.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "exit_codes.h"
#include "message.h"

namespace ccmlog::cli {

/// Prints "ccmlog COMMAND: MESSAGE" and a pointer to --help; returns kExitUsage.
inline int usageError(std::string_view command, std::string_view message) {
  const std::string program = "ccmlog " + std::string(command);
  printMessage(program, message);
  std::fprintf(stderr, "Try '%s --help'.\n", program.c_str());
  return kExitUsage;
}

}  // namespace ccmlog::cli
