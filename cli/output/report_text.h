// report_text.h: a Report as text for a person at a terminal.
//
//   Outcome: FAILED  0x80070005 (ERROR_ACCESS_DENIED: Access is denied.)
//   Operation: install
//   Cause: the headline finding's title (the first root cause)
//   Files    ccmsetup.log  cmtrace, utf-8-bom, 79 records
//   Runs     table of pid, user, service?, operation, start, end, exit
//   Findings each root cause: severity, title, explanation, remedy, evidence
//            lines; under it what followed from it (no remedy of their own)
//
// Colour (ANSI) only when asked; long texts are wrapped at `width` columns.
#pragma once

#include <string>

#include "ccmlog/analysis.h"

namespace ccmlog::cli {

struct TextOptions {
  bool color = false;
  Clock clock = Clock::Local;  ///< of the tables and evidence; the findings' prose has its own
  size_t width = 100;
};

std::string reportToText(const Report& report, const TextOptions& options);

}  // namespace ccmlog::cli
