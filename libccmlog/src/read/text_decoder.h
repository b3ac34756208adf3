// read/text_decoder.h (internal): file bytes in, UTF-8 text out, chunk by chunk.
//
// The first bytes decide the encoding: a UTF-16 BOM (FF FE / FE FF), a UTF-8
// BOM, or, without one, UTF-16 recognised by its zero bytes (ASCII text in
// UTF-16 has a zero in every other byte), else UTF-8. UTF-8 input passes
// through unchanged (ill-formed bytes are repaired later, per record, so that
// offsets stay exact); UTF-16 is converted, a BOM becoming U+FEFF and an
// unpaired surrogate U+FFFD, so that every UTF-16 code unit (2 source bytes)
// becomes exactly one UTF-8 character. sourceLength() relies on that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ccmlog/record_reader.h"

namespace ccmlog::detail {

class TextDecoder {
 public:
  /// Encoding::Unknown detects the encoding from the first bytes.
  explicit TextDecoder(Encoding forced = Encoding::Unknown) : encoding_(forced) {}

  /// Appends the text of the next `bytes` to `out` (possibly nothing yet,
  /// while the encoding is undecided or a sequence is incomplete).
  void decode(std::string_view bytes, std::string& out);
  /// Flushes what is held back: undecided bytes, half a code unit (→ U+FFFD).
  void finish(std::string& out);

  Encoding encoding() const { return encoding_; }
  /// Number of source bytes that decoded into `text` (a whole number of characters).
  std::uint64_t sourceLength(std::string_view text) const;

 private:
  void detect(bool atEnd);
  void decodeUtf16(std::string_view bytes, std::string& out);
  char16_t unit(std::string_view bytes, size_t at) const;

  Encoding encoding_ = Encoding::Unknown;
  std::string held_;            // bytes not yet decoded (detection, split code units)
  char16_t highSurrogate_ = 0;  // a high surrogate waiting for its low half
};

}  // namespace ccmlog::detail
