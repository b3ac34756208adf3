// ccmlog/location.h: where and when something was written.
#pragma once

#include <cstdint>
#include <optional>

#include "ccmlog/numbers.h"
#include "ccmlog/timestamp.h"

namespace ccmlog {

/// Index of an input file in the order the analysis read them.
enum class FileIndex : std::uint32_t {};
constexpr std::uint32_t value(FileIndex n) { return static_cast<std::uint32_t>(n); }

/// A record's place: file, first physical line, and time as written.
struct Location {
  FileIndex file{};
  LineNumber line{1};
  std::optional<Timestamp> local;   ///< as written, in the writer's zone
  std::optional<std::int32_t> bias; ///< minutes; UTC = local + bias

  std::optional<Timestamp> utc() const {
    if (!local || !bias) return std::nullopt;
    return addMinutes(*local, *bias);
  }
};

/// Time from `a` to `b` in 100 ns ticks: by UTC when both know it, by local
/// time otherwise (same writer, same zone); nullopt when they cannot be compared.
inline std::optional<std::int64_t> ticksBetween(const Location& a, const Location& b) {
  if (a.utc() && b.utc()) return b.utc()->ticks - a.utc()->ticks;
  if (a.local && b.local) return b.local->ticks - a.local->ticks;
  return std::nullopt;
}

}  // namespace ccmlog
