// colors.h: the viewer's colours and icons, in one place so that every panel agrees.
//
// Red is for errors and failures only, so that it draws the eye to what went
// wrong; a user account is blue and SYSTEM is orange wherever a run is shown.
#pragma once

#include <QColor>
#include <QIcon>

#include "ccmlog/analysis.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/timeline.h"

namespace ccmlog::viewer {

/// Row tint of a log record: light red for errors, light yellow for warnings, none otherwise.
QColor rowBackground(Severity severity);
/// Row text colour: grey for verbose records, none otherwise.
QColor rowForeground(Severity severity);

QColor findingColor(FindingSeverity severity);
/// A round badge: a cross for errors, "!" for warnings, "i" for infos.
QIcon findingIcon(FindingSeverity severity);
/// A blue bookmark ribbon, for bookmarked rows.
QIcon bookmarkIcon();

/// A run's account: blue for a user, orange for SYSTEM (the service).
QColor accountColor(bool system);
QColor phaseColor(PhaseState state);

/// Banner colours for an outcome: strong red, green, amber or grey.
QColor outcomeColor(OutcomeStatus status);

}  // namespace ccmlog::viewer
