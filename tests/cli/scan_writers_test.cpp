#include "scan/scan_writers.h"

#include <gtest/gtest.h>

namespace ccmlog::cli {
namespace {

MachineScan failedMachine(std::string name, std::string title) {
  MachineScan scan;
  scan.name = std::move(name);
  scan.path = "fleet/" + scan.name;
  scan.outcome = OutcomeStatus::Failed;
  scan.errorCode = 0x80070005;
  scan.rules = {"service-context-source-access", "source-access-retry-loop"};
  scan.topTitle = std::move(title);
  scan.failed = true;
  return scan;
}

TEST(CsvCell, PlainTextStaysAsItIs) {
  EXPECT_EQ(csvCell("PC042"), "PC042");
  EXPECT_EQ(csvCell(""), "");
  EXPECT_EQ(csvCell("a=b"), "a=b");  // only a leading '=' starts a formula
}

TEST(CsvCell, SeparatorsQuotesAndLineEndsAreQuoted) {
  EXPECT_EQ(csvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvCell("two\r\nlines"), "\"two\r\nlines\"");
  EXPECT_EQ(csvCell("bare\nLF"), "\"bare\nLF\"");
}

TEST(CsvCell, FormulaStartsAreNeutralised) {
  EXPECT_EQ(csvCell("=1+2"), "'=1+2");
  EXPECT_EQ(csvCell("+1"), "'+1");
  EXPECT_EQ(csvCell("-1"), "'-1");
  EXPECT_EQ(csvCell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(csvCell("\t=1"), "\"'\t=1\"");  // a tab is a list separator too
  EXPECT_EQ(csvCell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csvCell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
}

TEST(CsvCell, EveryLocalesListSeparatorIsQuoted) {
  // Excel where the list separator is ';' would split this into a live formula.
  EXPECT_EQ(csvCell("PC1;=1+2;@SUM(1)"), "\"PC1;=1+2;@SUM(1)\"");
  EXPECT_EQ(csvCell("PC1\t=1+2"), "\"PC1\t=1+2\"");
}

TEST(CsvCell, FormulaStartsAfterLeadingSpacesAreNeutralised) {
  EXPECT_EQ(csvCell("  =1+2"), "'  =1+2");
  EXPECT_EQ(csvCell(" @SUM(1)"), "' @SUM(1)");
  EXPECT_EQ(csvCell("   "), "   ");
  EXPECT_EQ(csvCell("  PC1"), "  PC1");
}

TEST(CsvRow, EveryTextCellIsNeutralisedNumbersAreNot) {
  MachineScan scan = failedMachine("=cmd|' /C calc'!A0", "-2+3, \"quoted\"");
  scan.exitCode = -1;
  std::string out;
  appendCsvRow(out, scan);
  EXPECT_EQ(out,
            "'=cmd|' /C calc'!A0,fleet/=cmd|' /C calc'!A0,failed,-1,0x80070005,"
            "service-context-source-access source-access-retry-loop,\"'-2+3, \"\"quoted\"\"\"\r\n");
}

TEST(CsvRow, UnreadableMachineSaysWhyInTheTitleCell) {
  MachineScan scan;
  scan.name = "PC-D01";
  scan.path = "fleet/PC-D01.zip";
  scan.error = "cannot open zip 'fleet/PC-D01.zip': Not a zip archive";
  std::string out;
  appendCsvRow(out, scan);
  EXPECT_EQ(
      out, "PC-D01,fleet/PC-D01.zip,unreadable,,,,cannot open zip 'fleet/PC-D01.zip': Not a zip archive\r\n");
}

TEST(ScanWriter, CsvWithoutMachinesStillHasItsHeader) {
  ScanWriter writer(ScanFormat::Csv, ScanContent::Machines);
  std::string out;
  writer.finish(out);
  EXPECT_EQ(out, "machine,path,outcome,exit_code,error_code,rules,title_of_top_finding\r\n");
}

TEST(ScanWriter, CsvHeaderOnceThenOneRowPerMachine) {
  ScanWriter writer(ScanFormat::Csv, ScanContent::Machines);
  std::string out;
  writer.add(failedMachine("PC1", "t"), out);
  writer.add(failedMachine("PC2", "t"), out);
  writer.finish(out);
  EXPECT_EQ(out.find("machine,path"), 0u);
  EXPECT_EQ(out.find("machine,path", 1), std::string::npos);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
}

TEST(FleetSummary, MostCommonFirstThenByName) {
  FleetSummary summary;
  MachineScan ok;
  ok.outcome = OutcomeStatus::Success;
  MachineScan unreadable;
  unreadable.error = "cannot open";
  MachineScan download = failedMachine("PC3", "t");
  download.rules = {"download-failed"};
  for (const MachineScan* m : {&ok, &unreadable, &download, &ok, &download, &ok}) summary.add(*m);
  summary.add(failedMachine("PC4", "t"));
  EXPECT_EQ(summary.machines(), 7u);
  const auto outcomes = summary.outcomes();
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].name, "failed");
  EXPECT_EQ(outcomes[0].machines, 3u);
  EXPECT_EQ(outcomes[1].name, "success");
  EXPECT_EQ(outcomes[2].name, "unreadable");
  const auto causes = summary.rootCauses();
  ASSERT_EQ(causes.size(), 2u);
  EXPECT_EQ(causes[0].name, "download-failed");
  EXPECT_EQ(causes[0].machines, 2u);
  EXPECT_EQ(causes[1].name, "service-context-source-access");  // only the first rule counts
}

}  // namespace
}  // namespace ccmlog::cli
