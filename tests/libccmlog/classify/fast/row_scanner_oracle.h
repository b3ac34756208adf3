// row_scanner_oracle.h: RE2 as the judge of the row scanners
// (classify/fast/row_scanner.h), for row_scanner_test.cpp and fuzz/row_scanner_fuzzer.cpp.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classify/event_patterns.h"
#include "classify/fast/row_scanner.h"

namespace ccmlog::test {

/// The rows of the event table that can be read without RE2.
inline std::vector<size_t> scannedRows() {
  std::vector<size_t> rows;
  const auto table = detail::eventPatterns();
  for (size_t row = 0; row < table.size(); ++row)
    if (detail::RowScanner(table[row]).canScan()) rows.push_back(row);
  return rows;
}

/// What a row's scanner gets wrong about `message`: "" when it cannot tell,
/// when it says NoMatch and RE2 finds none, or when it says Match and RE2
/// matches with the same groups (the same views: a group must point into the
/// message where RE2's does). `answered` tells whether it could tell.
inline std::string scannerDisagreement(size_t row, std::string_view message, bool& answered) {
  struct Row {
    std::unique_ptr<RE2> re;
    detail::RowScanner scanner;
  };
  static const auto rows = [] {
    std::vector<Row> out;
    for (const detail::EventPattern& p : detail::eventPatterns())
      out.push_back({std::make_unique<RE2>(p.pattern, detail::eventPatternOptions()), detail::RowScanner(p)});
    return out;
  }();
  const RE2& re = *rows[row].re;
  detail::ScannedGroups scanned;
  const detail::ScanResult said = rows[row].scanner.scan(message, scanned);
  answered = said != detail::ScanResult::CannotTell;
  if (!answered) return "";
  std::vector<re2::StringPiece> captures(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  const bool matched = re.Match(message, 0, message.size(), RE2::UNANCHORED, captures.data(),
                                static_cast<int>(captures.size()));
  const std::string name = "row " + std::to_string(row);
  if (said == detail::ScanResult::NoMatch)
    return matched ? name + ": the scanner said no match where RE2 finds one" : "";
  if (!matched) return name + ": the scanner found a match where RE2 finds none";
  std::string wrong;
  for (size_t g = 1; g < captures.size(); ++g) {
    const std::string_view expected(captures[g].data(), captures[g].size());
    const std::string_view got = scanned[g - 1];
    if (got.data() != expected.data() || got.size() != expected.size()) {
      wrong += name + " group " + std::to_string(g) + ": scanner '" + std::string(got) + "', RE2 '" +
               std::string(expected) + "'; ";
    }
  }
  return wrong;
}

}  // namespace ccmlog::test
