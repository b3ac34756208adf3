#include "options.h"

#include <algorithm>
#include <charconv>
#include <thread>

namespace ccmlog::cli {
namespace {

std::string joined(const std::vector<std::string_view>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + std::string(item);
  return out;
}

}  // namespace

std::string_view ParsedOptions::get(std::string_view name) const {
  const auto it = values.find(name);
  return it == values.end() ? std::string_view{} : std::string_view(it->second);
}

std::vector<std::string> ParsedOptions::all(std::string_view name) const {
  const auto it = every.find(name);
  return it == every.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedOptions> parseOptions(std::span<const std::string_view> words,
                                   std::span<const OptionSpec> specs) {
  ParsedOptions parsed;
  bool optionsDone = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    // A negative number ("-2147024891") is a value, not an option.
    const bool negativeNumber = word.size() > 1 && word[0] == '-' && word[1] >= '0' && word[1] <= '9';
    if (optionsDone || word == "-" || !word.starts_with('-') || negativeNumber) {
      parsed.positionals.emplace_back(word);
      continue;
    }
    if (word == "--") {
      optionsDone = true;
      continue;
    }
    std::string_view name, inlineValue;
    bool hasInline = false;
    const OptionSpec* spec = nullptr;
    if (word.starts_with("--")) {
      name = word.substr(2);
      if (const size_t eq = name.find('='); eq != std::string_view::npos) {
        inlineValue = name.substr(eq + 1);
        name = name.substr(0, eq);
        hasInline = true;
      }
      const auto it =
          std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
      if (it != specs.end()) spec = &*it;
    } else if (word.size() >= 2) {
      const auto it = std::find_if(specs.begin(), specs.end(),
                                   [&](const OptionSpec& s) { return s.shortName == word[1]; });
      if (it != specs.end()) {
        spec = &*it;
        name = spec->name;
        if (word.size() > 2) {
          inlineValue = word.substr(2);
          hasInline = true;
        }
      }
    }
    if (!spec) return Error{"unknown option '" + std::string(word) + "'"};
    if (spec->valueName.empty()) {
      if (hasInline) return Error{"option --" + std::string(name) + " takes no value"};
      parsed.values[std::string(name)] = "";
      continue;
    }
    std::string_view value = inlineValue;
    if (!hasInline) {
      if (i + 1 >= words.size()) {
        std::string expected =
            spec->choices.empty() ? std::string(spec->valueName) : "one of " + joined(spec->choices);
        return Error{"option --" + std::string(name) + " needs a value: " + expected};
      }
      value = words[++i];
    }
    if (!spec->choices.empty() &&
        std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end()) {
      return Error{"option --" + std::string(name) + ": '" + std::string(value) + "' is not one of " +
                   joined(spec->choices)};
    }
    parsed.values[std::string(name)] = std::string(value);
    parsed.every[std::string(name)].emplace_back(value);
  }
  for (const auto& spec : specs) {
    if (!spec.defaultValue.empty() && !parsed.has(spec.name)) {
      parsed.values[std::string(spec.name)] = std::string(spec.defaultValue);
    }
  }
  return parsed;
}

Result<unsigned> jobCount(std::string_view text) {
  if (text.empty()) return std::max(1u, std::thread::hardware_concurrency());
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 1 || n > 1024) {
    return Error{"option --jobs: '" + std::string(text) + "' is not a number from 1 to 1024"};
  }
  return n;
}

}  // namespace ccmlog::cli
