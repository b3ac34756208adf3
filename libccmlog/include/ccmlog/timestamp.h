// ccmlog/timestamp.h: a calendar date and time of day with 100 ns resolution.
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
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ccmlog/export.h"

namespace ccmlog {

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
CCMLOG_EXPORT std::optional<Timestamp> makeTimestamp(int year, int month, int day, int hour,
                                                     int minute, int second,
                                                     std::int64_t fractionTicks);

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

}  // namespace ccmlog
