// Tests of following (log_session.h, file_follower.h): a growing log, a record
// written in two pieces, a rotation to .lo_, a truncation, a replacement, a
// deletion and garbage.
#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "main_window.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

std::string lines(int from, int count) {
  std::string out;
  for (int i = from; i < from + count; ++i) out += test::cmtrace("line " + std::to_string(i));
  return out;
}

QString lastText(MainWindow& w) {
  const int rows = w.logModel().rowCount();
  return w.logModel().index(rows - 1, LogTableModel::TextColumn).data().toString();
}

}  // namespace

class FollowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void growthPiecesRotationAndTruncation() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, "\xEF\xBB\xBF" + lines(1, 3));
    MainWindow w;
    QAbstractItemModelTester tester(&w.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.show();
    w.setFollow(true);
    w.open({dir.path()});
    QVERIFY(w.session().waitForLoaded());
    QCOMPARE(w.logModel().rowCount(), 3);

    // Growth.
    test::writeFile(log, lines(4, 2), true);
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 5; }));
    QCOMPARE(lastText(w), QStringLiteral("line 5"));

    // A record written in two pieces: the half is read again once whole.
    const std::string next = test::cmtrace("line 6, a long message\r\nwith a second line");
    test::writeFile(log, next.substr(0, 30), true);
    QTest::qWait(1200);
    test::writeFile(log, next.substr(30), true);
    QVERIFY(test::waitUntil([&] { return lastText(w) == QStringLiteral("line 6, a long message …"); }));
    QCOMPARE(w.logModel().rowCount(), 6);

    // Rotation: the log becomes ccmsetup.lo_ and a new one starts; old rows stay readable.
    const std::filesystem::path rotated = dir.filePath(QStringLiteral("ccmsetup.lo_")).toStdString();
    std::filesystem::rename(log, rotated);
    test::writeFile(log, "\xEF\xBB\xBF" + lines(7, 2));
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 8; }));
    QCOMPARE(w.session().index().fileCount(), 2u);
    QCOMPARE(w.session().index().file(FileIndex{0}).path, rotated);
    QCOMPARE(w.logModel().index(0, LogTableModel::TextColumn).data().toString(), QStringLiteral("line 1"));
    QCOMPARE(lastText(w), QStringLiteral("line 8"));
    test::writeFile(log, lines(9, 1), true);
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 9; }));

    // Truncation: read again from the start (the folder now has the .lo_ and the new log).
    test::writeFile(log, "\xEF\xBB\xBF" + lines(20, 1));
    QVERIFY(test::waitUntil([&] { return lastText(w) == QStringLiteral("line 20"); }));
    QCOMPARE(w.logModel().rowCount(), 7);
    QVERIFY(w.session().following());
  }

  // Replaced by a bigger file of other content, deleted, garbage, then back.
  void replacedDeletedAndGarbledLogsAreReadAgain() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, lines(1, 3));
    MainWindow w;
    w.show();
    w.setFollow(true);
    w.open({dir.path()});
    QVERIFY(w.session().waitForLoaded());

    const std::filesystem::path other = dir.filePath(QStringLiteral("other.tmp")).toStdString();
    test::writeFile(other, lines(30, 5));
    std::filesystem::rename(other, log);  // a new inode under the same name
    QVERIFY(test::waitUntil([&] { return lastText(w) == QStringLiteral("line 34"); }));
    QCOMPARE(w.logModel().rowCount(), 5);

    std::filesystem::remove(log);
    QTest::qWait(1200);  // two polls of a missing file
    QVERIFY(w.session().following());

    std::string garbage(100'000, '\0');
    for (size_t i = 0; i < garbage.size(); i += 7) garbage[i] = static_cast<char>(i * 31);
    test::writeFile(log, garbage);
    QVERIFY(test::waitUntil(
        [&] { return w.logModel().rowCount() > 0 && lastText(w) != QStringLiteral("line 34"); }));

    test::writeFile(log, lines(40, 1));
    QVERIFY(test::waitUntil([&] { return lastText(w) == QStringLiteral("line 40"); }));
    QCOMPARE(w.logModel().rowCount(), 1);
    QVERIFY(w.session().following());
  }

  void aTextFilterAppliesToNewLines() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, lines(1, 12));
    MainWindow w;
    QAbstractItemModelTester tester(&w.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    w.setFollow(true);
    w.open({dir.path()});
    QVERIFY(w.session().waitForLoaded());
    w.filterBar().textField()->setText(QStringLiteral("line 1"));  // 1, 10, 11, 12
    emit w.filterBar().textField()->returnPressed();
    QVERIFY(test::waitUntil([&] { return !w.logModel().filtering() && w.logModel().rowCount() == 4; }));
    test::writeFile(log, lines(13, 10), true);  // 13 to 19 match, 20 to 22 do not
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 11; }));
    QCOMPARE(lastText(w), QStringLiteral("line 19"));
  }

  void theViewStaysWhereTheReaderLeftIt() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, lines(1, 200));
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.setFollow(true);
    w.open({dir.path()});
    QVERIFY(w.session().waitForLoaded());
    QScrollBar* bar = w.table().verticalScrollBar();

    // Reading near the top: new lines do not move the view.
    bar->setValue(10);
    test::writeFile(log, lines(201, 20), true);
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 220; }));
    QCOMPARE(bar->value(), 10);

    // At the bottom: the view follows the new lines.
    bar->setValue(bar->maximum());
    test::writeFile(log, lines(221, 20), true);
    QVERIFY(test::waitUntil([&] { return w.logModel().rowCount() == 240; }));
    QVERIFY(test::waitUntil([&] { return bar->value() == bar->maximum(); }));
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::FollowTest)
#include "follow_test.moc"
