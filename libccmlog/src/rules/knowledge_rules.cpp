// The rules knowledge entries make alone (knowledge.h): an entry whose rule
// no code implements makes a finding when the log shows its lines. Each entry
// is one cause, so one rule can make several findings (a server certificate
// rejected for its name and for its root at once).
#include "rules/known_causes.h"
#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

void knowledgeRules(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const Knowledge& knowledge = context.knowledge;
  const auto entries = knowledge.entries();
  const std::vector<EventIndex> events = telling(t);
  // Which entries each line shows, in one pass over each line for all of them.
  std::vector<std::vector<EventIndex>> shown(entries.size());
  std::vector<std::size_t> identified;
  for (EventIndex event : events) {
    knowledge.identified(eventAt(t, event).text, identified);
    for (std::size_t i : identified) shown[i].push_back(event);
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const KnowledgeEntry& e = entries[i];
    if (shown[i].empty() || isCodeRule(e.rule)) continue;
    const auto lines = linesOfEntry(t, knowledge, i, shown[i], events);
    if (!lines) continue;

    Finding f;
    f.rule = e.rule;
    f.severity = e.severity == FindingSeverity::Error ? errorUnlessSucceeded(t) : e.severity;
    f.confidence = Confidence::High;
    f.title = e.title;
    f.explanation = e.explanation;
    f.remedy = e.remedy;
    cite(t, *lines, f);
    f.details.push_back({"cause", e.cause});
    f.details.push_back({"lines", static_cast<std::int64_t>(lines->size())});
    if (e.code) addCodeDetails(f, *e.code);
    out.push_back(std::move(f));
  }
}

}  // namespace

void addKnowledgeRules(std::vector<Rule>& rules) { rules.push_back({"", knowledgeRules}); }

}  // namespace ccmlog::rules
