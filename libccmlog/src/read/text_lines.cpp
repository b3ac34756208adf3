#include "read/text_lines.h"

#include <cstring>

namespace ccmlog::detail {

LineRange lineAt(std::string_view text, size_t from, bool atEnd) {
  LineRange r;
  r.start = from;
  size_t i = from;
  const char* data = text.data();
  const size_t n = text.size();
  // Find the first CR or LF; memchr for LF is fast, CR is rare outside CRLF.
  const void* lf = std::memchr(data + i, '\n', n - i);
  const size_t lfAt = lf ? static_cast<size_t>(static_cast<const char*>(lf) - data) : n;
  const void* cr = std::memchr(data + i, '\r', lfAt - i);
  if (cr) {
    const size_t crAt = static_cast<size_t>(static_cast<const char*>(cr) - data);
    r.contentEnd = crAt;
    if (crAt + 1 < n) {
      r.end = text[crAt + 1] == '\n' ? crAt + 2 : crAt + 1;
      r.complete = true;
    } else {
      r.end = n;
      r.complete = atEnd;
    }
    return r;
  }
  r.contentEnd = lfAt;
  r.end = lfAt < n ? lfAt + 1 : n;
  r.complete = lfAt < n;
  return r;
}

std::uint64_t countLineEnds(std::string_view text) {
  std::uint64_t count = 0;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const void* lf = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!lf) break;
    ++count;
    p = static_cast<const char*>(lf) + 1;
  }
  // Lone CRs (not followed by LF) end lines too.
  p = text.data();
  while (p < end) {
    const void* cr = std::memchr(p, '\r', static_cast<size_t>(end - p));
    if (!cr) break;
    const char* c = static_cast<const char*>(cr);
    if (c + 1 == end || c[1] != '\n') ++count;
    p = c + 1;
  }
  return count;
}

std::string_view withoutLineEnd(std::string_view text) {
  if (text.ends_with("\r\n")) return text.substr(0, text.size() - 2);
  if (text.ends_with('\n') || text.ends_with('\r')) return text.substr(0, text.size() - 1);
  return text;
}

}  // namespace ccmlog::detail
