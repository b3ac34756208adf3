#include "widgets/timeline_widget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>

#include "ccmlog/error_codes.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

constexpr double kLabelWidth = 250, kAxisHeight = 22, kRowHeight = 15, kLanePadding = 7, kRight = 14;
constexpr double kMinLane = 40, kMark = 9;
constexpr double kMaxZoom = 64, kZoomStep = 1.25;
// Runs less than a second apart share a stretch of the axis: a break between
// them would sit between two labels reading the same second.
constexpr std::int64_t kMinBreak = Timestamp::kTicksPerSecond;

// Which events the strip marks: what failed, and ccmsetup waiting to try again.
std::optional<bool> isFailureMark(EventKind kind) {
  switch (kind) {
    case EventKind::SourceAccessFailed:
    case EventKind::DownloadFailed:
    case EventKind::BitsUnavailable:
    case EventKind::DpLocationFailed:
    case EventKind::AllMpsTried:
    case EventKind::UrlCheckFailed:
    case EventKind::MsiInstallFailed:
    case EventKind::MsiReturnValue3:
    case EventKind::PrerequisiteFailed:
    case EventKind::CertificateMissing:
    case EventKind::SignatureInvalid:
    case EventKind::HashMismatch:
    case EventKind::AlreadyRunning:
    case EventKind::SetupFailed:
      return true;
    case EventKind::WaitingForRetry:
    case EventKind::NextRetry:
    case EventKind::RetryTaskScheduled:
      return false;
    default:
      return std::nullopt;
  }
}

bool isSystem(const Run& run) {
  return run.service || toQString(run.user).compare(QStringLiteral("SYSTEM"), Qt::CaseInsensitive) == 0;
}

QString account(const Run& run) {
  if (!run.user.empty()) {
    return toQString(run.user) + (run.service     ? QObject::tr("  (service)")
                                  : isSystem(run) ? QString()
                                                  : QObject::tr("  (user)"));
  }
  if (run.service) return QObject::tr("SYSTEM  (service)");
  // A Windows Installer log alone has no ccmsetup process: it names its product.
  return run.product.empty() ? QObject::tr("account not in the log") : toQString(run.product);
}

QString ending(const Run& run) {
  if (run.errorCode) return QObject::tr("failed %1").arg(toQString(formatErrorCode(*run.errorCode)));
  if (run.exitCode) return QObject::tr("ended with code %1").arg(*run.exitCode);
  if (run.msiStatus) return QObject::tr("Windows Installer status %1").arg(*run.msiStatus);
  return QObject::tr("no end in the log");
}

// The lane's second line: the process and how it ended (an MSI log has no process).
QString processLine(const Run& run) {
  if (!run.pid && run.msiStatus) return QObject::tr("Windows Installer log · status %1").arg(*run.msiStatus);
  return QObject::tr("process %1 · %2")
      .arg(run.pid ? QString::number(*run.pid) : QObject::tr("?"), ending(run));
}

QString phaseName(PhaseKind kind, const Run& run) {
  switch (kind) {
    case PhaseKind::Bootstrap:
      return QObject::tr("bootstrap");
    case PhaseKind::ServiceHandoff:
      return QObject::tr("hand-off");
    case PhaseKind::LocateSource:
      return QObject::tr("locate source");
    case PhaseKind::Download:
      return QObject::tr("download");
    case PhaseKind::Prerequisites:
      return QObject::tr("prerequisites");
    case PhaseKind::ClientInstall:
      return run.operation == Operation::Uninstall ? QObject::tr("uninstall") : QObject::tr("client install");
    case PhaseKind::Exit:
      return QObject::tr("exit");
  }
  return {};
}

std::int64_t ticksOf(const Location& where) { return where.local ? where.local->ticks : 0; }

// A phase is drawn as a bar when it lasted: the run's last word (Exit) is in
// its lane's label, and a phase of one moment would be a sliver of nothing.
bool drawnAsBar(const Phase& phase) {
  return phase.kind != PhaseKind::Exit && phase.start.local && phase.end.local &&
         ticksOf(phase.end) > ticksOf(phase.start);
}

}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimelineWidget::setReport(const Report* report) {
  report_ = report;
  layoutItems();
  updateGeometry();
  update();
}

