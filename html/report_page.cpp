#include "report_page.h"

#include <cstdio>
#include <cstdlib>

#include "ccmlog/error_codes.h"
#include "html_text.h"
#include "page.h"
#include "timeline_svg.h"

namespace ccmlog::html {
namespace {

std::string cell(std::string_view text) { return "<td>" + escapeHtml(text) + "</td>"; }
// A cell kept on one line: times, codes, file:line.
std::string keptCell(std::string_view text) { return "<td class=\"keep\">" + escapeHtml(text) + "</td>"; }

std::string codeText(std::uint32_t code) {
  const ErrorInfo info = lookupError(code);
  std::string s = formatErrorCode(info.code);
  if (!info.name.empty()) s += " " + std::string(info.name);
  if (info.known()) s += ": " + std::string(info.text);
  return s;
}

std::string verdict(const Report& report) {
  const Outcome& o = report.timeline.outcome;
  std::string v = shout(toString(o.status));
  if (o.errorCode) v += " \xE2\x80\x94 " + codeText(*o.errorCode);
  if (o.exitCode)
    v += (o.product.empty() ? ", return code " : ", Windows Installer status ") + std::to_string(*o.exitCode);
  std::string s = "<div class=\"verdict\" style=\"background:" + std::string(outcomeColor(o.status)) + "\">" +
                  escapeHtml(v) + "</div>\n";
  std::string about;
  if (o.status == OutcomeStatus::InProgress) about = "The log ends while setup is still running. ";
  if (o.status == OutcomeStatus::Unknown) {
    about = report.timeline.runs.empty() ? "No ccmsetup run in these logs. "
                                         : "These lines do not say how setup ended. ";
  }
  if (o.operation) about += "What it did: " + std::string(toString(*o.operation)) + ". ";
  if (!o.product.empty()) {
    about += "Product: " + o.product +
             (isClientProduct(o.product) ? " (from its Windows Installer log)."
                                         : " (from its Windows Installer log; not the Configuration "
                                           "Manager client).");
  }
  if (!about.empty()) s += "<p>" + escapeHtml(about) + "</p>\n";
  if (!report.findings.empty()) {
    const Finding& headline = report.findings.front();
    s += "<p class=\"headline\"><b>" +
         std::string(headline.severity == FindingSeverity::Error ? "Cause" : "Note") + ":</b> " +
         escapeHtml(headline.title) + "</p>\n";
  }
  return s;
}

std::string fileName(const Report& report, FileIndex file) {
  return value(file) < report.files.size() ? report.files[value(file)].path.filename().string()
                                           : std::string();
}

std::string runTable(const Report& report, Clock clock) {
  std::string s =
      "<div "
      "class=\"scroll\"><table><tr><th>#</th><th>process</th><th>account</th><th>service</th><th>operation</"
      "th><th>start</th>"
      "<th>end</th><th>exit</th></tr>\n";
  for (size_t i = 0; i < report.timeline.runs.size(); ++i) {
    const Run& run = report.timeline.runs[i];
    const std::string exit = run.errorCode  ? formatErrorCode(*run.errorCode)
                             : run.exitCode ? std::to_string(*run.exitCode)
                                            : std::string("-");
    s += "<tr>" + cell(std::to_string(i + 1)) + cell(run.pid ? std::to_string(*run.pid) : "-") +
         cell(run.user.empty() ? "?" : run.user) + cell(run.service ? "yes" : "no") +
         cell(run.operation ? toString(*run.operation) : "-") + keptCell(formatTime(run.start, clock)) +
         keptCell(formatTime(run.end, clock)) + keptCell(exit) + "</tr>\n";
  }
  return s + "</table></div>\n";
}

void finding(std::string& s, const Report& report, const Finding& f, Clock clock) {
  const bool consequence = !f.causedBy.empty();
  s += "<div class=\"finding" + std::string(consequence ? " consequence" : "") +
       "\" style=\"border-color:" + std::string(severityColor(f.severity)) + "\">\n";
  const std::string label = f.history ? "HISTORY" : shout(toString(f.severity));
  s += "<h3>[" + label + "] " + escapeHtml(f.title) + "</h3>\n";
  s += "<p class=\"meta\">" +
       escapeHtml(f.rule + ", " + std::string(toString(f.confidence)) + " confidence" +
                  (consequence ? "; follows from " + f.causedBy : "")) +
       "</p>\n<p>" + escapeHtml(f.explanation) + "</p>\n";
  if (!consequence && !f.remedy.empty())
    s += "<p class=\"remedy\"><b>What to do:</b> " + escapeHtml(f.remedy) + "</p>\n";
  if (!f.evidence.empty()) {
    s += "<div class=\"scroll\"><table><tr><th>file:line</th><th>time</th><th>log text</th></tr>\n";
    for (const Evidence& e : f.evidence) {
      s += "<tr>" + keptCell(fileName(report, e.where.file) + ":" + std::to_string(value(e.where.line))) +
           keptCell(formatTime(e.where, clock)) + "<td><pre>" + escapeHtml(e.text) + "</pre></td></tr>\n";
    }
    s += "</table></div>\n";
  }
  s += "</div>\n";
}

std::string findings(const Report& report, Clock clock) {
  if (report.findings.empty()) return "<p>No findings.</p>\n";
  std::string s;
  for (const Finding& f : report.findings) {
    if (!f.causedBy.empty()) continue;
    finding(s, report, f, clock);
    bool header = false;
    for (const Finding& c : report.findings) {
      if (c.causedBy != f.rule) continue;
      if (!header) s += "<p class=\"consequence meta\">What followed from it:</p>\n";
      header = true;
      finding(s, report, c, clock);
    }
  }
  return s;
}

// "UTC-05:00" for a bias of +300 (UTC = local + bias).
std::string zoneName(std::int32_t bias) {
  const int offset = -bias;
  char zone[16];
  std::snprintf(zone, sizeof zone, "UTC%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                std::abs(offset) % 60);
  return zone;
}

// The zone a file's times were written in, from its first timed line the
// report keeps (a run's start or an event).
std::string zoneOf(const Report& report, FileIndex file) {
  std::optional<Location> first;
  for (const Run& run : report.timeline.runs) {
    if (run.start.file == file && run.start.local) {
      first = run.start;
      break;
    }
  }
  for (size_t i = 0; !first && i < report.timeline.events.size(); ++i) {
    if (report.timeline.events[i].where.file == file && report.timeline.events[i].where.local)
      first = report.timeline.events[i].where;
  }
  if (!first) return "-";
  return first->bias ? zoneName(*first->bias) : "local, zone not written";
}

std::string fileTable(const Report& report) {
  std::string s =
      "<table><tr><th>file</th><th>format</th><th>encoding</th><th>bytes</th><th>records</th><th>written "
      "in</th>"
      "<th>note</th></tr>\n";
  for (size_t i = 0; i < report.files.size(); ++i) {
    const FileReport& f = report.files[i];
    s += "<tr>" + cell(f.path.string()) + cell(toString(f.format)) + cell(toString(f.encoding)) +
         cell(std::to_string(f.bytes)) + cell(std::to_string(f.records)) +
         cell(zoneOf(report, FileIndex{static_cast<std::uint32_t>(i)})) + cell(fileNote(f)) + "</tr>\n";
  }
  return s + "</table>\n";
}

}  // namespace

std::string reportPage(const Report& report, const PageOptions& options) {
  std::string s = pageStart("ccmlog: " + options.title);
  s += "<h1>ccmlog report: " + escapeHtml(options.title) + "</h1>\n";
  s += verdict(report);
  if (!report.timeline.runs.empty()) {
    s += "<h2>Runs</h2>\n" + timelineSvg(report, options.clock) + runTable(report, options.clock);
  }
  s += "<h2>Findings</h2>\n" + findings(report, options.clock);
  s += "<h2>Files</h2>\n" + fileTable(report);
  s += "<p class=\"meta\">Times are " +
       std::string(options.clock == Clock::Utc ? "in UTC." : "local, as each machine wrote them.") + "</p>\n";
  return s + pageEnd();
}

}  // namespace ccmlog::html
