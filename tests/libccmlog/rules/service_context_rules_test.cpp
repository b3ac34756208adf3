// Tests of rules/service_context_rules.cpp: service-context-source-access and source-access-retry-loop.
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

// Lines 6-8 of a log after bootstrapRun: the service's run, as SYSTEM.
const LogLines kServiceRun = {
    {"==========[ ccmsetup started in process 200 ]==========", "09:00:10.000"},
    {R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /runservice SMSSITECODE=PS1)"},
    {R"(Running as user "SYSTEM")"},
};

LogLine accessDenied(std::string time = {}) {
  return {R"(Failed to access source file (\\srv\share\client\ccmsetup.cab). Error 0x80070005)", time, "3"};
}

TEST(ServiceContextSourceAccess, FiresWhenTheSystemServiceCannotReadTheUsersShare) {
  const Report r = analyzeSetupLog(bootstrapRun(R"(CONTOSO\admin)") + kServiceRun +
                                   LogLines{accessDenied(), {"CcmSetup failed with error code 0x80070005"}});
  const Finding* f = findingOf(r, "service-context-source-access");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(f->confidence, Confidence::High);
  EXPECT_EQ(textDetail(*f, "user"), R"(CONTOSO\admin)");
  EXPECT_EQ(textDetail(*f, "share"), R"(\\srv\share)");
  EXPECT_EQ(numberDetail(*f, "bootstrap_pid"), 100);
  EXPECT_EQ(numberDetail(*f, "service_pid"), 200);
  EXPECT_EQ(numberDetail(*f, "failures"), 1);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80070005");
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_ACCESS_DENIED");
  // Both banners, both accounts, the service creation, the failure and the final error.
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{1, 2, 3, 6, 8, 9, 10}));
  // The specific rule explains the failure: no fallback finding, no retry loop for one failure.
  EXPECT_EQ(ruleIdsOf(r), (std::set<std::string>{"service-context-source-access"}));
}

TEST(ServiceContextSourceAccess, SilentForANoServiceRunEvenAsSystem) {
  const Report r = analyzeSetupLog({
      {"==========[ ccmsetup started in process 300 ]=========="},
      {R"(Ccmsetup command line: ccmsetup.exe /noservice /source:\\srv\share\client)"},
      {R"(Running as user "SYSTEM")"},
      accessDenied(),
      {"CcmSetup failed with error code 0x80070005"},
  });
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_FALSE(r.timeline.runs[0].service);
  EXPECT_EQ(findingOf(r, "service-context-source-access"), nullptr);
}

TEST(ServiceContextSourceAccess, SilentWhenTheServiceRunSucceeds) {
  const Report r = analyzeSetupLog(
      bootstrapRun("jsmith") + kServiceRun +
      LogLines{accessDenied(), {"Download complete."}, {"CcmSetup is exiting with return code 0"}});
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_EQ(findingOf(r, "service-context-source-access"), nullptr);
}

TEST(ServiceContextSourceAccess, SilentWithoutAServiceHandOff) {
  const Report r = analyzeSetupLog({
      {"==========[ ccmsetup started in process 300 ]=========="},
      {R"(Ccmsetup command line: \\srv\share\client\ccmsetup.exe SMSSITECODE=PS1)"},
      {R"(Running as user "jsmith")"},
      accessDenied(),
      {"CcmSetup failed with error code 0x80070005"},
  });
  EXPECT_EQ(findingOf(r, "service-context-source-access"), nullptr);
}

TEST(ServiceContextSourceAccess, SilentWhenTheBootstrapRanAsSystemToo) {
  // A startup script as SYSTEM: both runs in the same account, no context change to blame.
  const Report r = analyzeSetupLog(bootstrapRun("SYSTEM") + kServiceRun +
                                   LogLines{accessDenied(), {"CcmSetup failed with error code 0x80070005"}});
  EXPECT_EQ(findingOf(r, "service-context-source-access"), nullptr);
  EXPECT_NE(findingOf(r, "setup-failed"), nullptr);  // the failure still gets its fallback finding
}

