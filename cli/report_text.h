// report_text.h: a Report as text for a person at a terminal.
//
//   Outcome: FAILED  0x80070005 (ERROR_ACCESS_DENIED: Access is denied.)
//   Files    ccmsetup.log  cmtrace, utf-8-bom, 79 records
//   Runs     table of pid, user, service?, start, end, exit
//   Findings severity, title, explanation, remedy, evidence lines
//
// Colour (ANSI) only when asked; long texts are wrapped at `width` columns.
#pragma once

#include <string>

#include "ccmlog/analysis.h"

namespace ccmlog::cli {

enum class TimeDisplay { Local, Utc };

struct TextOptions {
  bool color = false;
  TimeDisplay time = TimeDisplay::Local;
  size_t width = 100;
};

std::string reportToText(const Report& report, const TextOptions& options);

}  // namespace ccmlog::cli
