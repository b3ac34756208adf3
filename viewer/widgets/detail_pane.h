// detail_pane.h: the whole of the selected record, with its error codes decoded.
//
// The table shows a message's first line; this pane shows all of it (XML
// payloads, stack traces), where and when it was written (local time as
// written and UTC when the bias is known), and under it every error code the
// message mentions with its name and text (error_code_scan.h).
#pragma once

#include <optional>

#include <QLabel>
#include <QPlainTextEdit>
#include <QWidget>

#include "loading/log_session.h"
#include "models/qt_convert.h"

namespace ccmlog::viewer {

class DetailPane : public QWidget {
  Q_OBJECT

 public:
  explicit DetailPane(LogSession& session, QWidget* parent = nullptr);

  /// Shows an entry of the session's index, or nothing.
  void showEntry(std::optional<EntryId> id);
  void setTimeMode(TimeMode mode);

  QString messageText() const { return message_->toPlainText(); }
  QString codesText() const { return codes_->text(); }

 private:
  LogSession& session_;
  std::optional<EntryId> shown_;
  TimeMode timeMode_ = TimeMode::Local;
  QLabel* where_;
  QPlainTextEdit* message_;
  QLabel* codes_;
};

}  // namespace ccmlog::viewer
