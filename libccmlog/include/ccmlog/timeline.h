// ccmlog/timeline.h: what the ccmsetup processes did, in order.
//
// A Timeline has one Run per "ccmsetup started in process N" banner (plus one
// for events before the first banner, when a log starts mid-run or is an
// excerpt). A record belongs to the run of the process that wrote it: the one
// whose thread wrote it (the bootstrap goes on writing for a moment after the
// service's banner), by position where a format has no thread. Each run
// knows its process id, version, account, whether it is the service run, what
// it did (install, upgrade, repair, uninstall), its command-line switches,
// downloads, failed source accesses and how it ended. Phases (bootstrap,
// service hand-off, locate source, download, prerequisites, client install,
// exit) are spans of a run with a state.
//
// The Outcome is the latest attempt's: the last run decides. A bootstrap's
// hand-off "exiting with return code 0" never counts; a run still going has
// no exit code; a log with no ccmsetup run but a Windows Installer log is
// judged by that log's result, and names its product.
//
// Events keep their Location and message text so that findings can cite them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ccmlog/basics.h"
#include "ccmlog/export.h"

namespace ccmlog {

// ---- Events ------------------------------------------------------------------------------------
//
// What a record's message means, as a kind with named fields.
//
// The classifier turns a message such as
//   "==========[ ccmsetup started in process 2608 ]=========="
// into Event{EventKind::RunStarted, fields {pid: "2608"}}. Field names are the
// named groups of the pattern that matched (see event_patterns.cpp, the one
// table of patterns); each kind's comment below lists the fields it carries.

// A table: one kind a line, its fields and a sample.
// clang-format off
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
  Benign,               ///< a known-harmless error line (docs/ccmsetup-logs.md#benign); never a cause
};
// clang-format on

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

// ---- The command line -------------------------------------------------------------------------
//
// What a ccmsetup command line asked for (Run::commandLine), as logged after
// "Ccmsetup command line: ". For
//   "C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" SMSSITECODE="abc"
// runService is true (this is the service's run), mp is "server.dmz" and
// property("SMSSITECODE") is "abc".
//
// The line is split into words at spaces outside double quotes; quotes are
// removed wherever they are, so they may wrap a whole word ("/mp:server.dmz")
// or a value (SMSSITECODE="abc", /source:"\\srv\my share"). Backslashes are
// literal (a UNC path keeps its "\\"). Each word is then one of:
//   /name[:value]  a switch; the name is matched case-insensitively
//   NAME=value     an MSI property; NAME is letters, digits, '_' and '.'
//   anything else  before the first switch or property: part of the program
//                  path (an unquoted path with spaces); after it: ignored
// A line with nothing recognisable gives an empty CommandLine.

struct CCMLOG_EXPORT CommandLine {
  std::string program;                ///< the executable as written, quotes removed; may be empty
  bool service = false;               ///< /service: force running as a service
  bool noService = false;             ///< /noservice, or SMS 2003's /useronly: run in the caller's account
  bool runService = false;            ///< /runservice: this process is the service's run
  std::optional<std::string> source;  ///< the first /source: value
  std::optional<std::string> mp;      ///< the first /mp: value
  std::optional<int> downloadTimeoutMinutes;  ///< the first /downloadtimeout: that is a number
  /// Every /name[:value] in order, name lower-cased; value empty when there is no ':'.
  std::vector<std::pair<std::string, std::string>> switches;
  /// Every NAME=value MSI property in order (SMSSITECODE, FSP, ...), name as written.
  std::vector<std::pair<std::string, std::string>> properties;

  /// The value of the first property called name, compared case-insensitively.
  std::optional<std::string> property(std::string_view name) const;
};

// ---- Runs, phases and the outcome ---------------------------------------------------------------

/// An event with where it was written and the record's message, for evidence.
struct TimelineEvent {
  Event event;
  Location where;
  std::string text;     ///< the record's message (its first 1 KiB)
  std::size_t run = 0;  ///< the index in Timeline::runs of the run it belongs to
};

/// Index into Timeline::events.
enum class EventIndex : std::uint32_t {};
constexpr std::uint32_t value(EventIndex n) { return static_cast<std::uint32_t>(n); }

/// One attempt to fetch a file: "Downloading X to Y" or a BITS job file.
struct Download {
  std::string source;  ///< path or URL
  std::string destination;
  bool completed = false;
  std::optional<std::uint32_t> errorCode;  ///< of the last failure
  EventIndex started{};                    ///< the event that began it
};

