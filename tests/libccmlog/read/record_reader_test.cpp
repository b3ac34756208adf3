#include "ccmlog/record_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "test_support.h"

namespace ccmlog {
namespace {

using test::cmtrace;
using test::readAll;

const Record& at(const test::ReadResult& r, size_t i) { return r.records.at(i).record; }

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

// Every chunk size must give the same records as reading all at once.
void expectChunkingIrrelevant(const std::string& input) {
  const auto whole = readAll(input);
  for (size_t chunk : {1u, 2u, 3u, 5u, 13u, 64u}) {
    const auto pieces = readAll(input, chunk);
    ASSERT_EQ(pieces.records.size(), whole.records.size()) << "chunk " << chunk;
    for (size_t i = 0; i < whole.records.size(); ++i) {
      const Record& a = at(whole, i);
      const Record& b = at(pieces, i);
      EXPECT_EQ(a.span, b.span) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(a.message, b.message) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(a.kind, b.kind) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(value(a.line), value(b.line)) << "chunk " << chunk << " record " << i;
    }
  }
  EXPECT_EQ(test::tilingProblem(whole.records, input.size()), "");
}

TEST(RecordReader, ReadsCmtraceFieldsAndDerivesUtcFromBias) {
  const auto r = readAll(cmtrace("Running as user \"SYSTEM\"", "11:15:43.354+300", "01-17-2023", "1"));
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = at(r, 0);
  EXPECT_EQ(r.format, Format::CMTrace);
  EXPECT_EQ(rec.kind, RecordKind::CMTrace);
  EXPECT_EQ(rec.message, "Running as user \"SYSTEM\"");
  EXPECT_EQ(rec.component, "ccmsetup");
  EXPECT_EQ(rec.thread, "3264");
  EXPECT_EQ(rec.source, "ccmsetup.cpp:1234");
  EXPECT_EQ(rec.severity, Severity::Info);
  ASSERT_TRUE(rec.local);
  EXPECT_EQ(formatIso(*rec.local), "2023-01-17T11:15:43.354");
  EXPECT_EQ(rec.bias, 300);
  // docs/ccmsetup-logs.md#bias: a line stamped 11:15:43.354+300 is 04:15:43 PM UTC.
  EXPECT_EQ(formatIso(*rec.utc(), Zone::Utc), "2023-01-17T16:15:43.354Z");
}

TEST(RecordReader, TypeFieldGivesSeverityWithZeroAsVerbose) {
  const auto r = readAll(cmtrace("In ServiceMain", "1:1:1.1", "1-1-2020", "0") +
                         cmtrace("a", "1:1:1.1", "1-1-2020", "1") +
                         cmtrace("b", "1:1:1.1", "1-1-2020", "2") +
                         cmtrace("c", "1:1:1.1", "1-1-2020", "3"));
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(at(r, 0).severity, Severity::Verbose);
  EXPECT_EQ(at(r, 1).severity, Severity::Info);
  EXPECT_EQ(at(r, 2).severity, Severity::Warning);
  EXPECT_EQ(at(r, 3).severity, Severity::Error);
}

TEST(RecordReader, MultiLineMessagesEndAtTheTerminatorNotAtLineEnds) {
  const std::string input =
      cmtrace("first") +
      cmtrace("Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404:\n"
              "The requested URL does not exist on the server.") +
      cmtrace("<ClientDeploymentMessage ErrorCode=\"-2145844844\">\r\n  <x a='>'/>]]>\r\n</ClientDeploymentMessage>") +
      cmtrace("last");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(value(at(r, 0).line), 1u);
  EXPECT_EQ(value(at(r, 1).line), 2u);
  EXPECT_EQ(at(r, 1).lines, 2u);
  EXPECT_TRUE(at(r, 1).message.ends_with("does not exist on the server."));
  EXPECT_EQ(value(at(r, 2).line), 4u);
  EXPECT_EQ(at(r, 2).lines, 3u);
  EXPECT_NE(at(r, 2).message.find("]]>"), std::string_view::npos);
  EXPECT_EQ(value(at(r, 3).line), 7u);
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, LoneCrCountsAsALineEndLikeAnEditor) {
  const auto r = readAll(cmtrace("one\rtwo") + cmtrace("three"));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).lines, 2u);
  EXPECT_EQ(value(at(r, 1).line), 3u);
}

