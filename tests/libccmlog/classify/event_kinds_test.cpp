#include "classify/event_kinds.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "classify/event_patterns.h"

namespace ccmlog {
namespace {

using detail::EventKindInfo;
using detail::eventKinds;
using detail::kindInfo;
using detail::PhaseRule;

bool carries(const EventKindInfo& kind, std::string_view name) {
  return std::any_of(kind.fields.begin(), kind.fields.end(),
                     [&](const detail::KindField& f) { return f.name == name; });
}

TEST(EventKinds, HasTheRowOfEveryKindAtItsIndex) {
  for (size_t k = 0; k < kEventKindCount; ++k) {
    const auto kind = static_cast<EventKind>(k);
    EXPECT_EQ(eventKinds()[k].kind, kind);
    EXPECT_EQ(&kindInfo(kind), &eventKinds()[k]);
  }
}

TEST(EventKinds, ToStringGivesTheTablesId) {
  for (const EventKindInfo& kind : eventKinds()) EXPECT_EQ(toString(kind.kind), kind.id);
  EXPECT_EQ(toString(static_cast<EventKind>(kEventKindCount)), "unknown");
}

// The other way round, every row of a pattern captures only its kind's
// fields and all the required ones (event_patterns_test.cpp).
TEST(EventKinds, EveryFieldIsCapturedBySomeRowOfItsKind) {
  for (const EventKindInfo& kind : eventKinds()) {
    for (const detail::KindField& field : kind.fields) {
      bool captured = false;
      for (const detail::EventPattern& p : detail::eventPatterns()) {
        if (p.kind != kind.kind) continue;
        const RE2 re(p.pattern, detail::eventPatternOptions());
        captured = captured || re.NamedCapturingGroups().count(std::string(field.name)) > 0;
      }
      EXPECT_TRUE(captured) << kind.id << ": no row captures " << field.name;
    }
  }
}

TEST(EventKinds, AStepDecidedByAFieldNamesAFieldOfTheKind) {
  for (const EventKindInfo& kind : eventKinds()) {
    switch (kind.phaseRule) {
      case PhaseRule::ByMsiFile:
        EXPECT_TRUE(carries(kind, "file")) << kind.id;
        break;
      case PhaseRule::ByMsiExitCode:
        EXPECT_TRUE(carries(kind, "exitcode")) << kind.id;
        break;
      case PhaseRule::ByExitCode:
        EXPECT_TRUE(carries(kind, "code")) << kind.id;
        break;
      case PhaseRule::None:
      case PhaseRule::Fixed:
        break;
    }
  }
}

}  // namespace
}  // namespace ccmlog
