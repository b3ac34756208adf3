// Tests of html/: a self-contained page in which nothing from a log becomes
// markup, and whose text is valid UTF-8 with control characters shown.
#include "report_page.h"

#include <gtest/gtest.h>

#include "bar_chart_svg.h"
#include "html_text.h"

namespace ccmlog::html {
namespace {

bool has(const std::string& page, std::string_view text) { return page.find(text) != std::string::npos; }

TEST(EscapeHtml, MarkupControlsAndBrokenUtf8) {
  EXPECT_EQ(escapeHtml("<a href='x'>\"&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(escapeHtml("title\x1b]0;pwned\x07 ok\ttab\nline"), "title\\x1b]0;pwned\\x07 ok\ttab\nline");
  EXPECT_EQ(escapeHtml("csi \xC2\x9B"
                       "2J"),
            "csi \\u009b2J");
  EXPECT_EQ(escapeHtml("bad \xFF\xC3 end \xE2\x82"),
            "bad \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escapeHtml("Gr\xC3\xBC\xC3\x9F"
                       "e \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x99\x82"),
            "Gr\xC3\xBC\xC3\x9F"
            "e \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x99\x82");
  EXPECT_EQ(escapeHtml("\xED\xA0\x80 \xC0\xAF"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
}

// A report whose every text a stranger wrote.
Report hostileReport() {
  Report report;
  report.timeline.outcome.status = OutcomeStatus::Failed;
  report.timeline.outcome.errorCode = 0x80070005;
  report.timeline.outcome.run = 0;
  FileReport file;
  file.path = "C:/logs/<b onmouseover=alert(1)>%1 %2 ccmsetup.log";
  report.files.push_back(file);
  Finding f;
  f.rule = "service-context-source-access";
  f.severity = FindingSeverity::Error;
  f.title = "SYSTEM cannot read \\\\fileserver\\sccm$ & <more> %1";
  f.explanation = "because \"quotes\" <img src=x onerror=alert(1)>";
  f.remedy = "run /noservice <a href=\"javascript:alert(1)\">here</a>";
  const Timestamp t = *makeTimestamp(2023, 1, 17, 9, 41, 11, 5'720'000);
  f.evidence.push_back(
      {Location{FileIndex{0}, LineNumber{57}, t, 300, 7}, "<script>alert(1)</script> Error 0x80070005"});
  report.findings.push_back(f);
  Run run;
  run.pid = 100;
  run.user = "CONTOSO\\<admin>\x1b]52;c;QUJD\x07";
  run.start = run.end = Location{FileIndex{0}, LineNumber{1}, t, 300, 7};
  report.timeline.runs.push_back(run);
  return report;
}

TEST(ReportPage, EscapesEverythingFromTheLogs) {
  const std::string page = reportPage(hostileReport(), {.title = "PC<42> %1", .clock = Clock::Local});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(has(page, "Content-Security-Policy\" content=\"default-src 'none'"));
  EXPECT_FALSE(has(page, "<script"));
  EXPECT_FALSE(has(page, "<img"));
  EXPECT_FALSE(has(page, "<b onmouseover"));
  EXPECT_FALSE(has(page, "<a "));
  EXPECT_FALSE(has(page, "\x1b"));
  EXPECT_TRUE(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(has(page, "&amp; &lt;more&gt; %1"));
  EXPECT_TRUE(has(page, "CONTOSO\\&lt;admin&gt;\\x1b]52;c;QUJD\\x07"));
  EXPECT_TRUE(has(page, "PC&lt;42&gt; %1"));
  EXPECT_TRUE(has(page, "%1 %2 ccmsetup.log:57"));
  EXPECT_TRUE(has(page, "ERROR_ACCESS_DENIED"));
  EXPECT_FALSE(has(page, "src=\""));  // nothing fetched: a log's "src=" stays text
  EXPECT_FALSE(has(page, "href=\""));
  EXPECT_TRUE(has(page, "href=&quot;javascript:alert(1)&quot;&gt;here"));
}

TEST(ReportPage, TellsTimesInItsClockAndTheFilesZone) {
  const Report report = hostileReport();
  const std::string local = reportPage(report, {.title = "PC01", .clock = Clock::Local});
  EXPECT_TRUE(has(local, "2023-01-17T09:41:11.572"));
  EXPECT_TRUE(has(local, "UTC-05:00"));  // bias +300: UTC = local + 5 h
  const std::string utc = reportPage(report, {.title = "PC01", .clock = Clock::Utc});
  EXPECT_TRUE(has(utc, "2023-01-17T14:41:11.572Z"));
  EXPECT_FALSE(has(utc, "T09:41:11"));
}

TEST(ReportPage, AConsequenceFollowsItsCauseWithoutARemedy) {
  Report report = hostileReport();
  Finding dp;
  dp.rule = "no-distribution-point";
  dp.severity = FindingSeverity::Error;
  dp.title = "ccmsetup could not find a distribution point";
  dp.remedy = "check the boundary groups";
  dp.causedBy = "service-context-source-access";
  report.findings.push_back(dp);
  const std::string page = reportPage(report, {.title = "PC01"});
  EXPECT_LT(page.find("SYSTEM cannot read"), page.find("What followed from it"));
  EXPECT_LT(page.find("What followed from it"), page.find("could not find a distribution point"));
  EXPECT_FALSE(has(page, "check the boundary groups"));
  EXPECT_TRUE(has(page, "<b>Cause:</b> SYSTEM cannot read"));
}

TEST(BarChartSvg, ScalesToTheLargestAndEscapesLabels) {
  const Bar bars[] = {{"failed <x>", 5, "#c62828"}, {"success", 10, "#2e7d32"}};
  const std::string svg = barChartSvg(bars, "Machines per outcome");
  EXPECT_TRUE(has(svg, "failed &lt;x&gt;"));
  EXPECT_TRUE(has(svg, "width=\"210\""));  // 5 of 10 on 420 px
  EXPECT_TRUE(has(svg, "width=\"420\""));
  EXPECT_EQ(barChartSvg({}, "Machines per root cause"),
            "<p class=\"meta\">Machines per root cause: none.</p>\n");
}

}  // namespace
}  // namespace ccmlog::html
