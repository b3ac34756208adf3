// scanToBang (SSE2 where there is SSE2) and scanToBangInWords must both say
// what a byte-by-byte look says: the first '!' and what lies before it; and
// masksOf64 what masksOf64InBytes says.
#include "read/fast/record_scans.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace ccmlog::detail {
namespace {

MessageScan byteByByte(std::string_view text, size_t from) {
  MessageScan scan;
  for (size_t i = from; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '!') {
      scan.bang = i;
      break;
    }
    scan.lineEnd = scan.lineEnd || c == '\r' || c == '\n';
    scan.beyondAscii = scan.beyondAscii || c >= 0x80;
  }
  return scan;
}

std::string describe(const MessageScan& s) {
  return "bang " + (s.bang == std::string_view::npos ? std::string("npos") : std::to_string(s.bang)) +
         " lineEnd " + std::to_string(s.lineEnd) + " beyondAscii " + std::to_string(s.beyondAscii);
}

TEST(RecordScans, ScanToBangFindsTheFirstBangAndWhatIsBeforeIt) {
  const std::string text = "<![LOG[caf\xC3\xA9\r\nline two]LOG]!><time=\"";
  const MessageScan scan = scanToBang(text, 7);
  EXPECT_EQ(scan.bang, text.find('!', 7));
  EXPECT_TRUE(scan.lineEnd);
  EXPECT_TRUE(scan.beyondAscii);
  // What follows the '!' does not count.
  const MessageScan plain = scanToBang("<![LOG[plain]LOG]!>\r\n\xC3\xA9", 7);
  EXPECT_FALSE(plain.lineEnd);
  EXPECT_FALSE(plain.beyondAscii);
  EXPECT_EQ(scanToBang("no bang at all\n", 0).bang, std::string_view::npos);
  EXPECT_TRUE(scanToBang("no bang at all\n", 0).lineEnd);
}

TEST(RecordScans, ScanToBangAgreesWithAByteByByteLookOnRandomText) {
  // Bytes that matter ('!', CR, LF, high bytes, and the bytes one above and
  // below them, where word tricks go wrong) in every position and length.
  const std::string alphabet =
      std::string("!\r\n\x80\xFF\x7F \"ab") + '\x0B' + '\x0C' + '\x20' + '\x22' + '\x00';
  std::mt19937 random(20261130);
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 70, ' ');
    for (char& c : text)
      c = random() % 4 == 0 ? alphabet[random() % alphabet.size()] : static_cast<char>('a' + random() % 26);
    const size_t from = text.empty() ? 0 : random() % (text.size() + 1);
    const std::string expected = describe(byteByByte(text, from));
    ASSERT_EQ(describe(scanToBang(text, from)), expected) << round;
    ASSERT_EQ(describe(scanToBangInWords(text, from)), expected) << round;
  }
}

TEST(RecordScans, MasksOf64MarkQuotesLineEndsAndHighBytesWhereTheyAre) {
  std::string block(64, 'a');
  block[0] = '"';
  block[17] = '\r';
  block[18] = '\n';
  block[40] = '\xC3';
  block[63] = '"';
  const ByteMasks m = masksOf64(block.data());
  EXPECT_EQ(m.quotes, (std::uint64_t{1} << 0) | (std::uint64_t{1} << 63));
  EXPECT_EQ(m.lineEnds, (std::uint64_t{3} << 17));
  EXPECT_EQ(m.high, std::uint64_t{1} << 40);
}

TEST(RecordScans, MasksOf64AgreeWithAByteByByteLookOnRandomBlocks) {
  const std::string alphabet = std::string("\"\r\n\x80\xFF\x7F!#\x0B\x0C") + '\x00';
  std::mt19937 random(1130);
  for (int round = 0; round < 20000; ++round) {
    std::string block(64, ' ');
    for (char& c : block)
      c = random() % 3 == 0 ? alphabet[random() % alphabet.size()] : static_cast<char>('a' + random() % 26);
    const ByteMasks fast = masksOf64(block.data()), slow = masksOf64InBytes(block.data());
    ASSERT_EQ(fast.quotes, slow.quotes) << round;
    ASSERT_EQ(fast.lineEnds, slow.lineEnds) << round;
    ASSERT_EQ(fast.high, slow.high) << round;
  }
}

}  // namespace
}  // namespace ccmlog::detail
