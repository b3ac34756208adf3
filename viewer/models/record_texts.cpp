#include "models/record_texts.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include "ccmlog/record_reader.h"

namespace ccmlog::viewer {
namespace {

constexpr std::uint64_t kBlockSize = 1 << 20;
constexpr std::uint32_t kWindowBefore = 32, kWindowAfter = 96;

// Entries [first, last) are one file's and their spans touch.
std::size_t runEnd(std::span<const EntryRef> entries, std::size_t first) {
  std::size_t last = first + 1;
  while (last < entries.size() && entries[last].entry.file == entries[first].entry.file &&
         entries[last].entry.offset == entries[last - 1].entry.offset + entries[last - 1].entry.length) {
    ++last;
  }
  return last;
}

// Reads the run [first, last) with one reader; false when the file cannot be opened.
bool readRun(std::span<const EntryRef> entries, std::size_t first, std::size_t last, const IndexedFile& file,
             const MessageCallback& onMessage) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return false;
  const std::uint64_t begin = entries[first].entry.offset;
  const std::uint64_t end = value(entries[last - 1].entry.end());
  in.seekg(static_cast<std::streamoff>(begin));
  RecordReader reader(ReaderOptions{file.format, file.encoding});
  Record record;
  std::size_t next = first;
  const auto drain = [&] {
    while (reader.next(record)) {
      if (next < last) onMessage(next++, record.message);
    }
  };
  std::vector<char> block(static_cast<std::size_t>(std::min(kBlockSize, end - begin)));
  for (std::uint64_t at = begin; at < end && in;) {
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(block.size(), end - at));
    in.read(block.data(), want);
    const auto got = in.gcount();
    if (got <= 0) break;
    reader.feed(std::string_view(block.data(), static_cast<std::size_t>(got)));
    at += static_cast<std::uint64_t>(got);
    drain();
  }
  reader.finish();
  drain();
  for (; next < last; ++next)
    onMessage(next, "[text not available: the file is shorter than when it was read]");
  return true;
}

}  // namespace

void readMessages(std::span<const EntryRef> entries, std::span<const IndexedFile> files,
                  const MessageCallback& onMessage) {
  for (std::size_t first = 0; first < entries.size();) {
    const std::size_t last = runEnd(entries, first);
    const std::size_t file = entries[first].entry.file;
    if (file >= files.size() || !readRun(entries, first, last, files[file], onMessage)) {
      const std::string why = "[text not available: cannot open '" +
                              (file < files.size() ? files[file].path.string() : std::string("?")) + "']";
      for (std::size_t i = first; i < last; ++i) onMessage(i, why);
    }
    first = last;
  }
}

std::string_view firstLine(std::string_view message) {
  return message.substr(0, std::min(message.find_first_of("\r\n"), message.size()));
}

RecordTexts::RecordTexts(const LogIndex& index, std::size_t budgetBytes)
    : index_(index), budget_(budgetBytes) {}

const std::string& RecordTexts::message(EntryId id) {
  if (const auto it = byId_.find(value(id)); it != byId_.end()) {
    items_.splice(items_.begin(), items_, it->second);
    return it->second->second;
  }
  // A window of neighbours from the same file: the rows around a visible row
  // are likely to be shown next, and one read serves them all.
  const std::uint32_t n = value(id);
  const std::uint32_t from = n > kWindowBefore ? n - kWindowBefore : 0;
  const auto to =
      static_cast<std::uint32_t>(std::min<std::size_t>(index_.size(), std::size_t{n} + kWindowAfter));
  const std::uint8_t file = index_[id].file;
  std::vector<EntryRef> window;
  for (std::uint32_t k = from; k < to; ++k) {
    const EntryId other{k};
    if (index_[other].file == file && (k == n || !byId_.contains(k)))
      window.push_back({other, index_[other]});
  }
  const auto files = index_.files();
  readMessages(window, files, [&](std::size_t i, std::string_view text) { add(window[i].id, text); });
  return byId_.at(n)->second;
}

void RecordTexts::add(EntryId id, std::string_view text) {
  if (const auto it = byId_.find(value(id)); it != byId_.end()) {
    used_ -= it->second->second.size();
    items_.erase(it->second);
  }
  items_.emplace_front(id, std::string(text));
  byId_[value(id)] = items_.begin();
  used_ += text.size();
  // Keep at least the newest window: the caller is about to use it.
  while (used_ > budget_ && items_.size() > kWindowBefore + kWindowAfter) {
    used_ -= items_.back().second.size();
    byId_.erase(value(items_.back().first));
    items_.pop_back();
  }
}

void RecordTexts::clear() {
  items_.clear();
  byId_.clear();
  used_ = 0;
}

}  // namespace ccmlog::viewer
