// record_writers.h: one line per record for `ccmlog records`.
//
// NDJSON keys: file, line, lines, kind, local (ISO 8601, no zone), bias
// (minutes or null), utc (ISO 8601 with Z, or null), severity, component,
// thread, source, message. TSV has the same columns in that order under a
// header row, with tab, CR, LF and backslash escaped as \t \r \n \\.
// Text is for reading: "file:line severity time component: message".
#pragma once

#include <string>
#include <string_view>

#include "ccmlog/record_reader.h"

namespace ccmlog::cli {

enum class RecordFormat { Ndjson, Tsv, Text };

/// The TSV header row, line end included.
std::string_view tsvHeader();

/// Appends one record, line end included, in `format`.
void appendRecord(std::string& out, RecordFormat format, std::string_view file, const Record& record);

}  // namespace ccmlog::cli
