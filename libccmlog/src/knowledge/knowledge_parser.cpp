// Reading knowledge files. TOML through toml++ (Debian: libtomlplusplus-dev),
// used header-only in this file alone and without exceptions: a parse error
// is a value, with the line it is on.
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ccmlog/error_codes.h"
#include "ccmlog/knowledge.h"
#include "classify/event_patterns.h"
#include "classify/fast/pattern_prefilter.h"
#include "knowledge/builtin_knowledge.h"

namespace ccmlog {
namespace {

constexpr std::string_view kTextFields[] = {"title", "explanation", "remedy"};
constexpr std::string_view kListFields[] = {"explains", "lines", "with", "samples"};

std::string at(std::string_view name, const toml::source_region& where) {
  return std::string(name) + ":" + std::to_string(where.begin.line);
}

Error fieldError(std::string_view name, const toml::node& node, std::string_view field,
                 std::string_view what) {
  return Error{at(name, node.source()) + ": field '" + std::string(field) + "': " + std::string(what)};
}

// Rule and cause ids: lower-case words joined by hyphens ("name-mismatch").
bool isId(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos)
    return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Why `pattern` cannot be a line or with pattern; empty when it can.
std::string patternProblem(const std::string& pattern, bool checkKeyed) {
  const RE2 re(pattern, detail::eventPatternOptions());
  if (!re.ok()) return "not a valid RE2 pattern: " + re.error();
  if (!re.NamedCapturingGroups().empty()) return "named groups (?P<name>…) are not supported; use (?:…)";
  if (!checkKeyed) return {};
  // The classifier tries a pattern only on messages holding a word every match
  // must contain (classify/fast/pattern_prefilter.h); one without would be tried on every line.
  const detail::EventPattern row{EventKind::KnowledgeLine, pattern, {}};
  const detail::PatternPrefilter prefilter(std::span(&row, 1), detail::eventPatternOptions());
  if (prefilter.keys().front().empty())
    return "without a literal text of six or more characters that every match contains, so it would be tried "
           "on every log line; write one out (an alternation (?:a|b) is better as two patterns)";
  return {};
}

class EntryReader {
 public:
  EntryReader(std::string_view name, const toml::table& table, bool checkKeyed)
      : name_(name), table_(table), checkKeyed_(checkKeyed) {}

  Result<KnowledgeEntry> read() {
    KnowledgeEntry e;
    e.origin = at(name_, table_.source());
    for (const auto& [key, node] : table_) {
      const std::string_view k = key.str();
      const bool known =
          k == "rule" || k == "cause" || k == "severity" || k == "code" ||
          std::find(std::begin(kTextFields), std::end(kTextFields), k) != std::end(kTextFields) ||
          std::find(std::begin(kListFields), std::end(kListFields), k) != std::end(kListFields);
      if (!known) return fieldError(name_, node, k, "unknown field");
    }
    if (auto r = id("rule", e.rule); !r) return *r.error;
    if (auto r = id("cause", e.cause); !r) return *r.error;
    for (std::string_view field : kTextFields) {
      std::string* target = field == "title" ? &e.title : field == "explanation" ? &e.explanation : &e.remedy;
      if (auto r = text(field, *target, false); !r) return *r.error;
    }
    if (auto r = list("explains", e.explains); !r) return *r.error;
    if (auto r = list("lines", e.lines); !r) return *r.error;
    if (auto r = list("with", e.with); !r) return *r.error;
    if (auto r = list("samples", e.samples); !r) return *r.error;
    for (const std::string& rule : e.explains) {
      if (!isId(rule))
        return fieldError(name_, *table_.get("explains"), "explains", "'" + rule + "' is not a rule id");
    }
    for (std::string_view field : {"lines", "with"}) {
      for (const std::string& p : field == "lines" ? e.lines : e.with) {
        if (const std::string problem = patternProblem(p, checkKeyed_); !problem.empty())
          return fieldError(name_, *table_.get(field), field, "'" + p + "' is " + problem);
      }
    }
    if (auto r = severity(e.severity); !r) return *r.error;
    if (auto r = code(e.code); !r) return *r.error;
    // An entry that identifies lines makes findings: it must say all a finding says and prove its lines.
    if (!e.lines.empty()) {
      for (std::string_view field : kTextFields) {
        if (!table_.contains(field)) return missing(field, "an entry with lines needs it");
      }
      if (!table_.contains("severity")) return missing("severity", "an entry with lines needs it");
      if (e.samples.empty())
        return missing("samples", "an entry with lines needs a real-shaped line that it identifies");
    } else if (!e.with.empty() || !e.samples.empty()) {
      return missing("lines", "'with' and 'samples' are about the lines that identify the cause");
    }
    return e;
  }