TEST(RecordReader, OrphanTailAtFileStartIsKeptAsItsOwnRecord) {
  const std::string input =
      "tail of a rotated record]LOG]!><time=\"17:19:52.5701234\" date=\"7-4-2021\" component=\"x\" "
      "context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n" +
      cmtrace("next");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::Orphan);
  EXPECT_EQ(at(r, 0).message, "tail of a rotated record");
  ASSERT_TRUE(at(r, 0).local);
  EXPECT_EQ(formatIso(*at(r, 0).local), "2021-07-04T17:19:52.5701234");
  EXPECT_FALSE(at(r, 0).bias);
  EXPECT_FALSE(at(r, 0).utc());
  EXPECT_EQ(at(r, 1).kind, RecordKind::CMTrace);
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, GarbageBetweenRecordsBecomesUnparsedLines) {
  const std::string input = cmtrace("a") + "garbage one\r\ngarbage two\r\n" + cmtrace("b");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 1).message, "garbage one");
  EXPECT_EQ(at(r, 2).message, "garbage two");
  EXPECT_EQ(value(at(r, 2).line), 3u);
  EXPECT_EQ(at(r, 3).message, "b");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, RecordCutShortByACrashIsSplitFromTheNextOne) {
  const std::string input = "<![LOG[half written\r\n" + cmtrace("whole");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 1).message, "whole");
}

TEST(RecordReader, RecordTruncatedAtEndOfFileIsUnparsedAndKept) {
  const std::string input = cmtrace("a") + "<![LOG[cut off\r\nin the middle";
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 1).message, "cut off\r\nin the middle");
  EXPECT_EQ(at(r, 1).lines, 2u);
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, EnvelopeWithoutClosingBracketEndsAtItsLine) {
  const std::string input =
      "<![LOG[x]LOG]!><time=\"10:00:00.000+000\" date=\"01-01-2020\" component=\"c\r\n" + cmtrace("y");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::CMTrace);
  EXPECT_TRUE(at(r, 0).flags & kOpenEnvelope);
  EXPECT_EQ(at(r, 0).message, "x");
  EXPECT_EQ(at(r, 1).message, "y");
  expectChunkingIrrelevant(input);
}

// The usual attribute list is read value by value with memchr; a line end
// inside a value must still leave the envelope open at that line end.
TEST(RecordReader, AValueCutByALineEndLeavesTheUsualEnvelopeOpen) {
  const std::string input =
      "<![LOG[x]LOG]!><time=\"10:00:00.000+000\" date=\"01-01-2020\" component=\"c\nd\" context=\"\" "
      "type=\"1\" thread=\"7\" file=\"f.cpp:1\">\r\n" +
      cmtrace("y");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::CMTrace);
  EXPECT_TRUE(at(r, 0).flags & kOpenEnvelope);
  EXPECT_EQ(at(r, 0).component, "");
  EXPECT_EQ(at(r, 0).thread, "");
  EXPECT_TRUE(at(r, 0).local);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 2).message, "y");
  EXPECT_EQ(at(r, 2).component, "ccmsetup");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, LongAttributeValuesAreReadWhole) {
  // Values longer than the 64 bytes the usual list is looked at in a time,
  // with a record after them (so that the fast path is taken).
  const std::string component(150, 'c'), file(100, 'f');
  std::string input = cmtrace("long values");
  input.replace(input.find("ccmsetup\""), 8, component);
  input.replace(input.find("ccmsetup.cpp:1234"), 17, file);
  input += cmtrace("next");
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 0).component, component);
  EXPECT_EQ(at(r, 0).source, file);
  EXPECT_EQ(at(r, 0).thread, "3264");
  EXPECT_FALSE(at(r, 0).flags & kOpenEnvelope);
  EXPECT_EQ(at(r, 1).message, "next");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, OddAttributesAreKeptAsWritten) {
  const std::string input =
      "<![LOG[Property LogPath is now = X:\\MININT]LOG]!><time=\"16:52:13.000+000\" date=\"02-07-2024\" "
      "component=\"LiteTouch\" context=\"S-1-5-18\" type=\"1\" thread=\"\" file=\"LiteTouch\">\r\n";
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(at(r, 0).context, "S-1-5-18");
  EXPECT_EQ(at(r, 0).thread, "");
  EXPECT_EQ(at(r, 0).source, "LiteTouch");
  EXPECT_EQ(at(r, 0).bias, 0);
}

