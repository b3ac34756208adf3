// read/line_formats.h (internal): the line-shaped formats. Each parser takes one
// physical line without its line end (and without a leading BOM) and fills
// the fields of `out` when the line has its shape.
#pragma once

#include <optional>
#include <string_view>

#include "ccmlog/record_reader.h"
#include "read/envelope_fields.h"

namespace ccmlog::detail {

/// SMS trailer at the end of a line: "MESSAGE[~]  $$<component><MM-DD-YYYY
/// HH:MM:SS.mmm+bias><thread=N (0xN)>". Fills kind, time, component, thread;
/// returns the length of the message part of the line (trailing spaces and
/// '~' removed), or nullopt when the line has no such trailer.
std::optional<size_t> parseSmsTrailer(std::string_view line, Record& out);

/// CMTrace's Copy: "message TAB component TAB date/time [TAB N (0xN)]".
bool parseCopiedLine(std::string_view line, Record& out);

/// Copied text with spaces for tabs, no thread: "message component 3/4/2009 11:16:10 AM".
bool parsePastedLine(std::string_view line, Record& out);

/// A line found where the file's own format does not fit: tries the SMS,
/// copied and pasted shapes in turn (message included).
bool parseStrayLine(std::string_view line, Record& out);

/// What an MSI log has said so far that later lines depend on: the date from
/// the "=== Verbose logging started: 1/17/2023 7:33:22 ===" header, and the
/// last time seen, to roll the date over at midnight.
struct MsiClock {
  std::optional<Timestamp> midnight;
  std::optional<Timestamp> last;
};

/// Whether `line` starts an MSI log entry ("MSI (s) (60:70) [07:33:22:653]:
/// …", "Action start 7:33:30: …", "Property(S): …", "=== … ===") and if so
/// fills `out`; any other line continues the entry before it.
bool parseMsiLine(std::string_view line, MsiClock& clock, Record& out);

}  // namespace ccmlog::detail
