// report_html.h: the findings report as one self-contained HTML file.
//
// For a ticket or an e-mail: the outcome, the files read, the runs, and each
// finding with its explanation, remedy and evidence lines. One file, inline
// CSS, no scripts and nothing fetched; every text that comes from a log is
// HTML-escaped, so a log line cannot inject markup.
#pragma once

#include <QString>
#include <QStringList>

#include "ccmlog/analysis.h"
#include "qt_convert.h"

namespace ccmlog::viewer {

/// The report as an HTML page; `title` names the machine or file.
QString reportHtml(const Report& report, const QString& title, TimeMode mode);

/// The file name to offer for the report of `inputs`: "ccmlog-report-NAME.html", NAME the folder
/// opened (a machine's log folder) or, for a file, its folder and base name ("PC042-ccmsetup");
/// characters that a file name cannot hold become '_'.
QString reportFileName(const QStringList& inputs);

}  // namespace ccmlog::viewer
