#include "widgets/colors.h"

#include <QPainter>
#include <QPixmap>

namespace ccmlog::viewer {

QColor rowBackground(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return {0xff, 0xd6, 0xd6};
    case Severity::Warning:
      return {0xff, 0xf3, 0xbf};
    default:
      return {};
  }
}

QColor rowForeground(Severity severity) {
  return severity == Severity::Verbose ? QColor(0x80, 0x80, 0x80) : QColor();
}

QColor findingColor(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::Error:
      return {0xc6, 0x28, 0x28};
    case FindingSeverity::Warning:
      return {0xd8, 0x8b, 0x00};
    case FindingSeverity::Info:
      return {0x1f, 0x6f, 0xd1};
  }
  return {};
}

namespace {

QIcon drawFindingIcon(FindingSeverity severity) {
  QIcon icon;
  for (const int size : {16, 24, 32}) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(findingColor(severity));
    p.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    p.setPen(QPen(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap));
    const double a = size * 0.32, b = size * 0.68;
    if (severity == FindingSeverity::Error) {
      p.drawLine(QPointF(a, a), QPointF(b, b));
      p.drawLine(QPointF(a, b), QPointF(b, a));
    } else {
      const bool warning = severity == FindingSeverity::Warning;
      p.drawLine(QPointF(size / 2.0, warning ? size * 0.22 : size * 0.45),
                 QPointF(size / 2.0, warning ? size * 0.58 : size * 0.78));
      p.drawPoint(QPointF(size / 2.0, warning ? size * 0.77 : size * 0.25));
    }
    p.end();
    icon.addPixmap(pixmap);
  }
  return icon;
}

}  // namespace

QIcon findingIcon(FindingSeverity severity) {
  // Drawn once (a table asks for them on every repaint), after the application exists.
  static const QIcon icons[] = {drawFindingIcon(FindingSeverity::Info),
                                drawFindingIcon(FindingSeverity::Warning),
                                drawFindingIcon(FindingSeverity::Error)};
  return icons[static_cast<std::size_t>(severity)];
}

QIcon bookmarkIcon() {
  static const QIcon icon = [] {
    QIcon drawn;
    for (const int size : {16, 32}) {
      QPixmap pixmap(size, size);
      pixmap.fill(Qt::transparent);
      QPainter p(&pixmap);
      p.setRenderHint(QPainter::Antialiasing);
      p.setPen(Qt::NoPen);
      p.setBrush(QColor(0x1f, 0x5f, 0xbf));
      const double l = size * 0.25, r = size * 0.75, b = size * 0.95;
      p.drawPolygon(QPolygonF({QPointF(l, size * 0.05), QPointF(r, size * 0.05), QPointF(r, b),
                               QPointF(size / 2.0, size * 0.7), QPointF(l, b)}));
      p.end();
      drawn.addPixmap(pixmap);
    }
    return drawn;
  }();
  return icon;
}

QColor accountColor(bool system) { return system ? QColor(0xc0, 0x5a, 0x00) : QColor(0x1f, 0x5f, 0xbf); }

QColor phaseColor(PhaseState state) {
  switch (state) {
    case PhaseState::Succeeded:
      return {0x3a, 0x9a, 0x4a};
    case PhaseState::Failed:
      return {0xd3, 0x2f, 0x2f};
    case PhaseState::Incomplete:
      return {0x9e, 0x9e, 0x9e};
  }
  return {};
}

QColor outcomeColor(OutcomeStatus status) {
  switch (status) {
    case OutcomeStatus::Failed:
      return {0xc6, 0x28, 0x28};
    case OutcomeStatus::Success:
      return {0x2e, 0x7d, 0x32};
    case OutcomeStatus::RebootRequired:
    case OutcomeStatus::InProgress:
      return {0xb2, 0x6a, 0x00};
    case OutcomeStatus::Unknown:
      return {0x61, 0x61, 0x61};
  }
  return {};
}

}  // namespace ccmlog::viewer
