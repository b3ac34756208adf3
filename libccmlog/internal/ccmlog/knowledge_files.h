// ccmlog/knowledge_files.h (internal): the knowledge files a user gives the CLI
// (--knowledge) or the viewer (Tools > Knowledge Files).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ccmlog/knowledge.h"

namespace ccmlog {

/// The built-in knowledge extended with the files that could be read.
struct LoadedKnowledge {
  std::shared_ptr<const Knowledge> knowledge;
  std::vector<std::string> errors;  ///< one per file left out: "FILE:LINE: field 'X': …"
};

/// Reads `files` in order; a file that is malformed, or repeats a cause
/// already known, is left out whole (its error says why) and the others and
/// the built-in knowledge still count.
LoadedKnowledge loadKnowledge(const std::vector<std::string>& files);

}  // namespace ccmlog
