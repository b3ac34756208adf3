// field_parsers.h (internal): the small fixed-shape fields of log envelopes,
// parsed by hand (no regex, no allocation). Each parser takes exactly the
// field's text and returns nullopt when it does not have the expected shape;
// values that have the shape but are impossible (hour 25) are left to
// makeTimestamp to reject.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "ccmlog/timestamp.h"

namespace ccmlog::detail {

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
  std::int64_t fractionTicks = 0;  ///< 100 ns units
};

struct CalendarDate {
  int year = 0, month = 0, day = 0;
};

/// A CMTrace/SMS time "HH:MM:SS.fffffff+BIAS": 1–7 fraction digits (more are
/// cut), optional bias in minutes with 1–4 digits; "+-360" reads as -360.
struct BiasedTime {
  ClockTime clock;
  std::optional<std::int32_t> bias;
  bool oddSign = false;  ///< written with both signs ("+-360")
  bool badBias = false;  ///< a bias was written but is not plausible (> 24 h, too many digits)
};
std::optional<BiasedTime> parseBiasedTime(std::string_view text);

/// "MM-DD-YYYY" or unpadded "M-D-YYYY" with the given separator.
std::optional<CalendarDate> parseMonthDayYear(std::string_view text, char separator);

/// "H:MM:SS" with optional ":mmm" or ".fff" milliseconds (MSI: "07:33:22:653").
std::optional<ClockTime> parseClock(std::string_view text);

/// A date and time as CMTrace's Copy writes it in the viewer's locale:
/// "3/4/2009 11:16:10 AM", "09/09/2022 14:07:21", "12-11-2010 16:26:12".
/// Month first unless the first number cannot be a month.
struct LocaleDateTime {
  CalendarDate date;
  ClockTime clock;
  bool ambiguous = false;  ///< day-first would also have been a valid reading
};
std::optional<LocaleDateTime> parseLocaleDateTime(std::string_view text);

/// Combines a date and a clock into a Timestamp; nullopt when impossible.
std::optional<Timestamp> toTimestamp(const CalendarDate& date, const ClockTime& clock);

/// Leading run of decimal digits as a number; nullopt when empty or too long.
std::optional<std::int64_t> parseDecimal(std::string_view digits);

}  // namespace ccmlog::detail
