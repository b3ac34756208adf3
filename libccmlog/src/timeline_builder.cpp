#include "ccmlog/timeline_builder.h"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <memory>

#include "event_phases.h"
#include "text_case.h"

namespace ccmlog {

using detail::PhaseEffect;
using detail::phaseStepOf;

namespace {

constexpr size_t kPhaseKinds = static_cast<size_t>(PhaseKind::Exit) + 1;
constexpr size_t kEvidenceTextLimit = 1024;

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

// Events that come in large numbers update runs and phases but are not kept.
bool isHighVolume(EventKind kind) {
  return kind == EventKind::DownloadProgress || kind == EventKind::MsiAction;
}

// The first kKeptPerKind and the last kKeptPerKind events of each kind in a
// run are kept (with their count); a log that repeats a line a million times
// costs no more than one that repeats it 128 times.
constexpr size_t kKeptPerKind = 64;
// Beyond these, the oldest runs are dropped (Timeline::omittedRuns counts them).
constexpr size_t kMaxRuns = 1000;
constexpr size_t kMaxKeptEvents = 20000;

// A kept event, compact: one string holds its evidence text and its field
// values, so keeping an event costs one allocation (none when it reuses a ring
// slot) and dropping a run frees one block per event. assemble() turns it into
// the TimelineEvent (and Download) it stands for.
struct KeptEvent {
  struct Field {
    std::string_view name;  // static storage, as EventField::name
    std::uint32_t offset = 0, length = 0;  // in text
  };
  std::uint64_t seq = 0;  // arrival order across all runs
  EventKind kind{};
  RecordIndex record{};
  Location where;
  std::string text;  // the message's first kEvidenceTextLimit bytes, then the field values
  std::uint32_t messageLength = 0;
  boost::container::small_vector<Field, 3> fields;
  // For DownloadStarted / BitsFileAdded: what became of the download.
  bool completed = false;
  std::optional<std::uint32_t> errorCode;

  // Becomes `event`, reusing the text's memory.
  void set(std::uint64_t s, const Event& event, const Location& at, std::string_view message) {
    seq = s;
    kind = event.kind;
    record = event.record;
    where = at;
    message = message.substr(0, kEvidenceTextLimit);
    text.assign(message);
    messageLength = static_cast<std::uint32_t>(message.size());
    fields.clear();
    for (const EventField& f : event.fields) {
      fields.push_back({f.name, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(f.value.size())});
      text += f.value;
    }
    completed = false;
    errorCode.reset();
  }
  bool isDownload() const { return kind == EventKind::DownloadStarted || kind == EventKind::BitsFileAdded; }
  std::string_view value(const Field& f) const { return std::string_view(text).substr(f.offset, f.length); }
  // As Event::get: the first field of that name, or empty.
  std::string_view get(std::string_view name) const {
    for (const Field& f : fields)
      if (f.name == name) return value(f);
    return {};
  }

  TimelineEvent timelineEvent() const {
    TimelineEvent e{Event{kind, record, {}}, where, text.substr(0, messageLength)};
    for (const Field& f : fields) e.event.fields.push_back({f.name, std::string(value(f))});
    return e;
  }
  Download download(EventIndex started) const {
    return Download{std::string(get(kind == EventKind::BitsFileAdded ? "url" : "source")),
                    std::string(get("destination")), completed, errorCode, started};
  }
};

// A kind's kept events: the first ones, then the most recent ones (a ring;
// assemble() restores the order from the sequence numbers). The slots past
// the counts are events of a dropped run this log served before, kept for
// their memory (KeptEvent::set reuses it).
struct KindLog {
  std::vector<KeptEvent> head, recent;
  size_t heads = 0, recents = 0;  // slots in use
  size_t nextRecent = 0;          // the ring slot to overwrite next

  // The slot for a new event (valid until the next call) and whether it grew
  // the number of kept events.
  std::pair<KeptEvent*, bool> next() {
    if (heads < kKeptPerKind) return {&slot(head, heads), true};
    if (recents < kKeptPerKind) return {&slot(recent, recents), true};
    KeptEvent& overwritten = recent[nextRecent];
    nextRecent = (nextRecent + 1) % kKeptPerKind;
    return {&overwritten, false};
  }
  template <typename F>
  void forEach(F&& f) {
    for (size_t i = 0; i < heads; ++i) f(head[i]);
    for (size_t i = 0; i < recents; ++i) f(recent[i]);
  }
  void clear() { heads = recents = nextRecent = 0; }

