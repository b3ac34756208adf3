// The lossless property on every file in testdata/: the records' spans tile
// the file, whatever the chunk size.
#include <filesystem>

#include <gtest/gtest.h>

#include "ccmlog/record_reader.h"
#include "test_support.h"

namespace ccmlog {
namespace {

using test::testdataFiles;

TEST(Testdata, EveryFileIsTiledByItsRecords) {
  const auto files = testdataFiles();
  ASSERT_FALSE(files.empty());
  for (const auto& path : files) {
    const std::string bytes = test::readBytes(path.string());
    for (size_t chunk : {0u, 1000u, 4097u}) {
      const auto r = test::readAll(bytes, chunk);
      EXPECT_EQ(test::tilingProblem(r.records, bytes.size()), "") << path << " chunk " << chunk;
    }
  }
}

TEST(Testdata, ReadFileAgreesWithTheStreamingReader) {
  for (const auto& path : testdataFiles()) {
    std::vector<OwnedRecord> records;
    const auto summary = readFile(path, [&](const Record& r) { records.emplace_back(r); });
    ASSERT_TRUE(summary) << summary.error().message;
    const std::string bytes = test::readBytes(path.string());
    EXPECT_EQ(test::tilingProblem(records, bytes.size()), "") << path;
    EXPECT_EQ(summary->stats.records, records.size());
    EXPECT_EQ(summary->stats.bytes, bytes.size());
  }
}

TEST(FileReader, MissingFileAndFolderGiveMessagesNamingThePath) {
  const auto missing = readFile("/nonexistent/ccmsetup.log", [](const Record&) {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("/nonexistent/ccmsetup.log"), std::string::npos);
  EXPECT_NE(missing.error().message.find("No such file"), std::string::npos);
  const auto folder = readFile(CCMLOG_TESTDATA_DIR, [](const Record&) {});
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message.find("folder"), std::string::npos);
}

}  // namespace
}  // namespace ccmlog