 private:
  // A step's outcome: an error, or nothing.
  struct Step {
    std::optional<Error> error;
    explicit operator bool() const { return !error; }
  };

  Error missing(std::string_view field, std::string_view why) const {
    return Error{at(name_, table_.source()) + ": field '" + std::string(field) + "': missing (" +
                 std::string(why) + ")"};
  }

  Step text(std::string_view field, std::string& out, bool required) {
    const toml::node* node = table_.get(field);
    if (!node) return required ? Step{missing(field, "every entry has one")} : Step{};
    const auto value = node->value<std::string>();
    if (!node->is_string() || !value) return Step{fieldError(name_, *node, field, "must be a string")};
    out = *value;
    if (out.find_first_not_of(" \t\r\n") == std::string::npos)
      return Step{fieldError(name_, *node, field, "is empty")};
    return {};
  }

  Step id(std::string_view field, std::string& out) {
    if (auto r = text(field, out, true); !r) return r;
    if (!isId(out))
      return Step{fieldError(name_, *table_.get(field), field,
                             "'" + out + "' is not lower-case words joined by hyphens")};
    return {};
  }

  Step list(std::string_view field, std::vector<std::string>& out) {
    const toml::node* node = table_.get(field);
    if (!node) return {};
    const toml::array* array = node->as_array();
    if (!array) return Step{fieldError(name_, *node, field, "must be a list of strings")};
    for (const toml::node& item : *array) {
      const auto value = item.value<std::string>();
      if (!item.is_string() || !value)
        return Step{fieldError(name_, item, field, "must be a list of strings")};
      if (value->empty()) return Step{fieldError(name_, item, field, "holds an empty string")};
      out.push_back(*value);
    }
    return {};
  }

  Step severity(FindingSeverity& out) {
    std::string word;
    if (!table_.contains("severity")) return {};
    if (auto r = text("severity", word, true); !r) return r;
    if (word == "error")
      out = FindingSeverity::Error;
    else if (word == "warning")
      out = FindingSeverity::Warning;
    else if (word == "info")
      out = FindingSeverity::Info;
    else
      return Step{fieldError(name_, *table_.get("severity"), "severity",
                             "'" + word + "' is not one of error, warning, info")};
    return {};
  }

  Step code(std::optional<std::uint32_t>& out) {
    std::string written;
    if (!table_.contains("code")) return {};
    if (auto r = text("code", written, true); !r) return r;
    out = parseErrorCode(written);
    if (!out)
      return Step{fieldError(name_, *table_.get("code"), "code",
                             "'" + written + "' is not an error code (write it as 0x87d00454)")};
    return {};
  }

  std::string_view name_;
  const toml::table& table_;
  bool checkKeyed_;
};

Result<std::vector<KnowledgeEntry>> parse(std::string_view text, std::string_view name, bool checkKeyed) {
  toml::parse_result parsed = toml::parse(text, std::string(name));
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return Error{at(name, e.source()) + ": " + std::string(e.description())};
  }
  const toml::table& top = parsed.table();
  for (const auto& [key, node] : top) {
    if (key.str() != "entry")
      return fieldError(name, node, key.str(), "unknown field (entries are [[entry]] tables)");
  }
  std::vector<KnowledgeEntry> entries;
  const toml::node* list = top.get("entry");
  if (!list) return entries;
  const toml::array* array = list->as_array();
  if (!array) return fieldError(name, *list, "entry", "must be [[entry]] tables");
  for (const toml::node& item : *array) {
    const toml::table* table = item.as_table();
    if (!table) return fieldError(name, item, "entry", "must be [[entry]] tables");
    auto entry = EntryReader(name, *table, checkKeyed).read();
    if (!entry) return entry.error();
    entries.push_back(std::move(*entry));
  }
  return entries;
}

}  // namespace

Result<std::vector<KnowledgeEntry>> parseKnowledge(std::string_view text, std::string_view name) {
  return parse(text, name, true);
}

Result<std::vector<KnowledgeEntry>> detail::parseTrustedKnowledge(std::string_view text,
                                                                  std::string_view name) {
  return parse(text, name, false);
}

Result<std::vector<KnowledgeEntry>> readKnowledgeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open '" + path.string() + "'"};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{"cannot read '" + path.string() + "'"};
  return parseKnowledge(text.str(), path.string());
}

}  // namespace ccmlog
