#include "machine_finder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace ccmlog::cli {
namespace {

namespace fs = std::filesystem;

class MachineFinder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ccmlog_machine_finder_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked", fs::perms::owner_all, ec);  // see UnreadableFolder...
    fs::remove_all(dir_, ec);
  }
  fs::path touch(const std::string& name) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << "x";
    return dir_ / name;
  }
  std::vector<std::string> paths(const FoundMachines& found) {
    std::vector<std::string> out;
    for (const auto& m : found.machines) out.push_back(fs::path(m.path).lexically_relative(dir_).string());
    return out;
  }
  static bool mentions(const std::vector<std::string>& lines, std::string_view text) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(text) != std::string::npos; });
  }
  fs::path dir_;
};

TEST_F(MachineFinder, FoldersHoldingLogsAreMachinesAndEndTheWalk) {
  touch("site/PC02/ccmsetup.log");
  touch("site/PC01/ccmsetup.lo_");
  touch("site/PC01/ccmsetup.log");
  touch("site/PC01/CcmExec.log");       // not a setup log: left out
  touch("site/PC01/old/ccmsetup.log");  // part of PC01's collection
  touch("site/notes/readme.txt");       // no logs: walked, nothing found
  touch("deep/a/b/c/PC03/client.msi.log");
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  EXPECT_EQ(paths(found), (std::vector<std::string>{"deep/a/b/c/PC03", "site/PC01", "site/PC02"}));
  EXPECT_TRUE(found.warnings.empty());
  EXPECT_TRUE(found.errors.empty());
  const MachineSource& pc01 = found.machines[1];
  EXPECT_EQ(pc01.name, "PC01");
  ASSERT_EQ(pc01.files.size(), 2u);
  EXPECT_EQ(pc01.files[0].filename(), "ccmsetup.lo_");  // history before the current log
  EXPECT_EQ(pc01.files[1].filename(), "ccmsetup.log");
}

TEST_F(MachineFinder, LoneFileIsAMachineNamedAfterIt) {
  const fs::path file = touch("PC42-ccmsetup.log");
  const FoundMachines found = findMachines(std::vector<fs::path>{file, file});
  ASSERT_EQ(found.machines.size(), 1u);  // the same file twice is one machine
  EXPECT_EQ(found.machines[0].name, "PC42-ccmsetup");
  EXPECT_EQ(found.machines[0].files, std::vector<fs::path>{file});
  EXPECT_TRUE(mentions(found.warnings, "already scanned"));
}

TEST_F(MachineFinder, FolderNamedDotIsNamedAfterTheRealFolder) {
  touch("PC07/ccmsetup.log");
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_ / "PC07" / "."});
  ASSERT_EQ(found.machines.size(), 1u);
  EXPECT_EQ(found.machines[0].name, "PC07");
}

TEST_F(MachineFinder, SymlinkLoopsEndWithAWarning) {
  touch("site/PC01/ccmsetup.log");
  fs::create_directory_symlink(dir_ / "site", dir_ / "site" / "loop");   // a loop
  fs::create_directory_symlink(dir_ / "site" / "PC01", dir_ / "alias");  // a second link
  fs::create_symlink("self", dir_ / "self");                             // points at itself
  fs::create_symlink(dir_ / "missing", dir_ / "dangling");
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  EXPECT_EQ(paths(found), std::vector<std::string>{"alias"});  // "alias" sorts before "site"
  EXPECT_TRUE(mentions(found.warnings, "site/loop': already scanned as"));
  EXPECT_TRUE(mentions(found.warnings, "site/PC01': already scanned as"));
  EXPECT_TRUE(mentions(found.warnings, "self': Too many levels of symbolic links"));
  EXPECT_TRUE(mentions(found.warnings, "dangling': No such file"));
  EXPECT_TRUE(found.errors.empty());
}

