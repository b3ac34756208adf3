// output.h: buffered writing to a stdio stream, flushed in large blocks.
#pragma once

#include <cstdio>
#include <string>

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
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), stream_);
    buffer_.clear();
    std::fflush(stream_);
  }

 private:
  static constexpr size_t kFlushSize = 1 << 16;
  std::FILE* stream_;
  std::string buffer_;
};

}  // namespace ccmlog::cli
