#include "ccmlog/knowledge.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "ccmlog/event_classifier.h"
#include "classify/event_patterns.h"
#include "knowledge/builtin_knowledge.h"
#include "rules/rule_support.h"

namespace ccmlog {
namespace {

using Patterns = std::vector<std::unique_ptr<RE2>>;

Patterns compiled(const std::vector<std::string>& patterns) {
  Patterns out;
  for (const std::string& p : patterns)
    out.push_back(std::make_unique<RE2>(p, detail::eventPatternOptions()));
  return out;
}

bool anyMatches(const Patterns& patterns, std::string_view text) {
  for (const auto& re : patterns) {
    if (RE2::PartialMatch(text, *re)) return true;
  }
  return false;
}

// The patterns a log line must be kept for: every entry's lines and with.
std::vector<std::string> allLines(std::span<const KnowledgeEntry> entries) {
  std::vector<std::string> lines;
  for (const KnowledgeEntry& e : entries) {
    lines.insert(lines.end(), e.lines.begin(), e.lines.end());
    lines.insert(lines.end(), e.with.begin(), e.with.end());
  }
  return lines;
}

std::string nameOf(const KnowledgeEntry& e) { return e.rule + "/" + e.cause; }

// Whether the table's patterns and `lines` fit one RE2::Set, as the classifier
// compiles them: each pattern compiles alone (the parser checked), but their
// union has a memory budget too.
bool fitOneSet(const std::vector<std::string>& lines) {
  RE2::Set set(detail::eventPatternOptions(), RE2::UNANCHORED);
  for (const detail::EventPattern& row : detail::eventPatterns()) {
    if (set.Add(row.pattern, nullptr) < 0) return false;
  }
  for (const std::string& line : lines) {
    if (set.Add(line, nullptr) < 0) return false;
  }
  return set.Compile();
}

// Why `entry` cannot join `before`; empty when it can.
std::string conflict(const KnowledgeEntry& entry, std::span<const KnowledgeEntry> before) {
  for (const KnowledgeEntry& b : before) {
    if (b.rule == entry.rule && b.cause == entry.cause)
      return entry.origin + ": " + nameOf(entry) + " is already known (" + b.origin + ")";
  }
  if (entry.lines.empty() && !rules::isCodeRule(entry.rule))
    return entry.origin + ": field 'lines': missing (no code implements rule " + entry.rule +
           ", so its entries need the lines that identify them)";
  return {};
}

}  // namespace

struct CompiledKnowledge {
  explicit CompiledKnowledge(std::vector<KnowledgeEntry> all)
      : entries(std::move(all)), classifier(allLines(entries)) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      lines.push_back(compiled(entries[i].lines));
      with.push_back(compiled(entries[i].with));
      for (const std::string& line : entries[i].lines) {
        anyLine.Add(line, nullptr);  // compiles: the parser checked it
        entryOfLine.push_back(i);
      }
    }
    anyLine.Compile();  // fits: extended() checked the same patterns and more
  }

  std::vector<KnowledgeEntry> entries;
  std::vector<Patterns> lines, with;                                 ///< per entry
  RE2::Set anyLine{detail::eventPatternOptions(), RE2::UNANCHORED};  ///< every entry's lines
  std::vector<std::size_t> entryOfLine;                              ///< per pattern of anyLine
  EventClassifier classifier;
};

Knowledge::Knowledge(std::unique_ptr<CompiledKnowledge> compiled) : compiled_(std::move(compiled)) {}
Knowledge::~Knowledge() = default;

