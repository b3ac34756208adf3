#include "scan/machine_scan.h"

#include <gtest/gtest.h>

namespace ccmlog::cli {
namespace {

const std::filesystem::path kFleet = std::filesystem::path(CCMLOG_TESTDATA_DIR) / "fleet";

class ScanMachine : public ::testing::Test {
 protected:
  BundleReader bundles_;
};

TEST_F(ScanMachine, FolderMachineGivesItsOutcomeRulesAndNdjson) {
  const auto files = std::vector<std::filesystem::path>{kFleet / "site-a/PC-A01/ccmsetup.log"};
  const MachineScan scan =
      scanMachine({.name = "PC-A01", .path = "PC-A01", .files = files}, {.ndjson = true}, bundles_);
  EXPECT_EQ(outcomeName(scan), "failed");
  EXPECT_EQ(scan.errorCode, 0x80070005u);
  ASSERT_FALSE(scan.rules.empty());
  EXPECT_EQ(scan.rules.front(), "service-context-source-access");
  EXPECT_TRUE(scan.failed);
  EXPECT_FALSE(scan.error);
  EXPECT_NE(scan.ndjson.find("\"findings\":[{\"rule\":\"service-context-source-access\""), std::string::npos);
  EXPECT_TRUE(scan.ndjson.ends_with("],\"error\":null}\n"));  // every key, null when not known
}

TEST_F(ScanMachine, ZipMachineIsReadInMemory) {
  const MachineScan scan = scanMachine({.name = "PC-B01",
                                        .path = "site-b.zip/PC-B01",
                                        .zip = kFleet / "site-b.zip",
                                        .entries = {"PC-B01/ccmsetup.log"}},
                                       {}, bundles_);
  EXPECT_EQ(outcomeName(scan), "failed");
  EXPECT_EQ(scan.files, std::vector<std::string>{(kFleet / "site-b.zip").string() + "/PC-B01/ccmsetup.log"});
  EXPECT_EQ(scan.rules, std::vector<std::string>{"prerequisite-failed"});
  EXPECT_TRUE(scan.ndjson.empty());  // not asked for
}

TEST_F(ScanMachine, NothingReadableMeansNoOutcome) {
  const auto files = std::vector<std::filesystem::path>{"/nonexistent/PC9/ccmsetup.log"};
  const MachineScan scan =
      scanMachine({.name = "PC9", .path = "PC9", .files = files}, {.ndjson = true}, bundles_);
  EXPECT_EQ(outcomeName(scan), "unreadable");
  EXPECT_EQ(scan.status, SourceStatus::Unreadable);
  ASSERT_TRUE(scan.error);
  EXPECT_NE(scan.error->find("No such file"), std::string::npos);
  EXPECT_FALSE(scan.failed);
  EXPECT_NE(scan.ndjson.find("\"outcome\":\"unreadable\""), std::string::npos);
  EXPECT_NE(scan.ndjson.find("\"findings\":[],\"error\":\"cannot open"), std::string::npos);
}

TEST_F(ScanMachine, OneUnreadableFileKeepsTheOutcomeOfTheOthers) {
  const auto files = std::vector<std::filesystem::path>{kFleet / "site-a/PC-A02/ccmsetup.log",
                                                        "/nonexistent/client.msi.log"};
  const MachineScan scan = scanMachine({.name = "PC-A02", .path = "PC-A02", .files = files}, {}, bundles_);
  EXPECT_EQ(outcomeName(scan), "success");
  ASSERT_TRUE(scan.error);
  EXPECT_NE(scan.error->find("client.msi.log"), std::string::npos);
}

TEST_F(ScanMachine, BrokenSourceIsReportedAsItsError) {
  const MachineScan scan = scanMachine(
      {.name = "PC-D01", .path = "d.zip", .status = SourceStatus::Unreadable, .reason = "cannot open zip"},
      {}, bundles_);
  EXPECT_EQ(outcomeName(scan), "unreadable");
  EXPECT_EQ(scan.error, "cannot open zip");
}

TEST_F(ScanMachine, MachineWithoutLogsIsARowOfItsOwn) {
  const MachineScan scan = scanMachine({.name = "PC-C02",
                                        .path = "site-c/PC-C02",
                                        .status = SourceStatus::NoLogs,
                                        .reason = "no .log or .lo_ files in folder 'site-c/PC-C02'"},
                                       {.ndjson = true}, bundles_);
  EXPECT_EQ(outcomeName(scan), "no-logs");
  EXPECT_FALSE(scan.outcome);
  EXPECT_FALSE(scan.failed);
  EXPECT_EQ(scan.ndjson,
            "{\"machine\":\"PC-C02\",\"path\":\"site-c/PC-C02\",\"files\":[],\"outcome\":\"no-logs\","
            "\"exit_code\":null,\"error_code\":null,\"rules\":[],\"findings\":[],"
            "\"error\":\"no .log or .lo_ files in folder 'site-c/PC-C02'\"}\n");
}

}  // namespace
}  // namespace ccmlog::cli
