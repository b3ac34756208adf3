#include "models/text_scan.h"

#include <algorithm>

#include "models/record_texts.h"

namespace ccmlog::viewer {
namespace {

constexpr std::size_t kChunk = 4096;

// Calls onMatch(position) for the matching ids of each chunk, in order.
template <typename OnMatch>
void scan(const LogIndex& index, const std::vector<std::uint32_t>& ids, const TextMatcher& matcher,
          const std::atomic<bool>& cancel, OnMatch onMatch) {
  std::vector<EntryRef> chunk;
  std::vector<IndexedFile> files;
  for (std::size_t at = 0; at < ids.size() && !cancel; at += kChunk) {
    const std::size_t end = std::min(ids.size(), at + kChunk);
    chunk.clear();
    {
      const auto lock = index.readLock();
      for (std::size_t i = at; i < end; ++i) {
        if (ids[i] >= index.size()) return;  // the index shrank: the caller starts over
        chunk.push_back({EntryId{ids[i]}, index[EntryId{ids[i]}]});
      }
      files = index.files();
    }
    std::vector<std::size_t> found;
    readMessages(chunk, files, [&](std::size_t i, std::string_view message) {
      if (matcher.matches(message)) found.push_back(at + i);
    });
    for (const std::size_t position : found) onMatch(position);
  }
}

}  // namespace

std::vector<std::uint32_t> matchingIds(const LogIndex& index, const std::vector<std::uint32_t>& ids,
                                       const TextMatcher& matcher, const std::atomic<bool>& cancel) {
  std::vector<std::uint32_t> out;
  for (const std::size_t position : matchingPositions(index, ids, matcher, cancel))
    out.push_back(ids[position]);
  return out;
}

std::vector<std::size_t> matchingPositions(const LogIndex& index, const std::vector<std::uint32_t>& ids,
                                           const TextMatcher& matcher, const std::atomic<bool>& cancel) {
  std::vector<std::size_t> out;
  scan(index, ids, matcher, cancel, [&](std::size_t position) { out.push_back(position); });
  return out;
}

}  // namespace ccmlog::viewer
