// classify/flat_events.h (internal): events kept flat, in one arena.
//
// An Event owns a vector of fields, and each field its value: keeping many
// events allocates for each, and freeing them costs as much again. A
// FlatEvents keeps the fields of many events in one vector and their values
// (and whatever text is kept beside them, such as the events' messages) one
// after another in one string; an event kept there is a FlatEvent, a few
// numbers that own nothing: its kind, its record and where its fields are.
// Keeping an event appends to memory next to the last one's, dropping events
// frees nothing per event, and clear() keeps the memory for the next ones.
//
// The pieces of a large log (file_pieces.h) keep their events in one until
// they are laid into the timeline, and the timeline keeps its evidence in one
// per run (timeline/event_store.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/timeline.h"

namespace ccmlog::detail {

/// Where a text is in a FlatEvents.
struct TextSpan {
  std::size_t offset = 0, length = 0;
};

/// An event kept in a FlatEvents; meaningful with that arena only.
struct FlatEvent {
  EventKind kind{};
  RecordIndex record{};
  std::size_t fieldsStart = 0, fieldsEnd = 0;  ///< in the arena's fields
};

/// Fields and texts of events kept flat (see above). Field names are views of
/// static storage, as EventField::name is, and are kept as such.
class FlatEvents {
 public:
  /// Keeps `event`'s fields; returns the event as kept.
  FlatEvent add(const Event& event) {
    FlatEvent e{event.kind, event.record, fields_.size(), 0};
    for (const EventField& f : event.fields) {
      fields_.push_back({f.name, {text_.size(), f.value.size()}});
      text_ += f.value;
    }
    e.fieldsEnd = fields_.size();
    return e;
  }
  /// Keeps `text` beside the fields' values (say, the message of an event).
  TextSpan addText(std::string_view text) {
    const TextSpan at{text_.size(), text.size()};
    text_ += text;
    return at;
  }
  std::string_view text(TextSpan at) const { return std::string_view(text_).substr(at.offset, at.length); }

  /// As Event::get: the first field of that name, or empty.
  std::string_view get(const FlatEvent& e, std::string_view name) const {
    for (std::size_t f = e.fieldsStart; f < e.fieldsEnd; ++f)
      if (fields_[f].name == name) return text(fields_[f].value);
    return {};
  }
  /// Makes `out` the event, reusing its memory (its fields and their strings).
  void read(const FlatEvent& e, Event& out) const {
    out.kind = e.kind;
    out.record = e.record;
    out.fields.resize(e.fieldsEnd - e.fieldsStart);
    for (std::size_t f = 0; f < out.fields.size(); ++f) {
      const Field& field = fields_[e.fieldsStart + f];
      out.fields[f].name = field.name;
      out.fields[f].value.assign(text(field.value));
    }
  }
  /// The event as an Event of its own.
  Event event(const FlatEvent& e) const;

  /// Copies `e`, kept in `from`, to the end of this arena; returns it as kept here.
  FlatEvent copy(const FlatEvents& from, const FlatEvent& e);
  /// Copies a text kept in `from` to the end of this arena; returns where it is here.
  TextSpan copyText(const FlatEvents& from, TextSpan at) { return addText(from.text(at)); }

  /// The bytes of values and texts kept; reserveText makes room for that many.
  std::size_t textSize() const { return text_.size(); }
  void reserveText(std::size_t bytes) { text_.reserve(bytes); }
  /// Forgets every event and text, keeping the memory.
  void clear() {
    fields_.clear();
    text_.clear();
  }

 private:
  struct Field {
    std::string_view name;  // static storage, as EventField::name
    TextSpan value;         // in text_
  };
  std::vector<Field> fields_;
  std::string text_;
};

}  // namespace ccmlog::detail
