// options.h: command-line options of one ccmlog command.
//
//   const OptionSpec specs[] = {{"format", "FMT", {"ndjson", "tsv", "text"}, "ndjson"},
//                               {"help", "", {}, ""}};
//   auto args = parseOptions(argv, specs);   // argv: the words after the command
//   if (!args) { usage error: args.error().message }
//   args->get("format") == "ndjson"; args->has("help"); args->positionals
//
// Accepted forms: --name VALUE, --name=VALUE, -j N for options with a short
// letter, flags without a value, and "--" before positionals that start with '-'.
// A word like "-2147024891" (a negative number) is a positional.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/basics.h"

namespace ccmlog::cli {

struct OptionSpec {
  std::string_view name;                  ///< long name without "--"
  std::string_view valueName;             ///< empty for a flag
  std::vector<std::string_view> choices;  ///< allowed values; empty = any
  std::string_view defaultValue;          ///< value when not given
  char shortName = 0;                     ///< "-j" style alias, 0 for none
};

struct ParsedOptions {
  std::map<std::string, std::string, std::less<>> values;  ///< the last value of each option given
  std::map<std::string, std::vector<std::string>, std::less<>>
      every;  ///< each value of each option, in order
  std::vector<std::string> positionals;

  bool has(std::string_view name) const { return values.find(name) != values.end(); }
  std::string_view get(std::string_view name) const;
  /// Every value given to a repeatable option, in order; empty when not given.
  std::vector<std::string> all(std::string_view name) const;
};

/// Parses `words` against `specs`; unknown options and bad values are errors
/// whose message names the option and what was expected.
Result<ParsedOptions> parseOptions(std::span<const std::string_view> words,
                                   std::span<const OptionSpec> specs);

/// The value of --jobs: empty means the number of cores; else 1 to 1024.
Result<unsigned> jobCount(std::string_view text);

}  // namespace ccmlog::cli
