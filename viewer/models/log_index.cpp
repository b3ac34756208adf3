#include "models/log_index.h"

#include <algorithm>

namespace ccmlog::viewer {
namespace {

template <typename Out, typename In>
Out saturate(In n) {
  return n > std::numeric_limits<Out>::max() ? std::numeric_limits<Out>::max() : static_cast<Out>(n);
}

constexpr std::size_t kMaxNames = std::numeric_limits<std::uint16_t>::max();

std::string_view nameAt(const std::vector<std::string>& names, NameId id) {
  const auto i = static_cast<std::size_t>(id);
  return i < names.size() ? std::string_view(names[i]) : std::string_view();
}

}  // namespace

IndexEntry IndexEntry::from(const Record& record, FileIndex file, NameId component, NameId thread) {
  IndexEntry e;
  e.offset = value(record.span.offset);
  e.length = saturate<std::uint32_t>(record.span.length);
  e.setFirstLine(record.line);
  if (record.local) e.localTicks = record.local->ticks;
  // A bias is at most a day of minutes; anything else was rejected by the reader.
  if (record.bias && *record.bias > kNoBias && *record.bias <= std::numeric_limits<std::int16_t>::max()) {
    e.bias = static_cast<std::int16_t>(*record.bias);
  }
  e.component = component;
  e.thread = thread;
  e.file = saturate<std::uint8_t>(value(file));
  e.bits = static_cast<std::uint8_t>(static_cast<unsigned>(record.severity) |
                                     (static_cast<unsigned>(record.kind) << 2));
  return e;
}

void IndexEntry::setFirstLine(LineNumber first) { line = saturate<std::uint32_t>(value(first)); }

std::optional<Timestamp> IndexEntry::local() const {
  if (localTicks == kNoTime) return std::nullopt;
  return Timestamp{localTicks};
}

std::optional<std::int32_t> IndexEntry::utcBias() const {
  if (bias == kNoBias) return std::nullopt;
  return bias;
}

std::optional<Timestamp> IndexEntry::utc() const {
  const auto t = local();
  const auto b = utcBias();
  if (!t || !b) return std::nullopt;
  return addMinutes(*t, *b);
}

NameId Interner::intern(std::string_view name, std::vector<std::string>& added) {
  // Records in a row mostly repeat their component and thread: no hashing then.
  if (lastId_ && lastName_ == name) return *lastId_;
  auto it = ids_.find(name);
  if (it == ids_.end()) {
    if (ids_.size() >= kMaxNames) return NameId{kMaxNames};
    it = ids_.emplace(std::string(name), NameId{static_cast<std::uint16_t>(ids_.size())}).first;
    added.push_back(it->first);
  }
  lastName_ = name;
  lastId_ = it->second;
  return it->second;
}

void LogIndex::append(std::span<const IndexEntry> entries) {
  const std::unique_lock lock(mutex_);
  for (const IndexEntry& e : entries) {
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(e);
    if (e.file >= segments_.size()) segments_.resize(e.file + 1u);
    auto& segments = segments_[e.file];
    if (!segments.empty() && segments.back().last + 1 == id) {
      segments.back().last = id;
    } else {
      segments.push_back({id, id});
    }
  }
}

void LogIndex::removeLast(std::size_t count) {
  const std::unique_lock lock(mutex_);
  count = std::min(count, entries_.size());
  for (std::size_t i = 0; i < count; ++i) {
    auto& segments = segments_[entries_.back().file];
    if (segments.back().first == segments.back().last) {
      segments.pop_back();
    } else {
      --segments.back().last;
    }
    entries_.pop_back();
  }
}

void LogIndex::clear() {
  const std::unique_lock lock(mutex_);
  entries_.clear();
  files_.clear();
  segments_.clear();
  components_.clear();
  threads_.clear();
}

FileIndex LogIndex::addFile(IndexedFile file) {
  const std::unique_lock lock(mutex_);
  files_.push_back(std::move(file));
  segments_.resize(files_.size());
  return FileIndex{static_cast<std::uint32_t>(files_.size() - 1)};
}

void LogIndex::setFormat(FileIndex index, Format format, Encoding encoding) {
  const std::unique_lock lock(mutex_);
  files_[value(index)].format = format;
  files_[value(index)].encoding = encoding;
}

void LogIndex::movePath(FileIndex index, std::filesystem::path path) {
  const std::unique_lock lock(mutex_);
  files_[value(index)].path = std::move(path);
}

void LogIndex::addComponents(std::span<const std::string> names) {
  components_.insert(components_.end(), names.begin(), names.end());
}

void LogIndex::addThreads(std::span<const std::string> names) {
  threads_.insert(threads_.end(), names.begin(), names.end());
}

std::string_view LogIndex::component(NameId id) const { return nameAt(components_, id); }
std::string_view LogIndex::thread(NameId id) const { return nameAt(threads_, id); }

std::optional<EntryId> LogIndex::find(FileIndex file, LineNumber line) const {
  if (value(file) >= segments_.size()) return std::nullopt;
  const std::uint64_t wanted = value(line);
  std::optional<EntryId> best;
  // Within a segment lines grow with ids; segments of a file follow each other.
  for (const Segment& s : segments_[value(file)]) {
    if (entries_[s.first].line > wanted) break;
    std::uint32_t lo = s.first, hi = s.last;  // the last entry starting at or before `line`
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo + 1) / 2;
      if (entries_[mid].line <= wanted)
        lo = mid;
      else
        hi = mid - 1;
    }
    best = EntryId{lo};
  }
  return best;
}

}  // namespace ccmlog::viewer
