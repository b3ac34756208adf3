// timeline/event_store.h (internal): the events a timeline keeps, bounded.
//
// A log may repeat a line a million times, or hold thousands of runs; the
// timeline must still fit in memory and a snapshot of it cost little. So of
// each run, and of each event kind in it, the store keeps:
//  - the first kKeptPerKind events (how it began),
//  - the last kKeptPerKind events (how it ended), in a ring, and
//  - their count, in Run::eventCounts (the builder's),
// and the TimelineBuilder drops its oldest runs once all of them together keep
// more than kMaxKeptEvents (Timeline::omittedRuns counts them). A log that
// repeats a line a million times then costs no more than one that repeats it
// 2 * kKeptPerKind times.
//
// A run's kept events (RunEvents) are flat: an event owns no memory of its
// own, its evidence text and field values follow one another in one string,
// so keeping one appends to memory next to the last one's, and dropping a
// run's events costs nothing per event. The memory of dropped runs is reused
// for new ones (SpareRunEvents).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ccmlog/timeline.h"
#include "classify/flat_events.h"

namespace ccmlog::detail {

/// Of each kind in a run, the first and the last this many events are kept.
inline constexpr std::size_t kKeptPerKind = 64;
/// Beyond this many kept events over all runs, the builder drops the oldest runs.
inline constexpr std::size_t kMaxKeptEvents = 20000;
/// A kept event's evidence text is its message's first this many bytes.
inline constexpr std::size_t kEvidenceTextLimit = 1024;

/// A kept event, compact: its kind, record and fields (FlatEvent) and its
/// evidence text are in its run's RunEvents, and it owns no memory, so that
/// dropping a run's events costs nothing per event (and touches none of them).
struct KeptEvent : FlatEvent {
  std::uint64_t seq = 0;  ///< arrival order across all runs
  bool dead = false;      ///< overwritten in its kind's ring: not kept after all
  Location where;
  TextSpan message;  ///< its evidence text
  // What the builder notes for a download (DownloadStarted / BitsFileAdded).
  std::uint64_t completionsBefore = 0;     ///< the run's DownloadComplete events before this one
  std::optional<std::uint32_t> errorCode;  ///< the code of the DownloadFailed that followed it
};
static_assert(std::is_trivially_destructible_v<KeptEvent>);

/// A run's kept events in arrival order, their texts and fields in one
/// FlatEvents. Keeping an event appends to both, so the memory it writes follows
/// the last event's: a run reuses the memory of a run dropped long ago, out of
/// every cache, and in order the hardware fetches it ahead (a slot per event,
/// scattered, costs far more in cache misses). Of each kind the first
/// kKeptPerKind events are kept, then a ring of the kKeptPerKind most recent:
/// an event the ring drops is marked dead, and the dead are swept out before
/// they are many, so memory stays bounded.
class RunEvents {
 public:
  /// Keeps `event` (seen at `at`, its message `message`) as number `seq`;
  /// returns it, and whether it grew the number of kept events (false when
  /// it took the place of an older event of its kind in the ring).
  std::pair<KeptEvent*, bool> keep(std::uint64_t seq, const Event& event, const Location& at,
                                   std::string_view message);
  /// Calls f(const KeptEvent&) for each event kept, in arrival order.
  template <typename F>
  void forEach(F&& f) const {
    for (const KeptEvent& e : events_)
      if (!e.dead) f(e);
  }
  /// The kept event of that sequence number, if it is still kept.
  KeptEvent* find(std::uint64_t seq);
  /// Empties it for another run, keeping its memory.
  void clear();

  /// As Event::get: the first field of that name, or empty.
  std::string_view get(const KeptEvent& e, std::string_view name) const { return flat_.get(e, name); }
  /// The event as the timeline shows it, its texts copied out.
  TimelineEvent timelineEvent(const KeptEvent& e) const;

 private:
  // The dead are swept out once they are a quarter of the living (and at
  // least this many): sweeping copies the living, four times an event at
  // most, and the dead add at most a quarter to what a run keeps.
  static constexpr std::size_t kSweepAtLeast = 32;
  struct Kind {
    std::size_t heads = 0;
    std::vector<std::size_t> recent;  // indexes in events_, a ring once full
    std::size_t nextRecent = 0;       // the ring slot to overwrite next
  };
  void sweep();  // moves the living events (and their texts and fields) together, in order

  std::vector<KeptEvent> events_;
  FlatEvents flat_;  // their fields and evidence texts
  std::array<Kind, kEventKindCount> kinds_{};
  std::vector<EventKind> usedKinds_;  // the kinds with events: what clear() resets
  std::size_t dead_ = 0;
};

/// The RunEvents of dropped runs, cleared, waiting for new runs to use their
/// memory; at most a few wait, the rest are freed.
class SpareRunEvents {
 public:
  /// A spare one, or a new one when none is left.
  std::unique_ptr<RunEvents> take();
  /// Keeps `events` (cleared) for a later take(), or frees them when enough wait.
  void give(std::unique_ptr<RunEvents> events);

 private:
  static constexpr std::size_t kSpares = 4;
  std::vector<std::unique_ptr<RunEvents>> spares_;
};

/// Asks the processor to fetch [p, p + size) into cache, without waiting for
/// it: memory about to be touched that was last touched long ago.
inline void prefetch(const void* p, std::size_t size) {
  constexpr std::size_t kCacheLine = 64;
  for (std::size_t at = 0; at < size; at += kCacheLine) __builtin_prefetch(static_cast<const char*>(p) + at);
}

}  // namespace ccmlog::detail
