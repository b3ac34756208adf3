#include "widgets/outcome_banner.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "ccmlog/error_codes.h"
#include "models/qt_convert.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

QString badgeFor(const Outcome& outcome) {
  switch (outcome.status) {
    case OutcomeStatus::Failed:
      return QObject::tr("FAILED");
    case OutcomeStatus::Success:
      if (outcome.operation == Operation::Uninstall) return QObject::tr("UNINSTALLED");
      if (!outcome.product.empty() && !isClientProduct(outcome.product)) return QObject::tr("SUCCEEDED");
      return QObject::tr("INSTALLED");
    case OutcomeStatus::RebootRequired:
      return QObject::tr("REBOOT REQUIRED");
    case OutcomeStatus::InProgress:
      return QObject::tr("IN PROGRESS");
    case OutcomeStatus::Unknown:
      return QObject::tr("UNKNOWN");
  }
  return {};
}

// What the outcome is about, when that is not a ccmsetup install: "Uninstall · ".
QString aboutLine(const Outcome& outcome) {
  QString about;
  if (!outcome.product.empty()) {
    about = isClientProduct(outcome.product)
                ? QObject::tr("%1 (its Windows Installer log)").arg(toQString(outcome.product))
                : QObject::tr("%1 (a Windows Installer log; not the Configuration Manager client)")
                      .arg(toQString(outcome.product));
  }
  if (outcome.operation && *outcome.operation != Operation::Install) {
    const QString op = toQString(toString(*outcome.operation));
    about = about.isEmpty() ? op.left(1).toUpper() + op.mid(1) : about + QStringLiteral(", ") + op;
  }
  return about.isEmpty() ? about : about + QStringLiteral(" · ");
}

QString codeLine(const Report& report) {
  const Outcome& outcome = report.timeline.outcome;
  const QString exitWord = outcome.product.empty() ? QObject::tr("ccmsetup exit code %1")
                                                   : QObject::tr("Windows Installer status %1");
  if (outcome.errorCode) {
    const ErrorInfo info = lookupError(*outcome.errorCode);
    QString text = aboutLine(outcome) + QObject::tr("Error %1").arg(toQString(formatErrorCode(info.code)));
    if (!info.name.empty()) text += QStringLiteral(" ") + toQString(info.name);
    if (info.known()) text += QStringLiteral(": ") + toQString(info.text);
    if (outcome.exitCode)
      text += QStringLiteral("   (") + exitWord.arg(*outcome.exitCode) + QStringLiteral(")");
    return text;
  }
  if (outcome.exitCode) return aboutLine(outcome) + exitWord.arg(*outcome.exitCode);
  switch (outcome.status) {
    case OutcomeStatus::Success:
      return QObject::tr("ccmsetup finished and reported success.");
    case OutcomeStatus::InProgress:
      return QObject::tr("ccmsetup has not finished: it may still be running, or waiting to retry.");
    case OutcomeStatus::Unknown:
      return report.timeline.runs.empty() ? QObject::tr("No ccmsetup run in these logs.")
                                          : QObject::tr("These logs do not say how setup ended.");
    default:
      return {};
  }
}

// "name: note" for each file that could not be read, is empty or is in no log format.
QString fileNotes(const Report& report) {
  QStringList notes;
  for (const FileReport& file : report.files) {
    const std::string note = fileNote(file);
    if (!note.empty()) notes << toQString(file.path.filename().string() + ": " + note);
  }
  return notes.join(QLatin1Char('\n'));
}

}  // namespace

OutcomeBanner::OutcomeBanner(QWidget* parent)
    : QFrame(parent), badge_(new QLabel(this)), code_(new QLabel(this)), reason_(new QLabel(this)) {
  setAutoFillBackground(true);
  setCursor(Qt::PointingHandCursor);
  badge_->setAlignment(Qt::AlignCenter);
  badge_->setMinimumWidth(150);
  QFont badgeFont = font();
  badgeFont.setBold(true);
  badgeFont.setPointSizeF(badgeFont.pointSizeF() * 1.6);
  badge_->setFont(badgeFont);
  QFont reasonFont = font();
  reasonFont.setBold(true);
  reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.3);
  reason_->setFont(reasonFont);
  reason_->setWordWrap(true);
  code_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* text = new QVBoxLayout;
  text->setSpacing(2);
  text->addWidget(code_);
  text->addWidget(reason_);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(8, 6, 12, 6);
  row->setSpacing(14);
  row->addWidget(badge_);
  row->addLayout(text, 1);
  setReport(Report{}, std::nullopt);
}

void OutcomeBanner::setReport(const Report& report, std::optional<int> loadingPercent) {
  const OutcomeStatus status = report.timeline.outcome.status;
  const QColor color = outcomeColor(status);
  badge_->setText(badgeFor(report.timeline.outcome));
  badge_->setStyleSheet(
      QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 8px 14px; }")
          .arg(color.name()));
  QColor tint = color;
  tint.setAlpha(30);
  setStyleSheet(
      QStringLiteral("ccmlog--viewer--OutcomeBanner { background: %1; border-bottom: 2px solid %2; }")
          .arg(tint.name(QColor::HexArgb), color.name()));
  QString code = codeLine(report);
  if (loadingPercent) code = tr("Reading the logs… %1%   ").arg(*loadingPercent) + code;
  code_->setText(code);
  if (report.files.empty() && !loadingPercent) {  // nothing open yet
    badge_->setText(tr("NO LOGS"));
    code_->setText(tr("Which machine failed to install the client?"));
    reason_->setText(tr("Open its ccmsetup.log (Ctrl+O), or drop its log folder on this window."));
  } else if (!report.findings.empty()) {
    reason_->setText(toQString(report.findings.front().title));
  } else if (status == OutcomeStatus::Success) {
    reason_->setText(tr("No problems found."));
  } else if (loadingPercent) {
    reason_->setText(tr("Looking for the cause…"));
  } else {
    const QString notes = fileNotes(report);
    // Without a run there is no install to explain: the log is there to be read.
    reason_->setText(!notes.isEmpty() ? notes
                     : report.timeline.runs.empty()
                         ? tr("Nothing about a client install here: the log is shown below.")
                         : tr("No known cause found in these logs."));
  }
  QPalette pal = reason_->palette();
  pal.setColor(QPalette::WindowText, report.findings.empty()
                                         ? QColor(0x33, 0x33, 0x33)
                                         : findingColor(report.findings.front().severity).darker(125));
  reason_->setPalette(pal);
}

void OutcomeBanner::mousePressEvent(QMouseEvent*) { emit clicked(); }

}  // namespace ccmlog::viewer
