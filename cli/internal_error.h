// internal_error.h: the CLI's last resort for a fault of its own.
//
// Bad input is data and never throws; an exception that still escapes the
// library is a bug of ccmlog's. The command then reports an internal error for
// the one input it happened on (a file of `records`, a machine of `scan`, the
// command itself at the outermost level) and goes on with the others:
//
//   try { … } catch (...) { scan.error = internalError(); }
#pragma once

#include <exception>
#include <string>

namespace ccmlog::cli {

/// Describes the exception being handled; call only inside a catch block.
inline std::string internalError() {
  try {
    throw;
  } catch (const std::exception& e) {
    return std::string("internal error (") + e.what() + "); please report it with this input";
  } catch (...) {
    return "internal error; please report it with this input";
  }
}

}  // namespace ccmlog::cli