void TimelineWidget::setTimeMode(TimeMode mode) {
  timeMode_ = mode;
  layoutItems();
  update();
}

double TimelineWidget::laneHeight(std::size_t run) const {
  return std::max(kMinLane, laneRows_[run] * kRowHeight + 2 * kLanePadding + kMark);
}

double TimelineWidget::laneTop(std::size_t run) const {
  double y = kAxisHeight;
  for (std::size_t i = 0; i < run; ++i) y += laneHeight(i);
  return y;
}

QSize TimelineWidget::sizeHint() const {
  double h = kAxisHeight + 6;
  for (std::size_t i = 0; i < laneRows_.size(); ++i) h += laneHeight(i);
  return {900, static_cast<int>(std::max(h, kAxisHeight + kMinLane))};
}

// Every lane, so that a scroll area around the strip scrolls to the last of many runs;
// zoomed, the scroll area's width times the zoom.
QSize TimelineWidget::minimumSizeHint() const {
  const int fit = parentWidget() ? parentWidget()->width() : 400;
  return {std::max(400, static_cast<int>(fit * zoom_)), sizeHint().height()};
}

void TimelineWidget::setZoom(double factor) {
  zoom_ = std::clamp(factor, 1.0, kMaxZoom);
  updateGeometry();
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier) || event->angleDelta().y() == 0)
    return QWidget::wheelEvent(event);
  emit zoomRequested(event->angleDelta().y() > 0 ? kZoomStep : 1 / kZoomStep, event->position().x());
  event->accept();
}

void TimelineWidget::layoutItems() {
  items_.clear();
  subRows_.clear();
  laneRows_.clear();
  scale_ = {};
  if (!report_) return;
  const Report& r = *report_;
  std::vector<TimelineScale::Segment> spans;
  for (const Run& run : r.timeline.runs) {
    if (run.start.local && run.end.local) spans.push_back({ticksOf(run.start), ticksOf(run.end), 0, 0});
  }
  // A run's span is its own log's lines; a phase from an auxiliary log (client.msi.log) may
  // reach past it: the axis holds both.
  for (const Phase& phase : r.timeline.phases) {
    if (drawnAsBar(phase)) spans.push_back({ticksOf(phase.start), ticksOf(phase.end), 0, 0});
  }
  scale_ = TimelineScale(spans, kLabelWidth + 8, std::max(100.0, width() - kLabelWidth - 8 - kRight), 22,
                         kMinBreak);

  // Phases of a run may overlap (a download inside the bootstrap): stack them.
  laneRows_.assign(r.timeline.runs.size(), 1);
  std::vector<std::vector<double>> rowEnds(r.timeline.runs.size());
  for (const Phase& phase : r.timeline.phases) {
    if (!drawnAsBar(phase)) {
      subRows_.push_back(0);
      continue;
    }
    auto& ends = rowEnds[phase.run];
    const double x0 = scale_.x(ticksOf(phase.start));
    std::size_t row = 0;
    while (row < ends.size() && ends[row] > x0 + 0.5) ++row;
    if (row == ends.size()) ends.push_back(0);
    ends[row] = std::max(scale_.x(ticksOf(phase.end)), x0 + 6);
    subRows_.push_back(static_cast<int>(row));
    laneRows_[phase.run] = std::max(laneRows_[phase.run], static_cast<int>(row) + 1);
  }

  for (std::size_t i = 0; i < r.timeline.runs.size(); ++i) {
    items_.push_back(
        {Item::Kind::Lane, QRectF(0, laneTop(i), kLabelWidth, laneHeight(i)), r.timeline.runs[i].start, i});
  }
  for (std::size_t k = 0; k < r.timeline.phases.size(); ++k) {
    const Phase& phase = r.timeline.phases[k];
    if (!drawnAsBar(phase)) continue;
    const double x0 = scale_.x(ticksOf(phase.start));
    const double x1 = std::max(scale_.x(ticksOf(phase.end)), x0 + 6);
    const double y = laneTop(phase.run) + kLanePadding + kMark + subRows_[k] * kRowHeight;
    items_.push_back({Item::Kind::Phase, QRectF(x0, y, x1 - x0, kRowHeight - 3), phase.start, k});
  }
  // One mark per kind and pixel column: a retry loop of thousands stays a row of marks.
  for (std::size_t i = 0; i < r.timeline.runs.size(); ++i) {
    std::optional<int> lastColumn[2];  // per kind of mark: retry, failure
    for (const EventIndex e : r.timeline.runs[i].events) {
      const TimelineEvent& te = r.timeline.events[value(e)];
      const auto failure = isFailureMark(te.event.kind);
      if (!failure || !te.where.local) continue;
      const double x = scale_.x(ticksOf(te.where));
      const int column = static_cast<int>(x / kMark);
      if (lastColumn[*failure] == column) continue;
      lastColumn[*failure] = column;
      items_.push_back({*failure ? Item::Kind::Failure : Item::Kind::Retry,
                        QRectF(x - kMark / 2, laneTop(i) + 2, kMark, kMark), te.where, value(e)});
    }
  }
}

