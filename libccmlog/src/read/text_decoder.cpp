#include "read/text_decoder.h"

#include "read/utf8.h"

namespace ccmlog::detail {
namespace {

// Enough bytes to tell UTF-16 from UTF-8 by the pattern of zero bytes.
constexpr size_t kDetectBytes = 64;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

void TextDecoder::detect(bool atEnd) {
  const std::string_view head = held_;
  if (startsWith(head, "\xFF\xFE")) {
    encoding_ = Encoding::Utf16Le;
  } else if (startsWith(head, "\xFE\xFF")) {
    encoding_ = Encoding::Utf16Be;
  } else if (startsWith(head, kBom)) {
    encoding_ = Encoding::Utf8Bom;
  } else if (head.size() < kDetectBytes && !atEnd) {
    return;  // wait for more bytes
  } else {
    size_t evenZeros = 0, oddZeros = 0;
    const size_t n = std::min(head.size(), kDetectBytes) & ~size_t{1};
    for (size_t i = 0; i < n; ++i) (i % 2 ? oddZeros : evenZeros) += head[i] == '\0';
    // ASCII in UTF-16LE: zeros at odd offsets; UTF-16BE: at even offsets.
    if (n >= 4 && oddZeros * 4 >= n && evenZeros * 16 < n) {
      encoding_ = Encoding::Utf16Le;
    } else if (n >= 4 && evenZeros * 4 >= n && oddZeros * 16 < n) {
      encoding_ = Encoding::Utf16Be;
    } else {
      encoding_ = Encoding::Utf8;
    }
  }
}

void TextDecoder::decode(std::string_view bytes, std::string& out) {
  if (encoding_ == Encoding::Unknown) {
    held_.append(bytes);
    detect(false);
    if (encoding_ == Encoding::Unknown) return;
    std::string first;
    first.swap(held_);
    decode(first, out);
    return;
  }
  if (encoding_ == Encoding::Utf8 || encoding_ == Encoding::Utf8Bom) {
    out.append(bytes);
    return;
  }
  decodeUtf16(bytes, out);
}

char16_t TextDecoder::unit(std::string_view bytes, size_t at) const {
  const auto b0 = static_cast<unsigned char>(bytes[at]);
  const auto b1 = static_cast<unsigned char>(bytes[at + 1]);
  return static_cast<char16_t>(encoding_ == Encoding::Utf16Le ? b0 | (b1 << 8) : (b0 << 8) | b1);
}

void TextDecoder::decodeUtf16(std::string_view bytes, std::string& out) {
  std::string joined;
  if (!held_.empty()) {
    joined = held_ + std::string(bytes);
    held_.clear();
    bytes = joined;
  }
  size_t i = 0;
  for (; i + 2 <= bytes.size(); i += 2) {
    const char16_t u = unit(bytes, i);
    if (highSurrogate_ != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        appendCodePoint(0x10000 + ((char32_t{highSurrogate_} - 0xD800) << 10) + (u - 0xDC00), out);
        highSurrogate_ = 0;
        continue;
      }
      out.append(kReplacement);  // the lone high half
      highSurrogate_ = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      highSurrogate_ = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      out.append(kReplacement);
    } else {
      appendCodePoint(u, out);
    }
  }
  held_.assign(bytes.substr(i));
}

void TextDecoder::finish(std::string& out) {
  if (encoding_ == Encoding::Unknown) {
    detect(true);
    std::string rest;
    rest.swap(held_);
    decode(rest, out);
  }
  if (highSurrogate_ != 0) {
    out.append(kReplacement);
    highSurrogate_ = 0;
  }
  if (!held_.empty()) {  // half a UTF-16 code unit
    out.append(kReplacement);
    held_.clear();
  }
}

std::uint64_t TextDecoder::sourceLength(std::string_view text) const {
  if (encoding_ != Encoding::Utf16Le && encoding_ != Encoding::Utf16Be) return text.size();
  // One code unit per character below U+10000, two (a surrogate pair) above.
  std::uint64_t units = 0;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
  }
  return units * 2;
}

}  // namespace ccmlog::detail
