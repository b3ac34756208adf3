// report_file_name.h: the name Export HTML offers for a report's page.
#pragma once

#include <QString>
#include <QStringList>

namespace ccmlog::viewer {

/// The file name to offer for the report of `inputs`: "ccmlog-report-NAME.html", NAME the folder
/// opened (a machine's log folder) or, for a file, its folder and base name ("PC042-ccmsetup");
/// characters that a file name cannot hold become '_'.
QString reportFileName(const QStringList& inputs);

}  // namespace ccmlog::viewer
