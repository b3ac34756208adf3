// Certificates: the client certificate an HTTPS-only management point asks
// for, and the signatures and hashes ccmsetup checks on the files it
// downloaded (docs/ccmsetup-logs.md#failure-signatures).
#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

constexpr std::uint32_t kNoClientPkiCert = 0x87D00454;  // CCM_E_NO_CLIENT_PKI_CERT
constexpr std::uint32_t kCertExpired = 0x800B0101;      // CERT_E_EXPIRED

// "CCMHTTPSSTATE: 63" is ccmsetup echoing its settings: it says the client must
// use HTTPS, not that a certificate is missing. It supports a finding, never starts one.
bool isHttpsStateEcho(const TimelineEvent& e) { return containsNoCase(e.text, "CCMHTTPSSTATE"); }

// The first issuer of a CCMCERTISSUERS value, as a person names it:
// "CN=Contoso Issuing CA 01; DC=contoso; DC=com" -> "CN=Contoso Issuing CA 01".
std::string_view firstIssuer(std::string_view issuers) {
  std::string_view first = issuers.substr(0, issuers.find_first_of(";|"));
  while (!first.empty() && first.back() == ' ') first.remove_suffix(1);
  return first;
}

void clientCertificateMissing(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  std::vector<EventIndex> failures, httpsState;
  for (EventIndex i : eventsOf(t, EventKind::CertificateMissing)) {
    (isHttpsStateEcho(eventAt(t, i)) ? httpsState : failures).push_back(i);
  }
  if (failures.empty()) return;
  std::optional<EventIndex> coded;  // the first failure that names its code
  for (EventIndex i : failures) {
    if (!coded && eventAt(t, i).event.code("code")) coded = i;
  }
  const std::uint32_t code = coded ? *eventAt(t, *coded).event.code("code") : kNoClientPkiCert;
  const auto run = runOf(t, failures.front());
  const CommandLine* cl = run ? &t.runs[*run].commandLine : nullptr;
  const std::string issuers = cl ? cl->property("CCMCERTISSUERS").value_or("") : "";
  const std::string issuer(firstIssuer(issuers));
  const std::string mp = cl ? cl->mp.value_or("") : "";
  const std::string httpsStateValue = cl ? cl->property("CCMHTTPSSTATE").value_or("") : "";

  Finding f;
  f.rule = "client-certificate-missing";
  f.severity = errorUnlessSucceeded(t);
  f.confidence = Confidence::High;
  f.title = "No client authentication certificate" + (issuer.empty() ? std::string() : " from " + issuer) +
            " for the HTTPS-only management point" + (mp.empty() ? std::string() : " " + mp);
  f.explanation =
      "The management point" + (mp.empty() ? std::string() : " (" + mp + ")") +
      " accepts only HTTPS connections from clients that show a certificate. ccmsetup looked in "
      "the computer's certificate store for a certificate with the Client Authentication purpose" +
      (issuers.empty() ? std::string() : " issued by the CA named in CCMCERTISSUERS (" + issuers + ")") +
      " and found none. Without one it could not talk to the management point: " + describeCode(code) +
      (outcomeSucceeded(t) ? ". A later attempt went through." : ". The install stopped there.");
  f.remedy =
      "Do one of these, then run ccmsetup again: (1) enrol a computer certificate with the Client "
      "Authentication purpose (1.3.6.1.5.5.7.3.2)" +
      (issuer.empty() ? std::string() : " issued by " + issuer) +
      ", for example through certificate auto-enrolment; (2) correct CCMCERTISSUERS so that it "
      "names the CA that issues this machine's certificates; (3) configure the site for Enhanced "
      "HTTP so that clients without a PKI certificate can register.";

  std::vector<EventIndex> cited{failures.front()};
  if (!httpsState.empty()) cited.push_back(httpsState.front());
  if (coded) cited.push_back(*coded);
  for (EventIndex i : eventsOf(t, EventKind::SetupFailed)) {
    if (eventAt(t, i).event.code("code") == code) cited.push_back(i);
  }
  cite(t, cited, f);

  f.details.push_back({"issuer", textOrNull(issuer)});
  f.details.push_back({"certificate_issuers", textOrNull(issuers)});
  f.details.push_back({"mp", textOrNull(mp)});
  f.details.push_back({"https_state", textOrNull(httpsStateValue)});
  addCodeDetails(f, code);
  out.push_back(std::move(f));
}

