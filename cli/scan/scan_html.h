// scan_html.h: a fleet scan as one HTML page, to open in any browser and send around.
//
//   appendHtmlRow(scan.html, scan, &report);     // in scanMachine, while the Report is there
//   out += fleetPage(summary, rows);               // once every machine is in
//
// The page has html/page.h's frame (inline CSS and SVG, a Content-Security-Policy
// that lets it run, fetch or submit nothing). It says how many machines were
// scanned, draws machines per outcome and per root cause as bar charts, then
// lists every machine in a table: name and path, outcome, code, headline, when
// (the end of the run that decided the outcome, local time as the machine
// wrote it). Rows are sorted by outcome, most in need of a look first (failed,
// reboot-required, in-progress, unknown, unreadable, no-logs, success), in
// path order within an outcome. A machine with findings folds out (<details>,
// no script) to each finding's title, explanation, remedy and evidence lines;
// no-logs and unreadable machines say why in the headline cell.
//
// Bounded for large fleets: a finding shows at most kEvidenceLines evidence
// lines, each cut to kEvidenceChars bytes, and says how many it left out
// (`ccmlog analyze` on the machine shows them all).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ccmlog/analysis.h"
#include "scan/machine_scan.h"
#include "scan/scan_writers.h"

namespace ccmlog::cli {

inline constexpr std::size_t kEvidenceLines = 6;
inline constexpr std::size_t kEvidenceChars = 300;

/// Appends the machine's table row, its findings folded in; `report` null: none.
void appendHtmlRow(std::string& out, const MachineScan& scan, const Report* report);

/// The whole page: the summary and its charts, then the rows' MachineScan::html
/// sorted by outcome (none given: the summary alone, as `scan --summary`).
std::string fleetPage(const FleetSummary& summary, std::vector<MachineScan> rows);

}  // namespace ccmlog::cli
