// row_scanner_fuzzer: every row scanner (classify/fast/row_scanner.h) on a message made of
// fuzz bytes must not tell, or tell what RE2 tells: no match, or a match with
// exactly the groups RE2 captures.
#include <cstdint>
#include <string>
#include <string_view>

#include "classify/fast/row_scanner_oracle.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rows = ccmlog::test::scannedRows();
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  for (const size_t row : rows) {
    bool answered = false;
    const std::string wrong = ccmlog::test::scannerDisagreement(row, message, answered);
    if (!wrong.empty()) std::fprintf(stderr, "%s\n", wrong.c_str());
    fuzz::check(wrong.empty(), "a row scanner disagrees with RE2");
  }
  return 0;
}
