// Tests of rules/setup_failed_rule.cpp: setup-failed, the fallback when no rule explains a failure.
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

const LogLine kBanner{"==========[ ccmsetup started in process 200 ]=========="};

TEST(SetupFailed, ReportsAnUnexplainedErrorCodeWithItsText) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"Failed to get client version for sending state messages. Error 0x8004100e", "", "3"},
      {"CcmSetup failed with error code 0x80072ee7"},
  });
  const Finding* f = findingOf(r, "setup-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80072ee7");
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_WINHTTP_NAME_NOT_RESOLVED");
  EXPECT_EQ(textDetail(*f, "error_text"), "The server name or address could not be resolved.");
  EXPECT_FALSE(numberDetail(*f, "exit_code").has_value());
  EXPECT_NE(f->title.find("0x80072ee7"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{3}));  // never the benign line 2
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"setup-failed"});
}

// A code the hand-written table has no text for still reads as its SDK name.
TEST(SetupFailed, NamesACodeThatHasNoText) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup failed with error code 0x8007045D"}});
  const Finding* f = findingOf(r, "setup-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_IO_DEVICE");
  EXPECT_EQ(textDetail(*f, "error_text"), std::nullopt);  // null: no text known
  EXPECT_NE(f->explanation.find("0x8007045d (ERROR_IO_DEVICE)"), std::string::npos) << f->explanation;
}

TEST(SetupFailed, TakesTheDecimalDeploymentCodeWhenThatIsAllThereIs) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(<ClientDeploymentMessage ErrorCode="-2147024891" StateID="311"/>)"},
      {"CcmSetup is exiting with return code 6"},
  });
  const Finding* f = findingOf(r, "setup-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80070005");
  EXPECT_EQ(numberDetail(*f, "exit_code"), 6);
  EXPECT_EQ(textDetail(*f, "exit_meaning"), "error");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3}));
}

TEST(SetupFailed, ExplainsReturnCodeNineAsAPrerequisiteEvaluationFailure) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 9"}});
  const Finding* f = findingOf(r, "setup-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(numberDetail(*f, "exit_code"), 9);
  EXPECT_EQ(textDetail(*f, "exit_meaning"), "prerequisite evaluation failure");
  EXPECT_FALSE(hasDetail(*f, "error_code"));  // a return code is not an error code
  EXPECT_NE(f->title.find("return code 9"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
}

TEST(SetupFailed, SilentWhenASpecificRuleExplainsTheFailure) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: not found", "",
       "3"},
      {"CcmSetup failed with error code 0x80190194"},
  });
  EXPECT_NE(findingOf(r, "download-failed"), nullptr);
  EXPECT_EQ(findingOf(r, "setup-failed"), nullptr);
}

TEST(SetupFailed, SilentUnlessTheOutcomeIsAFailure) {
  // Success, a bootstrap that only handed over (in progress), a pending reboot.
  EXPECT_EQ(findingOf(analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 0"}}), "setup-failed"),
            nullptr);
  EXPECT_EQ(findingOf(analyzeSetupLog(bootstrapRun("jsmith")), "setup-failed"), nullptr);
  EXPECT_EQ(findingOf(analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 7"}}), "setup-failed"),
            nullptr);
}

TEST(BenignLines, NeverProduceFindings) {
  // The known-harmless errors (docs/ccmsetup-logs.md#benign), written as errors in a successful
  // install.
  const Report r = analyzeSetupLog({
      kBanner,
      {"Failed to connect to policy namespace. Error 0x8004100e", "", "3"},
      {"Failed to revoke client upgrade local policy. Error 0x8004100e", "", "3"},
      {"Failed to get client version for sending state messages. Error 0x8004100e", "", "3"},
      {"Failed to get site version from AD with error 0x80004005", "", "3"},
      {"Unexpected row count (0) retrieved from AD.", "", "3"},
      {"Local machine is not a member of an AD domain", "", "3"},
      {"SetInitialCommandLine failed with 0x80070002", "", "3"},
      {"CcmSetup is exiting with return code 0"},
  });
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_TRUE(r.findings.empty());
}

}  // namespace
}  // namespace ccmlog::test
