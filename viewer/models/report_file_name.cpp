#include "models/report_file_name.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ccmlog::viewer {

QString reportFileName(const QStringList& inputs) {
  QString name = QStringLiteral("logs");
  if (!inputs.isEmpty()) {
    const QFileInfo first(inputs.front());
    name = first.isDir()
               ? first.absoluteFilePath().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty)
               : first.absoluteDir().dirName() + QLatin1Char('-') + first.completeBaseName();
  }
  static const QRegularExpression unsafe(QStringLiteral(R"([^\w.-]+)"));
  name.replace(unsafe, QStringLiteral("_"));
  return QStringLiteral("ccmlog-report-") + name + QStringLiteral(".html");
}

}  // namespace ccmlog::viewer
