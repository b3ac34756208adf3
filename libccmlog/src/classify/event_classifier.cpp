#include "ccmlog/event_classifier.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "classify/event_patterns.h"
#include "classify/fast/pattern_prefilter.h"
#include "classify/fast/row_scanner.h"

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
    // A knowledge line's event has no fields: its pattern's text is not the
    // table's static storage, and an Event may outlive the classifier.
    if (p.kind == EventKind::KnowledgeLine) return;
    for (const auto& [index, name] : re.CapturingGroupNames()) {
      const std::string spelled = "(?P<" + name + ">";
      const size_t at = p.pattern.find(spelled);
      if (at == std::string_view::npos) brokenTable(row, p.pattern, "group " + name + " not found");
      groups.push_back({p.pattern.substr(at + 4, name.size()), index});
    }
    if (p.scan && re.NumberOfCapturingGroups() > static_cast<int>(detail::kMaxScannedGroups))
      brokenTable(row, p.pattern, "more groups than a scanner reads");
  }

  // Whether the pattern occurs in message; if so, `e` becomes its event. The
  // row's scanner answers first; when it cannot tell, RE2 captures the groups
  // (if the row has any: without groups, RE2 needs only its DFA).
  bool match(std::string_view message, RecordIndex record, Event& e) const {
    detail::ScannedGroups scanned;
    switch (scanner.scan(message, scanned)) {
      case detail::ScanResult::Match:
        fill(e, record, [&](int index) { return scanned[static_cast<size_t>(index - 1)]; });
        return true;
      case detail::ScanResult::NoMatch:
        return false;
      case detail::ScanResult::CannotTell:
        break;
    }
    thread_local std::vector<re2::StringPiece> captures;  // reused: no allocation per message
    captures.resize(groups.empty() ? 0 : static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    if (!re.Match(message, 0, message.size(), RE2::UNANCHORED, captures.data(),
                  static_cast<int>(captures.size())))
      return false;
    fill(e, record, [&](int index) {
      const re2::StringPiece& value = captures[static_cast<size_t>(index)];
      return std::string_view(value.data(), value.size());
    });
    return true;
  }

  // Makes `e` this row's event, assigning into the fields it has (their
  // strings keep their memory). valueOf(capture index) is a group's text, a
  // null view when an optional group took no part.
  template <typename ValueOf>
  void fill(Event& e, RecordIndex record, ValueOf valueOf) const {
    e.kind = kind;
    e.record = record;
    size_t n = 0;
    for (const Group& g : groups) {
      const std::string_view value = valueOf(g.index);
      if (value.data() == nullptr) continue;
      if (n == e.fields.size()) e.fields.emplace_back();
      e.fields[n].name = g.name;
      e.fields[n++].value.assign(value);
    }
    e.fields.resize(n);
  }
};

// The table's rows, then a KnowledgeLine row for each knowledge line.
std::vector<detail::EventPattern> rowsWith(const std::vector<std::string>& knowledgeLines) {
  const auto table = detail::eventPatterns();
  std::vector<detail::EventPattern> rows(table.begin(), table.end());
  for (const std::string& line : knowledgeLines) rows.push_back({EventKind::KnowledgeLine, line, {}});
  return rows;
}

}  // namespace

struct EventClassifier::Impl {
  explicit Impl(std::span<const std::string> lines)
      : knowledgeLines(lines.begin(), lines.end()), rows(rowsWith(knowledgeLines)) {}

  std::vector<std::string> knowledgeLines;  ///< the KnowledgeLine rows' patterns (rows view them)
  std::vector<detail::EventPattern> rows;   ///< priority order
  RE2::Set set{detail::eventPatternOptions(), RE2::UNANCHORED};
  std::vector<std::unique_ptr<CompiledPattern>> patterns;  ///< rows' order; RE2 is not movable
  detail::PatternPrefilter prefilter{rows, detail::eventPatternOptions()};

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

EventClassifier::EventClassifier() : EventClassifier(std::span<const std::string>()) {}

EventClassifier::EventClassifier(std::span<const std::string> knowledgeLines)
    : impl_(std::make_unique<Impl>(knowledgeLines)) {
  const RE2::Options options = detail::eventPatternOptions();
  const std::vector<detail::EventPattern>& table = impl_->rows;
  for (size_t row = 0; row < table.size(); ++row) {
    impl_->patterns.push_back(std::make_unique<CompiledPattern>(row, table[row], options));
    std::string error;
    if (impl_->set.Add(table[row].pattern, &error) != static_cast<int>(row))
      brokenTable(row, table[row].pattern, "RE2::Set rejected it: " + error);
  }
  if (!impl_->set.Compile()) setTooBig();
}

EventClassifier::~EventClassifier() = default;

void EventClassifier::classify(std::string_view message, RecordIndex record, std::vector<Event>& out) const {
  if (Event event; classifyInto(message, record, event)) out.push_back(std::move(event));
}

bool EventClassifier::classifyInto(std::string_view message, RecordIndex record, Event& event) const {
  const Impl& d = *impl_;
  thread_local std::vector<int> rows;  // reused: no allocation per message
  // Most messages: the prefilter rules out every row, or leaves one to try.
  if (!d.prefilter.candidateRows(message, rows)) {
    const int row = d.firstInSet(message);
    if (row < 0) return false;
    rows.assign(1, row);
  }
  for (const int row : rows) {  // table order: the first that matches wins
    if (d.patterns[static_cast<size_t>(row)]->match(message, record, event)) return true;
  }
  return false;
}

}  // namespace ccmlog
