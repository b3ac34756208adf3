// outcome_banner.h: the verdict across the top of the window.
//
// A coloured badge says how the install ended (FAILED, INSTALLED, UNINSTALLED,
// SUCCEEDED for another product's MSI log, REBOOT REQUIRED, IN PROGRESS,
// UNKNOWN; NO LOGS before any is open); beside it, what it was about when not
// a client install (an uninstall, a site role's MSI log), the error code with
// its name and text, and in large type the headline finding: why. Clicking the banner
// (or its shortcut in the window) shows the headline's evidence.
#pragma once

#include <QFrame>
#include <QLabel>

#include "ccmlog/analysis.h"

namespace ccmlog::viewer {

class OutcomeBanner : public QFrame {
  Q_OBJECT

 public:
  explicit OutcomeBanner(QWidget* parent = nullptr);

  /// Shows a report's outcome; `loadingPercent` (0-100) while the files are still read.
  void setReport(const Report& report, std::optional<int> loadingPercent);

  QString badgeText() const { return badge_->text(); }
  QString reasonText() const { return reason_->text(); }

 signals:
  void clicked();

 protected:
  void mousePressEvent(QMouseEvent* event) override;

 private:
  QLabel* badge_;
  QLabel* code_;
  QLabel* reason_;
};

}  // namespace ccmlog::viewer
