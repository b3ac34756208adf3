// qt_convert.h: the one place where the library's std types meet Qt types.
//
// The library speaks UTF-8 std::string_view, std::filesystem::path and its own
// Timestamp; Qt widgets speak QString and QDateTime. Every crossing goes
// through these functions, so that encodings and time zones are decided once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <QString>

#include "ccmlog/basics.h"

namespace ccmlog::viewer {

/// UTF-8 text to a QString (invalid bytes become U+FFFD).
QString toQString(std::string_view utf8);
/// A QString to UTF-8.
std::string toUtf8(const QString& text);

/// A path as the user should see it, and back.
QString fromPath(const std::filesystem::path& path);
std::filesystem::path toPath(const QString& path);

/// How times are shown: as written in the log (local to the machine), or in UTC.
enum class TimeMode : std::uint8_t { Local, Utc };

/// "2023-01-17 09:41:07.449"; in Utc mode "2023-01-17 14:41:07.449Z", or the
/// local time followed by " (zone?)" when the bias is unknown. Empty without a time.
QString formatTime(std::optional<Timestamp> local, std::optional<std::int32_t> bias, TimeMode mode);
QString formatTime(const Location& where, TimeMode mode);
/// A time as CMTrace's Copy writes it (month first, 24 hours): "01/17/2023 09:41:07.449".
QString formatCopiedTime(std::optional<Timestamp> local);
/// "09:41:07" (seconds only, for axes and compact lists), shifted to UTC in Utc mode when the bias is known.
QString formatClock(Timestamp local, std::optional<std::int32_t> bias, TimeMode mode);

/// A duration of 100 ns ticks as a person reads it: "350 ms", "1.5 s", "1 h 00 min 01.000 s".
QString formatDuration(std::int64_t ticks);

/// A thread as CMTrace shows it: "3264 (0x0CC0)"; anything not decimal as written.
QString formatThread(std::string_view thread);

/// A Timestamp from "YYYY-MM-DD HH:MM[:SS[.fff]]" (or with a 'T'), or from a
/// bare "HH:MM[:SS[.fff]]" on the date of `day`; nullopt when it is neither.
std::optional<Timestamp> parseTime(const QString& text, std::optional<Timestamp> day);

}  // namespace ccmlog::viewer
