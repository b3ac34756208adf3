// read/text_lines.h (internal): physical lines as an editor counts them: CRLF, LF
// and a lone CR each end a line.
#pragma once

#include <cstdint>
#include <string_view>

#include "read/utf8.h"

namespace ccmlog::detail {

/// One physical line: [start, contentEnd) is its text, [contentEnd, end) its line end.
struct LineRange {
  size_t start = 0, contentEnd = 0, end = 0;
  bool complete = false;  ///< a line end was found (false: the text ran out first)
};

/// The line starting at `from`. A CR as the very last byte counts as complete
/// only when `atEnd` (otherwise an LF may follow in the next chunk).
LineRange lineAt(std::string_view text, size_t from, bool atEnd);

/// Number of line ends in `text`.
std::uint64_t countLineEnds(std::string_view text);

/// `text` without a trailing CRLF, LF or CR.
std::string_view withoutLineEnd(std::string_view text);

/// Offset just past a UTF-8 byte-order mark at text[at], or `at` when there is none.
inline size_t skipBom(std::string_view text, size_t at) {
  return text.substr(at, kBom.size()) == kBom ? at + kBom.size() : at;
}

/// Whether `at` is the first byte of a line (or of the text).
inline bool atLineStart(std::string_view text, size_t at) {
  return at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r';
}

}  // namespace ccmlog::detail
