// screenshot.h: a widget as a small PNG, for READMEs and tickets.
//
// A window has few colours: its palette, and the grey and coloured edges of
// antialiased text. Keeping the 256 most frequent colours and mapping every
// other pixel to the nearest of them (no dithering) looks the same and makes
// the file much smaller than a true-colour PNG.
#pragma once

#include <QImage>
#include <QString>

class QWidget;

namespace ccmlog::viewer {

/// `image` with a palette of its 256 most frequent colours.
QImage withPalette(const QImage& image);

/// Renders `widget` and writes it to `path` as a palette PNG; false when it cannot be written.
bool saveScreenshot(QWidget& widget, const QString& path);

}  // namespace ccmlog::viewer
