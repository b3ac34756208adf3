// Tests of report_file_name.h: the name Export HTML offers carries the machine.
#include "models/report_file_name.h"

#include <QTest>

namespace ccmlog::viewer {

class ReportFileNameTest : public QObject {
  Q_OBJECT

 private slots:
  void reportFileNameCarriesTheMachine() {
    QCOMPARE(reportFileName({QStringLiteral(CCMLOG_TESTDATA_DIR "/machines/service-context-2009")}),
             QStringLiteral("ccmlog-report-service-context-2009.html"));
    QCOMPARE(reportFileName({QStringLiteral("/cases/PC042/ccmsetup.log")}),
             QStringLiteral("ccmlog-report-PC042-ccmsetup.html"));
    QCOMPARE(reportFileName({QStringLiteral("/cases/PC 042: \"bad\"/ccmsetup.log")}),
             QStringLiteral("ccmlog-report-PC_042_bad_-ccmsetup.html"));
    QCOMPARE(reportFileName({}), QStringLiteral("ccmlog-report-logs.html"));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::ReportFileNameTest)
#include "report_file_name_test.moc"
