#include "timeline/event_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ccmlog {
namespace {

using detail::KeptEvent;
using detail::kEvidenceTextLimit;
using detail::kKeptPerKind;
using detail::RunEvents;
using detail::SpareRunEvents;

Event eventOf(EventKind kind, std::uint64_t record, std::string value) {
  return Event{kind, RecordIndex{record}, {{"code", std::move(value)}}};
}

// Keeps `count` events of `kind`, numbered from `seq` on; returns how many grew the store.
size_t keepMany(RunEvents& events, EventKind kind, std::uint64_t& seq, size_t count) {
  size_t grew = 0;
  for (size_t i = 0; i < count; ++i, ++seq) {
    const std::string text = std::to_string(seq);
    grew += events.keep(seq, eventOf(kind, seq, text), Location{}, "message " + text).second;
  }
  return grew;
}

std::vector<std::uint64_t> keptSeqs(const RunEvents& events) {
  std::vector<std::uint64_t> seqs;
  events.forEach([&](const KeptEvent& e) { seqs.push_back(e.seq); });
  return seqs;
}

TEST(RunEvents, KeepsTheFirstAndTheLastEventsOfAKind) {
  RunEvents events;
  std::uint64_t seq = 0;
  const size_t total = 10 * kKeptPerKind;
  EXPECT_EQ(keepMany(events, EventKind::SetupFailed, seq, total), 2 * kKeptPerKind);
  std::vector<std::uint64_t> expected;
  for (std::uint64_t s = 0; s < kKeptPerKind; ++s) expected.push_back(s);
  for (std::uint64_t s = total - kKeptPerKind; s < total; ++s) expected.push_back(s);
  EXPECT_EQ(keptSeqs(events), expected);
}

TEST(RunEvents, BoundsEachKindApart) {
  RunEvents events;
  std::uint64_t seq = 0;
  EXPECT_EQ(keepMany(events, EventKind::SetupFailed, seq, 5 * kKeptPerKind), 2 * kKeptPerKind);
  EXPECT_EQ(keepMany(events, EventKind::ExitCode, seq, 3), 3u);
  EXPECT_EQ(keptSeqs(events).size(), 2 * kKeptPerKind + 3);
}

TEST(RunEvents, TextsAndFieldsSurviveSweeps) {
  RunEvents events;
  std::uint64_t seq = 0;
  keepMany(events, EventKind::SetupFailed, seq, 20 * kKeptPerKind);  // sweeps many times
  events.forEach([&](const KeptEvent& e) {
    const TimelineEvent shown = events.timelineEvent(e);
    EXPECT_EQ(shown.text, "message " + std::to_string(e.seq));
    EXPECT_EQ(events.get(e, "code"), std::to_string(e.seq));
    EXPECT_EQ(events.get(e, "absent"), "");
    EXPECT_EQ(shown.event.kind, EventKind::SetupFailed);
    EXPECT_EQ(shown.event.record, RecordIndex{e.seq});
    EXPECT_EQ(shown.event.get("code"), std::to_string(e.seq));
  });
}

TEST(RunEvents, FindsOnlyEventsStillKept) {
  RunEvents events;
  std::uint64_t seq = 0;
  keepMany(events, EventKind::SetupFailed, seq, 4 * kKeptPerKind);
  ASSERT_NE(events.find(0), nullptr);
  EXPECT_EQ(events.find(0)->seq, 0u);
  EXPECT_EQ(events.find(kKeptPerKind), nullptr);  // dropped by the ring
  ASSERT_NE(events.find(seq - 1), nullptr);
  EXPECT_EQ(events.find(seq), nullptr);  // never kept
}

TEST(RunEvents, KeepsTheStartOfALongMessage) {
  RunEvents events;
  const std::string message(3 * kEvidenceTextLimit, 'x');
  const auto [kept, grew] = events.keep(0, eventOf(EventKind::SetupFailed, 0, "1"), Location{}, message);
  EXPECT_TRUE(grew);
  EXPECT_EQ(events.timelineEvent(*kept).text, message.substr(0, kEvidenceTextLimit));
  EXPECT_EQ(events.get(*kept, "code"), "1");
}

TEST(RunEvents, ClearedItKeepsAfreshFirstEvents) {
  RunEvents events;
  std::uint64_t seq = 0;
  keepMany(events, EventKind::SetupFailed, seq, 3 * kKeptPerKind);
  events.clear();
  EXPECT_TRUE(keptSeqs(events).empty());
  EXPECT_EQ(keepMany(events, EventKind::SetupFailed, seq, 2 * kKeptPerKind), 2 * kKeptPerKind);
}

TEST(SpareRunEvents, GivesBackClearedEventsThenNewOnes) {
  SpareRunEvents spares;
  auto events = spares.take();
  ASSERT_NE(events, nullptr);
  std::uint64_t seq = 0;
  keepMany(*events, EventKind::ExitCode, seq, 3);
  const RunEvents* given = events.get();
  spares.give(std::move(events));
  spares.give(nullptr);  // a run that kept nothing
  const auto again = spares.take();
  EXPECT_EQ(again.get(), given);
  EXPECT_TRUE(keptSeqs(*again).empty());
  EXPECT_NE(spares.take(), nullptr);
}

}  // namespace
}  // namespace ccmlog