// Three failures ten minutes apart in the service run of a /downloadtimeout:60 install.
LogLines retryLoop() {
  return bootstrapRun(R"(CONTOSO\admin)") +
         LogLines{
             {"==========[ ccmsetup started in process 200 ]==========", "09:00:10.000"},
             {R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /runservice /downloadtimeout:60)"},
             {R"(Running as user "SYSTEM")"},
             {R"(Source \\srv\share\client is inaccessible. Error 0x80070035)", "09:01:00.000", "3"},
             {"Next retry in 10 minute(s)..."},
             {R"(Source \\srv\share\client is inaccessible. Error 0x80070035)", "09:11:00.000", "3"},
             {"Next retry in 10 minute(s)..."},
             {R"(Source \\srv\share\client is inaccessible. Error 0x80070035)", "09:21:00.000", "3"},
         };
}

TEST(SourceAccessRetryLoop, CountsTheFailuresAndTheTimeLeft) {
  const Report r = analyzeSetupLog(retryLoop(), "+300");
  const Finding* f = findingOf(r, "source-access-retry-loop");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(numberDetail(*f, "count"), 3);
  EXPECT_EQ(numberDetail(*f, "interval_s"), 600);
  EXPECT_EQ(textDetail(*f, "first_utc"), "2023-01-17T14:01:00.000Z");
  EXPECT_EQ(numberDetail(*f, "download_timeout_min"), 60);
  EXPECT_EQ(numberDetail(*f, "time_left_min"), 40);
  EXPECT_EQ(flagDetail(*f, "recovered"), false);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80070035");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{9, 10, 13}));  // first, its retry, last
}

TEST(SourceAccessRetryLoop, IsAWarningWhenALaterAttemptSucceeds) {
  const Report r = analyzeSetupLog(retryLoop() + LogLines{{"Download complete.", "09:31:00.000"},
                                                          {"CcmSetup is exiting with return code 0"}});
  const Finding* f = findingOf(r, "source-access-retry-loop");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Warning);
  EXPECT_EQ(flagDetail(*f, "recovered"), true);
  EXPECT_EQ(citedLines(*f).back(), 14u);  // the download that worked
  EXPECT_EQ(ruleIdsOf(r, FindingSeverity::Error), std::set<std::string>{});
}

// Three failures of the service run, at the times given.
LogLines failuresAt(const std::vector<std::string>& times) {
  LogLines lines = bootstrapRun(R"(CONTOSO\admin)") + kServiceRun;
  for (const std::string& time : times) {
    lines.push_back({R"(Source \\srv\share\client is inaccessible. Error 0x80070035)", time, "3"});
  }
  return lines;
}

TEST(SourceAccessRetryLoop, SaysIntervalsBelowAMinuteInSeconds) {
  const Report r = analyzeSetupLog(failuresAt({"09:01:00.000", "09:01:20.000", "09:01:40.000"}));
  const Finding* f = findingOf(r, "source-access-retry-loop");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->title, "Reading the setup source failed 3 times, about every 20 seconds, and never recovered");
  EXPECT_NE(f->explanation.find("3 failed attempts over 40 seconds, about every 20 seconds."),
            std::string::npos)
      << f->explanation;
}

TEST(SourceAccessRetryLoop, SaysNoIntervalForFailuresAtTheSameTime) {
  const Report r = analyzeSetupLog(failuresAt({"09:01:00.000", "09:01:00.000", "09:01:00.000"}));
  const Finding* f = findingOf(r, "source-access-retry-loop");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->title, "Reading the setup source failed 3 times, and never recovered");
  EXPECT_NE(f->explanation.find("3 failed attempts. "), std::string::npos) << f->explanation;
}

TEST(SourceAccessRetryLoop, SilentForASingleFailure) {
  const Report r = analyzeSetupLog(bootstrapRun("jsmith") + kServiceRun + LogLines{accessDenied()});
  EXPECT_EQ(findingOf(r, "source-access-retry-loop"), nullptr);
}

}  // namespace
}  // namespace ccmlog::test
