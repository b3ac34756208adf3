// ccmlog/record_reader.h: log bytes in, Records out.
//
//   Record, RecordKind, Severity, OwnedRecord   one log entry as the reader found it
//   RecordReader, ReaderOptions, ReaderStats     the streaming tokenizer, one per file
//   readFile                                     a whole file through a RecordReader
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ccmlog/basics.h"
#include "ccmlog/export.h"

namespace ccmlog {

// ---- Records -----------------------------------------------------------------------------------
//
// One log entry as the reader found it.
//
// A Record is one entry of a log: a CMTrace record (which may span many
// physical lines), one line of the older SMS format, one MSI log line with its
// continuation lines, one line of copied CMTrace text, or a stretch of input
// that fits no format (Unparsed, Orphan). Every byte of a file belongs to
// exactly one record's span, in order: the spans of the records a reader
// produces tile the file with no gap and no overlap.
//
// The text fields are views. They point into the reader's buffers and stay
// valid until the next call to RecordReader::next() or feed(); copy what you
// keep (see OwnedRecord).

/// The shape of a record: which format it was written in, or why none fits.
enum class RecordKind : std::uint8_t {
  CMTrace,   ///< <![LOG[message]LOG]!><time="…" date="…" component="…" …>
  Sms,       ///< message  $$<component><MM-DD-YYYY HH:MM:SS.mmm+bias><thread=N (0xN)>
  Copied,    ///< CMTrace's Copy: message TAB component TAB date/time [TAB thread]
  Pasted,    ///< copied text with spaces for tabs: "message component 3/4/2009 11:16:10 AM"
  Msi,       ///< MSI verbose log line: "MSI (s) (60:70) [07:33:22:653]: message"
  Plain,     ///< a line of text with no envelope, in a file of plain or pasted text
  Unparsed,  ///< input that breaks the file's format (garbage, a truncated record)
  Orphan,    ///< the tail of a CMTrace record whose start is missing (rotation, truncation)
};

/// How serious the writer said a record is. For formats without a type field
/// it is derived from the words, as CMTrace does: "error"/"fail" (but not
/// "failover") is an error, "warn" a warning. Severity is not outcome.
enum class Severity : std::uint8_t { Verbose, Info, Warning, Error };

/// Things the reader noticed about a record, as bits in Record::flags.
enum RecordFlag : std::uint16_t {
  kInvalidText = 1u << 0,    ///< invalid UTF-8/UTF-16 replaced by U+FFFD in the text fields
  kOddBiasSign = 1u << 1,    ///< bias written "+-360" (a script's sign bug), read as -360
  kBadTime = 1u << 2,        ///< a time or date was present but impossible; left unset
  kBadBias = 1u << 3,        ///< a bias was present but not a plausible number of minutes
  kOpenEnvelope = 1u << 4,   ///< a CMTrace attribute list without its closing '>'
  kAmbiguousDate = 1u << 5,  ///< a locale date read month-first although day-first also fits
  kCutText =
      1u
      << 6,  ///< a line over 1 MiB: its first MiB, a "[... cut: …]" marker, its last 4 KiB; the span is whole
};

struct Record {
  RecordKind kind = RecordKind::Plain;
  Severity severity = Severity::Info;
  std::uint16_t flags = 0;           ///< RecordFlag bits
  LineNumber line{1};                ///< first physical line
  std::uint32_t lines = 1;           ///< physical lines the record covers (its text, not its line end)
  ByteSpan span;                     ///< bytes of the original file, line end included
  std::optional<Timestamp> local;    ///< time as written, in the writer's zone
  std::optional<std::int32_t> bias;  ///< minutes; UTC = local + bias; nullopt when the format has none
  std::string_view component;
  std::string_view context;
  std::string_view thread;   ///< as written ("3264"); MSI: "60:70" (process:thread)
  std::string_view source;   ///< writer's source file ("ccmsetup.cpp:123"), may be empty
  std::string_view message;  ///< the text, line ends inside it kept as written

  /// UTC time when both the local time and the bias are known and their sum stays in the calendar.
  std::optional<Timestamp> utc() const {
    if (!local || !bias) return std::nullopt;
    return addMinutes(*local, *bias);
  }
};

/// A Record that owns its text, for keeping records beyond the reader's next call.
struct CCMLOG_EXPORT OwnedRecord {
  Record record;  ///< views point into the strings below
  std::string component, context, thread, source, message;

  OwnedRecord() = default;
  explicit OwnedRecord(const Record& r);
  OwnedRecord(const OwnedRecord& other);
  OwnedRecord& operator=(const OwnedRecord& other);
  OwnedRecord(OwnedRecord&& other) noexcept;
  OwnedRecord& operator=(OwnedRecord&& other) noexcept;

 private:
  void repoint();
};

/// The thread id of a thread field written "3264" or "3264 (0x0CC0)"; nullopt
/// for an empty field or another shape (an MSI log's "60:70").
CCMLOG_EXPORT std::optional<std::uint32_t> threadId(std::string_view thread);

/// Lower-case names used in every output ("cmtrace", "unparsed", "error", …).
CCMLOG_EXPORT std::string_view toString(RecordKind kind);
CCMLOG_EXPORT std::string_view toString(Severity severity);

/// CMTrace's rule for formats without a type field: "error"/"fail" (not
/// "failover") → Error, "warn" → Warning, else Info. Case-insensitive.
CCMLOG_EXPORT Severity severityFromWords(std::string_view text);

// ---- The reader --------------------------------------------------------------------------------
//
// A streaming tokenizer from log bytes to Records.
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

struct ReaderState;  // the library's

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
  std::unique_ptr<ReaderState> state_;
};

// ---- Reading a file ----------------------------------------------------------------------------
//
// Read a whole log file through a RecordReader.
//
//   auto summary = ccmlog::readFile("ccmsetup.log",
//       [](const ccmlog::Record& r) { std::cout << r.message << '\n'; });
//   if (!summary) std::cerr << summary.error().message << '\n';
//
// Opens the file read-only, reads it in large blocks and never writes to it.

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
CCMLOG_EXPORT Result<FileSummary> readFile(const std::filesystem::path& path, const RecordCallback& onRecord,
                                           const ReaderOptions& options = {});

}  // namespace ccmlog
