// The real ccmlog executable against inputs a stranger controls, each made
// here: dates at the calendar's edge, terminal escapes in log text and names,
// names that are not UTF-8, output that cannot be written.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace ccmlog::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kMachines = fs::path(CCMLOG_TESTDATA_DIR) / "machines";

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Ran {
  int exit = -1;  ///< the exit status; 128 + N when killed by signal N
  std::string out, err;
};

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ccmlog_hostile_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `bytes` to dir_/relative, folders made.
  fs::path write(const fs::path& relative, const std::string& bytes) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // Runs ccmlog with `args` (a shell command line's words, quoted by the caller) in dir_.
  Ran ccmlog(const std::string& args, const std::string& stdoutTo = "") {
    const fs::path out = dir_ / ".stdout", err = dir_ / ".stderr";
    std::string command = "cd '" + dir_.string() + "' && '" CCMLOG_CLI "' ";
    command += args;
    command += " >";
    // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) on "'" + string.
    command += stdoutTo.empty() ? std::string("'").append(out.string()).append("'") : stdoutTo;
    command += " 2>'";
    command += err.string();
    command += "'";
    const int status = std::system(command.c_str());
    Ran run;
    run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = readBytes(out);
    run.err = readBytes(err);
    return run;
  }

  fs::path dir_;
};

// A real machine's log with every record moved to `date` at `hour`, its bias `bias`.
std::string realLogMovedTo(std::string_view date, std::string_view hour, std::string_view bias) {
  std::string log = readBytes(kMachines / "service-context-2009/ccmsetup.log");
  log = std::regex_replace(log, std::regex(R"(date="[0-9-]+")"), "date=\"" + std::string(date) + "\"");
  return std::regex_replace(log, std::regex(R"(time="[0-9]{2}:([0-9:.]+)[+-][0-9]+")"),
                            "time=\"" + std::string(hour) + ":$1" + std::string(bias) + "\"");
}

// A CMTrace record line as ccmsetup writes it.
std::string cmtrace(std::string_view message) {
  return "<![LOG[" + std::string(message) +
         "]LOG]!><time=\"09:41:07.449+300\" date=\"01-17-2023\" component=\"ccmsetup\" context=\"\" "
         "type=\"1\" thread=\"7348\" file=\"ccmsetup.cpp:9803\">\r\n";
}

bool hasControls(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0) return true;
  }
  return false;
}

TEST_F(Hostile, ADateAtTheCalendarsEdgeIsReadAnalyzedAndScanned) {
  write("edge/PC-LAST/ccmsetup.log", realLogMovedTo("12-31-9999", "23", "+300"));
  write("edge/PC-FIRST/ccmsetup.log", realLogMovedTo("01-01-1400", "00", "-300"));
  write("edge/PC-USUAL/ccmsetup.log", readBytes(kMachines / "service-context-2009/ccmsetup.log"));
  for (const char* machine : {"edge/PC-LAST", "edge/PC-FIRST"}) {
    SCOPED_TRACE(machine);
    const std::string log = std::string(machine) + "/ccmsetup.log";
    Ran run = ccmlog("records " + log);
    EXPECT_EQ(run.exit, 0) << run.err;
    EXPECT_NE(run.out.find("\"bias\":"), std::string::npos);
    EXPECT_NE(run.out.find("\"utc\":null"), std::string::npos);
    for (const char* format : {"tsv", "text"})
      EXPECT_EQ(ccmlog(std::string("records --format ") + format + " " + log).exit, 0);
    run = ccmlog("analyze --format json " + std::string(machine));
    EXPECT_EQ(run.exit, 1) << run.err;
    EXPECT_NE(run.out.find("service-context-source-access"), std::string::npos);
    run = ccmlog("analyze --color never --time utc " + std::string(machine));
    EXPECT_EQ(run.exit, 1) << run.err;
    EXPECT_NE(run.out.find("(UTC outside the years 1400-9999)"), std::string::npos);
  }
  const Ran scan = ccmlog("scan --format csv -j 2 edge");
  EXPECT_EQ(scan.exit, 1) << scan.err;
  for (const char* machine : {"PC-FIRST,", "PC-LAST,", "PC-USUAL,"}) {
    EXPECT_NE(scan.out.find(std::string(machine) + "edge/"), std::string::npos) << machine << scan.out;
  }
}

