#include "ccmlog/command_line.h"

#include <algorithm>
#include <charconv>

namespace ccmlog {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Words split at spaces outside double quotes, the quotes removed. A word that
// was only quotes ("") is dropped: it carries nothing.
std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (isSpace(c) && !quoted) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Windows Installer property names: letters, digits, '_' and '.'.
bool isPropertyName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

std::optional<int> parseMinutes(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void applySwitch(CommandLine& cl, const std::string& name, const std::string& value) {
  if (name == "service") cl.service = true;
  if (name == "noservice" || name == "useronly") cl.noService = true;
  if (name == "runservice") cl.runService = true;
  if (name == "source" && !cl.source) cl.source = value;
  if (name == "mp" && !cl.mp) cl.mp = value;
  if (name == "downloadtimeout" && !cl.downloadTimeoutMinutes)
    cl.downloadTimeoutMinutes = parseMinutes(value);
}

}  // namespace

std::optional<std::string> CommandLine::property(std::string_view name) const {
  for (const auto& [n, value] : properties)
    if (equalsIgnoringCase(n, name)) return value;
  return std::nullopt;
}

CommandLine parseCommandLine(std::string_view text) {
  CommandLine cl;
  bool inProgram = true;
  for (const std::string& word : splitWords(text)) {
    if (word.front() == '/') {
      inProgram = false;
      const size_t colon = word.find(':');
      std::string name = word.substr(1, colon == std::string::npos ? std::string::npos : colon - 1);
      std::transform(name.begin(), name.end(), name.begin(), lower);
      std::string value = colon == std::string::npos ? std::string() : word.substr(colon + 1);
      applySwitch(cl, name, value);
      cl.switches.emplace_back(std::move(name), std::move(value));
      continue;
    }
    const size_t equals = word.find('=');
    if (equals != std::string::npos && isPropertyName(std::string_view(word).substr(0, equals))) {
      inProgram = false;
      cl.properties.emplace_back(word.substr(0, equals), word.substr(equals + 1));
      continue;
    }
    if (inProgram) cl.program += (cl.program.empty() ? "" : " ") + word;
  }
  return cl;
}

}  // namespace ccmlog
