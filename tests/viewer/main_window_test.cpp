// Tests of main_window.h: what a helpdesk person clicks, and what they get.
#include "main_window.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <memory>
#include <string>

#include "ccmlog/knowledge.h"
#include "models/qt_convert.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

const QString kServiceContext = test::testdata("machines/service-context-2009");

int currentLine(MainWindow& w) {
  const QModelIndex current = w.table().currentIndex();
  return current.isValid() ? static_cast<int>(w.session().index()[w.logModel().entryAt(current.row())].line)
                           : -1;
}

// A task-sequence log: CMTrace records, no ccmsetup run.
std::string smstsLog() {
  std::string log;
  for (int i = 0; i < 40; ++i) {
    log += test::cmtrace("Executing command line: cmd.exe /c step " + std::to_string(i), "16:53:52.712+480",
                         "1", "636", "02-07-2024");
  }
  return log;
}

QAction* actionNamed(MainWindow& w, const QString& text) {
  for (QAction* a : w.actions()) {
    if (a->text().remove(QLatin1Char('&')) == text) return a;
  }
  for (QAction* a : w.table().actions()) {
    if (a->text().remove(QLatin1Char('&')) == text) return a;
  }
  return nullptr;
}

// A ccmsetup.log whose one line is a sample of testdata/knowledge/contoso.toml's AppLocker cause.
QString appLockerLog(const QTemporaryDir& dir) {
  const QString path = dir.filePath(QStringLiteral("ccmsetup.log"));
  test::writeFile(toPath(path),
                  test::cmtrace("==========[ ccmsetup started in process 4711 ]==========") +
                      test::cmtrace("Failed to launch file 'C:\\Windows\\ccmsetup\\vcredist_x64.exe'. "
                                    "Error 0x800704ec",
                                    "09:41:08.449+300", "3"));
  return path;
}

// Whether the findings model shows a finding of `rule` (its detail starts with the rule id).
bool showsRule(const FindingsModel& model, const QString& rule) {
  for (int f = 0; f < model.rowCount(); ++f) {
    if (model.index(f, 0).data(FindingsModel::DetailRole).toString().startsWith(rule + QStringLiteral(" "))) {
      return true;
    }
  }
  return false;
}

