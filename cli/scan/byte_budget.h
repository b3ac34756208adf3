// byte_budget.h: how many bytes the threads of a command may hold at once, together.
//
//   ByteBudget budget(256 << 20);                           // shared by every thread
//   ByteBudget::Reservation held = budget.reserve(bytes);   // waits until `bytes` fit
//   … read and analyze `bytes` …                            // given back when `held` goes
//
// scan reads a zipped machine's logs whole into memory: without a shared
// budget each of -j threads could hold a machine's 1 GiB limit at once (a zip
// bomb of a few MB). A reservation larger than the whole budget is granted
// when nothing else is held, so a large machine still runs, alone.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace ccmlog::cli {

class ByteBudget {
 public:
  explicit ByteBudget(std::uint64_t capacity) : capacity_(capacity) {}
  ByteBudget(const ByteBudget&) = delete;
  ByteBudget& operator=(const ByteBudget&) = delete;

  /// Bytes held until destroyed; movable, an empty one holds nothing.
  class Reservation {
   public:
    Reservation() = default;
    Reservation(Reservation&& other) noexcept : budget_(other.budget_), bytes_(other.bytes_) {
      other.budget_ = nullptr;
    }
    Reservation& operator=(Reservation&& other) noexcept {
      if (this != &other) {
        release();
        budget_ = other.budget_;
        bytes_ = other.bytes_;
        other.budget_ = nullptr;
      }
      return *this;
    }
    ~Reservation() { release(); }

   private:
    friend class ByteBudget;
    Reservation(ByteBudget* budget, std::uint64_t bytes) : budget_(budget), bytes_(bytes) {}
    void release() {
      if (budget_) budget_->release(bytes_);
      budget_ = nullptr;
    }
    ByteBudget* budget_ = nullptr;
    std::uint64_t bytes_ = 0;
  };

  /// Waits until `bytes` fit beside what is held (or nothing is held), then holds them.
  Reservation reserve(std::uint64_t bytes) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return held_ == 0 || held_ + bytes <= capacity_; });
    held_ += bytes;
    return Reservation(this, bytes);
  }

 private:
  void release(std::uint64_t bytes) {
    {
      const std::lock_guard lock(mutex_);
      held_ -= bytes;
    }
    freed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable freed_;
  std::uint64_t capacity_;
  std::uint64_t held_ = 0;
};

}  // namespace ccmlog::cli
