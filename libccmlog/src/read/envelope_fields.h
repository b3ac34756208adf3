// read/envelope_fields.h (internal): the small fixed-shape fields of log envelopes,
// parsed by hand (no regex, no allocation). Each parser takes exactly the
// field's text and returns nullopt when it does not have the expected shape;
// values that have the shape but are impossible (hour 25) are left to
// makeTimestamp to reject.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ccmlog/basics.h"

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
/// parseBiasedTime (inline, below) reads it.
struct BiasedTime {
  ClockTime clock;
  std::optional<std::int32_t> bias;
  bool oddSign = false;  ///< written with both signs ("+-360")
  bool badBias = false;  ///< a bias was written but is not plausible (> 24 h, too many digits)
};

/// parseBiasedTime and parseMonthDayYear (inline, below) read the shape
/// ccmsetup writes ("11:07:45.642+240", "01-17-2023") themselves (with
/// readUsualBiasedTime and readUsualMonthDayYear), and leave any other shape
/// to these, which read every shape (the same result for the common one).
std::optional<BiasedTime> parseAnyBiasedTime(std::string_view text);
std::optional<CalendarDate> parseAnyMonthDayYear(std::string_view text, char separator);

namespace common_shape {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Two digits at text[at] as a number, or -1.
inline int twoDigits(std::string_view text, std::size_t at) {
  const char a = text[at], b = text[at + 1];
  return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
}

}  // namespace common_shape

/// The shape ccmsetup writes, "HH:MM:SS.fff+B" with one to three bias
/// digits, into `clock` and `bias` (what the general rules make of it, with
/// neither oddSign nor badBias); false, leaving them as they were, for any
/// other text. Plain values, not an optional struct: the caller keeps them
/// in registers.
inline bool readUsualBiasedTime(std::string_view text, ClockTime& clock, std::int32_t& bias) {
  using common_shape::isDigit, common_shape::twoDigits;
  if (text.size() < 14 || text.size() > 16 || text[2] != ':' || text[5] != ':' || text[8] != '.' ||
      (text[12] != '+' && text[12] != '-')) {
    return false;
  }
  const int hour = twoDigits(text, 0), minute = twoDigits(text, 3), second = twoDigits(text, 6);
  const int milli = twoDigits(text, 9), third = isDigit(text[11]) ? text[11] - '0' : -1;
  std::int32_t minutes = 0;
  bool digits = hour >= 0 && minute >= 0 && second >= 0 && milli >= 0 && third >= 0;
  for (std::size_t i = 13; i < text.size() && digits; ++i) {
    digits = isDigit(text[i]);
    minutes = minutes * 10 + (text[i] - '0');
  }
  if (!digits) return false;
  clock = {hour, minute, second, (milli * 10 + third) * std::int64_t{10000}};
  bias = text[12] == '-' ? -minutes : minutes;
  return true;
}

/// "MM-DD-YYYY" with the given separator into `date`; false for any other text.
inline bool readUsualMonthDayYear(std::string_view text, char separator, CalendarDate& date) {
  using common_shape::twoDigits;
  if (text.size() != 10 || text[2] != separator || text[5] != separator) return false;
  const int month = twoDigits(text, 0), day = twoDigits(text, 3), century = twoDigits(text, 6),
            year = twoDigits(text, 8);
  if (month < 0 || day < 0 || century < 0 || year < 0) return false;
  date = {century * 100 + year, month, day};
  return true;
}

inline std::optional<BiasedTime> parseBiasedTime(std::string_view text) {
  BiasedTime t;
  std::int32_t bias = 0;
  if (!readUsualBiasedTime(text, t.clock, bias)) return parseAnyBiasedTime(text);
  t.bias = bias;
  return t;
}

/// "MM-DD-YYYY" or unpadded "M-D-YYYY" with the given separator.
inline std::optional<CalendarDate> parseMonthDayYear(std::string_view text, char separator) {
  CalendarDate date;
  if (readUsualMonthDayYear(text, separator, date)) return date;
  return parseAnyMonthDayYear(text, separator);
}

/// "H:MM:SS" with optional ":mmm" or ".fff" milliseconds (MSI: "07:33:22:653").
std::optional<ClockTime> parseClock(std::string_view text);

/// A date and time as CMTrace's Copy writes it in the viewer's locale:
/// "3/4/2009 11:16:10 AM", "09/09/2022 14:07:21", "12-11-2010 16:26:12",
/// "2022/05/02 14:43:58". Month first unless the first number cannot be a
/// month; year, month, day when the first number has four digits.
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
