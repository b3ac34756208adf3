// file_range_reader.h (internal): readFile over a byte range of the file,
// for reading a large log in pieces (file_pieces.h).
#pragma once

#include <cstdint>
#include <optional>

#include "ccmlog/file_reader.h"

namespace ccmlog::detail {

/// Reads `path` from byte `from` up to byte `to` (or its end), as readFile
/// reads a whole file: read-only, in large blocks, calling `onRecord` for
/// each record in order; an error names the path and the reason.
Result<FileSummary> readFileRange(const std::filesystem::path& path, std::uint64_t from,
                                  std::optional<std::uint64_t> to, const RecordCallback& onRecord,
                                  const ReaderOptions& options);

}  // namespace ccmlog::detail
