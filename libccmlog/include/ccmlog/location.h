// ccmlog/location.h: where and when something was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ccmlog/export.h"

#include "ccmlog/numbers.h"
#include "ccmlog/timestamp.h"

namespace ccmlog {

/// Index of an input file in the order the analysis read them.
enum class FileIndex : std::uint32_t {};
constexpr std::uint32_t value(FileIndex n) { return static_cast<std::uint32_t>(n); }

/// A record's place: file, first physical line, time as written, and the
/// thread that wrote it (which tells one ccmsetup process's lines from another's).
struct Location {
  FileIndex file{};
  LineNumber line{1};
  std::optional<Timestamp> local;   ///< as written, in the writer's zone
  std::optional<std::int32_t> bias; ///< minutes; UTC = local + bias
  std::optional<std::uint32_t> thread;  ///< the writer's thread id; nullopt when the format has none

  /// local + bias; nullopt when either is unknown or the sum leaves the years 1400..9999.
  std::optional<Timestamp> utc() const {
    if (!local || !bias) return std::nullopt;
    return addMinutes(*local, *bias);
  }
};

/// The clock a face shows times in: local as written, or UTC (= local + bias).
enum class Clock : std::uint8_t { Local, Utc };

/// A location's time in `clock`, ISO 8601: local as written ("2023-01-17T09:41:11.572"),
/// or UTC with "Z"; UTC asked of a time without bias is the local one plus
/// " (time zone unknown)", of one whose UTC leaves the calendar the local one plus
/// " (UTC outside the years 1400-9999)". Empty when the record has no time.
CCMLOG_EXPORT std::string formatTime(const Location& where, Clock clock);

/// Time from `a` to `b` in 100 ns ticks: by UTC when both know it, by local
/// time otherwise (same writer, same zone); nullopt when they cannot be compared.
inline std::optional<std::int64_t> ticksBetween(const Location& a, const Location& b) {
  if (a.utc() && b.utc()) return b.utc()->ticks - a.utc()->ticks;
  if (a.local && b.local) return b.local->ticks - a.local->ticks;
  return std::nullopt;
}

}  // namespace ccmlog
