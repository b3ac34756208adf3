// ccmlog/finding.h: a diagnosis: what went wrong, why, what to do, and the
// lines that prove it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ccmlog/export.h"
#include "ccmlog/location.h"

namespace ccmlog {

enum class FindingSeverity : std::uint8_t { Info, Warning, Error };
enum class Confidence : std::uint8_t { Low, Medium, High };

/// A log line a finding rests on.
struct Evidence {
  Location where;
  std::string text;
};

/// A rule-specific value: nothing (null), a number, a flag or a text.
using DetailValue = std::variant<std::monostate, std::int64_t, bool, std::string>;

struct Detail {
  std::string name;
  DetailValue value;
};

struct Finding {
  std::string rule;          ///< stable id, e.g. "service-context-source-access"
  FindingSeverity severity = FindingSeverity::Info;
  Confidence confidence = Confidence::Medium;
  std::string title;         ///< one line
  std::string explanation;   ///< plain words for a helpdesk person; times in the clock diagnosis was given
  std::string remedy;
  std::vector<Evidence> evidence;  ///< in log order
  std::vector<Detail> details;     ///< rule-specific, in a stable order
  /// The rule id of the finding that explains this one (a consequence of it);
  /// empty for a root cause.
  std::string causedBy;
  /// About an attempt that a later one superseded: history, at most a warning.
  bool history = false;
  std::vector<Location> times;     ///< the times title and explanation mention, in order
};

CCMLOG_EXPORT std::string_view toString(FindingSeverity severity);  ///< "info", "warning", "error"
CCMLOG_EXPORT std::string_view toString(Confidence confidence);     ///< "low", "medium", "high"

}  // namespace ccmlog
