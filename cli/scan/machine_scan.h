// machine_scan.h: what a scan says about one machine, the row of every scan format.
//
//   BundleReader bundles;                                             // one per thread
//   MachineScan scan = scanMachine(source, {.ndjson = true}, bundles);
//   scan.outcome, scan.rules, scan.error; scan.ndjson is the machine's NDJSON line
//   (and scan.html its row of the HTML page, with {.html = true})
//
// The full Report is dropped once the row is made, so a fleet of thousands of
// machines costs a few hundred bytes each.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ccmlog/knowledge.h"
#include "ccmlog/timeline.h"
#include "scan/machine_finder.h"
#include "scan/zip_bundle.h"

namespace ccmlog::cli {

struct MachineScan {
  std::string name;                          ///< MachineSource::name
  std::string path;                          ///< MachineSource::path
  std::vector<std::string> files;            ///< the logs read, as named in findings' evidence
  SourceStatus status = SourceStatus::Logs;  ///< NoLogs, Unreadable: no outcome, `error` says why
  std::optional<OutcomeStatus> outcome;      ///< empty when no log was found or could be read
  std::optional<std::int64_t> exitCode;      ///< ccmsetup's return code
  std::optional<std::uint32_t> errorCode;    ///< the error it failed with
  std::vector<std::string> rules;    ///< ids of the warning and error findings but history, headline first
  std::string topTitle;              ///< the title of the headline finding (any severity, not history)
  std::optional<std::string> error;  ///< why there are no logs, or why (some of) them could not be read
  bool failed = false;               ///< the install failed or a finding is an error
  std::string ndjson;                ///< the NDJSON line with findings, when asked for
  std::string html;                  ///< the HTML page's row with findings, when asked for
};

struct ScanOptions {
  bool ndjson = false;             ///< also render MachineScan::ndjson (needs the findings, so done here)
  bool html = false;               ///< also render MachineScan::html (the same)
  ByteBudget* inflight = nullptr;  ///< shared by the threads: the zipped logs they may hold at once
  std::shared_ptr<const Knowledge> knowledge = nullptr;  ///< the causes known; null: the built-in ones
};

/// Reads and analyzes one machine's logs, from disk or through `bundles`.
/// Never fails for bad input: what could not be read is in `error`, and a
/// machine none of whose logs could be read is Unreadable; so is one an
/// internal error (a fault of ccmlog's) stopped, its row holding nothing else.
MachineScan scanMachine(const MachineSource& source, const ScanOptions& options, BundleReader& bundles);

/// toString(outcome), else "no-logs" or "unreadable" as `status` says.
std::string_view outcomeName(const MachineScan& scan);

}  // namespace ccmlog::cli
