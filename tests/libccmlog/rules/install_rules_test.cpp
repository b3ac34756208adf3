// Tests of rules/install_rules.cpp: prerequisite-failed, msi-install-failed, reboot-required,
// setup-already-running, manifest-hash-failed.
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

const LogLine kBanner{"==========[ ccmsetup started in process 200 ]=========="};
const LogLine kClientMsiFailed{
    R"(File C:\Windows\ccmsetup\client.msi installation failed. Error text: ExitCode: 1603)", "10:00:10.000",
    "3"};
const LogLine kSetupFailed1603{"CcmSetup failed with error code 0x80070643", "10:00:11.000"};

// A client.msi.log whose first failing action is CcmRegisterHostingConfiguration (lines 2-6).
std::string hostingConfigurationMsiLog() {
  return msiLog({
      "MSI (s) (A4:B8) [10:00:05:100]: Product: Configuration Manager Client -- Error 25150. Setup was "
      "unable to register the CCM_Service_HostingConfiguration class. The error code is 80041002",
      "Action ended 10:00:05: CcmRegisterHostingConfiguration. Return value 3.",
      "Action ended 10:00:06: INSTALL. Return value 3.",
      "MSI (s) (A4:B8) [10:00:06:200]: Product: Configuration Manager Client -- Installation operation "
      "failed.",
      "MSI (c) (1C:28) [10:00:06:300]: MainEngineThread is returning 1603",
  });
}

TEST(MsiInstallFailed, NamesTheFirstFailingActionAndTheKnownCause) {
  const Report r = analyze({{"ccmsetup.log", cmtraceLog({kBanner, kClientMsiFailed, kSetupFailed1603})},
                            {"client.msi.log", hostingConfigurationMsiLog()}});
  const Finding* f = findingOf(r, "msi-install-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(f->confidence, Confidence::High);
  EXPECT_EQ(textDetail(*f, "action"), "CcmRegisterHostingConfiguration");  // not INSTALL
  EXPECT_EQ(numberDetail(*f, "action_line"), 3);
  EXPECT_EQ(numberDetail(*f, "msi_exit_code"), 1603);
  EXPECT_EQ(textDetail(*f, "msi_errors"), "25150");
  EXPECT_EQ(textDetail(*f, "known_cause"), "wmi-repository");
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80070643");
  EXPECT_EQ(textDetail(*f, "cause_error_code"), "0x80041002");
  EXPECT_EQ(textDetail(*f, "cause_error_name"), "WBEM_E_NOT_FOUND");
  EXPECT_EQ(citedLines(*f, 0), (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(citedLines(*f, 1), (std::vector<std::uint64_t>{2, 3, 6}));  // Error 25150, Return value 3, exit
  EXPECT_NE(f->remedy.find("winmgmt"), std::string::npos);
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"msi-install-failed"});
}

TEST(MsiInstallFailed, TakesTheActionFromCcmsetupWhenThereIsNoMsiLog) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"File C:\\Windows\\ccmsetup\\client.msi installation failed. Error text: ExitCode: 1603\r\n"
       "Action: CcmRegisterHostingConfiguration\r\nErrorMessages:\r\n"
       "Setup was unable to register the CCM_Service_HostingConfiguration class.\r\nThe error code is "
       "80041002",
       "", "3"},
      {"CcmSetup failed with error code 0x80070643"},  // line 7: the record above spans five lines
  });
  const Finding* f = findingOf(r, "msi-install-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "action"), "CcmRegisterHostingConfiguration");
  EXPECT_EQ(numberDetail(*f, "action_line"), 2);
  EXPECT_EQ(textDetail(*f, "known_cause"), "wmi-repository");
  EXPECT_FALSE(textDetail(*f, "msi_errors").has_value());
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 7}));
}

