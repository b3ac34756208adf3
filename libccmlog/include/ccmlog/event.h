// ccmlog/event.h: what a record's message means, as a kind with named fields.
//
// The EventClassifier turns a message such as
//   "==========[ ccmsetup started in process 2608 ]=========="
// into Event{EventKind::RunStarted, fields {pid: "2608"}}. Field names are the
// named groups of the pattern that matched (see event_patterns.cpp, the one
// table of patterns); each kind's comment below lists the fields it carries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ccmlog/export.h"
#include "ccmlog/numbers.h"

namespace ccmlog {

enum class EventKind : std::uint8_t {
  RunStarted,           ///< pid — "ccmsetup started in process N"
  Version,              ///< version — "CcmSetup version: …" / "Version: …"
  LaunchFolder,         ///< folder — "Launch from folder …"
  CommandLine,          ///< commandline — "Ccmsetup command line: …"
  RunningAsUser,        ///< user — "Running as user "SYSTEM""
  FreeDiskSpace,        ///< mb — "Detected N MB free disk space on system drive."
  ServiceCreated,       ///< — "Successfully created the ccmsetup service"
  ServiceStarted,       ///< — "Successfully started the ccmsetup service"
  ServiceStopped,       ///< — "ccmsetup service is stopped."
  ServiceDeleted,       ///< — "Successfully deleted the ccmsetup service"
  InServiceMain,        ///< — "In ServiceMain"
  DownloadStarted,      ///< source, destination — "Downloading X to Y"
  DownloadProgress,     ///< percent, done, total — "File download 43% complete (…)"
  DownloadComplete,     ///< — "Download complete."
  BitsFileAdded,        ///< url, destination — "Adding file '…' to BITS job, saving as '…'."
  BitsDownloadStarted,  ///< — "Starting BITS download for client deployment files."
  DownloadFailed,       ///< code, text (optional) — "Failed to download files through BITS. Error: 0x…"
  BitsUnavailable,      ///< code (optional) — BITS missing, too old or its COM server failing
  LocationSearch,       ///< — "Searching for DP locations from MP(s)..."
  NoGoodDpLocation,     ///< — "Enumerated all N DP locations but none of them is good…"
  DpLocationFailed,     ///< mp (optional), code — "Failed to get DP locations … from MP 'X'. Error 0x…"
  AllMpsTried,          ///< — "Have already tried all MPs. Couldn't find DP locations."
  HttpAuthChallenge,    ///< — "Got 401 challenge Retrying with Windows Auth..."
  UrlCheckFailed,       ///< url, status (optional) — "Failed to check url … 401"
  SourceAccessFailed,   ///< path, code (optional) — "Failed to access source file (…)", "Source … is inaccessible"
  WaitingForRetry,      ///< — "Waiting for retry..."
  NextRetry,            ///< minutes — "Next retry in N minute(s)..." / "Retry time: N minute(s)"
  RetryTaskScheduled,   ///< local, utc — "'Configuration Manager Client Retry Task' is scheduled to run at …"
  MsiAction,            ///< action — "MSI: Action 11:16:40: InstallFiles. …"
  MsiInstallFailed,     ///< file, exitcode — "File C:\…\client.msi installation failed. Error text: ExitCode: 1603"
  MsiInstallSucceeded,  ///< file (optional) — "Installation succeeded." / "… installation succeeded."
  MsiReturnValue3,      ///< action — client.msi.log "Action ended …: X. Return value 3."
  MsiError,             ///< number, text — client.msi.log "Error 25150. …"
  MsiExitCode,          ///< exitcode — client.msi.log "MainEngineThread is returning 1603"
  MsiStatus,            ///< operation, exitcode, product (optional) — "… Installation success or error status: 1603."
  MsiProduct,           ///< product — client.msi.log "Product: Configuration Manager Client -- Installation operation failed."
  UninstallSucceeded,   ///< — "Uninstall succeeded." / "Uninstall of product '{…}' succeeded."
  PrerequisiteFailed,   ///< file, exitcode — "File '…vcredist_x64.exe' returned failure exit code 1603.", a non-client .msi "installation failed"
  CertificateMissing,   ///< code (optional) — "Unable to find any Certificate based on Certificate Issuers", CCMHTTPSSTATE 63, CCM_E_NO_CLIENT_PKI_CERT
  SignatureInvalid,     ///< file, code — "Couldn't verify '…' authenticode signature. Return code 0x…"
  HashMismatch,         ///< file (optional) — "… hash … from manifest doesn't match"
  RebootRequired,       ///< — "Windows Installer has requested a reboot"
  AlreadyRunning,       ///< — "another instance of ccmsetup is already running" / MSI 1618
  ExitCode,             ///< code — "CcmSetup is exiting with return code N"
  SetupFailed,          ///< code — "CcmSetup failed with error code 0x…"
  DeploymentStatus,     ///< code (decimal) — "ClientDeploymentMessage ErrorCode="-2145844844""
  KnowledgeLine,        ///< — a line only a knowledge entry names (knowledge.h): "… WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID is set"
  Benign,               ///< a known-harmless error line (docs/KNOWLEDGE.md section 5); never a cause
};

/// Number of EventKind values (Benign is the last).
inline constexpr std::size_t kEventKindCount = static_cast<std::size_t>(EventKind::Benign) + 1;

/// Stable lower-case id of a kind ("run-started"), used in outputs.
CCMLOG_EXPORT std::string_view toString(EventKind kind);

/// One captured value: name is the pattern's group name, value the text.
struct EventField {
  std::string_view name;  ///< static storage (from the pattern table)
  std::string value;
};

struct CCMLOG_EXPORT Event {
  EventKind kind{};
  RecordIndex record{};  ///< the record the event came from
  std::vector<EventField> fields;

  /// The field's text, or empty when the pattern did not capture it.
  std::string_view get(std::string_view name) const;
  /// The field parsed as a decimal integer; nullopt when absent or not a number.
  std::optional<std::int64_t> number(std::string_view name) const;
  /// The field parsed as an error code in any notation lookupError accepts.
  std::optional<std::uint32_t> code(std::string_view name) const;
};

}  // namespace ccmlog
