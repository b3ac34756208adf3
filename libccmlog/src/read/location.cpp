#include "ccmlog/basics.h"

namespace ccmlog {

std::string formatTime(const Location& where, Clock clock) {
  if (clock == Clock::Utc) {
    if (const auto utc = where.utc()) return formatIso(*utc, Zone::Utc);
    if (where.local && where.bias) return formatIso(*where.local) + " (UTC outside the years 1400-9999)";
    if (where.local) return formatIso(*where.local) + " (time zone unknown)";
    return {};
  }
  return where.local ? formatIso(*where.local) : std::string();
}

}  // namespace ccmlog
