#include "read/envelope_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace ccmlog::detail {
namespace {

TEST(FieldParsers, BiasedTimeWithOneToSevenFractionDigits) {
  const auto a = parseBiasedTime("11:15:43.354+300");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->clock.hour, 11);
  EXPECT_EQ(a->clock.fractionTicks, 3'540'000);
  EXPECT_EQ(a->bias, 300);
  const auto b = parseBiasedTime("17:19:52.5701234");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->clock.fractionTicks, 5'701'234);
  EXPECT_FALSE(b->bias);
  const auto c = parseBiasedTime("01:02:03.4-330");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->clock.fractionTicks, 4'000'000);
  EXPECT_EQ(c->bias, -330);
}

// parseBiasedTime and parseMonthDayYear read ccmsetup's own shape
// ("HH:MM:SS.fff+B", "MM-DD-YYYY") themselves: they must say what the general
// rules say, on that shape and on every one-byte edit of it.
std::string sameAsTheGeneralRules(std::string_view text) {
  const auto a = parseBiasedTime(text);
  const auto b = parseAnyBiasedTime(text);
  if (!a || !b) return a.has_value() == b.has_value() ? "" : "one reads it, the other does not";
  const bool same = a->clock.hour == b->clock.hour && a->clock.minute == b->clock.minute &&
                    a->clock.second == b->clock.second && a->clock.fractionTicks == b->clock.fractionTicks &&
                    a->bias == b->bias && a->oddSign == b->oddSign && a->badBias == b->badBias;
  return same ? "" : "they read it differently";
}

TEST(FieldParsers, TheCommonShapeReadsAsTheGeneralRulesReadIt) {
  size_t read = 0;
  for (const std::string_view time :
       {"11:15:43.354+300", "00:00:00.000-0", "23:59:59.999+99", "99:99:99.999-999"}) {
    for (const std::string& text : test::oneByteEdits(time, "09:.+- x")) {
      EXPECT_EQ(sameAsTheGeneralRules(text), "") << text;
      read += parseBiasedTime(text).has_value();
    }
  }
  EXPECT_GT(read, 100u);
  for (const std::string& text : test::oneByteEdits("01-17-2023", "09-/ x")) {
    const auto a = parseMonthDayYear(text, '-');
    const auto b = parseAnyMonthDayYear(text, '-');
    ASSERT_EQ(a.has_value(), b.has_value()) << text;
    if (a) {
      EXPECT_TRUE(a->year == b->year && a->month == b->month && a->day == b->day) << text;
    }
  }
}

TEST(FieldParsers, BiasOfAnyWidthIncludingZeroes) {
  EXPECT_EQ(parseBiasedTime("16:52:13.000+000")->bias, 0);
  EXPECT_EQ(parseBiasedTime("16:52:13.000+00")->bias, 0);
  EXPECT_EQ(parseBiasedTime("22:55:38.363+480")->bias, 480);
}

TEST(FieldParsers, ScriptWrittenPlusMinusBiasIsReadAsNegativeAndFlagged) {
  const auto t = parseBiasedTime("10:00:00.000+-360");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->bias, -360);
  EXPECT_TRUE(t->oddSign);
}

TEST(FieldParsers, AbsurdBiasIsFlaggedNotApplied) {
  const auto t = parseBiasedTime("10:00:00.000+99999999999");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->bias);
  EXPECT_TRUE(t->badBias);
  EXPECT_TRUE(parseBiasedTime("10:00:00.000+1500")->badBias);
}

TEST(FieldParsers, MalformedTimesHaveNoShape) {
  EXPECT_FALSE(parseBiasedTime(""));
  EXPECT_FALSE(parseBiasedTime("10:00"));
  EXPECT_FALSE(parseBiasedTime("10:00:00."));
  EXPECT_FALSE(parseBiasedTime("10:00:00.000+"));
  EXPECT_FALSE(parseBiasedTime("10:00:00.000 garbage"));
}

TEST(FieldParsers, MonthDayYearPaddedOrNot) {
  const auto d = parseMonthDayYear("03-04-2009", '-');
  ASSERT_TRUE(d);
  EXPECT_EQ(d->month, 3);
  EXPECT_EQ(d->day, 4);
  EXPECT_EQ(d->year, 2009);
  const auto u = parseMonthDayYear("7-4-2021", '-');
  ASSERT_TRUE(u);
  EXPECT_EQ(u->month, 7);
  EXPECT_FALSE(parseMonthDayYear("03-04-09", '-'));
  EXPECT_FALSE(parseMonthDayYear("03/04/2009", '-'));
}

TEST(FieldParsers, LocaleDateTimeFormsFromCmtraceCopy) {
  const auto us = parseLocaleDateTime("3/4/2009 11:16:10 AM");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->date.month, 3);
  EXPECT_EQ(us->clock.hour, 11);
  EXPECT_TRUE(us->ambiguous);
  const auto pm = parseLocaleDateTime("3/4/2009 12:05:00 AM");
  ASSERT_TRUE(pm);
  EXPECT_EQ(pm->clock.hour, 0);
  EXPECT_EQ(parseLocaleDateTime("3/4/2009 1:05:00 PM")->clock.hour, 13);
  const auto dayFirst = parseLocaleDateTime("25-11-2010 16:26:12");
  ASSERT_TRUE(dayFirst);
  EXPECT_EQ(dayFirst->date.month, 11);
  EXPECT_EQ(dayFirst->date.day, 25);
  EXPECT_FALSE(dayFirst->ambiguous);
  EXPECT_FALSE(parseLocaleDateTime("09/09/2022 14:07:21")->ambiguous);  // same either way
  EXPECT_FALSE(parseLocaleDateTime("3/4/2009 13:00:00 PM"));
  EXPECT_FALSE(parseLocaleDateTime("ccmsetup 3/4/2009"));
}

// docs/ccmsetup-logs.md#excerpts: a Japanese-locale copy writes the year first.
TEST(FieldParsers, LocaleDateTimeYearFirst) {
  const auto jp = parseLocaleDateTime("2022/05/02 14:43:58");
  ASSERT_TRUE(jp);
  EXPECT_EQ(jp->date.year, 2022);
  EXPECT_EQ(jp->date.month, 5);
  EXPECT_EQ(jp->date.day, 2);
  EXPECT_FALSE(jp->ambiguous);
  EXPECT_FALSE(parseLocaleDateTime("202/05/02 14:43:58"));  // three digits: neither a day nor a year
  EXPECT_FALSE(parseLocaleDateTime("2022/05/2022 14:43:58"));
}

TEST(FieldParsers, MsiClockWithColonMilliseconds) {
  const auto t = parseClock("07:33:22:653");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->second, 22);
  EXPECT_EQ(t->fractionTicks, 6'530'000);
  EXPECT_TRUE(parseClock("7:33:32"));
  EXPECT_FALSE(parseClock("7:33"));
}

}  // namespace
}  // namespace ccmlog::detail
