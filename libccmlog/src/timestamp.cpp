#include "ccmlog/timestamp.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

namespace ccmlog {
namespace {

constexpr std::int64_t kTicksPerDay = 24 * 60 * Timestamp::kTicksPerMinute;

const boost::gregorian::date& epoch() {
  static const boost::gregorian::date e(1970, 1, 1);
  return e;
}

}  // namespace

std::optional<Timestamp> makeTimestamp(int year, int month, int day, int hour, int minute,
                                       int second, std::int64_t fractionTicks) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  if (fractionTicks < 0 || fractionTicks >= Timestamp::kTicksPerSecond) return std::nullopt;
  // Consecutive records mostly share a date: ask the calendar once per date.
  struct Date {
    int year = 1970, month = 1, day = 1;  // always a valid date
    std::int64_t days = 0;                ///< since 1970-01-01
  };
  thread_local Date last;
  if (year != last.year || month != last.month || day != last.day) {
    // Boost's gregorian calendar covers 1400..9999; it decides month lengths and leap years.
    if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                  static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
      return std::nullopt;
    }
    const boost::gregorian::date d(static_cast<unsigned short>(year),
                                   static_cast<unsigned short>(month),
                                   static_cast<unsigned short>(day));
    last = {year, month, day, (d - epoch()).days()};
  }
  const std::int64_t seconds = (hour * 60 + minute) * 60 + second;
  return Timestamp{last.days * kTicksPerDay + seconds * Timestamp::kTicksPerSecond + fractionTicks};
}

namespace {

// Writes `value` as `width` digits (value < 10^width) at p; returns the end.
char* putDigits(char* p, std::int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return p + width;
}

}  // namespace

std::string formatIso(Timestamp t, Zone zone) {
  std::int64_t days = t.ticks / kTicksPerDay;
  std::int64_t rest = t.ticks % kTicksPerDay;
  if (rest < 0) {
    rest += kTicksPerDay;
    --days;
  }
  // Consecutive records mostly share a day: ask the calendar once per day.
  struct Day {
    std::int64_t days = 0;  ///< since 1970-01-01, always right for the date below
    int year = 1970, month = 1, day = 1;
  };
  thread_local Day last;
  if (last.days != days) {
    const auto ymd = (epoch() + boost::gregorian::date_duration(days)).year_month_day();
    last = {days, static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day)};
  }
  const std::int64_t secondsOfDay = rest / Timestamp::kTicksPerSecond;
  const std::int64_t fraction = rest % Timestamp::kTicksPerSecond;
  char buf[48];
  char* p = buf;
  if (last.year >= 0 && last.year <= 9999) {
    p = putDigits(p, last.year, 4);
  } else {
    p += std::snprintf(p, 16, "%04d", last.year);
  }
  *p++ = '-';
  p = putDigits(p, last.month, 2);
  *p++ = '-';
  p = putDigits(p, last.day, 2);
  *p++ = 'T';
  p = putDigits(p, secondsOfDay / 3600, 2);
  *p++ = ':';
  p = putDigits(p, secondsOfDay / 60 % 60, 2);
  *p++ = ':';
  p = putDigits(p, secondsOfDay % 60, 2);
  *p++ = '.';
  // Milliseconds when that is all the fraction has, else all seven digits.
  p = fraction % 10'000 == 0 ? putDigits(p, fraction / 10'000, 3) : putDigits(p, fraction, 7);
  if (zone == Zone::Utc) *p++ = 'Z';
  return std::string(buf, static_cast<size_t>(p - buf));
}

}  // namespace ccmlog
