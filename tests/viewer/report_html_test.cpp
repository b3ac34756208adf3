// Tests of report_html.h: a self-contained page in which log text cannot become markup.
#include "report_html.h"

#include <QTest>

namespace ccmlog::viewer {
namespace {

// A report of one file, one finding citing its line 57, and one run.
Report oneOfEach(const char* path, const char* title, const char* evidence, const char* user) {
  Report report;
  FileReport file;
  file.path = path;
  report.files.push_back(file);
  Finding f;
  f.rule = "rule";
  f.title = title;
  f.evidence.push_back(
      {Location{FileIndex{0}, LineNumber{57}, std::nullopt, std::nullopt, std::nullopt}, evidence});
  report.findings.push_back(f);
  Run run;
  run.user = user;
  report.runs.push_back(run);
  return report;
}

}  // namespace

class ReportHtmlTest : public QObject {
  Q_OBJECT

 private slots:
  void escapesEverythingFromTheLogs() {
    Report report = oneOfEach("C:/logs/<b>ccmsetup.log", "SYSTEM cannot read \\\\fileserver\\sccm$ & <more>",
                              "<script>alert(1)</script> Error 0x80070005", "CONTOSO\\<admin>");
    report.outcome.status = OutcomeStatus::Failed;
    report.outcome.errorCode = 0x80070005;
    Finding& f = report.findings.front();
    f.rule = "service-context-source-access";
    f.severity = FindingSeverity::Error;
    f.explanation = "because \"quotes\"";
    f.remedy = "run /noservice";

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

  // Names and texts from a log may hold "%1".."%9": each must come out as written, not filled in.
  void percentPlaceholdersInNamesStayAsWritten() {
    Report report =
        oneOfEach("C:/logs/PC%2%1%4/ccmsetup%3.log", "title %1", "copied 100%2 of %1 to %4", "%1admin%7");
    report.files.front().error = "cannot open %1%2%3%4%5%6";
    report.runs.front().pid = 42;

    const QString html = reportHtml(report, QStringLiteral("PC%1"), TimeMode::Local);
    QVERIFY(html.contains(QStringLiteral("<title>ccmlog: PC%1</title>")));
    QVERIFY2(html.contains(QStringLiteral("<td>ccmsetup%3.log:57</td>")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<pre>copied 100%2 of %1 to %4</pre>")));
    QVERIFY(html.contains(QStringLiteral("<td>42</td><td>%1admin%7</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>C:/logs/PC%2%1%4/ccmsetup%3.log</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>cannot open %1%2%3%4%5%6</td>")));
  }

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

QTEST_GUILESS_MAIN(ccmlog::viewer::ReportHtmlTest)
#include "report_html_test.moc"