QString TimelineWidget::tooltip(const Item& item) const {
  const Report& r = *report_;
  switch (item.kind) {
    case Item::Kind::Lane: {
      const Run& run = r.timeline.runs[item.ref];
      return tr("Run %1: ccmsetup process %2\nAccount: %3\nVersion: %4\nCommand line: %5\n"
                "Started %6, ended %7\n%8")
          .arg(item.ref + 1)
          .arg(run.pid ? QString::number(*run.pid) : tr("?"), account(run), toQString(run.version),
               toQString(run.commandLineText), formatTime(run.start, timeMode_),
               formatTime(run.end, timeMode_), ending(run));
    }
    case Item::Kind::Phase: {
      const Phase& phase = r.timeline.phases[item.ref];
      return tr("%1 — %2\n%3 → %4 (%5)\nlines %6–%7")
          .arg(phaseName(phase.kind, r.timeline.runs[phase.run]), toQString(toString(phase.state)),
               formatTime(phase.start, timeMode_), formatTime(phase.end, timeMode_),
               formatDuration(ticksOf(phase.end) - ticksOf(phase.start)))
          .arg(value(phase.start.line))
          .arg(value(phase.end.line));
    }
    case Item::Kind::Failure:
    case Item::Kind::Retry: {
      const TimelineEvent& te = r.timeline.events[item.ref];
      return tr("%1, line %2\n%3")
          .arg(formatTime(te.where, timeMode_))
          .arg(value(te.where.line))
          .arg(toQString(te.text));
    }
  }
  return {};
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  layoutItems();
}

void TimelineWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().color(QPalette::Base));
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  if (!report_ || report_->timeline.runs.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignCenter,
               report_ && !report_->files.empty() ? tr("No ccmsetup run found in these logs") : QString());
    return;
  }
  const Report& r = *report_;
  const std::optional<std::int32_t> bias = r.timeline.runs.front().start.bias;

  // What is shown of the strip (inside a scroll area, a part): the axis and
  // the lane labels stay at its top and left while the lanes scroll under them.
  const QRect shown = visibleRegion().boundingRect();

  // Lanes: tinted by account.
  for (std::size_t i = 0; i < r.timeline.runs.size(); ++i) {
    const QRectF lane(0, laneTop(i), width(), laneHeight(i));
    QColor tint = accountColor(isSystem(r.timeline.runs[i]));
    tint.setAlpha(22);
    p.fillRect(lane, tint);
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    p.drawLine(lane.bottomLeft(), lane.bottomRight());
  }

  // Bars and marks, as laid out for hit testing.
  for (const Item& it : items_) {
    if (it.kind == Item::Kind::Phase) {
      const Phase& phase = r.timeline.phases[it.ref];
      p.setPen(Qt::NoPen);
      p.setBrush(phaseColor(phase.state));
      p.drawRoundedRect(it.rect, 3, 3);
      const QString name = phaseName(phase.kind, r.timeline.runs[phase.run]);
      if (QFontMetrics(small).horizontalAdvance(name) + 6 < it.rect.width()) {
        p.setPen(Qt::white);
        p.drawText(it.rect, Qt::AlignCenter, name);
      }
    } else if (it.kind == Item::Kind::Failure) {
      p.setPen(QPen(phaseColor(PhaseState::Failed), 2.2));
      p.drawLine(it.rect.topLeft(), it.rect.bottomRight());
      p.drawLine(it.rect.topRight(), it.rect.bottomLeft());
    } else if (it.kind == Item::Kind::Retry) {
      p.setPen(QPen(QColor(0xd8, 0x8b, 0x00), 1.8));
      p.setBrush(Qt::NoBrush);
      p.drawArc(it.rect.adjusted(1, 1, -1, -1), 60 * 16, 290 * 16);
    }
  }

  // The hand-off: from where a run created the service to the service's run.
  for (std::size_t i = 0; i + 1 < r.timeline.runs.size(); ++i) {
    if (!r.timeline.runs[i].createdService || !r.timeline.runs[i + 1].service ||
        !r.timeline.runs[i + 1].start.local)
      continue;
    Location from = r.timeline.runs[i].end;
    for (const Phase& phase : r.timeline.phases) {
      if (phase.run == i && phase.kind == PhaseKind::ServiceHandoff) from = phase.start;
    }
    const QPointF a(scale_.x(ticksOf(from)), laneTop(i) + laneHeight(i) - 4);
    const QPointF b(scale_.x(ticksOf(r.timeline.runs[i + 1].start)), laneTop(i + 1) + kLanePadding + kMark);
    const QColor orange = accountColor(true);
    QPainterPath path(a);
    path.cubicTo(QPointF(a.x(), b.y() - 4), QPointF(b.x() - 20, b.y()), b);
    p.setPen(QPen(orange, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setBrush(orange);
    p.drawPolygon(QPolygonF({b, b + QPointF(-8, -4), b + QPointF(-8, 4)}));
    p.setFont(small);
    p.setPen(orange.darker(120));
    // Beside the arrow, as far as there is room before the strip's end.
    const QRectF room(b.x() + 10, laneTop(i), width() - kRight - b.x() - 10, laneHeight(i));
    const QString says =
        QFontMetrics(small).elidedText(tr("hands over to the ccmsetup service, which runs as SYSTEM ↴"),
                                       Qt::ElideRight, static_cast<int>(room.width()));
    if (says.size() > 12) p.drawText(room, Qt::AlignLeft | Qt::AlignVCenter, says);  // a few words, or none
  }

  // Lane labels: account, process and how the run ended.
  QFont bold = font();
  bold.setBold(true);
  for (std::size_t i = 0; i < r.timeline.runs.size(); ++i) {
    const Run& run = r.timeline.runs[i];
    const QColor color = accountColor(isSystem(run));
    const QRectF label(shown.left(), laneTop(i), kLabelWidth, laneHeight(i) - 1);
    QColor tint = color;
    tint.setAlpha(22);
    p.fillRect(label, palette().color(QPalette::Base));
    p.fillRect(label, tint);
    p.fillRect(QRectF(label.left(), label.top(), 5, label.height()), color);
    p.setFont(bold);
    p.setPen(color.darker(115));
    p.drawText(
        QRectF(label.left() + 12, label.top() + 3, kLabelWidth - 14, 18), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(account(run), Qt::ElideMiddle, static_cast<int>(kLabelWidth) - 14));
    p.setFont(small);
    p.setPen(QColor(0x44, 0x44, 0x44));
    p.drawText(QRectF(label.left() + 12, label.top() + 21, kLabelWidth - 14, 16),
               Qt::AlignLeft | Qt::AlignVCenter, processLine(run));
  }

  // Axis, over the lanes at the top of what is shown (so that it stays when
  // the lanes scroll): the date once (and how many earlier runs were not
  // kept), each stretch's start and end as far as they fit without
  // overlapping, a break mark between stretches where there is room for it.
  p.translate(0, shown.top());
  p.fillRect(QRectF(0, 0, width(), kAxisHeight), palette().color(QPalette::Base));
  double free = 0;  // where the next label may start
  p.setFont(small);
  p.setPen(QColor(0x55, 0x55, 0x55));
  if (r.timeline.runs.front().start.local) {
    QString head = formatTime(r.timeline.runs.front().start, timeMode_).left(10) +
                   (timeMode_ == TimeMode::Utc && bias ? tr("  UTC") : QString());
    if (r.timeline.omittedRuns > 0) head += tr("  (%1 earlier runs not shown)").arg(r.timeline.omittedRuns);
    p.drawText(QRectF(shown.left() + 6, 0, kLabelWidth, kAxisHeight), Qt::AlignVCenter, head);
    free = shown.left() + 6 + QFontMetricsF(small).horizontalAdvance(head) + 8;
  }
  const QFontMetricsF metrics(small);
  const auto& segments = scale_.segments();
  // A stretch on another day than the last label's says its date ("06-24 09:41:07").
  QString day = formatTime(r.timeline.runs.front().start, timeMode_).left(10);
  const auto clock = [&](std::int64_t ticks) {
    const Timestamp local{ticks};
    const QString date = formatTime(local, bias, timeMode_).left(10);
    const QString text = formatClock(local, bias, timeMode_);
    return date == day ? text : date.mid(5) + QLatin1Char(' ') + text;
  };
  const auto label = [&](double x, const QString& text, Qt::Alignment align) {
    const double w = metrics.horizontalAdvance(text) + 6;
    const double left = align & Qt::AlignRight ? x - w : x;
    if (left < free) return false;
    p.drawText(QRectF(left, 0, w, kAxisHeight - 5), align | Qt::AlignBottom, text);
    free = left + w + 4;
    return true;
  };
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    p.setPen(QColor(0xcc, 0xcc, 0xcc));
    p.drawLine(QPointF(s.x0, kAxisHeight - 4), QPointF(s.x1, kAxisHeight - 4));
    p.setPen(QColor(0x55, 0x55, 0x55));
    const QString from = clock(s.from);
    if (label(s.x0, from, Qt::AlignLeft)) day = formatTime(Timestamp{s.from}, bias, timeMode_).left(10);
    const QString to = clock(s.to);
    if (to != from && label(s.x1, to, Qt::AlignRight))
      day = formatTime(Timestamp{s.to}, bias, timeMode_).left(10);
    const double mid = i + 1 < segments.size() ? (s.x1 + segments[i + 1].x0) / 2 : 0;
    if (i + 1 < segments.size() && segments[i + 1].x0 - s.x1 >= 10 && mid - 5 >= free) {
      p.drawText(QRectF(mid - 20, kAxisHeight - 14, 40, 14), Qt::AlignCenter, QStringLiteral("≈"));
      free = mid + 6;
    }
  }
}

