// ccmlog/command_line.h (internal): reading a ccmsetup command line into a
// CommandLine (timeline.h says what the words mean).
//
//   auto cl = ccmlog::parseCommandLine(
//       R"("C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" SMSSITECODE="abc")");
//   cl.runService                   // true: this is the service's run
//   cl.mp                           // "server.dmz"
//   cl.property("SMSSITECODE")      // "abc"
//
// Parsing never fails: a line with nothing recognisable gives an empty result.
#pragma once

#include <string_view>

#include "ccmlog/timeline.h"

namespace ccmlog {

/// Reads a ccmsetup command line as logged after "Ccmsetup command line: ".
CommandLine parseCommandLine(std::string_view text);

}  // namespace ccmlog
