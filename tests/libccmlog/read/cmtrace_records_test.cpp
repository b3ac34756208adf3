// The reader on CMTrace records: fields, multi-line messages, orphans, garbage between records and odd envelopes.
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
                         cmtrace("a", "1:1:1.1", "1-1-2020", "1") + cmtrace("b", "1:1:1.1", "1-1-2020", "2") +
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
      cmtrace(
          "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404:\n"
          "The requested URL does not exist on the server.") +
      cmtrace(
          "<ClientDeploymentMessage ErrorCode=\"-2145844844\">\r\n  <x "
          "a='>'/>]]>\r\n</ClientDeploymentMessage>") +
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

}  // namespace
}  // namespace ccmlog