TEST(RecordReader, ImpossibleTimeAndBiasAreFlaggedNotGuessed) {
  const auto r = readAll(cmtrace("a", "99:99:99.000+300", "13-45-0000") +
                         cmtrace("b", "10:00:00.000+99999999999", "01-01-2020") +
                         cmtrace("c", "10:00:00.000+-360", "01-01-2020"));
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_FALSE(at(r, 0).local);
  EXPECT_TRUE(at(r, 0).flags & kBadTime);
  EXPECT_TRUE(at(r, 1).local);
  EXPECT_FALSE(at(r, 1).bias);
  EXPECT_TRUE(at(r, 1).flags & kBadBias);
  EXPECT_EQ(at(r, 2).bias, -360);
  EXPECT_TRUE(at(r, 2).flags & kOddBiasSign);
}

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

TEST(RecordReader, SmsFormatWithMultiLineMessage) {
  const std::string input =
      "SMS_EXECUTIVE started SMS_FALLBACK_STATUS_POINT as thread ID 6156 (0x180C).  "
      "$$<SMS_FALLBACK_STATUS_POINT><12-09-2022 11:25:14.217+360><thread=4764 (0x129C)>\n"
      "Failed to connect, first line\n"
      "second line~  $$<SMS_FSP><12-09-2022 11:25:15.000+360><thread=6156 (0x180C)>\n"
      "Using failover server.  $$<SMS_FSP><12-09-2022 11:25:16.000+360><thread=6156 (0x180C)>\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Sms);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::Sms);
  EXPECT_EQ(at(r, 0).component, "SMS_FALLBACK_STATUS_POINT");
  EXPECT_EQ(at(r, 0).thread, "4764");
  EXPECT_EQ(at(r, 0).bias, 360);
  EXPECT_EQ(formatIso(*at(r, 0).utc(), Zone::Utc), "2022-12-09T17:25:14.217Z");
  EXPECT_EQ(at(r, 1).message, "Failed to connect, first line\nsecond line");
  EXPECT_EQ(at(r, 1).lines, 2u);
  EXPECT_EQ(at(r, 1).severity, Severity::Error);
  EXPECT_EQ(at(r, 2).severity, Severity::Info);  // "failover" is not a failure
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, SmsLinesWithoutTrailerAtEndOfFileAreUnparsed) {
  const std::string input =
      "ok  $$<C><12-09-2022 11:25:14.217+360><thread=1 (0x1)>\ndangling one\ndangling two";
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 1).kind, RecordKind::Unparsed);
  EXPECT_EQ(at(r, 2).message, "dangling two");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, CopiedTextWithTabsAndThread) {
  const std::string input =
      "Log Text\tComponent\tDate/Time\tThread\r\n"
      "Download complete.\tccmsetup\t3/4/2009 11:16:11 AM\t2348 (0x092C)\r\n"
      "Running as user \"SYSTEM\"\tccmsetup\t09/09/2022 14:07:21\t2608 (0x0A30)\r\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Copied);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::Plain);  // the header row
  EXPECT_EQ(at(r, 1).kind, RecordKind::Copied);
  EXPECT_EQ(at(r, 1).message, "Download complete.");
  EXPECT_EQ(at(r, 1).thread, "2348");
  EXPECT_EQ(formatIso(*at(r, 1).local), "2009-03-04T11:16:11.000");
  EXPECT_FALSE(at(r, 1).bias);  // copied text carries no time zone
  EXPECT_EQ(formatIso(*at(r, 2).local), "2022-09-09T14:07:21.000");
}

TEST(RecordReader, PastedTextWithSpacesAndLinesWithoutTrailer) {
  const std::string input =
      "==========[ ccmsetup started in process 2348 ]========== ccmsetup 3/4/2009 11:16:10 AM\n"
      "Version: 4.0.6221.1000 ccmsetup 3/4/2009 11:16:10 AM\n"
      "Downloading c:myinstalldirccmsetup.exe to C:Windowsccmsetupccmsetup.exe\n"
      "Running as user \"SYSTEM\" ccmsetup 3/4/2009 11:16:32 AM\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Pasted);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(at(r, 0).kind, RecordKind::Pasted);
  EXPECT_EQ(at(r, 0).message, "==========[ ccmsetup started in process 2348 ]==========");
  EXPECT_EQ(at(r, 0).component, "ccmsetup");
  EXPECT_EQ(at(r, 2).kind, RecordKind::Plain);
  EXPECT_FALSE(at(r, 2).local);
  EXPECT_EQ(formatIso(*at(r, 3).local), "2009-03-04T11:16:32.000");
  EXPECT_TRUE(at(r, 3).flags & kAmbiguousDate);
}

