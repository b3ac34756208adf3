// ccmlog/report_json.h: a Report as JSON, schema "ccmlog.report.v1".
//
//   {"schema":"ccmlog.report.v1",
//    "files":[{path, format, encoding, records, unparsed, error?}],
//    "runs":[{pid, version, user, service, file, start_utc, end_utc, start_local, end_local,
//             first_line, last_line, exit_code, error_code, command_line, switches:{…}, properties:{…}}],
//    "omitted_runs": N  (earlier runs dropped to bound memory; 0 in any real log),
//    "phases":[{run, kind, state, start_utc, end_utc, start_local, end_local, first_line, last_line}],
//    "outcome":{status, exit_code, error_code, error_text},
//    "findings":[{rule, severity, confidence, title, explanation, remedy,
//                 evidence:[{file, line, local, utc, text}], details:{…}}]}
//
// Error codes are lower-case "0x%08x" strings; unknown values are null;
// times are ISO 8601, UTC ones with "Z". `run` in phases is a 0-based index
// into runs. This is what `ccmlog analyze --format json` prints and what the
// C API returns.
#pragma once

#include <string>

#include "ccmlog/analysis.h"
#include "ccmlog/export.h"

namespace ccmlog {

class JsonWriter;

/// The report as JSON text; indent 0 writes it on one line.
CCMLOG_EXPORT std::string reportToJson(const Report& report, int indent = 2);

/// Writes the key "findings" and its array, as reportToJson does, into the
/// object `json` has open (for outputs that embed a report's findings).
CCMLOG_EXPORT void writeFindings(JsonWriter& json, const Report& report);

}  // namespace ccmlog
