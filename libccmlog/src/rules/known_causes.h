// rules/known_causes.h (internal): how a rule finds the knowledge entries
// (knowledge.h) a log shows. The entries of a rule that code implements are
// its known causes, looked for among the lines the code names; the others are
// rules of their own (knowledge_rules.cpp), looked for among all lines.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/rule_support.h"

namespace ccmlog::rules {

/// The lines that show entry `i`: `identified` (lines its lines identify),
/// then for each of its `with` patterns the first of `events` that matches
/// it, in log order; nullopt when `identified` is empty or a `with` pattern
/// matches none.
std::optional<std::vector<EventIndex>> linesOfEntry(const Timeline& t, const Knowledge& knowledge,
                                                    std::size_t i, std::vector<EventIndex> identified,
                                                    const std::vector<EventIndex>& events);

/// A known cause a log shows: its entry and the lines that show it.
struct KnownCause {
  const KnowledgeEntry* entry = nullptr;  ///< null when none is shown
  std::vector<EventIndex> lines;          ///< as linesOfEntry gives them
};

/// The first entry of rule `rule` that `events` show.
KnownCause knownCause(const Timeline& t, const Knowledge& knowledge, std::string_view rule,
                      const std::vector<EventIndex>& events);

/// Every event of the timeline but the known-harmless ones, in log order.
std::vector<EventIndex> telling(const Timeline& t);

}  // namespace ccmlog::rules
