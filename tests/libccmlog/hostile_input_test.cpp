// Inputs a stranger controls (a fleet share is exactly that), made here: dates
// at the calendar's edges, names that are not UTF-8, the C API given both.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "ccmlog/analysis.h"
#include "ccmlog/ccmlog_c.h"
#include "ccmlog/json.h"
#include "read/utf8.h"
#include "test_support.h"

namespace ccmlog {
namespace {

namespace fs = std::filesystem;

const std::string kMachine = CCMLOG_TESTDATA_DIR "/machines/service-context-2009/ccmsetup.log";

// A real log with every record moved to `date` at `hour`, its bias set to `bias`.
std::string movedTo(std::string_view date, std::string_view hour, std::string_view bias) {
  std::string log = test::readBytes(kMachine);
  log = std::regex_replace(log, std::regex(R"(date="[0-9-]+")"), "date=\"" + std::string(date) + "\"");
  log = std::regex_replace(log, std::regex(R"(time="[0-9]{2}:([0-9:.]+)[+-][0-9]+")"),
                           "time=\"" + std::string(hour) + ":$1" + std::string(bias) + "\"");
  return log;
}

// 9999-12-31 at 23:xx, 300 minutes west of UTC (UTC in year 10000); 1400-01-01 at 00:xx, 300 east.
const std::string kLastDay = movedTo("12-31-9999", "23", "+300");
const std::string kFirstDay = movedTo("01-01-1400", "00", "-300");

class CalendarEdge : public ::testing::TestWithParam<const std::string*> {};

TEST_P(CalendarEdge, TheUtcIsUnknownAndSaidSoTheLocalTimeStays) {
  const auto read = test::readAll(*GetParam());
  ASSERT_GT(read.records.size(), 70u);
  for (const OwnedRecord& r : read.records) {
    ASSERT_TRUE(r.record.local && r.record.bias);
    EXPECT_FALSE(r.record.utc());
    const Location where{.local = r.record.local, .bias = r.record.bias, .thread = std::nullopt};
    EXPECT_EQ(formatTime(where, Clock::Utc),
              formatIso(*r.record.local) + " (UTC outside the years 1400-9999)");
  }
}

TEST_P(CalendarEdge, TheMachineIsAnalyzedAsItWouldBeOnAnotherDay) {
  const std::string& log = *GetParam();
  const LogText text{"ccmsetup.log", log};
  for (const Clock clock : {Clock::Local, Clock::Utc}) {
    AnalysisOptions options;
    options.diagnosis.clock = clock;
    const Report report = analyzeTexts({&text, 1}, options);
    EXPECT_EQ(report.timeline.outcome.status, OutcomeStatus::Failed);
    ASSERT_FALSE(report.findings.empty());
    EXPECT_EQ(report.findings.front().rule, "service-context-source-access");
    const std::string json = reportToJson(report);
    EXPECT_NE(json.find("\"start_utc\": null"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Days, CalendarEdge, ::testing::Values(&kLastDay, &kFirstDay), [](const auto& param) {
  return param.param == &kLastDay ? "Year9999" : "Year1400";
});

TEST(CApi, AFolderNamedInBytesThatAreNotUtf8WithADateAtTheEdgeGivesUtf8Json) {
  const fs::path dir = fs::temp_directory_path() / ("ccmlog_hostile_" + std::to_string(::getpid()));
  const fs::path machine = dir / "PC-M\xfcller";  // Latin-1, as a share copied from an old server names it
  fs::create_directories(machine);
  std::ofstream(machine / "ccmsetup.log", std::ios::binary) << kLastDay;
  const std::string path = machine.string();
  const char* paths[] = {path.c_str()};
  char* error = nullptr;
  char* json = ccmlog_analyze_json(paths, 1, &error);
  ASSERT_NE(json, nullptr) << error;
  const std::string text = json;
  ccmlog_free(json);
  fs::remove_all(dir);
  EXPECT_TRUE(detail::isValidUtf8(text));
  EXPECT_NE(text.find("PC-M\xEF\xBF\xBDller"), std::string::npos);
  EXPECT_NE(text.find("\"outcome\""), std::string::npos);
}

}  // namespace
}  // namespace ccmlog
