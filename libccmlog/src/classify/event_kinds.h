// classify/event_kinds.h (internal): what ccmlog knows about each event kind, in one table.
//
// EventKind (timeline.h) names the kinds; the table in event_kinds.cpp holds,
// for each kind, in the enumeration's order:
//  - its id, the stable lower-case name outputs use (toString in timeline.h);
//  - the fields its events carry, each required (captured from every line of
//    the kind) or optional (from some): the named groups of the kind's rows in
//    event_patterns.cpp, which event_patterns_test.cpp checks against them;
//  - the step its events make in their run's phases (phaseStepOf in
//    timeline/event_phases.h reads it);
//  - whether its events come in large numbers: the timeline counts them and
//    lets them move runs and phases, but does not keep them as evidence.
// A new kind is a value in the enumeration and a row here (the table fails to
// compile without it); its lines are rows in event_patterns.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "ccmlog/timeline.h"

namespace ccmlog::detail {

/// A field an event kind carries.
struct KindField {
  std::string_view name;  ///< the pattern's group name, EventField::name
  bool required = true;   ///< captured from every line of the kind
};

/// A required field; optional("x") for an optional one.
constexpr KindField required(std::string_view name) { return {name, true}; }
constexpr KindField optional(std::string_view name) { return {name, false}; }

/// The fields of a kind, in the order timeline.h documents them (at most kMax).
class KindFields {
 public:
  static constexpr std::size_t kMax = 3;
  constexpr KindFields() = default;
  constexpr KindFields(std::initializer_list<KindField> fields) {
    for (const KindField& f : fields) fields_[size_++] = f;  // more than kMax fails to compile
  }
  constexpr const KindField* begin() const { return fields_.data(); }
  constexpr const KindField* end() const { return fields_.data() + size_; }
  constexpr std::size_t size() const { return size_; }

 private:
  std::array<KindField, kMax> fields_{};
  std::size_t size_ = 0;
};

enum class PhaseEffect : std::uint8_t { Progress, Success, Failure };

/// What an event does to its run's phases: moves one forward, completes it or fails it.
struct PhaseStep {
  PhaseKind phase;
  PhaseEffect effect;
};

/// How the step of a kind's events is decided: the same for every event of
/// the kind, or from a field of the event.
enum class PhaseRule : std::uint8_t {
  None,           ///< no step: outside any phase (banner, version, account, benign lines)
  Fixed,          ///< always `step`
  ByMsiFile,      ///< step.effect on step.phase when its file is the client's (client.msi, or none
                  ///< named), else on Prerequisites
  ByMsiExitCode,  ///< on step.phase: Success when its exitcode is 0, 3010 or 1641 (a reboot asked
                  ///< for), else Failure
  ByExitCode,     ///< on step.phase: Success when its code is 0 or 7 (reboot needed), else Failure
};

/// Everything ccmlog knows about one event kind but its patterns.
struct EventKindInfo {
  EventKind kind;
  std::string_view id;  ///< what toString gives: stable, lower-case, kebab-case
  KindFields fields;
  PhaseRule phaseRule = PhaseRule::None;
  PhaseStep step{};         ///< as phaseRule reads it; unused with None
  bool highVolume = false;  ///< counted and stepped, not kept as evidence
};

/// The table, indexed by kind: eventKinds()[static_cast<size_t>(k)].kind == k.
std::span<const EventKindInfo, kEventKindCount> eventKinds();

/// The row of `kind`, a value of the enumeration.
inline const EventKindInfo& kindInfo(EventKind kind) { return eventKinds()[static_cast<std::size_t>(kind)]; }

/// Whether events of `kind` come in such numbers that the timeline does not keep them.
inline bool isHighVolume(EventKind kind) { return kindInfo(kind).highVolume; }

}  // namespace ccmlog::detail
