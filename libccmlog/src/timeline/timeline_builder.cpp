#include "ccmlog/timeline_builder.h"

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <unordered_map>

#include "ccmlog/command_line.h"
#include "classify/event_kinds.h"
#include "classify/text_case.h"
#include "timeline/event_phases.h"
#include "timeline/event_store.h"

namespace ccmlog {

using detail::isHighVolume;
using detail::KeptEvent;
using detail::kMaxKeptEvents;
using detail::PhaseEffect;
using detail::phaseStepOf;
using detail::RunEvents;

namespace {

constexpr size_t kPhaseKinds = static_cast<size_t>(PhaseKind::Exit) + 1;

struct PhaseProgress {
  bool seen = false;
  Location start, end;
  PhaseState state = PhaseState::Incomplete;
};

// What a run's events said that only matters once the run is closed.
struct RunNotes {
  std::array<PhaseProgress, kPhaseKinds> phases;
  std::optional<Location> serviceCreatedAt;
  bool inServiceMain = false;
  bool afterServiceCreated = false;  // the run before this one created the service
};

bool isSystemAccount(std::string_view user) {
  const std::string lower = detail::asciiLower(user);
  return lower == "system" || lower == "nt authority\\system" || lower == "local system";
}

// The oldest runs are dropped (Timeline::omittedRuns counts them) beyond this
// many runs, or beyond kMaxKeptEvents kept events over all runs (event_store.h).
constexpr size_t kMaxRuns = 1000;

bool isDownload(EventKind kind) {
  return kind == EventKind::DownloadStarted || kind == EventKind::BitsFileAdded;
}

// What became of a download: it completed when its run says "download
// complete" after it (`completions`: the run's DownloadComplete events in all).
Download downloadOf(const RunEvents& events, const KeptEvent& e, EventIndex started,
                    std::uint64_t completions) {
  return Download{std::string(events.get(e, e.kind == EventKind::BitsFileAdded ? "url" : "source")),
                  std::string(events.get(e, "destination")), completions > e.completionsBefore, e.errorCode,
                  started};
}

struct BuildingRun {
  Run run;
  RunNotes notes;
  std::unique_ptr<RunEvents> events;          // made on first use
  std::optional<std::uint64_t> lastDownload;  // seq of the latest download's event
  size_t kept = 0;
  bool exited = false;     // wrote "exiting with return code": its process writes no more
  bool acted = false;      // wrote more than who it is (banner, version, command line, account)
  bool auxiliary = false;  // made for an auxiliary log's events (an MSI log alone): they end it
};

// Events a process writes about itself as it starts, before it does anything.
bool isIntroduction(EventKind kind) {
  switch (kind) {
    case EventKind::RunStarted:
    case EventKind::Version:
    case EventKind::LaunchFolder:
    case EventKind::CommandLine:
    case EventKind::RunningAsUser:
    case EventKind::InServiceMain:
    case EventKind::FreeDiskSpace:
    case EventKind::Benign:
      return true;
    default:
      return false;
  }
}

// The bootstrap's last words: it started the service and exits with 0.
bool isHandOffTail(const Event& e) {
  return e.kind == EventKind::ServiceStarted || (e.kind == EventKind::ExitCode && e.number("code") == 0);
}

// How long after a newer run's banner an older, unfinished run may still
// write on its own threads (the bootstrap's tail takes about a second);
// later, a thread id seen before is taken as reused by the newer process.
constexpr std::int64_t kOlderRunWindowTicks = 5 * Timestamp::kTicksPerMinute;
// Without thread ids: how soon after the service's banner the bootstrap's
// tail ("started the service", "return code 0") may still come.
constexpr std::int64_t kHandOffTailTicks = Timestamp::kTicksPerSecond;
// Thread ids remembered at most (a process uses a few dozen).
constexpr size_t kMaxThreads = 4096;

}  // namespace

struct TimelineBuilder::Impl {
  std::deque<BuildingRun> runs;
  detail::SpareRunEvents spareEvents;  // of dropped runs, for new runs
  std::uint64_t omittedRuns = 0;
  std::uint64_t seq = 0;
  size_t kept = 0;  // kept events over all runs
  FileRole role = FileRole::Setup;
  // Thread id -> the number of the run whose process wrote on it (a run's
  // number is omittedRuns + its index in runs).
  std::unordered_map<std::uint32_t, std::uint64_t> threadRuns;

