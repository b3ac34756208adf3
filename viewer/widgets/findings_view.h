// findings_view.h: the findings panel: what went wrong, why, what to do, and the lines that prove it.
//
// A tree view over FindingsModel, always expanded. A finding row shows its
// severity badge, title, explanation, remedy and rule, wrapped to the panel's
// width; an evidence row shows file:line, time and text on one line. Clicking
// (or Enter on) an evidence row emits evidenceActivated; on a finding row it
// means its first evidence.
#pragma once

#include <QString>
#include <QTreeView>

namespace ccmlog::viewer {

class FindingsView : public QTreeView {
  Q_OBJECT

 public:
  explicit FindingsView(QWidget* parent = nullptr);

  void setModel(QAbstractItemModel* model) override;
  /// The text shown while there are no findings ("Loading…", "No problems found").
  void setPlaceholder(const QString& text);
  QString placeholder() const { return placeholder_; }

 signals:
  /// An evidence row (of the model) was clicked or activated.
  void evidenceActivated(const QModelIndex& evidence);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  void activate(const QModelIndex& index);

  QString placeholder_;
};

}  // namespace ccmlog::viewer
