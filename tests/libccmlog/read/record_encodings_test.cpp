// The reader on encodings: byte order marks, UTF-16, forced encodings and ill-formed UTF-8.
#include "ccmlog/record_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "read/reader_test_support.h"
#include "test_support.h"

namespace ccmlog {
namespace {

using test::at;
using test::cmtrace;
using test::expectChunkingIrrelevant;
using test::readAll;

TEST(RecordReader, BomAtFileStartAndAtEveryLineIsNotPartOfTheText) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string input = bom + cmtrace("a") + bom + cmtrace("b");
  const auto r = readAll(input);
  EXPECT_EQ(r.encoding, Encoding::Utf8Bom);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).message, "a");
  EXPECT_EQ(at(r, 1).message, "b");
  EXPECT_EQ(at(r, 1).kind, RecordKind::CMTrace);
  expectChunkingIrrelevant(input);

  const std::string plain = "<Fri Dec  9 11:25:00 2022> one\n" + bom + "<Fri Dec  9 11:25:00 2022> two\n";
  const auto p = readAll(plain);
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.format, Format::Plain);
  EXPECT_EQ(at(p, 1).message, "<Fri Dec  9 11:25:00 2022> two");
}

TEST(RecordReader, Utf16LeLogDecodesAndSpansCountSourceBytes) {
  const std::string text = cmtrace("Caf\xC3\xA9 \xF0\x9F\x98\x80") + cmtrace("two");
  const std::string input = test::utf16(text);
  const auto r = readAll(input, 7);
  EXPECT_EQ(r.encoding, Encoding::Utf16Le);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).message, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(value(at(r, 1).span.offset), test::utf16(cmtrace("Caf\xC3\xA9 \xF0\x9F\x98\x80")).size());
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, ForcedFormatAndEncodingReReadARecordFromTheMiddleOfAFile) {
  const std::string whole = test::utf16(cmtrace("first") + cmtrace("second line\r\nof the message"));
  const auto all = readAll(whole);
  ASSERT_EQ(all.records.size(), 2u);
  const ByteSpan span = at(all, 1).span;
  ReaderOptions options;
  options.format = Format::CMTrace;
  options.encoding = Encoding::Utf16Le;
  const auto again = readAll(std::string_view(whole).substr(value(span.offset), span.length), 0, options);
  ASSERT_EQ(again.records.size(), 1u);
  EXPECT_EQ(at(again, 0).message, "second line\r\nof the message");
  EXPECT_EQ(at(again, 0).span.length, span.length);
}

TEST(RecordReader, OddLengthUtf16KeepsTheLastByteInTheLastSpan) {
  const std::string input = test::utf16(cmtrace("a")) + "x";
  const auto r = readAll(input);
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
}

TEST(RecordReader, InvalidUtf8IsReplacedVisiblyAndFlagged) {
  const std::string input = cmtrace("user caf\xE9 \x93quoted\x94");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(at(r, 0).message, "user caf\xEF\xBF\xBD \xEF\xBF\xBDquoted\xEF\xBF\xBD");
  EXPECT_TRUE(at(r, 0).flags & kInvalidText);
  EXPECT_EQ(at(r, 0).span.length, input.size());
}

TEST(RecordReader, InvalidUtf8InAnAttributeOfAnAsciiMessageIsReplacedToo) {
  // An ASCII message on one line reads in one pass over it (read/fast/record_scans.h);
  // the attribute list is looked at on its own, 64 bytes at a time when as
  // many follow it (here, the next record).
  std::string input = cmtrace("plain message");
  input.replace(input.find("ccmsetup\""), 8, "ccm\xE9setup");
  input += cmtrace("the next record");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).component, "ccm\xEF\xBF\xBDsetup");
  EXPECT_EQ(at(r, 0).message, "plain message");
  EXPECT_TRUE(at(r, 0).flags & kInvalidText);
  expectChunkingIrrelevant(input);
}

}  // namespace
}  // namespace ccmlog
