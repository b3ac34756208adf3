// The one list of rule families, in the order they run. The rules that
// knowledge entries make alone run after those of code (which are more
// specific: they know the run story). The fallback setup-failed rule runs
// last: it speaks only when no rule before it explained the failure.
#include <algorithm>

#include "rules/rule_families.h"

namespace ccmlog::rules {

const std::vector<Rule>& registry() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    addServiceContextRules(all);
    addDownloadRules(all);
    addCertificateRules(all);
    addInstallRules(all);
    addKnowledgeRules(all);
    addSetupFailedRule(all);
    return all;
  }();
  return rules;
}

bool isCodeRule(std::string_view id) {
  const auto& rules = registry();
  return !id.empty() && std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
}

}  // namespace ccmlog::rules
