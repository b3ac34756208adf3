#include "ccmlog/event_classifier.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "event_patterns.h"
#include "row_scanner.h"
#include "pattern_prefilter.h"

namespace ccmlog {
namespace {

// A broken table is a programming error that no caller can handle: say which
// row is broken and stop, in release builds too.
[[noreturn]] void brokenTable(size_t row, std::string_view pattern, const std::string& why) {
  std::fprintf(stderr, "ccmlog: event pattern %zu /%.*s/ is broken: %s\n", row,
               static_cast<int>(pattern.size()), pattern.data(), why.c_str());
  std::abort();
}

[[noreturn]] void setTooBig() {
  std::fputs("ccmlog: the event patterns do not fit RE2::Set's memory budget\n", stderr);
  std::abort();
}

// One named group: its name as a view into the pattern text itself (static
// storage, so Events outlive the classifier), and its capture index.
struct Group {
  std::string_view name;
  int index;
};

struct CompiledPattern {
  EventKind kind;
  RE2 re;
  std::vector<Group> groups;  ///< in capture order
  detail::RowScanner scanner;

  CompiledPattern(size_t row, const detail::EventPattern& p, const RE2::Options& options)
      : kind(p.kind), re(p.pattern, options), scanner(p) {
    if (!re.ok()) brokenTable(row, p.pattern, re.error());
    for (const auto& [index, name] : re.CapturingGroupNames()) {
      const std::string spelled = "(?P<" + name + ">";
      const size_t at = p.pattern.find(spelled);
      if (at == std::string_view::npos) brokenTable(row, p.pattern, "group " + name + " not found");
      groups.push_back({p.pattern.substr(at + 4, name.size()), index});
    }
    if (p.scan && re.NumberOfCapturingGroups() > static_cast<int>(detail::kMaxScannedGroups))
      brokenTable(row, p.pattern, "more groups than a scanner reads");
  }

  // The event when the pattern occurs in message, else nullopt. The row's
  // scanner answers first; when it cannot tell, RE2 captures the groups (if
  // the row has any: without groups, RE2 needs only its DFA).
  std::optional<Event> match(std::string_view message, RecordIndex record) const {
    detail::ScannedGroups scanned;
    switch (scanner.scan(message, scanned)) {
      case detail::ScanResult::Match:
        return event(record, [&](int index) { return scanned[static_cast<size_t>(index - 1)]; });
      case detail::ScanResult::NoMatch: return std::nullopt;
      case detail::ScanResult::CannotTell: break;
    }
    thread_local std::vector<re2::StringPiece> captures;  // reused: no allocation per message
    captures.resize(groups.empty() ? 0 : static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    if (!re.Match(message, 0, message.size(), RE2::UNANCHORED, captures.data(), static_cast<int>(captures.size())))
      return std::nullopt;
    return event(record, [&](int index) {
      const re2::StringPiece& value = captures[static_cast<size_t>(index)];
      return std::string_view(value.data(), value.size());
    });
  }

  // valueOf(capture index) is a group's text, a null view when an optional group took no part.
  template <typename ValueOf>
  Event event(RecordIndex record, ValueOf valueOf) const {
    Event e{kind, record, {}};
    for (const Group& g : groups) {
      const std::string_view value = valueOf(g.index);
      if (value.data() != nullptr) e.fields.push_back({g.name, std::string(value)});
    }
    return e;
  }
};

}  // namespace

struct EventClassifier::Impl {
  RE2::Set set{detail::eventPatternOptions(), RE2::UNANCHORED};
  std::vector<std::unique_ptr<CompiledPattern>> patterns;  ///< table order; RE2 is not movable
  detail::PatternPrefilter prefilter{detail::eventPatterns(), detail::eventPatternOptions()};

  // The first row (in table order) that the set finds in message, or -1.
  int firstInSet(std::string_view message) const {
    thread_local std::vector<int> matched;  // reused: no allocation per message
    matched.clear();
    RE2::Set::ErrorInfo error{};
    if (set.Match(message, &matched, &error)) {
      return *std::min_element(matched.begin(), matched.end());  // the set reports them unordered
    }
    // The set's DFA gave up (memory budget) on a huge message: try the rows one by one.
    if (error.kind == RE2::Set::kOutOfMemory) {
      for (size_t i = 0; i < patterns.size(); ++i)
        if (RE2::PartialMatch(message, patterns[i]->re)) return static_cast<int>(i);
    }
    return -1;
  }
};

EventClassifier::EventClassifier() : impl_(std::make_unique<Impl>()) {
  const RE2::Options options = detail::eventPatternOptions();
  const auto table = detail::eventPatterns();
  for (size_t row = 0; row < table.size(); ++row) {
    impl_->patterns.push_back(std::make_unique<CompiledPattern>(row, table[row], options));
    std::string error;
    if (impl_->set.Add(table[row].pattern, &error) != static_cast<int>(row))
      brokenTable(row, table[row].pattern, "RE2::Set rejected it: " + error);
  }
  if (!impl_->set.Compile()) setTooBig();
}

EventClassifier::~EventClassifier() = default;

void EventClassifier::classify(std::string_view message, RecordIndex record,
                               std::vector<Event>& out) const {
  const Impl& d = *impl_;
  thread_local std::vector<int> rows;  // reused: no allocation per message
  // Most messages: the prefilter rules out every row, or leaves one to try.
  if (!d.prefilter.candidateRows(message, rows)) {
    const int row = d.firstInSet(message);
    if (row < 0) return;
    rows.assign(1, row);
  }
  for (const int row : rows) {  // table order: the first that matches wins
    if (auto event = d.patterns[static_cast<size_t>(row)]->match(message, record)) {
      out.push_back(std::move(*event));
      return;
    }
  }
}

}  // namespace ccmlog
