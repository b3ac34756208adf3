// output.h: buffered writing to a stdio stream, flushed in large blocks, and
// what a command does when its output cannot be written.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "exit_codes.h"
#include "message.h"

namespace ccmlog::cli {

class Output {
 public:
  explicit Output(std::FILE* stream) : stream_(stream) {}
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  /// The buffer to append to; call commit() after appending.
  std::string& buffer() { return buffer_; }
  /// Writes the buffer out once it is large.
  void commit() {
    if (buffer_.size() >= kFlushSize) flush();
  }
  void flush() {
    const bool written =
        buffer_.empty() || std::fwrite(buffer_.data(), 1, buffer_.size(), stream_) == buffer_.size();
    if ((!written || std::fflush(stream_) != 0) && !error_) error_ = errno ? errno : EIO;
    buffer_.clear();
  }
  /// The errno of the first write that failed (ENOSPC, EPIPE…); 0 while all went out.
  int error() const { return error_; }

 private:
  static constexpr size_t kFlushSize = 1 << 16;
  std::FILE* stream_;
  std::string buffer_;
  int error_ = 0;
};

/// Says that the output could not be written (`error`: an errno) and returns kExitOutput:
/// a script must not take a cut report for a whole one.
inline int outputFailed(int error) {
  printMessage("ccmlog", std::string("cannot write the output: ") + std::strerror(error));
  return kExitOutput;
}

}  // namespace ccmlog::cli
