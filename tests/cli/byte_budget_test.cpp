#include "scan/byte_budget.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace ccmlog::cli {
namespace {

using namespace std::chrono_literals;

TEST(ByteBudget, AReservationWaitsUntilItFits) {
  ByteBudget budget(100);
  auto first = budget.reserve(60);
  std::atomic<bool> granted = false;
  std::thread second([&] {
    auto held = budget.reserve(60);
    granted = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(granted);              // 60 + 60 > 100
  auto small = budget.reserve(40);    // fits beside the first
  first = ByteBudget::Reservation();  // gives the 60 back
  small = ByteBudget::Reservation();
  second.join();
  EXPECT_TRUE(granted);
}

TEST(ByteBudget, OneReservationLargerThanTheBudgetRunsAlone) {
  ByteBudget budget(100);
  { auto large = budget.reserve(1000); }  // nothing else held: granted
  auto small = budget.reserve(10);
  std::atomic<bool> granted = false;
  std::thread large([&] {
    auto held = budget.reserve(1000);
    granted = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(granted);
  small = ByteBudget::Reservation();
  large.join();
  EXPECT_TRUE(granted);
}

}  // namespace
}  // namespace ccmlog::cli
