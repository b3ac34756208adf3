#include "output/report_text.h"

#include <algorithm>

#include "ccmlog/error_codes.h"
#include "ccmlog/visible_text.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kRed = "\x1b[1;31m", kYellow = "\x1b[1;33m", kGreen = "\x1b[1;32m",
                           kBold = "\x1b[1m", kDim = "\x1b[2m", kReset = "\x1b[0m";

// Every text goes out through put, styled or wrapped, which write the controls
// a log, an account or a file name may hold visibly (visible_text.h): only the
// styles here reach the terminal as escapes.
class Text {
 public:
  Text(std::string& out, const TextOptions& options) : out_(out), options_(options) {}

  Text& put(std::string_view s) {
    appendVisibleText(out_, s, KeptControls::TabsAndNewlines);
    return *this;
  }
  Text& styled(std::string_view style, std::string_view s) {
    if (options_.color) out_.append(style);
    appendVisibleText(out_, s);
    if (options_.color) out_.append(kReset);
    return *this;
  }
  // Words of `text` wrapped to the width, each line indented by `indent` spaces.
  Text& wrapped(std::string_view text, size_t indent) {
    size_t column = 0;
    const auto newline = [&] {
      out_.push_back('\n');
      out_.append(indent, ' ');
      column = indent;
    };
    out_.append(indent, ' ');
    column = indent;
    size_t i = 0;
    while (i < text.size()) {
      if (text[i] == '\n' || text[i] == '\r') {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        newline();
        ++i;
        continue;
      }
      const size_t end = std::min(text.find_first_of(" \r\n", i), text.size());
      const std::string_view word = text.substr(i, end - i);
      if (column > indent && column + 1 + word.size() > options_.width)
        newline();
      else if (column > indent) {
        out_.push_back(' ');
        ++column;
      }
      appendVisibleText(out_, word, KeptControls::TabsAndNewlines);
      column += word.size();
      i = end < text.size() && text[end] == ' ' ? end + 1 : end;
    }
    out_.push_back('\n');
    return *this;
  }

  std::string time(const Location& where) const {
    const std::string t = formatTime(where, options_.clock);
    return t.empty() ? "-" : t;
  }

 private:
  std::string& out_;
  const TextOptions& options_;
};

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

void outcomeLine(Text& text, const Report& report) {
  const Outcome& o = report.timeline.outcome;
  const OutcomeStatus status = o.status;
  const std::string_view style = status == OutcomeStatus::Success  ? kGreen
                                 : status == OutcomeStatus::Failed ? kRed
                                                                   : kYellow;
  text.put("Outcome: ").styled(style, upper(toString(status)));
  if (o.errorCode) {
    const ErrorInfo info = lookupError(*o.errorCode);
    text.put("  ").put(formatErrorCode(info.code));
    // "(NAME: text)", "(NAME)" for a code the SDK names without a text of ours.
    if (info.known() || !info.name.empty()) {
      text.put(" (")
          .put(info.name)
          .put(!info.name.empty() && info.known() ? ": " : "")
          .put(info.text)
          .put(")");
    }
  }
  if (o.exitCode)
    text.put(o.product.empty() ? "  return code " : "  Windows Installer status ")
        .put(std::to_string(*o.exitCode));
  if (status == OutcomeStatus::InProgress) text.put("  (the log ends while setup is still running)");
  if (status == OutcomeStatus::Unknown) {
    text.put(report.timeline.runs.empty() ? "  (no ccmsetup run in these logs)"
                                          : "  (these lines do not say how setup ended)");
  }
  text.put("\n");
  if (o.operation) text.put("Operation: ").put(toString(*o.operation)).put("\n");
  if (!o.product.empty()) {
    text.put("Product: ")
        .put(o.product)
        .put(isClientProduct(o.product)
                 ? "  (from its Windows Installer log)"
                 : "  (from its Windows Installer log; not the Configuration Manager client)")
        .put("\n");
  }
  if (!report.findings.empty()) {
    const Finding& headline = report.findings.front();
    text.put(headline.severity == FindingSeverity::Error ? "Cause: " : "Note: ")
        .styled(kBold, headline.title)
        .put("\n");
  }
}

void fileLines(Text& text, const Report& report) {
  text.put("\n").styled(kBold, "Files").put("\n");
  for (const FileReport& f : report.files) {
    text.put("  ").put(f.path.string());
    if (f.error) {
      text.put("  ").styled(kRed, "unreadable: " + *f.error).put("\n");
      continue;
    }
    text.put("  ").styled(kDim, std::string(toString(f.format)) + ", " + std::string(toString(f.encoding)) +
                                    ", " + std::to_string(f.records) + " records" +
                                    (f.unparsed ? ", " + std::to_string(f.unparsed) + " unparsed" : ""));
    if (const std::string note = fileNote(f); !note.empty()) text.put("  ").styled(kYellow, "(" + note + ")");
    text.put("\n");
  }
}

