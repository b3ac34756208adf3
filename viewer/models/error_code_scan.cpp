#include "models/error_code_scan.h"

#include <re2/re2.h>

#include <algorithm>

namespace ccmlog::viewer {
namespace {

// Does the text before a number introduce an error code ("Error ", "failed with ", "hr=", "code: ")?
bool introducesCode(re2::StringPiece before) {
  static const RE2 context(
      R"((?i)(?:error|err|fail(?:ed|ure)?(?: with)?|code|hr|hresult|status|result|returned)\W{0,3}$)");
  constexpr std::size_t kReach = 24;
  if (before.size() > kReach) before.remove_prefix(before.size() - kReach);
  return RE2::PartialMatch(before, context);
}

// Without a word before it, a hex number is taken for a code when it is a
// failure HRESULT as written (eight digits, the high bit set) that the table
// knows or, with a 0x, whose facility is one we know (Win32, BITS, WMI, ConfigMgr…).
bool looksLikeFailure(std::string_view written, const ErrorInfo& info, bool prefixed) {
  if (prefixed) written.remove_prefix(2);
  while (written.size() > 1 && written.front() == '0') written.remove_prefix(1);
  const bool failure = written.size() == 8 &&
                       std::string_view("89abcdefABCDEF").find(written.front()) != std::string_view::npos;
  return failure && (info.known() || (prefixed && info.family != ErrorFamily::HResult));
}

}  // namespace

std::vector<CodeMention> errorCodesIn(std::string_view message) {
  // Groups: 1 prefixed hex; 2-4 bare hex with what surrounds it; 5 negative decimal; 6 exit code.
  static const RE2 pattern(
      R"(\b(0[xX][0-9a-fA-F]{1,8})\b|([{-]?)\b([89a-fA-F][0-9a-fA-F]{7})\b(-?)|(-\d{10})\b|)"
      R"((?i:(?:exit ?code|returning)[:= ]+)(\d{1,5})\b)");
  constexpr int kGroups = 7;
  std::vector<CodeMention> found;
  re2::StringPiece text(message.data(), message.size());
  re2::StringPiece groups[kGroups];
  for (std::size_t at = 0;
       at < text.size() && pattern.Match(text, at, text.size(), RE2::UNANCHORED, groups, kGroups);) {
    at =
        static_cast<std::size_t>(groups[0].data() - text.data()) + std::max<std::size_t>(groups[0].size(), 1);
    re2::StringPiece code;
    if (!groups[1].empty()) code = groups[1];
    if (!groups[3].empty() && groups[2].empty() && groups[4].empty()) code = groups[3];  // not a GUID part
    if (!groups[5].empty()) code = groups[5];
    if (!groups[6].empty()) code = groups[6];
    if (code.empty()) continue;
    const std::string written(code.data(), code.size());
    const auto info = lookupError(written);
    if (!info) continue;
    const bool hex = !groups[1].empty() || !groups[3].empty();
    if (hex && !introducesCode(text.substr(0, code.data() - text.data())) &&
        !looksLikeFailure(written, *info, !groups[1].empty())) {
      continue;  // a hex word that is no code here: a package id, a flag, a handle
    }
    const bool seen = std::any_of(found.begin(), found.end(),
                                  [&](const CodeMention& m) { return m.info.code == info->code; });
    if (!seen) found.push_back({written, *info});
  }
  return found;
}

}  // namespace ccmlog::viewer
