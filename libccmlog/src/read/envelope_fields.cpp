#include "read/envelope_fields.h"

namespace ccmlog::detail {
namespace {

using common_shape::isDigit;

// Reads 1..maxDigits digits at text[i], advancing i.
std::optional<int> readNumber(std::string_view text, size_t& i, size_t maxDigits) {
  const size_t start = i;
  int value = 0;
  while (i < text.size() && isDigit(text[i]) && i - start < maxDigits) {
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  if (i == start) return std::nullopt;
  return value;
}

bool expect(std::string_view text, size_t& i, char c) {
  if (i < text.size() && text[i] == c) {
    ++i;
    return true;
  }
  return false;
}

// "H:MM:SS" at text[i]; leaves i after the seconds.
std::optional<ClockTime> readHms(std::string_view text, size_t& i) {
  ClockTime t;
  auto h = readNumber(text, i, 2);
  if (!h || !expect(text, i, ':')) return std::nullopt;
  auto m = readNumber(text, i, 2);
  if (!m || !expect(text, i, ':')) return std::nullopt;
  auto s = readNumber(text, i, 2);
  if (!s) return std::nullopt;
  t.hour = *h;
  t.minute = *m;
  t.second = *s;
  return t;
}

// Fraction digits at text[i] as 100 ns ticks; digits past the seventh are cut.
std::int64_t readFraction(std::string_view text, size_t& i, size_t& digits) {
  std::int64_t ticks = 0;
  digits = 0;
  while (i < text.size() && isDigit(text[i])) {
    if (digits < 7) ticks = ticks * 10 + (text[i] - '0');
    ++digits;
    ++i;
  }
  for (size_t d = digits; d < 7; ++d) ticks *= 10;
  return ticks;
}

}  // namespace

std::optional<std::int64_t> parseDecimal(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) {
    if (!isDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<BiasedTime> parseAnyBiasedTime(std::string_view text) {
  size_t i = 0;
  auto clock = readHms(text, i);
  if (!clock) return std::nullopt;
  BiasedTime t;
  t.clock = *clock;
  if (expect(text, i, '.')) {
    size_t digits = 0;
    t.clock.fractionTicks = readFraction(text, i, digits);
    if (digits == 0) return std::nullopt;
  }
  if (i == text.size()) return t;
  int sign = 0;
  while (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    if (sign != 0) t.oddSign = true;
    // In "+-360" the last sign written is the one meant.
    sign = text[i] == '-' ? -1 : 1;
    ++i;
  }
  if (sign == 0) return std::nullopt;
  const std::string_view digits = text.substr(i);
  const auto minutes = parseDecimal(digits);
  if (!minutes) {
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    t.badBias = true;  // all digits, too many of them
    return t;
  }
  if (digits.size() > 4 || *minutes > 24 * 60) {
    t.badBias = true;
    return t;
  }
  t.bias = static_cast<std::int32_t>(sign * *minutes);
  return t;
}

std::optional<CalendarDate> parseAnyMonthDayYear(std::string_view text, char separator) {
  size_t i = 0;
  CalendarDate d;
  auto m = readNumber(text, i, 2);
  if (!m || !expect(text, i, separator)) return std::nullopt;
  auto day = readNumber(text, i, 2);
  if (!day || !expect(text, i, separator)) return std::nullopt;
  const size_t yearStart = i;
  auto y = readNumber(text, i, 4);
  if (!y || i - yearStart != 4 || i != text.size()) return std::nullopt;
  d.month = *m;
  d.day = *day;
  d.year = *y;
  return d;
}

std::optional<ClockTime> parseClock(std::string_view text) {
  size_t i = 0;
  auto clock = readHms(text, i);
  if (!clock) return std::nullopt;
  if (i < text.size() && (text[i] == ':' || text[i] == '.')) {
    ++i;
    size_t digits = 0;
    clock->fractionTicks = readFraction(text, i, digits);
    if (digits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return clock;
}

std::optional<LocaleDateTime> parseLocaleDateTime(std::string_view text) {
  size_t i = 0;
  auto a = readNumber(text, i, 4);
  const bool yearFirst = i == 4;  // "2022/05/02", as a Japanese locale writes it
  if (!a || i == 3 || i >= text.size()) return std::nullopt;
  const char sep = text[i];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  ++i;
  auto b = readNumber(text, i, 2);
  if (!b || !expect(text, i, sep)) return std::nullopt;
  const size_t lastStart = i;
  auto y = readNumber(text, i, yearFirst ? 2 : 4);
  if (!y || (!yearFirst && i - lastStart != 4) || !expect(text, i, ' ')) return std::nullopt;
  while (expect(text, i, ' ')) {
  }
  auto clock = readHms(text, i);
  if (!clock) return std::nullopt;
  if (expect(text, i, '.')) {
    size_t digits = 0;
    clock->fractionTicks = readFraction(text, i, digits);
  }
  const std::string_view rest = text.substr(i);
  if (rest == " AM" || rest == " PM") {
    if (clock->hour < 1 || clock->hour > 12) return std::nullopt;
    clock->hour = clock->hour % 12 + (rest == " PM" ? 12 : 0);
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  LocaleDateTime dt;
  dt.clock = *clock;
  if (yearFirst) {
    dt.date = CalendarDate{*a, *b, *y};
    return dt;
  }
  const bool monthFirst = *a <= 12;
  dt.date = CalendarDate{*y, monthFirst ? *a : *b, monthFirst ? *b : *a};
  dt.ambiguous = monthFirst && *b <= 12 && *a != *b;
  return dt;
}

std::optional<Timestamp> toTimestamp(const CalendarDate& date, const ClockTime& clock) {
  return makeTimestamp(date.year, date.month, date.day, clock.hour, clock.minute, clock.second,
                       clock.fractionTicks);
}

}  // namespace ccmlog::detail
