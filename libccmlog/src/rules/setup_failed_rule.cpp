// The fallback: setup failed and no rule before this one explained why. It
// reports the code setup ended with and what that code means.
#include "ccmlog/error_codes.h"
#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

// ccmsetup's return codes (KNOWLEDGE.md section 4). They are not Win32 errors:
// return code 7 is "reboot required", Win32 error 7 something else entirely.
struct ReturnCode {
  std::int64_t code;
  std::string_view meaning, explanation, remedy;
};

constexpr ReturnCode kReturnCodes[] = {
    {6, "error",
     "Return code 6 is ccmsetup's general 'error': the install did not complete.",
     "Read the lines just before the end of the last run in ccmsetup.log (and client.msi.log if "
     "the install reached Windows Installer); the last error there is the starting point."},
    {9, "prerequisite evaluation failure",
     "Return code 9 means the prerequisite evaluation failed: before installing, ccmsetup checked "
     "that the machine meets the client's requirements (such as a supported Windows version and "
     "enough free disk space) and one of them was not met.",
     "Look in ccmsetup.log just before the end for the requirement that failed, fix it (for "
     "example free disk space, or update Windows), then run ccmsetup again."},
};

const ReturnCode* returnCode(std::optional<std::int64_t> code) {
  for (const ReturnCode& r : kReturnCodes) {
    if (code == r.code) return &r;
  }
  return nullptr;
}

void setupFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const Outcome& o = t.outcome;
  if (o.status != OutcomeStatus::Failed || hasError(context.earlier) || !o.run) return;
  const ReturnCode* meaning = returnCode(o.exitCode);
  const std::string exitText = o.exitCode ? "return code " + std::to_string(*o.exitCode) : "";

  Finding f;
  f.rule = "setup-failed";
  f.severity = FindingSeverity::Error;
  f.confidence = Confidence::Medium;
  if (o.errorCode) {
    const std::string code = formatErrorCode(*o.errorCode);
    const ErrorInfo info = lookupError(*o.errorCode);
    f.title = "ccmsetup failed with error " + code + (info.name.empty() ? "" : " (" + std::string(info.name) + ")");
  } else {
    f.title = "ccmsetup stopped with " + exitText + (meaning ? ": " + std::string(meaning->meaning) : "");
  }
  std::string ended = o.errorCode ? "error " + describeCode(*o.errorCode) : "";
  if (o.exitCode) ended += (ended.empty() ? "" : " and ") + exitText;
  f.explanation = "The install did not complete: ccmsetup ended with " + ended + ". " +
                  (meaning ? std::string(meaning->explanation) + " " : "") +
                  "No more specific diagnosis matched the lines before it.";
  f.remedy = meaning ? std::string(meaning->remedy)
                     : "Read the lines just before the failure in ccmsetup.log (and client.msi.log if "
                       "the install reached Windows Installer), starting from the error text above; "
                       "fix what they name, then run ccmsetup again.";
  std::vector<EventIndex> cited;
  for (EventIndex i : eventsOf(t, {EventKind::SetupFailed, EventKind::DeploymentStatus, EventKind::ExitCode}, o.run)) {
    if (eventAt(t, i).event.number("code") != 0) cited.push_back(i);  // not a hand-off's "return code 0"
  }
  cite(t, cited, f);

  f.details.push_back({"exit_code", o.exitCode ? DetailValue{*o.exitCode} : DetailValue{}});
  f.details.push_back({"exit_meaning", meaning ? DetailValue{std::string(meaning->meaning)} : DetailValue{}});
  if (o.errorCode) addCodeDetails(f, *o.errorCode);
  out.push_back(std::move(f));
}

}  // namespace

void addSetupFailedRule(std::vector<Rule>& rules) { rules.push_back({"setup-failed", setupFailed}); }

}  // namespace ccmlog::rules
