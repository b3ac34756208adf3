// Tests of report_html.h: a self-contained page in which log text cannot become markup.
#include <QTest>

#include "report_html.h"

namespace ccmlog::viewer {

class ReportHtmlTest : public QObject {
  Q_OBJECT

 private slots:
  void escapesEverythingFromTheLogs() {
    Report report;
    report.outcome.status = OutcomeStatus::Failed;
    report.outcome.errorCode = 0x80070005;
    FileReport file;
    file.path = "C:/logs/<b>ccmsetup.log";
    report.files.push_back(file);
    Finding f;
    f.rule = "service-context-source-access";
    f.severity = FindingSeverity::Error;
    f.title = "SYSTEM cannot read \\\\fileserver\\sccm$ & <more>";
    f.explanation = "because \"quotes\"";
    f.remedy = "run /noservice";
    f.evidence.push_back({Location{FileIndex{0}, LineNumber{57}, std::nullopt, std::nullopt, std::nullopt},
                          "<script>alert(1)</script> Error 0x80070005"});
    report.findings.push_back(f);
    Run run;
    run.user = "CONTOSO\\<admin>";
    report.runs.push_back(run);

    const QString html = reportHtml(report, QStringLiteral("PC<42>"), TimeMode::Local);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("&amp; &lt;more&gt;")));
    QVERIFY(html.contains(QStringLiteral("CONTOSO\\&lt;admin&gt;")));
    QVERIFY(html.contains(QStringLiteral("PC&lt;42&gt;")));
    QVERIFY(html.contains(QStringLiteral("ERROR_ACCESS_DENIED")));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;ccmsetup.log:57")));
    QVERIFY(!html.contains(QStringLiteral("src=")));  // nothing fetched
    QVERIFY(!html.contains(QStringLiteral("href=")));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::ReportHtmlTest)
#include "report_html_test.moc"
