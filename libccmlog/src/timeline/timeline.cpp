#include "ccmlog/timeline.h"

namespace ccmlog {

std::string_view toString(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Bootstrap:
      return "bootstrap";
    case PhaseKind::ServiceHandoff:
      return "service-handoff";
    case PhaseKind::LocateSource:
      return "locate-source";
    case PhaseKind::Download:
      return "download";
    case PhaseKind::Prerequisites:
      return "prerequisites";
    case PhaseKind::ClientInstall:
      return "client-install";
    case PhaseKind::Exit:
      return "exit";
  }
  return "unknown";
}

std::string_view toString(PhaseState state) {
  switch (state) {
    case PhaseState::Succeeded:
      return "succeeded";
    case PhaseState::Failed:
      return "failed";
    case PhaseState::Incomplete:
      return "incomplete";
  }
  return "unknown";
}

std::string_view toString(OutcomeStatus status) {
  switch (status) {
    case OutcomeStatus::Success:
      return "success";
    case OutcomeStatus::Failed:
      return "failed";
    case OutcomeStatus::RebootRequired:
      return "reboot-required";
    case OutcomeStatus::InProgress:
      return "in-progress";
    case OutcomeStatus::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view toString(Operation operation) {
  switch (operation) {
    case Operation::Install:
      return "install";
    case Operation::Upgrade:
      return "upgrade";
    case Operation::Repair:
      return "repair";
    case Operation::Uninstall:
      return "uninstall";
  }
  return "unknown";
}

}  // namespace ccmlog
