// The knowledge entries: the built-in files prove their samples, a user's
// file is read or refused with the file, line and field named, and a user's
// entry makes findings and chains like a built-in one.
#include "ccmlog/knowledge.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/diagnosis.h"
#include "knowledge/builtin_knowledge.h"
#include "rules/rule_test_support.h"

namespace ccmlog {
namespace {

using test::cmtraceLog;
using test::findingOf;

// A user's file with one cause of a rule of its own.
constexpr std::string_view kContoso = R"(# Contoso's own
[[entry]]
rule = "contoso-proxy-blocked"
cause = "bluecoat"
severity = "error"
lines = ['ProxyBlock: client \S+ denied']
explains = ["download-failed"]
title = "The Contoso proxy blocked the client"
explanation = "The branch proxy denies clients that are not in its allow list."
remedy = "Add the machine to the proxy's allow list, then run ccmsetup again."
samples = ['ProxyBlock: client PC042 denied by rule 12']
)";

std::shared_ptr<const Knowledge> extendedWith(std::string_view text) {
  auto entries = parseKnowledge(text, "contoso.toml");
  EXPECT_TRUE(entries) << entries.error().message;
  auto knowledge = Knowledge::extended(*entries);
  EXPECT_TRUE(knowledge) << knowledge.error().message;
  return *knowledge;
}

// An entry of rule `rule` (cause "one") with one line pattern and one sample.
std::string entryWith(std::string_view rule, std::string_view line, std::string_view sample) {
  return "[[entry]]\nrule = \"" + std::string(rule) +
         "\"\ncause = \"one\"\nseverity = \"error\"\nlines = ['" + std::string(line) +
         "']\ntitle = \"t\"\nexplanation = \"e\"\nremedy = \"r\"\nsamples = ['" + std::string(sample) +
         "']\n";
}

std::string errorOf(std::string_view text) {
  auto entries = parseKnowledge(text, "bad.toml");
  if (entries) {
    auto knowledge = Knowledge::extended(*entries);
    return knowledge ? "" : knowledge.error().message;
  }
  return entries.error().message;
}

TEST(Knowledge, EveryBuiltInSampleIdentifiesItsEntryAndNoOther) {
  const auto knowledge = Knowledge::builtIn();
  EXPECT_GT(knowledge->entries().size(), 10u);
  for (const std::string& problem : knowledge->checkSamples()) ADD_FAILURE() << problem;
}

// The library reads its own files without the prefilter check (it costs time
// at every start); here they pass every check a user's file must.
TEST(Knowledge, BuiltInFilesPassEveryCheckOfAUsersFile) {
  for (const detail::KnowledgeText& file : detail::builtInKnowledgeFiles()) {
    const auto entries = parseKnowledge(file.text, file.name);
    EXPECT_TRUE(entries) << entries.error().message;
  }
}

TEST(Knowledge, BuiltInEntriesSayWhereTheyWereWritten) {
  for (const KnowledgeEntry& e : Knowledge::builtIn()->entries()) {
    EXPECT_TRUE(e.origin.find(".toml:") != std::string::npos) << e.rule << "/" << e.cause;
  }
}

TEST(Knowledge, ASampleThatAnotherEntryClaimsIsAProblem) {
  const auto knowledge = extendedWith(
      entryWith("contoso-msxml", "instantiate MSXML", "Failed to instantiate MSXML with error 0x8007045a"));
  // Each claims the other's sample.
  const auto problems = knowledge->checkSamples();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(
      problems[0].find("msi-install-failed/msxml: sample 'Failed to instantiate MSXML with error 0x8007045a' "
                       "is matched by contoso-msxml/one (contoso.toml:1) too"),
      std::string::npos)
      << problems[0];
  EXPECT_NE(
      problems[1].find("contoso.toml:1: contoso-msxml/one: sample 'Failed to instantiate MSXML with error "
                       "0x8007045a' is matched by msi-install-failed/msxml (msi-install-failed.toml:"),
      std::string::npos)
      << problems[1];
}

TEST(Knowledge, ASampleNoLineMatchesIsAProblem) {
  const auto knowledge =
      extendedWith(entryWith("contoso-thing", "Contoso thing broke", "Contoso thing is fine"));
  const auto problems = knowledge->checkSamples();
  ASSERT_EQ(problems.size(), 2u);  // its own lines miss it, and so it is no event either
  EXPECT_NE(problems[0].find(
                "contoso.toml:1: contoso-thing/one: sample 'Contoso thing is fine' is matched by none"),
            std::string::npos)
      << problems[0];
}

TEST(Knowledge, MalformedFilesNameFileLineAndField) {
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a-b\"\ncause = \"c\"\nseverity = \"fatal\"\n"),
            "bad.toml:4: field 'severity': 'fatal' is not one of error, warning, info");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"A b\"\n"),
            "bad.toml:2: field 'rule': 'A b' is not lower-case words joined by hyphens");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = ['(unclosed']\n"),
            "bad.toml:4: field 'lines': '(unclosed' is not a valid RE2 pattern: missing ): (unclosed");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = ['(?P<x>y)']\n"),
            "bad.toml:4: field 'lines': '(?P<x>y)' is named groups (?P<name>…) are not supported; use (?:…)");
  // A pattern the classifier would have to try on every line (no word of six characters).
  EXPECT_EQ(
      errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = ['\\b25150\\b']\n")
          .find(
              "bad.toml:4: field 'lines': '\\b25150\\b' is without a literal text of six or more characters"),
      0u);
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\ntitel = \"x\"\n"),
            "bad.toml:4: field 'titel': unknown field");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = 'x'\n"),
            "bad.toml:4: field 'lines': must be a list of strings");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\ncode = \"banana\"\n"),
            "bad.toml:4: field 'code': 'banana' is not an error code (write it as 0x87d00454)");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = ['contoso thing']\n"),
            "bad.toml:1: field 'title': missing (an entry with lines needs it)");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\nlines = ['contoso thing']\ntitle = "
                    "\"t\"\nexplanation = \"e\"\n"
                    "remedy = \"r\"\nseverity = \"info\"\n"),
            "bad.toml:1: field 'samples': missing (an entry with lines needs a real-shaped line that it "
            "identifies)");
  EXPECT_EQ(errorOf("[[entry]]\ncause = \"b\"\n"), "bad.toml:1: field 'rule': missing (every entry has one)");
  EXPECT_EQ(errorOf("[[entry]]\nrule = \"a\"\ncause = \"b\"\n\nrule = \"c\"\n").substr(0, 11), "bad.toml:5:");
  EXPECT_EQ(errorOf("entries = 3\n"),
            "bad.toml:1: field 'entries': unknown field (entries are [[entry]] tables)");
}

