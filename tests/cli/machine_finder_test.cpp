#include "scan/machine_finder.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

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
    for (const char* locked : {"locked", "unsearchable"}) {  // see the tests of unreadable folders
      fs::permissions(dir_ / locked, fs::perms::owner_all, ec);
    }
    fs::remove_all(dir_, ec);
  }
  fs::path touch(const std::string& name) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << "x";
    return dir_ / name;
  }
  // Writes a zip in the test folder holding `entries` (a name ending in '/' is a folder), each holding "x".
  fs::path zipOf(const std::string& name, const std::vector<std::string>& entries) {
    const fs::path zip = dir_ / name;
    int error = 0;
    zip_t* archive = zip_open(zip.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr);
    static const char kBytes[] = "x";
    for (const std::string& entry : entries) {
      const zip_int64_t added =
          entry.ends_with('/')
              ? zip_dir_add(archive, entry.substr(0, entry.size() - 1).c_str(), 0)
              : zip_file_add(archive, entry.c_str(), zip_source_buffer(archive, kBytes, 1, 0), 0);
      EXPECT_GE(added, 0) << entry;
    }
    EXPECT_EQ(zip_close(archive), 0);
    return zip;
  }
  std::vector<std::string> paths(const FoundMachines& found) {
    std::vector<std::string> out;
    for (const auto& m : found.machines) out.push_back(fs::path(m.path).lexically_relative(dir_).string());
    return out;
  }
  // findMachines as a user that permissions bind: root reads every folder, so
  // as root it runs in a child process that has become "nobody" (65534) and
  // hands back what it found, one line per item. Empty when that cannot be done.
  static std::optional<FoundMachines> findAsUser(const fs::path& input) {
    if (::geteuid() != 0) return findMachines(std::vector<fs::path>{input});
    int out[2];
    if (::pipe(out) != 0) return std::nullopt;
    const pid_t child = ::fork();
    if (child == 0) {
      ::close(out[0]);
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(77);
      const FoundMachines found = findMachines(std::vector<fs::path>{input});
      std::string lines;
      for (const auto& m : found.machines) {
        lines += "M\t" + m.path + "\t" + std::to_string(static_cast<int>(m.status)) + "\t" + m.reason + "\n";
      }
      for (const auto& e : found.errors) lines += "E\t" + e + "\n";
      for (const auto& w : found.warnings) lines += "W\t" + w + "\n";
      const bool written = ::write(out[1], lines.data(), lines.size()) == static_cast<ssize_t>(lines.size());
      ::_exit(written ? 0 : 1);
    }
    ::close(out[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
      text.append(buffer, static_cast<size_t>(n));
    ::close(out[0]);
    int status = 0;
    if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
      return std::nullopt;
    }
    FoundMachines found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      std::vector<std::string> fields;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
      if (fields[0] == "M") {
        found.machines.push_back({.name = fs::path(fields[1]).filename().string(),
                                  .path = fields[1],
                                  .status = static_cast<SourceStatus>(std::stoi(fields[2])),
                                  .reason = fields.size() > 3 ? fields[3] : ""});
      } else {
        (fields[0] == "E" ? found.errors : found.warnings).push_back(fields[1]);
      }
    }
    return found;
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
  fs::create_symlink(dir_ / "elsewhere" / "secret" / "ccmsetup.log",
                     dir_ / "share" / "PC03" / "ccmsetup.log");
  fs::create_directory_symlink(dir_ / "share" / "PC01", dir_ / "share" / "PC04");  // stays in it
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_ / "share"});
  // PC01 by its second link, visited first; PC03, whose one log was not followed, holds none.
  EXPECT_EQ(paths(found), (std::vector<std::string>{"share/PC03", "share/PC04"}));
  EXPECT_EQ(found.machines[0].status, SourceStatus::NoLogs);
  EXPECT_TRUE(mentions(found.warnings, "share/PC02': a symlink out of the paths given (--follow-symlinks"));
  EXPECT_TRUE(mentions(found.warnings, "PC03/ccmsetup.log': a symlink out of the paths given"));
  EXPECT_TRUE(mentions(found.warnings, "share/PC01': already scanned as"));
  // Two paths given: a link from one into the other stays inside them.
  EXPECT_EQ(paths(findMachines(std::vector<fs::path>{dir_ / "share", dir_ / "elsewhere" / "PC02"})),
            (std::vector<std::string>{"share/PC02", "share/PC03", "share/PC04"}));
  const FoundMachines followed =
      findMachines(std::vector<fs::path>{dir_ / "share"}, {.followSymlinks = true});
  EXPECT_EQ(paths(followed), (std::vector<std::string>{"share/PC02", "share/PC03", "share/PC04"}));
}

