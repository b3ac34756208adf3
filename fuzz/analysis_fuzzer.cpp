// analysis_fuzzer: the whole pipeline after reading (classifier, timeline,
// rules) and the JSON report, on one machine's logs made of fuzz bytes.
//
// Input: byte 0 picks the reader options (as record_reader_fuzzer), byte 1
// the logs: 0 ccmsetup.log; 1 client.msi.log; 2 ccmsetup.lo_ then ccmsetup.log;
// 3 ccmsetup.log and client.msi.log. Two logs split the rest at byte 1's
// upper bits (0..63) / 64 of its length.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  ccmlog::AnalysisOptions options;
  options.reader = fuzz::readerOptions(data[0]);
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);

  static constexpr std::array<std::array<const char*, 2>, 4> names{{
      {"ccmsetup.log", nullptr},
      {"client.msi.log", nullptr},
      {"ccmsetup.lo_", "ccmsetup.log"},
      {"ccmsetup.log", "client.msi.log"},
  }};
  const auto& chosen = names[data[1] % 4];
  std::vector<ccmlog::LogText> logs;
  if (chosen[1] == nullptr) {
    logs.push_back({chosen[0], bytes});
  } else {
    const std::size_t split = bytes.size() * (data[1] >> 2) / 64;
    logs.push_back({chosen[0], bytes.substr(0, split)});
    logs.push_back({chosen[1], bytes.substr(split)});
  }

  const ccmlog::Report report = ccmlog::analyzeTexts(logs, options);
  fuzz::check(report.files.size() == logs.size(), "a log is missing from the report");
  std::uint64_t read = 0;
  for (const ccmlog::FileReport& file : report.files) read += file.bytes;
  fuzz::check(read == bytes.size(), "bytes read differ from bytes given");
  const std::string json = ccmlog::reportToJson(report);
  fuzz::check(!json.empty() && json.front() == '{', "the JSON report is not an object");
  return 0;
}
