// viewer_load: times the viewer's load job on one log, headless (no Qt event loop).
//
//   build/bin/ccmlog_viewer_load /tmp/viewer-bench/ccmsetup-1g.log
//
// Runs runLoad (viewer/loading/load_job.h) as LogSession does, appending every batch
// to a LogIndex on the same thread, and prints the seconds to the first rows,
// the first findings and the last batch (fully indexed), and the peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "ccmlog/log_files.h"
#include "loading/load_job.h"
#include "models/log_index.h"

namespace {

using Clock = std::chrono::steady_clock;

class TimingSink : public ccmlog::viewer::LoadSink {
 public:
  explicit TimingSink(ccmlog::viewer::LogIndex& index) : index_(index) {}

  void deliver(ccmlog::viewer::LoadBatch batch) override {
    const double now = std::chrono::duration<double>(Clock::now() - started_).count();
    index_.addComponents(batch.components);
    index_.addThreads(batch.threads);
    index_.append(batch.entries);
    if (firstRows < 0 && !index_.empty()) firstRows = now;
    if (batch.report) {
      if (firstFindings < 0) firstFindings = now;
      findings = batch.report->findings.size();
    }
    if (batch.last) indexed = now;
  }
  bool cancelled() const override { return false; }

  double firstRows = -1, firstFindings = -1, indexed = -1;
  std::size_t findings = 0;

 private:
  ccmlog::viewer::LogIndex& index_;
  Clock::time_point started_ = Clock::now();
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s LOG\n", argv[0]);
    return 2;
  }
  const std::filesystem::path path = argv[1];
  ccmlog::viewer::LogIndex index;
  const ccmlog::viewer::LoadSegment segment{
      .file = index.addFile({.path = path, .name = path.filename().string(), .role = ccmlog::roleOf(path)}),
      .path = path,
      .reader = {},
      .role = ccmlog::roleOf(path)};
  ccmlog::viewer::LoadState state;
  TimingSink sink(index);
  ccmlog::viewer::runLoad({&segment, 1}, state, sink);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "first rows %.2f s, first findings %.2f s, fully indexed %.2f s, peak RSS %.0f MB, %zu records, %zu "
      "findings\n",
      sink.firstRows, sink.firstFindings, sink.indexed, static_cast<double>(usage.ru_maxrss) / 1024,
      index.size(), sink.findings);
}
