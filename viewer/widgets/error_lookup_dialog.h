// error_lookup_dialog.h: CMTrace's Error Lookup (Ctrl+L): what a code means.
//
// Accepts every notation lookupError accepts (0x80070005, 80070005,
// -2147024891, 2147942405, 5) and answers as you type: the code in HRESULT
// form, its family, name and text.
#pragma once

#include <QDialog>
#include <QLabel>
#include <QLineEdit>

namespace ccmlog::viewer {

class ErrorLookupDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ErrorLookupDialog(QWidget* parent = nullptr);

  /// Looks up `code` (as if typed) and shows the dialog.
  void lookUp(const QString& code);
  QString answer() const { return answer_->text(); }

 private:
  void update();

  QLineEdit* code_;
  QLabel* answer_;
};

}  // namespace ccmlog::viewer
