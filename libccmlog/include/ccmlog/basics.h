// ccmlog/basics.h: the small value types every other header uses.
//
//   Result<T>, Error    a value or an error a person can act on
//   LineNumber, ByteOffset, RecordIndex, FileIndex, ByteSpan
//                       numbers that are easy to mix up, each its own type
//   Timestamp, formatIso, addMinutes
//                       a calendar time with 100 ns resolution
//   Location, Clock, formatTime
//                       where and when something was written, and the clock shown
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "ccmlog/export.h"

namespace ccmlog {

// ---- Result ------------------------------------------------------------------------------------
//
// A value or an error a person can act on.
//
//   ccmlog::Result<Report> r = ccmlog::analyzeFiles(paths);
//   if (!r) { std::cerr << r.error().message << '\n'; return 3; }
//   use(r->outcome);
//
// Errors are for things the caller must handle (a file that cannot be
// opened, an option that makes no sense). Malformed log content is never an
// error: it becomes records of kind Unparsed or Orphan.

/// What went wrong, worded for the person running the tool ("cannot open
/// 'x.log': Permission denied").
struct Error {
  std::string message;
};

/// Either a T or an Error. Accessing the wrong side is a programming error.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  explicit operator bool() const { return state_.index() == 0; }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// ---- Numbers -----------------------------------------------------------------------------------
//
// Distinct types for the numbers that are easy to mix up.
//
// A physical line number, a byte offset into a file and the index of a record
// are all integers; giving each its own type makes passing one where another
// is expected a compile error. Use value() to get the integer back.

/// 1-based physical line number, counted as an editor counts (CRLF, LF and a
/// lone CR each end one line).
enum class LineNumber : std::uint64_t {};
/// 0-based offset of a byte in the original (undecoded) file.
enum class ByteOffset : std::uint64_t {};
/// 0-based position of a record in the sequence a reader produced.
enum class RecordIndex : std::uint64_t {};

constexpr std::uint64_t value(LineNumber n) { return static_cast<std::uint64_t>(n); }
constexpr std::uint64_t value(ByteOffset n) { return static_cast<std::uint64_t>(n); }
constexpr std::uint64_t value(RecordIndex n) { return static_cast<std::uint64_t>(n); }

/// A half-open range [offset, offset + length) of bytes in the original file.
struct ByteSpan {
  ByteOffset offset{};
  std::uint64_t length = 0;

  constexpr ByteOffset end() const { return ByteOffset{value(offset) + length}; }
  friend constexpr bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// ---- Timestamp ---------------------------------------------------------------------------------
//
// A calendar date and time of day with 100 ns resolution.
//
// Log times carry up to 7 fraction digits (100 ns), more than most time
// libraries keep, so a Timestamp is a plain count of 100 ns ticks since
// 1970-01-01T00:00:00. It does not know its zone: a record holds one
// Timestamp for the local time as written and can derive the UTC one from the
// bias (UTC = local + bias minutes). Every Timestamp made here lies in the
// calendar's years 1400..9999: a UTC that a bias would carry out of them is
// unknown (nullopt), never a date no calendar function can take.
//
//   auto t = ccmlog::makeTimestamp(2009, 3, 4, 11, 16, 10, 0);
//   ccmlog::formatIso(*t)            // "2009-03-04T11:16:10.000"
//   ccmlog::formatIso(*t, ccmlog::Zone::Utc) // "2009-03-04T11:16:10.000Z"

struct Timestamp {
  std::int64_t ticks = 0;  ///< 100 ns units since 1970-01-01T00:00:00

  static constexpr std::int64_t kTicksPerSecond = 10'000'000;
  static constexpr std::int64_t kTicksPerMinute = 60 * kTicksPerSecond;
  static constexpr std::int64_t kTicksPerDay = 24 * 60 * kTicksPerMinute;
  /// 1400-01-01T00:00:00 and the tick after 9999-12-31T23:59:59.9999999: the calendar's range.
  static constexpr std::int64_t kFirstTick = -208'188 * kTicksPerDay;
  static constexpr std::int64_t kEndTick = 2'932'897 * kTicksPerDay;

  friend constexpr auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

/// Builds a Timestamp from calendar fields; nullopt when any field is out of
/// range (month 13, 30 February, hour 24, year outside 1400..9999).
CCMLOG_EXPORT std::optional<Timestamp> makeTimestamp(int year, int month, int day, int hour, int minute,
                                                     int second, std::int64_t fractionTicks);

/// t plus a number of minutes (a bias); may cross midnight, month and year;
/// nullopt when the sum leaves the years 1400..9999.
constexpr std::optional<Timestamp> addMinutes(Timestamp t, std::int32_t minutes) {
  const auto inCalendar = [](std::int64_t ticks) {
    return ticks >= Timestamp::kFirstTick && ticks < Timestamp::kEndTick;
  };
  if (!inCalendar(t.ticks)) return std::nullopt;  // and so the sum cannot overflow
  const std::int64_t ticks = t.ticks + std::int64_t{minutes} * Timestamp::kTicksPerMinute;
  if (!inCalendar(ticks)) return std::nullopt;
  return Timestamp{ticks};
}

/// Whether formatIso appends a "Z".
enum class Zone { Unknown, Utc };

/// ISO 8601 "YYYY-MM-DDTHH:MM:SS.mmm", with 7 fraction digits when the time
/// has sub-millisecond precision, and a trailing "Z" for Zone::Utc. Total: a
/// tick count outside 1400..9999 (which nothing here makes) is written in the
/// proleptic Gregorian calendar, its year with as many digits and sign as it needs.
CCMLOG_EXPORT std::string formatIso(Timestamp t, Zone zone = Zone::Unknown);

// ---- Location ----------------------------------------------------------------------------------
//
// Where and when something was written.

/// Index of an input file in the order the analysis read them.
enum class FileIndex : std::uint32_t {};
constexpr std::uint32_t value(FileIndex n) { return static_cast<std::uint32_t>(n); }

/// A record's place: file, first physical line, time as written, and the
/// thread that wrote it (which tells one ccmsetup process's lines from another's).
struct Location {
  FileIndex file{};
  LineNumber line{1};
  std::optional<Timestamp> local;       ///< as written, in the writer's zone
  std::optional<std::int32_t> bias;     ///< minutes; UTC = local + bias
  std::optional<std::uint32_t> thread;  ///< the writer's thread id; nullopt when the format has none

  /// local + bias; nullopt when either is unknown or the sum leaves the years 1400..9999.
  std::optional<Timestamp> utc() const {
    if (!local || !bias) return std::nullopt;
    return addMinutes(*local, *bias);
  }
};

/// The clock a face shows times in: local as written, or UTC (= local + bias).
enum class Clock : std::uint8_t { Local, Utc };

/// A location's time in `clock`, ISO 8601: local as written ("2023-01-17T09:41:11.572"),
/// or UTC with "Z"; UTC asked of a time without bias is the local one plus
/// " (time zone unknown)", of one whose UTC leaves the calendar the local one plus
/// " (UTC outside the years 1400-9999)". Empty when the record has no time.
CCMLOG_EXPORT std::string formatTime(const Location& where, Clock clock);

/// Time from `a` to `b` in 100 ns ticks: by UTC when both know it, by local
/// time otherwise (same writer, same zone); nullopt when they cannot be compared.
inline std::optional<std::int64_t> ticksBetween(const Location& a, const Location& b) {
  if (a.utc() && b.utc()) return b.utc()->ticks - a.utc()->ticks;
  if (a.local && b.local) return b.local->ticks - a.local->ticks;
  return std::nullopt;
}

}  // namespace ccmlog
