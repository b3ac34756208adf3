// main_window.h: the viewer's window: verdict, timeline, findings and log, wired together.
//
//   ┌ OutcomeBanner: FAILED, error 0x80070005 …, the headline finding ────────┐
//   ├ TimelineWidget: a lane per run, phases, failures, the hand-off ─────────┤
//   ├ FilterBar ──────────────────────────────────────┬───────────────────────┤
//   │ log table (LogTableModel)                       │ FindingsView          │
//   ├ DetailPane: the whole message, codes decoded    │                       │
//   ├ FindBar (Ctrl+F) ───────────────────────────────┴───────────────────────┤
//   └ status: files, rows · elapsed between selected lines · progress ────────┘
//
// The timeline, the findings and the detail pane can each be hidden (View
// menu); the timeline and the findings fold away by themselves for logs with
// no ccmsetup run, leaving the log the whole width, as in CMTrace. The first
// window fits the screen; its geometry, splitters, columns, panels and time
// mode are remembered across restarts (QSettings, saved on close), as are the
// knowledge files chosen (Tools > Knowledge Files…). So is, for each set of
// inputs, its session: the filter's text and severities and the
// bookmarks, brought back when the same logs are opened again (from Recent).
//
// Every action has a shortcut, shown in the menus. Clicking an evidence row,
// a timeline bar or the banner selects and shows the log line. Slots catch
// what they call: no exception leaves them.
#pragma once

#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStringList>
#include <QTableView>
#include <functional>
#include <optional>

#include "loading/log_session.h"
#include "models/findings_model.h"
#include "models/log_table_model.h"
#include "widgets/detail_pane.h"
#include "widgets/error_lookup_dialog.h"
#include "widgets/filter_bar.h"
#include "widgets/find_bar.h"
#include "widgets/findings_view.h"
#include "widgets/outcome_banner.h"
#include "widgets/timeline_widget.h"

class QMenu;

namespace ccmlog::viewer {

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens files and folders (merged by time into one view) and remembers them as recent.
  void open(const QStringList& inputs);
  /// Selects and shows the row of a log line; clears the filter if it hides the line.
  bool showLocation(const Location& where);
  /// Shows the evidence of the headline finding (its first error line, else its first line).
  bool showHeadline();
  /// Extends the built-in knowledge with these knowledge files (LogSession::setKnowledgeFiles)
  /// and reads the open logs again. Returns the errors of the files left
  /// out, also said in a message box when shown and in the status bar.
  QStringList setKnowledgeFiles(const QStringList& files);
  void setFollow(bool on);
  void setTimeMode(TimeMode mode);
  /// Renders the window into a (palette) PNG file.
  bool saveScreenshot(const QString& path);
  /// Writes the findings report as HTML; false on failure (said in a message box when shown).
  bool exportReport(const QString& path);

  LogSession& session() { return session_; }
  LogTableModel& logModel() { return *logModel_; }
  FindingsModel& findingsModel() { return *findingsModel_; }
  QTableView& table() { return *table_; }
  FindingsView& findingsView() { return *findingsView_; }
  TimelineWidget& timeline() { return *timeline_; }
  OutcomeBanner& banner() { return *banner_; }
  DetailPane& detail() { return *detail_; }
  FilterBar& filterBar() { return *filterBar_; }
  FindBar& findBar() { return *findBar_; }
  QWidget& findingsPanel() { return *findingsPanel_; }
  QWidget& timelinePanel() { return *timelineArea_; }
  QSplitter& mainSplitter() { return *mainSplit_; }
  QString statusText() const { return status_->text(); }
  QString elapsedText() const { return elapsed_->text(); }

  /// The selected rows as CMTrace copies them (also what Copy puts on the clipboard).
  QString selectedRowsText() const;
  /// Moves to the next (or previous) error row after the current one; false when there is none.
  bool nextError(bool backward);
  /// Bookmarks the current row, or removes its bookmark.
  void toggleBookmark();
  /// Moves to the next (or previous) bookmarked row after the current one; false when there is none.
  bool nextBookmark(bool backward);
  /// Selects a line ("1234", of the current row's file; past its end, its last) or the first row at or after
  /// a time
  /// ("09:45:30" on the current row's day, or "2023-01-17 09:45:30"), in the time mode shown.
  bool goTo(const QString& lineOrTime);
  /// Widens the timeline to `zoom` times the window (1: it fits), keeping the moment at `at`
  /// (x in the timeline; else the middle of what is shown) where it is.
  void zoomTimeline(double zoom, std::optional<double> at);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildActions();
  QAction* addPanelAction(QMenu* menu, const QString& text, const QKeySequence& key, QWidget* panel);
  void restoreSettings();
  void saveSettings();
  void fitPanels();
  void fitTimelineHeight();
  void fitLineColumn();
  void rememberRecent(const QStringList& inputs);
  void refreshRecentMenu();
  void onReportChanged();
  void onProgress(std::uint64_t done, std::uint64_t total);
  void onLoadFinished(bool cancelled);
  void onCurrentRowChanged();
  void onSelectionChanged();
  void updateStatus();
  void updateTitle();
  void showKeyboardHelp();
  void askGoTo();
  bool nextRowWhere(bool backward, const std::function<bool(EntryId)>& wanted, const QString& none);
  void saveSession();
  void restoreSession();
  void chooseHighlights();
  void chooseKnowledgeFiles();
  bool selectEntry(EntryId id);

  LogSession session_;
  LogTableModel* logModel_;
  FindingsModel* findingsModel_;
  OutcomeBanner* banner_;
  TimelineWidget* timeline_;
  QScrollArea* timelineArea_ = nullptr;
  QWidget* findingsPanel_ = nullptr;
  QSplitter* logSplit_ = nullptr;
  QSplitter* mainSplit_ = nullptr;
  FilterBar* filterBar_;
  QTableView* table_;
  DetailPane* detail_;
  FindingsView* findingsView_;
  FindBar* findBar_;
  ErrorLookupDialog* lookup_ = nullptr;
  QLabel* status_;
  QLabel* elapsed_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  QMenu* recentMenu_ = nullptr;
  QAction* followAction_ = nullptr;
  QAction* utcAction_ = nullptr;
  QAction* timelineAction_ = nullptr;
  QAction* findingsAction_ = nullptr;
  QAction* detailAction_ = nullptr;
  std::uint64_t widestLine_ = 0;  // the largest line number the Line column was sized for
  std::size_t lineChecked_ = 0;   // entries whose line numbers fitLineColumn has seen
  std::optional<int> loadingPercent_;
  bool showHeadlineWhenLoaded_ = false;
  bool wasAtBottom_ = false;
  std::optional<EntryId> keptCurrent_;  // the current row's entry across a model reset
  bool restoreSessionWhenLoaded_ = false;
};

}  // namespace ccmlog::viewer
