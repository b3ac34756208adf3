#include "ccmlog/basics.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

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
  EXPECT_FALSE(makeTimestamp(2023, 2, 29, 0, 0, 0, 0));  // not a leap year
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
  EXPECT_EQ(formatIso(*addMinutes(*t, 300), Zone::Utc), "2023-01-01T03:30:00.000Z");
  EXPECT_EQ(formatIso(*addMinutes(*t, -1440)), "2022-12-30T22:30:00.000");
}

TEST(Timestamp, ABiasThatLeavesTheCalendarGivesNoTime) {
  // Written by a log as 12-31-9999 23:59:59.999+300 and 01-01-1400 00:00:00.000-300.
  const auto last = makeTimestamp(9999, 12, 31, 23, 59, 59, 9'990'000);
  const auto first = makeTimestamp(1400, 1, 1, 0, 0, 0, 0);
  ASSERT_TRUE(last && first);
  EXPECT_FALSE(addMinutes(*last, 300));
  EXPECT_FALSE(addMinutes(*first, -300));
  EXPECT_EQ(formatIso(*addMinutes(*last, -300)), "9999-12-31T18:59:59.999");
  EXPECT_EQ(formatIso(*addMinutes(*first, 300)), "1400-01-01T05:00:00.000");
  EXPECT_EQ(addMinutes(*first, 0), first);
  EXPECT_FALSE(addMinutes(Timestamp{INT64_MAX}, -1));  // a tick count no reader makes
}

TEST(Timestamp, FormatsAnyTickCount) {
  EXPECT_EQ(formatIso(Timestamp{Timestamp::kEndTick}), "10000-01-01T00:00:00.000");
  EXPECT_EQ(formatIso(Timestamp{Timestamp::kFirstTick - 1}), "1399-12-31T23:59:59.9999999");
  EXPECT_EQ(formatIso(Timestamp{INT64_MAX}).substr(0, 6), "31197-");
  EXPECT_EQ(formatIso(Timestamp{INT64_MIN}).substr(0, 7), "-27258-");
}

TEST(Timestamp, EveryDayOfTheCalendarFormatsAsTheDateItWasMadeFrom) {
  // formatIso's own calendar against Boost's, which makeTimestamp asks.
  for (std::int64_t ticks = Timestamp::kFirstTick; ticks < Timestamp::kEndTick;
       ticks += Timestamp::kTicksPerDay) {
    const std::string iso = formatIso(Timestamp{ticks});
    const auto made = makeTimestamp(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                                    std::stoi(iso.substr(8, 2)), 0, 0, 0, 0);
    ASSERT_TRUE(made) << iso;
    ASSERT_EQ(made->ticks, ticks) << iso;
  }
}

TEST(Timestamp, FormatsTimesBeforeTheEpoch) {
  const auto t = makeTimestamp(1969, 12, 31, 23, 59, 59, 0);
  ASSERT_TRUE(t);
  EXPECT_LT(t->ticks, 0);
  EXPECT_EQ(formatIso(*t), "1969-12-31T23:59:59.000");
}

}  // namespace
}  // namespace ccmlog
