// Tests of rules/download_rules.cpp: download-failed and no-distribution-point.
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

const LogLine kBanner{"==========[ ccmsetup started in process 200 ]=========="};
const LogLine kAddFromMp{
    R"(Adding file 'HTTP://MP01.contoso.com:80/CCM_Client/ccmsetup.cab' to BITS job, saving as 'C:\Windows\ccmsetup\ccmsetup.cab'.)"};
// ccmsetup writes two lines for one failed BITS job.
const LogLines kNotFound = {
    {"Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: "
     "The requested URL does not exist on the server.",
     "", "3"},
    {"Failed to download client files by BITS. Error 0x80190194", "", "3"},
};

// A ticket's paste has no times: the prose then says none, rather than "at ."
TEST(DownloadFailed, AnExcerptWithoutTimesTellsNoTimes) {
  for (const std::string failures : {"Failed to download client files by BITS. Error 0x80190194\n",
                                     "Failed to download client files by BITS. Error 0x80190194\n"
                                     "Failed to download client files by BITS. Error 0x80190194\n"}) {
    const Report r = analyze({{"ccmsetup.log", std::string(kBanner.message) + "\n" + failures +
                                                   "CcmSetup failed with error code 0x80190194\n"}});
    const Finding* f = findingOf(r, "download-failed");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->explanation.find(" at ."), std::string::npos) << f->explanation;
    EXPECT_EQ(f->explanation.find("from  to"), std::string::npos) << f->explanation;
    EXPECT_TRUE(f->times.empty());
  }
}

TEST(DownloadFailed, ReportsA404AtTheManagementPointWithItsAttempts) {
  const Report r = analyzeSetupLog(LogLines{kBanner, kAddFromMp} + kNotFound +
                                   LogLines{{"Next retry in 10 minute(s)..."}, kAddFromMp} + kNotFound +
                                   LogLines{{"CcmSetup failed with error code 0x80190194"}});
  const Finding* f = findingOf(r, "download-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "cause"), "content-missing");
  EXPECT_EQ(textDetail(*f, "url"), "HTTP://MP01.contoso.com:80/CCM_Client/ccmsetup.cab");
  EXPECT_EQ(textDetail(*f, "host"), "MP01.contoso.com");
  EXPECT_EQ(numberDetail(*f, "failures"), 2);  // two attempts, four lines
  EXPECT_EQ(flagDetail(*f, "recovered"), false);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x80190194");
  EXPECT_EQ(textDetail(*f, "error_name"), "BG_E_HTTP_ERROR_404");
  // First failure, the last attempt's BITS job and failure, the final error.
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{3, 6, 8, 9}));
  EXPECT_NE(f->title.find("HTTP 404"), std::string::npos);
  EXPECT_NE(f->explanation.find("CCM_Client"), std::string::npos);
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"download-failed"});  // setup-failed stays silent
}

TEST(DownloadFailed, ReportsBitsThatCannotStart) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"CreateInstance of CLSID_BackgroundCopyManager failed with 8007042C", "", "3"},
      {"CcmSetup failed with error code 0x8007042c"},
  });
  const Finding* f = findingOf(r, "download-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "cause"), "bits-broken");
  EXPECT_FALSE(textDetail(*f, "url").has_value());
  EXPECT_EQ(textDetail(*f, "error_code"), "0x8007042c");
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_SERVICE_DEPENDENCY_FAIL");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3}));
}

TEST(DownloadFailed, ReportsBitsThatIsTooOld) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"This operating system does not contain the correct version of BITS", "", "3"},
      {"CcmSetup is exiting with return code 6"},
  });
  const Finding* f = findingOf(r, "download-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "cause"), "bits-too-old");
  EXPECT_FALSE(hasDetail(*f, "error_code"));  // no code was written
  EXPECT_NE(f->remedy.find("2.5"), std::string::npos);
}

TEST(DownloadFailed, IsAWarningWhenTheDownloadRecoveredAndTheInstallSucceeded) {
  const Report r = analyzeSetupLog(
      LogLines{kBanner, kAddFromMp} + kNotFound +
      LogLines{kAddFromMp, {"Download complete."}, {"CcmSetup is exiting with return code 0"}});
  const Finding* f = findingOf(r, "download-failed");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Warning);
  EXPECT_EQ(flagDetail(*f, "recovered"), true);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3, 4, 6}));  // job, failure, recovery
}

TEST(DownloadFailed, LeavesAccessErrorsOnAShareToTheServiceContextRules) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(Downloading \\srv\share\client\ccmsetup.cab to C:\Windows\ccmsetup\ccmsetup.cab)"},
      {"Failed to download files through BITS. Error: 0x80070005, Description Access is denied.", "", "3"},
  });
  EXPECT_EQ(findingOf(r, "download-failed"), nullptr);
}

