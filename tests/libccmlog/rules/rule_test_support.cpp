#include "rules/rule_test_support.h"

#include <algorithm>
#include <cstdio>

#include "test_support.h"

namespace ccmlog::test {

LogLines operator+(LogLines a, const LogLines& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

namespace {

// "HH:MM:SS.mmm" as seconds since midnight; -1 when it is not that shape.
int secondsOf(std::string_view time) {
  int h = 0, m = 0, s = 0;
  if (std::sscanf(std::string(time).c_str(), "%d:%d:%d", &h, &m, &s) != 3) return -1;
  return h * 3600 + m * 60 + s;
}

std::string clockOf(int seconds) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d.000", seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60);
  return text;
}

}  // namespace

std::string cmtraceLog(const LogLines& lines, std::string_view bias, std::string_view date) {
  std::string log;
  int next = 10 * 3600;
  for (const LogLine& line : lines) {
    const std::string time = line.time.empty() ? clockOf(next) : line.time;
    next = secondsOf(time) + 1;
    log += cmtrace(line.message, time + std::string(bias), date, line.type);
  }
  return log;
}

std::string msiLog(const std::vector<std::string>& lines, std::string_view date) {
  std::string log = "=== Verbose logging started: " + std::string(date) +
                    "  10:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: "
                    "C:\\Windows\\ccmsetup\\ccmsetup.exe ===\r\n";
  for (const std::string& line : lines) log += line + "\r\n";
  return log;
}

Report analyze(const std::vector<NamedLog>& logs) {
  std::vector<LogText> texts;
  for (const NamedLog& log : logs) texts.push_back({log.name, log.bytes});
  return analyzeTexts(texts);
}

Report analyzeSetupLog(const LogLines& lines, std::string_view bias) {
  return analyze({{"ccmsetup.log", cmtraceLog(lines, bias)}});
}

LogLines bootstrapRun(std::string_view user, int pid, std::string_view time) {
  const int start = secondsOf(time);
  return {
      {"==========[ ccmsetup started in process " + std::to_string(pid) + " ]==========", clockOf(start)},
      {"Running as user \"" + std::string(user) + "\"", clockOf(start + 1)},
      {"Successfully created the ccmsetup service", clockOf(start + 2)},
      {"Successfully started the ccmsetup service", clockOf(start + 3)},
      {"CcmSetup is exiting with return code 0", clockOf(start + 4)},
  };
}

const Finding* findingOf(const Report& report, std::string_view rule) {
  const auto f = std::find_if(report.findings.begin(), report.findings.end(),
                              [&](const Finding& x) { return x.rule == rule; });
  return f == report.findings.end() ? nullptr : &*f;
}

std::set<std::string> ruleIdsOf(const Report& report, FindingSeverity atLeast) {
  std::set<std::string> ids;
  for (const Finding& f : report.findings) {
    if (f.severity >= atLeast) ids.insert(f.rule);
  }
  return ids;
}

DetailValue detailOf(const Finding& f, std::string_view name) {
  for (const Detail& d : f.details) {
    if (d.name == name) return d.value;
  }
  return {};
}

bool hasDetail(const Finding& f, std::string_view name) {
  return std::any_of(f.details.begin(), f.details.end(), [&](const Detail& d) { return d.name == name; });
}

namespace {

template <typename T>
std::optional<T> typedDetail(const Finding& f, std::string_view name) {
  const DetailValue v = detailOf(f, name);
  if (const T* x = std::get_if<T>(&v)) return *x;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> textDetail(const Finding& f, std::string_view name) {
  return typedDetail<std::string>(f, name);
}
std::optional<std::int64_t> numberDetail(const Finding& f, std::string_view name) {
  return typedDetail<std::int64_t>(f, name);
}
std::optional<bool> flagDetail(const Finding& f, std::string_view name) { return typedDetail<bool>(f, name); }

std::vector<std::uint64_t> citedLines(const Finding& f, std::uint32_t file) {
  std::vector<std::uint64_t> lines;
  for (const Evidence& e : f.evidence) {
    if (value(e.where.file) == file) lines.push_back(value(e.where.line));
  }
  return lines;
}

std::string benignEvidence(const Report& report) {
  std::string found;
  for (const TimelineEvent& e : report.timeline.events) {
    if (e.event.kind != EventKind::Benign) continue;
    for (const Finding& f : report.findings) {
      for (const Evidence& x : f.evidence) {
        if (x.where.file == e.where.file && x.where.line == e.where.line) {
          found +=
              f.rule + " cites benign line " + std::to_string(value(x.where.line)) + ": " + x.text + "\n";
        }
      }
    }
  }
  return found;
}

}  // namespace ccmlog::test