std::shared_ptr<const Knowledge> Knowledge::builtIn() {
  static const std::shared_ptr<const Knowledge> instance = [] {
    std::vector<KnowledgeEntry> all;
    // A broken built-in file is a programming error no caller can handle
    // (knowledge_test.cpp reads every one): say where, and stop.
    const auto broken = [](const std::string& why) {
      std::fprintf(stderr, "ccmlog: built-in knowledge is broken: %s\n", why.c_str());
      std::abort();
    };
    for (const detail::KnowledgeText& file : detail::builtInKnowledgeFiles()) {
      auto entries = detail::parseTrustedKnowledge(file.text, file.name);
      if (!entries) broken(entries.error().message);
      for (KnowledgeEntry& e : *entries) {
        if (const std::string why = conflict(e, all); !why.empty()) broken(why);
        all.push_back(std::move(e));
      }
    }
    return std::shared_ptr<const Knowledge>(
        new Knowledge(std::make_unique<CompiledKnowledge>(std::move(all))));
  }();
  return instance;
}

Result<std::shared_ptr<const Knowledge>> Knowledge::extended(std::span<const KnowledgeEntry> extra) {
  const auto base = builtIn();
  if (extra.empty()) return base;
  std::vector<KnowledgeEntry> all(base->entries().begin(), base->entries().end());
  for (const KnowledgeEntry& e : extra) {
    if (const std::string why = conflict(e, all); !why.empty()) return Error{why};
    all.push_back(e);
  }
  if (!fitOneSet(allLines(all)))
    return Error{extra.back().origin +
                 ": the patterns of the knowledge given are too many or too large to compile together"};
  return std::shared_ptr<const Knowledge>(new Knowledge(std::make_unique<CompiledKnowledge>(std::move(all))));
}

std::span<const KnowledgeEntry> Knowledge::entries() const { return compiled_->entries; }

bool Knowledge::identifies(std::size_t i, std::string_view text) const {
  return anyMatches(compiled_->lines[i], text);
}

void Knowledge::identified(std::string_view text, std::vector<std::size_t>& entries) const {
  entries.clear();
  thread_local std::vector<int> matched;  // reused: no allocation per text
  matched.clear();
  if (!compiled_->anyLine.Match(text, &matched)) return;
  for (int line : matched) entries.push_back(compiled_->entryOfLine[static_cast<std::size_t>(line)]);
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

bool Knowledge::matchesWith(std::size_t i, std::size_t k, std::string_view text) const {
  return RE2::PartialMatch(text, *compiled_->with[i][k]);
}

struct KnowledgeAccess {
  static const EventClassifier& classifier(const Knowledge& knowledge) {
    return knowledge.compiled_->classifier;
  }
};

const EventClassifier& classifierOf(const Knowledge& knowledge) {
  return KnowledgeAccess::classifier(knowledge);
}

std::vector<std::string> Knowledge::checkSamples() const {
  std::vector<std::string> problems;
  const auto& all = compiled_->entries;
  for (size_t i = 0; i < all.size(); ++i) {
    const KnowledgeEntry& e = all[i];
    for (const std::string& sample : e.samples) {
      const std::string said = e.origin + ": " + nameOf(e) + ": sample '" + sample + "' ";
      bool own = identifies(i, sample);
      for (size_t k = 0; k < e.with.size(); ++k) own = own || matchesWith(i, k, sample);
      if (!own) problems.push_back(said + "is matched by none of the entry's lines or with");
      for (size_t j = 0; j < all.size(); ++j) {
        if (j != i && identifies(j, sample))
          problems.push_back(said + "is matched by " + nameOf(all[j]) + " (" + all[j].origin + ") too");
      }
      Event event;
      if (!compiled_->classifier.classifyInto(sample, RecordIndex{0}, event) ||
          event.kind == EventKind::Benign)
        problems.push_back(said + "is not read as an event: a log line like it would be lost");
    }
    for (size_t k = 0; k < e.with.size(); ++k) {
      bool found = false;
      for (const std::string& sample : e.samples) found = found || matchesWith(i, k, sample);
      if (!found)
        problems.push_back(e.origin + ": " + nameOf(e) + ": no sample matches 'with' pattern '" + e.with[k] +
                           "'");
    }
  }
  return problems;
}

}  // namespace ccmlog
