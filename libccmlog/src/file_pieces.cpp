#include "file_pieces.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <utility>

#include "ccmlog/event_classifier.h"
#include "ccmlog/knowledge.h"
#include "read/cmtrace_format.h"
#include "read/file_range_reader.h"
#include "read/format_detector.h"

namespace ccmlog {

std::unique_ptr<PieceData> PiecePool::Impl::take() {
  std::unique_ptr<PieceData> piece;
  {
    const std::lock_guard lock(mutex_);
    if (!spares_.empty()) {
      piece = std::move(spares_.back());
      spares_.pop_back();
    }
  }
  if (!piece) piece = std::make_unique<PieceData>();
  piece->pool = shared_from_this();
  return piece;
}

void PiecePool::Impl::give(std::unique_ptr<PieceData> piece) {
  piece->clear();
  piece->pool.reset();
  const std::lock_guard lock(mutex_);
  if (spares_.size() < kSpares) spares_.push_back(std::move(piece));
}

PiecePool::PiecePool() : impl_(std::make_shared<Impl>()) {}
PiecePool::~PiecePool() = default;
PiecePool::PiecePool(PiecePool&&) noexcept = default;
PiecePool& PiecePool::operator=(PiecePool&&) noexcept = default;

void PieceData::clear() {
  entries.clear();
  messages.clear();
  events.clear();
  fields.clear();
  stats = {};
  nextLine = LineNumber{1};
  error.reset();
}

PieceResult::PieceResult() : data_(std::make_unique<PieceData>()) {}
PieceResult::PieceResult(std::unique_ptr<PieceData> data) : data_(std::move(data)) {}
PieceResult::~PieceResult() {
  if (!data_ || !data_->pool) return;
  const auto pool = data_->pool;  // the pool outlives giving the piece back
  pool->give(std::move(data_));
}
PieceResult::PieceResult(PieceResult&&) noexcept = default;
PieceResult& PieceResult::operator=(PieceResult&& other) noexcept {
  std::swap(data_, other.data_);  // ours goes back to its pool, if any, with `other`
  return *this;
}
const ReaderStats& PieceResult::stats() const { return data_->stats; }
LineNumber PieceResult::nextLine() const { return data_->nextLine; }
const std::optional<std::string>& PieceResult::error() const { return data_->error; }

namespace {

constexpr std::uint64_t kShortWindow = 64 << 10;  // where a cut nearly always is
constexpr std::uint64_t kLongWindow = 1 << 20;    // where else one is looked for

std::string readAt(std::ifstream& in, std::uint64_t offset, std::uint64_t length) {
  std::string bytes(length, '\0');
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  in.clear();
  return bytes;
}

// The first cut in the `length` bytes at `target`. It looks in a short window
// first: a cut found there is the whole window's first (whether a place is a
// cut depends only on the bytes before it and its opener), and reading 1 MiB
// per piece of a large log would cost a quarter of the file again.
std::optional<std::uint64_t> firstCut(std::ifstream& in, std::uint64_t target, std::uint64_t length) {
  for (std::uint64_t window = std::min(length, kShortWindow);; window = length) {
    const size_t cut = detail::pieceCut(readAt(in, target, window));
    if (cut != std::string_view::npos) return target + cut;
    if (window == length) return std::nullopt;
  }
}

}  // namespace

namespace detail {

size_t pieceCut(std::string_view window) {
  constexpr auto npos = std::string_view::npos;
  for (size_t at = window.find(kOpener); at != npos; at = window.find(kOpener, at + 1)) {
    if (at == 0 || window[at - 1] != '\n') continue;
    const size_t contentEnd = at >= 2 && window[at - 2] == '\r' ? at - 2 : at - 1;
    if (contentEnd == 0) continue;
    const size_t previousEnd = window.find_last_of("\r\n", contentEnd - 1);
    if (previousEnd == npos) continue;  // the line starts before the window
    const std::string_view line = window.substr(previousEnd + 1, contentEnd - previousEnd - 1);
    if (line.find(kTerminator) != npos) return at;
  }
  return npos;
}

}  // namespace detail

std::optional<PiecePlan> planPieces(const std::filesystem::path& path, const ReaderOptions& options,
                                    std::uint64_t pieceBytes) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec || pieceBytes == 0 || size < 2 * pieceBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // The format and encoding one pass would decide on, from its first block
  // (which holds detection's whole window, so no more input could change it).
  static_assert(detail::kReadBlockSize >= detail::kDetectionWindow);
  RecordReader probe(options);
  probe.feed(readAt(in, 0, std::min<std::uint64_t>(size, detail::kReadBlockSize)));
  Record record;
  probe.next(record);
  if (probe.format() != Format::CMTrace ||
      (probe.encoding() != Encoding::Utf8 && probe.encoding() != Encoding::Utf8Bom)) {
    return std::nullopt;
  }
  PiecePlan plan;
  plan.first = options;
  plan.first.format = Format::CMTrace;
  plan.rest = plan.first;
  plan.rest.encoding = Encoding::Utf8;  // no BOM in the middle of the file
  plan.encoding = probe.encoding();
  plan.starts.push_back(0);
  for (std::uint64_t target = pieceBytes; target + pieceBytes / 2 < size; target += pieceBytes) {
    if (target <= plan.starts.back()) continue;
    const std::uint64_t window = std::min<std::uint64_t>(pieceBytes, kLongWindow);
    if (const auto cut = firstCut(in, target, window)) plan.starts.push_back(*cut);
  }
  if (plan.starts.size() < 2) return std::nullopt;
  return plan;
}

