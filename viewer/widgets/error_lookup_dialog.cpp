#include "widgets/error_lookup_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>

#include "ccmlog/error_codes.h"
#include "models/qt_convert.h"

namespace ccmlog::viewer {

ErrorLookupDialog::ErrorLookupDialog(QWidget* parent)
    : QDialog(parent), code_(new QLineEdit(this)), answer_(new QLabel(this)) {
  setWindowTitle(tr("Error Lookup"));
  code_->setPlaceholderText(tr("0x80070005, 80070005, -2147024891, 2147942405, 5 or ERROR_ACCESS_DENIED"));
  answer_->setWordWrap(true);
  answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  answer_->setMinimumHeight(90);
  answer_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* form = new QFormLayout;
  form->addRow(tr("Error &code:"), code_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(answer_, 1);
  layout->addWidget(buttons);
  connect(code_, &QLineEdit::textChanged, this, &ErrorLookupDialog::update);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(520, 200);
  update();
}

void ErrorLookupDialog::lookUp(const QString& code) {
  code_->setText(code);
  code_->selectAll();
  show();
  raise();
  activateWindow();
  code_->setFocus();
}

void ErrorLookupDialog::update() {
  const QString text = code_->text().trimmed();
  if (text.isEmpty()) {
    answer_->setText(tr("Type an error code in any notation a log uses."));
    return;
  }
  const auto info = lookupError(toUtf8(text));
  if (!info) {
    answer_->setText(QStringLiteral("<span style='color:#c62828'>%1</span>")
                         .arg(toQString(info.error().message).toHtmlEscaped()));
    return;
  }
  QString html =
      QStringLiteral("<b style='font-size:large'>%1</b>").arg(toQString(formatErrorCode(info->code)));
  if (info->win32) html += tr(" &nbsp;(Win32 error %1)").arg(*info->win32);
  html += QStringLiteral("<br>") + tr("Family: %1").arg(toQString(toString(info->family)));
  if (!info->facilityName.empty()) html += QStringLiteral(", ") + toQString(info->facilityName);
  if (!info->name.empty()) html += QStringLiteral("<br>") + tr("Name: <b>%1</b>").arg(toQString(info->name));
  html += QStringLiteral("<br>") +
          (info->known() ? toQString(info->text).toHtmlEscaped() : tr("No text is known for this code."));
  if (!info->hint.empty()) html += QStringLiteral("<br><i>%1</i>").arg(toQString(info->hint).toHtmlEscaped());
  answer_->setText(html);
}

}  // namespace ccmlog::viewer
