#include <cstdio>
#include <string>

#include "ccmlog/knowledge.h"
#include "ccmlog/knowledge_files.h"
#include "commands/commands.h"
#include "exit_codes.h"
#include "options.h"
#include "usage_error.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog knowledge --list [--knowledge FILE]...
       ccmlog knowledge --check FILE...

What ccmlog knows about causes: one entry per cause, each with the lines
that identify it, its rule and cause id, what it means and what to do, and
the rules whose findings it explains. The built-in entries are compiled in;
a knowledge file (TOML, see README.md) adds entries of your own, given to
'analyze' and 'scan' with --knowledge FILE.

Options:
  --list            show every entry known: rule, cause, severity, where it
                    was written, title (the built-in ones and those of the
                    --knowledge files)
  --check           read each FILE and run its samples: every sample must be
                    identified by its own entry and by no other (the built-in
                    ones included), and read as an event
  --knowledge FILE  with --list: add the entries of FILE (repeatable)
  -h, --help        show this help

Exit status:
  0  the list was shown, or every FILE passed the check
  1  a FILE is malformed or one of its samples failed (the message names
     the file, the line and the field)
  2  usage error
)";

std::string padded(std::string_view text, size_t width) {
  std::string out(text);
  out.resize(std::max(width, out.size() + 1), ' ');
  return out;
}

int list(const Knowledge& knowledge) {
  size_t ruleWidth = 4, causeWidth = 5, originWidth = 4;
  for (const KnowledgeEntry& e : knowledge.entries()) {
    ruleWidth = std::max(ruleWidth, e.rule.size() + 2);
    causeWidth = std::max(causeWidth, e.cause.size() + 2);
    originWidth = std::max(originWidth, e.origin.size() + 2);
  }
  std::string out = padded("RULE", ruleWidth) + padded("CAUSE", causeWidth) + padded("SEVERITY", 10) +
                    padded("FROM", originWidth) + "TITLE\n";
  size_t identified = 0, lines = 0;
  for (const KnowledgeEntry& e : knowledge.entries()) {
    const std::string severity = e.lines.empty() ? "-" : std::string(toString(e.severity));
    out += padded(e.rule, ruleWidth) + padded(e.cause, causeWidth) + padded(severity, 10) +
           padded(e.origin, originWidth) +
           (e.title.empty() ? "(a rule of code: what it explains)" : e.title) + "\n";
    if (!e.lines.empty()) ++identified;
    lines += e.lines.size();
  }
  out += std::to_string(knowledge.entries().size()) + " entries, " + std::to_string(identified) +
         " identified by their lines (" + std::to_string(lines) + " line patterns)\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

int check(const std::vector<std::string>& files) {
  bool failed = false;
  for (const std::string& file : files) {
    const LoadedKnowledge loaded = loadKnowledge({file});
    for (const std::string& error : loaded.errors)
      std::fprintf(stderr, "ccmlog knowledge: %s\n", error.c_str());
    if (!loaded.errors.empty()) {
      failed = true;
      continue;
    }
    const auto problems = loaded.knowledge->checkSamples();
    for (const std::string& problem : problems)
      std::fprintf(stderr, "ccmlog knowledge: %s\n", problem.c_str());
    const size_t added = loaded.knowledge->entries().size() - Knowledge::builtIn()->entries().size();
    if (problems.empty())
      std::printf("%s: %zu %s, every sample holds\n", file.c_str(), added, added == 1 ? "entry" : "entries");
    failed = failed || !problems.empty();
  }
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

int runKnowledge(Words args) {
  const OptionSpec specs[] = {
      {"list", "", {}, ""},
      {"check", "", {}, ""},
      {"knowledge", "FILE", {}, ""},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("knowledge", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  if (options->has("list") == options->has("check"))
    return usageError("knowledge", "give one of --list and --check");
  if (options->has("check")) {
    if (options->positionals.empty()) return usageError("knowledge", "no knowledge file given to --check");
    if (options->has("knowledge"))
      return usageError("knowledge", "--check takes the files as arguments, not --knowledge");
    return check(options->positionals);
  }
  if (!options->positionals.empty())
    return usageError("knowledge", "--list takes no arguments (add files with --knowledge)");
  const LoadedKnowledge loaded = loadKnowledge(options->all("knowledge"));
  for (const std::string& error : loaded.errors)
    std::fprintf(stderr, "ccmlog knowledge: %s\n", error.c_str());
  const int status = list(*loaded.knowledge);
  return loaded.errors.empty() ? status : kExitFindings;
}

}  // namespace ccmlog::cli
