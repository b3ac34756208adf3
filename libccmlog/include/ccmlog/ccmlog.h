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
//   std::cout << ccmlog::toString(report->outcome.status) << '\n';   // "failed"
//   for (const ccmlog::Finding& finding : report->findings)          // most serious first
//     std::cout << finding.rule << ": " << finding.title << '\n';
//   std::string json = ccmlog::reportToJson(*report);  // = `ccmlog analyze --format json`
//
// Build: `find_package(ccmlog)` and link `ccmlog::ccmlog` (CMake), or
// `pkg-config --cflags --libs ccmlog`. C++20. The headers include neither RE2
// nor Boost. From C or another language: the C API, <ccmlog/ccmlog_c.h>
// (included here too), which returns the same JSON as the CLI.
//
// The one call
//   analyzeFiles / analyzeTexts  (analysis.h)  logs in, Report out: files read,
//       runs (one per ccmsetup process), phases, outcome, events and findings.
//       Result<T> (result.h): `if (!r)` then r.error().message; else r->, *r.
//   Finding (finding.h): rule (a stable id such as
//       "service-context-source-access"), severity, confidence, title,
//       explanation, remedy, evidence (file, line, time, text), details.
//   reportToJson (report_json.h): schema "ccmlog.report.v2".
//
// Knowledge
//   Knowledge (knowledge.h): the causes known, as data (TOML) compiled in;
//       readKnowledgeFile and Knowledge::extended add a user's entries, given
//       to the analysis in DiagnosisOptions::knowledge.
//
// Error codes
//   lookupError (error_codes.h): "0x80070005", "-2147024891", "5", ... → family,
//       name and text. lookupToJson (lookup_json.h): the same as JSON.
//
// The streaming pieces, for tools that feed bytes themselves (analyzeFiles is
// a RecordReader per file feeding one Analyzer):
//   RecordReader (record_reader.h)       bytes of one file in any chunks → Records
//   Analyzer (analysis.h)                Records, file by file → Report (the three below)
//   EventClassifier (event_classifier.h) a record's message → Events; build one, reuse it
//   TimelineBuilder (timeline_builder.h) records and their events, file by file → Timeline
//   diagnose (diagnosis.h)               Timeline → Findings
//   plus readFile (file_reader.h), machineLogFiles and roleOf (log_files.h).
//
// Contracts that hold everywhere: malformed log content is data (records of
// kind Unparsed or Orphan), never an error; errors are values (Result), and
// the library throws only std::bad_alloc. Nothing here keeps global state
// except the compiled pattern table and built-in knowledge, built once and shared; separate analyses
// may run on separate threads. Records hold views into their reader's buffer,
// valid until its next call (copy with OwnedRecord).
//
// Versions: CCMLOG_VERSION_MAJOR/MINOR/PATCH and CCMLOG_VERSION_STRING
// (version.h) describe these headers; ccmlog_version() the library loaded.
#pragma once

#include "ccmlog/analysis.h"
#include "ccmlog/ccmlog_c.h"
#include "ccmlog/command_line.h"
#include "ccmlog/diagnosis.h"
#include "ccmlog/error_codes.h"
#include "ccmlog/event.h"
#include "ccmlog/event_classifier.h"
#include "ccmlog/export.h"
#include "ccmlog/file_reader.h"
#include "ccmlog/finding.h"
#include "ccmlog/json_writer.h"
#include "ccmlog/knowledge.h"
#include "ccmlog/location.h"
#include "ccmlog/log_files.h"
#include "ccmlog/lookup_json.h"
#include "ccmlog/numbers.h"
#include "ccmlog/piece_reader.h"
#include "ccmlog/record.h"
#include "ccmlog/record_reader.h"
#include "ccmlog/report_json.h"
#include "ccmlog/result.h"
#include "ccmlog/timeline.h"
#include "ccmlog/timeline_builder.h"
#include "ccmlog/timestamp.h"
#include "ccmlog/version.h"
#include "ccmlog/visible_text.h"
