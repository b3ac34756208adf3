// progress.h: a progress line on a terminal while many machines are scanned.
//
//   Progress progress(stderr, machines.size(), enabled);
//   progress.update(done);      // redraws at most 10 times a second
//   progress.clear();           // before writing to the same terminal, and at the end
//
//   [#########...........]  1200/2000 machines  2950/s  ETA 0:01
//
// When not enabled every call does nothing.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string_view>

namespace ccmlog::cli {

/// --progress auto|always|never: auto draws only when `stream` is a terminal.
bool wantProgress(std::string_view choice, std::FILE* stream);

class Progress {
 public:
  Progress(std::FILE* stream, std::size_t total, bool enabled);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Shows `done` of the total, with the rate so far and the time left.
  void update(std::size_t done);
  /// Erases the line; the next update draws it again.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;

  std::FILE* stream_;
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::size_t drawn_ = 0;  ///< the count on the line
  Clock::time_point start_ = Clock::now();
  Clock::time_point lastDraw_{};
};

}  // namespace ccmlog::cli
