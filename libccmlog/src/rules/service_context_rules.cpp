// The headline diagnosis and its retry loop: ccmsetup hands over to its
// service, which runs as Local System (the computer account on the network)
// and cannot read the share the starting user could
// (docs/ccmsetup-logs.md#service-context).
#include <algorithm>
#include <set>

#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

constexpr std::int64_t kDefaultDownloadTimeoutMinutes = 1440;

// "\\server\share" of a UNC path, or the path itself.
std::string shareOf(std::string_view path) {
  if (!isUnc(path)) return std::string(path);
  const size_t server = path.find('\\', 2);
  if (server == std::string_view::npos) return std::string(path);
  const size_t share = path.find('\\', server + 1);
  return std::string(path.substr(0, share));
}

struct SourceFailure {
  EventIndex event;
  std::string path;
  std::optional<std::uint32_t> code;
};

// Failed reads of the setup source in one run (or in all runs): explicit
// source-access failures, and access errors of downloads from a UNC path.
std::vector<SourceFailure> sourceFailures(const Timeline& t, std::optional<size_t> run) {
  std::vector<SourceFailure> failures;
  for (EventIndex i : eventsOf(t, EventKind::SourceAccessFailed, run)) {
    const Event& e = eventAt(t, i).event;
    failures.push_back({i, std::string(e.get("path")), e.code("code")});
  }
  for (size_t r = 0; r < t.runs.size(); ++r) {
    if (run && r != *run) continue;
    for (EventIndex i : eventsOf(t, EventKind::DownloadFailed, r)) {
      const auto code = eventAt(t, i).event.code("code");
      const Download* download = downloadBefore(t.runs[r], i);
      if (isAccessError(code) && download && isUnc(download->source)) {
        failures.push_back({i, download->source, code});
      }
    }
  }
  std::sort(failures.begin(), failures.end(),
            [](const SourceFailure& a, const SourceFailure& b) { return a.event < b.event; });
  return failures;
}

bool runSucceeded(const Run& run) {
  return !run.errorCode && run.exitCode && (*run.exitCode == 0 || *run.exitCode == 7);
}

// The run that handed over to `service`: the latest earlier run that created the service.
std::optional<size_t> handingRun(const Timeline& t, size_t service) {
  for (size_t i = service; i-- > 0;) {
    if (t.runs[i].createdService) return i;
  }
  return std::nullopt;
}

// A completed copy the run made from `share` (ccmsetup copies itself first).
const Download* copyFrom(const Run& run, std::string_view share) {
  if (share.empty()) return nullptr;
  for (const Download& d : run.downloads) {
    if (d.completed && d.source.size() > share.size() &&
        containsNoCase(d.source.substr(0, share.size()), share)) {
      return &d;
    }
  }
  return nullptr;
}

// Whether two runs said they ran in the same account, e.g. a startup script as
// SYSTEM handing over to the SYSTEM service: then no context change is to blame.
bool sameAccount(std::string_view a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && containsNoCase(a, b);
}

