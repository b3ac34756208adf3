// color.h: whether to colour output: --color always|never|auto, where auto
// means a terminal that is not "dumb" and no NO_COLOR in the environment.
#pragma once

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace ccmlog::cli {

inline bool useColor(std::string_view choice, std::FILE* stream) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* term = std::getenv("TERM");
  return ::isatty(::fileno(stream)) && !std::getenv("NO_COLOR") && term && std::strcmp(term, "dumb") != 0;
}

}  // namespace ccmlog::cli
