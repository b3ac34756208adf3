// read/format_detector.h (internal): which format a file is written in, from its
// first lines. CMTrace wins as soon as a record opener or terminator shows
// within the first 64 KiB; otherwise, once that whole window (or file) is
// there, the first 16 non-empty lines vote (SMS trailer, MSI entry, copied,
// pasted), and plain text is the fallback. Chunking never changes the answer.
#pragma once

#include <string_view>

#include "ccmlog/record_reader.h"

namespace ccmlog::detail {

/// Bytes after which detection decides with what it has.
inline constexpr size_t kDetectionWindow = 64 * 1024;

/// The format of text that starts a file, or Format::Unknown when `head` is
/// too short to tell and more may come (!atEnd).
Format detectFormat(std::string_view head, bool atEnd);

}  // namespace ccmlog::detail
