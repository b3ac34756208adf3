#include "ccmlog/log_files.h"
#include "ccmlog/machine_logs.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace ccmlog {
namespace {

namespace fs = std::filesystem;

class LogFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ccmlog_log_files_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path touch(const std::string& name) {
    std::ofstream(dir_ / name) << "x";
    return dir_ / name;
  }
  std::vector<std::string> names(const std::vector<fs::path>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.filename().string());
    return out;
  }
  fs::path dir_;
};

TEST_F(LogFiles, HistoryBeforeCurrentAndSetupLogsFirst) {
  touch("client.msi.log");
  touch("ccmsetup.log");
  touch("ccmsetup.lo_");
  touch("ccmsetup-ccmeval.log");
  touch("CcmExec.log");  // not a setup log: left out when setup logs exist
  touch("notes.txt");
  const auto files = machineLogFiles({dir_});
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(names(*files), (std::vector<std::string>{"ccmsetup.lo_", "ccmsetup.log", "ccmsetup-ccmeval.log",
                                                     "client.msi.log"}));
}

TEST_F(LogFiles, FolderWithoutSetupLogsGivesAllItsLogs) {
  touch("b.log");
  touch("a.lo_");
  touch("readme.md");
  const auto files = machineLogFiles({dir_});
  ASSERT_TRUE(files);
  EXPECT_EQ(names(*files), (std::vector<std::string>{"a.lo_", "b.log"}));
}

TEST_F(LogFiles, NamedFilesAreTakenEvenWithOtherExtensions) {
  const auto files = machineLogFiles({touch("ticket-paste.txt"), touch("ccmsetup.log")});
  ASSERT_TRUE(files);
  EXPECT_EQ(names(*files), (std::vector<std::string>{"ccmsetup.log", "ticket-paste.txt"}));
}

TEST(PickMachineLogs, SetupLogsInReadingOrderByNameAlone) {
  const auto picked = pickMachineLogs(
      {"PC1/client.msi.log", "PC1/CcmExec.log", "PC1/ccmsetup.log", "PC1/notes.txt", "PC1/CCMSETUP.LO_"});
  EXPECT_EQ(picked, (std::vector<fs::path>{"PC1/CCMSETUP.LO_", "PC1/ccmsetup.log", "PC1/client.msi.log"}));
  EXPECT_EQ(pickMachineLogs({"b.log", "a.lo_", "c.txt"}), (std::vector<fs::path>{"a.lo_", "b.log"}));
  EXPECT_TRUE(pickMachineLogs({"readme.txt"}).empty());
}

TEST(LogFileRoles, CcmsetupLogsAreSetupOthersAuxiliary) {
  EXPECT_EQ(roleOf("x/ccmsetup.log"), FileRole::Setup);
  EXPECT_EQ(roleOf("CCMSETUP.LO_"), FileRole::Setup);
  EXPECT_EQ(roleOf("ccmsetup-20230117-101500.log"), FileRole::Setup);
  EXPECT_EQ(roleOf("ccmsetup-ccmeval.log"), FileRole::Auxiliary);
  EXPECT_EQ(roleOf("client.msi.log"), FileRole::Auxiliary);
}

}  // namespace
}  // namespace ccmlog
