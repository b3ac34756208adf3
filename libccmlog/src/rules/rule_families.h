// rules/rule_families.h (internal): each rule family file adds its rules to
// the registry through one function; rule_registry.cpp calls them in order.
#pragma once

#include <vector>

#include "rules/rule_support.h"

namespace ccmlog::rules {

void addServiceContextRules(std::vector<Rule>& rules);  ///< service_context_rules.cpp
void addDownloadRules(std::vector<Rule>& rules);        ///< download_rules.cpp
void addCertificateRules(std::vector<Rule>& rules);     ///< certificate_rules.cpp
void addInstallRules(std::vector<Rule>& rules);         ///< install_rules.cpp
void addKnowledgeRules(std::vector<Rule>& rules);       ///< knowledge_rules.cpp (entries alone)
void addSetupFailedRule(std::vector<Rule>& rules);      ///< setup_failed_rule.cpp (the fallback, last)

}  // namespace ccmlog::rules
