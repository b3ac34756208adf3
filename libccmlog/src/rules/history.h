// rules/history.h (internal): a machine's log holds every attempt; its state
// is the latest one's (docs/ccmsetup-logs.md#history). A finding about an earlier attempt
// only is history: dated, and at most a warning.
#pragma once

#include <vector>

#include "rules/rule_support.h"

namespace ccmlog::rules {

/// Marks the findings of `made` whose evidence all lies in runs before the
/// latest attempt as history: Finding::history, severity at most Warning, the
/// attempt's date before the title and what became of it after the explanation.
void markHistory(const Timeline& t, const RuleContext& context, std::vector<Finding>& made);

}  // namespace ccmlog::rules
