// verdict.h: whether a machine needs attention; the rule behind exit status 1
// of analyze and scan.
#pragma once

#include <algorithm>

#include "ccmlog/analysis.h"

namespace ccmlog::cli {

/// True when the install failed or a finding is an error.
inline bool hasErrors(const Report& report) {
  return report.timeline.outcome.status == OutcomeStatus::Failed ||
         std::any_of(report.findings.begin(), report.findings.end(),
                     [](const Finding& f) { return f.severity == FindingSeverity::Error; });
}

}  // namespace ccmlog::cli
