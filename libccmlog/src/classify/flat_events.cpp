#include "classify/flat_events.h"

namespace ccmlog::detail {

Event FlatEvents::event(const FlatEvent& e) const {
  Event out{e.kind, e.record, {}};
  out.fields.reserve(e.fieldsEnd - e.fieldsStart);
  for (std::size_t f = e.fieldsStart; f < e.fieldsEnd; ++f)
    out.fields.push_back({fields_[f].name, std::string(text(fields_[f].value))});
  return out;
}

FlatEvent FlatEvents::copy(const FlatEvents& from, const FlatEvent& e) {
  FlatEvent copied{e.kind, e.record, fields_.size(), 0};
  for (std::size_t f = e.fieldsStart; f < e.fieldsEnd; ++f) {
    const Field& field = from.fields_[f];
    fields_.push_back({field.name, addText(from.text(field.value))});
  }
  copied.fieldsEnd = fields_.size();
  return copied;
}

}  // namespace ccmlog::detail
