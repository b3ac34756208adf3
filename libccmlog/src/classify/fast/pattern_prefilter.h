// classify/fast/pattern_prefilter.h (internal): which event patterns a message can possibly match, cheaply.
//
//   const PatternPrefilter prefilter(eventPatterns(), eventPatternOptions());
//   std::vector<int> rows;
//   if (prefilter.candidateRows(message, rows))
//     for (int row : rows) ...;  // only these rows can match; often none, rarely more than one
//   else
//     ...;                       // cannot tell: any row may match
//
// Most lines of a log are no event. Instead of running every message through
// RE2, the prefilter looks for the literal words ("atoms") that RE2's own
// analysis (re2::FilteredRE2) finds a match of each pattern must contain. Of
// the atoms a row needs (it cannot pass RE2's filter without them) it is keyed
// on the longest, or, when no long one is needed alone, on two of which it
// needs one; it is a candidate when a key is in the message. The words come
// from the table, never written by hand, so a new row cannot be missed.
//
// The contract is one-sided: a row left out cannot match (checked by
// pattern_prefilter_test.cpp on every test log); a row listed may still not
// match. The atoms are lower case and RE2 folds case by Unicode rules (a Kelvin
// sign matches 'k'), so for a message with a byte beyond ASCII it cannot tell.
// candidateRows() is const and safe to call from several threads.
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "classify/event_patterns.h"

namespace ccmlog::detail {

class PatternPrefilter {
 public:
  PatternPrefilter(std::span<const EventPattern> table, const RE2::Options& options);

  /// Replaces `rows` with the rows (in table order) that may match `message`,
  /// and returns true; returns false when it cannot tell (then any row may),
  /// which is when, and only when, the message has a byte beyond ASCII.
  bool candidateRows(std::string_view message, std::vector<int>& rows) const;

  /// For each row, the atoms (words RE2 found) it is keyed on, as indexes
  /// into atoms(); empty when it is a candidate for every message.
  const std::vector<std::vector<int>>& keys() const { return keys_; }
  const std::vector<std::string>& atoms() const { return atoms_; }  ///< lower case

 private:
  std::vector<std::string> atoms_;             ///< lower case
  std::vector<std::vector<int>> keys_;         ///< per row
  std::vector<std::vector<int>> rowsKeyedOn_;  ///< per atom
  std::vector<int> rowsNeedingNothing_;        ///< candidates for every message
  /// Each atom is looked for at its least common windows of bytes (its
  /// anchors). The anchors of the k-th key set in isAnchor_ (its rank, from
  /// keysBefore_ and a popcount) are anchors_[bucketStart_[k] .. bucketStart_[k + 1]).
  struct Anchor {
    int atom;
    std::uint32_t offset;  ///< of the window within the atom
    std::uint32_t length;  ///< of the atom
    /// The atom's first four bytes, and 0x20 where they are letters: four
    /// message bytes b are those letters in any casing when (b | caseBits) == head.
    std::uint32_t head, caseBits;
  };
  std::array<std::uint64_t, (1 << 16) / 64> isAnchor_{};    ///< a bit per key: some atom's anchor
  std::array<std::uint16_t, (1 << 16) / 64> keysBefore_{};  ///< keys set in the words before
  std::vector<std::uint32_t> bucketStart_;
  std::vector<Anchor> anchors_;
  std::vector<std::string> atomCaseBits_;  ///< per atom: 0x20 where it has a letter, else 0

  bool atomAt(const unsigned char* m, size_t start, int atom) const;
};

}  // namespace ccmlog::detail