TEST_F(Hostile, TerminalEscapesInLogTextAndNamesAreShownNotObeyed) {
  // Retitles the terminal, writes its clipboard (OSC 52), clears the screen, and a C1 CSI.
  const std::string attack =
      "\x1b]0;owned\x07\x1b]52;c;ZWNobyBvd25lZA==\x07\x1b[2J\xc2\x9b"
      "31m";
  const std::string log = readBytes(kMachines / "service-context-2009/ccmsetup.log") +
                          cmtrace("Running as user \"" + attack + "\"") + cmtrace("Deleted file " + attack);
  write("fleet/PC-\x1b[2J/ccmsetup.log", log);
  const std::string shown = "\\x1b]0;owned\\x07\\x1b]52;c;ZWNobyBvd25lZA==\\x07\\x1b[2J\\u009b31m";
  for (const char* command : {"records --format text", "records --format tsv", "analyze --color never"}) {
    SCOPED_TRACE(command);
    const Ran run = ccmlog(std::string(command) + " 'fleet/PC-\x1b[2J/ccmsetup.log'");
    EXPECT_FALSE(hasControls(run.out)) << run.out;
    EXPECT_NE(run.out.find(shown), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("PC-\\x1b[2J"), std::string::npos);
  }
  const Ran scan = ccmlog("scan --progress never fleet");
  EXPECT_FALSE(hasControls(scan.out)) << scan.out;
  EXPECT_NE(scan.out.find("PC-\\x1b[2J"), std::string::npos) << scan.out;
  const Ran missing = ccmlog("records 'no-\x1b]0;owned\x07.log'");
  EXPECT_EQ(missing.exit, 3);
  EXPECT_FALSE(hasControls(missing.err)) << missing.err;
  EXPECT_NE(missing.err.find("no-\\x1b]0;owned\\x07.log"), std::string::npos) << missing.err;
}

TEST_F(Hostile, NamesThatAreNotUtf8GiveUtf8Json) {
  // Latin-1, as a share copied from an old server names a folder; Linux takes any bytes.
  write("fleet/PC-M\xfcller/ccmsetup.log", readBytes(kMachines / "service-context-2009/ccmsetup.log"));
  for (const char* command : {"analyze --format json 'fleet/PC-M\xfcller'",
                              "records 'fleet/PC-M\xfcller/ccmsetup.log'", "scan --format ndjson fleet"}) {
    SCOPED_TRACE(command);
    const Ran run = ccmlog(command);
    EXPECT_EQ(run.out.find('\xfc'), std::string::npos);
    EXPECT_NE(run.out.find("PC-M\xEF\xBF\xBDller"), std::string::npos) << run.out.substr(0, 300);
  }
}

TEST_F(Hostile, AnalyzeReadsTheMachineInAZipAndPointsToScanForSeveral) {
  const std::string log = readBytes(kMachines / "service-context-2009/ccmsetup.log");
  const auto makeZip = [&](const std::string& name, const std::vector<std::string>& entries) {
    int error = 0;
    zip_t* zip = zip_open((dir_ / name).c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(zip, nullptr);
    for (const std::string& entry : entries) {
      ASSERT_GE(zip_file_add(zip, entry.c_str(), zip_source_buffer(zip, log.data(), log.size(), 0), 0), 0);
    }
    ASSERT_EQ(zip_close(zip), 0);
  };
  makeZip("PC-Z1.zip", {"PC-Z1/ccmsetup.log"});
  makeZip("site.zip", {"PC-Z1/ccmsetup.log", "PC-Z2/ccmsetup.log"});
  const Ran one = ccmlog("analyze --format json PC-Z1.zip");
  EXPECT_EQ(one.exit, 1) << one.err;
  EXPECT_NE(one.out.find("service-context-source-access"), std::string::npos);
  EXPECT_NE(one.out.find("PC-Z1.zip/PC-Z1/ccmsetup.log"), std::string::npos);
  const Ran several = ccmlog("analyze site.zip");
  EXPECT_EQ(several.exit, 3);
  EXPECT_NE(several.err.find("'site.zip' holds 2 machines' logs: 'ccmlog scan site.zip' reads them all"),
            std::string::npos)
      << several.err;
}

TEST_F(Hostile, OutputThatCannotBeWrittenIsAnErrorSaidOnStderr) {
  const std::string log = (kMachines / "service-context-2009/ccmsetup.log").string();
  for (const std::string& command : {"records " + log, "records --format text " + log, "analyze " + log,
                                     "scan --format csv " + log, std::string("lookup 5")}) {
    SCOPED_TRACE(command);
    const Ran run = ccmlog(command, "/dev/full");
    EXPECT_EQ(run.exit, 5);
    EXPECT_NE(run.err.find("cannot write the output: No space left on device"), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace ccmlog::cli
