// ccmlog/json.h: what ccmlog prints as JSON, for a tool that wants the same.
//
//   reportToJson(report)        = `ccmlog analyze --format json` = ccmlog_analyze_json()
//   lookupToJson(input, info)   = one element of `ccmlog lookup --format json` = ccmlog_lookup_json()
//
// ---- The report ----------------------------------------------------------------------------------
//
// A Report as JSON, schema "ccmlog.report.v2".
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
// This is what `ccmlog analyze --format json` prints and what the C API
// returns; schema/report.v2.schema.json is its JSON Schema.
//
// ---- An error code -------------------------------------------------------------------------------
//
// An error code's meaning as JSON, the objects of
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

#include "ccmlog/analysis.h"
#include "ccmlog/error_codes.h"
#include "ccmlog/export.h"

namespace ccmlog {

/// The report as JSON text; indent 0 writes it on one line.
CCMLOG_EXPORT std::string reportToJson(const Report& report, int indent = 2);

/// An error code's object as JSON text, without a final newline; indent 0 writes it on one line.
CCMLOG_EXPORT std::string lookupToJson(std::string_view input, const ErrorInfo& info, int indent = 2);

}  // namespace ccmlog
