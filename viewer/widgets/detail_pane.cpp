#include "widgets/detail_pane.h"

#include <QFontDatabase>
#include <QVBoxLayout>

#include "models/error_code_scan.h"

namespace ccmlog::viewer {

DetailPane::DetailPane(LogSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      where_(new QLabel(this)),
      message_(new QPlainTextEdit(this)),
      codes_(new QLabel(this)) {
  message_->setReadOnly(true);
  message_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  message_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  where_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  codes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  codes_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->setSpacing(2);
  layout->addWidget(where_);
  layout->addWidget(message_, 1);
  layout->addWidget(codes_);
  connect(&session, &LogSession::aboutToReset, this, [this] { showEntry(std::nullopt); });
  showEntry(std::nullopt);
}

void DetailPane::setTimeMode(TimeMode mode) {
  timeMode_ = mode;
  showEntry(shown_);
}

void DetailPane::showEntry(std::optional<EntryId> id) {
  shown_ = id;
  const LogIndex& logs = session_.index();
  if (!id || value(*id) >= logs.size()) {
    where_->setText(tr("Select a line to see all of it here."));
    message_->clear();
    codes_->clear();
    codes_->hide();
    return;
  }
  const IndexEntry& e = logs[*id];
  QString where =
      tr("<b>%1</b>, line %2").arg(toQString(logs.file(e.fileIndex()).name).toHtmlEscaped()).arg(e.line);
  if (e.local()) {
    where += QStringLiteral(" · ") + formatTime(e.local(), e.utcBias(), TimeMode::Local);
    if (e.utc())
      where += tr(" (UTC %1)").arg(formatTime(e.local(), e.utcBias(), TimeMode::Utc));
    else if (timeMode_ == TimeMode::Utc)
      where += tr(" (time zone unknown)");
  }
  where += QStringLiteral(" · ") + toQString(logs.component(e.component)).toHtmlEscaped() +
           tr(" · thread %1").arg(formatThread(logs.thread(e.thread)).toHtmlEscaped()) +
           QStringLiteral(" · ") + toQString(toString(e.severity())) + QStringLiteral(" · ") +
           toQString(toString(e.kind()));
  where_->setText(where);
  const std::string& message = session_.texts().message(*id);
  message_->setPlainText(toQString(message));
  QStringList lines;
  for (const CodeMention& m : errorCodesIn(message)) {
    QString line = QStringLiteral("<b>%1</b>").arg(toQString(m.written).toHtmlEscaped());
    if (toQString(m.written).compare(toQString(formatErrorCode(m.info.code)), Qt::CaseInsensitive) != 0) {
      line += QStringLiteral(" = ") + toQString(formatErrorCode(m.info.code));
    }
    line += QStringLiteral(" · ") + toQString(toString(m.info.family));
    if (!m.info.name.empty()) line += QStringLiteral(" · ") + toQString(m.info.name);
    line += m.info.known() ? QStringLiteral(": ") + toQString(m.info.text).toHtmlEscaped()
                           : tr(": no text known");
    lines << line;
  }
  codes_->setText(lines.join(QStringLiteral("<br>")));
  codes_->setVisible(!lines.isEmpty());
}

}  // namespace ccmlog::viewer
