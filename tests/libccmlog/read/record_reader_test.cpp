// The reader as a whole: format detection among mixed lines, plain text, empty and binary
// input, and inputs that would be slow or unbounded if a line were scanned twice or kept whole.
#include "ccmlog/record_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "read/reader_test_support.h"
#include "test_support.h"

namespace ccmlog {
namespace {

using test::at;
using test::cmtrace;
using test::expectChunkingIrrelevant;
using test::readAll;

// What reading `piece` `times` over, then `tail`, gave, without keeping the
// input or the records (for inputs too big to hold twice).
struct Streamed {
  std::uint64_t records = 0;
  std::uint64_t longest = 0;  ///< span length of the longest record
  size_t longestMessage = 0;  ///< bytes of the longest message held
  bool cut = false;           ///< a record has kCutText
  RecordKind lastKind = RecordKind::Plain;
  std::string problem;  ///< how the spans fail to tile the input; empty when they do
};

Streamed readRepeated(std::string_view piece, size_t times, std::string_view tail = {}) {
  RecordReader reader;
  Record record;
  Streamed out;
  std::uint64_t expected = 0;
  const auto drain = [&] {
    while (reader.next(record)) {
      if (out.problem.empty() && (value(record.span.offset) != expected || record.span.length == 0)) {
        out.problem = "record " + std::to_string(out.records) + " at " +
                      std::to_string(value(record.span.offset)) + ", expected " + std::to_string(expected);
      }
      expected = value(record.span.end());
      out.longest = std::max(out.longest, record.span.length);
      out.longestMessage = std::max(out.longestMessage, record.message.size());
      out.cut = out.cut || (record.flags & kCutText);
      out.lastKind = record.kind;
      ++out.records;
    }
  };
  for (size_t i = 0; i < times; ++i) {
    reader.feed(piece);
    drain();
  }
  reader.feed(tail);
  reader.finish();
  drain();
  const std::uint64_t size = piece.size() * times + tail.size();
  if (out.problem.empty() && expected != size) {
    out.problem = "records end at " + std::to_string(expected) + " of " + std::to_string(size);
  }
  return out;
}

TEST(RecordReader, StraySmsLineInACmtraceFileIsRecognised) {
  const std::string input =
      cmtrace("a") + "stray  $$<C><12-09-2022 11:25:14.217+360><thread=1 (0x1)>\r\n" + cmtrace("b");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Sms);
  EXPECT_EQ(at(r, 1).message, "stray");
}

TEST(RecordReader, GarbageAtTheStartDoesNotHideACmtraceFile) {
  std::string input;
  for (int i = 0; i < 100; ++i) input += "leftover line " + std::to_string(i) + "\r\n";
  input += cmtrace("a record");
  const auto r = readAll(input, 7);
  EXPECT_EQ(r.format, Format::CMTrace);
  ASSERT_EQ(r.records.size(), 101u);
  EXPECT_EQ(at(r, 100).message, "a record");
}

// Found by fuzz/record_reader_fuzzer: small chunks let 16 SMS lines decide
// the format before the CMTrace record that the whole window shows.
TEST(RecordReader, LinesOfAnotherFormatBeforeACmtraceRecordDecideNothingInSmallChunks) {
  std::string input;
  for (int i = 0; i < 20; ++i) {
    input += "stray " + std::to_string(i) + "  $$<C><12-09-2022 11:25:14.217+360><thread=1 (0x1)>\r\n";
  }
  input += cmtrace("a record");
  const auto r = readAll(input, 7);
  EXPECT_EQ(r.format, Format::CMTrace);
  ASSERT_EQ(r.records.size(), 21u);
  EXPECT_EQ(at(r, 20).message, "a record");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, PlainTextIsTheFallbackWithSeverityFromWords) {
  const auto r = readAll("all good\nwarning: disk low\nsomething failed\n");
  EXPECT_EQ(r.format, Format::Plain);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 0).severity, Severity::Info);
  EXPECT_EQ(at(r, 1).severity, Severity::Warning);
  EXPECT_EQ(at(r, 2).severity, Severity::Error);
}

TEST(RecordReader, EmptyInputYieldsNoRecords) {
  const auto r = readAll("");
  EXPECT_TRUE(r.records.empty());
}

TEST(RecordReader, BinaryGarbageTilesLikeAnyOtherInput) {
  std::string input;
  for (int i = 0; i < 5000; ++i) input.push_back(static_cast<char>((i * 7919) % 256));
  expectChunkingIrrelevant(input);
  input.insert(100, "]LOG]!><time=\"");
  input.insert(2000, "<![LOG[");
  expectChunkingIrrelevant(input);
}

// Each of these would take hours if cutting one stray line rescanned the rest.
TEST(RecordReader, ManyStrayLinesBeforeOneRecordStayLinear) {
  std::string input = cmtrace("first");
  for (int i = 0; i < 200000; ++i) input += "garbage line " + std::to_string(i) + "\r\n";
  input += cmtrace("last");
  const auto r = readAll(input, 1 << 20);
  ASSERT_EQ(r.records.size(), 200002u);
  EXPECT_EQ(at(r, 200000).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 200001).message, "last");
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
}

TEST(RecordReader, LongTailWithoutTerminatorStaysLinear) {
  std::string input = cmtrace("first");
  for (int i = 0; i < 200000; ++i) input += "<![LOG[opener without end " + std::to_string(i) + "\n";
  const auto r = readAll(input, 1 << 20);
  ASSERT_EQ(r.records.size(), 200001u);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Unparsed);
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
}

