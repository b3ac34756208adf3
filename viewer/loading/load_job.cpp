#include "loading/load_job.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <fstream>
#include <optional>
#include <system_error>
#include <thread>

#include "ccmlog/analysis.h"
#include "ccmlog/basics.h"
#include "ccmlog/piece_reader.h"
#include "parallel_map.h"

namespace ccmlog::viewer {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kBlockSize = 1 << 20;
constexpr auto kBatchInterval = std::chrono::milliseconds(50);
constexpr std::size_t kBatchEntries = 1 << 16;
constexpr auto kFirstReport = std::chrono::milliseconds(200);
constexpr std::uint64_t kReportGrowth = 4;  // the next report when this many times more has been read

std::string openError(const std::filesystem::path& path) {
  const int err = errno;  // of the failed open, before anything else can change it
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return "cannot read '" + path.string() + "': it is a folder";
  return "cannot open '" + path.string() + "': " + std::strerror(err);
}

// Reads `path` from `from` up to `to` bytes (or its end) through `reader`,
// calling onRecord for each record and stop() between blocks; false when it cannot be opened.
template <typename OnRecord, typename Stop>
bool readRecords(const std::filesystem::path& path, std::uint64_t from, std::optional<std::uint64_t> to,
                 RecordReader& reader, OnRecord onRecord, Stop stop) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) return false;
  in.seekg(static_cast<std::streamoff>(from));
  std::vector<char> block(kBlockSize);
  Record record;
  for (std::uint64_t at = from; in && (!to || at < *to) && !stop();) {
    const std::uint64_t want = to ? std::min<std::uint64_t>(block.size(), *to - at) : block.size();
    in.read(block.data(), static_cast<std::streamsize>(want));
    const auto got = in.gcount();
    if (got <= 0) break;
    at += static_cast<std::uint64_t>(got);
    reader.feed(std::string_view(block.data(), static_cast<std::size_t>(got)));
    while (reader.next(record)) onRecord(record);
  }
  reader.finish();
  while (reader.next(record)) onRecord(record);
  return true;
}

// A piece of a file as a reading thread indexed it, waiting for its turn.
struct IndexedPiece {
  PieceResult analysis;
  std::vector<IndexEntry> entries;               // lines counted from the piece's first; names as below
  std::vector<std::string> components, threads;  // the piece's own name ids, in order of first use
  std::exception_ptr failure;                    // what the reading thread caught, for the job to throw
};

// Reads, classifies (with `knowledge`'s classifier) and indexes piece `i` of a segment from
// byte 0 (on any thread; what it throws, out of memory, is kept for the job's thread).
IndexedPiece indexPiece(const LoadSegment& s, const PiecePlan& plan, std::size_t i,
                        const Knowledge* knowledge, PiecePool& pool) {
  IndexedPiece piece;
  try {
    Interner components, threads;
    const auto addEntry = [&](const Record& r) {
      IndexEntry& e = piece.entries.emplace_back(
          IndexEntry::from(r, s.file, components.intern(r.component, piece.components),
                           threads.intern(r.thread, piece.threads)));
      e.offset += plan.starts[i];
    };
    piece.analysis = readPiece(s.path, plan, i, s.file, addEntry, knowledge, &pool);
  } catch (...) {
    piece.failure = std::current_exception();
  }
  return piece;
}

// The session's ids of a piece's names, in the piece's id order; new names go to `added`.
std::vector<NameId> sessionIds(Interner& session, const std::vector<std::string>& names,
                               std::vector<std::string>& added) {
  std::vector<NameId> ids;
  ids.reserve(names.size());
  for (const std::string& name : names) ids.push_back(session.intern(name, added));
  return ids;
}

// A piece's id in the session's; the piece's overflow id (past its names) stays the overflow id.
NameId sessionId(const std::vector<NameId>& ids, NameId id) {
  const auto i = static_cast<std::size_t>(id);
  return i < ids.size() ? ids[i] : id;
}

// What reading a segment found, for its file's report.
struct SegmentRead {
  Format format = Format::Unknown;
  Encoding encoding = Encoding::Unknown;
  std::uint64_t bytes = 0;
};