QModelIndex evidenceAtLine(const FindingsModel& model, int line) {
  for (int f = 0; f < model.rowCount(); ++f) {
    const QModelIndex finding = model.index(f, 0);
    for (int e = 0; e < model.rowCount(finding); ++e) {
      const QModelIndex evidence = model.index(e, 0, finding);
      if (static_cast<int>(value(model.locationAt(evidence)->line)) == line) return evidence;
    }
  }
  return {};
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ccmlog-tests"));  // settings of this test's own
  }

  void init() { QSettings().clear(); }

  // The status bar counts the rows shown after every change: a severity
  // toggled, a text filter applied, the filter cleared.
  void theRowCountFollowsTheFilter() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(w.statusText().contains(QStringLiteral("79 of 79 lines shown")));
    w.filterBar().severityButton(Severity::Info)->setChecked(false);
    const QString shown = QStringLiteral("%1 of 79 lines shown").arg(w.logModel().rowCount());
    QVERIFY(w.logModel().rowCount() < 79);
    QVERIFY2(w.statusText().contains(shown), qPrintable(w.statusText()));
    w.filterBar().clear();
    QVERIFY2(w.statusText().contains(QStringLiteral("79 of 79 lines shown")), qPrintable(w.statusText()));
    w.filterBar().textField()->setText(QStringLiteral("running as user"));
    emit w.filterBar().textField()->returnPressed();
    QVERIFY(test::waitUntil([&] { return !w.logModel().filtering(); }));
    QVERIFY2(w.statusText().contains(QStringLiteral("2 of 79 lines shown")), qPrintable(w.statusText()));
    w.filterBar().clear();
    QVERIFY2(w.statusText().contains(QStringLiteral("79 of 79 lines shown")), qPrintable(w.statusText()));
  }

  // A first launch on a small laptop screen: the whole window on the screen.
  void theFirstWindowFitsTheScreen() {
    MainWindow w;
    const QRect available = w.screen()->availableGeometry();
    QVERIFY(w.width() <= available.width() && w.height() <= available.height());
    QVERIFY(w.width() >= available.width() / 2);
  }

  // Geometry, splitters, columns, panels and the time mode come back after a restart.
  void settingsSurviveARestart() {
    QList<int> sizes;
    QByteArray geometry;
    {
      MainWindow w;
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      w.resize(700, 500);
      w.mainSplitter().setSizes({500, 200});
      sizes = w.mainSplitter().sizes();
      w.table().setColumnWidth(LogTableModel::ComponentColumn, 171);
      w.setTimeMode(TimeMode::Utc);
      actionNamed(w, QStringLiteral("Detail of the Line"))->trigger();
      QVERIFY(!w.detail().isVisible());
      geometry = w.saveGeometry();
      QVERIFY(w.close());
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), QSize(700, 500));
    QCOMPARE(w.mainSplitter().sizes(), sizes);
    QCOMPARE(w.table().columnWidth(LogTableModel::ComponentColumn), 171);
    QCOMPARE(w.logModel().timeMode(), TimeMode::Utc);
    QVERIFY(!w.detail().isVisible());
    QVERIFY(!actionNamed(w, QStringLiteral("Detail of the Line"))->isChecked());
  }

  // A log with no ccmsetup run: the empty timeline and findings fold away;
  // the user can show them again, and a ccmsetup.log brings them back.
  void panelsWithNothingToShowFoldAway() {
    QTemporaryDir dir;
    const QString smsts = dir.filePath(QStringLiteral("smsts.log"));
    test::writeFile(toPath(smsts), smstsLog());
    MainWindow w;
    w.show();
    w.open({smsts});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(!w.timelinePanel().isVisible());
    QVERIFY(!w.findingsPanel().isVisible());
    QVERIFY2(w.banner().reasonText().startsWith(QStringLiteral("Nothing about a client install here")),
             qPrintable(w.banner().reasonText()));
    QVERIFY(w.table().isVisible());
    QAction* findings = actionNamed(w, QStringLiteral("Findings"));
    QVERIFY(findings && !findings->isChecked());
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(w.timelinePanel().isVisible());
    QVERIFY(w.findingsPanel().isVisible());
    // Hidden by hand: stays hidden for the next log.
    QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!w.findingsPanel().isVisible());
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(!w.findingsPanel().isVisible());
    QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w.findingsPanel().isVisible());
  }

  // Nothing read is not "no problems found".
  void aMissingFileIsNotAnAllClear() {
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    w.open({dir.filePath(QStringLiteral("ccmsetup.log"))});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY2(w.findingsView().placeholder().startsWith(QStringLiteral("Nothing could be read")),
             qPrintable(w.findingsView().placeholder()));
    QVERIFY(w.findingsPanel().isVisible());
  }

  void ctrlASelectsEveryRow() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    w.table().setFocus();
    QTest::keyClick(&w.table(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(w.table().selectionModel()->selectedRows().size(), 79);
    QCOMPARE(actionNamed(w, QStringLiteral("Select All Rows"))->shortcut(),
             QKeySequence(QKeySequence::SelectAll));
    // In a text field, Ctrl+A selects its text, not the rows.
    w.table().clearSelection();
    w.filterBar().textField()->setText(QStringLiteral("abc"));
    w.filterBar().textField()->setFocus();
    QTest::keyClick(w.filterBar().textField(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(w.filterBar().textField()->selectedText(), QStringLiteral("abc"));
    QCOMPARE(w.table().selectionModel()->selectedRows().size(), 0);
  }

  // Six-digit line numbers, in the bold of cited rows with their icon, are not cut to "12…".
  void theLineColumnFitsTheLargestNumber() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ccmsetup.log"));
    // A message of 123 456 lines pushes the service-context story past line 100 000.
    std::string message = "Command line output:";
    for (int i = 0; i < 123'456; ++i) message += "\r\nx";
    std::string log = test::cmtrace(message, "09:40:00.000+300");
    QFile original(kServiceContext + QStringLiteral("/ccmsetup.log"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    log += original.readAll().toStdString();
    test::writeFile(toPath(path), log);
    MainWindow w;
    w.show();
    w.open({path});
    QVERIFY(w.session().waitForLoaded());
    const QModelIndex cited = w.table().currentIndex();  // the headline's evidence, in bold with its icon
    QVERIFY(cited.isValid());
    const QModelIndex number = w.logModel().index(cited.row(), LogTableModel::LineColumn);
    QVERIFY(number.data().toULongLong() > 100'000);
    QVERIFY(!number.data(Qt::DecorationRole).isNull());
    QVERIFY2(w.table().sizeHintForIndex(number).width() <= w.table().columnWidth(LogTableModel::LineColumn),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(w.table().sizeHintForIndex(number).width())
                            .arg(w.table().columnWidth(LogTableModel::LineColumn))));
  }

  void theVerdictAndItsProofAtAGlance() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.banner().badgeText(), QStringLiteral("FAILED"));
    QVERIFY(w.banner().reasonText().contains(
        QStringLiteral("runs as SYSTEM and cannot read \\\\fileserver\\sccm$")));
    // The headline's first error line is selected, its code decoded.
    QCOMPARE(currentLine(w), 57);
    QVERIFY(w.detail().messageText().startsWith(QStringLiteral("Failed to access source file")));
    QVERIFY(w.detail().codesText().contains(QStringLiteral("ERROR_ACCESS_DENIED")));
    QVERIFY(w.detail().codesText().contains(QStringLiteral("Access is denied.")));
  }

  void clickingEvidenceSelectsItsLine() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    const QModelIndex evidence = evidenceAtLine(w.findingsModel(), 20);
    QVERIFY(evidence.isValid());
    FindingsView& view = w.findingsView();
    view.scrollTo(evidence);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(evidence).center());
    QCOMPARE(currentLine(w), 20);
    QVERIFY(w.detail().messageText().contains(QStringLiteral("Successfully created the ccmsetup service")));
    // The selected row is on screen.
    const QRect row = w.table().visualRect(w.table().currentIndex());
    QVERIFY(w.table().viewport()->rect().intersects(row));

    // Keyboard: Enter on an evidence row does the same.
    const QModelIndex other = evidenceAtLine(w.findingsModel(), 55);
    QVERIFY(other.isValid());
    view.setFocus();
    view.setCurrentIndex(other);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(currentLine(w), 55);
  }

  void evidenceHiddenByAFilterClearsIt() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    w.filterBar().severityButton(Severity::Info)->setChecked(false);
    QVERIFY(w.logModel().filter().active());
    QVERIFY(w.showLocation(*w.findingsModel().locationAt(evidenceAtLine(w.findingsModel(), 20))));
    QCOMPARE(currentLine(w), 20);
    QVERIFY(!w.logModel().filter().active());
  }

  void clickingTheTimelineJumpsToTheLine() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    TimelineWidget& t = w.timeline();
    QVERIFY(t.height() > 60);
    // Somewhere in the second lane (the service run) there is a bar or a mark.
    std::optional<QPoint> hit;
    for (int y = 0; y < t.height() && !hit; y += 2) {
      for (int x = t.width() / 3; x < t.width() && !hit; x += 3) {
        const auto where = t.locationAt(QPointF(x, y));
        if (where && value(where->line) > 22) hit = QPoint(x, y);
      }
    }
    QVERIFY(hit);
    const auto where = t.locationAt(*hit);
    QTest::mouseClick(&t, Qt::LeftButton, {}, *hit);
    QCOMPARE(currentLine(w), static_cast<int>(value(where->line)));
  }

  void errorsOneAfterAnother() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    w.table().setCurrentIndex(w.logModel().index(0, 0));
    QVERIFY(w.nextError(false));
    QCOMPARE(currentLine(w), 50);  // the benign WMI error comes first
    QVERIFY(w.nextError(false));
    QCOMPARE(currentLine(w), 57);
    QVERIFY(w.nextError(true));
    QCOMPARE(currentLine(w), 50);
    QVERIFY(!w.nextError(true));
  }

  void elapsedBetweenTwoSelectedLines() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    auto& sel = *w.table().selectionModel();
    sel.clearSelection();
    const auto rowOf = [&](std::uint64_t line) {
      return *w.logModel().rowOf(*w.session().find(Location{FileIndex{0}, LineNumber{line}, {}, {}, {}}));
    };
    sel.select(w.logModel().index(rowOf(20), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    sel.select(w.logModel().index(rowOf(79), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(w.elapsedText(), QStringLiteral("Elapsed: 1 h 00 min 03.997 s (line 20 → line 79)"));
    QVERIFY(w.selectedRowsText().count(QStringLiteral("\r\n")) == 2);
  }

  void findNextAndPrevious() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    w.table().setCurrentIndex(w.logModel().index(0, 0));
    FindBar& find = w.findBar();
    find.activate();
    find.field()->setText(QStringLiteral("running as user"));
    QSignalSpy done(&find, &FindBar::finished);
    find.find(false);
    QVERIFY(done.wait());
    QCOMPARE(currentLine(w), 12);
    QCOMPARE(find.status(), QStringLiteral("1 of 2"));
    find.find(false);  // the matches are known: at once
    QCOMPARE(currentLine(w), 55);
    QCOMPARE(find.status(), QStringLiteral("2 of 2"));
    find.find(false);  // wraps
    QCOMPARE(currentLine(w), 12);
    find.find(true);
    QCOMPARE(currentLine(w), 55);
    QCOMPARE(done.size(), 4);
    QTest::keyClicks(find.field(), QStringLiteral(" nobody"));  // typing forgets the matches
    QVERIFY(!find.matchingRows());
    find.find(false);
    QVERIFY(done.wait());
    QCOMPARE(find.status(), QStringLiteral("'running as user nobody' not found"));
    QCOMPARE(currentLine(w), 55);
  }

  void invalidRegexSaysSoAndKeepsTheRows() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    FilterBar& bar = w.filterBar();
    bar.regexBox()->setChecked(true);
    bar.textField()->setText(QStringLiteral("Error 0x(8007"));
    emit bar.textField()->returnPressed();
    QVERIFY(bar.problem().contains(QStringLiteral("invalid regular expression")));
    QCOMPARE(w.logModel().rowCount(), 79);
    bar.textField()->setText(QStringLiteral("Error 0x(8007)0005"));
    emit bar.textField()->returnPressed();
    QVERIFY(bar.problem().isEmpty());
    QVERIFY(test::waitUntil([&] { return !w.logModel().filtering(); }));
    QCOMPARE(w.logModel().rowCount(), 7);
    bar.fromField()->setText(QStringLiteral("soon"));
    emit bar.fromField()->returnPressed();
    QVERIFY(bar.problem().contains(QStringLiteral("not a time")));
  }

  // The model and the find bar scan the session's index on worker threads.
  // Closing the window while they run must stop them before the index goes
  // (under ASan, reading it afterwards is a heap-use-after-free).
  void closingWhileScansRunIsSafe() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ccmsetup.log"));
    std::string log;
    for (int i = 0; i < 60'000; ++i)
      log += test::cmtrace("Downloading chunk " + std::to_string(i) + " of the client");
    test::writeFile(toPath(path), log);
    auto w = std::make_unique<MainWindow>();
    w->open({path});
    QVERIFY(w->session().waitForLoaded());
    w->filterBar().textField()->setText(QStringLiteral("no such text"));
    emit w->filterBar().textField()->returnPressed();
    QVERIFY(w->logModel().filtering());
    w->findBar().field()->setText(QStringLiteral("nor this"));
    emit w->findBar().field()->returnPressed();
    QVERIFY(w->findBar().searching());
    w.reset();
  }

  // Rows arriving while a search runs (a load, a follow) must not cancel it.
  void findWhileTheLogLoads() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ccmsetup.log"));
    std::string log;
    for (int i = 0; i < 200'000; ++i) log += test::cmtrace("Downloading chunk " + std::to_string(i));
    test::writeFile(toPath(path), log);
    MainWindow w;
    w.open({path});
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() > 0; }));
    if (!w.session().loading()) QSKIP("the log was read before the search could start");
    QSignalSpy done(&w.findBar(), &FindBar::finished);
    w.findBar().field()->setText(QStringLiteral("chunk 1"));
    w.findBar().find(false);
    QVERIFY(done.wait(30'000));
    QVERIFY(done.front().front().toBool());
    QVERIFY(w.session().waitForLoaded());
  }

  // A file that tells nothing is named in the banner with the reason, not
  // passed off as "no known cause".
  void aFileThatTellsNothingIsSaidSo() {
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("ccmsetup.log"));
    const QString binary = dir.filePath(QStringLiteral("dump.log"));
    test::writeFile(toPath(empty), "");
    test::writeFile(toPath(binary), std::string("\x7f"
                                                "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                                20));
    MainWindow w;
    w.open({empty});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.banner().badgeText(), QStringLiteral("UNKNOWN"));
    QCOMPARE(w.banner().reasonText(), QStringLiteral("ccmsetup.log: empty file"));
    w.open({binary});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.banner().reasonText(),
             QStringLiteral("dump.log: no ConfigMgr log format: read as plain text"));
    w.open({dir.filePath(QStringLiteral("gone.log"))});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY2(w.banner().reasonText().startsWith(QStringLiteral("gone.log: cannot open")),
             qPrintable(w.banner().reasonText()));
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(w.banner().reasonText().contains(QStringLiteral("runs as SYSTEM")));
  }

  void exportsTheReport() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    QVERIFY(w.exportReport(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains(QStringLiteral("service-context-source-access")));
    QVERIFY(html.contains(QStringLiteral("ERROR_ACCESS_DENIED")));
    QVERIFY(html.contains(QStringLiteral("2023-01-17T09:41:11.572, with")));  // the prose, local

    // In UTC mode the page, prose included, tells UTC.
    w.setTimeMode(TimeMode::Utc);
    QVERIFY(w.exportReport(path));
    QFile utcFile(path);
    QVERIFY(utcFile.open(QIODevice::ReadOnly));
    const QString utc = QString::fromUtf8(utcFile.readAll());
    QVERIFY(utc.contains(QStringLiteral("2023-01-17T14:41:11.572Z, with")));
    QVERIFY(!utc.contains(QStringLiteral("09:41:11.572")));
  }

  // Reading, following, selecting every row and exporting leave the log as it was.
  void theLogIsOnlyRead() {
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("ccmsetup.log"));
    QVERIFY(QFile::copy(kServiceContext + QStringLiteral("/ccmsetup.log"), log));
    const QDateTime old = QDateTime::fromSecsSinceEpoch(1'577'934'245);  // an old time any write would change
    {
      QFile file(log);
      QVERIFY(file.open(QIODevice::ReadWrite));
      QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
    }
    const auto hash = [&] {
      QFile file(log);
      return file.open(QIODevice::ReadOnly)
                 ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                 : QByteArray();
    };
    const QByteArray before = hash();
    {
      MainWindow w;
      w.show();
      w.setFollow(true);
      w.open({dir.path()});
      QVERIFY(w.session().waitForLoaded());
      QVERIFY(w.logModel().rowCount() > 0);
      w.table().selectAll();
      for (int row = 0; row < w.logModel().rowCount(); ++row) {
        w.logModel().index(row, LogTableModel::TextColumn).data();
      }
      QTest::qWait(1200);  // a follow poll
      QVERIFY(w.exportReport(dir.filePath(QStringLiteral("report.html"))));
    }
    QCOMPARE(hash(), before);
    QCOMPARE(QFileInfo(log).lastModified(), old);
  }

  // Ctrl+wheel (or Ctrl++) widens the strip; the moment under the pointer stays under it.
  void zoomingTheTimeline() {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    TimelineWidget& t = w.timeline();
    const int fit = t.width();
    const QPointF at(t.width() * 0.8, t.height() / 2.0);
    QWheelEvent wheel(at, t.mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&t, &wheel);
    QCOMPARE(t.zoom(), 1.25);
    QVERIFY(test::waitUntil([&] { return t.width() >= 1.2 * fit; }));
    const int shownX = static_cast<int>(at.x());  // where the pointer is, in the visible part
    const int scrolled = t.visibleRegion().boundingRect().left();
    QVERIFY(scrolled > 0);
    QVERIFY2(qAbs((scrolled + shownX) / double(t.width()) - 0.8) < 0.02,
             qPrintable(QStringLiteral("%1 %2 %3").arg(scrolled).arg(shownX).arg(t.width())));
    QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(t.zoom(), 2.5);
    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(t.zoom(), 1.0);
    QVERIFY(test::waitUntil([&] { return t.width() == fit; }));
  }

  // A client.msi.log alone: its run lasts from its first event to its last (37 s), and its
  // install phase (its last 3 s) is a bar of its own at the lane's end, not lost in a sliver.
  void anMsiLogsPhaseIsABar() {
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.open({test::testdata("machines/msi-only-client-1603")});
    QVERIFY(w.session().waitForLoaded());
    TimelineWidget& t = w.timeline();
    const QRect lane = t.laneRect(0);
    QVERIFY(!lane.isEmpty());
    int columns = 0,
        first = -1;  // of the strip, where some point of the lane shows the phase (from line 111)
    for (int x = 0; x < t.width(); x += 2) {
      for (int y = lane.top(); y < lane.bottom(); y += 2) {
        const auto where = t.locationAt(QPointF(x, y));
        if (where && value(where->line) == 111) {
          ++columns;
          if (first < 0) first = x;
          break;
        }
      }
    }
    QVERIFY2(columns * 2 >= 6, qPrintable(QStringLiteral("%1 of %2").arg(columns * 2).arg(t.width())));
    QVERIFY2(first > t.width() / 2,
             qPrintable(QStringLiteral("starts at %1 of %2").arg(first).arg(t.width())));
  }

  void bookmarksOneAfterAnother() {
    MainWindow w;
    w.show();
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(!w.nextBookmark(false));
    for (const int line : {57, 20}) {
      QVERIFY(w.goTo(QString::number(line)));
      QTest::keyClick(&w, Qt::Key_F2, Qt::ControlModifier);
    }
    QCOMPARE(w.logModel().bookmarks().size(), 2u);
    QVERIFY(w.goTo(QStringLiteral("1")));
    QTest::keyClick(&w, Qt::Key_F2);
    QCOMPARE(currentLine(w), 20);
    QVERIFY(w.nextBookmark(false));
    QCOMPARE(currentLine(w), 57);
    QVERIFY(!w.nextBookmark(false));
    QTest::keyClick(&w, Qt::Key_F2, Qt::ShiftModifier);
    QCOMPARE(currentLine(w), 20);
    const QModelIndex row = w.table().currentIndex();
    QVERIFY(!w.logModel().index(row.row(), LogTableModel::TextColumn).data(Qt::DecorationRole).isNull());
    w.toggleBookmark();  // off again
    QVERIFY(w.logModel().index(row.row(), LogTableModel::TextColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(w.logModel().bookmarks().size(), 1u);
  }

  void goToALineOrATime() {
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(w.goTo(QStringLiteral("57")));
    QCOMPARE(currentLine(w), 57);
    QVERIFY(w.goTo(QStringLiteral("09:41:11")));
    QCOMPARE(currentLine(w), 49);  // 09:41:11.014
    QVERIFY(w.goTo(QStringLiteral(" 2023-01-17 09:41:11.5 ")));
    QCOMPARE(currentLine(w), 56);
    QVERIFY(w.goTo(QStringLiteral("09:45")));  // in the ten minutes of nothing: the line after
    QCOMPARE(currentLine(w), 59);
    w.setTimeMode(TimeMode::Utc);  // the time as shown
    QVERIFY(w.goTo(QStringLiteral("14:41:11.5")));
    QCOMPARE(currentLine(w), 56);
    QVERIFY(!w.goTo(QStringLiteral("23:59")));
    QVERIFY(!w.goTo(QStringLiteral("soon")));
    QCOMPARE(currentLine(w), 56);
    QVERIFY(w.goTo(QStringLiteral("100000")));  // past the end: the last line, as editors do
    QCOMPARE(currentLine(w), 79);
  }

  // The filter and the bookmarks of some logs come back when they are opened again.
  void aSessionComesBackWithItsLogs() {
    {
      MainWindow w;
      w.open({kServiceContext});
      QVERIFY(w.session().waitForLoaded());
      QVERIFY(w.goTo(QStringLiteral("20")));
      w.toggleBookmark();
      w.filterBar().severityButton(Severity::Verbose)->setChecked(false);
      QVERIFY(w.close());
    }
    MainWindow w;
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(!w.filterBar().severityButton(Severity::Verbose)->isChecked());
    QVERIFY(!w.logModel().filter().severities[static_cast<std::size_t>(Severity::Verbose)]);
    QCOMPARE(w.logModel().bookmarks().size(), 1u);
    QVERIFY(w.nextBookmark(false) || w.nextBookmark(true));
    QCOMPARE(currentLine(w), 20);
    // Other logs have their own (here: none).
    QTemporaryDir dir;
    const QString smsts = dir.filePath(QStringLiteral("smsts.log"));
    test::writeFile(toPath(smsts), smstsLog());
    w.open({smsts});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(w.logModel().bookmarks().empty());
    QVERIFY(!w.logModel().filter().active());
  }

  // Only the logs Recent can reopen keep a session: the settings do not grow without end.
  void sessionsAreKeptForRecentLogsOnly() {
    QTemporaryDir dir;
    MainWindow w;
    for (int i = 0; i < 12; ++i) {
      const QString path = dir.filePath(QStringLiteral("smsts-%1.log").arg(i));
      test::writeFile(toPath(path), smstsLog());
      w.open({path});
      QVERIFY(w.session().waitForLoaded());
    }
    w.open({kServiceContext});  // saves the session of the last one
    QVERIFY(w.session().waitForLoaded());
    QSettings s;
    s.beginGroup(QStringLiteral("sessions"));
    // Recent holds nine: the open log (its session is saved on leaving it) and the last eight before it.
    QCOMPARE(s.childGroups().size(), 8);
  }

  // A machine's folder opens as its client-setup log group, merged, with the File column.
  void aFolderOpensItsSetupLogs() {
    QTemporaryDir dir;
    QVERIFY(QFile::copy(kServiceContext + QStringLiteral("/ccmsetup.log"),
                        dir.filePath(QStringLiteral("ccmsetup.log"))));
    test::writeFile(toPath(dir.filePath(QStringLiteral("client.msi.log"))),
                    "=== Verbose logging started: 1/17/2023  9:52:00 ===\r\n"
                    "MSI (s) (2C:30) [09:52:01:100]: Product: Configuration Manager Client -- Installation "
                    "failed.\r\n");
    test::writeFile(toPath(dir.filePath(QStringLiteral("WUAHandler.log"))), smstsLog());
    MainWindow w;
    w.show();
    w.open({dir.path()});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(static_cast<int>(w.session().index().fileCount()), 2);
    QVERIFY(!w.table().isColumnHidden(LogTableModel::FileColumn));
  }

  void errorLookupTakesEveryNotation() {
    ErrorLookupDialog dialog;
    for (const char* code : {"0x80070005", "80070005", "-2147024891", "2147942405", "5", "e_accessdenied"}) {
      dialog.lookUp(QString::fromLatin1(code));
      QVERIFY2(dialog.answer().contains(QStringLiteral("ERROR_ACCESS_DENIED")), code);
    }
    dialog.lookUp(QStringLiteral("0xC0000005"));  // a name without a text, and its family
    QVERIFY(dialog.answer().contains(QStringLiteral("STATUS_ACCESS_VIOLATION")));
    QVERIFY(dialog.answer().contains(QStringLiteral("ntstatus")));
    dialog.lookUp(QStringLiteral("banana"));
    QVERIFY(dialog.answer().contains(QStringLiteral("banana")));
  }

  void dropAFolder() {
    MainWindow w;
    w.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kServiceContext)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.session().inputs(), QStringList{kServiceContext});
    QCOMPARE(w.logModel().rowCount(), 79);
  }

  // A knowledge file's cause is found in the logs open, in the findings and
  // in UTC; cleared, it is not; chosen once, it is used after a restart.
  void knowledgeFilesAddTheirCauses() {
    const QString contoso = test::testdata("knowledge/contoso.toml");
    const QString applocker = QStringLiteral("applocker-blocked");
    QTemporaryDir dir;
    const QString log = appLockerLog(dir);
    {
      MainWindow w;
      w.open({log});
      QVERIFY(w.session().waitForLoaded());
      QCOMPARE(w.logModel().rowCount(), 2);
      QVERIFY(!showsRule(w.findingsModel(), applocker));

      QVERIFY(w.setKnowledgeFiles({contoso}).isEmpty());  // and the log is read again
      QVERIFY(w.session().waitForLoaded());
      QVERIFY(showsRule(w.findingsModel(), applocker));
      QCOMPARE(w.session().report().findings.front().rule, applocker.toStdString());
      w.setTimeMode(TimeMode::Utc);  // the findings diagnosed again
      QVERIFY(showsRule(w.findingsModel(), applocker));
      const QString page = dir.filePath(QStringLiteral("report.html"));
      QVERIFY(w.exportReport(page));
      QFile html(page);
      QVERIFY(html.open(QIODevice::ReadOnly));
      QVERIFY(html.readAll().contains("AppLocker stopped ccmsetup"));

      QVERIFY(w.setKnowledgeFiles({}).isEmpty());
      QVERIFY(w.session().waitForLoaded());
      QVERIFY(!showsRule(w.findingsModel(), applocker));
    }
    // Chosen in the Tools menu before a restart.
    QSettings().setValue(QStringLiteral("knowledge/files"), QStringList{contoso});
    MainWindow w;
    w.open({log});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY(showsRule(w.findingsModel(), applocker));
  }

  // A malformed knowledge file is left out, said with its file and line; the built-in knowledge still works.
  void aMalformedKnowledgeFileIsLeftOut() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.toml"));
    test::writeFile(toPath(bad),
                    "[[entry]]\n"
                    "rule = \"my-rule\"\n"
                    "cause = \"my-cause\"\n"
                    "severity = \"fatal\"\n"
                    "lines = ['never seen']\n");
    MainWindow w;
    const QStringList errors = w.setKnowledgeFiles({bad});
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.front().contains(bad + QStringLiteral(":4:")), qPrintable(errors.front()));
    QVERIFY2(errors.front().contains(QStringLiteral("severity")), qPrintable(errors.front()));
    w.open({kServiceContext});
    QVERIFY(w.session().waitForLoaded());
    QVERIFY2(w.statusText().contains(bad + QStringLiteral(":4:")), qPrintable(w.statusText()));
    QVERIFY(showsRule(w.findingsModel(), QStringLiteral("service-context-source-access")));
    QVERIFY(w.session().knowledge());
    QCOMPARE(w.session().knowledge()->entries().size(), Knowledge::builtIn()->entries().size());
  }

  void everyMenuActionHasAShortcut() {
    MainWindow w;
    for (QAction* menu : w.menuBar()->actions()) {
      for (QAction* action : menu->menu()->actions()) {
        if (action->isSeparator() || action->menu()) continue;
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
      }
    }
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::MainWindowTest)
#include "main_window_test.moc"
