// scan_writers.h: a fleet scan as NDJSON, CSV, a text table or an HTML page, and its summary.
//
//   ScanWriter writer(ScanFormat::Csv, ScanContent::Machines);
//   for (each machine in path order) writer.add(scan, out);  // NDJSON and CSV rows go out at once
//   writer.finish(out);                                       // the text table or page, the fleet summary
//
// Every machine has a row: outcome "no-logs" or "unreadable" when it has no
// report, with why in "error" (the text table's last column, CSV's title cell).
// NDJSON, one object per machine (schema/scan-machine.v1.schema.json):
//   {"machine", "path", "files":[…], "outcome", "exit_code", "error_code", "rules":[…],
//    "findings":[… as in ccmlog.report.v2, evidence included …], "error"}; unknown values are null.
// CSV (RFC 4180, CRLF): machine,path,outcome,exit_code,error_code,rules,title_of_top_finding;
//   rules are separated by spaces. Text cells that a spreadsheet would take for a
//   formula are neutralised (see csvCell); numbers are ours and written as they are.
// Text: a table of machine, path, outcome, exit, error and rules, aligned over all rows.
// HTML: one page, the summary as charts and a table sorted by outcome (scan_html.h),
//   made of the rows' MachineScan::html.
// Summary: machines per outcome and per root cause (a machine's first warning or
//   error finding), most common first, then by name. Text writes it after the
//   table; with ScanContent::Summary every format writes only the summary:
//   NDJSON {"machines", "outcomes":[{"outcome","machines"}], "root_causes":[{"rule","machines"}]}
//   (schema/scan-summary.v1.schema.json),
//   CSV group,name,machines with rows "outcome,failed,8" and "root_cause,download-failed,3",
//   HTML the page without its table.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "scan/machine_scan.h"

namespace ccmlog::cli {

enum class ScanFormat { Text, Ndjson, Csv, Html };
enum class ScanContent { Machines, Summary };

/// One CSV cell: a leading '=', '+', '-', '@', tab or CR, after any spaces, gets
/// a "'" before the cell (OWASP's advice against formula injection), then the
/// cell is quoted when it holds a quote, CR, LF or the list separator of any
/// common locale (',' ';' tab), quotes doubled (RFC 4180).
std::string csvCell(std::string_view text);

/// Appends the CSV row of one machine, CRLF included.
void appendCsvRow(std::string& out, const MachineScan& scan);

/// Appends the NDJSON line of one machine; `report` gives the findings (null: none).
void appendNdjson(std::string& out, const MachineScan& scan, const Report* report);

/// Counts machines per outcome and per root cause.
class FleetSummary {
 public:
  void add(const MachineScan& scan);

  struct Count {
    std::string name;
    std::size_t machines = 0;
  };
  std::size_t machines() const { return machines_; }
  std::vector<Count> outcomes() const { return ranked(outcomes_); }      ///< most common first
  std::vector<Count> rootCauses() const { return ranked(rootCauses_); }  ///< most common first

 private:
  static std::vector<Count> ranked(const std::map<std::string, std::size_t>& counts);

  std::size_t machines_ = 0;
  std::map<std::string, std::size_t> outcomes_, rootCauses_;
};

/// Writes machines in the order given, then what needs them all.
class ScanWriter {
 public:
  ScanWriter(ScanFormat format, ScanContent content) : format_(format), content_(content) {}

  /// Appends what can be written now (the CSV header first) and counts the machine.
  void add(const MachineScan& scan, std::string& out);
  /// Appends the rest: the text table and summary, the page, or the summary alone.
  void finish(std::string& out);

 private:
  ScanFormat format_;
  ScanContent content_;
  bool wroteHeader_ = false;  ///< CSV only
  FleetSummary summary_;
  std::vector<MachineScan> rows_;  ///< text and HTML: the table is aligned or sorted over all rows
};

}  // namespace ccmlog::cli