TEST_F(MachineFinder, FifosAndSocketsAreSkippedNeverOpened) {
  touch("PC01/ccmsetup.log");
  ASSERT_EQ(::mkfifo((dir_ / "PC01" / "client.msi.log").c_str(), 0600), 0);
  fs::create_directories(dir_ / "PC02");
  ASSERT_EQ(::mkfifo((dir_ / "PC02" / "ccmsetup.log").c_str(), 0600), 0);  // opening it would block
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_, dir_ / "PC02" / "ccmsetup.log"});
  EXPECT_EQ(paths(found), (std::vector<std::string>{"PC01", "PC02"}));
  EXPECT_EQ(found.machines[0].files.size(), 1u);
  EXPECT_EQ(found.machines[1].status, SourceStatus::NoLogs);  // its one "log" is a FIFO
  EXPECT_TRUE(mentions(found.warnings, "client.msi.log': a FIFO"));
  EXPECT_TRUE(mentions(found.errors, "PC02/ccmsetup.log': a FIFO"));  // named on the command line
}

TEST_F(MachineFinder, FolderWithoutLogsIsAMachineWithNoLogs) {
  touch("site/PC01/ccmsetup.log");
  fs::create_directories(dir_ / "site" / "PC02");  // nothing collected
  touch("site/PC03/collection.txt");               // a note, no log
  touch("site/PC01/old/readme.txt");               // inside PC01's collection: not a machine
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  EXPECT_EQ(paths(found), (std::vector<std::string>{"site/PC01", "site/PC02", "site/PC03"}));
  EXPECT_EQ(found.machines[0].status, SourceStatus::Logs);
  for (size_t i : {1u, 2u}) {
    EXPECT_EQ(found.machines[i].status, SourceStatus::NoLogs);
    EXPECT_TRUE(found.machines[i].files.empty());
    EXPECT_EQ(found.machines[i].reason, "no .log or .lo_ files in folder '" + found.machines[i].path + "'");
  }
  EXPECT_EQ(found.machines[1].name, "PC02");
  EXPECT_TRUE(found.errors.empty());
}

TEST_F(MachineFinder, UnlistableFolderIsAMachineThatCannotBeRead) {
  touch("PC01/ccmsetup.log");
  touch("locked/PC02/ccmsetup.log");
  fs::permissions(dir_ / "locked", fs::perms::none);
  const auto found = findAsUser(dir_);
  if (!found) GTEST_SKIP() << "cannot run as a user that permissions bind";
  EXPECT_EQ(paths(*found), (std::vector<std::string>{"PC01", "locked"}));
  EXPECT_EQ(found->machines[1].status, SourceStatus::Unreadable);
  EXPECT_EQ(found->machines[1].reason,
            "cannot list folder '" + (dir_ / "locked").string() + "': Permission denied");
  EXPECT_TRUE(found->errors.empty());
}

TEST_F(MachineFinder, FolderListedButNotSearchedIsAMachineThatCannotBeRead) {
  touch("PC01/ccmsetup.log");
  touch("unsearchable/ccmsetup.log");
  touch("unsearchable/client.msi.log");
  fs::permissions(dir_ / "unsearchable",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const auto found = findAsUser(dir_);
  if (!found) GTEST_SKIP() << "cannot run as a user that permissions bind";
  EXPECT_EQ(paths(*found), (std::vector<std::string>{"PC01", "unsearchable"}));
  EXPECT_EQ(found->machines[1].status, SourceStatus::Unreadable);
  EXPECT_EQ(found->machines[1].reason,
            "cannot search folder '" + (dir_ / "unsearchable").string() + "': Permission denied");
  EXPECT_TRUE(found->warnings.empty());  // not one warning per log it holds
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
  EXPECT_EQ(found.machines[0].status, SourceStatus::Unreadable);
  EXPECT_NE(found.machines[0].reason.find("Not a zip archive"), std::string::npos);
}

TEST_F(MachineFinder, ZipWithoutLogsIsAMachineWithNoLogs) {
  const fs::path zip = zipOf("PC10.zip", {"README.txt"});
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  ASSERT_EQ(found.machines.size(), 1u);
  EXPECT_EQ(found.machines[0].name, "PC10");
  EXPECT_EQ(found.machines[0].status, SourceStatus::NoLogs);
  EXPECT_EQ(found.machines[0].reason, "no .log or .lo_ files in zip '" + zip.string() + "'");
}

TEST_F(MachineFinder, FolderWithoutLogsInsideAZipIsAMachineWithNoLogs) {
  const fs::path zip = zipOf("site.zip", {"PC01/ccmsetup.log", "PC02/"});  // PC02: nothing collected
  const FoundMachines found = findMachines(std::vector<fs::path>{dir_});
  ASSERT_EQ(found.machines.size(), 2u);
  EXPECT_EQ(found.machines[0].status, SourceStatus::Logs);
  EXPECT_EQ(found.machines[1].name, "PC02");
  EXPECT_EQ(found.machines[1].path, zip.string() + "/PC02");
  EXPECT_EQ(found.machines[1].status, SourceStatus::NoLogs);
  EXPECT_EQ(found.machines[1].reason, "no .log or .lo_ files in folder 'PC02' of zip '" + zip.string() + "'");
}

}  // namespace
}  // namespace ccmlog::cli
