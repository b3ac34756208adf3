// A row scanner must tell what RE2 tells (no match, or a match with the same
// groups) or not tell: checked on the samples, on every message of every test
// log, on every one-byte edit of the samples, and on the cases where
// backtracking or a word boundary decides.
#include "classify/fast/row_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/record_reader.h"
#include "classify/event_patterns.h"
#include "classify/fast/row_scanner_oracle.h"
#include "test_support.h"

namespace ccmlog::detail {
namespace {

using test::asciiSample;
using test::withCase;

using test::scannedRows;
using test::scannerDisagreement;

// "" when every row scanner keeps its contract on `message`; counts its answers.
std::string disagreements(std::string_view message, size_t& answers) {
  std::string wrong;
  for (const size_t row : scannedRows()) {
    bool answered = false;
    wrong += scannerDisagreement(row, message, answered);
    answers += answered;
  }
  return wrong;
}

TEST(RowScanner, TheMostFrequentRowsHaveOne) {
  std::vector<EventKind> kinds;
  for (const size_t row : scannedRows()) kinds.push_back(eventPatterns()[row].kind);
  for (const EventKind kind :
       {EventKind::DownloadProgress, EventKind::BitsFileAdded, EventKind::DownloadStarted,
        EventKind::CommandLine, EventKind::MsiAction, EventKind::RunStarted, EventKind::DownloadComplete,
        EventKind::ServiceCreated, EventKind::Benign})
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << toString(kind);
}

TEST(RowScanner, ReadsLiteralPatternsAndOnlyThose) {
  const auto canScan = [](std::string_view pattern) {
    return RowScanner(EventPattern{EventKind::Benign, pattern, ""}).canScan();
  };
  EXPECT_TRUE(canScan("Successfully created the ccmsetup service"));
  EXPECT_TRUE(canScan(R"(^Download complete\b)"));
  EXPECT_TRUE(canScan(R"(Unexpected row count \(0\) retrieved from AD)"));
  EXPECT_TRUE(canScan(R"(Error 0x8004100e\b)"));
  EXPECT_FALSE(canScan(R"(Enumerated all \d+ DP locations?)"));
  EXPECT_FALSE(canScan(R"(\bhash\b)"));
  EXPECT_FALSE(canScan(R"((?s)Failed)"));
  EXPECT_FALSE(canScan("Retry time:[ ]"));
  EXPECT_FALSE(canScan("a|b"));
  EXPECT_FALSE(canScan(R"(ends in a backslash \)"));
  EXPECT_FALSE(canScan("caf\u00e9"));
  EXPECT_FALSE(canScan("^"));
  ScannedGroups groups;
  const RowScanner downloadComplete(EventPattern{EventKind::DownloadComplete, R"(^Download complete\b)", ""});
  EXPECT_EQ(downloadComplete.scan("DOWNLOAD COMPLETE.", groups), ScanResult::Match);
  EXPECT_EQ(downloadComplete.scan("Download completed", groups), ScanResult::NoMatch);
  EXPECT_EQ(downloadComplete.scan(" Download complete", groups), ScanResult::NoMatch);
  EXPECT_EQ(downloadComplete.scan("Download complete \u00e9", groups), ScanResult::CannotTell);
}

TEST(RowScanner, EachReadsItsRowsSampleInAnyCase) {
  for (const size_t row : scannedRows()) {
    const std::string sample = asciiSample(eventPatterns()[row].sample);
    for (const std::string& text : {sample, withCase(sample, true), withCase(sample, false)}) {
      bool answered = false;
      EXPECT_EQ(scannerDisagreement(row, text, answered), "") << text;
      EXPECT_TRUE(answered) << "row " << row << " cannot tell on its sample: " << text;
    }
  }
}

TEST(RowScanner, AgreeWithRe2OnEveryMessageOfTheTestLogs) {
  size_t messages = 0, answers = 0;
  for (const auto& path : test::testdataFiles()) {
    const auto summary = readFile(path, [&](const Record& r) {
      ++messages;
      for (const std::string& text :
           {std::string(r.message), withCase(r.message, true), withCase(r.message, false)})
        EXPECT_EQ(disagreements(text, answers), "") << path << ":" << value(r.line) << ": " << text;
    });
    ASSERT_TRUE(summary) << summary.error().message;
  }
  EXPECT_GT(messages, 1000u);
  EXPECT_GT(answers, 1000u);  // the scanners do read the test logs' events
}

TEST(RowScanner, AgreeWithRe2OnEveryOneByteEditOfTheSamples) {
  // Bytes the patterns treat specially: delimiters, line ends, spaces, digits, word bytes.
  constexpr std::string_view kBytes = " \t\r\n'\".:%()-0a_Z\f\v";
  size_t edits = 0, answers = 0;
  for (const size_t row : scannedRows()) {
    const std::string sample = asciiSample(eventPatterns()[row].sample);
    for (const std::string& text : test::oneByteEdits(sample, kBytes)) {
      ++edits;
      EXPECT_EQ(disagreements(text, answers), "") << '"' << text << '"';
    }
  }
  EXPECT_GT(edits, 20000u);
  EXPECT_GT(answers, edits / 3);  // many edits leave a match the scanner still reads
}

// Messages where the first reading is not the match, where greedy and lazy
// groups decide, or a word boundary: the scanner must give the RE2 answer or none.
TEST(RowScanner, AgreeWithRe2WhereBacktrackingOrABoundaryDecides) {
  const std::vector<std::string> hard = {
      "Downloading a to b to c",
      "Downloading a to b to   ",
      "Downloading  to b",
      "Downloading a to \r\nb",
      "Downloading a TO b To c\r\nd to e",
      "Downloading a to to b",
      "Adding file 'a' to BITS job, saving as 'b' to BITS job, saving as 'c'",
      "Adding file '' to BITS job, saving as 'b'",
      "Adding file 'a' to BITS job, saving as ''",
      "Adding file 'a' to BITS job, saving as '''",
      "Adding file 'a\r\n' to BITS job, saving as 'b'",
      "Adding file 'x' adding file 'a' to BITS job, saving as 'b'",
      "File download 5% complete (1 of 2 bytes) File download 6% complete (3 of 4 bytes)",
      "File download x File download 6% complete (3 of 4 bytes)",
      "MSI: Action 1:: X.",
      "MSI: Action :: X.",
      "MSI: Action 1: .",
      "MSI: Action 12:00:01:  X.",
      "MSI: Action 1: X MSI: Action 2: Y.",
      "File 'a' installation succeeded",
      "File ''a' installation succeeded",
      "File ' installation succeeded",
      "File '' installation succeeded",
      "Profile x installation succeeded",
      "File x\r\nFile y installation succeeded",
      "File a' installation succeeded",
      "Ccmsetup command line:    \r\nCcmsetup command line: x",
      "Ccmsetup command line: x \t ",
      "Launch from folder \f",
      "Running as user \"\" Running as user \"x\"",
      "Running as user \"x",
      "Retry time:\r\n\t 10 minute(s)",
      "Retry time: \v10 minute(s)",
      "Next retry in  10 minute(s)",
      "Detected 1 processor. Detected 2 MB free disk space",
      "CcmSetup is exiting with return code -",
      "CcmSetup is exiting with return code --5",
      "CcmSetup is exiting with return code -5x",
      "ccmsetup started in process  12",
      "ccmsetup started in process x ccmsetup started in process 12",
      "CcmSetup version: 5.",
      "CcmSetup version: 5.0.",
      "CcmSetup version: 5..0",
      " CcmSetup version: 5.0",
      "Version: 4.0.6221.1000.x",
      "Download completed",
      "Download complete_",
      "Download complete",
      "In ServiceMain2",
      "xIn ServiceMain",
      "Failed to connect to policy namespace. Error 0x8004100e1",
      "Failed to connect to policy namespace. Error 0x8004100e1 Failed to connect to policy namespace. Error "
      "0x8004100e.",
      "Unexpected row count (0) retrieved from ADx",
      "successfully created the ccmsetup servicesuccessfully created the ccmsetup service",
      "CcmSetup failed with error code 0x8007000g",
      "CcmSetup failed with error code 0X1A",
      "CcmSetup failed with error code -2147024891",
      "CcmSetup failed with error code --5",
      "CcmSetup failed with error code 0x",
      "CcmSetup failed with error code 0xg1 CcmSetup failed with error code 5",
      "CcmSetup failed with error code 12ab.",
      "CcmSetup failed with error code 12abz",
      "Failed to download client files by BITS. Error:  0x80190194",
      "Failed to download client files by BITS. Error:\r\n0x80190194",
      "Failed to download client files by BITS. Errors 0x1",
      "Failed to download files through BITS. Error: 0x80190194, Description: HTTP status 404\r\n more text "
      " ",
      "Failed to download files through BITS. Error: 0x80190194 Description:   ",
      "Failed to download files through BITS. Error: 0x80190194,Description:",
      "Failed to download files through BITS. Error: 0x80190194,, Description x",
      "Failed to access source file (a(b)c) x) error 0x5",
      "Failed to access source file (a) terror 5 error: 6",
      "Failed to access source file (a) error: 0xg error -7",
      "Failed to access source file (a)\r\nerror 5",
      "Failed to access source file () error 5",
      "Failed to access source file (a",
      "Source 'x' is inaccessible error 5",
      "Source ''x' is inaccessible",
      "Source x is inaccessible. Error:0x80070005",
      "Failed to check url 'http://a/b'. 404",
      "Failed to check url http://a/b., status 401",
      "Failed to check url ... 404",
      "Failed to check url http://a/b 4040 404",
      "Failed to check url http://a/b a404 404",
      "Failed to check url ''",
      "Failed to check url 'x 200",
  };
  size_t answers = 0;
  for (const std::string& text : hard) EXPECT_EQ(disagreements(text, answers), "") << '"' << text << '"';
  EXPECT_GT(answers, 30u);
}

}  // namespace
}  // namespace ccmlog::detail
