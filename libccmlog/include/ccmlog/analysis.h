// ccmlog/analysis.h: one call from a machine's log files to a diagnosis.
//
//   auto report = ccmlog::analyzeFiles({"C:/logs/PC042"});   // a folder or files
//   if (!report) { std::cerr << report.error().message; return; }
//   std::cout << ccmlog::toString(report->timeline.outcome.status) << '\n';
//   for (const ccmlog::Finding& f : report->findings) std::cout << f.title << '\n';
//
// The pipeline: each file is read (RecordReader, record_reader.h), each
// record's message classified into events, the events laid out as runs and
// phases (the Timeline, timeline.h), and the rules run over the timeline (the
// Findings). Files are streamed: memory grows with the number of events, not
// with file size. Analyzer is the pipeline after the reader, for a tool that
// reads the records itself.
//
// A large CMTrace log can be read in pieces: give AnalysisOptions a
// PieceRunner and the library cuts the file at record boundaries, has the
// runner read and classify the pieces (on threads of the caller's, if it
// likes: the library has none), and lays them into the timeline in order.
// The report is the same as from reading the file in one pass.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ccmlog/basics.h"
#include "ccmlog/export.h"
#include "ccmlog/log_files.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/timeline.h"

namespace ccmlog {

class Knowledge;  // knowledge.h

// ---- Findings ------------------------------------------------------------------------------------
//
// A finding is a diagnosis: what went wrong, why, what to do, and the lines
// that prove it. The rules run over the timeline; a finding that another
// explains (no distribution point because the client has no certificate)
// names it in Finding::causedBy. They come back headline first: root causes
// by severity, then confidence, then specificity; the consequences after,
// each after its cause. A finding about an attempt that a later one
// superseded is history (at most a warning). Known-benign lines never produce
// a finding.

enum class FindingSeverity : std::uint8_t { Info, Warning, Error };
enum class Confidence : std::uint8_t { Low, Medium, High };

/// A log line a finding rests on.
struct Evidence {
  Location where;
  std::string text;
};

/// A rule-specific value: nothing (null), a number, a flag or a text.
using DetailValue = std::variant<std::monostate, std::int64_t, bool, std::string>;

struct Detail {
  std::string name;
  DetailValue value;
};

struct Finding {
  std::string rule;  ///< stable id, e.g. "service-context-source-access"
  FindingSeverity severity = FindingSeverity::Info;
  Confidence confidence = Confidence::Medium;
  std::string title;        ///< one line
  std::string explanation;  ///< plain words for a helpdesk person; times in the clock diagnosis was given
  std::string remedy;
  std::vector<Evidence> evidence;  ///< in log order
  std::vector<Detail> details;     ///< rule-specific, in a stable order
  /// The rule id of the finding that explains this one (a consequence of it);
  /// empty for a root cause.
  std::string causedBy;
  /// About an attempt that a later one superseded: history, at most a warning.
  bool history = false;
  std::vector<Location> times;  ///< the times title and explanation mention, in order
};

CCMLOG_EXPORT std::string_view toString(FindingSeverity severity);  ///< "info", "warning", "error"
CCMLOG_EXPORT std::string_view toString(Confidence confidence);     ///< "low", "medium", "high"

/// How the rules word their findings, and what they know.
struct DiagnosisOptions {
  Clock clock = Clock::Local;  ///< the clock findings' prose tells times in
  /// The causes known (knowledge.h); null for the built-in knowledge. The
  /// analysis classifies messages with these causes' lines too.
  std::shared_ptr<const Knowledge> knowledge = nullptr;
};

// ---- The analysis -------------------------------------------------------------------------------

/// What reading and classifying one piece of a file found, kept until the
/// pieces before it have been laid into the timeline (piece_reader.h reads
/// one). Opaque but for what a reader of pieces counts; movable.
struct PieceData;  // the library's

class CCMLOG_EXPORT PieceResult {
 public:
  PieceResult();
  ~PieceResult();
  PieceResult(PieceResult&&) noexcept;
  PieceResult& operator=(PieceResult&&) noexcept;

  const ReaderStats& stats() const;                 ///< the piece's bytes, records, unparsed records
  LineNumber nextLine() const;                      ///< the line after the piece, its first line being 1
  const std::optional<std::string>& error() const;  ///< why the piece could not be read, if it could not

