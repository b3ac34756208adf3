// filter_bar.h: the bar that narrows the log table.
//
// Text (a case-insensitive substring, or an RE2 pattern with "Regex" on),
// severity toggles, component, thread and file lists, and a time range
// ("09:45", or "2023-01-17 09:45:00"). An invalid pattern or time is shown in
// red beside the field and leaves the last valid filter in place. changed() is
// emitted when the filter (filter()) is different; typing is debounced.
#pragma once

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QWidget>
#include <array>

#include "loading/log_session.h"
#include "models/row_filter.h"

namespace ccmlog::viewer {

class FilterBar : public QWidget {
  Q_OBJECT

 public:
  explicit FilterBar(LogSession& session, QWidget* parent = nullptr);

  /// The filter the fields describe (the last valid one when a field is invalid).
  const RowFilter& filter() const { return filter_; }
  /// What is wrong with the fields, or empty.
  QString problem() const { return problem_->text(); }

  /// Puts the cursor in the text field.
  void focusText();
  /// Empties every field.
  void clear();

  /// What a saved session keeps of the filter (the lists name ids of one load only).
  struct Kept {
    QString text;
    bool regex = false;
    std::array<bool, 4> severities{true, true, true, true};  ///< shown, by Severity
  };
  Kept kept() const;
  /// Empties every field, then sets those `kept` names and applies them at once.
  void restore(const Kept& kept);

  QLineEdit* textField() const { return text_; }
  QCheckBox* regexBox() const { return regex_; }
  QToolButton* severityButton(Severity severity) const {
    return severities_[static_cast<std::size_t>(severity)];
  }
  QComboBox* componentBox() const { return component_; }
  QLineEdit* fromField() const { return from_; }

 signals:
  void changed();

 private:
  void refreshLists();
  void apply();

  LogSession& session_;
  RowFilter filter_;
  QLineEdit* text_;
  QCheckBox* regex_;
  std::array<QToolButton*, 4> severities_{};
  QComboBox* component_;
  QComboBox* thread_;
  QComboBox* file_;
  QLineEdit* from_;
  QLineEdit* to_;
  QLabel* problem_;
  QTimer debounce_;
};

}  // namespace ccmlog::viewer
