// classify/fast/capture_scanners.h (internal): hand-written stand-ins for RE2 capturing the
// fields of the most frequent event rows.
//
// Capturing groups costs RE2 a second, backtracking pass over the match, paid
// on every event line: in an event-dense log, much of the analysis. A scanner
// reads the same fields in one forward pass over the message:
//
//   std::array<std::string_view, kMaxScannedGroups> groups;
//   if (scanDownloadProgress(message, groups)) ...;  // groups[0..2]: percent, done, total
//   else ...;                                        // cannot tell: ask RE2
//
// The contract is one-sided, like the prefilter's. A scanner answers only when
// it is sure: the row's pattern matches the message, and the groups are those
// RE2 reports (leftmost match, the same greedy and lazy choices), each a view
// into `message`, in capture order. Where that would take reasoning about
// backtracking (the leading words occur again later, a delimiter twice, a line
// end in between) it returns false and the classifier asks RE2. Scanners are
// given ASCII messages only (RowScanner, classify/fast/row_scanner.h, sees to it: beyond
// ASCII, RE2 folds case by Unicode rules). row_scanner_test.cpp and
// fuzz/row_scanner_fuzzer.cpp check the contract against RE2;
// event_patterns.cpp pairs each scanner with its row.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace ccmlog::detail {

inline constexpr std::size_t kMaxScannedGroups = 3;
using ScannedGroups = std::array<std::string_view, kMaxScannedGroups>;

/// A row's scanner; the function names below say which row.
using FieldScanner = bool (*)(std::string_view message, ScannedGroups& groups);

bool scanRunStarted(std::string_view message, ScannedGroups& groups);               ///< pid
bool scanCcmSetupVersion(std::string_view message, ScannedGroups& groups);          ///< version
bool scanVersion(std::string_view message, ScannedGroups& groups);                  ///< version
bool scanLaunchFolder(std::string_view message, ScannedGroups& groups);             ///< folder
bool scanCommandLine(std::string_view message, ScannedGroups& groups);              ///< commandline
bool scanRunningAsUser(std::string_view message, ScannedGroups& groups);            ///< user
bool scanFreeDiskSpace(std::string_view message, ScannedGroups& groups);            ///< mb
bool scanDownloadStarted(std::string_view message, ScannedGroups& groups);          ///< source, destination
bool scanDownloadProgress(std::string_view message, ScannedGroups& groups);         ///< percent, done, total
bool scanBitsFileAdded(std::string_view message, ScannedGroups& groups);            ///< url, destination
bool scanNextRetryIn(std::string_view message, ScannedGroups& groups);              ///< minutes
bool scanRetryTime(std::string_view message, ScannedGroups& groups);                ///< minutes
bool scanMsiAction(std::string_view message, ScannedGroups& groups);                ///< action
bool scanInstallSucceeded(std::string_view message, ScannedGroups& groups);         ///< file
bool scanExitCode(std::string_view message, ScannedGroups& groups);                 ///< code
bool scanSetupFailed(std::string_view message, ScannedGroups& groups);              ///< code
bool scanClientFilesByBitsFailed(std::string_view message, ScannedGroups& groups);  ///< code
bool scanFilesThroughBitsFailed(std::string_view message, ScannedGroups& groups);   ///< code, text
bool scanSourceFileFailed(std::string_view message, ScannedGroups& groups);         ///< path, code (optional)
bool scanSourceInaccessible(std::string_view message, ScannedGroups& groups);       ///< path, code (optional)
bool scanUrlCheckFailed(std::string_view message, ScannedGroups& groups);  ///< url, status (optional)

}  // namespace ccmlog::detail
