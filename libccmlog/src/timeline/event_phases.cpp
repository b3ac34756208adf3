#include "timeline/event_phases.h"

#include "classify/text_case.h"

namespace ccmlog::detail {
namespace {

// Whether an MSI named in an event is the client's own (not a prerequisite).
bool isClientMsi(std::string_view file) {
  if (file.empty()) return true;
  return asciiLower(file).ends_with("client.msi");
}

}  // namespace

std::optional<PhaseStep> phaseStepOf(const Event& e) {
  using enum PhaseEffect;
  const EventKindInfo& kind = kindInfo(e.kind);
  const PhaseStep step = kind.step;
  switch (kind.phaseRule) {
    case PhaseRule::None:
      return std::nullopt;
    case PhaseRule::Fixed:
      return step;
    case PhaseRule::ByMsiFile:
      return PhaseStep{isClientMsi(e.get("file")) ? step.phase : PhaseKind::Prerequisites, step.effect};
    case PhaseRule::ByMsiExitCode: {
      const auto code = e.number("exitcode");
      const bool ok = code && (*code == 0 || *code == 3010 || *code == 1641);
      return PhaseStep{step.phase, ok ? Success : Failure};
    }
    case PhaseRule::ByExitCode: {
      const auto code = e.number("code");
      return PhaseStep{step.phase, code && (*code == 0 || *code == 7) ? Success : Failure};
    }
  }
  return std::nullopt;
}

}  // namespace ccmlog::detail
