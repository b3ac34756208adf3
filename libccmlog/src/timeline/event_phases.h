// timeline/event_phases.h (internal): which phase of a run each event belongs to, and
// whether it moves that phase forward, completes it or fails it.
#pragma once

#include <optional>

#include "ccmlog/timeline.h"

namespace ccmlog::detail {

enum class PhaseEffect : std::uint8_t { Progress, Success, Failure };

struct PhaseStep {
  PhaseKind phase;
  PhaseEffect effect;
};

/// The phase step an event makes; nullopt for events outside any phase
/// (run banner, version, account, benign lines).
std::optional<PhaseStep> phaseStepOf(const Event& event);

}  // namespace ccmlog::detail
