// rules/consequences.h (internal): one problem shows as many lines, and so
// as several findings: a cause and its echoes
// (docs/ccmsetup-logs.md#cause-and-consequence). An expert
// names the first specific cause and shows the rest as what followed from it.
#pragma once

#include <vector>

#include "rules/rule_support.h"

namespace ccmlog::rules {

/// Sets Finding::causedBy from the chains the knowledge entries name (a
/// finding of an entry's rule explains one of each rule in its `explains`,
/// when both are about the same run, or either about none; the first entry
/// that applies names the cause), gives a cause the severity of its
/// worst consequence, and orders the findings: root causes by severity, then
/// confidence, then registry order (most specific first); their consequences
/// after them, each under its cause.
void relate(const Timeline& t, const Knowledge& knowledge, std::vector<Finding>& findings);

}  // namespace ccmlog::rules
