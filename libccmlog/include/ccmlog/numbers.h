// ccmlog/numbers.h: distinct types for the numbers that are easy to mix up.
//
// A physical line number, a byte offset into a file and the index of a record
// are all integers; giving each its own type makes passing one where another
// is expected a compile error. Use value() to get the integer back.
#pragma once

#include <cstdint>

namespace ccmlog {

/// 1-based physical line number, counted as an editor counts (CRLF, LF and a
/// lone CR each end one line).
enum class LineNumber : std::uint64_t {};
/// 0-based offset of a byte in the original (undecoded) file.
enum class ByteOffset : std::uint64_t {};
/// 0-based position of a record in the sequence a reader produced.
enum class RecordIndex : std::uint64_t {};

constexpr std::uint64_t value(LineNumber n) { return static_cast<std::uint64_t>(n); }
constexpr std::uint64_t value(ByteOffset n) { return static_cast<std::uint64_t>(n); }
constexpr std::uint64_t value(RecordIndex n) { return static_cast<std::uint64_t>(n); }

/// A half-open range [offset, offset + length) of bytes in the original file.
struct ByteSpan {
  ByteOffset offset{};
  std::uint64_t length = 0;

  constexpr ByteOffset end() const { return ByteOffset{value(offset) + length}; }
  friend constexpr bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

}  // namespace ccmlog