const TimelineWidget::Item* TimelineWidget::itemAt(QPointF point) const {
  // The lane labels stay at the left of what is shown, over the bars.
  const double left = visibleRegion().boundingRect().left();
  if (point.x() >= left && point.x() < left + kLabelWidth) {
    for (const Item& item : items_) {
      if (item.kind == Item::Kind::Lane && item.rect.top() <= point.y() && point.y() < item.rect.bottom())
        return &item;
    }
    return nullptr;
  }
  // Marks are drawn over bars: look from the top down, a little generously.
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (it->kind == Item::Kind::Lane) continue;
    if (it->rect.adjusted(-2, -2, 2, 2).contains(point)) return &*it;
  }
  return nullptr;
}

QRect TimelineWidget::laneRect(std::size_t run) const {
  if (run >= laneRows_.size()) return {};
  return QRectF(0, laneTop(run), width(), laneHeight(run)).toAlignedRect();
}

std::optional<Location> TimelineWidget::locationAt(QPointF point) const {
  const Item* item = itemAt(point);
  return item ? std::optional<Location>(item->where) : std::nullopt;
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  if (const Item* item = itemAt(event->position())) emit locationActivated(item->where);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  setCursor(itemAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

bool TimelineWidget::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    const auto* help = static_cast<QHelpEvent*>(event);
    if (const Item* item = itemAt(help->pos())) {
      QToolTip::showText(help->globalPos(), tooltip(*item) + tr("\n(click: show in the log)"), this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(event);
}

}  // namespace ccmlog::viewer
