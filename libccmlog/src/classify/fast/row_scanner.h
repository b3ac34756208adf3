// classify/fast/row_scanner.h (internal): how the classifier reads an event row without
// RE2, when it can.
//
//   const RowScanner scanner(eventPatterns()[row]);
//   ScannedGroups groups;
//   switch (scanner.scan(message, groups)) {
//     case ScanResult::Match: ...;       // the row matches; groups as RE2 captures them
//     case ScanResult::NoMatch: ...;     // the row does not match
//     case ScanResult::CannotTell: ...;  // ask RE2
//   }
//
// Two kinds of rows can be read so:
//  - a row with a hand-written scanner (classify/fast/capture_scanners.h), which answers
//    Match with the groups, or CannotTell;
//  - a row whose pattern is literal words, optionally anchored at the start
//    (`^`) and followed by a word boundary (`\b`): "Successfully created the
//    ccmsetup service", `^Download complete\b`, `… Error 0x8004100e\b`. Looking
//    for the words answers Match or NoMatch; such a row has no groups.
// Both read only ASCII messages (RE2 folds case by Unicode rules beyond it:
// a Kelvin sign matches 'k'); any other message is CannotTell.
// row_scanner_test.cpp and fuzz/row_scanner_fuzzer.cpp hold every
// answer against RE2's.
#pragma once

#include <string>
#include <string_view>

#include "classify/event_patterns.h"
#include "classify/fast/capture_scanners.h"

namespace ccmlog::detail {

enum class ScanResult { Match, NoMatch, CannotTell };

class RowScanner {
 public:
  explicit RowScanner(const EventPattern& row);

  /// Whether scan() can ever answer (else it is always CannotTell).
  bool canScan() const { return fields_ != nullptr || !words_.empty(); }

  ScanResult scan(std::string_view message, ScannedGroups& groups) const;

 private:
  FieldScanner fields_ = nullptr;
  std::string words_;  ///< lower case; empty unless the pattern is literal words
  bool atStart_ = false;
  bool boundaryAfter_ = false;
};

}  // namespace ccmlog::detail
