// Tests of rules/certificate_rules.cpp: client-certificate-missing and certificate-signature-invalid.
#include <gtest/gtest.h>

#include "rules/rule_test_support.h"

namespace ccmlog::test {
namespace {

const LogLine kBanner{"==========[ ccmsetup started in process 200 ]=========="};
const LogLine kPkiCommandLine{
    R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /runservice /UsePKICert /mp:https://MP02.contoso.com CCMHTTPSSTATE=63 CCMCERTISSUERS="CN=Contoso Issuing CA 01; DC=contoso; DC=com")"};
const LogLine kHttpsState{"CCMHTTPSSTATE:\t63"};

TEST(ClientCertificateMissing, NamesTheIssuerFromTheCommandLine) {
  const Report r = analyzeSetupLog({
      kBanner,
      kPkiCommandLine,
      kHttpsState,
      {"Unable to find any Certificate based on Certificate Issuers", "", "3"},
      {"Failed to get client certificate for transportation. Error 0x87d00454", "", "3"},
      {"CcmSetup failed with error code 0x87d00454"},
  });
  const Finding* f = findingOf(r, "client-certificate-missing");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "issuer"), "CN=Contoso Issuing CA 01");
  EXPECT_EQ(textDetail(*f, "certificate_issuers"), "CN=Contoso Issuing CA 01; DC=contoso; DC=com");
  EXPECT_EQ(textDetail(*f, "mp"), "https://MP02.contoso.com");
  EXPECT_EQ(textDetail(*f, "https_state"), "63");
  EXPECT_EQ(textDetail(*f, "error_code"), "0x87d00454");
  EXPECT_EQ(textDetail(*f, "error_name"), "CCM_E_NO_CLIENT_PKI_CERT");
  EXPECT_NE(f->title.find("CN=Contoso Issuing CA 01"), std::string::npos);
  EXPECT_NE(f->remedy.find("Enhanced HTTP"), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{3, 4, 5, 6}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"client-certificate-missing"});
}

TEST(ClientCertificateMissing, WorksWithoutIssuerOrCode) {
  const Report r =
      analyzeSetupLog({kBanner, {"Unable to find any Certificate based on Certificate Issuers", "", "3"}});
  const Finding* f = findingOf(r, "client-certificate-missing");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(textDetail(*f, "issuer").has_value());
  EXPECT_EQ(f->title.find(" from "), std::string::npos);
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
}

TEST(ClientCertificateMissing, SilentWhenTheHttpsSettingIsOnlyEchoed) {
  // Every PKI install echoes CCMHTTPSSTATE 63; with a certificate found, it goes through.
  const Report r = analyzeSetupLog({kBanner,
                                    kPkiCommandLine,
                                    kHttpsState,
                                    {"Download complete."},
                                    {"CcmSetup is exiting with return code 0"}});
  EXPECT_TRUE(r.findings.empty());
}

TEST(CertificateSignatureInvalid, ExplainsAnExpiredSigningCertificate) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(Couldn't verify 'C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi' authenticode signature. Return code 0x800b0101)",
       "", "3"},
      {"CcmSetup failed with error code 0x800b0101"},
  });
  const Finding* f = findingOf(r, "certificate-signature-invalid");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(textDetail(*f, "cause"), "expired-signature");
  EXPECT_EQ(textDetail(*f, "file"), "MicrosoftPolicyPlatformSetup.msi");
  EXPECT_EQ(textDetail(*f, "path"), R"(C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi)");
  EXPECT_EQ(textDetail(*f, "error_code"), "0x800b0101");
  EXPECT_EQ(textDetail(*f, "error_name"), "CERT_E_EXPIRED");
  EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"certificate-signature-invalid"});
}

TEST(CertificateSignatureInvalid, ExplainsAHashThatDoesNotMatchTheManifest) {
  const Report r = analyzeSetupLog({
      kBanner,
      {R"(File 'C:\Windows\ccmsetup\client.msi' hash 'A1B2' from manifest doesn't match)", "", "3"},
      {"CcmSetup is exiting with return code 10"},
  });
  const Finding* f = findingOf(r, "certificate-signature-invalid");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(textDetail(*f, "cause"), "content-mismatch");
  EXPECT_EQ(textDetail(*f, "file"), "client.msi");
  EXPECT_FALSE(hasDetail(*f, "error_code"));
  // The named file says more than return code 10: manifest-hash-failed stands back.
  EXPECT_EQ(ruleIdsOf(r), std::set<std::string>{"certificate-signature-invalid"});
}

TEST(CertificateSignatureInvalid, SilentWithoutSignatureOrHashProblems) {
  const Report r = analyzeSetupLog({kBanner, {"CcmSetup is exiting with return code 0"}});
  EXPECT_EQ(findingOf(r, "certificate-signature-invalid"), nullptr);
}

}  // namespace
}  // namespace ccmlog::test
