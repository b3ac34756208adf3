#include "ccmlog/json_writer.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>

#include "read/fast/byte_words.h"
#include "read/utf8.h"

namespace ccmlog {

namespace {

// Bytes that need a look: '"', '\\' and the control characters are escaped;
// bytes beyond ASCII are checked, since JSON must be UTF-8 and names (paths,
// zip entries) need not be.
constexpr std::array<bool, 256> kLooked = [] {
  std::array<bool, 256> looked{};
  for (int c = 0; c < 0x20; ++c) looked[static_cast<size_t>(c)] = true;
  for (int c = 0x80; c < 0x100; ++c) looked[static_cast<size_t>(c)] = true;
  looked['"'] = looked['\\'] = true;
  return looked;
}();

// The bytes of `word` that need a look, marked as read/fast/byte_words.h marks them.
std::uint64_t lookedBytes(std::uint64_t word) {
  return detail::bytesBelow(word, 0x20) | detail::bytesEqual(word, '"') | detail::bytesEqual(word, '\\') |
         (word & detail::kHighBits);
}

void appendUnicodeEscape(std::string& out, unsigned c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", c);
  out += buf;
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  size_t plain = 0;  // start of the bytes not yet appended, all written as they are
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {  // eight bytes at a time, to the first that needs a look
      const std::uint64_t looked = lookedBytes(detail::loadWord(text.data() + i));
      if (!looked) {
        i += 8;
        continue;
      }
      i += static_cast<size_t>(std::countr_zero(looked) / 8);
    } else if (!kLooked[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t sequence = c >= 0x80 ? detail::sequenceLength(text, i) : 0;
    // A C1 control (U+0080..U+009F, C2 80..C2 9F) is escaped too: some terminals obey it.
    const bool c1 = sequence == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (sequence && !c1) {  // well-formed UTF-8: written as it is
      i += sequence;
      continue;
    }
    out.append(text.substr(plain, i - plain));  // runs of plain bytes in one append
    if (c1) {
      appendUnicodeEscape(out, static_cast<unsigned char>(text[i + 1]));
      i += 2;
      plain = i;
      continue;
    }
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        // A byte of an ill-formed sequence is replaced, as the reader repairs log text.
        if (c >= 0x80)
          out += detail::kReplacement;
        else
          appendUnicodeEscape(out, c);
    }
    ++i;
  }
  out.append(text.substr(plain));
  out.push_back('"');
}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  out_.push_back('\n');
  out_.append(hasItems_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::beforeValue() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (!hasItems_.empty()) {
    if (hasItems_.back() == 1) out_.push_back(',');
    hasItems_.back() = 1;
    newline();
  }
}

JsonWriter& JsonWriter::open(char bracket) {
  beforeValue();
  out_.push_back(bracket);
  hasItems_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool items = hasItems_.back() == 1;
  hasItems_.pop_back();
  if (items) newline();
  out_.push_back(bracket);
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  beforeValue();
  appendJsonString(out_, name);
  out_ += indent_ > 0 ? ": " : ":";
  afterKey_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  beforeValue();
  appendJsonString(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  beforeValue();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  beforeValue();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  beforeValue();
  out_ += "null";
  return *this;
}

}  // namespace ccmlog
