// exit_codes.h: what the ccmlog process returns, for scripts.
#pragma once

namespace ccmlog::cli {

enum ExitCode : int {
  kExitOk = 0,          ///< done; for analyze: no error finding, outcome not failed
  kExitFindings = 1,    ///< analyze/scan: an error finding or a failed install
  kExitUsage = 2,       ///< the command line is wrong; see --help
  kExitUnreadable = 3,  ///< an input could not be read (the others were still processed)
  kExitInternal = 4,    ///< a fault of ccmlog's own stopped an input or the command ("internal error")
  kExitOutput = 5,      ///< the output could not be written (a full disk, a closed pipe)
};

}  // namespace ccmlog::cli
