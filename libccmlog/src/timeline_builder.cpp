#include "ccmlog/timeline_builder.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "event_phases.h"

namespace ccmlog {

using detail::PhaseEffect;
using detail::phaseStepOf;

namespace {

constexpr size_t kPhaseKinds = static_cast<size_t>(PhaseKind::Exit) + 1;
constexpr size_t kEvidenceTextLimit = 4096;

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
  std::string lower(user);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "system" || lower == "nt authority\\system" || lower == "local system";
}

// Whether `a` was written no later than `b`: by UTC when both know it, by
// local time otherwise; nullopt when the two cannot be compared.
std::optional<bool> notLater(const Location& a, const Location& b) {
  if (a.utc() && b.utc()) return *a.utc() <= *b.utc();
  if (a.local && b.local) return *a.local <= *b.local;
  return std::nullopt;
}

// Events that come in large numbers update runs and phases but are not kept.
bool isHighVolume(EventKind kind) {
  return kind == EventKind::DownloadProgress || kind == EventKind::MsiAction;
}

}  // namespace

struct TimelineBuilder::Impl {
  Timeline timeline;
  std::vector<RunNotes> notes;  // one per run
  FileRole role = FileRole::Setup;

  size_t openRun(const Location& where, std::optional<std::int64_t> pid);
  size_t runForAuxiliary(const Location& where);
  void apply(size_t run, const Event& event, const Location& where, std::string_view message);
  void closePhases();
  void decideOutcome();
};

size_t TimelineBuilder::Impl::openRun(const Location& where, std::optional<std::int64_t> pid) {
  const bool afterCreated = !timeline.runs.empty() && timeline.runs.back().createdService;
  Run run;
  run.pid = pid;
  run.start = run.end = where;
  timeline.runs.push_back(std::move(run));
  notes.emplace_back();
  notes.back().afterServiceCreated = afterCreated;
  return timeline.runs.size() - 1;
}

size_t TimelineBuilder::Impl::runForAuxiliary(const Location& where) {
  if (timeline.runs.empty()) return openRun(where, std::nullopt);
  for (size_t i = timeline.runs.size(); i-- > 0;) {
    if (notLater(timeline.runs[i].start, where).value_or(false)) return i;
  }
  return timeline.runs.size() - 1;
}

void TimelineBuilder::Impl::apply(size_t index, const Event& event, const Location& where,
                                  std::string_view message) {
  Run& run = timeline.runs[index];
  RunNotes& note = notes[index];
  switch (event.kind) {
    case EventKind::Version: run.version = event.get("version"); break;
    case EventKind::LaunchFolder: run.launchFolder = event.get("folder"); break;
    case EventKind::CommandLine:
      run.commandLineText = event.get("commandline");
      run.commandLine = parseCommandLine(run.commandLineText);
      break;
    case EventKind::RunningAsUser: run.user = event.get("user"); break;
    case EventKind::InServiceMain: note.inServiceMain = true; break;
    case EventKind::ServiceCreated:
      run.createdService = true;
      note.serviceCreatedAt = where;
      break;
    case EventKind::ExitCode: run.exitCode = event.number("code"); break;
    case EventKind::SetupFailed: run.errorCode = event.code("code"); break;
    case EventKind::DeploymentStatus:
      if (!run.errorCode) run.errorCode = event.code("code");
      break;
    case EventKind::DownloadStarted:
      run.downloads.push_back({std::string(event.get("source")), std::string(event.get("destination")),
                               false, std::nullopt, EventIndex{static_cast<std::uint32_t>(timeline.events.size())}});
      break;
    case EventKind::BitsFileAdded:
      run.downloads.push_back({std::string(event.get("url")), std::string(event.get("destination")),
                               false, std::nullopt, EventIndex{static_cast<std::uint32_t>(timeline.events.size())}});
      break;
    case EventKind::DownloadComplete:
      for (Download& d : run.downloads) d.completed = true;
      break;
    case EventKind::DownloadFailed:
      if (!run.downloads.empty()) run.downloads.back().errorCode = event.code("code");
      break;
    default: break;
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
  run.events.push_back(EventIndex{static_cast<std::uint32_t>(timeline.events.size())});
  timeline.events.push_back(
      TimelineEvent{event, where, std::string(message.substr(0, kEvidenceTextLimit))});
}

void TimelineBuilder::Impl::closePhases() {
  for (size_t i = 0; i < timeline.runs.size(); ++i) {
    Run& run = timeline.runs[i];
    RunNotes& note = notes[i];
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

void TimelineBuilder::Impl::decideOutcome() {
  Outcome& outcome = timeline.outcome;
  if (timeline.runs.empty()) return;  // Unknown
  const size_t last = timeline.runs.size() - 1;
  const Run& run = timeline.runs[last];
  const bool completed = run.exitCode || run.errorCode;
  // A bootstrap that handed over to the service says "return code 0": that
  // is not the install's result, the service run's is.
  const bool handOff = run.createdService && !run.service && run.exitCode == 0 && !run.errorCode;
  if (!completed || handOff) {
    outcome.status = OutcomeStatus::InProgress;
    return;
  }
  outcome.run = last;
  outcome.exitCode = run.exitCode;
  outcome.errorCode = run.errorCode;
  if (run.exitCode == 7) {
    outcome.status = OutcomeStatus::RebootRequired;
  } else if ((run.errorCode && *run.errorCode != 0) || (run.exitCode && *run.exitCode != 0)) {
    outcome.status = OutcomeStatus::Failed;
  } else {
    outcome.status = OutcomeStatus::Success;
  }
}

TimelineBuilder::TimelineBuilder() : impl_(std::make_unique<Impl>()) {}
TimelineBuilder::~TimelineBuilder() = default;
TimelineBuilder::TimelineBuilder(TimelineBuilder&&) noexcept = default;
TimelineBuilder& TimelineBuilder::operator=(TimelineBuilder&&) noexcept = default;

void TimelineBuilder::beginFile(FileIndex, FileRole role) { impl_->role = role; }

void TimelineBuilder::addRecord(const Location& where, std::string_view message,
                                std::span<const Event> events) {
  Impl& d = *impl_;
  for (const Event& event : events) {
    if (event.kind == EventKind::RunStarted) {
      d.role = FileRole::Setup;
      d.openRun(where, event.number("pid"));
    }
  }
  if (d.role == FileRole::Setup) {
    if (d.timeline.runs.empty()) {
      if (events.empty()) return;
      d.openRun(where, std::nullopt);  // the log starts mid-run
    }
    d.timeline.runs.back().end = where;
  }
  if (events.empty()) return;
  const size_t run = d.role == FileRole::Setup ? d.timeline.runs.size() - 1 : d.runForAuxiliary(where);
  for (const Event& event : events) d.apply(run, event, where, message);
}

Timeline TimelineBuilder::finish() && {
  impl_->closePhases();
  impl_->decideOutcome();
  return std::move(impl_->timeline);
}

}  // namespace ccmlog
