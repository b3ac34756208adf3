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
  // Boost's gregorian calendar covers 1400..9999; it decides month lengths and leap years.
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
    return std::nullopt;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  if (fractionTicks < 0 || fractionTicks >= Timestamp::kTicksPerSecond) return std::nullopt;
  const boost::gregorian::date d(static_cast<unsigned short>(year),
                                 static_cast<unsigned short>(month),
                                 static_cast<unsigned short>(day));
  const std::int64_t days = (d - epoch()).days();
  const std::int64_t seconds = (hour * 60 + minute) * 60 + second;
  return Timestamp{days * kTicksPerDay + seconds * Timestamp::kTicksPerSecond + fractionTicks};
}

std::string formatIso(Timestamp t, Zone zone) {
  std::int64_t days = t.ticks / kTicksPerDay;
  std::int64_t rest = t.ticks % kTicksPerDay;
  if (rest < 0) {
    rest += kTicksPerDay;
    --days;
  }
  const boost::gregorian::date d = epoch() + boost::gregorian::date_duration(days);
  const std::int64_t secondsOfDay = rest / Timestamp::kTicksPerSecond;
  const std::int64_t fraction = rest % Timestamp::kTicksPerSecond;
  const auto ymd = d.year_month_day();
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lld",
                        static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                        static_cast<int>(ymd.day), static_cast<long long>(secondsOfDay / 3600),
                        static_cast<long long>(secondsOfDay / 60 % 60),
                        static_cast<long long>(secondsOfDay % 60));
  if (fraction % 10'000 == 0) {
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ".%03lld",
                       static_cast<long long>(fraction / 10'000));
  } else {
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ".%07lld",
                       static_cast<long long>(fraction));
  }
  std::string out(buf, static_cast<size_t>(n));
  if (zone == Zone::Utc) out += 'Z';
  return out;
}

}  // namespace ccmlog
