// analyzer.h: records in, in log order; a Report out.
//
// The library's pipeline after the reader: each record's message is
// classified (EventClassifier) and laid into the timeline (TimelineBuilder);
// finish() closes the timeline and runs the rules (diagnose). analyzeFiles()
// does the same over whole files; the viewer drives it record by record
// because it reads each record once for both the index and the analysis,
// with progress and cancel, and re-analyzes a prefix of the files for the
// findings known so far.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/event.h"
#include "ccmlog/record.h"
#include "ccmlog/timeline_builder.h"

namespace ccmlog::viewer {

class Analyzer {
 public:
  /// Records that follow come from this file.
  void beginFile(FileIndex file, FileRole role);
  /// One record of the current file, in log order.
  void add(const Record& record);
  /// The timeline and findings; `files` become Report::files.
  Report finish(std::vector<FileReport> files) &&;

 private:
  TimelineBuilder builder_;
  FileIndex file_{};
  std::uint64_t records_ = 0;
  std::vector<Event> events_;
};

}  // namespace ccmlog::viewer
