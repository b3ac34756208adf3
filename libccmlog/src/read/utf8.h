// read/utf8.h (internal): checking and repairing UTF-8 text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ccmlog::detail {

/// U+FFFD, the visible stand-in for bytes that are not text.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
/// U+FEFF in UTF-8: a byte-order mark, found at file starts and sometimes at line starts.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Length of the ASCII bytes `text` starts with (eight at a time: most log text is ASCII).
size_t asciiPrefix(std::string_view text);

/// Whether every byte of `text` is ASCII.
inline bool isAscii(std::string_view text) { return asciiPrefix(text) == text.size(); }

/// Length of the well-formed UTF-8 sequence at text[i] (1 for ASCII), or 0 when it is ill-formed.
size_t sequenceLength(std::string_view text, size_t i);

/// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Appends `text` to `out`, each byte of an ill-formed sequence replaced by U+FFFD.
void appendRepairedUtf8(std::string_view text, std::string& out);

/// Appends the UTF-8 encoding of code point `cp` (which must be a scalar value).
void appendCodePoint(char32_t cp, std::string& out);

}  // namespace ccmlog::detail
