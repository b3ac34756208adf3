// Tests of scan_html.h: rows made safe and bounded, the page sorted by outcome and in blocks.
#include "scan/scan_html.h"

#include <gtest/gtest.h>

namespace ccmlog::cli {
namespace {

size_t count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

MachineScan machine(std::string name, std::optional<OutcomeStatus> outcome,
                    SourceStatus status = SourceStatus::Logs) {
  MachineScan scan;
  scan.name = std::move(name);
  scan.path = "fleet/" + scan.name;
  scan.outcome = outcome;
  scan.status = status;
  appendHtmlRow(scan.html, scan, nullptr);
  return scan;
}

Report reportWithEvidence(size_t lines, std::string text) {
  Report report;
  report.files.emplace_back().path = "logs/ccmsetup.log";
  Finding f;
  f.rule = "download-failed";
  f.severity = FindingSeverity::Error;
  f.title = "Download failed";
  f.remedy = "Check the distribution point.";
  for (size_t i = 0; i < lines; ++i) {
    Evidence& e = f.evidence.emplace_back();
    e.where.line = LineNumber{10 + i};
    e.text = text;
  }
  report.findings.push_back(std::move(f));
  return report;
}

TEST(ScanHtmlRow, WhatAMachineSaysCannotBecomeMarkup) {
  MachineScan scan;
  scan.name = "<script>alert(1)</script>";
  scan.path = "fleet/\"><img src=x onerror=alert(1)>";
  scan.status = SourceStatus::Unreadable;
  scan.error = "cannot open 'javascript:alert(1)' <b>";
  std::string row;
  appendHtmlRow(row, scan, nullptr);
  EXPECT_EQ(row.find("<script"), std::string::npos);
  EXPECT_EQ(row.find("<img"), std::string::npos);
  EXPECT_EQ(row.find("<b>"), std::string::npos);
  EXPECT_NE(row.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(row.find("fleet/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(row.find("UNREADABLE"), std::string::npos);
  EXPECT_NE(row.find("cannot open &#39;javascript:alert(1)&#39; &lt;b&gt;"),
            std::string::npos);  // the reason
}

TEST(ScanHtmlRow, FindingsFoldOutWithRemedyAndBoundedEvidence) {
  MachineScan scan;
  scan.name = "PC01";
  scan.outcome = OutcomeStatus::Failed;
  scan.errorCode = 0x80070005;
  scan.topTitle = "Download failed";
  const Report report = reportWithEvidence(kEvidenceLines + 4, std::string(kEvidenceChars + 50, 'x'));
  appendHtmlRow(scan.html, scan, &report);
  EXPECT_NE(scan.html.find("<details><summary>Download failed</summary>"), std::string::npos);
  EXPECT_NE(scan.html.find("What to do:</b> Check the distribution point."), std::string::npos);
  EXPECT_NE(scan.html.find("ERROR_ACCESS_DENIED"), std::string::npos);
  EXPECT_EQ(count(scan.html, "ccmsetup.log:"), kEvidenceLines);
  EXPECT_NE(scan.html.find("4 more lines"), std::string::npos);
  EXPECT_NE(scan.html.find(std::string(kEvidenceChars - 1, 'x') + "\xE2\x80\xA6"), std::string::npos);
  EXPECT_EQ(scan.html.find(std::string(kEvidenceChars, 'x')), std::string::npos);
}

TEST(ScanHtmlRow, EvidenceIsCutBetweenCharacters) {
  MachineScan scan;
  scan.outcome = OutcomeStatus::Failed;
  // 'é' is two bytes: a cut at an odd byte count would split one.
  const Report report = reportWithEvidence(1, [] {
    std::string s;
    for (size_t i = 0; i < kEvidenceChars; ++i) s += "\xC3\xA9";
    return s;
  }());
  appendHtmlRow(scan.html, scan, &report);
  EXPECT_EQ(scan.html.find("\xEF\xBF\xBD"), std::string::npos);  // no broken character became U+FFFD
  EXPECT_NE(scan.html.find("\xC3\xA9\xE2\x80\xA6"), std::string::npos);
}

TEST(ScanHtmlPage, MachinesAreSortedByOutcomeFailedFirstInPathOrderWithin) {
  FleetSummary summary;
  std::vector<MachineScan> rows = {
      machine("PC1", OutcomeStatus::Success), machine("PC2", std::nullopt, SourceStatus::NoLogs),
      machine("PC3", OutcomeStatus::Failed),  machine("PC4", std::nullopt, SourceStatus::Unreadable),
      machine("PC5", OutcomeStatus::Failed),  machine("PC6", OutcomeStatus::RebootRequired)};
  for (const auto& row : rows) summary.add(row);
  const std::string page = fleetPage(summary, rows);
  std::vector<size_t> at;
  for (const char* name : {"PC3", "PC5", "PC6", "PC4", "PC2", "PC1"})
    at.push_back(page.find(std::string(">") + name + "<"));
  for (size_t i = 0; i + 1 < at.size(); ++i) {
    ASSERT_NE(at[i], std::string::npos);
    EXPECT_LT(at[i], at[i + 1]) << i;
  }
  EXPECT_NE(page.find("6 machines: 2 failed"), std::string::npos);
  EXPECT_NE(page.find("Machines per outcome</title>"), std::string::npos);  // the chart
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>"));
}

TEST(ScanHtmlPage, LargeFleetsComeInBlocksLaidOutWhenSeen) {
  FleetSummary summary;
  std::vector<MachineScan> rows;
  for (int i = 0; i < 250; ++i) rows.push_back(machine("PC" + std::to_string(i), OutcomeStatus::Success));
  for (const auto& row : rows) summary.add(row);
  const std::string page = fleetPage(summary, rows);
  EXPECT_EQ(count(page, "content-visibility:auto"), 3u);
  EXPECT_EQ(count(page, "<tbody"), 250u);
  EXPECT_EQ(count(page, "<table"), 4u);  // the header's and one per block
  EXPECT_EQ(count(page, "</table>"), 4u);
}

TEST(ScanHtmlPage, SummaryAloneHasNoTable) {
  FleetSummary summary;
  summary.add(machine("PC1", OutcomeStatus::Failed));
  const std::string page = fleetPage(summary, {});
  EXPECT_NE(page.find("1 machine: 1 failed."), std::string::npos);
  EXPECT_EQ(page.find("<table"), std::string::npos);
}

}  // namespace
}  // namespace ccmlog::cli
