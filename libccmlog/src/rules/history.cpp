#include "rules/history.h"

#include <algorithm>

namespace ccmlog::rules {
namespace {

// "2023-03-03" of an ISO time, or the whole text when it is shorter.
std::string dateOf(const std::string& iso) { return iso.substr(0, 10); }

std::string latestAttemptSaid(const Timeline& t) {
  switch (t.outcome.status) {
    case OutcomeStatus::Success:
      return "succeeded";
    case OutcomeStatus::RebootRequired:
      return "succeeded and waits for a restart";
    case OutcomeStatus::Failed:
      return "failed too; the findings about it come first";
    case OutcomeStatus::InProgress:
      return "was still running when the log ends";
    case OutcomeStatus::Unknown:
      break;
  }
  return "decides the machine's state";
}

}  // namespace

void markHistory(const Timeline& t, const RuleContext& context, std::vector<Finding>& made) {
  const auto latest = latestAttemptStart(t);
  if (!latest || *latest == 0) return;
  const Run& attempt = t.runs[*latest];
  for (Finding& f : made) {
    const auto runs = runsOf(t, f);
    if (runs.empty() || runs.back() >= *latest) continue;
    f.history = true;
    f.severity = std::min(f.severity, FindingSeverity::Warning);
    const Location& first = f.evidence.front().where;
    const std::string when = first.local ? dateOf(describeTime(f, first, context)) : std::string();
    f.title =
        (when.empty() ? std::string("An earlier attempt: ") : "The attempt of " + when + ": ") + f.title;
    const std::string started = timeAfter(", started ", f, attempt.start, context);
    f.explanation += " This is history: a later attempt" + started + ", " + latestAttemptSaid(t) + ".";
  }
}

}  // namespace ccmlog::rules
