// ccmlog/command_line.h: what a ccmsetup command line asked for.
//
//   auto cl = ccmlog::parseCommandLine(
//       R"("C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" SMSSITECODE="abc")");
//   cl.runService                   // true: this is the service's run
//   cl.mp                           // "server.dmz"
//   cl.property("SMSSITECODE")      // "abc"
//
// The line is split into words at spaces outside double quotes; quotes are
// removed wherever they are, so they may wrap a whole word ("/mp:server.dmz")
// or a value (SMSSITECODE="abc", /source:"\\srv\my share"). Backslashes are
// literal (a UNC path keeps its "\\"). Each word is then one of:
//   /name[:value]  a switch; the name is matched case-insensitively
//   NAME=value     an MSI property; NAME is letters, digits, '_' and '.'
//   anything else  before the first switch or property: part of the program
//                  path (an unquoted path with spaces); after it: ignored
// Parsing never fails: a line with nothing recognisable gives an empty result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ccmlog/export.h"

namespace ccmlog {

struct CCMLOG_EXPORT CommandLine {
  std::string program;      ///< the executable as written, quotes removed; may be empty
  bool service = false;     ///< /service: force running as a service
  bool noService = false;   ///< /noservice, or SMS 2003's /useronly: run in the caller's account
  bool runService = false;  ///< /runservice: this process is the service's run
  std::optional<std::string> source;          ///< the first /source: value
  std::optional<std::string> mp;              ///< the first /mp: value
  std::optional<int> downloadTimeoutMinutes;  ///< the first /downloadtimeout: that is a number
  /// Every /name[:value] in order, name lower-cased; value empty when there is no ':'.
  std::vector<std::pair<std::string, std::string>> switches;
  /// Every NAME=value MSI property in order (SMSSITECODE, FSP, ...), name as written.
  std::vector<std::pair<std::string, std::string>> properties;

  /// The value of the first property called name, compared case-insensitively.
  std::optional<std::string> property(std::string_view name) const;
};

/// Reads a ccmsetup command line as logged after "Ccmsetup command line: ".
CCMLOG_EXPORT CommandLine parseCommandLine(std::string_view text);

}  // namespace ccmlog
