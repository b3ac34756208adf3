#include "ccmlog/analysis.h"

#include <algorithm>

#include "ccmlog/diagnosis.h"
#include "ccmlog/event_classifier.h"
#include "ccmlog/knowledge.h"
#include "ccmlog/log_files.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/timeline_builder.h"
#include "file_pieces.h"

namespace ccmlog {
namespace {

void fillCounts(FileReport& file, Format format, Encoding encoding, const ReaderStats& stats) {
  file.format = format;
  file.encoding = encoding;
  file.bytes = stats.bytes;
  file.records = stats.records;
  file.unparsed = stats.unparsed;
}

Report diagnosed(Timeline timeline, std::vector<FileReport> files, const DiagnosisOptions& options) {
  Report report;
  report.timeline = std::move(timeline);
  report.files = std::move(files);
  report.findings = diagnose(report.timeline, options);
  return report;
}

}  // namespace

struct AnalyzerState {
  DiagnosisOptions options;  ///< its knowledge set, the one records are classified with
  TimelineBuilder builder;
  FileIndex file{};
  std::uint64_t records = 0;
  Event event;                     // reused for every record: its fields keep their memory
  std::vector<Event> pieceEvents;  // reused for every record of a piece, likewise
};

Analyzer::Analyzer(const DiagnosisOptions& options) : state_(std::make_unique<AnalyzerState>()) {
  state_->options = options;
  if (!state_->options.knowledge) state_->options.knowledge = Knowledge::builtIn();
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::beginFile(FileIndex file, FileRole role) {
  state_->file = file;
  state_->builder.beginFile(file, role);
}

void Analyzer::add(const Record& record) {
  AnalyzerState& d = *state_;
  const bool classified =
      classifierOf(*d.options.knowledge).classifyInto(record.message, RecordIndex{d.records++}, d.event);
  d.builder.addRecord(Location{d.file, record.line, record.local, record.bias, threadId(record.thread)},
                      record.message,
                      classified ? std::span<const Event>(&d.event, 1) : std::span<const Event>());
}

void Analyzer::add(PieceResult& piece, LineNumber firstLine) {
  AnalyzerState& d = *state_;
  PieceData& p = PieceAccess::data(piece);
  const std::string_view messages = p.messages;
  size_t nextEvent = 0, nextMessage = 0;  // entries take events and message bytes in turn
  for (PieceEntry& entry : p.entries) {
    entry.where.line = LineNumber{value(firstLine) + value(entry.where.line) - 1};
    const size_t count = entry.events;
    if (d.pieceEvents.size() < count) d.pieceEvents.resize(count);  // never shrinks: no Event is freed
    for (size_t k = 0; k < count; ++k) {
      const detail::FlatEvent& kept = p.events[nextEvent++];
      Event& event = d.pieceEvents[k];
      p.fields.read(kept, event);
      event.record = RecordIndex{d.records + value(kept.record)};
    }
    d.builder.addRecord(entry.where, messages.substr(nextMessage, entry.messageLength),
                        std::span<const Event>(d.pieceEvents.data(), count));
    nextMessage += entry.messageLength;
  }
  d.records += p.stats.records;
}

Report Analyzer::snapshot(std::vector<FileReport> files) const {
  return diagnosed(state_->builder.snapshot(), std::move(files), state_->options);
}

Report Analyzer::finish(std::vector<FileReport> files) && {
  return diagnosed(std::move(state_->builder).finish(), std::move(files), state_->options);
}

namespace {

// Reads files (or texts) through one Analyzer, keeping what was read of each.
class Pipeline {
 public:
  explicit Pipeline(const DiagnosisOptions& options)
      : knowledge_(options.knowledge ? options.knowledge : Knowledge::builtIn()), analyzer_(options) {}
  void beginFile(const std::filesystem::path& path) {
    analyzer_.beginFile(FileIndex{static_cast<std::uint32_t>(files_.size())}, roleOf(path));
    FileReport file;
    file.path = path;
    files_.push_back(std::move(file));
  }
  void addRecord(const Record& record) { analyzer_.add(record); }
  // Reads the current file in the pieces of `plan` through `run`.
  void addPieces(const std::filesystem::path& path, const PiecePlan& plan, const PieceRunner& run) {
    const FileIndex file{static_cast<std::uint32_t>(files_.size() - 1)};
    LineNumber firstLine{1};
    ReaderStats stats;
    FileReport& report = currentFile();
    run(
        plan.starts.size(),
        [&](size_t i) { return readPiece(path, plan, i, file, {}, knowledge_.get(), &pieces_); },
        [&](size_t, PieceResult& piece) {
          if (piece.error() && !report.error) report.error = piece.error();
          analyzer_.add(piece, firstLine);
          firstLine = LineNumber{value(firstLine) + value(piece.nextLine()) - 1};
          stats.bytes += piece.stats().bytes;
          stats.records += piece.stats().records;
          stats.unparsed += piece.stats().unparsed;
        });
    if (!report.error) fillCounts(report, plan.first.format, plan.encoding, stats);
  }
  FileReport& currentFile() { return files_.back(); }
  Report finish() && { return std::move(analyzer_).finish(std::move(files_)); }

 private:
  std::shared_ptr<const Knowledge> knowledge_;  ///< what the pieces are classified with, as the analyzer
  PiecePool pieces_;                            ///< the memory the pieces of all files reuse
  Analyzer analyzer_;
  std::vector<FileReport> files_;
};

// Only folders give no files: a file given is read, or fails, as itself.
std::string noLogsIn(const std::vector<std::filesystem::path>& folders) {
  std::string names;
  for (const auto& folder : folders) names += (names.empty() ? "'" : ", '") + folder.string() + "'";
  return "no .log or .lo_ files in " + std::string(folders.size() == 1 ? "folder " : "folders ") + names +
         " (give the folder that holds ccmsetup.log, or the log files)";
}

}  // namespace

std::string fileNote(const FileReport& file) {
  if (file.error) return *file.error;
  if (file.bytes == 0) return "empty file";
  if (file.format == Format::Plain) return "no ConfigMgr log format: read as plain text";
  return {};
}

std::string fileErrors(std::span<const FileReport> files) {
  std::string errors;
  for (const FileReport& file : files) {
    if (file.error) errors += (errors.empty() ? "" : "; ") + *file.error;
  }
  return errors;
}

Result<Report> analyzeFiles(const std::vector<std::filesystem::path>& inputs,
                            const AnalysisOptions& options) {
  if (inputs.empty()) return Error{"no log file or folder given"};
  const auto files = machineLogFiles(inputs);
  if (!files) return files.error();
  if (files->empty()) return Error{noLogsIn(inputs)};
  Pipeline pipeline(options.diagnosis);
  for (const auto& path : *files) {
    pipeline.beginFile(path);
    if (options.runPieces) {
      if (const auto plan = planPieces(path, options.reader, options.pieceBytes)) {
        pipeline.addPieces(path, *plan, options.runPieces);
        continue;
      }
    }
    const auto summary = readFile(
        path, [&](const Record& r) { pipeline.addRecord(r); }, options.reader);
    FileReport& file = pipeline.currentFile();
    if (!summary) {
      file.error = summary.error().message;
      continue;
    }
    fillCounts(file, summary->format, summary->encoding, summary->stats);
  }
  Report report = std::move(pipeline).finish();
  // Not one file could be read: there is nothing to analyze, and an empty
  // report would read as "no problems found".
  if (std::all_of(report.files.begin(), report.files.end(), [](const FileReport& f) { return f.error; })) {
    return Error{fileErrors(report.files)};
  }
  return report;
}

Report analyzeTexts(std::span<const LogText> logs, const AnalysisOptions& options) {
  std::vector<const LogText*> ordered;
  for (const LogText& log : logs) ordered.push_back(&log);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const LogText* a, const LogText* b) { return readsBefore(a->name, b->name); });
  Pipeline pipeline(options.diagnosis);
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
