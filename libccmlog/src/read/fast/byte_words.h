// read/fast/byte_words.h (internal): eight bytes of text as one 64-bit word, and the
// classic tests that look at all eight at once (no branch per byte).
//
//   const std::uint64_t word = loadWord(text.data() + i);      // i + 8 <= text.size()
//   if (word & kHighBits) ...;                                   // a byte beyond ASCII
//   if (const auto quotes = bytesEqual(word, '"'))
//     i += std::countr_zero(quotes) / 8;                         // the first quote
//
// bytesEqual and bytesBelow mark the bytes they find by their high bit. They
// are exact as a yes or no, and exact for the lowest marked byte (a borrow
// can only mark bytes above a true one), which on this little-endian machine
// is the first in the text. Bytes above the first may be marked falsely.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace ccmlog::detail {

static_assert(std::endian::native == std::endian::little,
              "the lowest byte of a word is the first in the text");

inline constexpr std::uint64_t kLowBits = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

/// The eight bytes at `p`, as they are in memory.
inline std::uint64_t loadWord(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

/// The bytes of `word` below `n` (n <= 0x80).
inline std::uint64_t bytesBelow(std::uint64_t word, unsigned char n) {
  return (word - kLowBits * n) & ~word & kHighBits;
}

/// The bytes of `word` equal to `c`.
inline std::uint64_t bytesEqual(std::uint64_t word, char c) {
  return bytesBelow(word ^ (kLowBits * static_cast<unsigned char>(c)), 1);
}

}  // namespace ccmlog::detail
