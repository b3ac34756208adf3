#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QVBoxLayout>
#include <algorithm>
#include <fstream>

#include "ccmlog/diagnosis.h"
#include "models/error_code_scan.h"
#include "models/report_file_name.h"
#include "report_page.h"
#include "widgets/colors.h"
#include "widgets/highlight_dialog.h"
#include "widgets/screenshot.h"

namespace ccmlog::viewer {
namespace {

constexpr int kMaxRecent = 9;
constexpr int kMaxTimelineHeight = 230, kMinTimelineHeight = 100;
const QSize kPreferredSize(1400, 900);
const QSize kWindowFrame(16,
                         64);  // room for a window manager's title bar and borders, unknown before showing
const QString kRecentKey = QStringLiteral("recent");
const QString kHighlightsKey = QStringLiteral("highlights");
const QString kKnowledgeKey = QStringLiteral("knowledge/files");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kMainSplitKey = QStringLiteral("window/mainSplit");
const QString kLogSplitKey = QStringLiteral("window/logSplit");
const QString kColumnsKey = QStringLiteral("window/columns");
const QString kUtcKey = QStringLiteral("view/utc");
const QString kTimelineKey = QStringLiteral("view/timeline");
const QString kFindingsKey = QStringLiteral("view/findings");
const QString kDetailKey = QStringLiteral("view/detail");
const QString kSessionsGroup = QStringLiteral("sessions");
const QString kFilterTextKey = QStringLiteral("filterText");
const QString kFilterRegexKey = QStringLiteral("filterRegex");
const QString kSeveritiesKey = QStringLiteral("severities");
const QString kBookmarksKey = QStringLiteral("bookmarks");

// The inputs as Recent keeps them: absolute paths, one per line.
QString recentEntry(const QStringList& inputs) {
  QStringList absolute;
  for (const QString& input : inputs) absolute << QFileInfo(input).absoluteFilePath();
  return absolute.join(QLatin1Char('\n'));
}

// The settings group of the session of some inputs.
// The key of a Recent entry's session, in the settings group of the sessions.
QString sessionKey(const QString& entry) {
  return QString::fromLatin1(QCryptographicHash::hash(entry.toUtf8(), QCryptographicHash::Sha1).toHex());
}

// The settings group of the session of some inputs.
QString sessionGroup(const QStringList& inputs) {
  return kSessionsGroup + QLatin1Char('/') + sessionKey(recentEntry(inputs));
}

// The application's settings (main() names the application; a test names its own).
QSettings settings() { return QSettings(); }

// True when no file gave a single record: missing, unreadable or empty.
bool nothingRead(const Report& report) {
  return !report.files.empty() && std::all_of(report.files.begin(), report.files.end(),
                                              [](const FileReport& f) { return f.records == 0; });
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      logModel_(new LogTableModel(session_, this)),
      findingsModel_(new FindingsModel(session_, this)),
      banner_(new OutcomeBanner(this)),
      timeline_(new TimelineWidget(this)),
      filterBar_(new FilterBar(session_, this)),
      table_(new QTableView(this)),
      detail_(new DetailPane(session_, this)),
      findingsView_(new FindingsView(this)),
      status_(new QLabel(this)),
      elapsed_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel"), this)) {
  setWindowTitle(QStringLiteral("ccmlog-viewer"));
  setAcceptDrops(true);

  table_->setModel(logModel_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideRight);
  table_->setShowGrid(false);
  table_->setAlternatingRowColors(false);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 4);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->horizontalHeader()->setHighlightSections(false);
  table_->horizontalHeader()->setSectionResizeMode(LogTableModel::TextColumn, QHeaderView::Stretch);
  table_->setColumnWidth(LogTableModel::LineColumn, 64);
  table_->setColumnWidth(LogTableModel::ComponentColumn, 90);
  table_->setColumnWidth(LogTableModel::TimeColumn, 180);
  table_->setColumnWidth(LogTableModel::ThreadColumn, 110);
  table_->setColumnWidth(LogTableModel::FileColumn, 120);
  table_->setColumnHidden(LogTableModel::FileColumn, true);
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);

  findingsView_->setModel(findingsModel_);
  findingsView_->setPlaceholder(tr("Open a ccmsetup.log, or drop a machine's log folder here."));

  findBar_ = new FindBar(*logModel_, *table_, this);
  findBar_->hide();

  timelineArea_ = new QScrollArea(this);
  timelineArea_->setWidget(timeline_);
  timelineArea_->setWidgetResizable(true);
  timelineArea_->setFrameShape(QFrame::NoFrame);
  timelineArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  // The strip draws its axis at the top of what is shown: redraw it all on a scroll.
  for (QScrollBar* bar : {timelineArea_->verticalScrollBar(), timelineArea_->horizontalScrollBar()}) {
    connect(bar, &QScrollBar::valueChanged, timeline_, qOverload<>(&QWidget::update));
  }
  connect(timeline_, &TimelineWidget::zoomRequested, this,
          [this](double factor, double x) { zoomTimeline(timeline_->zoom() * factor, x); });

