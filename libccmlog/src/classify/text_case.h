// classify/text_case.h (internal): ASCII case folding for names in logs (accounts,
// file names), which Windows compares without regard to case, and for
// looking for words in messages as case-insensitive patterns do.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace ccmlog::detail {

/// `c` with A-Z turned into a-z.
inline char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

/// `text` with A-Z turned into a-z; other bytes as they are.
inline std::string asciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return asciiLower(c); });
  return out;
}

/// RE2's \w: an ASCII letter, digit or underscore.
inline bool isWordByte(char c) {
  const char l = asciiLower(c);
  return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Whether `words` (lower case) is in `text` at `at`, in any ASCII casing.
inline bool wordsAt(std::string_view text, std::size_t at, std::string_view words) {
  if (at > text.size() || text.size() - at < words.size()) return false;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (asciiLower(text[at + k]) != words[k]) return false;
  return true;
}

/// Where `words` (lower case, not empty) first occurs in `text` at or after
/// `from`, in any ASCII casing; npos when nowhere.
inline std::size_t findWords(std::string_view text, std::string_view words, std::size_t from = 0) {
  for (std::size_t at = from; at + words.size() <= text.size(); ++at)
    if (asciiLower(text[at]) == words[0] && wordsAt(text, at, words)) return at;
  return std::string_view::npos;
}

}  // namespace ccmlog::detail
