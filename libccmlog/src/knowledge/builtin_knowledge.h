// knowledge/builtin_knowledge.h (internal): the files of libccmlog/knowledge/,
// embedded at build time by cmake/CcmlogEmbedKnowledge.cmake.
#pragma once

#include <span>
#include <string_view>

namespace ccmlog::detail {

/// One knowledge file: its name ("install.toml") and its text.
struct KnowledgeText {
  std::string_view name;
  std::string_view text;
};

/// Every built-in knowledge file, in file-name order.
std::span<const KnowledgeText> builtInKnowledgeFiles();

}  // namespace ccmlog::detail