// Columns a terminal shows: UTF-8 continuation bytes take none.
size_t displayWidth(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Each column as wide as its widest cell, two spaces apart, whatever the
// clock makes of the times, however many runs and whatever the pid.
void runTable(Text& text, const Report& report) {
  if (report.timeline.runs.empty()) return;
  text.put("\n").styled(kBold, "Runs").put("\n");
  if (report.timeline.omittedRuns)
    text.put("  (" + std::to_string(report.timeline.omittedRuns) + " earlier runs not shown)\n");
  std::vector<std::vector<std::string>> rows{
      {"#", "pid", "user", "service", "operation", "start", "end", "exit"}};
  for (size_t i = 0; i < report.timeline.runs.size(); ++i) {
    const Run& run = report.timeline.runs[i];
    std::string exit = run.errorCode  ? formatErrorCode(*run.errorCode)
                       : run.exitCode ? std::to_string(*run.exitCode)
                                      : "-";
    rows.push_back({std::to_string(i + 1), run.pid ? std::to_string(*run.pid) : "?",
                    run.user.empty() ? "?" : run.user, run.service ? "yes" : "no",
                    run.operation ? std::string(toString(*run.operation)) : "?", text.time(run.start),
                    text.time(run.end), std::move(exit)});
  }
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row[c]));
  }
  for (const auto& row : rows) {
    std::string line = "  ";
    for (size_t c = 0; c + 1 < row.size(); ++c)
      line += row[c] + std::string(widths[c] + 2 - displayWidth(row[c]), ' ');
    text.put(line + row.back() + "\n");
  }
}

void evidenceLines(Text& text, const Report& report, const Finding& f, size_t indent) {
  if (f.evidence.empty()) return;
  text.put(std::string(indent, ' ')).styled(kBold, "Evidence:").put("\n");
  for (const Evidence& e : f.evidence) {
    const std::string file = value(e.where.file) < report.files.size()
                                 ? report.files[value(e.where.file)].path.filename().string()
                                 : "?";
    std::string line = e.text.substr(0, e.text.find_first_of("\r\n"));
    if (line.size() > 160) line = line.substr(0, 157) + "...";
    text.put(std::string(indent + 2, ' '))
        .styled(kDim, file + ":" + std::to_string(value(e.where.line)) + " " + text.time(e.where))
        .put("  ")
        .put(line)
        .put("\n");
  }
}

std::string_view styleOf(const Finding& f) {
  return f.severity == FindingSeverity::Error     ? kRed
         : f.severity == FindingSeverity::Warning ? kYellow
                                                  : kDim;
}

std::string labelOf(const Finding& f) {
  std::string label(1, '[');
  label += f.history ? std::string("HISTORY") : upper(toString(f.severity));
  label += ']';
  return label;
}

// What followed from `cause`, under it, depth first; a consequence's remedy is its cause's.
// caused_by names a rule: when a rule makes several findings (one per cause, as a
// server certificate rejected for two reasons), what followed is shown under the first.
void consequenceBlocks(Text& text, const Report& report, const Finding& cause, size_t indent) {
  const auto firstOfRule = std::find_if(report.findings.begin(), report.findings.end(),
                                        [&](const Finding& f) { return f.rule == cause.rule; });
  if (&*firstOfRule != &cause) return;
  bool first = true;
  for (const Finding& f : report.findings) {
    if (f.causedBy != cause.rule || &f == &cause) continue;
    if (first) text.put(std::string(indent, ' ')).styled(kBold, "What followed from it:").put("\n");
    first = false;
    text.put(std::string(indent + 2, ' '))
        .styled(styleOf(f), labelOf(f))
        .put(" ")
        .styled(kBold, f.title)
        .put("\n");
    text.put(std::string(indent + 2, ' '))
        .styled(kDim, f.rule + ", " + std::string(toString(f.confidence)) + " confidence")
        .put("\n");
    text.wrapped(f.explanation, indent + 4);
    evidenceLines(text, report, f, indent + 4);
    consequenceBlocks(text, report, f, indent + 4);
  }
}

void findingBlocks(Text& text, const Report& report) {
  text.put("\n").styled(kBold, "Findings").put("\n");
  if (report.findings.empty()) {
    text.put("  No problems found.\n");
    return;
  }
  for (const Finding& f : report.findings) {
    if (!f.causedBy.empty()) continue;  // shown under its cause
    text.put("\n  ").styled(styleOf(f), labelOf(f)).put(" ").styled(kBold, f.title).put("\n");
    text.put("  ")
        .styled(kDim, f.rule + ", " + std::string(toString(f.confidence)) + " confidence")
        .put("\n");
    text.wrapped(f.explanation, 4);
    text.put("    ").styled(kBold, "Remedy:").put("\n");
    text.wrapped(f.remedy, 6);
    evidenceLines(text, report, f, 4);
    consequenceBlocks(text, report, f, 4);
  }
}

}  // namespace

std::string reportToText(const Report& report, const TextOptions& options) {
  std::string out;
  Text text(out, options);
  outcomeLine(text, report);
  fileLines(text, report);
  runTable(text, report);
  findingBlocks(text, report);
  return out;
}

}  // namespace ccmlog::cli
