#include "ccmlog/timeline.h"

#include <charconv>

#include "ccmlog/error_codes.h"

namespace ccmlog {

std::string_view Event::get(std::string_view name) const {
  for (const EventField& f : fields)
    if (f.name == name) return f.value;
  return {};
}

std::optional<std::int64_t> Event::number(std::string_view name) const {
  const std::string_view text = get(name);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint32_t> Event::code(std::string_view name) const { return parseErrorCode(get(name)); }

}  // namespace ccmlog
