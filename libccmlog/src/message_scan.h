// message_scan.h (internal): the first '!' after a CMTrace opener, and what
// the message before it holds, in one pass over its bytes.
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
// checking UTF-8). Sixteen bytes at a time with SSE2 where the machine has it
// (every x86-64 does), else eight at a time in a 64-bit word.
#pragma once

#include <cstddef>
#include <string_view>

namespace ccmlog::detail {

struct MessageScan {
  std::size_t bang = std::string_view::npos;  ///< the first '!' at or after `from`, or npos
  bool lineEnd = false;      ///< a CR or LF in text[from, bang) (to the end when npos)
  bool beyondAscii = false;  ///< a byte >= 0x80 there
};

MessageScan scanToBang(std::string_view text, std::size_t from);

/// The same, one word at a time: what scanToBang does without SSE2, and what
/// tests hold it to.
MessageScan scanToBangInWords(std::string_view text, std::size_t from);

}  // namespace ccmlog::detail
