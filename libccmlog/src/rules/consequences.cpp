#include "rules/consequences.h"

#include <algorithm>

namespace ccmlog::rules {
namespace {

// A known chain: a finding of rule `cause` explains one of rule `consequence`.
struct Consequence {
  std::string_view cause;
  std::string_view consequence;
};

// The chains in the order of the entries that name them.
std::vector<Consequence> chainsOf(const Knowledge& knowledge) {
  std::vector<Consequence> chains;
  for (const KnowledgeEntry& e : knowledge.entries()) {
    for (const std::string& explained : e.explains) chains.push_back({e.rule, explained});
  }
  return chains;
}

bool shareRun(const std::vector<size_t>& a, const std::vector<size_t>& b) {
  if (a.empty() || b.empty()) return true;
  return std::any_of(a.begin(), a.end(), [&](size_t r) { return std::binary_search(b.begin(), b.end(), r); });
}

}  // namespace

void relate(const Timeline& t, const Knowledge& knowledge, std::vector<Finding>& findings) {
  const std::vector<Consequence> chains = chainsOf(knowledge);
  const size_t n = findings.size();
  std::vector<std::vector<size_t>> runs(n);
  for (size_t i = 0; i < n; ++i) runs[i] = runsOf(t, findings[i]);
  // Registry order is the order the findings arrive in: it ranks specificity.
  std::vector<std::optional<size_t>> cause(n);
  for (size_t i = 0; i < n; ++i) {
    for (const Consequence& c : chains) {
      if (findings[i].rule != c.consequence) continue;
      for (size_t j = 0; j < n && !cause[i]; ++j) {
        if (j != i && findings[j].rule == c.cause && findings[j].history == findings[i].history &&
            shareRun(runs[i], runs[j])) {
          cause[i] = j;
        }
      }
      if (cause[i]) break;
    }
  }
  // A cause is as serious as the worst of what it led to (up the chain).
  for (size_t pass = 0; pass < n; ++pass) {
    for (size_t i = 0; i < n; ++i) {
      if (cause[i])
        findings[*cause[i]].severity = std::max(findings[*cause[i]].severity, findings[i].severity);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (cause[i]) findings[i].causedBy = findings[*cause[i]].rule;
  }

  const auto before = [&](size_t a, size_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    if (x.severity != y.severity) return x.severity > y.severity;
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return a < b;
  };
  std::vector<size_t> roots;
  for (size_t i = 0; i < n; ++i) {
    if (!cause[i]) roots.push_back(i);
  }
  std::sort(roots.begin(), roots.end(), before);
  // Roots first; then, cause by cause, what each explains, depth first.
  std::vector<size_t> order = roots;
  std::vector<size_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    const size_t c = stack.back();
    stack.pop_back();
    std::vector<size_t> children;
    for (size_t i = 0; i < n; ++i) {
      if (cause[i] == c) children.push_back(i);
    }
    std::sort(children.begin(), children.end(), before);
    order.insert(order.end(), children.begin(), children.end());
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  std::vector<Finding> ordered;
  ordered.reserve(n);
  for (size_t i : order) ordered.push_back(std::move(findings[i]));
  findings = std::move(ordered);
}

}  // namespace ccmlog::rules
