#include "read/line_formats.h"

#include <string>

namespace ccmlog::detail {
namespace {

constexpr std::int64_t kTicksPerDay = 24 * 60 * Timestamp::kTicksPerMinute;

std::string_view trimRight(std::string_view s, std::string_view chars = " ") {
  const size_t end = s.find_last_not_of(chars);
  return end == std::string_view::npos ? std::string_view{} : s.substr(0, end + 1);
}

bool consume(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// "3264 (0x0CC0)" → "3264"; nullopt when the text has another shape.
std::optional<std::string_view> threadColumn(std::string_view s) {
  const size_t space = s.find(" (0x");
  if (space == std::string_view::npos || space == 0 || !s.ends_with(')')) return std::nullopt;
  const std::string_view number = s.substr(0, space);
  if (!parseDecimal(number)) return std::nullopt;
  const std::string_view hex = s.substr(space + 4, s.size() - space - 5);
  if (hex.empty() || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
    return std::nullopt;
  }
  return number;
}

void setLocaleTime(const LocaleDateTime& dt, Record& out) {
  out.local = toTimestamp(dt.date, dt.clock);
  if (!out.local) out.flags |= kBadTime;
  if (dt.ambiguous) out.flags |= kAmbiguousDate;
}

// Removes the last space-separated token of `s` and returns it.
std::string_view popToken(std::string_view& s) {
  s = trimRight(s);
  const size_t space = s.rfind(' ');
  const std::string_view token = space == std::string_view::npos ? s : s.substr(space + 1);
  s = space == std::string_view::npos ? std::string_view{} : s.substr(0, space);
  return token;
}

std::optional<Timestamp> msiTime(MsiClock& clock, const ClockTime& time) {
  if (!clock.midnight) return std::nullopt;
  auto t = makeTimestamp(1970, 1, 1, time.hour, time.minute, time.second, time.fractionTicks);
  if (!t) return std::nullopt;
  Timestamp local{clock.midnight->ticks + t->ticks};
  // MSI lines carry no date: a time far before the last one means a new day.
  if (clock.last && local.ticks < clock.last->ticks - kTicksPerDay / 2) {
    clock.midnight = Timestamp{clock.midnight->ticks + kTicksPerDay};
    local.ticks += kTicksPerDay;
  }
  clock.last = local;
  return local;
}

// "=== Verbose logging started: 1/17/2023  7:33:22  Build type: … ===".
void readMsiHeader(std::string_view line, MsiClock& clock, Record& out) {
  const size_t colon = line.find(": ");
  if (colon == std::string_view::npos) return;
  std::string_view rest = line.substr(colon + 2);
  const size_t dateEnd = rest.find(' ');
  const auto date = parseMonthDayYear(rest.substr(0, dateEnd), '/');
  if (!date || dateEnd == std::string_view::npos) return;
  const size_t timeStart = rest.find_first_not_of(' ', dateEnd);
  if (timeStart == std::string_view::npos) return;  // cut after the date
  rest = rest.substr(timeStart);
  const auto time = parseClock(rest.substr(0, rest.find(' ')));
  if (!time) return;
  const auto midnight = makeTimestamp(date->year, date->month, date->day, 0, 0, 0, 0);
  if (!midnight) {
    out.flags |= kBadTime;
    return;
  }
  clock.midnight = midnight;
  clock.last.reset();
  out.local = msiTime(clock, *time);
}

// The date and time at the end of `rest` ("3/4/2009 11:16:10 AM"), taken off it; nullopt when there is none.
std::optional<LocaleDateTime> popLocaleDateTime(std::string_view& rest) {
  std::string_view time = popToken(rest);
  std::string_view meridiem;
  if (time == "AM" || time == "PM") {
    meridiem = time;
    time = popToken(rest);
  }
  const std::string_view date = popToken(rest);
  std::string stamp;
  stamp.append(date).append(" ").append(time);
  if (!meridiem.empty()) stamp.append(" ").append(meridiem);
  return parseLocaleDateTime(stamp);
}

}  // namespace

std::optional<size_t> parseSmsTrailer(std::string_view line, Record& out) {
  const size_t at = line.rfind("$$<");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = trimRight(line.substr(at + 3));
  const size_t componentEnd = rest.find("><");
  if (componentEnd == std::string_view::npos) return std::nullopt;
  const std::string_view component = rest.substr(0, componentEnd);
  rest.remove_prefix(componentEnd + 2);
  const size_t stampEnd = rest.find("><thread=");
  if (stampEnd == std::string_view::npos || !rest.ends_with(">")) return std::nullopt;
  const std::string_view stamp = rest.substr(0, stampEnd);
  const auto thread = threadColumn(rest.substr(stampEnd + 9, rest.size() - stampEnd - 10));
  const size_t space = stamp.find(' ');
  if (!thread || space == std::string_view::npos) return std::nullopt;
  const auto date = parseMonthDayYear(stamp.substr(0, space), '-');
  const auto time = parseBiasedTime(stamp.substr(space + 1));
  out.kind = RecordKind::Sms;
  out.component = component;
  out.thread = *thread;
  if (date && time) {
    out.local = toTimestamp(*date, time->clock);
    out.bias = time->bias;
    if (time->oddSign) out.flags |= kOddBiasSign;
    if (time->badBias) out.flags |= kBadBias;
  }
  if (!out.local) out.flags |= kBadTime;
  return trimRight(line.substr(0, at), " ~").size();
}

bool parseCopiedLine(std::string_view line, Record& out) {
  std::string_view rest = line;
  const auto popColumn = [&rest]() -> std::optional<std::string_view> {
    const size_t tab = rest.rfind('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    const std::string_view column = rest.substr(tab + 1);
    rest = rest.substr(0, tab);
    return column;
  };
  auto last = popColumn();
  if (!last) return false;
  const auto thread = threadColumn(*last);
  const auto when = thread ? popColumn() : last;
  const auto component = popColumn();
  if (!when || !component) return false;
  const auto dt = parseLocaleDateTime(*when);
  if (!dt) return false;
  out.kind = RecordKind::Copied;
  out.message = rest;
  out.component = *component;
  if (thread) out.thread = *thread;
  setLocaleTime(*dt, out);
  out.severity = severityFromWords(rest);
  return true;
}

bool parsePastedLine(std::string_view line, Record& out) {
  std::string_view rest = trimRight(line);
  // An optional thread "N (0xN)" written after the time.
  std::optional<std::string_view> thread;
  if (rest.ends_with(')')) {
    const size_t open = rest.rfind(" (0x");
    const size_t space = open == std::string_view::npos ? open : rest.rfind(' ', open - 1);
    if (space != std::string_view::npos) {
      thread = threadColumn(rest.substr(space + 1));
      if (thread) rest = rest.substr(0, space);
    }
  }
  // "… component date time", or, as some locales' copy writes it, "… date time component".
  const std::string_view beforeTime = rest;
  std::string_view component;
  auto dt = popLocaleDateTime(rest);
  if (dt) {
    component = popToken(rest);
  } else {
    rest = beforeTime;
    component = popToken(rest);
    dt = popLocaleDateTime(rest);
  }
  if (!dt || component.empty()) return false;
  out.kind = RecordKind::Pasted;
  out.message = trimRight(rest);
  out.component = component;
  if (thread) out.thread = *thread;
  setLocaleTime(*dt, out);
  out.severity = severityFromWords(out.message);
  return true;
}

bool parseStrayLine(std::string_view line, Record& out) {
  if (const auto messageLength = parseSmsTrailer(line, out)) {
    out.message = line.substr(0, *messageLength);
    out.severity = severityFromWords(out.message);
    return true;
  }
  return parseCopiedLine(line, out) || parsePastedLine(line, out);
}

bool parseMsiLine(std::string_view line, MsiClock& clock, Record& out) {
  std::string_view rest = line;
  if (consume(rest, "=== ")) {
    out.component = "MSI";
    out.message = line;
    if (rest.find("ogging started: ") != std::string_view::npos ||
        rest.find("ogging stopped: ") != std::string_view::npos) {
      readMsiHeader(rest, clock, out);
    }
  } else if (consume(rest, "MSI (")) {
    // MSI (s) (60:70) [07:33:22:653]: message
    const size_t close = rest.find(") (");
    const size_t bracket = rest.find(") [");
    const size_t end = rest.find("]: ");
    if (close == std::string_view::npos || bracket == std::string_view::npos ||
        end == std::string_view::npos || !(close < bracket && bracket < end)) {
      return false;
    }
    out.component = line.substr(0, 5 + close + 1);
    out.thread = rest.substr(close + 3, bracket - close - 3);
    const auto time = parseClock(rest.substr(bracket + 3, end - bracket - 3));
    if (time) out.local = msiTime(clock, *time);
    out.message = rest.substr(end + 3);
  } else if (consume(rest, "Action start ") || consume(rest, "Action ended ")) {
    const size_t colon = rest.find(": ");
    if (colon == std::string_view::npos) return false;
    const auto time = parseClock(rest.substr(0, colon));
    if (!time) return false;
    out.local = msiTime(clock, *time);
    out.component = "MSI";
    out.message = line;
  } else if (line.starts_with("Property(") && line.find("): ") != std::string_view::npos) {
    out.component = "MSI";
    out.message = line;
  } else {
    return false;
  }
  out.kind = RecordKind::Msi;
  out.severity = severityFromWords(out.message);
  return true;
}

}  // namespace ccmlog::detail
