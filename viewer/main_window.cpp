#include "main_window.h"

#include <algorithm>
#include <fstream>

#include <QAction>
#include <QApplication>
#include <QClipboard>
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
#include <QVBoxLayout>

#include "error_code_scan.h"
#include "ccmlog/diagnosis.h"
#include "report_page.h"
#include "screenshot.h"

namespace ccmlog::viewer {
namespace {

constexpr int kMaxRecent = 9;
constexpr int kMaxTimelineHeight = 230;
const QString kRecentKey = QStringLiteral("recent");
const QString kHighlightsKey = QStringLiteral("highlights");

QSettings settings() { return QSettings(QStringLiteral("ccmlog"), QStringLiteral("ccmlog-viewer")); }

// "yellow retry" or "#c0ffc0 re:Download (complete|failed)": a colour, then a substring or an RE2 pattern.
std::vector<HighlightRule> parseHighlights(const QString& text, QString* problem) {
  std::vector<HighlightRule> rules;
  for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const QString trimmed = line.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    const QColor color(trimmed.left(space));
    QString pattern = space < 0 ? QString() : trimmed.mid(space + 1).trimmed();
    const bool regex = pattern.startsWith(QStringLiteral("re:"));
    if (regex) pattern = pattern.mid(3);
    auto matcher = TextMatcher::compile(toUtf8(pattern), regex);
    if (!color.isValid() || pattern.isEmpty() || !matcher) {
      if (problem) *problem = QObject::tr("not a rule: '%1'").arg(trimmed);
      continue;
    }
    rules.push_back({std::make_shared<const TextMatcher>(std::move(*matcher)), color.rgb() & 0xffffffu});
  }
  return rules;
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
  timelineArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  auto* findingsPanel = new QWidget(this);
  auto* findingsTitle =
      new QLabel(tr("<b>Findings</b> — why, what to do, and the lines that prove it"), this);
  auto* findingsLayout = new QVBoxLayout(findingsPanel);
  findingsLayout->setContentsMargins(0, 0, 0, 0);
  findingsLayout->setSpacing(2);
  findingsLayout->addWidget(findingsTitle);
  findingsLayout->addWidget(findingsView_, 1);

