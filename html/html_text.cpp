#include "html_text.h"

#include "ccmlog/visible_text.h"

namespace ccmlog::html {

std::string escapeHtml(std::string_view text) {
  // Controls shown as the terminal outputs show them, bytes that are not
  // UTF-8 repaired as the reader repairs log text; then the markup.
  const std::string shown = visibleText(text, KeptControls::TabsAndNewlines, IllFormedBytes::Replacement);
  std::string out;
  out.reserve(shown.size() + shown.size() / 8);
  for (const char c : shown) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string shortened(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t cut = bytes > 0 ? bytes - 1 : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace ccmlog::html
