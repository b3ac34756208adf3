// read/cmtrace_format.h (internal): cutting CMTrace records out of decoded text.
//
//   <![LOG[message]LOG]!><time="HH:MM:SS.mmm+BIAS" date="MM-DD-YYYY"
//        component="C" context="X" type="T" thread="N" file="src.cpp:123">
//
// A record ends at its terminator "]LOG]!><time=\"" plus the attribute list
// and the line end after it, never at a line end inside the message. Text
// before an opener that belongs to no record becomes Unparsed records, one per
// line; a terminator without an opener makes an Orphan record (the tail of a
// record whose start was lost to rotation or truncation).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "ccmlog/record_reader.h"

namespace ccmlog::detail {

inline constexpr std::string_view kOpener = "<![LOG[";
inline constexpr std::string_view kTerminator = "]LOG]!><time=\"";

/// Search state kept between calls while a record is incomplete, so that
/// feeding a long record chunk by chunk stays linear.
/// Offsets are relative to the start of the text not yet cut into records.
struct CmtraceScan {
  size_t searchFrom = 0;  ///< no terminator starts before this offset
  bool openerKnown = false;
  size_t openerLimit = 0;  ///< the end of the region the opener was chosen in
  size_t opener = 0;       ///< the chosen opener in [0, openerLimit), npos for none

  /// The first `length` bytes were cut off as a record: keep what is still
  /// known about the rest, so that cutting many stray lines stays linear.
  void shift(size_t length);
};

/// What cutting a record learned of its bytes on the way, so that the reader
/// need not look at them again.
struct CutFacts {
  std::optional<std::uint64_t> lineEnds;  ///< in the record, when known
  bool ascii = false;                     ///< every byte of it is ASCII (false: not, or not known)
};

/// Cuts the first record off `text` (which starts where the previous record
/// ended). Returns its length and fills `out` (kind, fields, message) and
/// `facts`, or nullopt when the record may continue past the text and !atEnd.
std::optional<size_t> cutCmtrace(std::string_view text, bool atEnd, CmtraceScan& scan, Record& out,
                                 CutFacts& facts);

}  // namespace ccmlog::detail
