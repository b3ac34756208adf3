#include "read/text_decoder.h"

#include <gtest/gtest.h>

#include "read/utf8.h"
#include "test_support.h"

namespace ccmlog::detail {
namespace {

std::string decodeAll(TextDecoder& decoder, std::string_view bytes, size_t chunk) {
  std::string out;
  for (size_t at = 0; at < bytes.size(); at += chunk) decoder.decode(bytes.substr(at, chunk), out);
  decoder.finish(out);
  return out;
}

TEST(TextDecoder, PassesUtf8ThroughUnchanged) {
  TextDecoder d;
  EXPECT_EQ(decodeAll(d, "\xEF\xBB\xBFhello \xC3\xA9", 3), "\xEF\xBB\xBFhello \xC3\xA9");
  EXPECT_EQ(d.encoding(), Encoding::Utf8Bom);
}

TEST(TextDecoder, DecodesUtf16LeWithBomAcrossOddChunkSplits) {
  const std::string bytes = test::utf16("Access \xC3\xA9 \xF0\x9F\x98\x80!\r\n");
  for (size_t chunk : {1u, 3u, 7u}) {
    TextDecoder d;
    EXPECT_EQ(decodeAll(d, bytes, chunk),
              "\xEF\xBB\xBF"
              "Access \xC3\xA9 \xF0\x9F\x98\x80!\r\n")
        << "chunk " << chunk;
    EXPECT_EQ(d.encoding(), Encoding::Utf16Le);
  }
}

TEST(TextDecoder, DecodesUtf16Be) {
  TextDecoder d;
  EXPECT_EQ(decodeAll(d, test::utf16("MSI (s)", true), 5), "\xEF\xBB\xBFMSI (s)");
  EXPECT_EQ(d.encoding(), Encoding::Utf16Be);
}

TEST(TextDecoder, RecognisesUtf16LeWithoutBomByItsZeroBytes) {
  TextDecoder d;
  const std::string text = "=== Verbose logging started: 1/17/2023  7:33:22 ===\r\n";
  EXPECT_EQ(decodeAll(d, test::utf16(text, false, false), 4096), text);
  EXPECT_EQ(d.encoding(), Encoding::Utf16Le);
}

TEST(TextDecoder, ReplacesUnpairedSurrogatesAndAnOddTrailingByte) {
  TextDecoder d;
  // BOM, 'a', a lone high surrogate, 'b', a lone low surrogate, half a code unit.
  const std::string bytes = std::string("\xFF\xFE", 2) + std::string(
                                                             "a\0\x00\xD8"
                                                             "b\0\x00\xDC"
                                                             "c",
                                                             9);
  const std::string out = decodeAll(d, bytes, 2);
  EXPECT_EQ(out,
            "\xEF\xBB\xBF"
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TextDecoder, SourceLengthCountsTwoBytesPerUtf16CodeUnit) {
  TextDecoder d;
  std::string out;
  d.decode(test::utf16("a\xC3\xA9\xF0\x9F\x98\x80"), out);
  EXPECT_EQ(d.sourceLength(out), 2u + 2 + 2 + 4);
  TextDecoder utf8;
  std::string same;
  utf8.decode("abc\xC3\xA9 plus enough text to decide the encoding from sixty-four bytes!", same);
  EXPECT_EQ(utf8.sourceLength(same), same.size());
}

TEST(Utf8, RepairsEachInvalidByteVisibly) {
  EXPECT_TRUE(isValidUtf8("plain ascii and \xC3\xA9"));
  EXPECT_FALSE(isValidUtf8("bad \x93quote\x94"));
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // surrogate
  std::string out;
  appendRepairedUtf8("a\x93z\xE2\x82", out);
  EXPECT_EQ(out, "a\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace ccmlog::detail
