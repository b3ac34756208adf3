#include "widgets/screenshot.h"

#include <algorithm>
#include <vector>

#include <QHash>
#include <QWidget>

namespace ccmlog::viewer {
namespace {

constexpr int kColours = 256;

int distance(QRgb a, QRgb b) {
  const int r = qRed(a) - qRed(b), g = qGreen(a) - qGreen(b), bl = qBlue(a) - qBlue(b);
  return 3 * r * r + 4 * g * g + 2 * bl * bl;  // weighted roughly as the eye weighs them
}

}  // namespace

QImage withPalette(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  QHash<QRgb, int> counts;
  for (int y = 0; y < rgb.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x) ++counts[line[x] | 0xff000000u];
  }
  std::vector<std::pair<int, QRgb>> byCount;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) byCount.emplace_back(it.value(), it.key());
  std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  QList<QRgb> palette;
  for (std::size_t i = 0; i < byCount.size() && palette.size() < kColours; ++i) palette << byCount[i].second;

  QHash<QRgb, uchar> nearest;
  QImage out(rgb.size(), QImage::Format_Indexed8);
  out.setColorTable(palette);
  for (int y = 0; y < rgb.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    uchar* target = out.scanLine(y);
    for (int x = 0; x < rgb.width(); ++x) {
      const QRgb colour = line[x] | 0xff000000u;
      auto it = nearest.find(colour);
      if (it == nearest.end()) {
        qsizetype best = 0;
        for (qsizetype i = 1; i < palette.size(); ++i) {
          if (distance(palette[i], colour) < distance(palette[best], colour)) best = i;
        }
        it = nearest.insert(colour, static_cast<uchar>(best));
      }
      target[x] = it.value();
    }
  }
  return out;
}

bool saveScreenshot(QWidget& widget, const QString& path) {
  return withPalette(widget.grab().toImage()).save(path, "PNG", 0);  // 0: the smallest file
}

}  // namespace ccmlog::viewer
