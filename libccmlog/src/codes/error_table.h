// codes/error_table.h: the hand-written texts behind lookupError, exposed for error_codes.cpp and its
// test. Names of codes without a row come from codes/error_names.h.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace ccmlog {

/// One code with a text. A Win32 error is stored once, as its HRESULT 0x8007XXXX.
struct ErrorRow {
  std::uint32_t code;          ///< normalised HRESULT form
  std::string_view name;       ///< symbolic name from the SDK or ConfigMgr; empty when there is none
  std::string_view text;       ///< the standard message text; never empty
  std::string_view hint = {};  ///< where to look next when a setup log shows the code; mostly empty
};

/// HRESULT_FROM_WIN32 for a Win32 error below 65536: 0 stays 0, e becomes 0x8007XXXX.
constexpr std::uint32_t hresultFromWin32(std::uint32_t error) { return error == 0 ? 0 : 0x80070000u | error; }

/// All rows, sorted by code with no code twice, so that callers can binary-search.
std::span<const ErrorRow> errorTable();

}  // namespace ccmlog
