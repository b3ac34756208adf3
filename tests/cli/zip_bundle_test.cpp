#include "scan/zip_bundle.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

namespace ccmlog::cli {
namespace {

namespace fs = std::filesystem;

using Entries = std::vector<std::pair<std::string, std::string>>;  // name, bytes

class ZipBundle : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ccmlog_zip_bundle_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes a zip holding `entries`, stored (not compressed) when asked.
  fs::path makeZip(const std::string& name, const Entries& entries, bool store = false) {
    const fs::path path = dir_ / name;
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(zip, nullptr);
    for (const auto& [entry, bytes] : entries) {
      zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
      const zip_int64_t index = zip_file_add(zip, entry.c_str(), source, ZIP_FL_ENC_UTF_8);
      EXPECT_GE(index, 0) << zip_strerror(zip);
      if (store) zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    EXPECT_EQ(zip_close(zip), 0);
    return path;
  }

  fs::path dir_;
  BundleReader bundles_;
};

TEST_F(ZipBundle, OneMachinePerFolderWithLogs) {
  const fs::path zip = makeZip("site.zip", {{"PC02/ccmsetup.log", "b"},
                                            {"PC01/ccmsetup.log", "a"},
                                            {"PC01/ccmsetup.lo_", "history"},
                                            {"PC01/CcmExec.log", "not a setup log"},
                                            {"PC01/old/ccmsetup.log", "part of PC01"},
                                            {"PC03\\client.msi.log", "backslashes, as PowerShell 5 writes"}});
  const auto folders = listBundle(zip);
  ASSERT_TRUE(folders) << folders.error().message;
  ASSERT_EQ(folders->size(), 3u);
  EXPECT_EQ((*folders)[0].folder, "PC01");
  EXPECT_EQ((*folders)[0].entries, (std::vector<std::string>{"PC01/ccmsetup.lo_", "PC01/ccmsetup.log"}));
  EXPECT_EQ((*folders)[1].folder, "PC02");
  EXPECT_EQ((*folders)[2].folder, "PC03");
  EXPECT_EQ((*folders)[2].entries, std::vector<std::string>{"PC03\\client.msi.log"});

  const auto logs = bundles_.read(zip, (*folders)[0].entries);
  ASSERT_TRUE(logs) << logs.error().message;
  const auto texts = logs->texts();
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].name, zip.string() + "/PC01/ccmsetup.lo_");
  EXPECT_EQ(texts[0].bytes, "history");
  EXPECT_EQ(bundles_.read(zip, (*folders)[2].entries)->names[0], zip.string() + "/PC03/client.msi.log");
}

// As on disk: a folder with no logs and no folder below it is a machine whose
// logs were not collected; a folder above machines, or inside one, is not.
TEST_F(ZipBundle, AFolderWithoutLogsOrSubFoldersIsListedWithoutEntries) {
  const fs::path zip = makeZip("site.zip", {{"PC01/ccmsetup.log", "a"},
                                            {"PC01/old/readme.txt", "part of PC01"},
                                            {"PC02/", ""},
                                            {"PC03/collection.txt", "nothing collected"},
                                            {"lab/PC04/", ""},
                                            {"lab-2/PC05/ccmsetup.log", "sorts between lab and lab/PC04"},
                                            {"README.txt", "at the top, beside the machines"}});
  const auto folders = listBundle(zip);
  ASSERT_TRUE(folders) << folders.error().message;
  std::vector<std::string> names;
  for (const BundleFolder& f : *folders) names.push_back(f.folder);
  EXPECT_EQ(names, (std::vector<std::string>{"PC01", "PC02", "PC03", "lab-2/PC05", "lab/PC04"}));
  EXPECT_EQ((*folders)[0].entries, std::vector<std::string>{"PC01/ccmsetup.log"});
  EXPECT_EQ((*folders)[3].entries, std::vector<std::string>{"lab-2/PC05/ccmsetup.log"});
  for (size_t i : {1u, 2u, 4u}) EXPECT_TRUE((*folders)[i].entries.empty()) << names[i];
}

TEST_F(ZipBundle, OneReaderServesBundleAfterBundle) {
  const fs::path a = makeZip("a.zip", {{"PC1/ccmsetup.log", "from a"}});
  const fs::path b = makeZip("b.zip", {{"PC1/ccmsetup.log", "from b"}});
  for (const auto& [zip, bytes] : {std::pair{a, "from a"}, {b, "from b"}, {a, "from a"}}) {
    const auto logs = bundles_.read(zip, std::vector<std::string>{"PC1/ccmsetup.log"});
    ASSERT_TRUE(logs) << logs.error().message;
    EXPECT_EQ(logs->bytes[0], bytes);
  }
  EXPECT_FALSE(bundles_.read(dir_ / "missing.zip", std::vector<std::string>{"x.log"}));
  EXPECT_TRUE(bundles_.read(a, std::vector<std::string>{"PC1/ccmsetup.log"}));
}