void serviceContextSourceAccess(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  for (size_t s = 0; s < t.runs.size(); ++s) {
    const Run& service = t.runs[s];
    if (!service.service || service.commandLine.noService || runSucceeded(service)) continue;
    const auto failures = sourceFailures(t, s);
    if (failures.empty()) continue;
    const auto handing = handingRun(t, s);
    if (handing && sameAccount(t.runs[*handing].user, service.user)) continue;
    // Lines without a run banner or a hand-off (an excerpt) do not show the story:
    // the same failures alone have other causes (docs/ccmsetup-logs.md#failure-signatures).
    if (!handing && !service.pid) continue;
    const SourceFailure& first = failures.front();
    const std::uint64_t failureCount = failures.size() + unkeptCount(t, EventKind::SourceAccessFailed, s);
    const std::string share =
        shareOf(first.path.empty() ? service.commandLine.source.value_or("") : first.path);
    const std::string user = handing ? t.runs[*handing].user : "";
    const std::string who = user.empty() ? "the starting account" : user;
    const std::string place = share.empty() ? std::string("the setup source") : share;
    // The starting account proved it could read the share by copying from it.
    const Download* userCopy = handing ? copyFrom(t.runs[*handing], share) : nullptr;
    const Location& firstAt = eventAt(t, first.event).where;

    Finding f;
    f.rule = "service-context-source-access";
    f.severity = FindingSeverity::Error;
    const bool systemSaid = std::any_of(service.events.begin(), service.events.end(), [&](EventIndex i) {
      return eventAt(t, i).event.kind == EventKind::RunningAsUser;
    });
    f.confidence = handing && systemSaid && (isUnc(first.path) || isAccessError(first.code))
                       ? Confidence::High
                       : Confidence::Medium;
    f.title = "The ccmsetup service runs as SYSTEM and cannot read " + place +
              (userCopy ? ", which " + who + " could" : std::string());
    std::string story =
        "ccmsetup was started " + (user.empty() ? std::string("in a user account") : "by " + user);
    if (handing) {
      story += " (" + describeRun(t.runs[*handing]) +
               (user.empty() ? "; the log does not name the account)" : ")");
      story += userCopy ? ", which copied " + userCopy->source +
                              " from the share, registered the ccmsetup service and handed over to it. "
                        : ", which registered the ccmsetup service and handed over to it. ";
    } else {
      story += ". ";
    }
    f.explanation = story + "The service's run (" + describeRun(service) +
                    ") runs as Local System, which reaches network shares as the computer account, not as " +
                    who + ". The computer account cannot read " + place +
                    ": reading the setup files failed " + std::to_string(failureCount) +
                    (failureCount == 1 ? " time" : " times") + ", first at line " +
                    std::to_string(value(firstAt.line)) + timeAfter(", at ", f, firstAt, context) +
                    (first.code ? ", with " + describeCode(*first.code) : std::string()) +
                    ", so setup waits and retries instead of installing.";
    f.remedy =
        "Do one of these: (1) run ccmsetup with /noservice so the whole install runs in the "
        "starting account; (2) give the computer accounts (for example Domain Computers) read "
        "access to " +
        (share.empty() ? std::string("the share") : share) +
        " (share and NTFS permissions); (3) point /source: at a location Local System can read, "
        "or let the client download from its management point or distribution point.";

    std::vector<EventIndex> cited;
    if (userCopy) cited.push_back(userCopy->started);
    if (handing) {
      for (EventIndex i : eventsOf(t, EventKind::RunStarted, *handing)) cited.push_back(i);
      for (EventIndex i : eventsOf(t, EventKind::RunningAsUser, *handing)) cited.push_back(i);
      for (EventIndex i : eventsOf(t, EventKind::ServiceCreated, *handing)) cited.push_back(i);
    }
    for (EventKind kind : {EventKind::RunStarted, EventKind::RunningAsUser}) {
      for (EventIndex i : eventsOf(t, kind, s)) cited.push_back(i);
    }
    if (!systemSaid) {
      for (EventIndex i : eventsOf(t, EventKind::CommandLine, s)) cited.push_back(i);
    }
    cited.push_back(first.event);
    if (failures.size() > 1) cited.push_back(failures.back().event);
    for (EventIndex i : eventsOf(t, EventKind::SetupFailed, s)) cited.push_back(i);
    cite(t, cited, f);

    f.details.push_back({"user", user.empty() ? DetailValue{} : DetailValue{user}});
    f.details.push_back({"user_read_share", userCopy != nullptr});
    f.details.push_back({"bootstrap_pid", handing && t.runs[*handing].pid ? DetailValue{*t.runs[*handing].pid}
                                                                          : DetailValue{}});
    f.details.push_back({"service_pid", service.pid ? DetailValue{*service.pid} : DetailValue{}});
    f.details.push_back({"service_user", service.user.empty() ? DetailValue{} : DetailValue{service.user}});
    f.details.push_back({"share", share.empty() ? DetailValue{} : DetailValue{share}});
    f.details.push_back({"first_failure_path", first.path.empty() ? DetailValue{} : DetailValue{first.path}});
    f.details.push_back(
        {"first_failure_line", static_cast<std::int64_t>(value(eventAt(t, first.event).where.line))});
    f.details.push_back({"failures", static_cast<std::int64_t>(failureCount)});
    if (first.code) addCodeDetails(f, *first.code);
    out.push_back(std::move(f));
    return;
  }
}

// Seconds from `a` to `b` (UTC when both know it, else local time).
std::optional<std::int64_t> secondsBetween(const Location& a, const Location& b) {
  const auto ticks = ticksBetween(a, b);
  if (!ticks) return std::nullopt;
  return *ticks / Timestamp::kTicksPerSecond;
}