  BuildingRun& openRun(const Location& where, std::optional<std::int64_t> pid);
  BuildingRun& runForSetup(const Location& where, std::span<const Event> events);
  BuildingRun& runForAuxiliary(const Location& where);
  void apply(BuildingRun& b, const Event& event, const Location& where, std::string_view message);
  void dropOldRuns();
  Timeline assemble() const;
  static void closePhases(Timeline& timeline, const std::vector<RunNotes>& notes);
  static void decideOutcome(Timeline& timeline);
};

BuildingRun& TimelineBuilder::Impl::openRun(const Location& where, std::optional<std::int64_t> pid) {
  const bool afterCreated = !runs.empty() && runs.back().run.createdService;
  runs.emplace_back();
  BuildingRun& b = runs.back();
  b.run.pid = pid;
  b.run.start = b.run.end = where;
  b.notes.afterServiceCreated = afterCreated;
  dropOldRuns();
  return runs.back();
}

void TimelineBuilder::Impl::dropOldRuns() {
  bool dropped = false;
  while (runs.size() > 1 && (runs.size() > kMaxRuns || kept > kMaxKeptEvents)) {
    kept -= runs.front().kept;
    spareEvents.give(std::move(runs.front().events));
    runs.pop_front();
    ++omittedRuns;
    dropped = true;
  }
  // The next run to drop was last touched hundreds of runs ago: fetch it
  // into cache now, so that dropping it (a run later) does not wait for it.
  if (dropped && runs.size() > 1) {
    const BuildingRun& next = runs.front();
    detail::prefetch(&next, sizeof next);
    if (next.events) detail::prefetch(next.events.get(), sizeof(RunEvents));
  }
}

// A setup file's record belongs to the process that wrote it
// (docs/ccmsetup-logs.md#interleaving): the one that wrote on its thread
// before, a new thread being the current run's. Without thread ids, position
// decides, but for the bootstrap's tail written just after the service's banner.
BuildingRun& TimelineBuilder::Impl::runForSetup(const Location& where, std::span<const Event> events) {
  BuildingRun& last = runs.back();
  const std::uint64_t lastNumber = omittedRuns + runs.size() - 1;
  if (where.thread) {
    // Thread ids of runs before the current one matter only for a moment: a
    // log of countless ids keeps those of the current run only, or none.
    if (threadRuns.size() >= kMaxThreads) {
      std::erase_if(threadRuns, [&](const auto& t) { return t.second != lastNumber; });
      if (threadRuns.size() >= kMaxThreads) threadRuns.clear();
    }
    const auto [it, fresh] = threadRuns.try_emplace(*where.thread, lastNumber);
    if (fresh || it->second == lastNumber) return last;
    if (it->second >= omittedRuns) {
      BuildingRun& older = runs[it->second - omittedRuns];
      const auto since = ticksBetween(last.run.start, where);
      if (!older.exited && since.value_or(0) <= kOlderRunWindowTicks) return older;
    }
    it->second = lastNumber;  // the id was freed and now serves the current process
    return last;
  }
  if (runs.size() < 2 || last.acted || events.empty()) return last;
  BuildingRun& previous = runs[runs.size() - 2];
  const auto since = ticksBetween(last.run.start, where);
  const bool tail = std::all_of(events.begin(), events.end(), isHandOffTail);
  if (tail && previous.run.createdService && !previous.exited && since.value_or(0) <= kHandOffTailTicks) {
    return previous;
  }
  return last;
}

BuildingRun& TimelineBuilder::Impl::runForAuxiliary(const Location& where) {
  if (runs.empty()) {
    BuildingRun& b = openRun(where, std::nullopt);
    b.auxiliary = true;
    return b;
  }
  for (size_t i = runs.size(); i-- > 0;) {
    if (ticksBetween(runs[i].run.start, where).value_or(-1) >= 0) return runs[i];
  }
  return runs.back();
}

void TimelineBuilder::Impl::apply(BuildingRun& b, const Event& event, const Location& where,
                                  std::string_view message) {
  Run& run = b.run;
  RunNotes& note = b.notes;
  ++run.eventCounts[static_cast<size_t>(event.kind)];
  if (!isIntroduction(event.kind)) b.acted = true;
  switch (event.kind) {
    case EventKind::Version:
      run.version = event.get("version");
      break;
    case EventKind::LaunchFolder:
      run.launchFolder = event.get("folder");
      break;
    case EventKind::CommandLine:
      run.commandLineText = event.get("commandline");
      break;  // parsed by assemble()
    case EventKind::RunningAsUser:
      run.user = event.get("user");
      break;
    case EventKind::InServiceMain:
      note.inServiceMain = true;
      break;
    case EventKind::ServiceCreated:
      run.createdService = true;
      note.serviceCreatedAt = where;
      break;
    case EventKind::ExitCode:
      run.exitCode = event.number("code");
      b.exited = true;
      break;
    case EventKind::SetupFailed:
      run.errorCode = event.code("code");
      break;
    case EventKind::UninstallSucceeded:
      run.operation = Operation::Uninstall;
      break;
    case EventKind::MsiExitCode:
      if (!run.msiStatus) run.msiStatus = event.number("exitcode");
      break;
    case EventKind::MsiStatus:
      run.msiStatus = event.number("exitcode");
      if (!run.operation)
        run.operation = detail::asciiLower(event.get("operation")) == "removal" ? Operation::Uninstall
                                                                                : Operation::Install;
      if (const std::string_view product = event.get("product"); !product.empty()) run.product = product;
      break;
    case EventKind::MsiProduct:
      run.product = event.get("product");
      break;
    case EventKind::DeploymentStatus:
      if (!run.errorCode) run.errorCode = event.code("code");
      break;
    case EventKind::DownloadFailed:
      if (b.events && b.lastDownload) {
        if (KeptEvent* download = b.events->find(*b.lastDownload)) download->errorCode = event.code("code");
      }
      break;
    default:
      break;
  }
  if (const auto step = phaseStepOf(event)) {
    PhaseProgress& phase = note.phases[static_cast<size_t>(step->phase)];
    if (!phase.seen) {
      phase.seen = true;
      phase.start = where;
    }
    phase.end = where;
    if (step->effect == PhaseEffect::Success) phase.state = PhaseState::Succeeded;
    if (step->effect == PhaseEffect::Failure) phase.state = PhaseState::Failed;
  }
  if (isHighVolume(event.kind)) return;
  if (!b.events) b.events = spareEvents.take();
  const auto [keptEvent, grew] = b.events->keep(seq++, event, where, message);
  keptEvent->completionsBefore = run.eventCounts[static_cast<size_t>(EventKind::DownloadComplete)];
  if (isDownload(keptEvent->kind)) b.lastDownload = keptEvent->seq;
  b.kept += grew;
  kept += grew;
}

// Copies what it needs and leaves the builder as it was: the kept events are
// bounded (event_store.h), so a snapshot costs little.
Timeline TimelineBuilder::Impl::assemble() const {
  Timeline timeline;
  timeline.omittedRuns = omittedRuns;
  std::vector<RunNotes> notes;
  // Every kept event, tagged with its run, in arrival order.
  struct Tagged {
    std::uint64_t seq;
    size_t run;
    const KeptEvent* event;
  };
  std::vector<Tagged> all;
  for (size_t r = 0; r < runs.size(); ++r) {
    if (runs[r].events) runs[r].events->forEach([&](const KeptEvent& e) { all.push_back({e.seq, r, &e}); });
  }
  // Runs one after another are already in order; auxiliary files' events are not.
  const auto bySeq = [](const Tagged& a, const Tagged& b) { return a.seq < b.seq; };
  if (!std::is_sorted(all.begin(), all.end(), bySeq)) std::sort(all.begin(), all.end(), bySeq);
  for (const BuildingRun& b : runs) {
    timeline.runs.push_back(b.run);
    timeline.runs.back().commandLine = parseCommandLine(b.run.commandLineText);  // only the runs kept
    notes.push_back(b.notes);
  }
  timeline.events.reserve(all.size());
  for (const auto& [arrival, r, e] : all) {
    const EventIndex index{static_cast<std::uint32_t>(timeline.events.size())};
    Run& run = timeline.runs[r];
    const RunEvents& runEvents = *runs[r].events;
    run.events.push_back(index);
    if (isDownload(e->kind)) {
      const std::uint64_t completions = run.eventCounts[static_cast<size_t>(EventKind::DownloadComplete)];
      run.downloads.push_back(downloadOf(runEvents, *e, index, completions));
    }
    timeline.events.push_back(runEvents.timelineEvent(*e));
    timeline.events.back().run = r;
  }
  closePhases(timeline, notes);
  decideOutcome(timeline);
  return timeline;
}

void TimelineBuilder::Impl::closePhases(Timeline& timeline, const std::vector<RunNotes>& notes) {
  for (size_t i = 0; i < timeline.runs.size(); ++i) {
    Run& run = timeline.runs[i];
    const RunNotes& note = notes[i];
    const bool system = isSystemAccount(run.user);
    // A SYSTEM run that created no service is the service's, unless /noservice says it runs standalone.
    run.service = run.commandLine.runService || note.inServiceMain || note.afterServiceCreated ||
                  (system && !run.createdService && !run.commandLine.noService);
    if (note.serviceCreatedAt) {
      timeline.phases.push_back(
          Phase{PhaseKind::Bootstrap, PhaseState::Succeeded, i, run.start, *note.serviceCreatedAt});
    }
    for (size_t k = 0; k < kPhaseKinds; ++k) {
      const PhaseProgress& p = note.phases[k];
      if (p.seen) timeline.phases.push_back(Phase{static_cast<PhaseKind>(k), p.state, i, p.start, p.end});
    }
  }
}

namespace {

// What a run set out to do: its switches say, else a banner means an install.
std::optional<Operation> operationOf(const Run& run) {
  for (const auto& [name, value] : run.commandLine.switches) {
    if (name == "uninstall") return Operation::Uninstall;
    if (name == "autoupgrade" || name == "upgrade") return Operation::Upgrade;
    if (name == "remediate" || name == "repair") return Operation::Repair;
  }
  if (run.operation) return run.operation;  // "Uninstall succeeded", an MSI log's "Removal"
  if (run.pid) return Operation::Install;
  return std::nullopt;
}

bool msiSucceeded(std::int64_t status) { return status == 0; }
bool msiWantsReboot(std::int64_t status) { return status == 3010 || status == 1641; }

}  // namespace

void TimelineBuilder::Impl::decideOutcome(Timeline& timeline) {
  Outcome& outcome = timeline.outcome;
  for (Run& run : timeline.runs) run.operation = operationOf(run);
  if (timeline.runs.empty()) return;  // Unknown
  const size_t last = timeline.runs.size() - 1;
  const Run& run = timeline.runs[last];
  outcome.operation = run.operation;
  const bool completed = run.exitCode || run.errorCode;
  // A bootstrap that handed over to the service says "return code 0": that
  // is not the install's result, the service run's is.
  const bool handOff = run.createdService && !run.service && run.exitCode == 0 && !run.errorCode;
  if (!completed && !run.pid && run.msiStatus) {
    // No ccmsetup run, but a Windows Installer log: its own result decides.
    const std::int64_t status = *run.msiStatus;
    outcome.run = last;
    outcome.product = run.product;
    outcome.exitCode = status;
    if (msiSucceeded(status)) {
      outcome.status = OutcomeStatus::Success;
    } else if (msiWantsReboot(status)) {
      outcome.status = OutcomeStatus::RebootRequired;
    } else {
      outcome.status = OutcomeStatus::Failed;
      outcome.errorCode = 0x80070000u | (static_cast<std::uint32_t>(status) & 0xFFFFu);  // HRESULT_FROM_WIN32
    }
    return;
  }
  if (!completed || handOff) {
    // An excerpt without a banner that never says how it ended tells nothing;
    // a run that started and has not ended is still going.
    outcome.status = run.pid || handOff ? OutcomeStatus::InProgress : OutcomeStatus::Unknown;
    return;
  }
  outcome.run = last;
  outcome.errorCode = run.errorCode;
  if (run.exitCode == 7) {
    outcome.status = OutcomeStatus::RebootRequired;
  } else if ((run.errorCode && *run.errorCode != 0) || (run.exitCode && *run.exitCode != 0)) {
    outcome.status = OutcomeStatus::Failed;
  } else {
    outcome.status = OutcomeStatus::Success;
  }
  // A failed install never reports the 0 a process wrote on its way out.
  if (run.exitCode && (*run.exitCode != 0 || outcome.status == OutcomeStatus::Success))
    outcome.exitCode = run.exitCode;
}

TimelineBuilder::TimelineBuilder() : impl_(std::make_unique<Impl>()) {}
TimelineBuilder::~TimelineBuilder() = default;
TimelineBuilder::TimelineBuilder(TimelineBuilder&&) noexcept = default;
TimelineBuilder& TimelineBuilder::operator=(TimelineBuilder&&) noexcept = default;

void TimelineBuilder::beginFile(FileIndex, FileRole role) { impl_->role = role; }

void TimelineBuilder::addRecord(const Location& where, std::string_view message,
                                std::span<const Event> events) {
  Impl& d = *impl_;
  bool started = false;
  for (const Event& event : events) {
    if (event.kind == EventKind::RunStarted) {
      d.role = FileRole::Setup;
      d.openRun(where, event.number("pid"));
      started = true;
    }
  }
  BuildingRun* run = nullptr;
  if (d.role == FileRole::Setup) {
    if (d.runs.empty()) {
      if (events.empty()) return;
      d.openRun(where, std::nullopt);  // the log starts mid-run
      started = true;
    }
    if (started) {
      run = &d.runs.back();
      if (where.thread) d.threadRuns[*where.thread] = d.omittedRuns + d.runs.size() - 1;
    } else {
      run = &d.runForSetup(where, events);
    }
    run->run.end = where;
  }
  if (events.empty()) return;
  if (!run) {
    run = &d.runForAuxiliary(where);
    if (run->auxiliary) run->run.end = where;
  }
  for (const Event& event : events) d.apply(*run, event, where, message);
  d.dropOldRuns();
}

Timeline TimelineBuilder::snapshot() const { return impl_->assemble(); }

Timeline TimelineBuilder::finish() && { return impl_->assemble(); }

}  // namespace ccmlog
