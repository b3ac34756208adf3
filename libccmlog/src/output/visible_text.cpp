#include "ccmlog/visible_text.h"

#include "read/utf8.h"

namespace ccmlog {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendEscaped(std::string& out, std::string_view prefix, unsigned value, int digits) {
  out.append(prefix);
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xF]);
}

}  // namespace

void appendVisibleText(std::string& out, std::string_view text, KeptControls kept, IllFormedBytes illFormed) {
  const bool keepLayout = kept == KeptControls::TabsAndNewlines;
  size_t plain = 0;  // start of the bytes not yet appended, all of them shown as they are
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    const size_t length = c < 0x80 ? 1 : detail::sequenceLength(text, i);
    // A two-byte sequence C2 80..C2 9F is a C1 control (U+0080..U+009F): CSI, OSC and the like.
    const bool c1 = length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    const bool layout = keepLayout && (c == '\t' || c == '\n');
    if (length > 1 && !c1) {
      i += length;
      continue;
    }
    if (layout) {
      ++i;
      continue;
    }
    out.append(text.substr(plain, i - plain));
    if (c1)
      appendEscaped(out, "\\u00", static_cast<unsigned char>(text[i + 1]), 2);
    else if (length == 0 && illFormed == IllFormedBytes::Replacement)
      out.append(detail::kReplacement);
    else
      appendEscaped(out, "\\x", c, 2);  // a control, DEL, or a byte that is not UTF-8
    i += c1 ? 2 : 1;
    plain = i;
  }
  out.append(text.substr(plain));
}

std::string visibleText(std::string_view text, KeptControls kept, IllFormedBytes illFormed) {
  std::string out;
  out.reserve(text.size());
  appendVisibleText(out, text, kept, illFormed);
  return out;
}

}  // namespace ccmlog
