// knowledge/builtin_knowledge.h (internal): the files of libccmlog/knowledge/,
// embedded at build time by cmake/CcmlogEmbedKnowledge.cmake.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "ccmlog/knowledge.h"

namespace ccmlog::detail {

/// One knowledge file: its name ("install.toml") and its text.
struct KnowledgeText {
  std::string_view name;
  std::string_view text;
};

/// Every built-in knowledge file, in file-name order.
std::span<const KnowledgeText> builtInKnowledgeFiles();

/// parseKnowledge without the check that each pattern holds a literal text
/// the classifier's prefilter can key it on: for the built-in files, which
/// knowledge_test.cpp parses with every check (so that start-up need not pay for it).
Result<std::vector<KnowledgeEntry>> parseTrustedKnowledge(std::string_view text, std::string_view name);

}  // namespace ccmlog::detail