// "45 seconds" below a minute, else whole minutes: "1 minute", "60 minutes".
std::string spokenDuration(std::int64_t seconds) {
  if (seconds < 60) return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
  const std::int64_t minutes = (seconds + 30) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

void sourceAccessRetryLoop(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  const auto failures = sourceFailures(t, std::nullopt);
  if (failures.size() < 2) return;
  const std::uint64_t count = failures.size() + unkeptCount(t, EventKind::SourceAccessFailed);
  const Location& firstAt = eventAt(t, failures.front().event).where;
  const Location& lastAt = eventAt(t, failures.back().event).where;

  std::vector<std::int64_t> gaps;
  for (size_t i = 1; i < failures.size(); ++i) {
    if (auto gap =
            secondsBetween(eventAt(t, failures[i - 1].event).where, eventAt(t, failures[i].event).where)) {
      gaps.push_back(*gap);
    }
  }
  std::optional<std::int64_t> interval;
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    interval = gaps[gaps.size() / 2];
  }
  const auto elapsed = secondsBetween(firstAt, lastAt);

  size_t failureRun = 0;
  for (size_t r = 0; r < t.runs.size(); ++r) {
    const auto& ev = t.runs[r].events;
    if (std::find(ev.begin(), ev.end(), failures.back().event) != ev.end()) failureRun = r;
  }
  const auto statedTimeout =
      t.runs.empty() ? std::nullopt : t.runs[failureRun].commandLine.downloadTimeoutMinutes;
  const std::int64_t timeout = statedTimeout.value_or(kDefaultDownloadTimeoutMinutes);

  std::set<std::uint32_t> codes;
  for (const auto& failure : failures) {
    if (failure.code) codes.insert(*failure.code);
  }
  const std::optional<EventIndex> recovery =
      firstAfter(t, EventKind::DownloadComplete, failures.back().event);
  const bool recovered = recovery.has_value() || outcomeSucceeded(t);

  Finding f;
  f.rule = "source-access-retry-loop";
  f.severity = recovered ? FindingSeverity::Warning : FindingSeverity::Error;
  f.confidence = Confidence::High;
  // Failures stamped the same second have no interval worth saying.
  const std::string every = interval && *interval > 0 ? ", about every " + spokenDuration(*interval) : "";
  f.title = "Reading the setup source failed " + std::to_string(count) + " times" + every +
            (recovered ? ", then recovered" : ", and never recovered");
  f.explanation =
      "ccmsetup could not read its source files and kept waiting and retrying: " + std::to_string(count) +
      " failed attempts" + (elapsed && *elapsed > 0 ? " over " + spokenDuration(*elapsed) : std::string()) +
      every + ". " +
      (codes.size() > 1    ? "The error changed between attempts. "
       : codes.size() == 1 ? "Every attempt failed with " + describeCode(*codes.begin()) + ". "
                           : std::string()) +
      (recovered ? "A later attempt succeeded, so this cost time but did not stop the install."
                 : "It gives up when /downloadtimeout (" + std::to_string(timeout) + " minutes" +
                       (statedTimeout ? "" : ", the default") + ") has passed.");
  f.remedy = recovered ? "No action needed for this install; if it recurs, check the network path "
                         "and permissions of the source at the times shown."
                       : "Fix access to the source (see the other findings), then let the retry "
                         "task run again or restart ccmsetup.";
  std::vector<EventIndex> cited{failures.front().event, failures.back().event};
  for (EventKind kind : {EventKind::NextRetry, EventKind::WaitingForRetry}) {
    for (EventIndex i : eventsOf(t, kind)) {
      if (i > failures.front().event) {
        cited.push_back(i);
        break;
      }
    }
  }
  if (recovery) cited.push_back(*recovery);
  cite(t, cited, f);

  const auto utcText = [](const Location& l) {
    return l.utc() ? DetailValue{formatIso(*l.utc(), Zone::Utc)} : DetailValue{};
  };
  const auto localText = [](const Location& l) {
    return l.local ? DetailValue{formatIso(*l.local)} : DetailValue{};
  };
  f.details.push_back({"count", static_cast<std::int64_t>(count)});
  f.details.push_back({"first_utc", utcText(firstAt)});
  f.details.push_back({"last_utc", utcText(lastAt)});
  f.details.push_back({"first_local", localText(firstAt)});
  f.details.push_back({"last_local", localText(lastAt)});
  f.details.push_back({"interval_s", interval ? DetailValue{*interval} : DetailValue{}});
  f.details.push_back({"download_timeout_min", timeout});
  f.details.push_back({"download_timeout_default", !statedTimeout.has_value()});
  f.details.push_back({"time_left_min", elapsed && !recovered
                                            ? DetailValue{std::max<std::int64_t>(0, timeout - *elapsed / 60)}
                                            : DetailValue{}});
  f.details.push_back({"error_changed", codes.size() > 1});
  f.details.push_back({"recovered", recovered});
  if (codes.size() == 1) addCodeDetails(f, *codes.begin());
  out.push_back(std::move(f));
}

}  // namespace

void addServiceContextRules(std::vector<Rule>& rules) {
  rules.push_back({"service-context-source-access", serviceContextSourceAccess});
  rules.push_back({"source-access-retry-loop", sourceAccessRetryLoop});
}

}  // namespace ccmlog::rules
