// ccmlog/diagnosis.h: the rules that turn a Timeline into Findings.
//
//   std::vector<ccmlog::Finding> findings = ccmlog::diagnose(timeline);
//
// Every rule of rules/ (one file per family, one registry list) runs over the
// timeline; findings come back most important first: errors before warnings
// before infos, the headline service-context diagnosis on top. Known-benign
// lines (KNOWLEDGE.md section 5) never produce a finding.
#pragma once

#include <string_view>
#include <vector>

#include "ccmlog/export.h"
#include "ccmlog/finding.h"
#include "ccmlog/timeline.h"

namespace ccmlog {

CCMLOG_EXPORT std::vector<Finding> diagnose(const Timeline& timeline);

/// The ids of all rules, in registry order (for documentation and tests).
CCMLOG_EXPORT std::vector<std::string_view> ruleIds();

}  // namespace ccmlog
