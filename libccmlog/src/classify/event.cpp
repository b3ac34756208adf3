#include "ccmlog/timeline.h"

#include <charconv>

#include "ccmlog/error_codes.h"

namespace ccmlog {

std::string_view toString(EventKind kind) {
  switch (kind) {
    case EventKind::RunStarted: return "run-started";
    case EventKind::Version: return "version";
    case EventKind::LaunchFolder: return "launch-folder";
    case EventKind::CommandLine: return "command-line";
    case EventKind::RunningAsUser: return "running-as-user";
    case EventKind::FreeDiskSpace: return "free-disk-space";
    case EventKind::ServiceCreated: return "service-created";
    case EventKind::ServiceStarted: return "service-started";
    case EventKind::ServiceStopped: return "service-stopped";
    case EventKind::ServiceDeleted: return "service-deleted";
    case EventKind::InServiceMain: return "in-service-main";
    case EventKind::DownloadStarted: return "download-started";
    case EventKind::DownloadProgress: return "download-progress";
    case EventKind::DownloadComplete: return "download-complete";
    case EventKind::BitsFileAdded: return "bits-file-added";
    case EventKind::BitsDownloadStarted: return "bits-download-started";
    case EventKind::DownloadFailed: return "download-failed";
    case EventKind::BitsUnavailable: return "bits-unavailable";
    case EventKind::LocationSearch: return "location-search";
    case EventKind::NoGoodDpLocation: return "no-good-dp-location";
    case EventKind::DpLocationFailed: return "dp-location-failed";
    case EventKind::AllMpsTried: return "all-mps-tried";
    case EventKind::HttpAuthChallenge: return "http-auth-challenge";
    case EventKind::UrlCheckFailed: return "url-check-failed";
    case EventKind::SourceAccessFailed: return "source-access-failed";
    case EventKind::WaitingForRetry: return "waiting-for-retry";
    case EventKind::NextRetry: return "next-retry";
    case EventKind::RetryTaskScheduled: return "retry-task-scheduled";
    case EventKind::MsiAction: return "msi-action";
    case EventKind::MsiInstallFailed: return "msi-install-failed";
    case EventKind::MsiInstallSucceeded: return "msi-install-succeeded";
    case EventKind::MsiReturnValue3: return "msi-return-value-3";
    case EventKind::MsiError: return "msi-error";
    case EventKind::MsiExitCode: return "msi-exit-code";
    case EventKind::MsiStatus: return "msi-status";
    case EventKind::MsiProduct: return "msi-product";
    case EventKind::UninstallSucceeded: return "uninstall-succeeded";
    case EventKind::PrerequisiteFailed: return "prerequisite-failed";
    case EventKind::CertificateMissing: return "certificate-missing";
    case EventKind::SignatureInvalid: return "signature-invalid";
    case EventKind::HashMismatch: return "hash-mismatch";
    case EventKind::RebootRequired: return "reboot-required";
    case EventKind::AlreadyRunning: return "already-running";
    case EventKind::ExitCode: return "exit-code";
    case EventKind::SetupFailed: return "setup-failed";
    case EventKind::DeploymentStatus: return "deployment-status";
    case EventKind::KnowledgeLine: return "knowledge-line";
    case EventKind::Benign: return "benign";
  }
  return "unknown";  // a value cast from outside the enumeration
}

std::string_view Event::get(std::string_view name) const {
  for (const EventField& f : fields)
    if (f.name == name) return f.value;
  return {};
}

std::optional<std::int64_t> Event::number(std::string_view name) const {
  const std::string_view text = get(name);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint32_t> Event::code(std::string_view name) const {
  return parseErrorCode(get(name));
}

}  // namespace ccmlog