TEST(Knowledge, AnEntryMustNotRepeatAKnownCauseOrNameARuleNoCodeImplementsWithoutLines) {
  EXPECT_EQ(
      errorOf("[[entry]]\nrule = \"msi-install-failed\"\ncause = \"msxml\"\nexplains = [\"setup-failed\"]\n")
          .find("bad.toml:1: msi-install-failed/msxml is already known (msi-install-failed.toml:"),
      0u);
  EXPECT_EQ(
      errorOf("[[entry]]\nrule = \"contoso-thing\"\ncause = \"b\"\n"),
      "bad.toml:1: field 'lines': missing (no code implements rule contoso-thing, so its entries need the "
      "lines that identify them)");
}

// Each pattern compiles alone, but the classifier compiles them all into one
// RE2::Set, which has a memory budget: too much is an error, not an abort.
TEST(Knowledge, PatternsTooLargeTogetherAreRefused) {
  std::string alternatives;
  for (int i = 0; i < 400; ++i) alternatives += (i ? "|x" : "x") + std::to_string(10000 + i) + "[a-z]{1,30}y";
  std::string text;
  for (int k = 0; k < 40; ++k) {
    text +=
        entryWith("huge-" + std::to_string(k), "Contoso huge (?:" + alternatives + ")z" + std::to_string(k),
                  "Contoso huge x10001abcyz" + std::to_string(k));
  }
  const auto entries = parseKnowledge(text, "huge.toml");
  ASSERT_TRUE(entries) << entries.error().message;
  const auto knowledge = Knowledge::extended(*entries);
  ASSERT_FALSE(knowledge);
  EXPECT_NE(knowledge.error().message.find("too many or too large to compile together"), std::string::npos)
      << knowledge.error().message;
}

TEST(Knowledge, AUserEntryMakesAFindingAndExplainsWhatFollows) {
  const std::string log = cmtraceLog({
      {"==========[ ccmsetup started in process 100 ]=========="},
      {"ProxyBlock: client PC042 denied by rule 12"},
      {"Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: Not found"},
      {"CcmSetup failed with error code 0x80190194", "", "3"},
  });
  const LogText texts[] = {{"ccmsetup.log", log}};
  const Report builtIn = analyzeTexts(texts);
  EXPECT_EQ(findingOf(builtIn, "contoso-proxy-blocked"), nullptr);

  AnalysisOptions options;
  options.diagnosis.knowledge = extendedWith(kContoso);
  const Report r = analyzeTexts(texts, options);
  const Finding* f = findingOf(r, "contoso-proxy-blocked");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->title, "The Contoso proxy blocked the client");
  EXPECT_EQ(f->severity, FindingSeverity::Error);
  EXPECT_EQ(test::textDetail(*f, "cause"), "bluecoat");
  EXPECT_EQ(test::citedLines(*f), (std::vector<std::uint64_t>{2}));
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().rule, "contoso-proxy-blocked");  // the root cause leads
  const Finding* download = findingOf(r, "download-failed");
  ASSERT_NE(download, nullptr);
  EXPECT_EQ(download->causedBy, "contoso-proxy-blocked");
}

TEST(Knowledge, RuleIdsListTheRulesOfCodeThenThoseOfTheBuiltInEntries) {
  const auto ids = ruleIds();
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.back(), "upgrade-excluded");
  EXPECT_NE(std::find(ids.begin(), ids.end(), "server-certificate-rejected"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), ""), ids.end());
}

}  // namespace
}  // namespace ccmlog
