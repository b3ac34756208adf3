// The fallback: setup failed and no rule before this one explained why. It
// reports the code setup ended with and what that code means: ccmsetup's
// return codes are its known causes (setup-failed.toml).
#include "ccmlog/error_codes.h"
#include "rules/known_causes.h"
#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

void setupFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const Outcome& o = t.outcome;
  if (o.status != OutcomeStatus::Failed || hasError(context.earlier) || !o.run) return;
  const KnowledgeEntry* meaning =
      knownCause(t, context.knowledge, "setup-failed", eventsOf(t, EventKind::ExitCode, o.run)).entry;
  const std::string exitText = o.exitCode ? "return code " + std::to_string(*o.exitCode) : "";

  Finding f;
  f.rule = "setup-failed";
  f.severity = FindingSeverity::Error;
  f.confidence = Confidence::Medium;
  if (o.errorCode) {
    const std::string code = formatErrorCode(*o.errorCode);
    const ErrorInfo info = lookupError(*o.errorCode);
    f.title =
        "ccmsetup failed with error " + code + (info.name.empty() ? "" : " (" + std::string(info.name) + ")");
  } else {
    f.title = "ccmsetup stopped with " + exitText + (meaning ? ": " + meaning->title : "");
  }
  std::string ended = o.errorCode ? "error " + describeCode(*o.errorCode) : "";
  if (o.exitCode) ended += (ended.empty() ? "" : " and ") + exitText;
  f.explanation = "The install did not complete: ccmsetup ended with " + ended + ". " +
                  (meaning ? meaning->explanation + " " : "") +
                  "No more specific diagnosis matched the lines before it.";
  f.remedy = meaning ? meaning->remedy
                     : "Read the lines just before the failure in ccmsetup.log (and client.msi.log if "
                       "the install reached Windows Installer), starting from the error text above; "
                       "fix what they name, then run ccmsetup again.";
  std::vector<EventIndex> cited;
  for (EventIndex i :
       eventsOf(t, {EventKind::SetupFailed, EventKind::DeploymentStatus, EventKind::ExitCode}, o.run)) {
    if (eventAt(t, i).event.number("code") != 0) cited.push_back(i);  // not a hand-off's "return code 0"
  }
  cite(t, cited, f);

  f.details.push_back({"exit_code", o.exitCode ? DetailValue{*o.exitCode} : DetailValue{}});
  f.details.push_back({"exit_meaning", meaning ? DetailValue{meaning->title} : DetailValue{}});
  if (o.errorCode) addCodeDetails(f, *o.errorCode);
  out.push_back(std::move(f));
}

}  // namespace

void addSetupFailedRule(std::vector<Rule>& rules) { rules.push_back({"setup-failed", setupFailed}); }

}  // namespace ccmlog::rules