  findingsPanel_ = new QWidget(this);
  auto* findingsTitle =
      new QLabel(tr("<b>Findings</b> — why, what to do, and the lines that prove it"), this);
  auto* findingsLayout = new QVBoxLayout(findingsPanel_);
  findingsLayout->setContentsMargins(0, 0, 0, 0);
  findingsLayout->setSpacing(2);
  findingsLayout->addWidget(findingsTitle);
  findingsLayout->addWidget(findingsView_, 1);

  logSplit_ = new QSplitter(Qt::Vertical, this);
  logSplit_->addWidget(table_);
  logSplit_->addWidget(detail_);
  logSplit_->setStretchFactor(0, 4);
  logSplit_->setStretchFactor(1, 1);
  logSplit_->setSizes({520, 100});
  mainSplit_ = new QSplitter(Qt::Horizontal, this);
  mainSplit_->addWidget(logSplit_);
  mainSplit_->addWidget(findingsPanel_);
  mainSplit_->setStretchFactor(0, 3);
  mainSplit_->setStretchFactor(1, 2);
  mainSplit_->setSizes({860, 540});

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(banner_);
  layout->addWidget(timelineArea_);
  layout->addWidget(filterBar_);
  layout->addWidget(mainSplit_, 1);
  layout->addWidget(findBar_);
  setCentralWidget(central);

  progress_->setMaximumWidth(220);
  progress_->setRange(0, 100);
  progress_->hide();
  cancel_->hide();
  cancel_->setToolTip(tr("Stop reading (Shift+Esc); what was read stays"));
  statusBar()->addWidget(status_, 1);
  statusBar()->addPermanentWidget(elapsed_);
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(cancel_);

  connect(&session_, &LogSession::reportChanged, this, &MainWindow::onReportChanged);
  connect(&session_, &LogSession::progress, this, &MainWindow::onProgress);
  connect(&session_, &LogSession::loadFinished, this, &MainWindow::onLoadFinished);
  connect(&session_, &LogSession::problemsChanged, this, &MainWindow::updateStatus);
  connect(&session_, &LogSession::entriesAdded, this, &MainWindow::updateStatus);
  connect(&session_, &LogSession::entriesAdded, this, &MainWindow::fitLineColumn);
  connect(cancel_, &QPushButton::clicked, &session_, &LogSession::cancel);
  connect(filterBar_, &FilterBar::changed, this, [this] { logModel_->setFilter(filterBar_->filter()); });
  // The count of rows shown follows every change of the rows.
  connect(logModel_, &LogTableModel::filteringChanged, this, &MainWindow::updateStatus);
  connect(logModel_, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
  connect(logModel_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
  connect(logModel_, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
  connect(findingsView_, &FindingsView::evidenceActivated, this, [this](const QModelIndex& index) {
    if (const auto where = findingsModel_->locationAt(index)) showLocation(*where);
  });
  connect(timeline_, &TimelineWidget::locationActivated, this, &MainWindow::showLocation);
  connect(banner_, &OutcomeBanner::clicked, this, &MainWindow::showHeadline);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &MainWindow::onCurrentRowChanged);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &MainWindow::onSelectionChanged);

  // Keep the reader's place: follow the bottom only when already there; keep the current row over resets.
  connect(logModel_, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
    const QScrollBar* bar = table_->verticalScrollBar();
    wasAtBottom_ = bar->value() == bar->maximum() && bar->maximum() > 0;
  });
  connect(logModel_, &QAbstractItemModel::rowsInserted, this, [this] {
    if (session_.following() && wasAtBottom_) table_->scrollToBottom();
  });
  connect(logModel_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
    const QModelIndex current = table_->currentIndex();
    keptCurrent_ =
        current.isValid() ? std::optional<EntryId>(logModel_->entryAt(current.row())) : std::nullopt;
  });
  connect(logModel_, &QAbstractItemModel::modelReset, this, [this] {
    if (keptCurrent_ && value(*keptCurrent_) < session_.index().size()) selectEntry(*keptCurrent_);
    table_->setColumnHidden(LogTableModel::FileColumn, session_.index().fileCount() < 2);
  });

  buildActions();
  logModel_->setHighlights(compileHighlights(settings().value(kHighlightsKey).toString(), nullptr));
  restoreSettings();
  setKnowledgeFiles(settings().value(kKnowledgeKey).toStringList());
  onReportChanged();
  updateStatus();
  table_->setFocus();
}

MainWindow::~MainWindow() {
  // The find bar and the log model scan session_'s index on worker threads
  // and stop them when deleted. As Qt children they would be deleted after
  // session_, that is after the index is gone: delete them while it is here.
  delete findBar_;
  delete logModel_;
}

