// error_table.h: the rows behind lookupError, exposed for error_codes.cpp and its test.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace ccmlog {

/// One known error code. A Win32 error is stored once, as its HRESULT 0x8007XXXX.
struct ErrorRow {
  std::uint32_t code;     ///< normalised HRESULT form
  std::string_view name;  ///< symbolic name from the SDK; empty when there is none
  std::string_view text;  ///< the standard message text; never empty
};

/// HRESULT_FROM_WIN32 for a Win32 error below 65536: 0 stays 0, e becomes 0x8007XXXX.
constexpr std::uint32_t hresultFromWin32(std::uint32_t error) {
  return error == 0 ? 0 : 0x80070000u | error;
}

/// All rows, sorted by code with no code twice, so that callers can binary-search.
std::span<const ErrorRow> errorTable();

}  // namespace ccmlog