// docs/ccmsetup-logs.md#excerpts: pastes of CMTrace copies in other locales.
TEST(RecordReader, PastedTextWithTheDateBeforeTheComponent) {
  const std::string input =
      "Running as user \"SYSTEM\" 23/02/2011 11:52:31 ccmsetup 8548 (0x2164)\r\n"
      "MSI: Setup failed due to unexpected circumstances\r\n"
      "The error code is 80004005 23/02/2011 11:53:14 ccmsetup 8548 (0x2164)\r\n"
      "Installation failed with error code 1603 23/02/2011 11:53:36 ccmsetup 8548 (0x2164)\r\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Pasted);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(at(r, 0).message, "Running as user \"SYSTEM\"");
  EXPECT_EQ(at(r, 0).component, "ccmsetup");
  EXPECT_EQ(at(r, 0).thread, "8548");
  EXPECT_EQ(formatIso(*at(r, 0).local), "2011-02-23T11:52:31.000");
  EXPECT_EQ(at(r, 3).message, "Installation failed with error code 1603");
  expectChunkingIrrelevant(input);
}

TEST(RecordReader, CopiedTextWithAJapaneseLocaleDate) {
  const std::string input =
      "Running as user \"SYSTEM\"\tccmsetup\t2022/05/02 14:43:57\t8548 (0x2164)\r\n"
      "CcmSetup failed with error code 0x80070005\tccmsetup\t2022/05/02 14:43:58\t8548 (0x2164)\r\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Copied);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(at(r, 1).message, "CcmSetup failed with error code 0x80070005");
  EXPECT_EQ(formatIso(*at(r, 1).local), "2022-05-02T14:43:58.000");
}

TEST(RecordReader, MsiLogTakesDateFromHeaderAndKeepsContinuationLines) {
  const std::string input =
      "=== Verbose logging started: 1/17/2023  23:59:58  Build type: SHIP UNICODE 5.00.10011.00  Calling process: x ===\r\n"
      "MSI (c) (F8:00) [23:59:58:272]: ******* RunEngine:\r\n"
      "           ******* Product: {3BB91993}\r\n"
      "\r\n"
      "MSI (s) (60!70) [00:00:01:005]: Product: Client -- Error 1306.\r\n"
      "Action ended 0:00:02: InstallFinalize. Return value 3.\r\n";
  const auto r = readAll(input);
  EXPECT_EQ(r.format, Format::Msi);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(formatIso(*at(r, 0).local), "2023-01-17T23:59:58.000");
  EXPECT_EQ(at(r, 1).component, "MSI (c)");
  EXPECT_EQ(at(r, 1).thread, "F8:00");
  EXPECT_EQ(at(r, 1).message, "******* RunEngine:\r\n           ******* Product: {3BB91993}\r\n");
  EXPECT_EQ(at(r, 1).lines, 3u);
  EXPECT_EQ(formatIso(*at(r, 2).local), "2023-01-18T00:00:01.005");  // past midnight
  EXPECT_EQ(at(r, 2).thread, "60!70");
  EXPECT_EQ(at(r, 3).message, "Action ended 0:00:02: InstallFinalize. Return value 3.");
  EXPECT_EQ(formatIso(*at(r, 3).local), "2023-01-18T00:00:02.000");
  EXPECT_FALSE(at(r, 3).bias);
  expectChunkingIrrelevant(input);
}

// Found by fuzz/record_reader_fuzzer: a header cut after its date threw out_of_range.
TEST(RecordReader, MsiHeaderCutAfterItsDateIsKeptWithoutATime) {
  const std::string input =
      "=== Verbose logging started: 1/17/2023   \r\n"
      "MSI (c) (F8:00) [23:59:58:272]: ******* RunEngine:\r\n";
  const auto r = readAll(input);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.format, Format::Msi);
  EXPECT_FALSE(at(r, 0).local);
  EXPECT_EQ(test::tilingProblem(r.records, input.size()), "");
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
  const std::string input = cmtrace("before") + cmtrace(std::string("in\0side", 7)) + nuls + cmtrace("after") + nuls;
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
  const std::string accented = "\xc3\xa9" + std::string(3 << 20, 'y');  // for a UTF-16 line of 3 Mi characters
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
        EXPECT_NE(o.record.message.find("[... cut: the line is longer than 1 MiB ...]"), std::string_view::npos);
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
