// Micro-benchmarks of the hot path (Google Benchmark; not part of ctest).
//   build/bin/ccmlog_micro_benchmarks [--benchmark_filter=Reader]
// Inputs are generated in memory so runs are comparable across machines.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "ccmlog/event_classifier.h"
#include "ccmlog/record_reader.h"
#include "read/envelope_fields.h"

namespace {

std::string record(std::string_view message) {
  return "<![LOG[" + std::string(message) +
         "]LOG]!><time=\"11:15:43.354+300\" date=\"01-17-2023\" component=\"ccmsetup\" context=\"\" "
         "type=\"1\" thread=\"3264\" file=\"ccmsetup.cpp:1234\">\r\n";
}

const std::vector<std::string>& messages() {
  static const std::vector<std::string> m = {
      "==========[ ccmsetup started in process 2608 ]==========",
      "Running as user \"SYSTEM\"",
      "File download 43% complete (262144 of 602112 bytes).",
      "Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error 0x80070005",
      "Updated security on object C:\\Windows\\ccmsetup\\.",
      "Checking Write Filter Status.",
      "Sending Fallback Status Point message to 'FSP01.contoso.com', STATEID='100'.\r\n"
      "<ClientDeploymentMessage ErrorCode=\"-2145844844\"><Client Baseline=\"1\" "
      "/></ClientDeploymentMessage>",
      "MSI: Action 11:16:40: InstallFiles. Copying new files",
  };
  return m;
}

std::string corpus(size_t bytes) {
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i) out += record(messages()[i % messages().size()]);
  return out;
}

void Reader(benchmark::State& state) {
  const std::string input = corpus(8 << 20);
  for (auto _ : state) {
    ccmlog::RecordReader reader;
    ccmlog::Record r;
    size_t n = 0;
    for (size_t at = 0; at < input.size(); at += 1 << 20) {
      reader.feed(std::string_view(input).substr(at, 1 << 20));
      while (reader.next(r)) ++n;
    }
    reader.finish();
    while (reader.next(r)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(Reader)->Unit(benchmark::kMillisecond);

// Messages that match no pattern: the common case in a long log.
const std::vector<std::string>& plainMessages() {
  static const std::vector<std::string> m = {
      "Updated security on object C:\\Windows\\ccmsetup\\.",
      "Checking Write Filter Status.",
      "This is not a supported write filter device. We are not in a write filter maintenance mode.",
      "Command line parameters for ccmsetup have been specified.  No registry lookup for command line "
      "parameters is required.",
  };
  return m;
}

void classifyAll(benchmark::State& state, const std::vector<std::string>& input) {
  const ccmlog::EventClassifier classifier;
  std::vector<ccmlog::Event> events;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& m : input) {
      events.clear();
      classifier.classify(m, ccmlog::RecordIndex{0}, events);
      bytes += m.size();
    }
    benchmark::DoNotOptimize(events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void Classifier(benchmark::State& state) { classifyAll(state, messages()); }
BENCHMARK(Classifier);

void ClassifierNoMatch(benchmark::State& state) { classifyAll(state, plainMessages()); }
BENCHMARK(ClassifierNoMatch);

void TimeParser(benchmark::State& state) {
  for (auto _ : state) {
    auto t = ccmlog::detail::parseBiasedTime("11:15:43.3541234+300");
    auto d = ccmlog::detail::parseMonthDayYear("01-17-2023", '-');
    benchmark::DoNotOptimize(ccmlog::detail::toTimestamp(*d, t->clock));
  }
}
BENCHMARK(TimeParser);

}  // namespace

BENCHMARK_MAIN();