void certificateSignatureInvalid(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  const auto problems = eventsOf(t, {EventKind::SignatureInvalid, EventKind::HashMismatch});
  if (problems.empty()) return;
  const Event& first = eventAt(t, problems.front()).event;
  const std::string path(first.get("file"));
  const std::string file(fileNameOf(path));
  const std::string named = file.empty() ? "a downloaded file" : file;
  const auto code = first.code("code");
  const bool signature = first.kind == EventKind::SignatureInvalid;

  Finding f;
  f.rule = "certificate-signature-invalid";
  f.severity = errorUnlessSucceeded(t);
  f.confidence = Confidence::High;
  std::string cause;
  if (signature && code == kCertExpired) {
    cause = "expired-signature";
    f.title = "The signature of " + named + " could not be verified: its signing certificate has expired";
    f.explanation = "ccmsetup checks the digital signature of every file it downloads. The signature of " +
                    named + " did not pass (" + describeCode(*code) +
                    "): the certificate it was signed "
                    "with is no longer valid. Either the client files on the source are an old build, "
                    "or this machine's date and time are wrong.";
    f.remedy =
        "Check the machine's date, time and time zone. If they are right, update the client "
        "files on the site (install the current Configuration Manager update so that newly "
        "signed files are distributed) and redistribute the client package; then run ccmsetup again.";
  } else if (signature) {
    cause = "untrusted-signature";
    f.title = "The signature of " + named + " could not be verified";
    f.explanation =
        "ccmsetup checks the digital signature of every file it downloads. The signature of " + named +
        " did not pass" + (code ? " (" + describeCode(*code) + ")" : std::string()) +
        ": the file is damaged, or this machine does not trust the certificate it was signed with.";
    f.remedy =
        "Make sure the machine has current root certificates (Windows root certificate "
        "updates) and that the file on the source or distribution point is intact "
        "(redistribute the client package); then run ccmsetup again.";
  } else {
    cause = "content-mismatch";
    f.title = "The content of " + named + " does not match the setup manifest";
    f.explanation =
        "ccmsetup compares the hash of every file it downloads with the hash listed in its "
        "manifest (ccmsetup.cab). " +
        named +
        " differs: the files on the source or "
        "distribution point do not belong together (a partial update, files mixed from "
        "different versions) or a copy is damaged.";
    f.remedy =
        "Redistribute or update the client package so that ccmsetup.cab and the client files "
        "come from the same version (when using /source:, copy the whole Client folder from "
        "the site server again); then run ccmsetup again.";
  }

  std::vector<EventIndex> cited{problems.front(), problems.back()};
  for (EventIndex i : eventsOf(t, EventKind::SetupFailed, runOf(t, problems.back()))) cited.push_back(i);
  cite(t, cited, f);

  f.details.push_back({"cause", cause});
  f.details.push_back({"file", textOrNull(file)});
  f.details.push_back({"path", textOrNull(path)});
  f.details.push_back({"problems", static_cast<std::int64_t>(problems.size())});
  if (code) addCodeDetails(f, *code);
  out.push_back(std::move(f));
}

}  // namespace

void addCertificateRules(std::vector<Rule>& rules) {
  rules.push_back({"client-certificate-missing", clientCertificateMissing});
  rules.push_back({"certificate-signature-invalid", certificateSignatureInvalid});
}

}  // namespace ccmlog::rules