 private:
  friend struct PieceAccess;  // the library's way in
  explicit PieceResult(std::unique_ptr<PieceData> data);
  std::unique_ptr<PieceData> data_;
};

/// Runs `count` pieces: work(i) for every i in [0, count), on any thread
/// (work is safe to call from several at once), and take(i, result) on the
/// calling thread, in order i = 0, 1, 2, … .
using PieceRunner = std::function<void(std::size_t count, const std::function<PieceResult(std::size_t)>& work,
                                       const std::function<void(std::size_t, PieceResult&)>& take)>;

struct AnalysisOptions {
  ReaderOptions reader;  ///< e.g. force a format for every file
  /// When set, a CMTrace log in UTF-8 of at least two pieces is read in
  /// pieces of about pieceBytes through it; other files in one pass.
  PieceRunner runPieces;
  std::uint64_t pieceBytes = std::uint64_t{2} << 20;
  DiagnosisOptions diagnosis;  ///< e.g. the clock findings' prose tells times in
};

/// What was read from one input file.
struct FileReport {
  std::filesystem::path path;
  Format format = Format::Unknown;
  Encoding encoding = Encoding::Unknown;
  std::uint64_t bytes = 0;
  std::uint64_t records = 0;
  std::uint64_t unparsed = 0;        ///< records of kind Unparsed or Orphan
  std::optional<std::string> error;  ///< set when the file could not be read
};

/// What a person should know first about a file, in words: why it could not
/// be read, that it is empty, or that it is in no ConfigMgr log format (and
/// was read as plain text); empty when its records can speak for themselves.
CCMLOG_EXPORT std::string fileNote(const FileReport& file);

/// The errors of the files that could not be read, joined by "; "; empty when every one was read.
CCMLOG_EXPORT std::string fileErrors(std::span<const FileReport> files);

/// What an analysis found: the timeline, the files it was read from and the findings.
struct Report {
  Timeline timeline;              ///< runs, phases, kept events and the outcome
  std::vector<FileReport> files;  ///< in the order they were read
  std::vector<Finding> findings;  ///< headline first (see Finding)
};

/// Analyzes one machine's logs. Folders stand for the logs directly in them
/// (see machineLogFiles). A file that cannot be read is reported in
/// Report::files with its error while the others are analyzed; the result is
/// an error only when there is nothing to analyze (no input, no log in the
/// folders, or not one file readable: the error names each).
CCMLOG_EXPORT Result<Report> analyzeFiles(const std::vector<std::filesystem::path>& inputs,
                                          const AnalysisOptions& options = {});

/// The pipeline after the reader, for tools that read records themselves (a
/// viewer indexing a file as it analyzes it): each record's message is
/// classified and laid into the timeline; finish() runs the rules, and
/// snapshot() runs them on what has been added so far (findings while a file loads).
///
///   ccmlog::Analyzer analyzer;
///   analyzer.beginFile(ccmlog::FileIndex{0}, ccmlog::roleOf(path));
///   while (reader.next(record)) analyzer.add(record);
///   ccmlog::Report report = std::move(analyzer).finish(files);
///
/// analyzeFiles and analyzeTexts are this plus reading. Movable, not copyable.
struct AnalyzerState;  // the library's

class CCMLOG_EXPORT Analyzer {
 public:
  explicit Analyzer(const DiagnosisOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// Records that follow come from this file (roleOf in log_files.h gives the role).
  void beginFile(FileIndex file, FileRole role);
  /// One record of the current file, in log order.
  void add(const Record& record);
  /// A piece of the current file that AnalysisOptions::runPieces read, in
  /// order; its lines are counted from `firstLine`.
  void add(PieceResult& piece, LineNumber firstLine);
  /// The report finish() would give now, from the records added so far; the analyzer goes on unchanged.
  Report snapshot(std::vector<FileReport> files) const;
  /// The timeline and findings; `files` become Report::files.
  Report finish(std::vector<FileReport> files) &&;

 private:
  std::unique_ptr<AnalyzerState> state_;
};

/// A log already in memory: a name (its role is taken from it, as for files) and its bytes.
struct LogText {
  std::string name;
  std::string_view bytes;
};

/// Analyzes logs held in memory, read in the same order as files (readsBefore).
CCMLOG_EXPORT Report analyzeTexts(std::span<const LogText> logs, const AnalysisOptions& options = {});

}  // namespace ccmlog
