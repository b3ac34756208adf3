#include "ccmlog/json_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace ccmlog {
namespace {

// The escaping rules one byte at a time, as the oracle for the fast path, for
// text in which no byte beyond ASCII is part of a well-formed sequence.
std::string escapedByteByByte(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
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
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
          out += "\xEF\xBF\xBD";  // U+FFFD
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

TEST(JsonWriter, TextThatIsNotUtf8BecomesUtf8) {
  // A folder name on Linux may be any bytes: Latin-1 "Müller", a lone continuation byte,
  // a sequence cut short, an overlong '/', a surrogate.
  std::string out;
  appendJsonString(out, "M\xfcller \x80 \xe2\x82 \xc0\xaf \xed\xa0\x80 ok \xe2\x82\xac");
  EXPECT_EQ(out,
            "\"M\xEF\xBF\xBDller \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok \xe2\x82\xac\"");
}

TEST(JsonWriter, C1ControlsAreEscaped) {
  std::string out;
  appendJsonString(out,
                   "a\xc2\x9b"
                   "2J\xc2\x85 \xc2\xa0 \xc3\xa9");  // CSI, NEL; then NBSP and é stay
  EXPECT_EQ(out, "\"a\\u009b2J\\u0085 \xc2\xa0 \xc3\xa9\"");
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
