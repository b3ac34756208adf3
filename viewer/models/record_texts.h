// record_texts.h: the text of indexed records, read back from their files.
//
// The index keeps only where a record's bytes are. readMessages() reads them
// again: consecutive entries of one file whose spans touch are read in large
// blocks through one RecordReader, forced to the file's format and encoding
// (a span out of the middle of a file has no BOM, and too little text to
// detect a format from). RecordTexts adds a small LRU cache for the UI
// thread that fills a window of neighbouring records at a time, so that a
// screenful of rows costs one read.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "models/log_index.h"

namespace ccmlog::viewer {

/// An entry with its id, copied out of the index for a background reader.
struct EntryRef {
  EntryId id;
  IndexEntry entry;
};

/// Receives the message of entries[position].
using MessageCallback = std::function<void(std::size_t position, std::string_view message)>;

/// Calls onMessage(i, message) for each entries[i], in order. When a file
/// cannot be read (moved away, truncated), the message says so in brackets.
void readMessages(std::span<const EntryRef> entries, std::span<const IndexedFile> files,
                  const MessageCallback& onMessage);

/// The first line of a message (up to the first CR or LF).
std::string_view firstLine(std::string_view message);

/// Messages of the records of a LogIndex, cached. UI thread only.
class RecordTexts {
 public:
  /// Keeps about `budgetBytes` of text. `index` must outlive this.
  explicit RecordTexts(const LogIndex& index, std::size_t budgetBytes = std::size_t{8} << 20);

  /// The whole message of a record, line ends as written; valid until the next call.
  const std::string& message(EntryId id);
  /// Forgets cached texts (a file moved, or the index was cleared).
  void clear();

 private:
  using Item = std::pair<EntryId, std::string>;

  void add(EntryId id, std::string_view text);

  const LogIndex& index_;
  std::size_t budget_, used_ = 0;
  std::list<Item> items_;  // most recently used first
  std::unordered_map<std::uint32_t, std::list<Item>::iterator> byId_;
};

}  // namespace ccmlog::viewer
