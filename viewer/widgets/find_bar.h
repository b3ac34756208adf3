// find_bar.h: find the next or previous line whose message contains a text.
//
// Searches the rows of the log table (as filtered) from the current row,
// wrapping at the end, like CMTrace's Find (Ctrl+F, F3, Shift+F3), and says
// where the match is among all ("3 of 17") or that there is none. The first
// search of a text reads every message back from the files on a worker
// thread, so searching a large log leaves the window responsive; the matching
// rows are kept until the text or the rows change, so F3 after it is at once.
// A new search, or Escape, cancels a running one.
#pragma once

#include <QCheckBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include "models/log_table_model.h"

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
  /// The rows matching the text, once a search has found them; nullopt until then.
  const std::optional<std::vector<int>>& matchingRows() const { return matches_; }

  QLineEdit* field() const { return text_; }
  QString status() const { return status_->text(); }

 signals:
  /// A find ended: found (and selected) or not.
  void finished(bool found);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct Search;

  void done();
  void jump(bool backward);
  void cancel();
  void forget();
  void dismiss();

  LogTableModel& model_;
  QTableView& table_;
  QLineEdit* text_;
  QCheckBox* regex_;
  QLabel* status_;
  std::unique_ptr<Search> search_;
  std::optional<std::vector<int>> matches_;  // ascending rows matching the text, while the rows stay
};

}  // namespace ccmlog::viewer