PieceResult readPiece(const std::filesystem::path& path, const PiecePlan& plan, size_t index, FileIndex file,
                      const RecordCallback& onRecord, const Knowledge* knowledge, PiecePool* pool) {
  const EventClassifier& classifier = classifierOf(knowledge ? *knowledge : *Knowledge::builtIn());
  auto piece = pool && pool->impl() ? pool->impl()->take() : std::make_unique<PieceData>();
  const std::optional<std::uint64_t> to =
      index + 1 < plan.starts.size() ? std::optional(plan.starts[index + 1]) : std::nullopt;
  std::optional<Location> withoutEvents;  // the last record without events, not yet kept
  std::uint64_t records = 0;
  Event event;  // reused: its fields keep their memory
  const auto add = [&](const Record& r) {
    if (onRecord) onRecord(r);
    const size_t eventsStart = piece->events.size();
    if (classifier.classifyInto(r.message, RecordIndex{records}, event)) {
      piece->events.push_back(piece->fields.add(event));
    }
    ++records;
    const Location where{file, r.line, r.local, r.bias, threadId(r.thread)};
    piece->nextLine = LineNumber{value(r.line) + r.lines};
    if (piece->events.size() == eventsStart) {
      // The builder gives a record to the run of the thread that wrote it: of a
      // stretch without events, the last record of each thread's turn counts.
      if (withoutEvents && withoutEvents->thread != where.thread)
        piece->entries.push_back({*withoutEvents, 0, 0});
      withoutEvents = where;
      return;
    }
    if (withoutEvents) piece->entries.push_back({*withoutEvents, 0, 0});
    withoutEvents.reset();
    piece->entries.push_back(
        {where, static_cast<std::uint32_t>(piece->events.size() - eventsStart), r.message.size()});
    piece->messages.append(r.message);
  };
  const auto summary =
      detail::readFileRange(path, plan.starts[index], to, add, index == 0 ? plan.first : plan.rest);
  if (withoutEvents) {
    piece->entries.push_back({*withoutEvents, 0, 0});
  }
  if (!summary) {
    piece->error = summary.error().message;
  } else {
    piece->stats = summary->stats;
  }
  return PieceAccess::make(std::move(piece));
}

}  // namespace ccmlog
