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
  e.kind = event.kind;
  e.record = event.record;
  e.where = at;
  message = message.substr(0, kEvidenceTextLimit);
  e.messageOffset = text_.size();
  e.messageLength = message.size();
  text_ += message;
  e.fieldsStart = fields_.size();
  for (const EventField& f : event.fields) {
    fields_.push_back({f.name, text_.size(), f.value.size()});
    text_ += f.value;
  }
  e.fieldsEnd = fields_.size();
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
  fields_.clear();
  text_.clear();
  for (const EventKind used : usedKinds_) {
    Kind& kind = kinds_[static_cast<size_t>(used)];
    kind.heads = kind.nextRecent = 0;
    kind.recent.clear();
  }
  usedKinds_.clear();
  dead_ = 0;
}

std::string_view RunEvents::get(const KeptEvent& e, std::string_view name) const {
  for (size_t f = e.fieldsStart; f < e.fieldsEnd; ++f)
    if (fields_[f].name == name) return value(fields_[f]);
  return {};
}

TimelineEvent RunEvents::timelineEvent(const KeptEvent& e) const {
  TimelineEvent out{Event{e.kind, e.record, {}}, e.where, std::string(text_, e.messageOffset, e.messageLength)};
  out.event.fields.reserve(e.fieldsEnd - e.fieldsStart);
  for (size_t f = e.fieldsStart; f < e.fieldsEnd; ++f)
    out.event.fields.push_back({fields_[f].name, std::string(value(fields_[f]))});
  return out;
}

void RunEvents::sweep() {
  std::vector<size_t> newIndex(events_.size());
  std::vector<Field> fields;
  std::string text;
  text.reserve(text_.size() / 2);
  size_t n = 0;
  for (size_t i = 0; i < events_.size(); ++i) {
    KeptEvent e = events_[i];
    if (e.dead) continue;
    const size_t fieldsStart = fields.size();
    const auto move = [&](size_t& offset, size_t length) {
      const size_t moved = text.size();
      text.append(text_, offset, length);
      offset = moved;
    };
    move(e.messageOffset, e.messageLength);
    for (size_t f = e.fieldsStart; f < e.fieldsEnd; ++f) {
      Field field = fields_[f];
      move(field.offset, field.length);
      fields.push_back(field);
    }
    e.fieldsStart = fieldsStart;
    e.fieldsEnd = fields.size();
    newIndex[i] = n;
    events_[n++] = e;
  }
  events_.resize(n);
  fields_ = std::move(fields);
  text_ = std::move(text);
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
