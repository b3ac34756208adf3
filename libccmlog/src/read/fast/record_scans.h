// read/fast/record_scans.h (internal): a CMTrace record's bytes looked at many at a
// time, for the reader's usual case. Sixteen bytes at a time with SSE2 where
// the machine has it (every x86-64 does), else eight at a time in a 64-bit
// word; tests hold both to a byte-by-byte look.
//
// The message: the first '!' after the opener, and what lies before it.
//
//   const MessageScan scan = scanToBang(text, opener + kOpener.size());
//   if (scan.bang != npos && <a terminator's '!'>) {
//     // the message is text[from, scan.bang - 5); scan.lineEnd and
//     // scan.beyondAscii say whether it holds a CR or LF, a byte >= 0x80
//   }
//
// A '!' is rare in log text (both CMTrace markers hold one), so the reader
// finds a record's terminator by it; looking at line ends and high bits on
// the way saves it two more passes over every message (counting lines,
// checking UTF-8).
//
// The attribute list: where its quotes, line ends and high bytes are, as
// bits, 64 bytes at a time (bit k for the byte at p + k).
//
//   const ByteMasks m = masksOf64(p);  // p[0..64) must be readable
//   if (m.quotes) quote = p + std::countr_zero(m.quotes);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ccmlog::detail {

struct MessageScan {
  std::size_t bang = std::string_view::npos;  ///< the first '!' at or after `from`, or npos
  bool lineEnd = false;                       ///< a CR or LF in text[from, bang) (to the end when npos)
  bool beyondAscii = false;                   ///< a byte >= 0x80 there
};

MessageScan scanToBang(std::string_view text, std::size_t from);

/// The same, one word at a time: what scanToBang does without SSE2.
MessageScan scanToBangInWords(std::string_view text, std::size_t from);

struct ByteMasks {
  std::uint64_t quotes = 0;    ///< '"'
  std::uint64_t lineEnds = 0;  ///< CR or LF
  std::uint64_t high = 0;      ///< >= 0x80
};

/// The same, one byte at a time: what masksOf64 does without SSE2.
ByteMasks masksOf64InBytes(const char* p);

#if defined(__SSE2__)
// Inline: the reader asks for a few per record.
inline ByteMasks masksOf64(const char* p) {
  const __m128i quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
  ByteMasks m;
  for (unsigned k = 0; k < 64; k += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const auto bits = [&](__m128i marked) {
      return std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(marked))} << k;
    };
    m.quotes |= bits(_mm_cmpeq_epi8(bytes, quote));
    m.lineEnds |= bits(_mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)));
    m.high |= bits(bytes);
  }
  return m;
}
#else
inline ByteMasks masksOf64(const char* p) { return masksOf64InBytes(p); }
#endif

}  // namespace ccmlog::detail
