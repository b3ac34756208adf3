// The reader on the one-line formats: SMS, CMTrace copies and pastes (in other locales too), MSI logs.
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
      "=== Verbose logging started: 1/17/2023  23:59:58  Build type: SHIP UNICODE 5.00.10011.00  Calling "
      "process: x ===\r\n"
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

}  // namespace
}  // namespace ccmlog
