#include "read/fast/record_scans.h"

#include <bit>
#include <cstdint>

#include "read/fast/byte_words.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ccmlog::detail {
namespace {

// The bytes of text[from, to) one by one, into `scan` (for the tails).
void scanBytes(std::string_view text, std::size_t from, MessageScan& scan) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '!') {
      scan.bang = i;
      return;
    }
    scan.lineEnd = scan.lineEnd || c == '\r' || c == '\n';
    scan.beyondAscii = scan.beyondAscii || c >= 0x80;
  }
}

}  // namespace

MessageScan scanToBangInWords(std::string_view text, std::size_t from) {
  MessageScan scan;
  std::size_t i = from;
  std::uint64_t ends = 0, high = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t word = loadWord(text.data() + i);
    const std::uint64_t lineEnds = bytesEqual(word, '\r') | bytesEqual(word, '\n');
    if (const std::uint64_t bangs = bytesEqual(word, '!')) {
      // The lowest mark of each test is exact (read/fast/byte_words.h): compare those.
      const int at = std::countr_zero(bangs);
      scan.bang = i + static_cast<std::size_t>(at) / 8;
      scan.lineEnd = ends != 0 || (lineEnds != 0 && std::countr_zero(lineEnds) < at);
      scan.beyondAscii = high != 0 || ((word & kHighBits) != 0 && std::countr_zero(word & kHighBits) < at);
      return scan;
    }
    ends |= lineEnds;
    high |= word & kHighBits;
  }
  scan.lineEnd = ends != 0;
  scan.beyondAscii = high != 0;
  scanBytes(text, i, scan);
  return scan;
}

ByteMasks masksOf64InBytes(const char* p) {
  ByteMasks m;
  for (unsigned k = 0; k < 64; ++k) {
    const auto c = static_cast<unsigned char>(p[k]);
    const std::uint64_t bit = std::uint64_t{1} << k;
    if (c == '"') m.quotes |= bit;
    if (c == '\r' || c == '\n') m.lineEnds |= bit;
    if (c >= 0x80) m.high |= bit;
  }
  return m;
}

#if defined(__SSE2__)

MessageScan scanToBang(std::string_view text, std::size_t from) {
  MessageScan scan;
  const __m128i bang = _mm_set1_epi8('!'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
  __m128i ends = _mm_setzero_si128(), high = _mm_setzero_si128();
  std::size_t i = from;
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i lineEnds = _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf));
    if (const unsigned bangs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, bang)))) {
      const unsigned before = (1u << std::countr_zero(bangs)) - 1;  // the bytes before the first '!'
      scan.bang = i + static_cast<std::size_t>(std::countr_zero(bangs));
      scan.lineEnd = _mm_movemask_epi8(ends) != 0 || (_mm_movemask_epi8(lineEnds) & before) != 0;
      scan.beyondAscii = _mm_movemask_epi8(high) != 0 || (_mm_movemask_epi8(bytes) & before) != 0;
      return scan;
    }
    ends = _mm_or_si128(ends, lineEnds);
    high = _mm_or_si128(high, bytes);
  }
  scan.lineEnd = _mm_movemask_epi8(ends) != 0;
  scan.beyondAscii = _mm_movemask_epi8(high) != 0;
  scanBytes(text, i, scan);
  return scan;
}

#else

MessageScan scanToBang(std::string_view text, std::size_t from) { return scanToBangInWords(text, from); }

#endif

}  // namespace ccmlog::detail
