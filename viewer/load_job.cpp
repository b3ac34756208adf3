#include "load_job.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

#include "ccmlog/analysis.h"

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

class Job {
 public:
  Job(LoadState& state, LoadSink& sink)
      : state_(state), sink_(sink), started_(Clock::now()), lastFlush_(started_) {}

  void run(std::span<const LoadSegment> segments) {
    if (state_.files.empty()) analyzer_.emplace();  // a fresh load: analyze while reading
    for (const LoadSegment& s : segments) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(s.path, ec);
      total_ += !ec && size > value(s.from) ? size - value(s.from) : 0;
    }
    batch_.bytesTotal = total_;
    for (const LoadSegment& s : segments) {
      if (sink_.cancelled()) break;
      readSegment(s);
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
  void readSegment(const LoadSegment& s) {
    const auto f = value(s.file);
    if (state_.files.size() <= f) state_.files.resize(f + 1u);
    LoadedFile& file = state_.files[f];
    file.report.path = s.path;
    file.role = s.role;
    if (analyzer_) analyzer_->beginFile(s.file, s.role);
    RecordReader reader(s.reader);
    bool formatSent = false;
    const auto add = [&](const Record& r) {
      addRecord(s, r);
      if (!formatSent && reader.format() != Format::Unknown) {
        batch_.formats.push_back({s.file, reader.format(), reader.encoding()});
        formatSent = true;
      }
    };
    std::uint64_t before = 0;
    const auto stop = [&] {
      batch_.bytesDone += reader.stats().bytes - before;
      before = reader.stats().bytes;
      maybeFlush();
      return sink_.cancelled();
    };
    if (!readRecords(s.path, value(s.from), std::nullopt, reader, add, stop)) {
      file.report.error = openError(s.path);
      batch_.errors.push_back(*file.report.error);
      return;
    }
    stop();
    file.report.error.reset();
    if (value(s.from) == 0) {  // a resumed segment's reader knows only its own part
      file.report.format = reader.format();
      file.report.encoding = reader.encoding();
      file.report.bytes = 0;
    }
    file.report.bytes += reader.stats().bytes;
    if (!formatSent && reader.format() != Format::Unknown) {
      batch_.formats.push_back({s.file, reader.format(), reader.encoding()});
    }
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
    Analyzer again;
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
  std::optional<Analyzer> analyzer_;
  LoadBatch batch_;
  std::uint64_t total_ = 0, nextReportAt_ = 0;
  Clock::time_point started_, lastFlush_;
};

}  // namespace

void runLoad(std::span<const LoadSegment> segments, LoadState& state, LoadSink& sink) {
  Job job(state, sink);
  try {
    job.run(segments);
  } catch (const std::exception& e) {
    job.fail(std::string("loading stopped: ") + e.what());
  }
}

}  // namespace ccmlog::viewer
