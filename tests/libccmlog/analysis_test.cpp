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

}  // namespace
}  // namespace ccmlog::test
