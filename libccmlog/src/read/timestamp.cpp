#include "ccmlog/basics.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>

namespace ccmlog {
namespace {

const boost::gregorian::date& epoch() {
  static const boost::gregorian::date e(1970, 1, 1);
  return e;
}

}  // namespace

std::optional<Timestamp> makeTimestamp(int year, int month, int day, int hour, int minute, int second,
                                       std::int64_t fractionTicks) {
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
    if (day > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                     static_cast<unsigned short>(month))) {
      return std::nullopt;
    }
    const boost::gregorian::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                   static_cast<unsigned short>(day));
    last = {year, month, day, (d - epoch()).days()};
  }
  const std::int64_t seconds = (hour * 60 + minute) * 60 + second;
  return Timestamp{last.days * Timestamp::kTicksPerDay + seconds * Timestamp::kTicksPerSecond +
                   fractionTicks};
}

namespace {

struct CivilDate {
  std::int64_t year;
  int month, day;
};

// The proleptic Gregorian date `days` after 1970-01-01, for any count (Howard
// Hinnant's civil_from_days): unlike Boost's calendar it has no range to throw at.
CivilDate civilFromDays(std::int64_t days) {
  days += 719'468;  // from 0000-03-01, so that a leap day ends its year
  const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const std::int64_t dayOfEra = days - era * 146'097;  // [0, 146096]
  const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);  // [0, 365]
  const std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153;                                  // [0, 11]
  const int day = static_cast<int>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
  const int month = static_cast<int>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
  return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

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
  std::int64_t days = t.ticks / Timestamp::kTicksPerDay;
  std::int64_t rest = t.ticks % Timestamp::kTicksPerDay;
  if (rest < 0) {
    rest += Timestamp::kTicksPerDay;
    --days;
  }
  // Consecutive records mostly share a day: ask the calendar once per day.
  struct Day {
    std::int64_t days = 0;  ///< since 1970-01-01, always right for the date below
    CivilDate date{1970, 1, 1};
  };
  thread_local Day last;
  if (last.days != days) last = {days, civilFromDays(days)};
  const std::int64_t secondsOfDay = rest / Timestamp::kTicksPerSecond;
  const std::int64_t fraction = rest % Timestamp::kTicksPerSecond;
  char buf[48];
  char* p = buf;
  const CivilDate& date = last.date;
  if (date.year >= 0 && date.year <= 9999) {
    p = putDigits(p, date.year, 4);
  } else {
    p += std::snprintf(p, 24, "%04lld", static_cast<long long>(date.year));
  }
  *p++ = '-';
  p = putDigits(p, date.month, 2);
  *p++ = '-';
  p = putDigits(p, date.day, 2);
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
