#include "machine_scan.h"

#include "ccmlog/analysis.h"
#include "scan_writers.h"
#include "verdict.h"

namespace ccmlog::cli {
namespace {

// A report has at least one file read: analyzeFiles fails when none can be.
void fill(MachineScan& scan, const Report& report) {
  for (const FileReport& file : report.files) scan.files.push_back(file.path.string());
  if (std::string errors = fileErrors(report.files); !errors.empty()) scan.error = std::move(errors);
  scan.outcome = report.outcome.status;
  scan.exitCode = report.outcome.exitCode;
  scan.errorCode = report.outcome.errorCode;
  // The machine's state is its latest attempt's: history is left to the findings.
  for (const Finding& f : report.findings) {
    if (f.history) continue;
    if (scan.topTitle.empty()) scan.topTitle = f.title;
    if (f.severity != FindingSeverity::Info) scan.rules.push_back(f.rule);
  }
  scan.failed = hasErrors(report);
}

}  // namespace

MachineScan scanMachine(const MachineSource& source, const ScanOptions& options, BundleReader& bundles) {
  MachineScan scan;
  scan.name = source.name;
  scan.path = source.path;
  std::optional<Report> report;
  AnalysisOptions analysis;
  analysis.diagnosis.knowledge = options.knowledge;
  if (!source.error.empty()) {
    scan.error = source.error;
  } else if (source.zip.empty()) {
    auto analyzed = analyzeFiles(source.files, analysis);
    if (analyzed) report = std::move(*analyzed);
    else scan.error = analyzed.error().message;
  } else {
    const auto logs = bundles.read(source.zip, source.entries);
    if (logs) report = analyzeTexts(logs->texts(), analysis);
    else scan.error = logs.error().message;
  }
  if (report) fill(scan, *report);
  if (options.ndjson) appendNdjson(scan.ndjson, scan, report ? &*report : nullptr);
  return scan;
}

std::string_view outcomeName(const MachineScan& scan) {
  return scan.outcome ? toString(*scan.outcome) : "unreadable";
}

}  // namespace ccmlog::cli
