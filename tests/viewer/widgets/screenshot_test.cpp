// Tests of ccmlog-viewer --screenshot: the real executable writes a PNG of the window.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "viewer_test_support.h"

namespace ccmlog::viewer {

class ScreenshotTest : public QObject {
  Q_OBJECT

 private slots:
  void writesAPngOfTheWindow() {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QProcess viewer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    viewer.setProcessEnvironment(env);
    viewer.start(QStringLiteral(CCMLOG_VIEWER_EXE),
                 {QStringLiteral("--screenshot"), png, test::testdata("machines/service-context-2009")});
    QVERIFY(viewer.waitForFinished(60'000));
    QCOMPARE(viewer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(viewer.exitCode(), 0);
    QVERIFY(QFileInfo(png).size() > 10'000);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1400, 900));
  }

  void anUnwritablePathFails() {
    QProcess viewer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    viewer.setProcessEnvironment(env);
    viewer.start(QStringLiteral(CCMLOG_VIEWER_EXE),
                 {QStringLiteral("--screenshot"), QStringLiteral("/no/such/dir/x.png")});
    QVERIFY(viewer.waitForFinished(60'000));
    QVERIFY(viewer.exitCode() != 0);
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::ScreenshotTest)
#include "screenshot_test.moc"
