#include "ccmlog/error_codes.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "error_table.h"

namespace ccmlog {
namespace {

constexpr std::uint32_t kFirstNonWin32 = 0x10000;

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The whole of text as one number in base, or nullopt. from_chars takes no
// prefix, no '+' and (for unsigned T) no '-', which is the strictness we want.
template <typename T>
std::optional<T> parseWhole(std::string_view text, int base) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, base);
  if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

bool isDecimalDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDecimalDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// ccmsetup writes some HRESULTs as 8 bare hex digits ("80070005", "8007042C").
// Read 8 digits as hex when they cannot be decimal (a letter) or when they
// start with 8-F: a failure HRESULT then, while a decimal code of 80 million or
// more is not something a log writes with exactly 8 digits.
bool isUnprefixedHex(std::string_view text) {
  return text.size() == 8 && std::all_of(text.begin(), text.end(), isHexDigit) &&
         (!std::all_of(text.begin(), text.end(), isDecimalDigit) || text.front() >= '8');
}

std::optional<std::uint32_t> parseRaw(std::string_view text) {
  if (text.starts_with("0x") || text.starts_with("0X")) {
    return parseWhole<std::uint32_t>(text.substr(2), 16);
  }
  if (isUnprefixedHex(text)) return parseWhole<std::uint32_t>(text, 16);
  if (text.starts_with('-')) {
    const auto value = parseWhole<std::int32_t>(text, 10);
    if (!value) return std::nullopt;
    return static_cast<std::uint32_t>(*value);
  }
  return parseWhole<std::uint32_t>(text, 10);
}

std::uint32_t normalise(std::uint32_t code) {
  return code < kFirstNonWin32 ? hresultFromWin32(code) : code;
}

std::optional<std::uint32_t> win32Of(std::uint32_t code) {
  if (code == 0) return 0;
  if ((code & 0xFFFF0000) == 0x80070000) return code & 0xFFFF;
  return std::nullopt;
}

ErrorFamily familyOf(std::uint32_t code, std::optional<std::uint32_t> win32) {
  if (win32) return *win32 >= 12000 && *win32 <= 12999 ? ErrorFamily::WinHttp : ErrorFamily::Win32;
  const std::uint32_t facility = code >> 16;
  if (facility == 0x8019 || facility == 0x8020) return ErrorFamily::Bits;
  if ((code & 0xFFFFF000) == 0x80041000) return ErrorFamily::Wmi;
  if ((code & 0xFFF00000) == 0x87D00000) return ErrorFamily::ConfigMgr;
  return ErrorFamily::HResult;
}

}  // namespace

std::string_view toString(ErrorFamily family) {
  switch (family) {
    case ErrorFamily::Win32: return "win32";
    case ErrorFamily::HResult: return "hresult";
    case ErrorFamily::Bits: return "bits";
    case ErrorFamily::WinHttp: return "winhttp";
    case ErrorFamily::Wmi: return "wmi";
    case ErrorFamily::ConfigMgr: return "configmgr";
  }
  return "hresult";
}

std::optional<std::uint32_t> parseErrorCode(std::string_view text) {
  const auto raw = parseRaw(trim(text));
  if (!raw) return std::nullopt;
  return normalise(*raw);
}

Result<ErrorInfo> lookupError(std::string_view text) {
  const auto code = parseErrorCode(text);
  if (!code) {
    return Error{"not an error code: '" + std::string(text) +
                 "' (expected 0x80070005, 80070005, -2147024891, 2147942405 or 5)"};
  }
  return lookupError(*code);
}

ErrorInfo lookupError(std::uint32_t code) {
  ErrorInfo info;
  info.code = normalise(code);
  info.win32 = win32Of(info.code);
  info.family = familyOf(info.code, info.win32);
  const auto rows = errorTable();
  const auto row = std::lower_bound(rows.begin(), rows.end(), info.code,
                                    [](const ErrorRow& r, std::uint32_t c) { return r.code < c; });
  if (row != rows.end() && row->code == info.code) {
    info.name = row->name;
    info.text = row->text;
  }
  return info;
}

std::string formatErrorCode(std::uint32_t code) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out = "0x00000000";
  for (std::size_t i = out.size() - 1; code != 0; --i, code >>= 4) out[i] = kDigits[code & 0xF];
  return out;
}

}  // namespace ccmlog
