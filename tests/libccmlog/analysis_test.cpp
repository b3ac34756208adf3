// Tests of analysis.h: analyzeFiles over inputs that can and cannot be read;
// Analyzer snapshots while records still come.
#include <gtest/gtest.h>

#include "ccmlog/analysis.h"
#include "ccmlog/json.h"
#include "ccmlog/log_files.h"
#include "test_support.h"

namespace ccmlog::test {
namespace {

const std::filesystem::path kLog = CCMLOG_TESTDATA_DIR "/machines/service-context-2009/ccmsetup.log";

TEST(AnalyzeFiles, OneReadableInputIsAnalyzedAndTheUnreadableOneReported) {
  const auto report = analyzeFiles({"no/such.log", kLog});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->files.size(), 2u);
  int unreadable = 0;
  for (const FileReport& f : report->files) unreadable += f.error.has_value();
  EXPECT_EQ(unreadable, 1);
  EXPECT_EQ(report->timeline.outcome.status, OutcomeStatus::Failed);
}

TEST(AnalyzeFiles, NoReadableInputIsAnErrorNamingEveryPath) {
  const auto report = analyzeFiles({"no/such.log", "no/other.log"});
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("cannot open 'no/such.log'"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("cannot open 'no/other.log'"), std::string::npos)
      << report.error().message;
}

TEST(FileErrors, JoinsTheErrorsOfTheUnreadableFilesOnly) {
  std::vector<FileReport> files(3);
  EXPECT_EQ(fileErrors(files), "");
  files[0].error = "cannot open 'a.log': No such file or directory";
  files[2].error = "cannot read 'c.log': it is a folder";
  EXPECT_EQ(fileErrors(files),
            "cannot open 'a.log': No such file or directory; cannot read 'c.log': it is a folder");
}

TEST(FileNote, SaysWhyAFileTellsNothing) {
  FileReport file;
  file.path = "ccmsetup.log";
  file.format = Format::Unknown;
  EXPECT_EQ(fileNote(file), "empty file");
  file.bytes = 120;
  file.format = Format::Plain;
  EXPECT_EQ(fileNote(file), "no ConfigMgr log format: read as plain text");
  file.error = "cannot open 'ccmsetup.log': Permission denied";
  EXPECT_EQ(fileNote(file), "cannot open 'ccmsetup.log': Permission denied");
}

TEST(FileNote, IsEmptyForAnyLogFormat) {
  for (const Format format : {Format::CMTrace, Format::Sms, Format::Copied, Format::Pasted, Format::Msi}) {
    FileReport file;
    file.bytes = 120;
    file.format = format;
    EXPECT_EQ(fileNote(file), "") << toString(format);
  }
}

// One record of a machine's logs, with the file it came from.
struct MachineRecord {
  FileIndex file;
  FileRole role;
  OwnedRecord owned;
};

// Every record of the logs of machine folder `dir`, in reading order.
std::vector<MachineRecord> machineRecords(const std::filesystem::path& dir) {
  std::vector<MachineRecord> out;
  const auto files = machineLogFiles({dir});
  for (std::uint32_t f = 0; files && f < files->size(); ++f) {
    for (OwnedRecord& r : readAll(readBytes((*files)[f].string())).records) {
      out.push_back({FileIndex{f}, roleOf((*files)[f]), std::move(r)});
    }
  }
  return out;
}

// Adds records [from, to) to `analyzer`, beginning each file at its first record.
void feed(Analyzer& analyzer, const std::vector<MachineRecord>& records, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (i == 0 || records[i].file != records[i - 1].file)
      analyzer.beginFile(records[i].file, records[i].role);
    analyzer.add(records[i].owned.record);
  }
}

std::string finished(const std::vector<MachineRecord>& records, size_t count) {
  Analyzer analyzer;
  feed(analyzer, records, 0, count);
  return reportToJson(std::move(analyzer).finish({}));
}

TEST(Analyzer, ASnapshotIsWhatFinishWouldGiveAndTheAnalyzerGoesOn) {
  size_t snapshots = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CCMLOG_TESTDATA_DIR "/machines")) {
    if (!entry.is_directory()) continue;
    const std::vector<MachineRecord> records = machineRecords(entry.path());
    Analyzer running;
    size_t done = 0;
    for (const size_t cut : {size_t{0}, records.size() / 3, records.size() / 2, records.size() * 3 / 4}) {
      feed(running, records, done, cut);
      done = cut;
      EXPECT_EQ(reportToJson(running.snapshot({})), finished(records, cut))
          << entry.path() << " after " << cut;
      ++snapshots;
    }
    feed(running, records, done, records.size());
    auto expected = analyzeFiles({entry.path()});
    ASSERT_TRUE(expected) << expected.error().message;
    expected->files.clear();
    EXPECT_EQ(reportToJson(std::move(running).finish({})), reportToJson(*expected)) << entry.path();
  }
  EXPECT_GT(snapshots, 20u);
}

}  // namespace
}  // namespace ccmlog::test
