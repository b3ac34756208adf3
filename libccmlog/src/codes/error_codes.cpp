#include "ccmlog/error_codes.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "codes/error_names.h"
#include "codes/error_table.h"

namespace ccmlog {
namespace {

constexpr std::uint32_t kFirstNonWin32 = 0x10000;
constexpr std::uint32_t kCustomerBit = 0x20000000;  // bit 29: a code defined outside Microsoft

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
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool isNameChar(char c) { return isDecimalDigit(c) || c == '_' || (upper(c) >= 'A' && upper(c) <= 'Z'); }

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return upper(x) == upper(y); });
}

// a before b, reading a-z as A-Z: the order of namesInOrder().
bool nameBefore(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(upper(x)) < static_cast<unsigned char>(upper(y));
  });
}

// The code text names, in any case: a hand-written row's name (ConfigMgr's are only there,
// a few hundred comparisons of lengths), else an SDK name by binary search.
std::optional<std::uint32_t> codeNamed(std::string_view text) {
  if (text.empty() || isDecimalDigit(text.front()) || !std::all_of(text.begin(), text.end(), isNameChar)) {
    return std::nullopt;  // an SDK name is a C identifier
  }
  for (const ErrorRow& row : errorTable()) {
    if (sameName(row.name, text)) return row.code;
  }
  const auto rows = namedCodes();
  const auto order = namesInOrder();
  const auto at =
      std::lower_bound(order.begin(), order.end(), text,
                       [&](std::uint16_t i, std::string_view t) { return nameBefore(nameOf(rows[i]), t); });
  if (at != order.end() && sameName(nameOf(rows[*at]), text)) return rows[*at].code;
  return std::nullopt;
}

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

std::uint32_t normalise(std::uint32_t code) { return code < kFirstNonWin32 ? hresultFromWin32(code) : code; }

std::optional<std::uint32_t> win32Of(std::uint32_t code) {
  if (code == 0) return 0;
  if ((code & 0xFFFF0000) == 0x80070000) return code & 0xFFFF;
  return std::nullopt;
}

// The first row of code in rows sorted by code (for namedCodes(), the name to show), or nullptr.
template <typename Row>
const Row* firstRowOf(std::span<const Row> rows, std::uint32_t code) {
  const auto row = std::lower_bound(rows.begin(), rows.end(), code,
                                    [](const Row& r, std::uint32_t c) { return r.code < c; });
  return row != rows.end() && row->code == code ? &*row : nullptr;
}

// An HRESULT may set bit 30 (R) only together with bit 28 (N, "an NTSTATUS inside"), so a
// code with R and without N is an NTSTATUS; a named code is what its first name says.
ErrorFamily familyOf(std::uint32_t code, std::optional<std::uint32_t> win32, const NamedCode* name) {
  if (win32) return *win32 >= 12000 && *win32 <= 12999 ? ErrorFamily::WinHttp : ErrorFamily::Win32;
  const std::uint32_t facility = code >> 16;
  if (facility == 0x8019 || facility == 0x8020) return ErrorFamily::Bits;
  if ((code & 0xFFFFF000) == 0x80041000) return ErrorFamily::Wmi;
  if ((code & 0xFFF00000) == 0x87D00000) return ErrorFamily::ConfigMgr;
  if (name) return name->space == CodeSpace::NtStatus ? ErrorFamily::NtStatus : ErrorFamily::HResult;
  return (code & 0x50000000) == 0x40000000 ? ErrorFamily::NtStatus : ErrorFamily::HResult;
}

// An HRESULT's facility is bits 16-26, an NTSTATUS's bits 16-27; each numbering names its own.
void decodeFacility(ErrorInfo& info) {
  const bool ntstatus = info.family == ErrorFamily::NtStatus;
  info.facility = static_cast<std::uint16_t>((info.code >> 16) & (ntstatus ? 0xFFF : 0x7FF));
  if (info.code & kCustomerBit) return;
  const auto names = ntstatus ? ntstatusFacilities() : hresultFacilities();
  const auto name = std::lower_bound(names.begin(), names.end(), info.facility,
                                     [](const FacilityName& f, std::uint16_t n) { return f.facility < n; });
  if (name != names.end() && name->facility == info.facility) info.facilityName = name->name;
}

// Everything known about a normalised code.
ErrorInfo describe(std::uint32_t code) {
  ErrorInfo info;
  info.code = code;
  info.win32 = win32Of(code);
  const NamedCode* name = firstRowOf(namedCodes(), code);
  info.family = familyOf(code, info.win32, name);
  decodeFacility(info);
  if (name) info.name = nameOf(*name);
  if (const ErrorRow* row = firstRowOf(errorTable(), code)) {
    if (!row->name.empty()) info.name = row->name;
    info.text = row->text;
    info.hint = row->hint;
  }
  return info;
}

}  // namespace

std::string_view toString(ErrorFamily family) {
  switch (family) {
    case ErrorFamily::Win32:
      return "win32";
    case ErrorFamily::HResult:
      return "hresult";
    case ErrorFamily::Bits:
      return "bits";
    case ErrorFamily::WinHttp:
      return "winhttp";
    case ErrorFamily::Wmi:
      return "wmi";
    case ErrorFamily::ConfigMgr:
      return "configmgr";
    case ErrorFamily::NtStatus:
      return "ntstatus";
  }
  return "hresult";
}

std::optional<std::uint32_t> parseErrorCode(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (const auto raw = parseRaw(trimmed)) return normalise(*raw);
  return codeNamed(trimmed);
}

Result<ErrorInfo> lookupError(std::string_view text) {
  const auto code = parseErrorCode(text);
  if (!code) {
    return Error{"not an error code: '" + std::string(text) +
                 "' (expected 0x80070005, 80070005, -2147024891, 2147942405, 5 or a name such as "
                 "ERROR_ACCESS_DENIED)"};
  }
  return lookupError(*code);
}

ErrorInfo lookupError(std::uint32_t code) { return describe(normalise(code)); }

std::string formatErrorCode(std::uint32_t code) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out = "0x00000000";
  for (std::size_t i = out.size() - 1; code != 0; --i, code >>= 4) out[i] = kDigits[code & 0xF];
  return out;
}

}  // namespace ccmlog
