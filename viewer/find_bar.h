// find_bar.h: find the next or previous line whose message contains a text.
//
// Searches the rows of the log table (as filtered) from the current row,
// wrapping at the end, like CMTrace's Find (Ctrl+F, F3, Shift+F3). Messages
// are read back from the files on a worker thread, so searching a large log
// leaves the window responsive; a new search, or Escape, cancels the last.
#pragma once

#include <atomic>
#include <memory>

#include <QCheckBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QWidget>

#include "log_table_model.h"

namespace ccmlog::viewer {

class FindBar : public QWidget {
  Q_OBJECT

 public:
  FindBar(LogTableModel& model, QTableView& table, QWidget* parent = nullptr);
  ~FindBar() override;

  /// Shows the bar and puts the cursor in its field.
  void activate();
  /// Finds the next (or previous) match after the current row.
  void find(bool backward);
  bool searching() const { return search_ != nullptr; }

  QLineEdit* field() const { return text_; }
  QString status() const { return status_->text(); }

 signals:
  /// A search ended: found (and selected) or not.
  void finished(bool found);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct Search;

  void done();
  void cancel();
  void dismiss();

  LogTableModel& model_;
  QTableView& table_;
  QLineEdit* text_;
  QCheckBox* regex_;
  QLabel* status_;
  std::unique_ptr<Search> search_;
};

}  // namespace ccmlog::viewer
