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
  switch (e.kind) {
    case EventKind::ServiceCreated: return PhaseStep{PhaseKind::ServiceHandoff, Progress};
    case EventKind::ServiceStarted: return PhaseStep{PhaseKind::ServiceHandoff, Success};

    case EventKind::LocationSearch:
    case EventKind::NoGoodDpLocation:
    case EventKind::HttpAuthChallenge:
    case EventKind::UrlCheckFailed:
    case EventKind::DpLocationFailed: return PhaseStep{PhaseKind::LocateSource, Progress};
    case EventKind::AllMpsTried:
    case EventKind::CertificateMissing: return PhaseStep{PhaseKind::LocateSource, Failure};

    case EventKind::DownloadStarted:
    case EventKind::DownloadProgress:
    case EventKind::BitsFileAdded:
    case EventKind::BitsDownloadStarted:
    case EventKind::WaitingForRetry:
    case EventKind::NextRetry:
    case EventKind::RetryTaskScheduled: return PhaseStep{PhaseKind::Download, Progress};
    case EventKind::DownloadComplete: return PhaseStep{PhaseKind::Download, Success};
    case EventKind::DownloadFailed:
    case EventKind::BitsUnavailable:
    case EventKind::SourceAccessFailed:
    case EventKind::SignatureInvalid:
    case EventKind::HashMismatch: return PhaseStep{PhaseKind::Download, Failure};

    case EventKind::PrerequisiteFailed: return PhaseStep{PhaseKind::Prerequisites, Failure};

    case EventKind::MsiAction:
    case EventKind::MsiError:
    case EventKind::RebootRequired: return PhaseStep{PhaseKind::ClientInstall, Progress};
    case EventKind::MsiReturnValue3:
    case EventKind::AlreadyRunning: return PhaseStep{PhaseKind::ClientInstall, Failure};
    case EventKind::MsiInstallSucceeded:
      return PhaseStep{isClientMsi(e.get("file")) ? PhaseKind::ClientInstall : PhaseKind::Prerequisites,
                       Success};
    case EventKind::MsiInstallFailed:
      return PhaseStep{isClientMsi(e.get("file")) ? PhaseKind::ClientInstall : PhaseKind::Prerequisites,
                       Failure};
    case EventKind::MsiExitCode:
    case EventKind::MsiStatus: {
      const auto code = e.number("exitcode");
      const bool ok = code && (*code == 0 || *code == 3010 || *code == 1641);
      return PhaseStep{PhaseKind::ClientInstall, ok ? Success : Failure};
    }

    case EventKind::ExitCode: {
      const auto code = e.number("code");
      return PhaseStep{PhaseKind::Exit, code && (*code == 0 || *code == 7) ? Success : Failure};
    }
    case EventKind::SetupFailed: return PhaseStep{PhaseKind::Exit, Failure};
    case EventKind::DeploymentStatus:
    case EventKind::ServiceStopped:
    case EventKind::ServiceDeleted: return PhaseStep{PhaseKind::Exit, Progress};

    default: return std::nullopt;
  }
}

}  // namespace ccmlog::detail
