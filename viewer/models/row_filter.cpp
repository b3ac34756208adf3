#include "models/row_filter.h"

#include <re2/re2.h>

namespace ccmlog::viewer {

Result<TextMatcher> TextMatcher::compile(std::string_view text, bool regex) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(regex);
  options.set_literal(!regex);
  auto re = std::make_shared<const RE2>(re2::StringPiece(text.data(), text.size()), options);
  if (!re->ok()) return Error{"invalid regular expression: " + re->error()};
  return TextMatcher(std::move(re));
}

bool TextMatcher::matches(std::string_view message) const {
  return RE2::PartialMatch(re2::StringPiece(message.data(), message.size()), *re_);
}

bool RowFilter::active() const {
  for (const bool shown : severities) {
    if (!shown) return true;
  }
  return text || component || thread || file || from || to;
}

bool RowFilter::acceptsEntry(const IndexEntry& e) const {
  if (!severities[static_cast<std::size_t>(e.severity())]) return false;
  if (component && e.component != *component) return false;
  if (thread && e.thread != *thread) return false;
  if (file && e.fileIndex() != *file) return false;
  if (from || to) {
    if (e.localTicks == IndexEntry::kNoTime) return false;
    if (from && e.localTicks < from->ticks) return false;
    if (to && e.localTicks > to->ticks) return false;
  }
  return true;
}

}  // namespace ccmlog::viewer
