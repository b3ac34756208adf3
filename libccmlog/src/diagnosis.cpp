#include "ccmlog/diagnosis.h"

#include <algorithm>

#include "rules/rule_support.h"

namespace ccmlog {

std::string_view toString(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::Info: return "info";
    case FindingSeverity::Warning: return "warning";
    case FindingSeverity::Error: return "error";
  }
  return "unknown";
}

std::string_view toString(Confidence confidence) {
  switch (confidence) {
    case Confidence::Low: return "low";
    case Confidence::Medium: return "medium";
    case Confidence::High: return "high";
  }
  return "unknown";
}

std::vector<Finding> diagnose(const Timeline& timeline) {
  std::vector<Finding> findings;
  for (const rules::Rule& rule : rules::registry()) {
    std::vector<Finding> made;
    rule.run(timeline, findings, made);
    for (Finding& f : made) findings.push_back(std::move(f));
  }
  // Most serious first; within a severity, registry order (the headline
  // service-context rule is registered first).
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.severity > b.severity;
  });
  return findings;
}

std::vector<std::string_view> ruleIds() {
  std::vector<std::string_view> ids;
  for (const rules::Rule& rule : rules::registry()) ids.push_back(rule.id);
  return ids;
}

}  // namespace ccmlog
