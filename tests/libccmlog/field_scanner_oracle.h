// field_scanner_oracle.h: RE2 as the judge of the field scanners
// (field_scanners.h), for field_scanners_test.cpp and fuzz/field_scanner_fuzzer.cpp.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "event_patterns.h"
#include "field_scanners.h"

namespace ccmlog::test {

/// The rows of the event table that have a scanner.
inline std::vector<size_t> scannedRows() {
  std::vector<size_t> rows;
  const auto table = detail::eventPatterns();
  for (size_t row = 0; row < table.size(); ++row)
    if (table[row].scan) rows.push_back(row);
  return rows;
}

/// Whether the classifier hands `message` to scanners (it does for ASCII only).
inline bool scannable(std::string_view message) {
  return std::all_of(message.begin(), message.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// What a scanner gets wrong about `message`: "" when it gives up, or when the
/// row's pattern matches under RE2 with the same groups (same bytes, and the
/// same views: a group's value must point into the message where RE2's does).
/// `answered` tells whether the scanner answered.
inline std::string scannerDisagreement(size_t row, std::string_view message, bool& answered) {
  static const auto compiled = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const detail::EventPattern& p : detail::eventPatterns())
      out.push_back(std::make_unique<RE2>(p.pattern, detail::eventPatternOptions()));
    return out;
  }();
  const detail::EventPattern& pattern = detail::eventPatterns()[row];
  detail::ScannedGroups scanned;
  answered = pattern.scan && scannable(message) && pattern.scan(message, scanned);
  if (!answered) return "";
  const RE2& re = *compiled[row];
  std::vector<re2::StringPiece> captures(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  if (!re.Match(message, 0, message.size(), RE2::UNANCHORED, captures.data(), static_cast<int>(captures.size())))
    return "row " + std::to_string(row) + ": the scanner answered where RE2 finds no match";
  std::string wrong;
  for (size_t g = 1; g < captures.size(); ++g) {
    const std::string_view expected(captures[g].data(), captures[g].size());
    const std::string_view got = scanned[g - 1];
    if (got.data() != expected.data() || got.size() != expected.size()) {
      wrong += "row " + std::to_string(row) + " group " + std::to_string(g) + ": scanner '" + std::string(got) +
               "', RE2 '" + std::string(expected) + "'; ";
    }
  }
  return wrong;
}

}  // namespace ccmlog::test
