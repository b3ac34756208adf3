#include "ccmlog/json_writer.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>

#include "byte_words.h"

namespace ccmlog {

namespace {

// Bytes that need an escape: '"', '\\' and the control characters.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[static_cast<size_t>(c)] = true;
  escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

// The bytes of `word` that need an escape, marked as byte_words.h marks them.
std::uint64_t escapedBytes(std::uint64_t word) {
  return detail::bytesBelow(word, 0x20) | detail::bytesEqual(word, '"') | detail::bytesEqual(word, '\\');
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  size_t plain = 0;  // start of the bytes not yet appended, none of them escaped
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {  // eight bytes at a time, to the first that needs an escape
      const std::uint64_t escaped = escapedBytes(detail::loadWord(text.data() + i));
      if (!escaped) {
        i += 8;
        continue;
      }
      i += static_cast<size_t>(std::countr_zero(escaped) / 8);
    } else if (!kEscaped[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    out.append(text.substr(plain, i - plain));  // runs of plain bytes in one append
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
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
