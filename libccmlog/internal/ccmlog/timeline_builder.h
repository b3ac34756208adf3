// ccmlog/timeline_builder.h (internal): events in, in log order; a Timeline out.
//
//   ccmlog::TimelineBuilder builder;
//   builder.beginFile(ccmlog::FileIndex{0}, ccmlog::FileRole::Setup);   // ccmsetup.lo_, ccmsetup.log
//   for each record: builder.addRecord(ccmlog::Location{file, record.line, record.local, record.bias,
//                                                       ccmlog::threadId(record.thread)},
//                                      record.message, events_of_that_record);
//   builder.beginFile(ccmlog::FileIndex{1}, ccmlog::FileRole::Auxiliary); // client.msi.log
//   ...
//   ccmlog::Timeline timeline = std::move(builder).finish();
//
// Setup files open runs at each RunStarted event and continue the last run
// before their first one (a ccmsetup.log that starts where ccmsetup.lo_ ended).
// A setup file's record joins the run of the process that wrote it: the run
// whose thread (Location::thread) wrote it before, unless that process has
// exited or the newer run started more than 5 minutes ago (the id was
// reused); a thread not seen before is the current run's. Records without a
// thread join the current run, but for a bootstrap's last words ("started
// the service", "return code 0") within a second of the service's banner,
// before the service did anything.
// Events of auxiliary files are placed in the run whose span holds their time
// (UTC where both sides know it, local time otherwise), else in the last run;
// an auxiliary file that starts a run is treated as a setup file from there on.
// High-volume events (download progress, MSI actions) shape runs and phases
// but are not kept in Timeline::events.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "ccmlog/log_files.h"
#include "ccmlog/timeline.h"

namespace ccmlog {

class TimelineBuilder {
 public:
  TimelineBuilder();
  ~TimelineBuilder();
  TimelineBuilder(TimelineBuilder&&) noexcept;
  TimelineBuilder& operator=(TimelineBuilder&&) noexcept;
  TimelineBuilder(const TimelineBuilder&) = delete;
  TimelineBuilder& operator=(const TimelineBuilder&) = delete;

  /// Records that follow come from this file.
  void beginFile(FileIndex file, FileRole role);
  /// One record, in log order, with the events classified from its message.
  void addRecord(const Location& where, std::string_view message, std::span<const Event> events);
  /// The timeline so far, as finish() would return it now; the builder goes on unchanged.
  Timeline snapshot() const;
  /// Closes the last run and decides phases and the outcome.
  Timeline finish() &&;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ccmlog