 private:
  static KeptEvent& slot(std::vector<KeptEvent>& slots, size_t& used) {
    if (used == slots.size()) slots.emplace_back();
    return slots[used++];
  }
};

// Logs of dropped runs wait here for a new run to use their memory; at most
// this many (a log holds at most 2 * kKeptPerKind events), so that memory
// stays bounded whatever the input.
constexpr size_t kSpareLogs = 32;

struct BuildingRun {
  Run run;
  RunNotes notes;
  std::array<std::unique_ptr<KindLog>, kEventKindCount> kinds;  // made on first use
  std::optional<std::uint64_t> lastDownload;  // seq of the latest download's event
  size_t kept = 0;
};

}  // namespace

struct TimelineBuilder::Impl {
  std::deque<BuildingRun> runs;
  std::vector<std::unique_ptr<KindLog>> spareLogs;
  std::uint64_t omittedRuns = 0;
  std::uint64_t seq = 0;
  size_t kept = 0;  // kept events over all runs
  FileRole role = FileRole::Setup;

  BuildingRun& openRun(const Location& where, std::optional<std::int64_t> pid);
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
  while (runs.size() > 1 && (runs.size() > kMaxRuns || kept > kMaxKeptEvents)) {
    kept -= runs.front().kept;
    for (auto& log : runs.front().kinds) {
      if (!log || spareLogs.size() == kSpareLogs) continue;
      log->clear();
      spareLogs.push_back(std::move(log));
    }
    runs.pop_front();
    ++omittedRuns;
  }
}

BuildingRun& TimelineBuilder::Impl::runForAuxiliary(const Location& where) {
  if (runs.empty()) return openRun(where, std::nullopt);
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
  switch (event.kind) {
    case EventKind::Version: run.version = event.get("version"); break;
    case EventKind::LaunchFolder: run.launchFolder = event.get("folder"); break;
    case EventKind::CommandLine: run.commandLineText = event.get("commandline"); break;  // parsed by assemble()
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
    case EventKind::DownloadComplete:
      for (EventKind kind : {EventKind::DownloadStarted, EventKind::BitsFileAdded}) {
        auto& log = b.kinds[static_cast<size_t>(kind)];
        if (log) log->forEach([](KeptEvent& e) { e.completed = true; });
      }
      break;
    case EventKind::DownloadFailed:
      for (EventKind kind : {EventKind::DownloadStarted, EventKind::BitsFileAdded}) {
        auto& log = b.kinds[static_cast<size_t>(kind)];
        if (!log || !b.lastDownload) continue;
        log->forEach([&](KeptEvent& e) {
          if (e.seq == *b.lastDownload) e.errorCode = event.code("code");
        });
      }
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
  auto& log = b.kinds[static_cast<size_t>(event.kind)];
  if (!log && !spareLogs.empty()) {
    log = std::move(spareLogs.back());
    spareLogs.pop_back();
  }
  if (!log) log = std::make_unique<KindLog>();
  const auto [keptEvent, grew] = log->next();
  keptEvent->set(seq++, event, where, message);
  if (keptEvent->isDownload()) b.lastDownload = keptEvent->seq;
  b.kept += grew;
  kept += grew;
}

// Copies what it needs and leaves the builder as it was: the kept events are
// bounded (kKeptPerKind, kMaxKeptEvents), so a snapshot costs little.
Timeline TimelineBuilder::Impl::assemble() const {
  Timeline timeline;
  timeline.omittedRuns = omittedRuns;
  std::vector<RunNotes> notes;
  // Every kept event, tagged with its run, in arrival order.
  std::vector<std::pair<size_t, const KeptEvent*>> all;
  for (size_t r = 0; r < runs.size(); ++r) {
    for (const auto& log : runs[r].kinds) {
      if (log) log->forEach([&](const KeptEvent& e) { all.emplace_back(r, &e); });
    }
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second->seq < b.second->seq; });
  for (const BuildingRun& b : runs) {
    timeline.runs.push_back(b.run);
    timeline.runs.back().commandLine = parseCommandLine(b.run.commandLineText);  // only the runs kept
    notes.push_back(b.notes);
  }
  timeline.events.reserve(all.size());
  for (const auto& [r, e] : all) {
    const EventIndex index{static_cast<std::uint32_t>(timeline.events.size())};
    Run& run = timeline.runs[r];
    run.events.push_back(index);
    if (e->isDownload()) run.downloads.push_back(e->download(index));
    timeline.events.push_back(e->timelineEvent());
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

void TimelineBuilder::Impl::decideOutcome(Timeline& timeline) {
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
    if (d.runs.empty()) {
      if (events.empty()) return;
      d.openRun(where, std::nullopt);  // the log starts mid-run
    }
    d.runs.back().run.end = where;
  }
  if (events.empty()) return;
  BuildingRun& run = d.role == FileRole::Setup ? d.runs.back() : d.runForAuxiliary(where);
  for (const Event& event : events) d.apply(run, event, where, message);
  d.dropOldRuns();
}

Timeline TimelineBuilder::snapshot() const { return impl_->assemble(); }

Timeline TimelineBuilder::finish() && { return impl_->assemble(); }

}  // namespace ccmlog
