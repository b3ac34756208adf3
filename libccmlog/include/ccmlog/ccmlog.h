// ccmlog/ccmlog.h: the whole library in one include. Start here.
//
// ccmlog reads a Windows machine's Configuration Manager client-setup logs
// (ccmsetup.log, its rotated ccmsetup.lo_, client.msi.log, ...) and explains
// why the client install failed: what ran as whom, how it ended, and findings
// with the log lines that prove them and what to do.
//
//   #include <ccmlog/ccmlog.h>
//
//   auto report = ccmlog::analyzeFiles({"logs/PC042"});     // a folder, or files
//   if (!report) {                                          // nothing could be analyzed
//     std::cerr << report.error().message << '\n';
//     return 3;
//   }
//   std::cout << ccmlog::toString(report->timeline.outcome.status) << '\n';   // "failed"
//   for (const ccmlog::Finding& finding : report->findings)          // headline first
//     std::cout << finding.rule << ": " << finding.title << '\n';
//   std::string json = ccmlog::reportToJson(*report);  // = `ccmlog analyze --format json`
//
// Build: `find_package(ccmlog)` and link `ccmlog::ccmlog` (CMake), or
// `pkg-config --cflags --libs ccmlog`. C++20. The headers include neither RE2
// nor Boost. From C or another language: the C API, <ccmlog/ccmlog_c.h> (not
// included here), which returns the same JSON as reportToJson.
//
// The headers, each a manual:
//   analysis.h       the one call: analyzeFiles / analyzeTexts, logs in, Report out
//                    (timeline, files read, findings); Finding: rule (a stable id such
//                    as "service-context-source-access"), severity, confidence, title,
//                    explanation, remedy, evidence (file, line, time, text), causedBy;
//                    Analyzer, the same pipeline for a tool that reads records itself
//   timeline.h       Timeline: runs (one per ccmsetup process), phases, kept events, outcome
//   record_reader.h  RecordReader: the bytes of one file, in any chunks, to Records; readFile
//   log_files.h      machineLogFiles, roleOf: which files of a machine, in which order
//   knowledge.h      Knowledge: the causes known, as data (TOML) compiled in;
//                    readKnowledgeFile and Knowledge::extended add a user's entries,
//                    given to the analysis in DiagnosisOptions::knowledge
//   error_codes.h    lookupError: "0x80070005", "-2147024891", "5", a name → family, name, text
//   json.h           reportToJson (schema "ccmlog.report.v2"), lookupToJson
//   basics.h         Result<T> (`if (!r)` then r.error().message; else r->, *r),
//                    the numbers, Timestamp, Location and Clock every header uses
//
// Contracts that hold everywhere: malformed log content is data (records of
// kind Unparsed or Orphan), never an error; errors are values (Result), and
// the library throws only std::bad_alloc. Nothing here keeps global state
// except the compiled pattern table and built-in knowledge, built once and shared; separate analyses
// may run on separate threads. Records hold views into their reader's buffer,
// valid until its next call (copy with OwnedRecord).
//
// Versions: CCMLOG_VERSION_MAJOR/MINOR/PATCH and CCMLOG_VERSION_STRING
// (version.h) describe these headers; ccmlog_version() (ccmlog_c.h) the library loaded.
#pragma once

#include "ccmlog/analysis.h"
#include "ccmlog/basics.h"
#include "ccmlog/error_codes.h"
#include "ccmlog/export.h"
#include "ccmlog/json.h"
#include "ccmlog/knowledge.h"
#include "ccmlog/log_files.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/timeline.h"
#include "ccmlog/version.h"