class Job {
 public:
  Job(LoadState& state, LoadSink& sink, const LoadOptions& options)
      : state_(state),
        sink_(sink),
        options_(options),
        threads_(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency())),
        started_(Clock::now()),
        lastFlush_(started_) {}

  void run(std::span<const LoadSegment> segments) {
    if (state_.files.empty()) analyzer_.emplace(diagnosis());  // a fresh load: analyze while reading
    for (const LoadSegment& s : segments) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(s.path, ec);
      total_ += !ec && size > value(s.from) ? size - value(s.from) : 0;
    }
    batch_.bytesTotal = total_;
    for (const LoadSegment& s : segments) {
      if (sink_.cancelled()) break;
      readSegmentOrReport(s);
    }
    batch_.cancelled = sink_.cancelled();
    batch_.report =
        std::make_shared<const Report>(analyzer_ ? std::move(*analyzer_).finish(reports()) : analyzeAgain());
    batch_.last = true;
    flush();
  }

  void fail(std::string message) {
    batch_.errors.push_back(std::move(message));
    batch_.last = true;
    flush();
  }

 private:
  // The last resort for a fault of ours (bad input never throws): the file it
  // met is reported unreadable with an internal error and the others still load.
  void readSegmentOrReport(const LoadSegment& s) {
    const auto f = value(s.file);
    if (state_.files.size() <= f) state_.files.resize(f + 1u);
    const auto failed = [&](const std::string& what) {
      LoadedFile& file = state_.files[f];
      file.report.error =
          "'" + s.path.string() + "': internal error" + what + "; please report it with this file";
      batch_.errors.push_back(*file.report.error);
    };
    try {
      readSegment(s);
    } catch (const std::exception& e) {
      failed(std::string(" (") + e.what() + ")");
    } catch (...) {
      failed("");
    }
  }

  void readSegment(const LoadSegment& s) {
    LoadedFile& file = state_.files[value(s.file)];
    file.report.path = s.path;
    file.role = s.role;
    if (analyzer_) analyzer_->beginFile(s.file, s.role);
    const auto plan = value(s.from) == 0 ? planPieces(s.path, s.reader, options_.pieceBytes) : std::nullopt;
    const Result<SegmentRead> read = plan ? readInPieces(s, *plan) : readInOnePass(s);
    if (!read) {
      file.report.error = read.error().message;
      batch_.errors.push_back(*file.report.error);
      return;
    }
    file.report.error.reset();
    if (value(s.from) == 0) {  // a resumed segment's reader knows only its own part
      file.report.format = read->format;
      file.report.encoding = read->encoding;
      file.report.bytes = 0;
    }
    file.report.bytes += read->bytes;
  }

  Result<SegmentRead> readInOnePass(const LoadSegment& s) {
    RecordReader reader(s.reader);
    bool formatSent = false;
    const auto sendFormat = [&] {
      if (formatSent || reader.format() == Format::Unknown) return;
      batch_.formats.push_back({s.file, reader.format(), reader.encoding()});
      formatSent = true;
    };
    const auto add = [&](const Record& r) {
      addRecord(s, r);
      sendFormat();
    };
    std::uint64_t before = 0;
    const auto stop = [&] {
      batch_.bytesDone += reader.stats().bytes - before;
      before = reader.stats().bytes;
      maybeFlush();
      return sink_.cancelled();
    };
    if (!readRecords(s.path, value(s.from), std::nullopt, reader, add, stop)) return Error{openError(s.path)};
    stop();
    sendFormat();
    return SegmentRead{reader.format(), reader.encoding(), reader.stats().bytes};
  }

  // The pieces are read on threads_ threads and laid in here, on the job's
  // thread, in order. After a cancel or a failure the threads start no more
  // pieces and the ones still coming are dropped; a failure is rethrown here.
  Result<SegmentRead> readInPieces(const LoadSegment& s, const PiecePlan& plan) {
    struct NoState {};
    std::atomic<bool> stop = false;
    std::exception_ptr failure;
    std::optional<std::string> error;
    SegmentRead read{plan.first.format, plan.encoding, 0};
    LineNumber firstLine = s.firstLine;
    const auto guarded = [&](auto step) {
      if (stop) return;
      try {
        step();
      } catch (...) {
        failure = std::current_exception();
        stop = true;
      }
    };
    parallelMap<IndexedPiece, NoState>(
        plan.starts.size(), threads_,
        [&](NoState&, std::size_t i) {
          return stop ? IndexedPiece{} : indexPiece(s, plan, i, options_.knowledge.get(), pieces_);
        },
        [&](std::size_t i, IndexedPiece& piece) {
          guarded([&] {
            if (piece.failure) std::rethrow_exception(piece.failure);
            if (piece.analysis.error()) {
              error = piece.analysis.error();
              stop = true;
              return;
            }
            if (i == 0) batch_.formats.push_back({s.file, read.format, read.encoding});
            addPiece(s, piece, firstLine);
            read.bytes += piece.analysis.stats().bytes;
          });
        },
        [&](std::size_t) {
          guarded([&] {
            maybeFlush();
            if (sink_.cancelled()) stop = true;
          });
        });
    if (failure) std::rethrow_exception(failure);
    if (error) return Error{*error};
    return read;
  }

  // Lays a piece in after the one before it, whose next line is `firstLine` (moved past this one).
  void addPiece(const LoadSegment& s, IndexedPiece& piece, LineNumber& firstLine) {
    if (analyzer_) analyzer_->add(piece.analysis, firstLine);
    const auto components = sessionIds(state_.components, piece.components, batch_.components);
    const auto threads = sessionIds(state_.threads, piece.threads, batch_.threads);
    LoadedFile& file = state_.files[value(s.file)];
    for (IndexEntry& e : piece.entries) {
      e.setFirstLine(LineNumber{value(firstLine) + e.line - 1});
      e.component = sessionId(components, e.component);
      e.thread = sessionId(threads, e.thread);
      if (e.kind() == RecordKind::Unparsed || e.kind() == RecordKind::Orphan) ++file.report.unparsed;
    }
    file.report.records += piece.entries.size();
    if (!piece.entries.empty()) file.end = piece.entries.back().end();
    if (batch_.entries.empty()) {
      batch_.entries = std::move(piece.entries);
    } else {
      batch_.entries.insert(batch_.entries.end(), piece.entries.begin(), piece.entries.end());
    }
    firstLine = LineNumber{value(firstLine) + value(piece.analysis.nextLine()) - 1};
    file.nextLine = firstLine;
    batch_.bytesDone += piece.analysis.stats().bytes;
  }

  void addRecord(const LoadSegment& s, const Record& r) {
    Record record = r;  // positions relative to the segment → to the file
    record.span.offset = ByteOffset{value(s.from) + value(r.span.offset)};
    record.line = LineNumber{value(s.firstLine) + value(r.line) - 1};
    const NameId component = state_.components.intern(record.component, batch_.components);
    const NameId thread = state_.threads.intern(record.thread, batch_.threads);
    batch_.entries.push_back(IndexEntry::from(record, s.file, component, thread));
    LoadedFile& file = state_.files[value(s.file)];
    ++file.report.records;
    if (record.kind == RecordKind::Unparsed || record.kind == RecordKind::Orphan) ++file.report.unparsed;
    file.end = record.span.end();
    file.nextLine = LineNumber{value(record.line) + record.lines};
    if (analyzer_) analyzer_->add(record);
  }

  std::vector<FileReport> reports() const {
    std::vector<FileReport> out;
    for (const LoadedFile& f : state_.files) out.push_back(f.report);
    return out;
  }

  // The analysis of every file up to its last record read, from the disk (a
  // load that continues followed files has no analyzer of their beginnings).
  Report analyzeAgain() {
    Analyzer again(diagnosis());
    for (std::size_t f = 0; f < state_.files.size(); ++f) {
      const LoadedFile& file = state_.files[f];
      if (file.report.error) continue;
      again.beginFile(FileIndex{static_cast<std::uint32_t>(f)}, file.role);
      RecordReader reader;
      readRecords(
          file.report.path, 0, value(file.end), reader, [&](const Record& r) { again.add(r); },
          [&] { return sink_.cancelled(); });
    }
    return std::move(again).finish(reports());
  }

  // What the job's analyzers diagnose with; an Analyzer classifies records with
  // its knowledge's classifier, and indexPiece the pieces with the same.
  DiagnosisOptions diagnosis() const { return DiagnosisOptions{.knowledge = options_.knowledge}; }

  void maybeFlush() {
    const auto now = Clock::now();
    if (batch_.entries.size() < kBatchEntries && now - lastFlush_ < kBatchInterval) return;
    if (analyzer_ && now - started_ >= kFirstReport && batch_.bytesDone >= nextReportAt_) {
      batch_.report = std::make_shared<const Report>(analyzer_->snapshot(reports()));
      nextReportAt_ = batch_.bytesDone * kReportGrowth;
    }
    flush();
  }

  void flush() {
    const auto done = batch_.bytesDone;
    sink_.deliver(std::move(batch_));
    batch_ = LoadBatch{};
    batch_.bytesDone = done;
    batch_.bytesTotal = total_;
    lastFlush_ = Clock::now();
  }

  LoadState& state_;
  LoadSink& sink_;
  LoadOptions options_;
  unsigned threads_;
  PiecePool pieces_;  // the memory the pieces of every file reuse
  std::optional<Analyzer> analyzer_;
  LoadBatch batch_;
  std::uint64_t total_ = 0, nextReportAt_ = 0;
  Clock::time_point started_, lastFlush_;
};

}  // namespace

void runLoad(std::span<const LoadSegment> segments, LoadState& state, LoadSink& sink,
             const LoadOptions& options) {
  Job job(state, sink, options);
  try {
    job.run(segments);
  } catch (const std::exception& e) {
    job.fail(std::string("loading stopped: ") + e.what());
  } catch (...) {
    job.fail("loading stopped: internal error");
  }
}

}  // namespace ccmlog::viewer
