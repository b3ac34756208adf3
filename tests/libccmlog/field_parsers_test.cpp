#include "field_parsers.h"

#include <gtest/gtest.h>

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

// ccmsetup's own shape ("HH:MM:SS.fff+B", "MM-DD-YYYY") is read in one pass;
// it must read as the same time written in a shape the general rules read.
TEST(FieldParsers, TheCommonShapeReadsAsTheSameTimeInAnyOther) {
  const struct {
    std::string_view common, general;
  } times[] = {
      {"11:15:43.354+300", "11:15:43.3540+300"}, {"11:15:43.354+300", "11:15:43.354+0300"},
      {"00:00:00.000+0", "00:00:00.0000000+0000"}, {"23:59:59.999-999", "23:59:59.9990-999"},
      {"16:52:13.000-0", "16:52:13.0+0"},         {"99:99:99.999+1", "99:99:99.9990+0001"},
      {"07:05:01.020-60", "7:5:1.02-060"},
  };
  for (const auto& [common, general] : times) {
    const auto a = parseBiasedTime(common);
    const auto b = parseBiasedTime(general);
    ASSERT_TRUE(a && b) << common;
    EXPECT_EQ(a->clock.hour, b->clock.hour) << common;
    EXPECT_EQ(a->clock.minute, b->clock.minute) << common;
    EXPECT_EQ(a->clock.second, b->clock.second) << common;
    EXPECT_EQ(a->clock.fractionTicks, b->clock.fractionTicks) << common;
    EXPECT_EQ(a->bias, b->bias) << common;
    EXPECT_EQ(a->oddSign, b->oddSign) << common;
    EXPECT_EQ(a->badBias, b->badBias) << common;
  }
  for (const std::string_view odd : {"11:15:43.354+-30", "11:15:43.35x+300", "11:15:43,354+300", "11:15:43.354+30x"}) {
    const auto t = parseBiasedTime(odd);
    EXPECT_TRUE(!t || t->oddSign) << odd;  // not read as a plain common time
  }
  const auto a = parseMonthDayYear("01-17-2023", '-');
  const auto b = parseMonthDayYear("1-17-2023", '-');
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->year, b->year);
  EXPECT_EQ(a->month, b->month);
  EXPECT_EQ(a->day, b->day);
  EXPECT_FALSE(parseMonthDayYear("01-17-2O23", '-'));
  EXPECT_FALSE(parseMonthDayYear("01/17/2023", '-'));
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
