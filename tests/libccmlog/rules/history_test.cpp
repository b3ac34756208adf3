// Tests of rules/history.cpp and of the clock the prose tells times in: a
// machine's state is its latest attempt's; findings about earlier attempts
// are dated history, at most warnings (docs/ccmsetup-logs.md#history).
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

// A /noservice attempt at 09:00 that could not download, then one at 15:00.
LogLines attemptsOf(const LogLines& latest) {
  return LogLines{
             {"==========[ ccmsetup started in process 100 ]==========", "09:00:00.000"},
             {R"(Ccmsetup command line: "\\srv\share\ccmsetup.exe" /noservice)"},
             {"Failed to download client files by BITS. Error 0x80190194", "", "3"},
             {"CcmSetup failed with error code 0x80190194", "", "3"},
             {"CcmSetup is exiting with return code 1"},
             {"==========[ ccmsetup started in process 300 ]==========", "15:00:00.000"},
             {R"(Ccmsetup command line: "\\srv\share\ccmsetup.exe" /noservice)"},
         } +
         latest;
}

TEST(History, AFailureOfAnEarlierAttemptIsDatedHistoryWhenTheLatestSucceeded) {
  const Report r = analyzeSetupLog(attemptsOf({{"CcmSetup is exiting with return code 0"}}), "+300");
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  ASSERT_FALSE(r.findings.empty());
  for (const Finding& f : r.findings) {
    EXPECT_TRUE(f.history) << f.rule;
    EXPECT_LE(f.severity, FindingSeverity::Warning) << f.rule;
    EXPECT_EQ(f.title.rfind("The attempt of 2023-01-17: ", 0), 0u) << f.title;
    EXPECT_NE(f.explanation.find("This is history: a later attempt, started 2023-01-17T15:00:00"),
              std::string::npos)
        << f.explanation;
    EXPECT_NE(f.explanation.find("succeeded."), std::string::npos) << f.explanation;
  }
}

TEST(History, TheLatestAttemptsOwnFailureIsNotHistory) {
  const Report r = analyzeSetupLog(attemptsOf({
      {"Failed to download client files by BITS. Error 0x80190194", "", "3"},
      {"CcmSetup failed with error code 0x80190194", "", "3"},
      {"CcmSetup is exiting with return code 1"},
  }));
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  ASSERT_FALSE(r.findings.empty());
  const Finding& headline = r.findings.front();
  EXPECT_FALSE(headline.history);
  EXPECT_EQ(headline.severity, FindingSeverity::Error);
  EXPECT_GE(citedLines(headline).back(), 6u) << "about the latest attempt (lines 6 on)";
}

TEST(History, TheProseTellsTimesInTheClockItWasGiven) {
  const std::string log = cmtraceLog(attemptsOf({{"CcmSetup is exiting with return code 0"}}), "+300");
  const std::vector<LogText> logs{{"ccmsetup.log", log}};
  AnalysisOptions utc;
  utc.diagnosis.clock = Clock::Utc;
  const Report r = analyzeTexts(logs, utc);
  ASSERT_FALSE(r.findings.empty());
  // 15:00 local with bias +300 (UTC = local + bias) is 20:00 UTC.
  EXPECT_NE(r.findings.front().explanation.find("started 2023-01-17T20:00:00"), std::string::npos)
      << r.findings.front().explanation;
  EXPECT_NE(r.findings.front().explanation.find("Z"), std::string::npos) << r.findings.front().explanation;
  EXPECT_EQ(r.findings.front().explanation.find("15:00"), std::string::npos)
      << r.findings.front().explanation;
}

}  // namespace
}  // namespace ccmlog::test
