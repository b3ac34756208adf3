// Tests of log_session.h: a large log shows rows and findings while it loads,
// can be cancelled, and never freezes the event loop.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "loading/log_session.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

// The service-context story, then its retry loop going on for `megabytes`.
std::filesystem::path writeLargeLog(const QTemporaryDir& dir, int megabytes) {
  QFile story(test::testdata("machines/service-context-2009/ccmsetup.log"));
  story.open(QIODevice::ReadOnly);
  const QByteArray bytes = story.readAll();
  const std::string head = bytes.left(bytes.indexOf("<![LOG[Failed to access source file")).toStdString();
  std::string block;
  for (int i = 0; i < 20; ++i)
    block += test::cmtrace("File download 44% complete (2621440 of 5940864 bytes).", "09:51:11.600+300", "0",
                           "5284");
  block += test::cmtrace(
      "Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error 0x80070005",
      "09:51:11.630+300", "3", "5284");
  block += test::cmtrace("Next retry in 10 minute(s)...", "09:51:11.677+300", "1", "5284");
  const std::filesystem::path path = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
  std::string body = head;
  while (body.size() < static_cast<std::size_t>(megabytes) << 20) body += block;
  test::writeFile(path, body);
  return path;
}

}  // namespace

class LogSessionTest : public QObject {
  Q_OBJECT

 private slots:
  void rowsAndFindingsArriveWhileLoading() {
    QTemporaryDir dir;
    const auto path = writeLargeLog(dir, 60);
    LogSession session;
    bool finished = false;
    int batchesBefore = 0;
    bool findingsBefore = false;
    connect(&session, &LogSession::entriesAdded, this, [&] { batchesBefore += finished ? 0 : 1; });
    connect(&session, &LogSession::reportChanged, this,
            [&] { findingsBefore = findingsBefore || (!finished && !session.report().findings.empty()); });
    connect(&session, &LogSession::loadFinished, this, [&] { finished = true; });

    // A 10 ms timer keeps ticking: the load never blocks the event loop for long.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
      longest = std::max(longest, clock.elapsed() - last);
      last = clock.elapsed();
    });
    tick.start(10);
    QVERIFY(test::load(session, {QString::fromStdString(path.string())}));
    QVERIFY2(batchesBefore > 1, qPrintable(QString::number(batchesBefore)));
    QVERIFY(findingsBefore);
    QCOMPARE(session.report().findings.front().rule, std::string("service-context-source-access"));
    QVERIFY2(longest < 1000, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longest)));
  }

  void cancelKeepsWhatWasRead() {
    QTemporaryDir dir;
    const auto path = writeLargeLog(dir, 60);
    LogSession session;
    connect(&session, &LogSession::entriesAdded, &session, &LogSession::cancel);
    QSignalSpy finished(&session, &LogSession::loadFinished);
    QVERIFY(session.open({QString::fromStdString(path.string())}));
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.front().front().toBool(), true);
    QVERIFY(session.index().size() > 0);
    QVERIFY(session.index().size() < 500'000);  // far from the whole file
    QVERIFY(!session.loading());
  }

  void nothingToOpenSaysWhy() {
    LogSession session;
    QVERIFY(!session.open({test::testdata("formats/../../cli")}));
    QVERIFY(!session.problems().isEmpty());
    QVERIFY(!session.open({}));
    QCOMPARE(session.problems(), QStringList{QStringLiteral("no log file or folder given")});
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::LogSessionTest)
#include "log_session_test.moc"
