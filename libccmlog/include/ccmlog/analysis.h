// ccmlog/analysis.h: one call from a machine's log files to a diagnosis.
//
//   auto report = ccmlog::analyzeFiles({"C:/logs/PC042"});   // a folder or files
//   if (!report) { std::cerr << report.error().message; return; }
//   std::cout << ccmlog::toString(report->outcome.status) << '\n';
//   for (const ccmlog::Finding& f : report->findings) std::cout << f.title << '\n';
//
// The pipeline: each file is read (RecordReader), each record's message
// classified (EventClassifier), the events laid out as runs and phases
// (TimelineBuilder), and the rules run over the result (diagnose). Files are
// streamed: memory grows with the number of events, not with file size.
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
#include <vector>

#include "ccmlog/diagnosis.h"
#include "ccmlog/export.h"
#include "ccmlog/finding.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/result.h"
#include "ccmlog/timeline.h"
#include "ccmlog/timeline_builder.h"

namespace ccmlog {

/// What reading and classifying one piece of a file found, kept until the
/// pieces before it have been laid into the timeline (piece_reader.h reads
/// one). Opaque but for what a reader of pieces counts; movable.
class CCMLOG_EXPORT PieceResult {
 public:
  PieceResult();
  ~PieceResult();
  PieceResult(PieceResult&&) noexcept;
  PieceResult& operator=(PieceResult&&) noexcept;

  const ReaderStats& stats() const;               ///< the piece's bytes, records, unparsed records
  LineNumber nextLine() const;                     ///< the line after the piece, its first line being 1
  const std::optional<std::string>& error() const;  ///< why the piece could not be read, if it could not

  struct Impl;  ///< (the library's)
  explicit PieceResult(std::unique_ptr<Impl> impl);
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// Runs `count` pieces: work(i) for every i in [0, count), on any thread
/// (work is safe to call from several at once), and take(i, result) on the
/// calling thread, in order i = 0, 1, 2, … .
using PieceRunner = std::function<void(std::size_t count,
                                       const std::function<PieceResult(std::size_t)>& work,
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

/// The timeline (runs, phases, events, outcome) plus the files and findings.
struct Report : Timeline {
  std::vector<FileReport> files;    ///< in the order they were read
  std::vector<Finding> findings;    ///< most serious first
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
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A log already in memory: a name (its role is taken from it, as for files) and its bytes.
struct LogText {
  std::string name;
  std::string_view bytes;
};

/// Analyzes logs held in memory, read in the same order as files (readsBefore).
CCMLOG_EXPORT Report analyzeTexts(std::span<const LogText> logs,
                                  const AnalysisOptions& options = {});

}  // namespace ccmlog