enum class PhaseKind : std::uint8_t {
  Bootstrap,       ///< the first process copies ccmsetup.exe
  ServiceHandoff,  ///< service created/started, the bootstrap exits
  LocateSource,    ///< asking the MP for distribution points
  Download,        ///< fetching client files
  Prerequisites,   ///< installing vcredist, policy platform, …
  ClientInstall,   ///< client.msi
  Exit,            ///< the run's last word
};

enum class PhaseState : std::uint8_t { Succeeded, Failed, Incomplete };

struct Phase {
  PhaseKind kind{};
  PhaseState state = PhaseState::Incomplete;
  std::size_t run = 0;  ///< index into Timeline::runs
  Location start, end;  ///< first and last event of the phase
};

/// What a run (or the install as a whole) set out to do.
enum class Operation : std::uint8_t {
  Install,    ///< a run with a banner and no other telling switch; an MSI "Installation"
  Upgrade,    ///< /AutoUpgrade or /upgrade (an automatic client upgrade)
  Repair,     ///< /remediate or /repair, or a ccmrepair log
  Uninstall,  ///< /uninstall, "Uninstall succeeded", an MSI "Removal"
};

struct Run {
  std::optional<std::int64_t> pid;  ///< nullopt for events before any banner
  std::string version;
  std::string user;             ///< as written in "Running as user"; empty when not said
  bool service = false;         ///< the service run (SYSTEM)
  bool createdService = false;  ///< this run registered the ccmsetup service
  std::string launchFolder;
  std::string commandLineText;
  CommandLine commandLine;
  Location start, end;                     ///< first and last record of the run
  std::optional<Operation> operation;      ///< nullopt when nothing tells (an excerpt)
  std::optional<std::int64_t> exitCode;    ///< "exiting with return code N"
  std::optional<std::uint32_t> errorCode;  ///< "failed with error code 0x…"
  std::optional<std::int64_t> msiStatus;   ///< Windows Installer's result, from an MSI log's last word
  std::string product;                     ///< the product an MSI log names; empty when none does
  std::vector<Download> downloads;         ///< those whose event is kept (see events)
  /// This run's kept events, in order: of each kind the first 64 and the last
  /// 64 (download progress and MSI actions only count). eventCounts has them all.
  std::vector<EventIndex> events;
  std::array<std::uint64_t, kEventKindCount> eventCounts{};  ///< per EventKind, kept or not

  std::uint64_t count(EventKind kind) const { return eventCounts[static_cast<std::size_t>(kind)]; }
};

enum class OutcomeStatus : std::uint8_t { Success, Failed, RebootRequired, InProgress, Unknown };

struct Outcome {
  OutcomeStatus status = OutcomeStatus::Unknown;
  std::optional<Operation> operation;      ///< the deciding run's
  std::optional<std::int64_t> exitCode;    ///< the deciding run's own; never set while it runs
  std::optional<std::uint32_t> errorCode;  ///< the deciding run's own (an MSI status N as 0x8007xxxx)
  std::optional<std::size_t> run;          ///< the run it was taken from
  /// The Windows Installer product it is about, when only an MSI log speaks
  /// ("ConfigMgr Fallback Status Point" is a site role, not the client); else empty.
  std::string product;
};

/// Whether a Windows Installer product name (Outcome::product) is the
/// Configuration Manager client, rather than a site role or another product.
inline bool isClientProduct(std::string_view product) { return product == "Configuration Manager Client"; }

struct Timeline {
  std::vector<Run> runs;          ///< the last 1000 at most (fewer when events are very many)
  std::uint64_t omittedRuns = 0;  ///< earlier runs dropped to keep memory bounded
  std::vector<Phase> phases;
  std::vector<TimelineEvent> events;
  Outcome outcome;
};

CCMLOG_EXPORT std::string_view toString(PhaseKind kind);        ///< "bootstrap", "service-handoff", …
CCMLOG_EXPORT std::string_view toString(PhaseState state);      ///< "succeeded", "failed", "incomplete"
CCMLOG_EXPORT std::string_view toString(OutcomeStatus status);  ///< "success", "failed", "reboot-required", …
CCMLOG_EXPORT std::string_view toString(
    Operation operation);  ///< "install", "upgrade", "repair", "uninstall"

}  // namespace ccmlog