TEST(MsiInstallFailed, FallsBackToTheSetupCodeAlone) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup failed with error code 0x80070643"}});
  const Finding* f = findingOf(r, "msi-install-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->confidence, Confidence::Medium);
  EXPECT_FALSE(textDetail(*f, "action").has_value());
  EXPECT_FALSE(textDetail(*f, "known_cause").has_value());
  EXPECT_NE(f->remedy.find("client.msi.log"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
}

struct KnownCauseCase {
  std::string msiError;
  std::string cause;
};

// Names the case in test output (by default GoogleTest dumps its bytes, pointers included).
void PrintTo(const KnownCauseCase& c, std::ostream* out) { *out << c.cause; }

class MsiKnownCause : public testing::TestWithParam<KnownCauseCase> {};

TEST_P(MsiKnownCause, IsRecognisedFromTheMsiErrorText) {
  const Report r =
      analyze({{"ccmsetup.log", cmtraceLog({kBanner, kClientMsiFailed, kSetupFailed1603})},
               {"client.msi.log", msiLog({"MSI (s) (A4:B8) [10:00:05:100]: " + GetParam().msiError,
                                          "Action ended 10:00:05: SomeAction. Return value 3."})}});
  const Finding* f = findingOf(r, "msi-install-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "known_cause"), GetParam().cause);
  EXPECT_EQ(textDetail(*f, "action"), "SomeAction");
}

INSTANTIATE_TEST_SUITE_P(
    KnownCauses, MsiKnownCause,
    testing::Values(
        KnownCauseCase{"Error 25150. Setup was unable to register the CCM_Service_HostingConfiguration "
                       "class. The error code is 80041002",
                       "wmi-repository"},
        KnownCauseCase{"Error 1704. An installation of the client is suspended. Suspended install "
                       "detected (C:\\Config.Msi\\5a3f.ipi).",
                       "suspended-install"},
        KnownCauseCase{"Error 25001. Setup failed due to unexpected circumstances. DROP TABLE "
                       "CCM_StateMsg failed with 0x80040e37",
                       "sqlce-vcredist-2013"},
        KnownCauseCase{"Error 1904. Module C:\\Windows\\CCM\\PolicyAgentProvider.dll failed to "
                       "register. HRESULT -2147467259.",
                       "cwd-illegal-in-dll-search"},
        KnownCauseCase{"Error 1904. Module C:\\Windows\\CCM\\x.dll failed to register. "
                       "CWDIllegalInDllSearch is set.",
                       "cwd-illegal-in-dll-search"}));

TEST(MsiInstallFailed, LeavesUnknownCausesUnnamed) {
  const Report r =
      analyze({{"ccmsetup.log", cmtraceLog({kBanner, kClientMsiFailed, kSetupFailed1603})},
               {"client.msi.log", msiLog({"MSI (s) (A4:B8) [10:00:05:100]: Error 1722. A program "
                                          "run as part of the setup did not finish as expected.",
                                          "Action ended 10:00:05: SomeAction. Return value 3."})}});
  const Finding* f = findingOf(r, "msi-install-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(textDetail(*f, "known_cause").has_value());
  EXPECT_EQ(textDetail(*f, "msi_errors"), "1722");
  EXPECT_FALSE(hasDetail(*f, "cause_error_code"));
}

const LogLine kVcredistFailed{
    R"(File 'C:\Windows\ccmsetup\vcredist_x64.exe' returned failure exit code 1603. Fail the installation.)",
    "", "3"};

TEST(PrerequisiteFailed, NamesThePrerequisiteAndItsExitCode) {
  const Report r = analyzeSetupLog({kBanner,
                                    kVcredistFailed,
                                    {"InstallFromManifest failed 0x80070643", "", "3"},
                                    {"CcmSetup failed with error code 0x80070643"}});
  const Finding* f = findingOf(r, "prerequisite-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "prerequisite"), "vcredist_x64.exe");
  EXPECT_EQ(textDetail(*f, "path"), R"(C:\Windows\ccmsetup\vcredist_x64.exe)");
  EXPECT_EQ(numberDetail(*f, "exit_code"), 1603);
  EXPECT_EQ(textDetail(*f, "exit_error_name"), "ERROR_INSTALL_FAILURE");
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80070643");
  EXPECT_NE(f->title.find("Visual C++"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 4}));
  // The same final code as a client.msi failure, but client.msi never ran.
  EXPECT_EQ(findingOf(r, "msi-install-failed"), nullptr);
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"prerequisite-failed"});
}

TEST(PrerequisiteFailed, CoversAPrerequisiteMsi) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(File C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi installation failed. Error text: ExitCode: 1612)",
       "", "3"},
      {"CcmSetup failed with error code 0x80070643"},
  });
  const Finding* f = findingOf(r, "prerequisite-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "prerequisite"), "MicrosoftPolicyPlatformSetup.msi");
  EXPECT_EQ(numberDetail(*f, "exit_code"), 1612);
  EXPECT_EQ(textDetail(*f, "exit_error_name"), "ERROR_INSTALL_SOURCE_ABSENT");
  EXPECT_EQ(findingOf(r, "msi-install-failed"), nullptr);
}

