// log_index.h: the viewer's compact index of the records of the open logs.
//
// The viewer never keeps log text. Per record it keeps one IndexEntry of 32
// bytes (where the record's bytes are, and what sorting, tinting and
// filtering need) and re-reads the text from the file when a row is shown
// (record_texts.h). A 1 GB log of 5 million records costs 160 MB of index.
//
// Entries are appended in batches by the UI thread only; a background scan
// may read them at the same time while it holds readLock().
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ccmlog/basics.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/timeline_builder.h"

namespace ccmlog::viewer {

/// Position of an entry in the LogIndex: the viewer's id of a record.
enum class EntryId : std::uint32_t {};
constexpr std::uint32_t value(EntryId id) { return static_cast<std::uint32_t>(id); }

/// Id of a component or thread name in a LogIndex's name tables.
enum class NameId : std::uint16_t {};

/// One record, compactly: its bytes, first line, time, severity, kind, file,
/// component and thread. Numbers too big for a field saturate (a line past
/// 2^32, a record over 4 GiB, more than 65535 names); none occur in real logs.
struct IndexEntry {
  std::uint64_t offset = 0;           ///< ByteOffset of the record's span
  std::int64_t localTicks = kNoTime;  ///< Timestamp::ticks as written, or kNoTime
  std::uint32_t line = 1;             ///< first physical line
  std::uint32_t length = 0;           ///< span length in bytes
  std::int16_t bias = kNoBias;        ///< minutes (UTC = local + bias), or kNoBias
  NameId component{};
  NameId thread{};
  std::uint8_t file = 0;  ///< FileIndex
  std::uint8_t bits = 0;  ///< severity in bits 0-1, kind in bits 2-4

  static constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();
  static constexpr std::int16_t kNoBias = std::numeric_limits<std::int16_t>::min();

  /// The entry for `record` of file `file`, its names already interned.
  static IndexEntry from(const Record& record, FileIndex file, NameId component, NameId thread);
  /// Sets the first line, saturating as from() does.
  void setFirstLine(LineNumber first);

  ByteSpan span() const { return {ByteOffset{offset}, length}; }
  LineNumber firstLine() const { return LineNumber{line}; }
  FileIndex fileIndex() const { return FileIndex{file}; }
  Severity severity() const { return static_cast<Severity>(bits & 3u); }
  RecordKind kind() const { return static_cast<RecordKind>((bits >> 2) & 7u); }
  std::optional<Timestamp> local() const;
  std::optional<std::int32_t> utcBias() const;
  std::optional<Timestamp> utc() const;
  ByteOffset end() const { return ByteOffset{offset + length}; }
};
static_assert(sizeof(IndexEntry) == 32, "the index must stay compact: 32 bytes per record");

/// Names (components, threads) to 16-bit ids; the loader's side of the tables.
class Interner {
 public:
  /// The id of `name`, adding it (and to `added`) when new; the last id stands for all overflow.
  NameId intern(std::string_view name, std::vector<std::string>& added);

 private:
  struct Hash {
    using is_transparent = void;  // find() by string_view, without a copy
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  using Ids = std::unordered_map<std::string, NameId, Hash, std::equal_to<>>;
  Ids ids_;
  std::string lastName_;          // the name interned last,
  std::optional<NameId> lastId_;  // and its id
};

/// A file of the index: where its bytes are and how to re-read a record's span.
struct IndexedFile {
  std::filesystem::path path;       ///< where the bytes are now (a rotated log points at its .lo_)
  std::string name;                 ///< as shown in the File column (the name it was opened as)
  Format format = Format::Unknown;  ///< forced when re-reading a span
  Encoding encoding = Encoding::Unknown;
  FileRole role = FileRole::Setup;
};

class LogIndex {
 public:
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const IndexEntry& operator[](EntryId id) const { return entries_[value(id)]; }

  /// Appends entries (each naming a file already added). Takes the write lock.
  void append(std::span<const IndexEntry> entries);
  /// Removes the last `count` entries. Takes the write lock.
  void removeLast(std::size_t count);
  /// Forgets everything: entries, files, names. Takes the write lock.
  void clear();

  FileIndex addFile(IndexedFile file);
  std::size_t fileCount() const { return files_.size(); }
  const IndexedFile& file(FileIndex index) const { return files_[value(index)]; }
  /// Records the format and encoding the loader detected. Takes the write lock.
  void setFormat(FileIndex index, Format format, Encoding encoding);
  /// A copy of the file table, for a background reader. Call with readLock() held
  /// or from the UI thread.
  std::vector<IndexedFile> files() const { return files_; }
  /// Re-points a file (rotation moved its bytes). Takes the write lock.
  void movePath(FileIndex index, std::filesystem::path path);

  void addComponents(std::span<const std::string> names);
  void addThreads(std::span<const std::string> names);
  std::string_view component(NameId id) const;
  std::string_view thread(NameId id) const;
  std::size_t componentCount() const { return components_.size(); }
  std::size_t threadCount() const { return threads_.size(); }

  /// The entry of the record of `file` that starts at `line`, else the one
  /// whose lines hold it (the last one starting before it); nullopt when the
  /// file has no entry at or before that line.
  std::optional<EntryId> find(FileIndex file, LineNumber line) const;

  /// Shared lock for a reader on another thread; the UI thread needs none.
  std::shared_lock<std::shared_mutex> readLock() const { return std::shared_lock(mutex_); }

 private:
  // A run of consecutive ids that all belong to one file, in line order.
  struct Segment {
    std::uint32_t first, last;
  };

  std::deque<IndexEntry> entries_;  // a deque: growing never copies the whole index
  std::vector<IndexedFile> files_;
  std::vector<std::vector<Segment>> segments_;  // per file
  std::vector<std::string> components_, threads_;
  mutable std::shared_mutex mutex_;
};

}  // namespace ccmlog::viewer
