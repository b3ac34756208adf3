#include "analyzer.h"

#include "ccmlog/diagnosis.h"
#include "ccmlog/event_classifier.h"

namespace ccmlog::viewer {
namespace {

// Compiling the patterns is the costly part; one classifier serves every analysis (classify() is const).
const EventClassifier& classifier() {
  static const EventClassifier instance;
  return instance;
}

}  // namespace

void Analyzer::beginFile(FileIndex file, FileRole role) {
  file_ = file;
  builder_.beginFile(file, role);
}

void Analyzer::add(const Record& record) {
  events_.clear();
  classifier().classify(record.message, RecordIndex{records_++}, events_);
  builder_.addRecord(Location{file_, record.line, record.local, record.bias}, record.message, events_);
}

Report Analyzer::finish(std::vector<FileReport> files) && {
  Report report;
  static_cast<Timeline&>(report) = std::move(builder_).finish();
  report.files = std::move(files);
  report.findings = diagnose(report);
  return report;
}

}  // namespace ccmlog::viewer
