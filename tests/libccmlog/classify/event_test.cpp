#include "ccmlog/timeline.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace ccmlog {
namespace {

Event withFields(std::vector<EventField> fields) {
  return Event{EventKind::SetupFailed, RecordIndex{0}, std::move(fields)};
}

TEST(EventKindToString, GivesADistinctKebabCaseIdForEveryKind) {
  std::set<std::string_view> ids;
  // Benign is the last kind of the enumeration.
  for (int k = 0; k <= static_cast<int>(EventKind::Benign); ++k) {
    const std::string_view id = toString(static_cast<EventKind>(k));
    EXPECT_TRUE(ids.insert(id).second) << id << " used twice";
    EXPECT_FALSE(id.empty());
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string_view::npos) << id;
    EXPECT_NE(id.front(), '-');
    EXPECT_NE(id.back(), '-');
  }
  EXPECT_EQ(toString(EventKind::RunStarted), "run-started");
  EXPECT_EQ(toString(EventKind::SourceAccessFailed), "source-access-failed");
}

TEST(EventGet, ReturnsTheFieldOrEmpty) {
  const Event e = withFields({{"code", "0x80070005"}, {"path", R"(\\srv\share)"}});
  EXPECT_EQ(e.get("path"), R"(\\srv\share)");
  EXPECT_EQ(e.get("code"), "0x80070005");
  EXPECT_EQ(e.get("minutes"), "");
}

TEST(EventNumber, ParsesWholeDecimalFieldsOnly) {
  const Event e =
      withFields({{"pid", "2608"}, {"code", "-7"}, {"hex", "0x10"}, {"partial", "12a"}, {"empty", ""}});
  EXPECT_EQ(e.number("pid"), 2608);
  EXPECT_EQ(e.number("code"), -7);
  EXPECT_EQ(e.number("hex"), std::nullopt);
  EXPECT_EQ(e.number("partial"), std::nullopt);
  EXPECT_EQ(e.number("empty"), std::nullopt);
  EXPECT_EQ(e.number("absent"), std::nullopt);
}

TEST(EventCode, ParsesTheNotationsOfParseErrorCode) {
  const Event e = withFields({{"hex", "0x80070005"},
                              {"bare", "8007042C"},
                              {"signed", "-2145844844"},
                              {"win32", "5"},
                              {"word", "none"}});
  EXPECT_EQ(e.code("hex"), 0x80070005u);
  EXPECT_EQ(e.code("bare"), 0x8007042Cu);
  EXPECT_EQ(e.code("signed"), 0x80190194u);
  EXPECT_EQ(e.code("win32"), 0x80070005u);
  EXPECT_EQ(e.code("word"), std::nullopt);
  EXPECT_EQ(e.code("absent"), std::nullopt);
}

}  // namespace
}  // namespace ccmlog
