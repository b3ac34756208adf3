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
#include <vector>

#include "ccmlog/command_line.h"
#include "ccmlog/event.h"
#include "ccmlog/export.h"
#include "ccmlog/location.h"

namespace ccmlog {

/// An event with where it was written and the record's message, for evidence.
struct TimelineEvent {
  Event event;
  Location where;
  std::string text;  ///< the record's message (its first 1 KiB)
  std::size_t run = 0;  ///< the index in Timeline::runs of the run it belongs to
};

/// Index into Timeline::events.
enum class EventIndex : std::uint32_t {};
constexpr std::uint32_t value(EventIndex n) { return static_cast<std::uint32_t>(n); }

/// One attempt to fetch a file: "Downloading X to Y" or a BITS job file.
struct Download {
  std::string source;       ///< path or URL
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
  std::size_t run = 0;   ///< index into Timeline::runs
  Location start, end;   ///< first and last event of the phase
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
  std::string user;                  ///< as written in "Running as user"; empty when not said
  bool service = false;              ///< the service run (SYSTEM)
  bool createdService = false;       ///< this run registered the ccmsetup service
  std::string launchFolder;
  std::string commandLineText;
  CommandLine commandLine;
  Location start, end;               ///< first and last record of the run
  std::optional<Operation> operation;      ///< nullopt when nothing tells (an excerpt)
  std::optional<std::int64_t> exitCode;    ///< "exiting with return code N"
  std::optional<std::uint32_t> errorCode;  ///< "failed with error code 0x…"
  std::optional<std::int64_t> msiStatus;   ///< Windows Installer's result, from an MSI log's last word
  std::string product;                     ///< the product an MSI log names; empty when none does
  std::vector<Download> downloads;   ///< those whose event is kept (see events)
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
  std::vector<Run> runs;             ///< the last 1000 at most (fewer when events are very many)
  std::uint64_t omittedRuns = 0;     ///< earlier runs dropped to keep memory bounded
  std::vector<Phase> phases;
  std::vector<TimelineEvent> events;
  Outcome outcome;
};

CCMLOG_EXPORT std::string_view toString(PhaseKind kind);       ///< "bootstrap", "service-handoff", …
CCMLOG_EXPORT std::string_view toString(PhaseState state);     ///< "succeeded", "failed", "incomplete"
CCMLOG_EXPORT std::string_view toString(OutcomeStatus status); ///< "success", "failed", "reboot-required", …
CCMLOG_EXPORT std::string_view toString(Operation operation);   ///< "install", "upgrade", "repair", "uninstall"

}  // namespace ccmlog
