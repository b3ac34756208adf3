// ccmlog/diagnosis.h (internal): the rules that turn a Timeline into Findings.
//
//   std::vector<ccmlog::Finding> findings = ccmlog::diagnose(timeline);
//
// Every rule of rules/ (one file per family, one registry list) runs over the
// timeline. A finding that another explains (no distribution point because
// the client has no certificate) names it in Finding::causedBy. They come
// back headline first: root causes by severity, then confidence, then
// specificity (registry order); the consequences after, each after its cause.
// A finding about an attempt that a later one superseded is history (at most
// a warning). Known-benign lines never produce a finding.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"

namespace ccmlog {

std::vector<Finding> diagnose(const Timeline& timeline, const DiagnosisOptions& options = {});

/// The ids of all rules: those of code in registry order, then those the
/// built-in knowledge entries make alone (for documentation and tests).
std::vector<std::string_view> ruleIds();

}  // namespace ccmlog
