// text_scan.h: testing the messages of many records, off the UI thread.
//
// Filtering and finding by text read messages back from the files, which for
// a large log takes seconds. These functions run on a worker thread (the
// model starts them with QtConcurrent) while the UI thread may append to the
// index: they copy entries a chunk at a time under the index's read lock,
// then read without it. They stop soon after `cancel` is set.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "models/log_index.h"
#include "models/row_filter.h"

namespace ccmlog::viewer {

/// The ids, of `ids` and in their order, whose message `matcher` accepts
/// (what was found before a cancel).
std::vector<std::uint32_t> matchingIds(const LogIndex& index, const std::vector<std::uint32_t>& ids,
                                       const TextMatcher& matcher, const std::atomic<bool>& cancel);

/// The positions in `ids`, ascending, of those whose message `matcher` accepts (what was found before a
/// cancel).
std::vector<std::size_t> matchingPositions(const LogIndex& index, const std::vector<std::uint32_t>& ids,
                                           const TextMatcher& matcher, const std::atomic<bool>& cancel);

}  // namespace ccmlog::viewer
