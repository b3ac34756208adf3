// page.h: the frame every ccmlog page shares.
//
// One self-contained HTML document: inline CSS and inline SVG only, and a
// Content-Security-Policy that lets the page fetch, run or submit nothing
// (no script, image, font, frame or form target), so it opens offline in any
// browser and nothing a log says can make it call out. Sections are plain
// HTML; <details> folds long parts without a script.
//
//   std::string page = pageStart("ccmlog: PC01");
//   page += "<h1>…</h1>";
//   page += pageEnd();
#pragma once

#include <string>
#include <string_view>

#include "ccmlog/analysis.h"
#include "ccmlog/timeline.h"

namespace ccmlog::html {

/// The document's head and the opening of its body; `title` is escaped.
std::string pageStart(std::string_view title);
/// The closing of the body, with a line saying which ccmlog wrote the page.
std::string pageEnd();

/// The colour of an outcome ("#c62828" for failed) and of a finding's severity.
std::string_view outcomeColor(OutcomeStatus status);
std::string_view severityColor(FindingSeverity severity);

/// A status word as a label: "reboot-required" -> "REBOOT REQUIRED".
std::string shout(std::string_view word);

}  // namespace ccmlog::html
