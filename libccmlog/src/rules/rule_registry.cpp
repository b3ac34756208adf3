// The one list of rule families, in the order they run. The fallback
// setup-failed rule runs last: it speaks only when no rule before it
// explained the failure.
#include "rules/rule_families.h"

namespace ccmlog::rules {

const std::vector<Rule>& registry() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    addServiceContextRules(all);
    addDownloadRules(all);
    addCertificateRules(all);
    addInstallRules(all);
    addSetupFailedRule(all);
    return all;
  }();
  return rules;
}

}  // namespace ccmlog::rules
