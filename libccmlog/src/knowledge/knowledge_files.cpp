#include "ccmlog/knowledge_files.h"

namespace ccmlog {

LoadedKnowledge loadKnowledge(const std::vector<std::string>& files) {
  LoadedKnowledge loaded{Knowledge::builtIn(), {}};
  std::vector<KnowledgeEntry> accepted;
  for (const std::string& file : files) {
    auto entries = readKnowledgeFile(file);
    if (!entries) {
      loaded.errors.push_back(entries.error().message);
      continue;
    }
    std::vector<KnowledgeEntry> with = accepted;
    with.insert(with.end(), entries->begin(), entries->end());
    auto knowledge = Knowledge::extended(with);
    if (!knowledge) {
      loaded.errors.push_back(knowledge.error().message);
      continue;
    }
    accepted = std::move(with);
    loaded.knowledge = std::move(*knowledge);
  }
  return loaded;
}

}  // namespace ccmlog
