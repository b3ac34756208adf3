// The chains of cause and consequence: data that names real rules and never
// loops, and relate(), which puts each cause before what it explains.
#include "rules/consequences.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "ccmlog/knowledge.h"

namespace ccmlog::rules {
namespace {

TEST(Consequences, EveryChainLinksTwoKnownRulesAndNoneLoops) {
  const Knowledge& knowledge = *Knowledge::builtIn();
  std::set<std::string_view> ids;
  for (const Rule& rule : registry()) ids.insert(rule.id);
  for (const KnowledgeEntry& e : knowledge.entries()) ids.insert(e.rule);  // a rule of lines alone
  std::map<std::string_view, std::vector<std::string_view>> explains;
  size_t chains = 0;
  for (const KnowledgeEntry& e : knowledge.entries()) {
    for (const std::string& consequence : e.explains) {
      EXPECT_TRUE(ids.count(consequence)) << e.origin << ": " << consequence;
      EXPECT_NE(e.rule, consequence) << e.origin;
      explains[e.rule].push_back(consequence);
      ++chains;
    }
  }
  EXPECT_GE(chains, 5u);  // at least the chains of docs/ccmsetup-logs.md#cause-and-consequence
  // Depth-first from every rule: reaching the start again is a loop.
  for (const auto& [start, _] : explains) {
    std::vector<std::string_view> todo{start};
    std::set<std::string_view> seen;
    while (!todo.empty()) {
      const std::string_view at = todo.back();
      todo.pop_back();
      for (std::string_view next : explains[at]) {
        ASSERT_NE(next, start) << "a chain leads from " << start << " back to itself";
        if (seen.insert(next).second) todo.push_back(next);
      }
    }
  }
}

// A timeline of `runs` runs, event i on line i + 1 in run runOfLine[i].
Timeline timelineOf(std::initializer_list<size_t> runOfLine) {
  Timeline t;
  size_t runs = 0;
  std::uint64_t line = 1;
  for (size_t run : runOfLine) {
    TimelineEvent e;
    e.where.line = LineNumber{line++};
    e.run = run;
    t.events.push_back(e);
    runs = std::max(runs, run + 1);
  }
  t.runs.resize(runs);
  return t;
}

Finding findingOf(std::string_view rule, FindingSeverity severity, Confidence confidence,
                  std::uint64_t line) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.confidence = confidence;
  f.evidence.push_back({Location{FileIndex{0}, LineNumber{line}, {}, {}, {}}, "text"});
  return f;
}

std::vector<std::string> rulesOf(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const Finding& f : findings) rules.push_back(f.rule + "<-" + f.causedBy);
  return rules;
}

TEST(Consequences, AConsequenceComesAfterItsCauseWhichTakesItsSeverity) {
  const Timeline t = timelineOf({0, 0});
  std::vector<Finding> findings{
      findingOf("download-failed", FindingSeverity::Error, Confidence::High, 2),
      findingOf("no-distribution-point", FindingSeverity::Warning, Confidence::Medium, 1),
  };
  relate(t, *Knowledge::builtIn(), findings);
  EXPECT_EQ(rulesOf(findings),
            (std::vector<std::string>{"no-distribution-point<-", "download-failed<-no-distribution-point"}));
  EXPECT_EQ(findings[0].severity, FindingSeverity::Error);
}

TEST(Consequences, AChainOfThreePutsTheFirstCauseAtTheHead) {
  const Timeline t = timelineOf({0, 0, 0});
  std::vector<Finding> findings{
      findingOf("download-failed", FindingSeverity::Error, Confidence::High, 3),
      findingOf("no-distribution-point", FindingSeverity::Error, Confidence::High, 2),
      findingOf("client-certificate-missing", FindingSeverity::Warning, Confidence::High, 1),
  };
  relate(t, *Knowledge::builtIn(), findings);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].rule, "client-certificate-missing");
  EXPECT_EQ(findings[0].causedBy, "");
  EXPECT_EQ(findings[0].severity, FindingSeverity::Error);
  EXPECT_FALSE(findings[1].causedBy.empty());
  EXPECT_FALSE(findings[2].causedBy.empty());
}

TEST(Consequences, FindingsAboutDifferentRunsStayRivals) {
  const Timeline t = timelineOf({0, 1});
  std::vector<Finding> findings{
      findingOf("download-failed", FindingSeverity::Error, Confidence::High, 2),
      findingOf("no-distribution-point", FindingSeverity::Warning, Confidence::Medium, 1),
  };
  relate(t, *Knowledge::builtIn(), findings);
  EXPECT_EQ(rulesOf(findings), (std::vector<std::string>{"download-failed<-", "no-distribution-point<-"}));
}

TEST(Consequences, HistoryExplainsNothingAboutTheLatestAttempt) {
  const Timeline t = timelineOf({0, 0});
  std::vector<Finding> findings{
      findingOf("download-failed", FindingSeverity::Error, Confidence::High, 2),
      findingOf("no-distribution-point", FindingSeverity::Warning, Confidence::Medium, 1),
  };
  findings[1].history = true;
  relate(t, *Knowledge::builtIn(), findings);
  EXPECT_EQ(findings[0].rule, "download-failed");
  EXPECT_EQ(findings[0].causedBy, "");
  EXPECT_EQ(findings[1].causedBy, "");
}

TEST(Consequences, RootCausesRankBySeverityThenConfidenceThenRegistryOrder) {
  const Timeline t = timelineOf({0, 0, 0, 0});
  std::vector<Finding> findings{
      findingOf("a", FindingSeverity::Warning, Confidence::High, 1),
      findingOf("b", FindingSeverity::Error, Confidence::Medium, 2),
      findingOf("c", FindingSeverity::Error, Confidence::High, 3),
      findingOf("d", FindingSeverity::Error, Confidence::High, 4),
  };
  relate(t, *Knowledge::builtIn(), findings);
  EXPECT_EQ(rulesOf(findings), (std::vector<std::string>{"c<-", "d<-", "b<-", "a<-"}));
}

}  // namespace
}  // namespace ccmlog::rules
