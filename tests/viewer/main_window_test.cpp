// Tests of main_window.h: what a helpdesk person clicks, and what they get.
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

#include "main_window.h"
#include "qt_convert.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

const QString kServiceContext = test::testdata("machines/service-context-2009");

int currentLine(MainWindow& w) {
  const QModelIndex current = w.table().currentIndex();
  return current.isValid() ? static_cast<int>(w.session().index()[w.logModel().entryAt(current.row())].line)
                           : -1;
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
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
    find.find(false);
    QVERIFY(done.wait());
    QCOMPARE(currentLine(w), 55);
    find.find(false);  // wraps
    QVERIFY(done.wait());
    QCOMPARE(currentLine(w), 12);
    find.find(true);
    QVERIFY(done.wait());
    QCOMPARE(currentLine(w), 55);
    find.field()->setText(QStringLiteral("no such words"));
    find.find(false);
    QVERIFY(done.wait());
    QVERIFY(find.status().contains(QStringLiteral("not found")));
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
    for (int i = 0; i < 60'000; ++i) log += test::cmtrace("Downloading chunk " + std::to_string(i) + " of the client");
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

  // A file that tells nothing is named in the banner with the reason, not
  // passed off as "no known cause".
  void aFileThatTellsNothingIsSaidSo() {
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("ccmsetup.log"));
    const QString binary = dir.filePath(QStringLiteral("dump.log"));
    test::writeFile(toPath(empty), "");
    test::writeFile(toPath(binary), std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
    MainWindow w;
    w.open({empty});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.banner().badgeText(), QStringLiteral("UNKNOWN"));
    QCOMPARE(w.banner().reasonText(), QStringLiteral("ccmsetup.log: empty file"));
    w.open({binary});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.banner().reasonText(), QStringLiteral("dump.log: no ConfigMgr log format: read as plain text"));
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
      return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
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
