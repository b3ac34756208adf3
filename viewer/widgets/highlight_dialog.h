// highlight_dialog.h: the highlight rules, edited as a list with a colour picker.
//
// A rule colours the rows whose message holds a text (case-insensitive) or
// matches an RE2 pattern. Rules are kept (in QSettings) as text, one per
// line: a colour, then the text, or "re:" and a pattern:
//
//   yellow retry
//   #c8f0c8 re:Download (complete|succeeded)
//
// The dialog shows them as rows of a table: the colour as a swatch (click it
// to pick another in QColorDialog), the text, and a Regex box.
#pragma once

#include <QColor>
#include <QDialog>
#include <QString>
#include <vector>

#include "models/row_filter.h"

class QTableWidget;

namespace ccmlog::viewer {

/// One rule as written: what colour, what text.
struct HighlightSpec {
  QColor color;
  QString text;
  bool regex = false;
};

/// The rules of a rules text, in order; lines that are no rule (a bad colour, no text) are skipped.
std::vector<HighlightSpec> parseHighlightSpecs(const QString& text);
/// The rules text of `specs`, one line each.
QString formatHighlightSpecs(const std::vector<HighlightSpec>& specs);
/// The rules of a rules text, compiled; `problem` (if given) names a rule that is not one.
std::vector<HighlightRule> compileHighlights(const QString& text, QString* problem);

class HighlightDialog : public QDialog {
  Q_OBJECT

 public:
  explicit HighlightDialog(const QString& rules, QWidget* parent = nullptr);

  /// The rules as edited, as a rules text.
  QString rules() const;
  /// Adds a row; an invalid colour picks a light one.
  void addRule(const HighlightSpec& spec);
  QTableWidget& table() { return *table_; }

 private:
  void pickColor(int row);

  QTableWidget* table_;
};

}  // namespace ccmlog::viewer
