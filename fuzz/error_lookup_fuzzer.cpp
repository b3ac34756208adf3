// error_lookup_fuzzer: error-code parsing and lookup on any text. A code that
// parses must survive formatErrorCode and parse back to itself, and its
// lookup must produce JSON.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ccmlog/error_codes.h"
#include "ccmlog/json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto info = ccmlog::lookupError(text);
  fuzz::check(static_cast<bool>(info) == ccmlog::parseErrorCode(text).has_value(),
              "lookupError and parseErrorCode disagree");
  if (info) {
    const std::string formatted = ccmlog::formatErrorCode(info->code);
    fuzz::check(ccmlog::parseErrorCode(formatted) == info->code, "a formatted code does not parse back");
    fuzz::check(!ccmlog::lookupToJson(text, *info).empty(), "no JSON for a code");
  }
  if (size >= 4) {  // the same bytes as a raw 32-bit value
    std::uint32_t raw = 0;
    std::memcpy(&raw, data, sizeof raw);
    const ccmlog::ErrorInfo byValue = ccmlog::lookupError(raw);
    fuzz::check(ccmlog::parseErrorCode(ccmlog::formatErrorCode(byValue.code)) == byValue.code,
                "a normalised code does not parse back");
  }
  return 0;
}
