// read/file_range_reader.h (internal): readFile over a byte range of the file,
// for reading a large log in pieces (file_pieces.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "ccmlog/record_reader.h"

namespace ccmlog::detail {

/// How much readFile and readFileRange read at a time: small enough that the
/// block the kernel copies into is still in the core's cache when the reader
/// goes over it (64 KiB blocks stay in a 1 MiB L2, 1 MiB blocks do not), and no
/// smaller than format detection's window (read/format_detector.h). The reader
/// decides the format from what its first block holds, so whatever predicts
/// that decision (planPieces) must look at a block of the same size.
inline constexpr std::size_t kReadBlockSize = std::size_t{64} << 10;

/// Reads `path` from byte `from` up to byte `to` (or its end), as readFile
/// reads a whole file: read-only, in large blocks, calling `onRecord` for
/// each record in order; an error names the path and the reason.
Result<FileSummary> readFileRange(const std::filesystem::path& path, std::uint64_t from,
                                  std::optional<std::uint64_t> to, const RecordCallback& onRecord,
                                  const ReaderOptions& options);

}  // namespace ccmlog::detail
