#include "scan/scan_html.h"

#include <algorithm>
#include <array>

#include "bar_chart_svg.h"
#include "ccmlog/error_codes.h"
#include "html_text.h"
#include "page.h"

namespace ccmlog::cli {
namespace {

using html::escapeHtml;

// Outcomes in the order the table lists them: most in need of a look first.
constexpr std::array<std::string_view, 7> kOutcomeOrder = {
    "failed", "reboot-required", "in-progress", "unknown", "unreadable", "no-logs", "success"};

size_t outcomeRank(std::string_view outcome) {
  return static_cast<size_t>(std::find(kOutcomeOrder.begin(), kOutcomeOrder.end(), outcome) -
                             kOutcomeOrder.begin());
}

std::string_view outcomeColor(std::string_view outcome) {
  for (const auto status : {OutcomeStatus::Success, OutcomeStatus::Failed, OutcomeStatus::RebootRequired,
                            OutcomeStatus::InProgress, OutcomeStatus::Unknown}) {
    if (toString(status) == outcome) return html::outcomeColor(status);
  }
  return outcome == "unreadable" ? "#6d4c41" : "#78909c";  // no logs: nothing to judge
}

constexpr std::string_view kRootCauseColor = "#455a64";

// The machines table comes in blocks that the browser lays out only when they
// come into view (content-visibility), so a page of 10,000 machines opens in
// seconds; a fixed layout keeps the blocks' columns aligned with the header's.
constexpr size_t kRowsPerBlock = 100;
constexpr std::string_view kBlockStart =
    "<div style=\"content-visibility:auto;contain-intrinsic-size:auto 9000px\">";
constexpr std::string_view kTableStart =
    "<table style=\"width:100%;margin:0;table-layout:fixed;overflow-wrap:anywhere\"><colgroup>"
    "<col style=\"width:38%\"><col style=\"width:18%\"><col style=\"width:26%\"><col "
    "style=\"width:18%\"></colgroup>";

std::string codeCell(const MachineScan& scan) {
  if (scan.errorCode) {
    const ErrorInfo info = lookupError(*scan.errorCode);
    std::string s = formatErrorCode(*scan.errorCode);
    if (!info.name.empty()) s += "<br><span class=\"meta\">" + escapeHtml(info.name) + "</span>";
    return "<td>" + s + "</td>";
  }
  if (scan.exitCode) return "<td>exit " + std::to_string(*scan.exitCode) + "</td>";
  return "<td>-</td>";
}

// The end of the run that decided the outcome (else the latest run's), as
// written: the date above the time, so that the column stays narrow.
std::string whenHtml(const Report& report) {
  const std::optional<size_t> run = report.timeline.outcome.run ? report.timeline.outcome.run
                                    : report.timeline.runs.empty()
                                        ? std::nullopt
                                        : std::optional(report.timeline.runs.size() - 1);
  if (!run || *run >= report.timeline.runs.size()) return "-";
  const std::string time = formatTime(report.timeline.runs[*run].end, Clock::Local);
  const size_t t = time.find('T');
  if (t == std::string::npos) return time.empty() ? "-" : escapeHtml(time);
  return escapeHtml(time.substr(0, t)) + "<br>" + escapeHtml(time.substr(t + 1));
}

std::string fileName(const Report& report, FileIndex file) {
  return value(file) < report.files.size() ? report.files[value(file)].path.filename().string()
                                           : std::string();
}

void appendFinding(std::string& out, const Report& report, const Finding& f) {
  const std::string label = f.history ? "HISTORY" : html::shout(toString(f.severity));
  out += "<div class=\"finding" + std::string(f.causedBy.empty() ? "" : " consequence") +
         "\" style=\"border-color:" + std::string(html::severityColor(f.severity)) + "\"><p><b>[" + label +
         "] " + escapeHtml(f.title) + "</b><br><span class=\"meta\">" + escapeHtml(f.rule) +
         (f.causedBy.empty() ? "" : "; follows from " + escapeHtml(f.causedBy)) + "</span></p>\n<p>" +
         escapeHtml(f.explanation) + "</p>\n";
  if (f.causedBy.empty() && !f.remedy.empty()) {
    out += "<p class=\"remedy\"><b>What to do:</b> " + escapeHtml(f.remedy) + "</p>\n";
  }
  if (!f.evidence.empty()) {
    out += "<pre>";
    const size_t shown = std::min(f.evidence.size(), kEvidenceLines);
    for (size_t i = 0; i < shown; ++i) {
      const Evidence& e = f.evidence[i];
      out += escapeHtml(fileName(report, e.where.file) + ":" + std::to_string(value(e.where.line)) + "  " +
                        html::shortened(e.text, kEvidenceChars)) +
             "\n";
    }
    if (shown < f.evidence.size()) {
      out += "\xE2\x80\xA6 " + std::to_string(f.evidence.size() - shown) +
             " more lines: ccmlog analyze shows them\n";
    }
    out += "</pre>\n";
  }
  out += "</div>\n";
}

// The machine's second row, across the table: its headline, folding out to its findings.
std::string headlineRow(const MachineScan& scan, const Report* report) {
  std::string headline = escapeHtml(scan.outcome ? scan.topTitle : scan.error.value_or(""));
  if (headline.empty()) headline = "-";
  std::string s = "<tr><td colspan=\"4\">";
  if (!report || report->findings.empty()) {
    s += headline;
    if (scan.outcome && scan.error) s += "<br><span class=\"meta\">" + escapeHtml(*scan.error) + "</span>";
    return s + "</td></tr>";
  }
  s += "<details><summary>" + headline + "</summary>\n";
  if (scan.error) s += "<p class=\"meta\">" + escapeHtml(*scan.error) + "</p>\n";
  for (const Finding& f : report->findings) appendFinding(s, *report, f);
  return s + "</details></td></tr>";
}

std::string countsLine(const FleetSummary& summary) {
  std::string s = std::to_string(summary.machines()) + (summary.machines() == 1 ? " machine" : " machines");
  const auto outcomes = summary.outcomes();
  for (size_t i = 0; i < outcomes.size(); ++i) {
    s += (i == 0 ? ": " : ", ") + std::to_string(outcomes[i].machines) + " " + outcomes[i].name;
  }
  return s + ".";
}

std::string charts(const FleetSummary& summary) {
  std::vector<html::Bar> outcomes, causes;
  for (const auto& c : summary.outcomes()) outcomes.push_back({c.name, c.machines, outcomeColor(c.name)});
  for (const auto& c : summary.rootCauses()) causes.push_back({c.name, c.machines, kRootCauseColor});
  return "<h2>Machines per outcome</h2>\n" + html::barChartSvg(outcomes, "Machines per outcome") +
         "<h2>Machines per root cause</h2>\n<p class=\"meta\">A machine's root cause is its first warning or "
         "error finding.</p>\n" +
         html::barChartSvg(causes, "Machines per root cause");
}

}  // namespace

void appendHtmlRow(std::string& out, const MachineScan& scan, const Report* report) {
  const std::string_view outcome = outcomeName(scan);
  const std::string when = report ? whenHtml(*report) : "-";
  out += "<tbody style=\"border-top:2px solid #999\"><tr><td>" + escapeHtml(scan.name) +
         "<br><span class=\"meta\">" + escapeHtml(scan.path) +
         "</span></td><td><b style=\"color:" + std::string(outcomeColor(outcome)) + "\">" +
         html::shout(outcome) + "</b></td>" + codeCell(scan) + "<td>" + when + "</td></tr>\n" +
         headlineRow(scan, report) + "</tbody>\n";
}

std::string fleetPage(const FleetSummary& summary, std::vector<MachineScan> rows) {
  std::string page =
      html::pageStart("ccmlog: fleet scan of " + std::to_string(summary.machines()) + " machines");
  page += "<h1>ccmlog fleet scan</h1>\n<p class=\"headline\">" + escapeHtml(countsLine(summary)) + "</p>\n";
  page += charts(summary);
  if (!rows.empty()) {
    std::stable_sort(rows.begin(), rows.end(), [](const MachineScan& a, const MachineScan& b) {
      return outcomeRank(outcomeName(a)) < outcomeRank(outcomeName(b));
    });
    page +=
        "<h2>Machines</h2>\n<p class=\"meta\">Sorted by outcome, failed first, in path order within an "
        "outcome. "
        "Click a machine's headline for its findings, each with its remedy and at most " +
        std::to_string(kEvidenceLines) +
        " evidence lines. Times are local, as each machine wrote them.</p>\n";
    page += std::string(kTableStart) +
            "<thead><tr><th>machine, path</th><th>outcome</th><th>code</th><th>when</th></tr>"
            "<tr><th colspan=\"4\">headline</th></tr></thead></table>\n";
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i % kRowsPerBlock == 0)
        page += (i ? "</table></div>\n" : "") + std::string(kBlockStart) + std::string(kTableStart);
      page += rows[i].html;
    }
    page += "</table></div>\n";
  }
  return page + html::pageEnd();
}

}  // namespace ccmlog::cli