TEST(RecordReader, ManyTerminatorsWithoutOpenersAreOrphansEach) {
  std::string input;
  for (int i = 0; i < 1000; ++i) input += "]LOG]!><time=\"1:2:3.4\">\n";
  const auto r = readAll(input, 4096);
  EXPECT_EQ(r.records.size(), 1000u);
  EXPECT_EQ(at(r, 999).kind, RecordKind::Orphan);
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");

  const Streamed million = readRepeated(input, 1000);  // 10^6 terminators
  EXPECT_EQ(million.records, 1'000'000u);
  EXPECT_EQ(million.lastKind, RecordKind::Orphan);
  EXPECT_EQ(million.problem, "");
}

TEST(RecordReader, NulBytesAreDataAndNeverEndARecord) {
  // A crashed machine leaves a log padded with NULs up to its allocated size.
  const std::string nuls(300, '\0');
  const std::string input =
      cmtrace("before") + cmtrace(std::string("in\0side", 7)) + nuls + cmtrace("after") + nuls;
  const auto r = readAll(input);
  EXPECT_EQ(r.encoding, Encoding::Utf8);
  EXPECT_EQ(r.format, Format::CMTrace);
  ASSERT_GE(r.records.size(), 4u);
  EXPECT_EQ(at(r, 1).message, std::string_view("in\0side", 7));
  EXPECT_EQ(at(r, 2).kind, RecordKind::Unparsed);
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
  expectChunkingIrrelevant(input);
  expectChunkingIrrelevant(nuls);
}

TEST(RecordReader, ALongLineIsScannedOnceAndHoldsABoundedPrefix) {
  // 256 MiB fed in the 64 KiB blocks readFile uses: scanning the line again
  // from its start at every block would be quadratic and hold all of it.
  const std::string block(64 << 10, 'x');
  const Streamed line = readRepeated(block, 4096, "\n");
  EXPECT_EQ(line.records, 1u);
  EXPECT_EQ(line.longest, (256u << 20) + 1);
  EXPECT_EQ(line.problem, "");
  EXPECT_TRUE(line.cut);
  EXPECT_LE(line.longestMessage, (1u << 20) + (4u << 10) + 64);  // its first MiB, the marker, its last 4 KiB
}

TEST(RecordReader, ALongLineInEveryLineFormatIsCutWithItsSpanWhole) {
  const std::string longText(3 << 20, 'x');
  const std::string accented =
      "\xc3\xa9" + std::string(3 << 20, 'y');  // for a UTF-16 line of 3 Mi characters
  struct Case {
    std::string input;
    size_t records;
    RecordKind kind;  ///< of the record cut
  };
  const Case cases[] = {
      {"Plain text line " + longText + "\nnext line\n", 2, RecordKind::Plain},
      // The envelope after the message is in the line's tail, which is kept.
      {"Installing client " + longText + "\tccmsetup\t1/17/2023 9:41:07 AM\t7348 (0x1CB4)\r\nnext\r\n", 2,
       RecordKind::Copied},
      {"before$$<ccmsetup><01-17-2023 09:41:07.449+300><thread=7348 (0x1CB4)>\n" + longText +
           "$$<ccmsetup><01-17-2023 09:41:07.449+300><thread=7348 (0x1CB4)>\nnext$$<ccmsetup><01-17-2023 "
           "09:41:07.449+300><thread=7348 (0x1CB4)>\n",
       3, RecordKind::Sms},
      {"=== Verbose logging started: 1/17/2023  9:41:07 ===\r\nMSI (s) (60:70) [09:41:07:449]: " + longText +
           "\r\n" + longText + "\r\nMSI (s) (60:70) [09:41:07:450]: next\r\n",
       3, RecordKind::Msi},
      {test::utf16("Plain text line " + accented + "\r\nnext line\r\n"), 2, RecordKind::Plain},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input.substr(0, 40));
    for (const size_t chunk : {size_t{0}, size_t{65536}, size_t{100'003}}) {
      const auto r = test::readAll(c.input, chunk);
      EXPECT_EQ(test::tilingProblem(r.records, c.input.size()), "");
      ASSERT_EQ(r.records.size(), c.records);
      size_t cut = 0;
      for (const OwnedRecord& o : r.records) {
        EXPECT_LE(o.record.message.size(), 2 * ((1u << 20) + (4u << 10) + 64));  // MSI: two cut lines
        if (!(o.record.flags & kCutText)) continue;
        ++cut;
        EXPECT_EQ(o.record.kind, c.kind);
        EXPECT_NE(o.record.message.find("[... cut: the line is longer than 1 MiB ...]"),
                  std::string_view::npos);
      }
      EXPECT_EQ(cut, 1u);
      EXPECT_TRUE(r.records.back().record.message.starts_with("next"));
    }
  }
}

TEST(RecordReader, AHundredMegabyteLineIsOneRecordReadInLinearTime) {
  const std::string block(1 << 20, 'x');
  const Streamed line = readRepeated(block, 100, "\n");
  EXPECT_EQ(line.records, 1u);
  EXPECT_EQ(line.longest, (100u << 20) + 1);
  EXPECT_EQ(line.problem, "");

  const std::string opened = "<![LOG[" + block;  // a CMTrace record that never ends
  const Streamed open = readRepeated(opened, 100);
  EXPECT_GE(open.records, 1u);
  EXPECT_EQ(open.problem, "");
}

}  // namespace
}  // namespace ccmlog