TEST_F(MachineFinder, SymlinksOutOfThePathsGivenAreSkippedUnlessAskedFor) {
  touch("share/PC01/ccmsetup.log");
  touch("elsewhere/PC02/ccmsetup.log");
  touch("elsewhere/secret/ccmsetup.log");
  fs::create_directory_symlink(dir_ / "elsewhere" / "PC02", dir_ / "share" / "PC02");  // out of the share
  fs::create_directories(dir_ / "share" / "PC03");
  fs::create_symlink(dir_ / "elsewhere" / "secret" / "ccmsetup.log", dir_ / "share" / "PC03" / "ccmsetup.log");
  fs::create_directory_symlink(dir_ / "share" / "PC01", dir_ / "share" / "PC04");  // stays in it
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_ / "share"});
  EXPECT_EQ(paths(found), std::vector<std::string>{"share/PC04"});  // PC01's second link, visited first
  EXPECT_TRUE(mentions(found.warnings, "share/PC02': a symlink out of the paths given (--follow-symlinks"));
  EXPECT_TRUE(mentions(found.warnings, "PC03/ccmsetup.log': a symlink out of the paths given"));
  EXPECT_TRUE(mentions(found.warnings, "share/PC01': already scanned as"));
  // Two paths given: a link from one into the other stays inside them.
  EXPECT_EQ(paths(findMachines(std::vector<fs::path>{dir_ / "share", dir_ / "elsewhere" / "PC02"})),
            (std::vector<std::string>{"share/PC02", "share/PC04"}));
  const FoundMachines followed = findMachines(std::vector<fs::path>{dir_ / "share"}, {.followSymlinks = true});
  EXPECT_EQ(paths(followed), (std::vector<std::string>{"share/PC02", "share/PC03", "share/PC04"}));
}

TEST_F(MachineFinder, FifosAndSocketsAreSkippedNeverOpened) {
  touch("PC01/ccmsetup.log");
  ASSERT_EQ(::mkfifo((dir_ / "PC01" / "client.msi.log").c_str(), 0600), 0);
  fs::create_directories(dir_ / "PC02");
  ASSERT_EQ(::mkfifo((dir_ / "PC02" / "ccmsetup.log").c_str(), 0600), 0);  // opening it would block
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_, dir_ / "PC02" / "ccmsetup.log"});
  EXPECT_EQ(paths(found), std::vector<std::string>{"PC01"});
  EXPECT_EQ(found.machines[0].files.size(), 1u);
  EXPECT_TRUE(mentions(found.warnings, "client.msi.log': a FIFO"));
  EXPECT_TRUE(mentions(found.errors, "PC02/ccmsetup.log': a FIFO"));  // named on the command line
}

TEST_F(MachineFinder, UnreadableFolderIsAnErrorAndTheRestIsStillFound) {
  touch("PC01/ccmsetup.log");
  touch("locked/PC02/ccmsetup.log");
  fs::permissions(dir_ / "locked", fs::perms::none);
  if (::access((dir_ / "locked").c_str(), R_OK) == 0)
    GTEST_SKIP() << "running as root: permissions are not enforced";
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  EXPECT_EQ(paths(found), std::vector<std::string>{"PC01"});
  EXPECT_TRUE(mentions(found.errors, "cannot read folder"));
}

TEST_F(MachineFinder, MissingInputIsAnError) {
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_ / "no-such"});
  EXPECT_TRUE(found.machines.empty());
  EXPECT_TRUE(mentions(found.errors, "no-such': No such file or directory"));
}

TEST_F(MachineFinder, BrokenZipIsAMachineThatCannotBeRead) {
  touch("PC09.zip");
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  ASSERT_EQ(found.machines.size(), 1u);
  EXPECT_EQ(found.machines[0].name, "PC09");
  EXPECT_NE(found.machines[0].error.find("Not a zip archive"), std::string::npos);
}

}  // namespace
}  // namespace ccmlog::cli
