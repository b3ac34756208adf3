// ccmlog/json_sections.h (internal): the parts of json.h's documents that the
// CLI writes into documents of its own (a scan's rows, a lookup array), so
// that they are the same objects as reportToJson and lookupToJson give.
#pragma once

#include <string_view>

#include "ccmlog/analysis.h"
#include "ccmlog/error_codes.h"

namespace ccmlog {

class JsonWriter;

/// Writes the key "findings" and its array, as reportToJson does, into the
/// object `json` has open.
void writeFindings(JsonWriter& json, const Report& report);

/// Writes the object for `info`, looked up from the text `input`, as the next value of `json`.
void writeLookup(JsonWriter& json, std::string_view input, const ErrorInfo& info);

/// Writes the object for a text that is no error code: input and error (the message).
void writeLookupError(JsonWriter& json, std::string_view input, std::string_view message);

}  // namespace ccmlog
