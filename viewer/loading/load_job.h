// load_job.h: log files in, index entries and findings out, piece by piece.
//
// runLoad() is the viewer's drive of the library's pipeline, with no Qt in it.
// Each LoadSegment is read in 1 MiB blocks through a RecordReader, and every
// record becomes an IndexEntry. About twenty times a second a LoadBatch goes
// to the LoadSink: new entries, new names, formats as they are detected, and
// progress; so the first rows show while a large file is still loading.
//
// A whole UTF-8 CMTrace file of at least two pieces (LoadOptions) is read in
// pieces on a few threads of the job's own (piece_reader.h, parallel_map.h):
// each thread reads, indexes and classifies a piece, with names in ids of the
// piece's own, and the job lays the pieces in file order: their names into
// the session's ids, lines counted on from the piece before, entries into
// the batch, classified events into the Analyzer. The entries, names and
// report are those of one pass; at most four pieces a thread wait in memory.
//
// The analysis: a fresh load analyzes each record as it is read (Analyzer),
// with the knowledge of LoadOptions (a user's knowledge files, or the built-in).
// Findings known so far come from a snapshot of that analyzer (the rules run
// on a copy of its bounded timeline; nothing is read again): first after a
// fifth of a second, then each time four times as much has been read. A load
// that continues followed files (segments not starting at 0) analyzes every
// file again at its end. LogSession runs it on a worker thread; the library stays thread-free.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ccmlog/analysis.h"
#include "models/log_index.h"

namespace ccmlog::viewer {

/// A stretch of a file to read: a whole file, or the new bytes of a followed one.
struct LoadSegment {
  FileIndex file{};
  std::filesystem::path path;
  ByteOffset from{};        ///< a record boundary
  LineNumber firstLine{1};  ///< the line at `from`
  ReaderOptions reader;     ///< forced format and encoding when `from` is not 0
  FileRole role = FileRole::Setup;
};

/// What the loads of a session know about one file.
struct LoadedFile {
  FileReport report;  ///< becomes Report::files (path: where its bytes are now)
  FileRole role = FileRole::Setup;
  ByteOffset end{};        ///< end of the last record read: the next one starts here
  LineNumber nextLine{1};  ///< the line at `end`
};

/// What a session's loads build on, one job at a time (the job owns it while it runs).
struct LoadState {
  Interner components, threads;
  std::vector<LoadedFile> files;  ///< one per FileIndex
};

/// A file's format and encoding, once the reader has detected them.
struct FileFormat {
  FileIndex file{};
  Format format = Format::Unknown;
  Encoding encoding = Encoding::Unknown;
};

/// One delivery from a running load.
struct LoadBatch {
  std::vector<IndexEntry> entries;
  std::vector<std::string> components, threads;  ///< names first used in this batch, in id order
  std::vector<FileFormat> formats;               ///< files whose format became known
  std::shared_ptr<const Report> report;          ///< set when a new analysis is ready
  std::uint64_t bytesDone = 0, bytesTotal = 0;
  std::vector<std::string> errors;  ///< files that could not be read, worded for a person
  bool last = false;                ///< the job's final batch (with the final report)
  bool cancelled = false;           ///< the job stopped early when asked
};

/// Where a load delivers; called on the job's thread.
class LoadSink {
 public:
  virtual ~LoadSink() = default;
  virtual void deliver(LoadBatch batch) = 0;
  /// Polled between blocks: true stops the job (it still delivers a last batch).
  virtual bool cancelled() const = 0;
};

/// How a load reads its files.
struct LoadOptions {
  /// A segment from byte 0 of a UTF-8 CMTrace file at least twice this size is
  /// read in pieces of about this size; 0 reads every file in one pass.
  std::uint64_t pieceBytes = std::uint64_t{4} << 20;
  unsigned threads = 0;  ///< that read pieces; 0: one per core
  /// The causes known, that records are classified and diagnosed with; null for the built-in knowledge.
  std::shared_ptr<const Knowledge> knowledge = nullptr;
};

/// Reads the segments in order (growing `state`) and delivers to `sink`.
/// Never throws: an unreadable file becomes an error in the batch.
void runLoad(std::span<const LoadSegment> segments, LoadState& state, LoadSink& sink,
             const LoadOptions& options = {});

}  // namespace ccmlog::viewer
