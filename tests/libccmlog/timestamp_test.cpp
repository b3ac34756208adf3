#include "ccmlog/timestamp.h"

#include <gtest/gtest.h>

namespace ccmlog {
namespace {

TEST(Timestamp, FormatsCalendarFieldsAsIso) {
  const auto t = makeTimestamp(2009, 3, 4, 11, 16, 10, 1'230'000);
  ASSERT_TRUE(t);
  EXPECT_EQ(formatIso(*t), "2009-03-04T11:16:10.123");
  EXPECT_EQ(formatIso(*t, Zone::Utc), "2009-03-04T11:16:10.123Z");
}

TEST(Timestamp, KeepsSevenFractionDigitsWhenPresent) {
  const auto t = makeTimestamp(2021, 7, 14, 8, 52, 46, 5'701'234);
  ASSERT_TRUE(t);
  EXPECT_EQ(formatIso(*t), "2021-07-14T08:52:46.5701234");
}

TEST(Timestamp, RejectsImpossibleFields) {
  EXPECT_FALSE(makeTimestamp(2023, 2, 29, 0, 0, 0, 0));   // not a leap year
  EXPECT_TRUE(makeTimestamp(2024, 2, 29, 0, 0, 0, 0));
  EXPECT_FALSE(makeTimestamp(2023, 13, 1, 0, 0, 0, 0));
  EXPECT_FALSE(makeTimestamp(2023, 1, 1, 24, 0, 0, 0));
  EXPECT_FALSE(makeTimestamp(2023, 1, 1, 99, 99, 99, 0));
  EXPECT_FALSE(makeTimestamp(0, 13, 45, 0, 0, 0, 0));
}

TEST(Timestamp, TheSameDateTwiceOrAfterAnotherGivesTheSameAnswer) {
  // makeTimestamp and formatIso remember the last date: it must never leak into another.
  EXPECT_FALSE(makeTimestamp(0, 0, 0, 0, 0, 0, 0));
  const auto a = makeTimestamp(2023, 1, 17, 9, 15, 43, 0);
  EXPECT_FALSE(makeTimestamp(2023, 1, 17, 24, 0, 0, 0));
  EXPECT_EQ(makeTimestamp(2023, 1, 17, 9, 15, 43, 0), a);
  EXPECT_FALSE(makeTimestamp(2023, 2, 30, 9, 15, 43, 0));
  const auto b = makeTimestamp(2023, 1, 18, 9, 15, 43, 0);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(b->ticks - a->ticks, 24LL * 3600 * Timestamp::kTicksPerSecond);
  EXPECT_EQ(formatIso(*a), "2023-01-17T09:15:43.000");
  EXPECT_EQ(formatIso(*b), "2023-01-18T09:15:43.000");
  EXPECT_EQ(formatIso(*a, Zone::Utc), "2023-01-17T09:15:43.000Z");
  EXPECT_EQ(formatIso(Timestamp{0}), "1970-01-01T00:00:00.000");
}

TEST(Timestamp, AddingABiasCrossesMidnightAndYearEnd) {
  const auto t = makeTimestamp(2022, 12, 31, 22, 30, 0, 0);
  ASSERT_TRUE(t);
  EXPECT_EQ(formatIso(addMinutes(*t, 300), Zone::Utc), "2023-01-01T03:30:00.000Z");
  EXPECT_EQ(formatIso(addMinutes(*t, -1440)), "2022-12-30T22:30:00.000");
}

TEST(Timestamp, FormatsTimesBeforeTheEpoch) {
  const auto t = makeTimestamp(1969, 12, 31, 23, 59, 59, 0);
  ASSERT_TRUE(t);
  EXPECT_LT(t->ticks, 0);
  EXPECT_EQ(formatIso(*t), "1969-12-31T23:59:59.000");
}

}  // namespace
}  // namespace ccmlog
