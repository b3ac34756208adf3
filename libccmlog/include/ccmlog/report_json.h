// ccmlog/report_json.h: a Report as JSON, schema "ccmlog.report.v2".
//
//   {"schema":"ccmlog.report.v2",
//    "files":[{path, format, encoding, records, unparsed, error}],
//    "runs":[{pid, operation, version, user, service, file, start_utc, end_utc, start_local, end_local,
//             first_line, last_line, exit_code, error_code, msi_status, product, command_line,
//             switches:{…}, properties:{…}}],
//    "omitted_runs": N  (earlier runs dropped to bound memory; 0 in any real log),
//    "phases":[{run, kind, state, start_utc, end_utc, start_local, end_local, first_line, last_line}],
//    "outcome":{status, operation, run, product, exit_code, error_code, error_text},
//    "findings":[{rule, caused_by, history, severity, confidence, title, explanation, remedy,
//                 times:[{local, utc}], evidence:[{file, line, local, utc, text}], details:{…}}]}
//
// Every key is always there. Error codes are lower-case "0x%08x" strings;
// unknown values are null (an account, version or command line not in the
// log too; a file's format and encoding when it was not read or is empty,
// its error when it was read); times are ISO 8601,
// UTC ones with "Z". `run` (in phases and outcome) is a 0-based index into
// runs. `operation` is "install", "upgrade", "repair", "uninstall" or null.
// Findings come headline first; `caused_by` names the rule of the finding
// that explains this one (null for a root cause); `history` marks a finding
// about an attempt a later one superseded. `title` and `explanation` tell
// times in the clock the analysis was given (AnalysisOptions::diagnosis);
// `times` lists those times with both clocks. `outcome.exit_code` and
// `error_code` are the deciding run's own: null while it still runs; for a
// Windows Installer log alone, its status (1603) and that as an HRESULT
// (0x80070643), with `product` naming what it installed.
//
// What changed from v1: runs gained operation, msi_status and product;
// outcome gained operation, run and product; findings gained caused_by,
// history and times; version, user and command_line are null, not "", when
// the log does not say; a file's error is always there (null when it was
// read), its format and encoding are null when it was not; findings are
// ordered cause first.
//
// This is what `ccmlog analyze --format json` prints and what the C API
// returns; schema/report.v2.schema.json is its JSON Schema.
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
