// timeline_widget.h: the timeline strip: what each ccmsetup process did, and when.
//
// One lane per run, labelled with its account, process id and how it ended;
// a user account is blue and SYSTEM (the service) orange, lane and label
// alike. Phases that lasted are bars on a shared time axis
// (timeline_scale.h), green when they succeeded, red when they failed, grey
// when unfinished; failures are red marks above the bars and retries amber
// ones; an orange arrow shows the hand-off from the process that created the
// service to the service's run. The axis labels are thinned to those that fit.
// The widget asks for the height of every lane and, zoomed, for a multiple of
// its scroll area's width: a log of thousands of runs scrolls to the last,
// and Ctrl+wheel asks to zoom (zoomRequested) to tell apart runs that fit
// in one pixel. The axis and the lane labels stay at the top and left of what
// is shown. Hovering shows details; clicking a bar, mark or label emits the
// Location to jump to.
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "ccmlog/analysis.h"
#include "models/qt_convert.h"
#include "models/timeline_scale.h"

namespace ccmlog::viewer {

class TimelineWidget : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineWidget(QWidget* parent = nullptr);

  /// Shows a report's runs (the report must outlive the next setReport()).
  void setReport(const Report* report);
  void setTimeMode(TimeMode mode);

  /// Widens the strip to `factor` (1 to 64) times its parent's (a scroll area's viewport) width.
  void setZoom(double factor);
  double zoom() const { return zoom_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

  /// Where the lane of a run (an index into Report::runs) is drawn; empty when there is none.
  QRect laneRect(std::size_t run) const;
  /// The place at a point of the widget, if something clickable is there.
  std::optional<Location> locationAt(QPointF point) const;

 signals:
  void locationActivated(const ccmlog::Location& where);
  /// Ctrl+wheel: zoom by `factor` about the point at `x` (of the widget).
  void zoomRequested(double factor, double x);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  // Something drawn that answers hover and click.
  struct Item {
    enum class Kind { Lane, Phase, Failure, Retry };
    Kind kind;
    QRectF rect;
    Location where;
    std::size_t ref = 0;  // index into Report::runs, ::phases or ::events, by kind
  };

  void layoutItems();
  const Item* itemAt(QPointF point) const;
  QString tooltip(const Item& item) const;
  double laneTop(std::size_t run) const;
  double laneHeight(std::size_t run) const;

  const Report* report_ = nullptr;
  TimeMode timeMode_ = TimeMode::Local;
  double zoom_ = 1;
  TimelineScale scale_;
  std::vector<int> subRows_;   // per phase: its row inside its run's lane
  std::vector<int> laneRows_;  // per run: rows of bars
  std::vector<Item> items_;    // in drawing order; hit-tested last first
};

}  // namespace ccmlog::viewer
