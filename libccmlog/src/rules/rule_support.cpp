#include "rules/rule_support.h"

#include <algorithm>
#include <cctype>

#include "ccmlog/error_codes.h"

namespace ccmlog::rules {

std::vector<EventIndex> eventsOf(const Timeline& t, EventKind kind, std::optional<size_t> run) {
  return eventsOf(t, {kind}, run);
}

std::vector<EventIndex> eventsOf(const Timeline& t, std::initializer_list<EventKind> kinds,
                                 std::optional<size_t> run) {
  std::vector<EventIndex> found;
  const auto consider = [&](EventIndex i) {
    if (std::find(kinds.begin(), kinds.end(), eventAt(t, i).event.kind) != kinds.end()) found.push_back(i);
  };
  if (run) {
    for (EventIndex i : t.runs[*run].events) consider(i);
  } else {
    for (std::uint32_t i = 0; i < t.events.size(); ++i) consider(EventIndex{i});
  }
  return found;
}

const TimelineEvent& eventAt(const Timeline& t, EventIndex i) { return t.events[value(i)]; }

std::uint64_t unkeptCount(const Timeline& t, EventKind kind, std::optional<size_t> run) {
  std::uint64_t total = 0;
  for (size_t r = 0; r < t.runs.size(); ++r) {
    if (!run || r == *run) total += t.runs[r].count(kind);
  }
  return total - eventsOf(t, kind, run).size();
}

std::optional<EventIndex> firstAfter(const Timeline& t, EventKind kind, EventIndex i) {
  for (std::uint32_t n = value(i) + 1; n < t.events.size(); ++n) {
    if (t.events[n].event.kind == kind) return EventIndex{n};
  }
  return std::nullopt;
}

std::optional<size_t> runOf(const Timeline& t, EventIndex i) {
  // The event says (a Timeline built by hand may not: then every run is asked).
  const auto inRun = [&](size_t r) {
    return std::binary_search(t.runs[r].events.begin(), t.runs[r].events.end(), i);
  };
  if (value(i) < t.events.size()) {
    if (const size_t r = eventAt(t, i).run; r < t.runs.size() && inRun(r)) return r;
  }
  for (size_t r = 0; r < t.runs.size(); ++r) {
    if (inRun(r)) return r;  // a run's events are in order (timeline.h)
  }
  return std::nullopt;
}

std::optional<size_t> outcomeRun(const Timeline& t) {
  if (t.outcome.run) return t.outcome.run;
  if (t.runs.empty()) return std::nullopt;
  return t.runs.size() - 1;
}

const Download* downloadBefore(const Run& run, EventIndex i) {
  const auto d = std::find_if(run.downloads.rbegin(), run.downloads.rend(),
                              [&](const Download& x) { return x.started <= i; });
  return d == run.downloads.rend() ? nullptr : &*d;
}

Evidence evidenceOf(const Timeline& t, EventIndex i) {
  const TimelineEvent& e = eventAt(t, i);
  return Evidence{e.where, e.text};
}

void cite(const Timeline& t, std::vector<EventIndex> events, Finding& f) {
  for (EventIndex i : events) {
    if (eventAt(t, i).event.kind == EventKind::Benign) continue;  // never a cause, never a proof
    Evidence e = evidenceOf(t, i);
    const bool known = std::any_of(f.evidence.begin(), f.evidence.end(), [&](const Evidence& x) {
      return x.where.file == e.where.file && x.where.line == e.where.line;
    });
    if (!known) f.evidence.push_back(std::move(e));
  }
  std::stable_sort(f.evidence.begin(), f.evidence.end(), [](const Evidence& a, const Evidence& b) {
    if (a.where.file != b.where.file) return value(a.where.file) < value(b.where.file);
    return value(a.where.line) < value(b.where.line);
  });
}

std::string describeCode(std::uint32_t code) {
  const ErrorInfo info = lookupError(code);
  std::string out = formatErrorCode(info.code);
  if (info.name.empty() && !info.known()) return out;
  out += " (";
  out.append(info.name);
  if (!info.name.empty() && info.known()) out.append(": ");
  out.append(info.text).append(")");
  return out;
}

void addCodeDetails(Finding& f, std::uint32_t code, std::string_view prefix) {
  const ErrorInfo info = lookupError(code);
  const std::string p(prefix);
  f.details.push_back({p + "error_code", formatErrorCode(info.code)});
  f.details.push_back(
      {p + "error_name", info.name.empty() ? DetailValue{} : DetailValue{std::string(info.name)}});
  f.details.push_back(
      {p + "error_text", info.text.empty() ? DetailValue{} : DetailValue{std::string(info.text)}});
}

std::string describeRun(const Run& run) {
  return run.pid ? "process " + std::to_string(*run.pid) : "a process whose start is not in the log";
}

bool outcomeSucceeded(const Timeline& t) {
  return t.outcome.status == OutcomeStatus::Success || t.outcome.status == OutcomeStatus::RebootRequired;
}

FindingSeverity errorUnlessSucceeded(const Timeline& t) {
  return outcomeSucceeded(t) ? FindingSeverity::Warning : FindingSeverity::Error;
}

bool hasError(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == FindingSeverity::Error; });
}

std::string describeTime(Finding& f, const Location& where, const RuleContext& context) {
  f.times.push_back(where);
  return formatTime(where, context.clock);
}

std::string timeAfter(std::string_view words, Finding& f, const Location& where, const RuleContext& context) {
  return where.local ? std::string(words) + describeTime(f, where, context) : std::string();
}

std::vector<size_t> runsOf(const Timeline& t, const Finding& f) {
  std::vector<size_t> runs;
  for (const Evidence& e : f.evidence) {
    for (const TimelineEvent& event : t.events) {
      if (event.where.file == e.where.file && event.where.line == e.where.line) {
        if (std::find(runs.begin(), runs.end(), event.run) == runs.end()) runs.push_back(event.run);
        break;
      }
    }
  }
  std::sort(runs.begin(), runs.end());
  return runs;
}

std::optional<size_t> latestAttemptStart(const Timeline& t) {
  if (t.runs.empty()) return std::nullopt;
  size_t start = t.runs.size() - 1;
  if (start > 0 && t.runs[start].service && t.runs[start - 1].createdService) --start;
  return start;
}

std::string countOf(size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::int64_t lineOf(const Timeline& t, EventIndex i) {
  return static_cast<std::int64_t>(value(eventAt(t, i).where.line));
}

DetailValue textOrNull(std::string_view text) {
  return text.empty() ? DetailValue{} : DetailValue{std::string(text)};
}

bool isUnc(std::string_view path) { return path.starts_with("\\\\"); }

bool isAccessError(std::optional<std::uint32_t> code) {
  return code && (*code == 0x80070005 || *code == 0x80070035 || *code == 0x80070033 || *code == 0x80070043);
}

std::string_view fileNameOf(std::string_view path) {
  const size_t slash = path.find_last_of("\\/");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool containsNoCase(std::string_view text, std::string_view word) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

}  // namespace ccmlog::rules
