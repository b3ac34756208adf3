// The C++ API as a tool links it: ccmlog::ccmlog from find_package(ccmlog).
//   consumer_cpp MACHINE_FOLDER   (testdata/machines/service-context-2009)
// Checks the one call (analyzeFiles), Result's surface, the reader and the Analyzer
// and the error-code lookup; prints what it found.
#include <ccmlog/ccmlog.h>
#include <ccmlog/ccmlog_c.h>  // ccmlog_version()

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, std::string_view what) {
  if (!ok) {
    std::cerr << "FAILED: " << what << '\n';
    ++failures;
  }
}

constexpr std::string_view kHeadline = "service-context-source-access";

// What analyzeFiles does, by hand: the bytes through a RecordReader, the records through an Analyzer.
std::vector<ccmlog::Finding> analyzeByHand(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ccmlog::RecordReader reader;
  ccmlog::Analyzer analyzer;
  analyzer.beginFile(ccmlog::FileIndex{0}, ccmlog::roleOf(file));
  ccmlog::Record record;
  auto drain = [&] {
    while (reader.next(record)) analyzer.add(record);
  };
  for (std::size_t at = 0; at < bytes.size(); at += 4096) {  // any chunk size will do
    reader.feed(std::string_view(bytes).substr(at, 4096));
    drain();
  }
  reader.finish();
  drain();
  ccmlog::FileReport read;
  read.path = file;
  return std::move(analyzer).finish({read}).findings;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer_cpp MACHINE_FOLDER\n";
    return 2;
  }
  const std::filesystem::path machine = argv[1];

  // The README example.
  auto report = ccmlog::analyzeFiles({machine});
  if (!report) {
    std::cerr << report.error().message << '\n';
    return 3;
  }
  std::cout << "outcome: " << ccmlog::toString(report->timeline.outcome.status) << '\n';
  for (const ccmlog::Finding& finding : report->findings)
    std::cout << finding.rule << ": " << finding.title << '\n';

  const ccmlog::Report& r = *report;
  check(!r.findings.empty(), "there are findings");
  if (!r.findings.empty()) {
    const std::string_view rule = r.findings.front().rule;
    check(rule == kHeadline, "the headline rule comes first");
    check(!r.findings.front().evidence.empty(), "the headline finding cites evidence");
  }
  check(r.timeline.outcome.status == ccmlog::OutcomeStatus::Failed, "the install failed");
  check(r.files.size() == 1 && !r.files[0].error, "one file, read");
  check(r.timeline.runs.size() == 2 && r.timeline.runs[1].service, "two runs, the second one the service");
  check(!r.timeline.phases.empty(), "phases");
  check(ccmlog::reportToJson(r).find(kHeadline) != std::string::npos, "the JSON names the rule");

  const auto noLogs = ccmlog::analyzeFiles({"testdata/machines"});  // only folders in it
  check(!noLogs && !noLogs.error().message.empty(), "nothing to analyze is an error with a message");
  const auto missing = ccmlog::analyzeFiles({"no/such.log"});
  check(!missing && missing.error().message.find("cannot open 'no/such.log'") != std::string::npos,
        "no readable file is an error naming it");
  const auto some = ccmlog::analyzeFiles({"no/such.log", machine / "ccmsetup.log"});
  check(some && some->files.size() == 2 && (some->files[0].error || some->files[1].error),
        "an unreadable file beside a readable one is reported in the report");

  const std::vector<ccmlog::Finding> byHand = analyzeByHand(machine / "ccmsetup.log");
  check(!byHand.empty() && byHand.front().rule == kHeadline, "the streaming pieces agree");

  const auto info = ccmlog::lookupError("-2147024891");
  check(info && info->name == "ERROR_ACCESS_DENIED", "lookupError");
  check(info && ccmlog::lookupToJson("5", *info).find("\"win32\": 5") != std::string::npos, "lookupToJson");
  check(!ccmlog::lookupError("banana"), "an invalid code is an error");

  check(std::string_view(CCMLOG_VERSION_STRING) == ccmlog_version(), "headers and library agree");
  if (failures == 0) std::cout << "consumer_cpp: all checks passed\n";
  return failures == 0 ? 0 : 1;
}
