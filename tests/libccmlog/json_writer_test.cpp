#include "ccmlog/json_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace ccmlog {
namespace {

// The escaping rules one byte at a time, as the oracle for the fast path.
std::string escapedByteByByte(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlBytesOnly) {
  std::string out;
  appendJsonString(out, "a\"b\\c\r\n\td\x01\x1f\x7f \xc3\xa9");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\r\\n\\td\\u0001\\u001f\x7f \xc3\xa9\"");
}

TEST(JsonWriter, EveryByteAtEveryPlaceInALongRunIsEscapedAsByItself) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(20, 'x');
      text[at] = static_cast<char>(byte);
      text += text;  // two of them, in different eight-byte words
      std::string out;
      appendJsonString(out, text);
      ASSERT_EQ(out, escapedByteByByte(text)) << "byte " << byte << " at " << at;
    }
  }
}

TEST(JsonWriter, EmptyTextIsNullNeverAnEmptyString) {
  std::string out;
  JsonWriter json(out);
  json.beginObject().key("user").textOrNull("").key("version").textOrNull("5.0").endObject();
  EXPECT_EQ(out, R"({"user":null,"version":"5.0"})");
}

}  // namespace
}  // namespace ccmlog