void MainWindow::buildActions() {
  const auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, auto slot) {
    QAction* action = menu->addAction(text);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);  // shortcuts work with the menu bar hidden too
    return action;
  };

  QMenu* file = menuBar()->addMenu(tr("&File"));
  add(file, tr("&Open…"), QKeySequence::Open, [this] {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open logs"), {},
                                                            tr("Logs (*.log *.lo_ *.txt);;All files (*)"));
    if (!files.isEmpty()) open(files);
  });
  add(file, tr("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a machine's log folder"));
    if (!folder.isEmpty()) open({folder});
  });
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  refreshRecentMenu();
  add(file, tr("&Reload"), QKeySequence(Qt::Key_F5), [this] {
    if (!session_.inputs().isEmpty()) open(session_.inputs());
  });
  followAction_ = add(file, tr("&Follow (tail the logs as they grow)"), QKeySequence(Qt::CTRL | Qt::Key_T),
                      [this](bool on) { setFollow(on); });
  followAction_->setCheckable(true);
  add(file, tr("Cancel &Loading"), QKeySequence(Qt::SHIFT | Qt::Key_Escape), [this] { session_.cancel(); });
  file->addSeparator();
  add(file, tr("&Export Report as HTML…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the findings report"),
                                                      reportFileName(session_.inputs()), tr("HTML (*.html)"));
    if (!path.isEmpty()) exportReport(path);
  });
  file->addSeparator();
  add(file, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* copy = add(edit, tr("&Copy Rows"), QKeySequence::Copy,
                      [this] { QApplication::clipboard()->setText(selectedRowsText()); });
  copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // text fields keep their own Copy
  removeAction(copy);
  table_->addAction(copy);
  QAction* selectAll =
      add(edit, tr("Select &All Rows"), QKeySequence::SelectAll, [this] { table_->selectAll(); });
  selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // text fields keep their own Select All
  removeAction(selectAll);
  table_->addAction(selectAll);
  edit->addSeparator();
  add(edit, tr("&Find…"), QKeySequence::Find, [this] { findBar_->activate(); });
  add(edit, tr("Find &Next"), QKeySequence(Qt::Key_F3), [this] { findBar_->find(false); });
  add(edit, tr("Find &Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3), [this] { findBar_->find(true); });
  edit->addSeparator();
  add(edit, tr("F&ilter…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
    filterBar_->show();
    filterBar_->focusText();
  });
  add(edit, tr("C&lear Filter"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
      [this] { filterBar_->clear(); });
  add(edit, tr("&Highlight Rules…"), QKeySequence(Qt::CTRL | Qt::Key_H), [this] { chooseHighlights(); });

  QMenu* go = menuBar()->addMenu(tr("&Go"));
  add(go, tr("Next &Error"), QKeySequence(Qt::Key_F8), [this] { nextError(false); });
  add(go, tr("Previous E&rror"), QKeySequence(Qt::SHIFT | Qt::Key_F8), [this] { nextError(true); });
  add(go, tr("Go to &Line or Time…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] { askGoTo(); });
  go->addSeparator();
  add(go, tr("Toggle &Bookmark"), QKeySequence(Qt::CTRL | Qt::Key_F2), [this] { toggleBookmark(); });
  add(go, tr("Next Boo&kmark"), QKeySequence(Qt::Key_F2), [this] { nextBookmark(false); });
  add(go, tr("Previous Book&mark"), QKeySequence(Qt::SHIFT | Qt::Key_F2), [this] { nextBookmark(true); });
  add(go, tr("Show the &Headline Evidence"), QKeySequence(Qt::CTRL | Qt::Key_J), [this] { showHeadline(); });
  go->addSeparator();
  add(go, tr("Focus the Log &Table"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] { table_->setFocus(); });
  add(go, tr("Focus the &Findings"), QKeySequence(Qt::CTRL | Qt::Key_2),
      [this] { findingsView_->setFocus(); });
  add(go, tr("Focus the &Detail"), QKeySequence(Qt::CTRL | Qt::Key_3), [this] { detail_->setFocus(); });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  utcAction_ = add(view, tr("&UTC Time"), QKeySequence(Qt::CTRL | Qt::Key_U),
                   [this](bool on) { setTimeMode(on ? TimeMode::Utc : TimeMode::Local); });
  utcAction_->setCheckable(true);
  view->addSeparator();
  timelineAction_ =
      addPanelAction(view, tr("&Timeline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), timelineArea_);
  findingsAction_ =
      addPanelAction(view, tr("F&indings"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), findingsPanel_);
  add(view, tr("Zoom the Timeline &In"), QKeySequence::ZoomIn,
      [this] { zoomTimeline(timeline_->zoom() * 2, std::nullopt); });
  add(view, tr("Zoom the Timeline &Out"), QKeySequence::ZoomOut,
      [this] { zoomTimeline(timeline_->zoom() / 2, std::nullopt); });
  add(view, tr("Fit the Timeline"), QKeySequence(Qt::CTRL | Qt::Key_0),
      [this] { zoomTimeline(1, std::nullopt); });
  detailAction_ = addPanelAction(view, tr("&Detail of the Line"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), detail_);

  QMenu* tools = menuBar()->addMenu(tr("&Tools"));
  add(tools, tr("Error &Lookup…"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
    if (!lookup_) lookup_ = new ErrorLookupDialog(this);
    QString code;
    if (table_->currentIndex().isValid()) {
      const auto codes =
          errorCodesIn(session_.texts().message(logModel_->entryAt(table_->currentIndex().row())));
      if (!codes.empty()) code = toQString(codes.front().written);
    }
    lookup_->lookUp(code);
  });
  add(tools, tr("&Knowledge Files…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
      [this] { chooseKnowledgeFiles(); });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  add(help, tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, [this] { showKeyboardHelp(); });
}

QAction* MainWindow::addPanelAction(QMenu* menu, const QString& text, const QKeySequence& key,
                                    QWidget* panel) {
  QAction* action = menu->addAction(text);
  action->setShortcut(key);
  action->setShortcutContext(Qt::WindowShortcut);
  action->setCheckable(true);
  action->setChecked(true);
  connect(action, &QAction::toggled, panel, &QWidget::setVisible);
  addAction(action);
  return action;
}

void MainWindow::restoreSettings() {
  const QSettings s = settings();
  if (!restoreGeometry(s.value(kGeometryKey).toByteArray())) {
    // The first launch: as large as is comfortable, but never beyond the screen (a 1366x768 laptop).
    const QRect available = screen()->availableGeometry();
    resize(kPreferredSize.boundedTo(available.size() - kWindowFrame));
    move(available.center() - rect().center());
  }
  mainSplit_->restoreState(s.value(kMainSplitKey).toByteArray());
  logSplit_->restoreState(s.value(kLogSplitKey).toByteArray());
  table_->horizontalHeader()->restoreState(s.value(kColumnsKey).toByteArray());
  table_->horizontalHeader()->setSectionResizeMode(LogTableModel::TextColumn, QHeaderView::Stretch);
  timelineAction_->setChecked(s.value(kTimelineKey, true).toBool());
  findingsAction_->setChecked(s.value(kFindingsKey, true).toBool());
  detailAction_->setChecked(s.value(kDetailKey, true).toBool());
  setTimeMode(s.value(kUtcKey, false).toBool() ? TimeMode::Utc : TimeMode::Local);
}

void MainWindow::saveSettings() {
  QSettings s = settings();
  s.setValue(kGeometryKey, saveGeometry());
  // A hidden panel has no size to keep: keep the sizes last seen with every panel shown.
  if (findingsPanel_->isVisible() && detail_->isVisible()) {
    s.setValue(kMainSplitKey, mainSplit_->saveState());
    s.setValue(kLogSplitKey, logSplit_->saveState());
  }
  s.setValue(kColumnsKey, table_->horizontalHeader()->saveState());
  s.setValue(kUtcKey, logModel_->timeMode() == TimeMode::Utc);
  // A panel folded away because it had nothing to show is still wanted.
  if (timelineAction_->isEnabled()) s.setValue(kTimelineKey, timelineAction_->isChecked());
  if (findingsAction_->isEnabled()) s.setValue(kFindingsKey, findingsAction_->isChecked());
  s.setValue(kDetailKey, detailAction_->isChecked());
}

void MainWindow::zoomTimeline(double zoom, std::optional<double> at) {
  QScrollBar* bar = timelineArea_->horizontalScrollBar();
  const double viewportX = at ? *at - bar->value() : timelineArea_->viewport()->width() / 2.0;
  const double fraction = (bar->value() + viewportX) / std::max(1, timeline_->width());
  timeline_->setZoom(zoom);
  // Resized now (the scroll area would do it on its next layout), so the moment under the pointer stays.
  timeline_->resize(timeline_->minimumSizeHint().width(), timeline_->height());
  bar->setValue(static_cast<int>(fraction * timeline_->width() - viewportX));
}

// All lanes when they fit (two or three runs is the usual story), else a
// scrolling strip of at most a quarter of the window: on a laptop screen the
// log keeps its rows.
void MainWindow::fitTimelineHeight() {
  const int most = std::clamp(height() / 4, kMinTimelineHeight, kMaxTimelineHeight);
  timelineArea_->setFixedHeight(std::min(timeline_->sizeHint().height(), most));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  fitTimelineHeight();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  saveSession();
  QMainWindow::closeEvent(event);
}

// The timeline needs a ccmsetup run and the findings something to say: for
// other logs (smsts.log, WUAHandler.log) they fold away and their actions
// are disabled, leaving the log the whole window; otherwise each is shown as
// the user last chose.
void MainWindow::fitPanels() {
  const Report& report = session_.report();
  const bool runs = !report.timeline.runs.empty();
  const bool findings = runs || !report.findings.empty() || report.files.empty() || nothingRead(report);
  const QSettings s = settings();
  const auto fit = [&](QAction* action, bool hasContent, const QString& key) {
    if (action->isEnabled() == hasContent || (!hasContent && session_.loading())) return;
    action->setEnabled(hasContent);
    action->setChecked(hasContent && s.value(key, true).toBool());
  };
  fit(timelineAction_, runs, kTimelineKey);
  fit(findingsAction_, findings, kFindingsKey);
}

// Wide enough for the largest line number in the bold of cited rows, with their icon.
void MainWindow::fitLineColumn() {
  const LogIndex& logs = session_.index();
  std::uint64_t largest = widestLine_;
  for (std::size_t i = std::min(lineChecked_, logs.size()); i < logs.size(); ++i) {
    largest = std::max<std::uint64_t>(largest, logs[EntryId{static_cast<std::uint32_t>(i)}].line);
  }
  lineChecked_ = logs.size();
  if (largest <= widestLine_) return;
  widestLine_ = largest;
  // The cell as the style lays out a cited row: the finding's icon, then the number in bold.
  QStyleOptionViewItem cell;
  cell.initFrom(table_);
  cell.font = table_->font();
  cell.font.setBold(true);
  cell.fontMetrics = QFontMetrics(cell.font);
  cell.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
  cell.text = QString(QString::number(largest).size(), QLatin1Char('8'));
  cell.icon = findingIcon(FindingSeverity::Error);
  const int icon = table_->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table_);
  cell.decorationSize = QSize(icon, icon);
  cell.displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
  const int needed =
      table_->style()->sizeFromContents(QStyle::CT_ItemViewItem, &cell, QSize(), table_).width() + 4;
  if (table_->columnWidth(LogTableModel::LineColumn) < needed) {
    table_->setColumnWidth(LogTableModel::LineColumn, needed);
  }
}

void MainWindow::open(const QStringList& inputs) {
  try {
    saveSession();
    showHeadlineWhenLoaded_ = true;
    restoreSessionWhenLoaded_ = true;
    widestLine_ = 0;
    lineChecked_ = 0;
    loadingPercent_ = 0;
    if (session_.open(inputs)) rememberRecent(inputs);
    updateTitle();
    updateStatus();
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot open"), toQString(e.what()));
  }
}

QStringList MainWindow::setKnowledgeFiles(const QStringList& files) {
  const QStringList errors = session_.setKnowledgeFiles(files);
  if (!errors.isEmpty() && isVisible()) {
    QMessageBox::warning(this, tr("Knowledge files left out"),
                         tr("The built-in knowledge and the other files still apply.\n\n%1")
                             .arg(errors.join(QLatin1Char('\n'))));
  }
  if (!session_.inputs().isEmpty()) open(session_.inputs());  // read again, for the new causes to apply
  updateStatus();
  return errors;
}

void MainWindow::setFollow(bool on) {
  if (followAction_) followAction_->setChecked(on);
  session_.setFollow(on);
  if (on) table_->scrollToBottom();
  updateStatus();
}

void MainWindow::setTimeMode(TimeMode mode) {
  if (utcAction_) utcAction_->setChecked(mode == TimeMode::Utc);
  logModel_->setTimeMode(mode);
  findingsModel_->setTimeMode(mode);
  timeline_->setTimeMode(mode);
  detail_->setTimeMode(mode);
  onSelectionChanged();
}

bool MainWindow::selectEntry(EntryId id) {
  const auto row = logModel_->rowOf(id);
  if (!row) return false;
  const QModelIndex index = logModel_->index(*row, LogTableModel::TextColumn);
  table_->selectionModel()->setCurrentIndex(index,
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  table_->scrollTo(index, QAbstractItemView::PositionAtCenter);
  return true;
}

bool MainWindow::showLocation(const Location& where) {
  const auto id = session_.find(where);
  if (!id) return false;
  if (!logModel_->rowOf(*id) && logModel_->filter().active()) {
    filterBar_->clear();  // the line is filtered out: show everything rather than nothing
    statusBar()->showMessage(tr("Filter cleared to show line %1").arg(value(where.line)), 4000);
  }
  return selectEntry(*id);
}

bool MainWindow::showHeadline() {
  const auto& findings = session_.report().findings;
  if (findings.empty() || findings.front().evidence.empty()) return false;
  const auto& evidence = findings.front().evidence;
  for (const Evidence& e : evidence) {
    const auto id = session_.find(e.where);
    if (id && session_.index()[*id].severity() == Severity::Error) return showLocation(e.where);
  }
  return showLocation(evidence.front().where);
}

QString MainWindow::selectedRowsText() const {
  std::vector<int> rows;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows()) rows.push_back(index.row());
  std::sort(rows.begin(), rows.end());
  return logModel_->copyText(rows);
}

bool MainWindow::nextError(bool backward) {
  return nextRowWhere(
      backward, [this](EntryId id) { return session_.index()[id].severity() == Severity::Error; },
      backward ? tr("No error above") : tr("No error below"));
}

bool MainWindow::nextBookmark(bool backward) {
  return nextRowWhere(
      backward, [this](EntryId id) { return logModel_->bookmarked(id); },
      logModel_->bookmarks().empty() ? tr("No bookmark: Ctrl+F2 bookmarks the current line")
      : backward                     ? tr("No bookmark above")
                                     : tr("No bookmark below"));
}

bool MainWindow::nextRowWhere(bool backward, const std::function<bool(EntryId)>& wanted,
                              const QString& none) {
  const int rows = logModel_->rowCount();
  const int current =
      table_->currentIndex().isValid() ? table_->currentIndex().row() : (backward ? rows : -1);
  for (int row = current + (backward ? -1 : 1); row >= 0 && row < rows; row += backward ? -1 : 1) {
    if (wanted(logModel_->entryAt(row))) {
      selectEntry(logModel_->entryAt(row));
      return true;
    }
  }
  statusBar()->showMessage(none, 3000);
  return false;
}

void MainWindow::toggleBookmark() {
  const QModelIndex current = table_->currentIndex();
  if (current.isValid()) logModel_->toggleBookmark(logModel_->entryAt(current.row()));
}

bool MainWindow::goTo(const QString& lineOrTime) {
  const QString text = lineOrTime.trimmed();
  const QModelIndex current = table_->currentIndex();
  const LogIndex& logs = session_.index();
  if (logs.empty()) return false;
  const EntryId here = current.isValid() ? logModel_->entryAt(current.row()) : EntryId{0};
  bool number = false;
  const qulonglong line = text.toULongLong(&number);
  if (number) {
    if (showLocation(
            Location{logs[here].fileIndex(), LineNumber{line}, std::nullopt, std::nullopt, std::nullopt}))
      return true;
    statusBar()->showMessage(
        tr("No line %1 in %2").arg(QString::number(line), toQString(logs.file(logs[here].fileIndex()).name)),
        4000);
    return false;
  }
  // A time as shown: the log's local time, or UTC in UTC mode.
  const bool utc = logModel_->timeMode() == TimeMode::Utc;
  const auto timeOf = [&](EntryId id) { return utc ? logs[id].utc() : logs[id].local(); };
  std::optional<Timestamp> day = timeOf(here);
  for (std::uint32_t i = 0; i < logs.size() && !day; ++i) day = timeOf(EntryId{i});
  const std::optional<Timestamp> target = parseTime(text, day);
  if (!target) {
    statusBar()->showMessage(
        tr("'%1' is neither a line number nor a time (09:45, 2023-01-17 09:45:30)").arg(text), 5000);
    return false;
  }
  for (int row = 0; row < logModel_->rowCount(); ++row) {
    const auto t = timeOf(logModel_->entryAt(row));
    if (t && t->ticks >= target->ticks) return selectEntry(logModel_->entryAt(row));
  }
  statusBar()->showMessage(tr("No line at or after %1").arg(text), 4000);
  return false;
}

void MainWindow::saveSession() {
  if (session_.inputs().isEmpty() || session_.loading()) return;
  QSettings s = settings();
  s.beginGroup(sessionGroup(session_.inputs()));
  const FilterBar::Kept filter = filterBar_->kept();
  s.setValue(kFilterTextKey, filter.text);
  s.setValue(kFilterRegexKey, filter.regex);
  QVariantList severities;
  for (const bool shown : filter.severities) severities << shown;
  s.setValue(kSeveritiesKey, severities);
  QStringList bookmarks;  // "file:line": entry ids hold for one load only
  for (const std::uint32_t id : logModel_->bookmarks()) {
    const IndexEntry& e = session_.index()[EntryId{id}];
    bookmarks << QStringLiteral("%1:%2").arg(QString::number(e.file), QString::number(e.line));
  }
  s.setValue(kBookmarksKey, bookmarks);
}

void MainWindow::restoreSession() {
  QSettings s = settings();
  s.beginGroup(sessionGroup(session_.inputs()));
  if (s.childKeys().isEmpty()) return;
  for (const QString& mark : s.value(kBookmarksKey).toStringList()) {
    const auto file = mark.section(QLatin1Char(':'), 0, 0).toUInt();
    const auto line = mark.section(QLatin1Char(':'), 1).toULongLong();
    const auto id =
        session_.find(Location{FileIndex{file}, LineNumber{line}, std::nullopt, std::nullopt, std::nullopt});
    if (id && !logModel_->bookmarked(*id)) logModel_->toggleBookmark(*id);
  }
  FilterBar::Kept filter{s.value(kFilterTextKey).toString(), s.value(kFilterRegexKey).toBool(), {}};
  const QVariantList severities = s.value(kSeveritiesKey).toList();
  for (std::size_t i = 0; i < filter.severities.size(); ++i) {
    filter.severities[i] =
        i >= static_cast<std::size_t>(severities.size()) || severities[static_cast<qsizetype>(i)].toBool();
  }
  filterBar_->restore(filter);
}

bool MainWindow::saveScreenshot(const QString& path) { return viewer::saveScreenshot(*this, path); }

bool MainWindow::exportReport(const QString& path) {
  const QString title =
      session_.inputs().isEmpty() ? QStringLiteral("logs") : QFileInfo(session_.inputs().front()).fileName();
  // The page tells every time in the table's clock, its prose too.
  Report report = session_.report();
  const Clock clock = logModel_->timeMode() == TimeMode::Utc ? Clock::Utc : Clock::Local;
  if (clock == Clock::Utc)
    report.findings = diagnose(report.timeline, DiagnosisOptions{clock, session_.knowledge()});
  const std::string html = html::reportPage(report, {.title = toUtf8(title), .clock = clock});
  std::ofstream out(toPath(path), std::ios::binary | std::ios::trunc);
  out.write(html.data(), static_cast<std::streamsize>(html.size()));
  out.close();
  if (!out) {
    if (isVisible()) QMessageBox::warning(this, tr("Export failed"), tr("Cannot write '%1'.").arg(path));
    return false;
  }
  statusBar()->showMessage(tr("Report written to %1").arg(path), 5000);
  return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList inputs;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) inputs << url.toLocalFile();
  }
  if (!inputs.isEmpty()) {
    event->acceptProposedAction();
    open(inputs);
  }
}

void MainWindow::rememberRecent(const QStringList& inputs) {
  const QString entry = recentEntry(inputs);
  QSettings s = settings();
  QStringList recent = s.value(kRecentKey).toStringList();
  recent.removeAll(entry);
  recent.prepend(entry);
  while (recent.size() > kMaxRecent) recent.removeLast();
  s.setValue(kRecentKey, recent);
  // Sessions are kept for the logs Recent can reopen, and no others.
  QStringList kept;
  for (const QString& e : recent) kept << sessionKey(e);
  s.beginGroup(kSessionsGroup);
  for (const QString& key : s.childGroups()) {
    if (!kept.contains(key)) s.remove(key);
  }
  s.endGroup();
  refreshRecentMenu();
}

void MainWindow::refreshRecentMenu() {
  if (!recentMenu_) return;
  recentMenu_->clear();
  const QStringList recent = settings().value(kRecentKey).toStringList();
  for (qsizetype i = 0; i < recent.size(); ++i) {
    const QStringList inputs = recent[i].split(QLatin1Char('\n'));
    QString label = inputs.front();
    if (inputs.size() > 1) label += tr(" (+%1 more)").arg(inputs.size() - 1);
    QAction* action = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(label));
    action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    connect(action, &QAction::triggered, this, [this, inputs] { open(inputs); });
  }
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::onReportChanged() {
  const Report& report = session_.report();
  banner_->setReport(report, session_.loading() ? loadingPercent_ : std::nullopt);
  timeline_->setReport(&report);
  fitTimelineHeight();
  if (report.findings.empty()) {
    findingsView_->setPlaceholder(
        session_.loading()     ? tr("Reading the logs…")
        : report.files.empty() ? tr("Open a ccmsetup.log, or drop a machine's log folder here.")
        : nothingRead(report)  ? tr("Nothing could be read from these logs, so nothing can be said "
                                     "about them: the banner above says why.")
                               : tr("No problems found in these logs."));
  }
  if (!session_.loading()) fitPanels();
}

void MainWindow::onProgress(std::uint64_t done, std::uint64_t total) {
  const int percent = total ? static_cast<int>(std::min<std::uint64_t>(100, done * 100 / total)) : 100;
  loadingPercent_ = percent;
  progress_->setValue(percent);
  const bool show = session_.loading();
  progress_->setVisible(show);
  cancel_->setVisible(show);
  banner_->setReport(session_.report(), show ? loadingPercent_ : std::nullopt);
}

void MainWindow::onLoadFinished(bool cancelled) {
  progress_->hide();
  cancel_->hide();
  loadingPercent_.reset();
  onReportChanged();
  if (cancelled) statusBar()->showMessage(tr("Loading cancelled: showing what was read"), 5000);
  // Of many runs, the one the verdict comes from is the one to see.
  if (const auto run = session_.report().timeline.outcome.run) {
    const QRect lane = timeline_->laneRect(*run);
    if (!lane.isEmpty())
      timelineArea_->ensureVisible(0, lane.center().y(), 0, lane.height() / 2 + 24);  // clear of the axis
  }
  if (restoreSessionWhenLoaded_) {
    restoreSessionWhenLoaded_ = false;
    restoreSession();
  }
  if (showHeadlineWhenLoaded_) {
    showHeadlineWhenLoaded_ = false;
    // Tailing, the newest lines are what matters; back in a filtered session, its rows.
    if (session_.following()) {
      table_->scrollToBottom();
    } else if ((logModel_->filter().active() || !showHeadline()) && logModel_->rowCount() > 0) {
      selectEntry(logModel_->entryAt(0));
    }
  }
  updateStatus();
}

void MainWindow::onCurrentRowChanged() {
  const QModelIndex current = table_->currentIndex();
  detail_->showEntry(current.isValid() ? std::optional<EntryId>(logModel_->entryAt(current.row()))
                                       : std::nullopt);
}

void MainWindow::onSelectionChanged() {
  // Between the top and the bottom selected rows: what a person selecting two lines means.
  const QItemSelection selection = table_->selectionModel()->selection();
  int top = std::numeric_limits<int>::max(), bottom = -1;
  for (const QItemSelectionRange& range : selection) {
    top = std::min(top, range.top());
    bottom = std::max(bottom, range.bottom());
  }
  if (bottom <= top) {
    elapsed_->clear();
    return;
  }
  const IndexEntry& first = session_.index()[logModel_->entryAt(top)];
  const IndexEntry& last = session_.index()[logModel_->entryAt(bottom)];
  if (!first.local() || !last.local()) {
    elapsed_->setText(tr("Elapsed: a selected line has no time"));
    return;
  }
  // UTC when both are known, so that a change of daylight saving time in between counts.
  const bool utc = first.utc() && last.utc();
  const std::int64_t ticks =
      utc ? last.utc()->ticks - first.utc()->ticks : last.localTicks - first.localTicks;
  elapsed_->setText(
      tr("Elapsed: %1 (line %2 → line %3)").arg(formatDuration(ticks)).arg(first.line).arg(last.line));
}

void MainWindow::updateStatus() {
  const LogIndex& logs = session_.index();
  QString text;
  if (logs.fileCount() > 0) {
    text = tr("%n file(s)", "", static_cast<int>(logs.fileCount())) +
           tr(" · %1 of %2 lines shown").arg(logModel_->rowCount()).arg(logs.size());
  }
  if (logModel_->filtering()) text += tr(" · filtering…");
  if (session_.following()) text += tr(" · following");
  if (!session_.problems().isEmpty())
    text += QStringLiteral(" · ") + session_.problems().join(QStringLiteral("; "));
  status_->setText(text);
}

void MainWindow::updateTitle() {
  QStringList names;
  for (const QString& input : session_.inputs()) names << QFileInfo(input).fileName();
  setWindowTitle(names.isEmpty() ? QStringLiteral("ccmlog-viewer")
                                 : names.join(QStringLiteral(", ")) + QStringLiteral(" — ccmlog-viewer"));
}

void MainWindow::showKeyboardHelp() {
  QString html = QStringLiteral("<table cellpadding='3'>");
  for (QAction* menuAction : menuBar()->actions()) {
    if (!menuAction->menu()) continue;
    html += QStringLiteral("<tr><td colspan='2'><b>%1</b></td></tr>")
                .arg(menuAction->text().remove(QLatin1Char('&')));
    for (QAction* action : menuAction->menu()->actions()) {
      if (action->shortcut().isEmpty()) continue;
      html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                  .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                       action->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
  }
  html += QStringLiteral("</table>");
  QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), html, QMessageBox::Close, this);
  box.exec();
}

void MainWindow::askGoTo() {
  if (session_.index().empty()) return;
  bool ok = false;
  const QString where = QInputDialog::getText(
      this, tr("Go To"), tr("A line number, or a time (09:45:30, or 2023-01-17 09:45:30):"),
      QLineEdit::Normal, QString(), &ok);
  if (ok && !where.trimmed().isEmpty()) goTo(where);
}

// The files chosen are remembered; Clear goes back to the built-in knowledge alone.
void MainWindow::chooseKnowledgeFiles() {
  QSettings s = settings();
  const QStringList current = s.value(kKnowledgeKey).toStringList();
  QMessageBox box(
      QMessageBox::NoIcon, tr("Knowledge Files"),
      current.isEmpty()
          ? tr("Only the built-in knowledge is used.")
          : tr("The built-in knowledge is extended with:\n%1").arg(current.join(QLatin1Char('\n'))),
      QMessageBox::Cancel, this);
  box.setInformativeText(tr("Knowledge files (TOML) add causes of your own; see README, Knowledge files."));
  const QPushButton* choose = box.addButton(tr("&Choose Files…"), QMessageBox::AcceptRole);
  const QPushButton* clear =
      current.isEmpty() ? nullptr : box.addButton(tr("C&lear"), QMessageBox::ResetRole);
  box.exec();
  QStringList files;
  if (box.clickedButton() == choose) {
    files = QFileDialog::getOpenFileNames(this, tr("Choose knowledge files"), {},
                                          tr("Knowledge (*.toml);;All files (*)"));
    if (files.isEmpty()) return;
  } else if (!clear || box.clickedButton() != clear) {
    return;
  }
  s.setValue(kKnowledgeKey, files);
  setKnowledgeFiles(files);
}

void MainWindow::chooseHighlights() {
  QSettings s = settings();
  HighlightDialog dialog(s.value(kHighlightsKey).toString(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  QString problem;
  logModel_->setHighlights(compileHighlights(dialog.rules(), &problem));
  s.setValue(kHighlightsKey, dialog.rules());
  if (!problem.isEmpty()) statusBar()->showMessage(problem, 5000);
}

}  // namespace ccmlog::viewer