  auto* logSplit = new QSplitter(Qt::Vertical, this);
  logSplit->addWidget(table_);
  logSplit->addWidget(detail_);
  logSplit->setStretchFactor(0, 4);
  logSplit->setStretchFactor(1, 1);
  logSplit->setSizes({520, 100});
  auto* mainSplit = new QSplitter(Qt::Horizontal, this);
  mainSplit->addWidget(logSplit);
  mainSplit->addWidget(findingsPanel);
  mainSplit->setStretchFactor(0, 3);
  mainSplit->setStretchFactor(1, 2);
  mainSplit->setSizes({860, 540});

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(banner_);
  layout->addWidget(timelineArea_);
  layout->addWidget(filterBar_);
  layout->addWidget(mainSplit, 1);
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
  connect(cancel_, &QPushButton::clicked, &session_, &LogSession::cancel);
  connect(filterBar_, &FilterBar::changed, this, [this] { logModel_->setFilter(filterBar_->filter()); });
  connect(logModel_, &LogTableModel::filteringChanged, this, &MainWindow::updateStatus);
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
  logModel_->setHighlights(parseHighlights(settings().value(kHighlightsKey).toString(), nullptr));
  onReportChanged();
  updateStatus();
  resize(1400, 900);
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
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the findings report"), QStringLiteral("ccmlog-report.html"), tr("HTML (*.html)"));
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
  add(edit, tr("Select &All Rows"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
      [this] { table_->selectAll(); });
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
  add(go, tr("Go to &Line…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] { goToLine(); });
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

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  add(help, tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, [this] { showKeyboardHelp(); });
}

void MainWindow::open(const QStringList& inputs) {
  try {
    showHeadlineWhenLoaded_ = true;
    loadingPercent_ = 0;
    if (session_.open(inputs)) rememberRecent(inputs);
    updateTitle();
    updateStatus();
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Cannot open"), toQString(e.what()));
  }
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
  const int rows = logModel_->rowCount();
  const int current =
      table_->currentIndex().isValid() ? table_->currentIndex().row() : (backward ? rows : -1);
  for (int row = current + (backward ? -1 : 1); row >= 0 && row < rows; row += backward ? -1 : 1) {
    if (session_.index()[logModel_->entryAt(row)].severity() == Severity::Error) {
      selectEntry(logModel_->entryAt(row));
      return true;
    }
  }
  statusBar()->showMessage(backward ? tr("No error above") : tr("No error below"), 3000);
  return false;
}

bool MainWindow::saveScreenshot(const QString& path) { return viewer::saveScreenshot(*this, path); }

bool MainWindow::exportReport(const QString& path) {
  const QString title =
      session_.inputs().isEmpty() ? QStringLiteral("logs") : QFileInfo(session_.inputs().front()).fileName();
  // The page tells every time in the table's clock, its prose too.
  Report report = session_.report();
  const Clock clock = logModel_->timeMode() == TimeMode::Utc ? Clock::Utc : Clock::Local;
  if (clock == Clock::Utc) report.findings = diagnose(report, DiagnosisOptions{clock});
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
  QStringList absolute;
  for (const QString& input : inputs) absolute << QFileInfo(input).absoluteFilePath();
  const QString entry = absolute.join(QLatin1Char('\n'));
  QSettings s = settings();
  QStringList recent = s.value(kRecentKey).toStringList();
  recent.removeAll(entry);
  recent.prepend(entry);
  while (recent.size() > kMaxRecent) recent.removeLast();
  s.setValue(kRecentKey, recent);
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
  // All lanes when they fit (two or three runs is the usual story), else a scrolling strip.
  timelineArea_->setFixedHeight(std::min(timeline_->sizeHint().height(), kMaxTimelineHeight));
  if (report.findings.empty()) {
    findingsView_->setPlaceholder(session_.loading() ? tr("Reading the logs…")
                                  : report.files.empty()
                                      ? tr("Open a ccmsetup.log, or drop a machine's log folder here.")
                                      : tr("No problems found in these logs."));
  }
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
  if (showHeadlineWhenLoaded_) {
    showHeadlineWhenLoaded_ = false;
    if (session_.following()) {
      table_->scrollToBottom();  // tailing: the newest lines are what matters
    } else if (!showHeadline() && logModel_->rowCount() > 0) {
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

void MainWindow::goToLine() {
  if (session_.index().empty()) return;
  bool ok = false;
  const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line:"), 1, 1,
                                        std::numeric_limits<int>::max(), 1, &ok);
  if (!ok) return;
  const QModelIndex current = table_->currentIndex();
  const FileIndex file =
      current.isValid() ? session_.index()[logModel_->entryAt(current.row())].fileIndex() : FileIndex{0};
  showLocation(Location{file, LineNumber{static_cast<std::uint64_t>(line)}, std::nullopt, std::nullopt, std::nullopt});
}

void MainWindow::chooseHighlights() {
  QSettings s = settings();
  bool ok = false;
  const QString text = QInputDialog::getMultiLineText(
      this, tr("Highlight Rules"),
      tr("One rule per line: a colour, then the text to highlight (case-insensitive),\n"
         "or re: and an RE2 pattern. For example:\n  yellow retry\n  #c8f0c8 re:Download "
         "(complete|succeeded)"),
      s.value(kHighlightsKey).toString(), &ok);
  if (!ok) return;
  QString problem;
  logModel_->setHighlights(parseHighlights(text, &problem));
  s.setValue(kHighlightsKey, text);
  if (!problem.isEmpty()) statusBar()->showMessage(problem, 5000);
}

}  // namespace ccmlog::viewer
