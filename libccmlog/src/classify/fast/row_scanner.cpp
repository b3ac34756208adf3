#include "classify/fast/row_scanner.h"

#include "classify/text_case.h"
#include "read/utf8.h"

namespace ccmlog::detail {
namespace {

// RE2's \b at `at`: a word byte on exactly one side (outside the text is no word).
bool boundaryAt(std::string_view text, size_t at) {
  const bool before = at > 0 && isWordByte(text[at - 1]);
  const bool after = at < text.size() && isWordByte(text[at]);
  return before != after;
}

}  // namespace

RowScanner::RowScanner(const EventPattern& row) : fields_(row.scan) {
  std::string_view p = row.pattern;
  atStart_ = p.starts_with('^');
  if (atStart_) p.remove_prefix(1);
  boundaryAfter_ = p.ends_with("\\b") && !p.ends_with("\\\\b");
  if (boundaryAfter_) p.remove_suffix(2);
  std::string words;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {  // an escaped punctuation mark stands for itself; \d, \s, \b … do not
      if (++i == p.size() || isWordByte(p[i])) return;
      c = p[i];
    } else if (std::string_view(".[](){}*+?^$|").find(c) != std::string_view::npos) {
      return;
    }
    if (static_cast<unsigned char>(c) >= 0x80) return;
    words += asciiLower(c);
  }
  words_ = std::move(words);
}

ScanResult RowScanner::scan(std::string_view message, ScannedGroups& groups) const {
  if (!canScan() || !isAscii(message)) return ScanResult::CannotTell;
  if (fields_) return fields_(message, groups) ? ScanResult::Match : ScanResult::CannotTell;
  const auto matchesAt = [&](size_t at) {
    return !boundaryAfter_ || boundaryAt(message, at + words_.size());
  };
  if (atStart_) return wordsAt(message, 0, words_) && matchesAt(0) ? ScanResult::Match : ScanResult::NoMatch;
  for (size_t at = findWords(message, words_); at != std::string_view::npos;
       at = findWords(message, words_, at + 1))
    if (matchesAt(at)) return ScanResult::Match;
  return ScanResult::NoMatch;
}

}  // namespace ccmlog::detail
