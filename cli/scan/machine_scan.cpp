#include "scan/machine_scan.h"

#include "ccmlog/analysis.h"
#include "internal_error.h"
#include "scan/scan_html.h"
#include "scan/scan_writers.h"
#include "verdict.h"

namespace ccmlog::cli {
namespace {

// A report has at least one file read: analyzeFiles fails when none can be.
void fill(MachineScan& scan, const Report& report) {
  for (const FileReport& file : report.files) scan.files.push_back(file.path.string());
  if (std::string errors = fileErrors(report.files); !errors.empty()) scan.error = std::move(errors);
  scan.outcome = report.timeline.outcome.status;
  scan.exitCode = report.timeline.outcome.exitCode;
  scan.errorCode = report.timeline.outcome.errorCode;
  // The machine's state is its latest attempt's: history is left to the findings.
  for (const Finding& f : report.findings) {
    if (f.history) continue;
    if (scan.topTitle.empty()) scan.topTitle = f.title;
    if (f.severity != FindingSeverity::Info) scan.rules.push_back(f.rule);
  }
  scan.failed = hasErrors(report);
}

// Reads and analyzes the machine `scan` is the row of.
void analyze(MachineScan& scan, const MachineSource& source, const ScanOptions& options,
             BundleReader& bundles) {
  std::optional<Report> report;
  AnalysisOptions analysis;
  analysis.diagnosis.knowledge = options.knowledge;
  if (source.status != SourceStatus::Logs) {
    scan.error = source.reason;
  } else if (source.zip.empty()) {
    auto analyzed = analyzeFiles(source.files, analysis);
    if (analyzed)
      report = std::move(*analyzed);
    else
      scan.error = analyzed.error().message;
  } else {
    const auto logs = bundles.read(source.zip, source.entries, {}, options.inflight);
    if (logs)
      report = analyzeTexts(logs->texts(), analysis);
    else
      scan.error = logs.error().message;
  }
  if (!report && scan.status == SourceStatus::Logs) scan.status = SourceStatus::Unreadable;
  if (report) fill(scan, *report);
  if (options.ndjson) appendNdjson(scan.ndjson, scan, report ? &*report : nullptr);
  if (options.html) appendHtmlRow(scan.html, scan, report ? &*report : nullptr);
}

}  // namespace

MachineScan scanMachine(const MachineSource& source, const ScanOptions& options, BundleReader& bundles) {
  const auto named = [&] {
    MachineScan row;
    row.name = source.name;
    row.path = source.path;
    row.status = source.status;
    return row;
  };
  MachineScan scan = named();
  try {
    analyze(scan, source, options, bundles);
  } catch (...) {  // the last resort: this machine's row says so, the others are still scanned
    scan = named();
    scan.status = SourceStatus::Unreadable;
    scan.error = internalError();
    if (options.ndjson) appendNdjson(scan.ndjson, scan, nullptr);
    if (options.html) appendHtmlRow(scan.html, scan, nullptr);
  }
  return scan;
}

std::string_view outcomeName(const MachineScan& scan) {
  if (scan.outcome) return toString(*scan.outcome);
  return scan.status == SourceStatus::NoLogs ? "no-logs" : "unreadable";
}

}  // namespace ccmlog::cli
