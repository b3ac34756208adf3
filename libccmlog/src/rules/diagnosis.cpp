#include "ccmlog/diagnosis.h"

#include <algorithm>

#include "rules/consequences.h"
#include "rules/history.h"
#include "rules/rule_support.h"

namespace ccmlog {

std::string_view toString(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::Info:
      return "info";
    case FindingSeverity::Warning:
      return "warning";
    case FindingSeverity::Error:
      return "error";
  }
  return "unknown";
}

std::string_view toString(Confidence confidence) {
  switch (confidence) {
    case Confidence::Low:
      return "low";
    case Confidence::Medium:
      return "medium";
    case Confidence::High:
      return "high";
  }
  return "unknown";
}

std::vector<Finding> diagnose(const Timeline& timeline, const DiagnosisOptions& options) {
  std::vector<Finding> findings;
  const std::shared_ptr<const Knowledge> knowledge =
      options.knowledge ? options.knowledge : Knowledge::builtIn();
  const rules::RuleContext context{findings, options.clock, *knowledge};
  for (const rules::Rule& rule : rules::registry()) {
    std::vector<Finding> made;
    rule.run(timeline, context, made);
    // Before the next rule runs: the fallback speaks only for the latest attempt.
    rules::markHistory(timeline, context, made);
    for (Finding& f : made) findings.push_back(std::move(f));
  }
  rules::relate(timeline, *knowledge, findings);
  return findings;
}

std::vector<std::string_view> ruleIds() {
  std::vector<std::string_view> ids;
  for (const rules::Rule& rule : rules::registry()) {
    if (!rule.id.empty()) ids.push_back(rule.id);
  }
  for (const KnowledgeEntry& e : Knowledge::builtIn()->entries()) {
    if (std::find(ids.begin(), ids.end(), e.rule) == ids.end()) ids.push_back(e.rule);
  }
  return ids;
}

}  // namespace ccmlog
