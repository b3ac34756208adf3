// timeline_svg.h: the runs of a report drawn as a timeline, in inline SVG.
//
// One lane per ccmsetup process: who ran it (process id, account), whether it
// was the service, what it did, a bar from its first to its last line (the
// deciding run in the outcome's colour), a mark where a finding's evidence
// lies, and a dashed arrow where a bootstrap handed over to the service. The
// axis tells times in the clock given. Logs with no times (excerpts) get no
// drawing, and very many runs only their latest lanes.
#pragma once

#include <string>

#include "ccmlog/analysis.h"

namespace ccmlog::html {

/// Lanes drawn at most; earlier runs are counted in a line above the drawing.
inline constexpr size_t kTimelineLanes = 12;

/// The drawing, or an empty string when no run has a time.
std::string timelineSvg(const Report& report, Clock clock);

}  // namespace ccmlog::html
