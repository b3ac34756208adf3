// classify/event_patterns.h (internal): the one table of what ccmsetup and MSI messages mean.
//
// Each row maps an RE2 pattern to an EventKind and carries a sample: the real
// log line it was written for (docs/ccmsetup-logs.md). event_patterns_test.cpp checks
// every pattern against its sample, so the table cannot drift from the lines.
//
// How the classifier reads the table:
//  - a pattern is an unanchored search within the whole message (which may
//    span several lines; `.` crosses a line end only under `(?s)`); rows whose
//    words are common elsewhere anchor at the message start with `^`;
//  - every pattern is compiled with eventPatternOptions(): case-insensitive,
//    because the product's casing varies ("CcmSetup", "ccmsetup", "Ccmsetup");
//  - named groups `(?P<name>…)` become Event fields; their names are the field
//    names documented on EventKind, and EventField::name views them in the
//    pattern text here (static storage);
//  - when several rows match one message, only the first in table order counts.
//    So specific rows come before generic ones, and Benign rows come first;
//  - the most frequent rows name a scanner (classify/fast/capture_scanners.h) that reads their
//    fields by hand, exactly as RE2 would, and leaves the hard cases to RE2.
#pragma once

#include <re2/re2.h>

#include <span>
#include <string_view>

#include "ccmlog/timeline.h"
#include "classify/fast/capture_scanners.h"

namespace ccmlog::detail {

struct EventPattern {
  EventKind kind;
  std::string_view pattern;     ///< RE2 syntax, static storage
  std::string_view sample;      ///< a line the pattern must classify as kind
  FieldScanner scan = nullptr;  ///< reads the groups without RE2 when it can; optional
};

/// All rows, in priority order (first match wins).
std::span<const EventPattern> eventPatterns();

/// The options every pattern is compiled with (case-insensitive, quiet on errors).
RE2::Options eventPatternOptions();

}  // namespace ccmlog::detail
