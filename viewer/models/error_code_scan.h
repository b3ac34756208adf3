// error_code_scan.h: the error codes written in a log message.
//
// ccmsetup writes codes in many notations inside its messages; the detail
// pane decodes each with lookupError. Recognised: hex with a prefix
// ("0x80070005"), eight hex digits with the high bit set ("failed with
// 8007042C", not a GUID part), ten-digit negative decimals
// (ErrorCode="-2145844844") and Windows Installer style exit codes
// ("ExitCode: 1603", "exit code 1603", "is returning 1603"). Many other words
// look like codes (package ids such as ABC00002, flags, handles), so a hex
// number is decoded only when it is one in context: after a word such as
// "error", "failed with", "code", "hr" or "status", or, without one, when it
// is in the table of known codes or (with a 0x) of a known facility. A
// ccmsetup "return code 7" is not a Win32 error and is left alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/error_codes.h"

namespace ccmlog::viewer {

struct CodeMention {
  std::string written;  ///< as in the message
  ErrorInfo info;
};

/// The codes in `message`, in order, each normalised code once.
std::vector<CodeMention> errorCodesIn(std::string_view message);

}  // namespace ccmlog::viewer
