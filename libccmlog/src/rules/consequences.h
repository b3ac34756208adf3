// rules/consequences.h (internal): one problem shows as many lines, and so
// as several findings: a cause and its echoes (KNOWLEDGE.md 7.2). An expert
// names the first specific cause and shows the rest as what followed from it.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "rules/rule_support.h"

namespace ccmlog::rules {

/// A known chain: a finding of rule `cause` explains one of rule
/// `consequence` when both are about the same run (or either about none).
struct Consequence {
  std::string_view cause;
  std::string_view consequence;
};

/// Every known chain, the data the relations are made from (consequences.cpp).
std::span<const Consequence> consequences();

/// Sets Finding::causedBy from the chains, gives a cause the severity of its
/// worst consequence, and orders the findings: root causes by severity, then
/// confidence, then registry order (most specific first); their consequences
/// after them, each under its cause.
void relate(const Timeline& t, std::vector<Finding>& findings);

}  // namespace ccmlog::rules
