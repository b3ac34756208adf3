// ccmlog/lookup_json.h: an error code's meaning as JSON, the objects of
// `ccmlog lookup --format json` and of ccmlog_lookup_json().
//
//   auto info = ccmlog::lookupError("5");
//   if (info) std::cout << ccmlog::lookupToJson("5", *info);
//   // {"input": "5", "code": "0x80070005", "decimal": -2147024891, "win32": 5,
//   //  "family": "win32", "name": "ERROR_ACCESS_DENIED", "text": "Access is denied.",
//   //  "facility": 7, "facility_name": "FACILITY_WIN32", "hint": null}
//
// Keys, always in this order: input (as given), code (lower-case "0x%08x"),
// decimal (the code as a signed 32-bit number), win32 (number or null),
// family (see toString(ErrorFamily)), name and text (null when not known),
// facility (number), facility_name and hint (null when there is none); see ErrorInfo.
// A text that is no error code gives {"input": …, "error": why} instead, so
// that an array of lookups lines up with its inputs. JSON Schema:
// schema/lookup.v1.schema.json.
#pragma once

#include <string>
#include <string_view>

#include "ccmlog/error_codes.h"
#include "ccmlog/export.h"

namespace ccmlog {

class JsonWriter;

/// Writes the object for `info`, looked up from the text `input`, as the next value of `json`.
CCMLOG_EXPORT void writeLookup(JsonWriter& json, std::string_view input, const ErrorInfo& info);

/// Writes the object for a text that is no error code: input and error (the message).
CCMLOG_EXPORT void writeLookupError(JsonWriter& json, std::string_view input, std::string_view message);

/// The object as JSON text, without a final newline; indent 0 writes it on one line.
CCMLOG_EXPORT std::string lookupToJson(std::string_view input, const ErrorInfo& info,
                                       int indent = 2);

}  // namespace ccmlog
