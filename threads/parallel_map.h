// parallel_map.h: work spread over threads, results taken in order on the
// calling thread. This is where the threads of the faces live (the CLI's
// scan and analyze -j, the viewer's load); the library has none.
//
//   parallelMap<MachineScan, BundleReader>(machines.size(), jobs,
//       [&](BundleReader& bundles, size_t i) {                      // on a worker thread, with
//         return scanMachine(machines[i], options, bundles);        // that thread's own state
//       },
//       [&](size_t i, MachineScan& scan) { write(scan); },          // calling thread, i = 0, 1, 2, …
//       [&](size_t done) { progress.update(done); });                // calling thread, while it waits
//
// `take` sees the results in index order whatever the number of threads, so
// the output does not depend on it. Results that finish early wait in memory
// for the ones before them, at most 4 per thread: a thread does not start an
// index that far ahead of `take`, so memory stays bounded when `take` is slow.
// Threads take indexes in turn, so consecutive indexes tend to meet the same
// State. `work` must be safe to call from several threads, each with its own State.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ccmlog {

/// Runs work(state, i) for i in [0, count) on `threads` threads (at least
/// one), each with a default-constructed State of its own. `take(i, result)`
/// and `tick(done)` run on the calling thread; tick is called after each take
/// and at least every 100 ms while waiting.
template <typename T, typename State, typename Work, typename Take, typename Tick>
void parallelMap(std::size_t count, unsigned threads, Work work, Take take, Tick tick) {
  std::vector<std::optional<T>> slots(count);
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready, room;
  std::size_t done = 0;
  std::size_t taken = 0;  // results handed to take
  std::vector<std::jthread> workers;
  const std::size_t n = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  const std::size_t ahead = 4 * n;  // indexes a thread may start beyond `taken`
  for (std::size_t t = 0; t < n; ++t) {
    workers.emplace_back([&] {
      State state;
      for (std::size_t i; (i = next.fetch_add(1)) < count;) {
        {
          std::unique_lock lock(mutex);
          room.wait(lock, [&] { return i < taken + ahead; });
        }
        T result = work(state, i);
        {
          const std::lock_guard lock(mutex);
          slots[i] = std::move(result);
          ++done;
        }
        ready.notify_one();
      }
    });
  }
  for (std::size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mutex);
    while (!slots[i]) {
      if (!ready.wait_for(lock, std::chrono::milliseconds(100), [&] { return slots[i].has_value(); })) {
        const std::size_t finished = done;
        lock.unlock();
        tick(finished);
        lock.lock();
      }
    }
    T result = std::move(*slots[i]);
    slots[i].reset();
    taken = i + 1;
    const std::size_t finished = done;
    lock.unlock();
    room.notify_all();
    take(i, result);
    tick(finished);
  }
}

}  // namespace ccmlog
