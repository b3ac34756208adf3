#include "timeline/event_store.h"

#include <algorithm>

namespace ccmlog::detail {

std::pair<KeptEvent*, bool> RunEvents::keep(std::uint64_t seq, const Event& event, const Location& at,
                                            std::string_view message) {
  Kind& kind = kinds_[static_cast<size_t>(event.kind)];
  bool grew = true;
  if (kind.heads == 0 && kind.recent.empty()) usedKinds_.push_back(event.kind);
  if (kind.heads == kKeptPerKind) {
    if (kind.recent.size() < kKeptPerKind) {
      kind.recent.push_back(events_.size());
    } else {
      events_[kind.recent[kind.nextRecent]].dead = true;
      ++dead_;
      kind.recent[kind.nextRecent] = events_.size();
      kind.nextRecent = (kind.nextRecent + 1) % kKeptPerKind;
      grew = false;
    }
  } else {
    ++kind.heads;
  }
  KeptEvent& e = events_.emplace_back();
  e.seq = seq;
  e.where = at;
  e.message = flat_.addText(message.substr(0, kEvidenceTextLimit));
  static_cast<FlatEvent&>(e) = flat_.add(event);
  if (dead_ >= kSweepAtLeast && dead_ * 4 >= events_.size() - dead_) sweep();
  return {&events_.back(), grew};
}

KeptEvent* RunEvents::find(std::uint64_t seq) {
  const auto at = std::lower_bound(events_.begin(), events_.end(), seq,
                                   [](const KeptEvent& e, std::uint64_t s) { return e.seq < s; });
  return at != events_.end() && at->seq == seq && !at->dead ? &*at : nullptr;
}

void RunEvents::clear() {
  events_.clear();
  flat_.clear();
  for (const EventKind used : usedKinds_) {
    Kind& kind = kinds_[static_cast<size_t>(used)];
    kind.heads = kind.nextRecent = 0;
    kind.recent.clear();
  }
  usedKinds_.clear();
  dead_ = 0;
}

TimelineEvent RunEvents::timelineEvent(const KeptEvent& e) const {
  return TimelineEvent{flat_.event(e), e.where, std::string(flat_.text(e.message))};
}

void RunEvents::sweep() {
  std::vector<size_t> newIndex(events_.size());
  FlatEvents flat;
  flat.reserveText(flat_.textSize() / 2);
  size_t n = 0;
  for (size_t i = 0; i < events_.size(); ++i) {
    KeptEvent e = events_[i];
    if (e.dead) continue;
    e.message = flat.copyText(flat_, e.message);
    static_cast<FlatEvent&>(e) = flat.copy(flat_, e);
    newIndex[i] = n;
    events_[n++] = e;
  }
  events_.resize(n);
  flat_ = std::move(flat);
  for (const EventKind used : usedKinds_)
    for (size_t& index : kinds_[static_cast<size_t>(used)].recent) index = newIndex[index];
  dead_ = 0;
}

std::unique_ptr<RunEvents> SpareRunEvents::take() {
  if (spares_.empty()) return std::make_unique<RunEvents>();
  auto events = std::move(spares_.back());
  spares_.pop_back();
  return events;
}

void SpareRunEvents::give(std::unique_ptr<RunEvents> events) {
  if (!events || spares_.size() >= kSpares) return;
  events->clear();
  spares_.push_back(std::move(events));
}

}  // namespace ccmlog::detail
