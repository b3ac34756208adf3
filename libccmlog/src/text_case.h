// text_case.h (internal): ASCII case folding for names in logs (accounts,
// file names), which Windows compares without regard to case.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace ccmlog::detail {

/// `text` with A-Z turned into a-z; other bytes as they are.
inline std::string asciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace ccmlog::detail
