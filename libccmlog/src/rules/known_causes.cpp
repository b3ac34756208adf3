#include "rules/known_causes.h"

#include <algorithm>

namespace ccmlog::rules {

std::optional<std::vector<EventIndex>> linesOfEntry(const Timeline& t, const Knowledge& knowledge,
                                                    std::size_t i, std::vector<EventIndex> identified,
                                                    const std::vector<EventIndex>& events) {
  std::vector<EventIndex> lines = std::move(identified);
  if (lines.empty()) return std::nullopt;
  for (std::size_t k = 0; k < knowledge.entries()[i].with.size(); ++k) {
    const auto with = std::find_if(events.begin(), events.end(), [&](EventIndex e) {
      return knowledge.matchesWith(i, k, eventAt(t, e).text);
    });
    if (with == events.end()) return std::nullopt;
    lines.push_back(*with);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

KnownCause knownCause(const Timeline& t, const Knowledge& knowledge, std::string_view rule,
                      const std::vector<EventIndex>& events) {
  const auto entries = knowledge.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].rule != rule) continue;
    std::vector<EventIndex> identified;
    for (EventIndex e : events) {
      if (knowledge.identifies(i, eventAt(t, e).text)) identified.push_back(e);
    }
    if (auto lines = linesOfEntry(t, knowledge, i, std::move(identified), events))
      return {&entries[i], std::move(*lines)};
  }
  return {};
}

std::vector<EventIndex> telling(const Timeline& t) {
  std::vector<EventIndex> events;
  for (std::uint32_t i = 0; i < t.events.size(); ++i) {
    if (t.events[i].event.kind != EventKind::Benign) events.push_back(EventIndex{i});
  }
  return events;
}

}  // namespace ccmlog::rules
