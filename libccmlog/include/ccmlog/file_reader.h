// ccmlog/file_reader.h: read a whole log file through a RecordReader.
//
//   auto summary = ccmlog::readFile("ccmsetup.log",
//       [](const ccmlog::Record& r) { std::cout << r.message << '\n'; });
//   if (!summary) std::cerr << summary.error().message << '\n';
//
// Opens the file read-only, reads it in large blocks and never writes to it.
#pragma once

#include <filesystem>
#include <functional>

#include "ccmlog/export.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/result.h"

namespace ccmlog {

/// What reading one file found.
struct FileSummary {
  std::filesystem::path path;
  Encoding encoding = Encoding::Unknown;
  Format format = Format::Unknown;
  ReaderStats stats;
};

using RecordCallback = std::function<void(const Record&)>;

/// Reads `path` to the end, calling `onRecord` for each record in order. An
/// error (missing, unreadable, a directory) names the path and the reason.
CCMLOG_EXPORT Result<FileSummary> readFile(const std::filesystem::path& path,
                                           const RecordCallback& onRecord,
                                           const ReaderOptions& options = {});

}  // namespace ccmlog
