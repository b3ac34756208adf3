#include "machine_scan.h"

#include "ccmlog/analysis.h"
#include "scan_writers.h"
#include "verdict.h"

namespace ccmlog::cli {
namespace {

void fill(MachineScan& scan, const Report& report) {
  std::string errors;
  size_t unreadable = 0;
  for (const FileReport& file : report.files) {
    scan.files.push_back(file.path.string());
    if (!file.error) continue;
    ++unreadable;
    errors += (errors.empty() ? "" : "; ") + *file.error;
  }
  if (!errors.empty()) scan.error = std::move(errors);
  if (unreadable == report.files.size()) return;  // nothing read, so no outcome
  scan.outcome = report.outcome.status;
  scan.exitCode = report.outcome.exitCode;
  scan.errorCode = report.outcome.errorCode;
  for (const Finding& f : report.findings) {
    if (f.severity != FindingSeverity::Info) scan.rules.push_back(f.rule);
  }
  if (!report.findings.empty()) scan.topTitle = report.findings.front().title;
  scan.failed = hasErrors(report);
}

}  // namespace

MachineScan scanMachine(const MachineSource& source, const ScanOptions& options, BundleReader& bundles) {
  MachineScan scan;
  scan.name = source.name;
  scan.path = source.path;
  std::optional<Report> report;
  if (!source.error.empty()) {
    scan.error = source.error;
  } else if (source.zip.empty()) {
    auto analyzed = analyzeFiles(source.files);
    if (analyzed) report = std::move(*analyzed);
    else scan.error = analyzed.error().message;
  } else {
    const auto logs = bundles.read(source.zip, source.entries);
    if (logs) report = analyzeTexts(logs->texts());
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
