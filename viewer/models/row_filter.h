// row_filter.h: which records a log view shows.
//
// A RowFilter combines conditions the index can answer (severity, component,
// thread, file, time range), cheap to test for millions of rows, with an
// optional condition on the message, which must be read back from the file
// (text_scan.h). The text is a case-insensitive substring or an RE2 pattern.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ccmlog/basics.h"
#include "models/log_index.h"

namespace re2 {
class RE2;
}

namespace ccmlog::viewer {

/// A compiled text condition. Immutable, so safe to use from several threads.
class TextMatcher {
 public:
  /// `text` as a case-insensitive substring, or as an RE2 pattern when `regex`
  /// (case-sensitive unless it says (?i)); an Error says what is wrong with a pattern.
  static Result<TextMatcher> compile(std::string_view text, bool regex);

  bool matches(std::string_view message) const;

 private:
  explicit TextMatcher(std::shared_ptr<const re2::RE2> re) : re_(std::move(re)) {}
  std::shared_ptr<const re2::RE2> re_;
};

struct RowFilter {
  std::shared_ptr<const TextMatcher> text;                 ///< null: any message
  std::array<bool, 4> severities{true, true, true, true};  ///< shown, by Severity
  std::optional<NameId> component, thread;
  std::optional<FileIndex> file;
  std::optional<Timestamp> from, to;  ///< local time, inclusive; records without a time are out

  /// True when some condition is set.
  bool active() const;
  /// Every condition but the text one.
  bool acceptsEntry(const IndexEntry& entry) const;
};

/// A highlight rule: rows whose message the matcher accepts get the colour (as RGB).
struct HighlightRule {
  std::shared_ptr<const TextMatcher> text;
  std::uint32_t rgb = 0xffff00;
};

}  // namespace ccmlog::viewer
