// message.h: the one way a command tells the person something on stderr.
//
//   printMessage("ccmlog scan", error);   // ccmlog scan: cannot read '…': …
//
// Messages quote paths and zip entries a stranger named: their controls are
// written visibly (visible_text.h), so a name cannot drive the terminal.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "ccmlog/visible_text.h"

namespace ccmlog::cli {

/// Writes "PREFIX: MESSAGE" and a line end to stderr.
inline void printMessage(std::string_view prefix, std::string_view message) {
  std::string line(prefix);
  line += ": ";
  appendVisibleText(line, message);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace ccmlog::cli
