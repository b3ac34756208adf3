// ccmlog/record_reader.h: a streaming tokenizer from log bytes to Records.
//
//   ccmlog::RecordReader reader;
//   ccmlog::Record record;
//   while (size_t n = read(fd, block, sizeof block)) {
//     reader.feed({block, n});
//     while (reader.next(record)) use(record);
//   }
//   reader.finish();
//   while (reader.next(record)) use(record);
//
// Feed the bytes of one file in chunks of any size (a record may span
// chunks); pull records out as they complete. The reader decodes (UTF-8 with
// or without a BOM, a BOM at the start of any line, UTF-16LE/BE with a BOM or
// recognisably without one) and detects the format from the first 64 KiB, yet
// keeps lines of another shape as records of their own. It never drops input:
// the spans of the records it yields tile the file, in order.
//
// A reader is for one file. It is movable, not copyable (it owns buffers that
// records point into).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "ccmlog/export.h"
#include "ccmlog/record.h"

namespace ccmlog {

/// The character encoding of the file's bytes.
enum class Encoding : std::uint8_t { Unknown, Utf8, Utf8Bom, Utf16Le, Utf16Be };

/// The format of a whole file, detected from its first records.
enum class Format : std::uint8_t { Unknown, CMTrace, Sms, Copied, Pasted, Msi, Plain };

CCMLOG_EXPORT std::string_view toString(Encoding encoding);  ///< "utf-8", "utf-8-bom", "utf-16le", …
CCMLOG_EXPORT std::string_view toString(Format format);      ///< "cmtrace", "sms", "copied", …

struct ReaderOptions {
  /// Format::Unknown detects it; anything else forces that format.
  Format format = Format::Unknown;
  /// Encoding::Unknown detects it; anything else forces it (for re-reading a
  /// record's span out of the middle of a file, where no BOM is).
  Encoding encoding = Encoding::Unknown;
};

/// Counts kept while reading, for reports.
struct ReaderStats {
  std::uint64_t bytes = 0;     ///< bytes fed
  std::uint64_t records = 0;   ///< records yielded
  std::uint64_t unparsed = 0;  ///< of which Unparsed or Orphan
  std::uint64_t lines = 0;     ///< physical lines seen in yielded records
};

class CCMLOG_EXPORT RecordReader {
 public:
  explicit RecordReader(const ReaderOptions& options = {});
  ~RecordReader();
  RecordReader(RecordReader&&) noexcept;
  RecordReader& operator=(RecordReader&&) noexcept;
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// Appends the next bytes of the file. Invalidates views of earlier records.
  void feed(std::string_view bytes);
  /// Declares the end of the file; the remaining bytes become records.
  void finish();
  /// Yields the next complete record into `out`; false when more input (or
  /// finish()) is needed, or when everything has been yielded. The views in
  /// `out` stay valid until the next call to next() or feed().
  bool next(Record& out);

  Encoding encoding() const;  ///< Unknown until the first bytes arrive
  Format format() const;      ///< Unknown until enough input has been seen
  const ReaderStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ccmlog
