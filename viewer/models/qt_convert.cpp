#include "models/qt_convert.h"

#include <re2/re2.h>

#include <string>

namespace ccmlog::viewer {

QString toQString(std::string_view utf8) {
  return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

std::string toUtf8(const QString& text) { return text.toStdString(); }

QString fromPath(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

QString formatTime(std::optional<Timestamp> local, std::optional<std::int32_t> bias, TimeMode mode) {
  if (!local) return {};
  const auto utc = mode == TimeMode::Utc && bias ? addMinutes(*local, *bias) : std::nullopt;
  QString text = toQString(utc ? formatIso(*utc, Zone::Utc) : formatIso(*local));
  text[10] = QLatin1Char(' ');
  if (mode == TimeMode::Utc && !utc) text += QStringLiteral(" (zone?)");
  return text;
}

QString formatTime(const Location& where, TimeMode mode) { return formatTime(where.local, where.bias, mode); }

QString formatCopiedTime(std::optional<Timestamp> local) {
  if (!local) return {};
  const QString iso = toQString(formatIso(*local));  // YYYY-MM-DDTHH:MM:SS.mmm
  return iso.mid(5, 2) + QLatin1Char('/') + iso.mid(8, 2) + QLatin1Char('/') + iso.mid(0, 4) +
         QLatin1Char(' ') + iso.mid(11, 12);
}

QString formatClock(Timestamp local, std::optional<std::int32_t> bias, TimeMode mode) {
  const auto utc = mode == TimeMode::Utc && bias ? addMinutes(local, *bias) : std::nullopt;
  return toQString(formatIso(utc.value_or(local))).mid(11, 8);
}

QString formatDuration(std::int64_t ticks) {
  const bool negative = ticks < 0;
  const std::uint64_t t =
      negative ? 0 - static_cast<std::uint64_t>(ticks) : static_cast<std::uint64_t>(ticks);
  const std::uint64_t ms = t / 10'000;
  QString text;
  if (ms < 1000) {
    text = QStringLiteral("%1 ms").arg(ms);
  } else if (ms < 60'000) {
    text = QStringLiteral("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 3);
  } else {
    const std::uint64_t h = ms / 3'600'000, min = ms / 60'000 % 60, s = ms / 1000 % 60, rest = ms % 1000;
    text = h ? QStringLiteral("%1 h %2 min %3.%4 s")
                   .arg(h)
                   .arg(min, 2, 10, QLatin1Char('0'))
                   .arg(s, 2, 10, QLatin1Char('0'))
                   .arg(rest, 3, 10, QLatin1Char('0'))
             : QStringLiteral("%1 min %2.%3 s")
                   .arg(min)
                   .arg(s, 2, 10, QLatin1Char('0'))
                   .arg(rest, 3, 10, QLatin1Char('0'));
  }
  return negative ? QStringLiteral("-") + text : text;
}

QString formatThread(std::string_view thread) {
  const QString text = toQString(thread);
  bool ok = false;
  const qulonglong n = text.toULongLong(&ok, 10);
  if (!ok || text.isEmpty() || !text.front().isDigit()) return text;
  return QStringLiteral("%1 (0x%2)")
      .arg(n)
      .arg(QString::number(n, 16).toUpper().rightJustified(4, QLatin1Char('0')));
}

std::optional<Timestamp> parseTime(const QString& text, std::optional<Timestamp> day) {
  // RE2, as every pattern here: linear time whatever is typed.
  static const RE2 pattern(
      R"(\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*)");
  std::string year, month, dayOfMonth, hour, minute, second, fraction;  // empty when absent
  if (!RE2::FullMatch(toUtf8(text), pattern, &year, &month, &dayOfMonth, &hour, &minute, &second,
                      &fraction)) {
    return std::nullopt;
  }
  if (year.empty()) {
    if (!day) return std::nullopt;
    const std::string iso = formatIso(*day);
    year = iso.substr(0, 4);
    month = iso.substr(5, 2);
    dayOfMonth = iso.substr(8, 2);
  }
  const auto number = [](const std::string& digits) { return digits.empty() ? 0 : std::stoi(digits); };
  fraction.resize(7, '0');
  return makeTimestamp(number(year), number(month), number(dayOfMonth), number(hour), number(minute),
                       number(second), std::stoll(fraction));
}

}  // namespace ccmlog::viewer
