// The prefilter must never rule out a row that matches: checked on every
// sample and on every message of every test log, in three casings.
#include "classify/fast/pattern_prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "ccmlog/event_classifier.h"
#include "ccmlog/record_reader.h"
#include "classify/event_patterns.h"
#include "classify/text_case.h"
#include "test_support.h"

namespace ccmlog::detail {
namespace {

using test::asciiSample;
using test::withCase;

const PatternPrefilter& prefilter() {
  static const PatternPrefilter instance(eventPatterns(), eventPatternOptions());
  return instance;
}

const std::vector<std::unique_ptr<RE2>>& compiledRows() {
  static const auto rows = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const EventPattern& p : eventPatterns())
      out.push_back(std::make_unique<RE2>(p.pattern, eventPatternOptions()));
    return out;
  }();
  return rows;
}

bool listed(const std::vector<int>& rows, size_t row) {
  return std::find(rows.begin(), rows.end(), static_cast<int>(row)) != rows.end();
}

// "" when every row that matches `message` is a candidate (or the prefilter cannot tell).
std::string missedRows(std::string_view message) {
  std::vector<int> rows;
  if (!prefilter().candidateRows(message, rows)) return "";
  std::string missed;
  for (size_t row = 0; row < compiledRows().size(); ++row) {
    if (RE2::PartialMatch(message, *compiledRows()[row]) && !listed(rows, row)) {
      missed += "row " + std::to_string(row) + " ";
    }
  }
  return missed;
}

TEST(PatternPrefilter, EverySampleKeepsItsRow) {
  const auto table = eventPatterns();
  for (size_t row = 0; row < table.size(); ++row) {
    const std::string sample = asciiSample(table[row].sample);
    for (const std::string& text : {sample, withCase(sample, true), withCase(sample, false)}) {
      std::vector<int> rows;
      ASSERT_TRUE(prefilter().candidateRows(text, rows)) << text;
      EXPECT_TRUE(listed(rows, row)) << "row " << row << ": " << text;
    }
  }
}

TEST(PatternPrefilter, NeverRulesOutARowThatMatchesAMessageOfTheTestLogs) {
  size_t messages = 0;
  for (const auto& path : test::testdataFiles()) {
    const auto summary = readFile(path, [&](const Record& r) {
      ++messages;
      for (const std::string& text :
           {std::string(r.message), withCase(r.message, true), withCase(r.message, false)}) {
        EXPECT_EQ(missedRows(text), "") << path << ":" << value(r.line) << ": " << text;
      }
    });
    ASSERT_TRUE(summary) << summary.error().message;
  }
  EXPECT_GT(messages, 1000u);
}

// The rows whose key words are in `message`, in any casing, as a plain search finds them.
std::vector<int> rowsWithKeyWords(std::string_view message) {
  std::vector<int> rows;
  for (size_t row = 0; row < prefilter().keys().size(); ++row) {
    for (const int atom : prefilter().keys()[row]) {
      if (findWords(message, prefilter().atoms()[static_cast<size_t>(atom)]) != std::string_view::npos) {
        rows.push_back(static_cast<int>(row));
        break;
      }
    }
  }
  return rows;
}

TEST(PatternPrefilter, ListsExactlyTheRowsWhoseKeyWordsAreInTheMessage) {
  // Samples, their casings, and each with a byte of its key words changed.
  const auto table = eventPatterns();
  size_t checked = 0;
  for (const EventPattern& row : table) {
    const std::string sample = asciiSample(row.sample);
    std::vector<std::string> texts{sample, withCase(sample, true), withCase(sample, false)};
    for (size_t at = 0; at < sample.size(); ++at) {
      std::string edited = sample;
      edited[at] = edited[at] == 'x' ? 'y' : 'x';
      texts.push_back(edited);
    }
    for (const std::string& text : texts) {
      std::vector<int> rows;
      ASSERT_TRUE(prefilter().candidateRows(text, rows)) << text;
      EXPECT_EQ(rows, rowsWithKeyWords(text)) << text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 3000u);
}

TEST(PatternPrefilter, EveryRowIsKeyedOnAWordSoOrdinaryLinesSkipRe2) {
  for (size_t row = 0; row < prefilter().keys().size(); ++row) {
    EXPECT_FALSE(prefilter().keys()[row].empty()) << "row " << row << " would be tried on every message";
  }
  std::vector<int> rows{7};
  EXPECT_TRUE(prefilter().candidateRows("Checking Write Filter Status.", rows));
  EXPECT_TRUE(rows.empty());
  EXPECT_TRUE(prefilter().candidateRows("", rows));
  EXPECT_TRUE(rows.empty());
}

TEST(PatternPrefilter, ARowKeyedOnEitherOfTwoWordingsIsFoundWithEach) {
  // The hash row needs "hash", too short to be looked for, and one of
  // "... doesn't match" and "... does not match"; its sample has the first.
  const auto table = eventPatterns();
  const auto row = std::find_if(table.begin(), table.end(),
                                [](const EventPattern& p) { return p.kind == EventKind::HashMismatch; });
  ASSERT_NE(row, table.end());
  const size_t index = static_cast<size_t>(row - table.begin());
  EXPECT_EQ(prefilter().keys()[index].size(), 2u);
  for (const std::string text : {"'client.msi' hash value from manifest doesn't match the file",
                                 "'client.msi' hash value from manifest does not match the file"}) {
    ASSERT_TRUE(RE2::PartialMatch(text, *compiledRows()[index])) << text;
    std::vector<int> rows;
    ASSERT_TRUE(prefilter().candidateRows(text, rows));
    EXPECT_TRUE(listed(rows, index)) << text;
  }
}

TEST(PatternPrefilter, CannotTellBeyondAsciiWhereRe2FoldsCaseByUnicode) {
  // U+017F (long s) folds to 's': RE2 matches it, an ASCII word search would not.
  const std::string longS = "Succe\u017Fsfully created the ccmsetup service";
  const auto table = eventPatterns();
  const auto row = std::find_if(table.begin(), table.end(),
                                [](const EventPattern& p) { return p.kind == EventKind::ServiceCreated; });
  ASSERT_NE(row, table.end());
  ASSERT_TRUE(RE2::PartialMatch(longS, *compiledRows()[static_cast<size_t>(row - table.begin())]));
  std::vector<int> rows;
  EXPECT_FALSE(prefilter().candidateRows(longS, rows));
  std::vector<Event> events;
  EventClassifier().classify(longS, RecordIndex{0}, events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, EventKind::ServiceCreated);
}

}  // namespace
}  // namespace ccmlog::detail
