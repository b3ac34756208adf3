// field_scanner_fuzzer: every field scanner (field_scanners.h) on a message
// made of fuzz bytes must give up or read exactly the groups RE2 captures.
#include <cstdint>
#include <string>
#include <string_view>

#include "field_scanner_oracle.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rows = ccmlog::test::scannedRows();
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  for (const size_t row : rows) {
    bool answered = false;
    const std::string wrong = ccmlog::test::scannerDisagreement(row, message, answered);
    if (!wrong.empty()) std::fprintf(stderr, "%s\n", wrong.c_str());
    fuzz::check(wrong.empty(), "a field scanner disagrees with RE2");
  }
  return 0;
}
