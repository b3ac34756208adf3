#include "ccmlog/analysis.h"

#include <algorithm>

#include "ccmlog/diagnosis.h"
#include "ccmlog/event_classifier.h"
#include "ccmlog/file_reader.h"
#include "ccmlog/log_files.h"
#include "ccmlog/timeline_builder.h"

namespace ccmlog {
namespace {

// Classifies each record and feeds the timeline; one per analysis.
class Pipeline {
 public:
  void beginFile(const std::filesystem::path& path) {
    file_ = FileIndex{static_cast<std::uint32_t>(report_.files.size())};
    FileReport file;
    file.path = path;
    report_.files.push_back(std::move(file));
    builder_.beginFile(file_, roleOf(path));
  }

  void addRecord(const Record& record) {
    events_.clear();
    classifier().classify(record.message, RecordIndex{records_++}, events_);
    builder_.addRecord(Location{file_, record.line, record.local, record.bias}, record.message, events_);
  }

  FileReport& currentFile() { return report_.files.back(); }

  Report finish() && {
    static_cast<Timeline&>(report_) = std::move(builder_).finish();
    report_.findings = diagnose(report_);
    return std::move(report_);
  }

 private:
  // Compiling the patterns is the costly part; one classifier serves all analyses.
  static const EventClassifier& classifier() {
    static const EventClassifier instance;
    return instance;
  }

  Report report_;
  TimelineBuilder builder_;
  FileIndex file_{};
  std::uint64_t records_ = 0;
  std::vector<Event> events_;
};

void fillCounts(FileReport& file, Format format, Encoding encoding, const ReaderStats& stats) {
  file.format = format;
  file.encoding = encoding;
  file.bytes = stats.bytes;
  file.records = stats.records;
  file.unparsed = stats.unparsed;
}

}  // namespace

Result<Report> analyzeFiles(const std::vector<std::filesystem::path>& inputs,
                            const AnalysisOptions& options) {
  if (inputs.empty()) return Error{"no log file or folder given"};
  const auto files = machineLogFiles(inputs);
  if (!files) return files.error();
  if (files->empty()) return Error{"no log files found in the given folder(s)"};
  Pipeline pipeline;
  for (const auto& path : *files) {
    pipeline.beginFile(path);
    const auto summary = readFile(path, [&](const Record& r) { pipeline.addRecord(r); }, options.reader);
    FileReport& file = pipeline.currentFile();
    if (!summary) {
      file.error = summary.error().message;
      continue;
    }
    fillCounts(file, summary->format, summary->encoding, summary->stats);
  }
  return std::move(pipeline).finish();
}

Report analyzeTexts(std::span<const LogText> logs, const AnalysisOptions& options) {
  std::vector<const LogText*> ordered;
  for (const LogText& log : logs) ordered.push_back(&log);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const LogText* a, const LogText* b) { return readsBefore(a->name, b->name); });
  Pipeline pipeline;
  for (const LogText* logText : ordered) {
    const LogText& log = *logText;
    pipeline.beginFile(log.name);
    RecordReader reader(options.reader);
    Record record;
    reader.feed(log.bytes);
    reader.finish();
    while (reader.next(record)) pipeline.addRecord(record);
    fillCounts(pipeline.currentFile(), reader.format(), reader.encoding(), reader.stats());
  }
  return std::move(pipeline).finish();
}

}  // namespace ccmlog