TEST_F(ZipBundle, LogsAtTheTopMakeOneMachine) {
  const fs::path zip = makeZip("PC42.zip", {{"ccmsetup.log", "x"}, {"sub/ccmsetup.log", "part of it"}});
  const auto folders = listBundle(zip);
  ASSERT_TRUE(folders);
  ASSERT_EQ(folders->size(), 1u);
  EXPECT_EQ((*folders)[0].folder, "");
  EXPECT_EQ((*folders)[0].entries, std::vector<std::string>{"ccmsetup.log"});
}

TEST_F(ZipBundle, DotDotAndAbsoluteNamesAreOnlyNames) {
  const fs::path zip =
      makeZip("evil.zip", {{"../../escape/ccmsetup.log", "a"}, {"/etc/PC9/ccmsetup.log", "b"}});
  const auto folders = listBundle(zip);
  ASSERT_TRUE(folders);
  ASSERT_EQ(folders->size(), 2u);
  EXPECT_EQ((*folders)[0].folder, "../../escape");
  EXPECT_EQ((*folders)[1].folder, "/etc/PC9");
  for (const BundleFolder& f : *folders) {
    const auto logs = bundles_.read(zip, f.entries);
    ASSERT_TRUE(logs) << logs.error().message;
    EXPECT_EQ(logs->bytes.size(), 1u);
  }
  EXPECT_FALSE(fs::exists(dir_.parent_path().parent_path() / "escape"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);  // only the zip
}

TEST_F(ZipBundle, TwoEntriesOfOneNameAreBothRead) {
  // libzip will not write one name twice: write "ccmsetup.lox", then rename it in the bytes.
  const fs::path zip =
      makeZip("twice.zip", {{"PC01/ccmsetup.log", "the first"}, {"PC01/ccmsetup.lox", "the second"}},
              /*store=*/true);
  std::string bytes;
  {
    std::ifstream in(zip, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (size_t at = bytes.find("ccmsetup.lox"); at != std::string::npos; at = bytes.find("ccmsetup.lox", at)) {
    bytes.replace(at, 12, "ccmsetup.log");
  }
  std::ofstream(zip, std::ios::binary | std::ios::trunc) << bytes;
  const auto folders = listBundle(zip);
  ASSERT_TRUE(folders) << folders.error().message;
  ASSERT_EQ(folders->size(), 1u);
  ASSERT_EQ((*folders)[0].entries, (std::vector<std::string>{"PC01/ccmsetup.log", "PC01/ccmsetup.log"}));
  const auto logs = bundles_.read(zip, (*folders)[0].entries);
  ASSERT_TRUE(logs) << logs.error().message;
  EXPECT_EQ(logs->bytes, (std::vector<std::string>{"the first", "the second"}));
}

TEST_F(ZipBundle, EntriesOverTheLimitsAreRefused) {
  const fs::path zip =
      makeZip("big.zip", {{"ccmsetup.lo_", std::string(600, 'a')}, {"ccmsetup.log", std::string(600, 'b')}});
  const std::vector<std::string> entries{"ccmsetup.lo_", "ccmsetup.log"};
  const auto perEntry = bundles_.read(zip, entries, {.entryBytes = 500, .machineBytes = 10000});
  ASSERT_FALSE(perEntry);
  EXPECT_NE(perEntry.error().message.find(
                "big.zip/ccmsetup.lo_': it is 600 bytes uncompressed, over the limit of 500 bytes"),
            std::string::npos)
      << perEntry.error().message;
  const auto perMachine = bundles_.read(zip, entries, {.entryBytes = 1000, .machineBytes = 1000});
  ASSERT_FALSE(perMachine);
  EXPECT_NE(perMachine.error().message.find("big.zip/ccmsetup.log': the machine's logs are over the limit"),
            std::string::npos)
      << perMachine.error().message;
  EXPECT_TRUE(bundles_.read(zip, entries, {.entryBytes = 600, .machineBytes = 1200}));
}

TEST_F(ZipBundle, CorruptDataIsAnErrorNamingTheEntry) {
  const std::string text = "<![LOG[ccmsetup started in process 1234]LOG]!>";
  fs::path zip = makeZip("crc.zip", {{"ccmsetup.log", text}}, /*store=*/true);
  std::string bytes;
  {
    std::ifstream in(zip, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const size_t at = bytes.find(text);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 10] = 'X';  // the stored data no longer matches its CRC
  std::ofstream(zip, std::ios::binary | std::ios::trunc) << bytes;
  const auto logs = bundles_.read(zip, std::vector<std::string>{"ccmsetup.log"});
  ASSERT_FALSE(logs);
  EXPECT_NE(logs.error().message.find("crc.zip/ccmsetup.log': CRC error"), std::string::npos)
      << logs.error().message;
}

TEST_F(ZipBundle, NotAZipIsAnError) {
  std::ofstream(dir_ / "fake.zip") << "not a zip";
  const auto folders = listBundle(dir_ / "fake.zip");
  ASSERT_FALSE(folders);
  EXPECT_NE(folders.error().message.find("cannot open zip"), std::string::npos);
  EXPECT_NE(folders.error().message.find("Not a zip archive"), std::string::npos);
}

}  // namespace
}  // namespace ccmlog::cli
