// ccmlog/error_codes.h: what an error code in a log means.
//
// ccmsetup writes the same error in many notations: "0x80070005",
// "80070005", "ExitCode: 5", ErrorCode="-2147024891". Every one of them is
// read into one normalised 32-bit code and looked up twice: in the names of
// every Win32 error, HRESULT and NTSTATUS that the Windows SDK defines
// (generated from Debian's mingw-w64 headers), and in a hand-written table of
// message texts and hints for the codes met around client setup.
//
//   auto info = ccmlog::lookupError("-2145844844");
//   if (!info) { std::cerr << info.error().message << '\n'; return 2; }
//   ccmlog::formatErrorCode(info->code)  // "0x80190194"
//   ccmlog::toString(info->family)       // "bits"
//   info->text                           // "HTTP status 404: The requested URL ..."
//   ccmlog::lookupError("0x8007045D")->name  // "ERROR_IO_DEVICE" (a name, no text)
//   ccmlog::lookupError("0xC0000005")->family  // ErrorFamily::NtStatus
//
// Notations accepted (surrounding whitespace is ignored):
//   0x80070005, 0X80070005  hex with prefix, 1 to 8 significant digits
//   80070005                exactly 8 hex digits without prefix: hex when a digit is
//                           a letter a-f or when the value has the high bit set
//                           (8xxxxxxx..Fxxxxxxx); otherwise ("12345678") decimal
//   2147942405              unsigned decimal up to 4294967295
//   -2147024891             signed decimal down to -2147483648 (two's complement)
//   5, 1603                 any value below 65536 is a Win32 error code and becomes
//                           HRESULT_FROM_WIN32: 0x80070005, 0x80070643 (0 stays 0)
//   ERROR_ACCESS_DENIED     a symbolic name in any case (e_accessdenied, STATUS_ACCESS_VIOLATION,
//                           CCM_E_NO_CLIENT_PKI_CERT); an alias gives its code, shown under
//                           the code's first name (E_ACCESSDENIED is 0x80070005,
//                           ERROR_ACCESS_DENIED)
//
// This is a lookup of error codes, not of ccmsetup return codes: ccmsetup
// *return code 7* means "reboot required", whereas Win32 error 7 is
// ERROR_ARENA_TRASHED. Do not pass a ccmsetup exit code here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ccmlog/basics.h"
#include "ccmlog/export.h"

namespace ccmlog {

/// Who defines a code; decided from the value, and for NTSTATUS from the names too.
enum class ErrorFamily : std::uint8_t {
  Win32,      ///< 0x8007XXXX (HRESULT_FROM_WIN32), or 0 (ERROR_SUCCESS)
  HResult,    ///< any other code: COM, crypto, trust, Windows Update, success HRESULTs
  Bits,       ///< 0x8019XXXX (BITS HTTP status) and 0x8020XXXX (BITS)
  WinHttp,    ///< Win32 errors 12000-12999 (WinHTTP/WinINet), 0x80072EE0-0x800732C7
  Wmi,        ///< 0x80041XXX (WBEM_E_*)
  ConfigMgr,  ///< 0x87DXXXXX
  NtStatus,   ///< an NTSTATUS: a code only ntstatus.h names (0xC0000005, 0x80000005), or an
              ///< unnamed code with bit 30 set and bit 28 clear (0xC..., 0x4...), which no
              ///< HRESULT can be
};

/// Lower-case name: "win32", "hresult", "bits", "winhttp", "wmi", "configmgr", "ntstatus".
CCMLOG_EXPORT std::string_view toString(ErrorFamily family);

/// Everything known about one error code. The views point into static data.
struct ErrorInfo {
  std::uint32_t code = 0;              ///< normalised HRESULT form (Win32 5 -> 0x80070005)
  std::optional<std::uint32_t> win32;  ///< the Win32 error for 0x8007XXXX and 0, else empty
  ErrorFamily family = ErrorFamily::HResult;
  std::string_view name;  ///< "ERROR_ACCESS_DENIED"; empty when unknown or unnamed
  std::string_view text;  ///< "Access is denied."; empty when unknown
  std::string_view hint;  ///< where to look next, for a few setup codes; else empty
  /// Bits 16-26 of an HRESULT (16-27 of an NTSTATUS): 7 for every Win32 code but 0.
  std::uint16_t facility = 0;
  /// "FACILITY_WIN32"; empty when the SDK names no such facility or the code is a
  /// customer code (bit 29 set).
  std::string_view facilityName;

  /// True when the table has a row (and so a text) for the code.
  bool known() const { return !text.empty(); }
};

/// The normalised code written in text in any notation above; nullopt when
/// text is none of them (empty, a sign or prefix alone, a stray character, out of
/// range, a word that names no code).
CCMLOG_EXPORT std::optional<std::uint32_t> parseErrorCode(std::string_view text);

/// The ErrorInfo for text in any notation above, or an Error naming the notations.
CCMLOG_EXPORT Result<ErrorInfo> lookupError(std::string_view text);

/// The ErrorInfo for code, normalised first (5 and 0x80070005 give the same).
CCMLOG_EXPORT ErrorInfo lookupError(std::uint32_t code);

/// code as lower-case "0x%08x": 0x80070005.
CCMLOG_EXPORT std::string formatErrorCode(std::uint32_t code);

}  // namespace ccmlog
