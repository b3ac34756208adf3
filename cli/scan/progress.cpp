#include "scan/progress.h"

#include <unistd.h>

#include <string>

namespace ccmlog::cli {

bool wantProgress(std::string_view choice, std::FILE* stream) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  return ::isatty(::fileno(stream));
}

Progress::Progress(std::FILE* stream, std::size_t total, bool enabled)
    : stream_(stream), total_(total), enabled_(enabled) {}

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  // Redraw when the count changed: at most every 100 ms, but always the final count.
  const bool due = now - lastDraw_ >= std::chrono::milliseconds(100) || done == total_;
  if (shown_ && (done == drawn_ || !due)) return;
  lastDraw_ = now;
  drawn_ = done;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  constexpr std::size_t kWidth = 20;
  const std::size_t filled = total_ ? done * kWidth / total_ : kWidth;
  std::string line = "\r[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]  " +
                     std::to_string(done) + "/" + std::to_string(total_) + " machines  " +
                     std::to_string(static_cast<long long>(rate)) + "/s";
  if (rate > 0 && done < total_) {
    const auto left = static_cast<long long>(static_cast<double>(total_ - done) / rate + 0.5);
    const std::string secondsLeft = std::to_string(left % 60);
    line += "  ETA " + std::to_string(left / 60) + (secondsLeft.size() == 1 ? ":0" : ":") + secondsLeft;
  }
  line += "\x1b[K";  // erase what a longer previous line left
  std::fwrite(line.data(), 1, line.size(), stream_);
  std::fflush(stream_);
  shown_ = true;
}

void Progress::clear() {
  if (!enabled_ || !shown_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
  shown_ = false;
}

}  // namespace ccmlog::cli
