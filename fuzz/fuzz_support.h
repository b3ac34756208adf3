// fuzz_support.h: what the fuzz targets share: fuzz bytes turned into choices, and
// a property check that aborts so that libFuzzer keeps the input as a crash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "ccmlog/record_reader.h"

namespace fuzz {

/// Reader options from one byte: format = b % 7, encoding = b / 7 % 5 (0 detects both).
inline ccmlog::ReaderOptions readerOptions(std::uint8_t b) {
  ccmlog::ReaderOptions options;
  options.format = static_cast<ccmlog::Format>(b % 7);
  options.encoding = static_cast<ccmlog::Encoding>(b / 7 % 5);
  return options;
}

/// Chunk sizes from 1 byte to 64 KiB, deterministic for a seed (xorshift).
class ChunkSizes {
 public:
  explicit ChunkSizes(std::uint8_t seed) : state_(0x9E3779B9u ^ seed) {}
  /// The next chunk size, at most `left` (which must be > 0).
  std::size_t next(std::size_t left) {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    const std::size_t limit = std::size_t{1} << (state_ % 17);  // 1 .. 64 KiB, small ones as often
    const std::size_t n = 1 + (state_ >> 8) % limit;
    return n < left ? n : left;
  }

 private:
  std::uint32_t state_;
};

/// Aborts, naming the property, unless `ok`.
inline void check(bool ok, const char* property) {
  if (ok) return;
  std::fprintf(stderr, "fuzz property broken: %s\n", property);
  std::abort();
}

}  // namespace fuzz
