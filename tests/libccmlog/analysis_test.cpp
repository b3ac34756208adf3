// Tests of analysis.h: analyzeFiles over inputs that can and cannot be read.
#include <gtest/gtest.h>

#include "ccmlog/analysis.h"

namespace ccmlog::test {
namespace {

const std::filesystem::path kLog = CCMLOG_TESTDATA_DIR "/machines/service-context-2009/ccmsetup.log";

TEST(AnalyzeFiles, OneReadableInputIsAnalyzedAndTheUnreadableOneReported) {
  const auto report = analyzeFiles({"no/such.log", kLog});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->files.size(), 2u);
  int unreadable = 0;
  for (const FileReport& f : report->files) unreadable += f.error.has_value();
  EXPECT_EQ(unreadable, 1);
  EXPECT_EQ(report->outcome.status, OutcomeStatus::Failed);
}

TEST(AnalyzeFiles, NoReadableInputIsAnErrorNamingEveryPath) {
  const auto report = analyzeFiles({"no/such.log", "no/other.log"});
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("cannot open 'no/such.log'"), std::string::npos) << report.error().message;
  EXPECT_NE(report.error().message.find("cannot open 'no/other.log'"), std::string::npos) << report.error().message;
}

TEST(FileNote, SaysWhyAFileTellsNothing) {
  FileReport file;
  file.path = "ccmsetup.log";
  file.format = Format::Unknown;
  EXPECT_EQ(fileNote(file), "empty file");
  file.bytes = 120;
  file.format = Format::Plain;
  EXPECT_EQ(fileNote(file), "no ConfigMgr log format: read as plain text");
  file.error = "cannot open 'ccmsetup.log': Permission denied";
  EXPECT_EQ(fileNote(file), "cannot open 'ccmsetup.log': Permission denied");
}

TEST(FileNote, IsEmptyForAnyLogFormat) {
  for (const Format format : {Format::CMTrace, Format::Sms, Format::Copied, Format::Pasted, Format::Msi}) {
    FileReport file;
    file.bytes = 120;
    file.format = format;
    EXPECT_EQ(fileNote(file), "") << toString(format);
  }
}

}  // namespace
}  // namespace ccmlog::test
