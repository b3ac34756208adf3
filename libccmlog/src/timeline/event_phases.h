// timeline/event_phases.h (internal): which phase of a run each event belongs to, and
// whether it moves that phase forward, completes it or fails it, as its
// kind's row in the table of kinds (classify/event_kinds.h) says.
#pragma once

#include <optional>

#include "ccmlog/timeline.h"
#include "classify/event_kinds.h"

namespace ccmlog::detail {

/// The phase step an event makes; nullopt for events outside any phase
/// (run banner, version, account, benign lines).
std::optional<PhaseStep> phaseStepOf(const Event& event);

}  // namespace ccmlog::detail