TEST(PrerequisiteFailed, SilentWhenPrerequisitesInstalled) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(File 'C:\Windows\ccmsetup\vcredist_x64.exe' returned success exit code 0.)"},
      {R"(File C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi installation succeeded.)"},
      {"CcmSetup is exiting with return code 0"},
  });
  EXPECT_TRUE(r.findings.empty());
}

TEST(RebootRequired, IsAWarningForReturnCodeSeven) {
  const Report r = analyzeSetupLog({kBanner,
                                    {"Installation succeeded. Windows Installer has requested a reboot."},
                                    {"CcmSetup is exiting with return code 7"}});
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::RebootRequired);
  const Finding* f = findingOf(r, "reboot-required");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Warning);
  EXPECT_EQ(numberDetail(*f, "exit_code"), 7);
  EXPECT_NE(f->explanation.find("not Windows error 7"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"reboot-required"});
}

TEST(RebootRequired, FollowsAnInstallerRequestEvenWithReturnCodeZero) {
  const Report r = analyzeSetupLog(
      {kBanner, {"Windows Installer has requested a reboot"}, {"CcmSetup is exiting with return code 0"}});
  const Finding* f = findingOf(r, "reboot-required");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(numberDetail(*f, "exit_code").has_value());
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
}

TEST(RebootRequired, SilentWhenSetupFailedOrSucceededPlainly) {
  EXPECT_EQ(
      findingOf(analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 0"}}), "reboot-required"),
      nullptr);
  EXPECT_EQ(findingOf(analyzeSetupLog({kBanner,
                                       {"Windows Installer has requested a reboot"},
                                       {"CcmSetup failed with error code 0x80004005"}}),
                      "reboot-required"),
            nullptr);
}

TEST(SetupAlreadyRunning, ReportsReturnCodeEight) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 8"}});
  const Finding* f = findingOf(r, "setup-already-running");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "cause"), "ccmsetup-running");
  EXPECT_EQ(numberDetail(*f, "exit_code"), 8);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"setup-already-running"});
}

TEST(SetupAlreadyRunning, ReportsWindowsInstallerBusyInsteadOfAClientMsiFailure) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(File C:\Windows\ccmsetup\client.msi installation failed. Error text: ExitCode: 1618)", "", "3"},
      {"CcmSetup failed with error code 0x80070652"},
  });
  const Finding* f = findingOf(r, "setup-already-running");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "cause"), "msi-busy");
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_INSTALL_ALREADY_RUNNING");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"setup-already-running"});
}

TEST(SetupAlreadyRunning, SilentWhenTheInstallWentThrough) {
  const Report r = analyzeSetupLog({kBanner,
                                    {"CcmSetup is exiting with return code 8"},
                                    {"==========[ ccmsetup started in process 300 ]=========="},
                                    {"CcmSetup is exiting with return code 0"}});
  EXPECT_TRUE(r.findings.empty());
}

TEST(ManifestHashFailed, ReportsReturnCodeTen) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 10"}});
  const Finding* f = findingOf(r, "manifest-hash-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(numberDetail(*f, "exit_code"), 10);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"manifest-hash-failed"});
}

TEST(ManifestHashFailed, SilentForOtherReturnCodes) {
  EXPECT_EQ(findingOf(analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 6"}}),
                      "manifest-hash-failed"),
            nullptr);
}

}  // namespace
}  // namespace ccmlog::test