TEST(DownloadFailed, SilentWhenNothingFailed) {
  const Report r = analyzeSetupLog(
      {kBanner, kAddFromMp, {"Download complete."}, {"CcmSetup is exiting with return code 0"}});
  EXPECT_EQ(findingOf(r, "download-failed"), nullptr);
}

// A workgroup machine: the DP asks for Windows authentication and refuses it.
const LogLines kDpRefuses = {
    {"Searching for DP locations from MP(s)..."},
    {"Got 401 challenge Retrying with Windows Auth..."},
    {"Failed to check url http://DP01.contoso.com/SMS_DP_SMSPKG$/PS100003. Error 0x80004005 (HTTP status "
     "401)",
     "", "3"},
    {"Enumerated all 1 DP locations but none of them is good. Fallback to MP."},
};

TEST(NoDistributionPoint, ExplainsA401FromTheDpAndTheFallbackToTheMp) {
  const Report r = analyzeSetupLog(
      LogLines{kBanner, {"Ccmsetup command line: ccmsetup.exe /runservice /mp:MP01.contoso.com"}} +
      kDpRefuses + LogLines{kAddFromMp} + kNotFound +
      LogLines{{"CcmSetup failed with error code 0x80190194"}});
  const Finding* f = findingOf(r, "no-distribution-point");
  ASSERT_NE(f, nullptr);
  // The cause of the failed download from the MP it fell back to: as serious as that.
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(f->causedBy, "");
  EXPECT_EQ(findingOf(r, "download-failed")->causedBy, "no-distribution-point");
  EXPECT_EQ(textDetail(*f, "cause"), "dp-authentication");
  EXPECT_EQ(textDetail(*f, "dp"), "DP01.contoso.com");
  EXPECT_EQ(textDetail(*f, "dp_url"), "http://DP01.contoso.com/SMS_DP_SMSPKG$/PS100003");
  EXPECT_EQ(textDetail(*f, "mp"), "MP01.contoso.com");
  EXPECT_EQ(numberDetail(*f, "http_status"), 401);
  EXPECT_EQ(flagDetail(*f, "fell_back_to_mp"), true);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{4, 5, 6}));
  EXPECT_NE(f->explanation.find("workgroup"), std::string::npos);
  EXPECT_EQ(ruleIdsOf(r, FindingSeverity::Error),
            (std::set<std::string>{"download-failed", "no-distribution-point"}));
}

TEST(NoDistributionPoint, IsAnErrorWhenNoDpHasThePackageAndSetupFailed) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"Searching for DP locations from MP(s)..."},
      {"Failed to get DP locations as the expected version from MP 'HTTP://MP01.contoso.com'. Error "
       "0x87d00215",
       "", "3"},
      {"Have already tried all MPs. Couldn't find DP locations.", "", "3"},
      {"CcmSetup failed with error code 0x87d00215"},
  });
  const Finding* f = findingOf(r, "no-distribution-point");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "cause"), "content-not-on-dp");
  EXPECT_EQ(textDetail(*f, "mp"), "HTTP://MP01.contoso.com");
  EXPECT_EQ(flagDetail(*f, "all_mps_tried"), true);
  EXPECT_EQ(flagDetail(*f, "fell_back_to_mp"), false);
  EXPECT_EQ(textDetail(*f, "error_code"), "0x87d00215");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{3, 4}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"no-distribution-point"});
}

TEST(NoDistributionPoint, NamesAProxyForAGarbledReply) {
  const Report r = analyzeSetupLog({
      kBanner,
      {"GetDPLocations failed with error 0x80072f78", "", "3"},
      {"CcmSetup failed with error code 0x80072f78"},
  });
  const Finding* f = findingOf(r, "no-distribution-point");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "cause"), "proxy");
  EXPECT_EQ(textDetail(*f, "error_name"), "ERROR_WINHTTP_INVALID_SERVER_RESPONSE");
  EXPECT_NE(f->explanation.find("proxy"), std::string::npos);
}

TEST(NoDistributionPoint, SilentWhenWindowsAuthenticationWorks) {
  // A domain machine answers the 401 challenge and downloads from the DP.
  const Report r = analyzeSetupLog({
      kBanner,
      {"Searching for DP locations from MP(s)..."},
      {"Got 401 challenge Retrying with Windows Auth..."},
      {R"(Adding file 'http://DP01.contoso.com/SMS_DP_SMSPKG$/PS100003/x64/ccmsetup.cab' to BITS job, saving as 'C:\Windows\ccmsetup\ccmsetup.cab'.)"},
      {"Download complete."},
      {"CcmSetup is exiting with return code 0"},
  });
  EXPECT_TRUE(r.findings.empty());
}

}  // namespace
}  // namespace ccmlog::test
