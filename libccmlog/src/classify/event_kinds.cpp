#include "classify/event_kinds.h"

#include <array>

namespace ccmlog {
namespace detail {
namespace {

constexpr bool kHighVolume = true;
using enum PhaseKind;
using enum PhaseEffect;
using enum PhaseRule;

// One row per kind, in the enumeration's order (checked below). The fields are
// those documented on EventKind in timeline.h.
// A table: one kind a row.
// clang-format off
constexpr std::array<EventKindInfo, kEventKindCount> kKinds{{
    {EventKind::RunStarted, "run-started", {required("pid")}},
    {EventKind::Version, "version", {required("version")}},
    {EventKind::LaunchFolder, "launch-folder", {required("folder")}},
    {EventKind::CommandLine, "command-line", {required("commandline")}},
    {EventKind::RunningAsUser, "running-as-user", {required("user")}},
    {EventKind::FreeDiskSpace, "free-disk-space", {required("mb")}},
    {EventKind::ServiceCreated, "service-created", {}, Fixed, {ServiceHandoff, Progress}},
    {EventKind::ServiceStarted, "service-started", {}, Fixed, {ServiceHandoff, Success}},
    {EventKind::ServiceStopped, "service-stopped", {}, Fixed, {Exit, Progress}},
    {EventKind::ServiceDeleted, "service-deleted", {}, Fixed, {Exit, Progress}},
    {EventKind::InServiceMain, "in-service-main", {}},
    {EventKind::DownloadStarted, "download-started", {required("source"), required("destination")},
     Fixed, {Download, Progress}},
    {EventKind::DownloadProgress, "download-progress",
     {required("percent"), required("done"), required("total")},
     Fixed, {Download, Progress}, kHighVolume},
    {EventKind::DownloadComplete, "download-complete", {}, Fixed, {Download, Success}},
    {EventKind::BitsFileAdded, "bits-file-added", {required("url"), required("destination")},
     Fixed, {Download, Progress}},
    {EventKind::BitsDownloadStarted, "bits-download-started", {}, Fixed, {Download, Progress}},
    {EventKind::DownloadFailed, "download-failed", {required("code"), optional("text")},
     Fixed, {Download, Failure}},
    {EventKind::BitsUnavailable, "bits-unavailable", {optional("code")},
     Fixed, {Download, Failure}},
    {EventKind::LocationSearch, "location-search", {}, Fixed, {LocateSource, Progress}},
    {EventKind::NoGoodDpLocation, "no-good-dp-location", {}, Fixed, {LocateSource, Progress}},
    {EventKind::DpLocationFailed, "dp-location-failed", {optional("mp"), required("code")},
     Fixed, {LocateSource, Progress}},
    {EventKind::AllMpsTried, "all-mps-tried", {}, Fixed, {LocateSource, Failure}},
    {EventKind::HttpAuthChallenge, "http-auth-challenge", {}, Fixed, {LocateSource, Progress}},
    {EventKind::UrlCheckFailed, "url-check-failed", {required("url"), optional("status")},
     Fixed, {LocateSource, Progress}},
    {EventKind::SourceAccessFailed, "source-access-failed", {required("path"), optional("code")},
     Fixed, {Download, Failure}},
    {EventKind::WaitingForRetry, "waiting-for-retry", {}, Fixed, {Download, Progress}},
    {EventKind::NextRetry, "next-retry", {required("minutes")}, Fixed, {Download, Progress}},
    {EventKind::RetryTaskScheduled, "retry-task-scheduled", {required("local"), required("utc")},
     Fixed, {Download, Progress}},
    {EventKind::MsiAction, "msi-action", {required("action")},
     Fixed, {ClientInstall, Progress}, kHighVolume},
    {EventKind::MsiInstallFailed, "msi-install-failed", {required("file"), required("exitcode")},
     ByMsiFile, {ClientInstall, Failure}},
    {EventKind::MsiInstallSucceeded, "msi-install-succeeded", {optional("file")},
     ByMsiFile, {ClientInstall, Success}},
    {EventKind::MsiReturnValue3, "msi-return-value-3", {required("action")},
     Fixed, {ClientInstall, Failure}},
    {EventKind::MsiError, "msi-error", {required("number"), required("text")},
     Fixed, {ClientInstall, Progress}},
    {EventKind::MsiExitCode, "msi-exit-code", {required("exitcode")},
     ByMsiExitCode, {ClientInstall, Success}},
    {EventKind::MsiStatus, "msi-status",
     {required("operation"), required("exitcode"), optional("product")},
     ByMsiExitCode, {ClientInstall, Success}},
    {EventKind::MsiProduct, "msi-product", {required("product")}},
    {EventKind::UninstallSucceeded, "uninstall-succeeded", {}},
    {EventKind::PrerequisiteFailed, "prerequisite-failed", {required("file"), required("exitcode")},
     Fixed, {Prerequisites, Failure}},
    {EventKind::CertificateMissing, "certificate-missing", {optional("code")},
     Fixed, {LocateSource, Failure}},
    {EventKind::SignatureInvalid, "signature-invalid", {required("file"), required("code")},
     Fixed, {Download, Failure}},
    {EventKind::HashMismatch, "hash-mismatch", {optional("file")}, Fixed, {Download, Failure}},
    {EventKind::RebootRequired, "reboot-required", {}, Fixed, {ClientInstall, Progress}},
    {EventKind::AlreadyRunning, "already-running", {}, Fixed, {ClientInstall, Failure}},
    {EventKind::ExitCode, "exit-code", {required("code")}, ByExitCode, {Exit, Success}},
    {EventKind::SetupFailed, "setup-failed", {required("code")}, Fixed, {Exit, Failure}},
    {EventKind::DeploymentStatus, "deployment-status", {required("code")}, Fixed, {Exit, Progress}},
    {EventKind::KnowledgeLine, "knowledge-line", {}},
    {EventKind::Benign, "benign", {}},
}};
// clang-format on

constexpr bool inEnumerationOrder() {
  for (size_t k = 0; k < kKinds.size(); ++k)
    if (static_cast<size_t>(kKinds[k].kind) != k) return false;
  return true;
}
static_assert(inEnumerationOrder(), "kKinds has one row per EventKind, in the enumeration's order");

}  // namespace

std::span<const EventKindInfo, kEventKindCount> eventKinds() { return kKinds; }

}  // namespace detail

std::string_view toString(EventKind kind) {
  // A value cast from outside the enumeration has no row.
  if (static_cast<size_t>(kind) >= kEventKindCount) return "unknown";
  return detail::kindInfo(kind).id;
}

}  // namespace ccmlog
