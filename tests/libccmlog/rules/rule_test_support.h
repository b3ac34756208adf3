// rules/rule_test_support.h: tiny made-up machine logs for the rule tests, and
// reading back what the analysis made of them.
//
//   const Report r = analyzeSetupLog({
//       {"==========[ ccmsetup started in process 100 ]=========="},      // line 1, 10:00:00
//       {"CcmSetup failed with error code 0x80072ee7", "10:05:00.000"},  // line 2
//   });
//   const Finding* f = findingOf(r, "setup-failed");
//   EXPECT_EQ(citedLines(*f), (std::vector<std::uint64_t>{2}));
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"

namespace ccmlog::test {

/// One record of a made-up CMTrace log.
struct LogLine {
  std::string message;
  std::string time = {};   ///< "HH:MM:SS.mmm" local; empty: one second after the previous record
  std::string type = "1";  ///< 1 info, 2 warning, 3 error
};

using LogLines = std::vector<LogLine>;

/// `a` followed by `b`.
LogLines operator+(LogLines a, const LogLines& b);

/// A CMTrace log (CRLF, no BOM) of `lines`; the first record is at 10:00:00.000 unless it
/// gives its time. Each single-line message is on physical line 1, 2, 3, ...
std::string cmtraceLog(const LogLines& lines, std::string_view bias = "+000",
                       std::string_view date = "01-17-2023");

/// An MSI verbose log: the "Verbose logging started" header on line 1 (10:00:00 on `date`),
/// then `lines` as written, from line 2 on.
std::string msiLog(const std::vector<std::string>& lines, std::string_view date = "1/17/2023");

/// A log in memory, named as on a machine: "ccmsetup.log" is a setup log, "client.msi.log" auxiliary.
struct NamedLog {
  std::string name;
  std::string bytes;
};

/// Runs the whole analysis over `logs`, in the order given (file index 0, 1, ...).
Report analyze(const std::vector<NamedLog>& logs);
/// One ccmsetup.log of `lines`.
Report analyzeSetupLog(const LogLines& lines, std::string_view bias = "+000");

/// The run of a service install that hands over: banner (pid), "Running as user", service
/// created and started, "exiting with return code 0" (4 records from `time`, one second apart).
LogLines bootstrapRun(std::string_view user, int pid = 100, std::string_view time = "09:00:00.000");

/// The first finding of `rule`, or null.
const Finding* findingOf(const Report& report, std::string_view rule);
/// The rule ids of the findings of severity `atLeast` or higher.
std::set<std::string> ruleIdsOf(const Report& report, FindingSeverity atLeast = FindingSeverity::Warning);

/// The named detail's value; std::monostate (null) when the finding has no such detail.
DetailValue detailOf(const Finding& f, std::string_view name);
/// The named detail as a text, number or flag; nullopt when absent, null or of another type.
std::optional<std::string> textDetail(const Finding& f, std::string_view name);
std::optional<std::int64_t> numberDetail(const Finding& f, std::string_view name);
std::optional<bool> flagDetail(const Finding& f, std::string_view name);
/// Whether the finding has a detail of that name (null or not).
bool hasDetail(const Finding& f, std::string_view name);

/// The physical lines the finding cites in file `file` (0: the first log given), in order.
std::vector<std::uint64_t> citedLines(const Finding& f, std::uint32_t file = 0);
/// A description of every piece of evidence that cites a Benign event; empty when none does.
std::string benignEvidence(const Report& report);

}  // namespace ccmlog::test
