// Fetching the client files over HTTP: BITS downloads that fail at the
// management point or distribution point, BITS itself broken or too old, and
// finding no distribution point to download from
// (docs/ccmsetup-logs.md#failure-signatures).
// Access errors on a UNC source are the service-context rules' business.
#include <set>

#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

constexpr std::uint32_t kHttp404 = 0x80190194;                  // BG_E_HTTP_ERROR_404
constexpr std::uint32_t kServiceDependencyFailed = 0x8007042C;  // a service BITS needs did not start
constexpr std::uint32_t kItemNotFound = 0x87D00215;             // no DP has the client package
constexpr std::uint32_t kInvalidServerResponse = 0x80072F78;    // the MP's reply came back garbled

struct DownloadFailure {
  EventIndex event;
  std::string source;  // URL or path of the failing download; empty when unknown
  std::optional<std::uint32_t> code;
};

// BITS downloads that failed and BITS that could not start, in log order; access
// errors on a UNC source are left to the service-context rules.
std::vector<DownloadFailure> downloadFailures(const Timeline& t) {
  std::vector<DownloadFailure> failures;
  for (EventIndex i : eventsOf(t, {EventKind::DownloadFailed, EventKind::BitsUnavailable})) {
    const Event& e = eventAt(t, i).event;
    const auto run = runOf(t, i);
    // BITS that cannot start has no download of its own: the latest one before it is another's.
    const Download* download =
        run && e.kind == EventKind::DownloadFailed ? downloadBefore(t.runs[*run], i) : nullptr;
    const std::string source = download ? download->source : "";
    const auto code = e.code("code");
    if (isUnc(source) && isAccessError(code)) continue;
    failures.push_back({i, source, code});
  }
  return failures;
}

// What starts a new attempt: ccmsetup writes two failure lines for one BITS
// job ("through BITS", then "client files by BITS"), which count once.
bool startsAttempt(EventKind kind) {
  return kind == EventKind::RunStarted || kind == EventKind::LocationSearch ||
         kind == EventKind::DownloadStarted || kind == EventKind::BitsFileAdded ||
         kind == EventKind::BitsDownloadStarted || kind == EventKind::NextRetry ||
         kind == EventKind::WaitingForRetry;
}

size_t attemptsOf(const Timeline& t, const std::vector<DownloadFailure>& failures) {
  size_t attempts = 0;
  std::optional<EventIndex> previous;
  for (const DownloadFailure& f : failures) {
    bool fresh = !previous;
    for (std::uint32_t n = previous ? value(*previous) + 1 : 0; !fresh && n < value(f.event); ++n) {
      fresh = startsAttempt(t.events[n].event.kind);
    }
    if (fresh) ++attempts;
    previous = f.event;
  }
  return attempts;
}

// "HTTP://MP01.contoso.com:80/CCM_Client/x.cab" -> "MP01.contoso.com"; empty when not a URL.
std::string_view hostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::string_view rest = url.substr(scheme + 3);
  return rest.substr(0, rest.find_first_of(":/"));
}

// Why a download failed, in words for the finding.
struct DownloadCause {
  std::string id, what, why, remedy;
};

DownloadCause downloadCause(const Timeline& t, const DownloadFailure& f) {
  const TimelineEvent& e = eventAt(t, f.event);
  if (e.event.kind == EventKind::BitsUnavailable && !f.code) {
    return {"bits-too-old", "this Windows has a BITS version that is too old",
            "ccmsetup downloads with BITS (Background Intelligent Transfer Service) and needs "
            "BITS 2.5 or later; this operating system has an older one.",
            "Install BITS 2.5 or later (through Windows Update or the BITS update package for "
            "this Windows version), restart, then run ccmsetup again."};
  }
  if (e.event.kind == EventKind::BitsUnavailable) {
    return {"bits-broken", "BITS could not be started",
            "ccmsetup downloads with BITS (Background Intelligent Transfer Service), but BITS "
            "could not be started (" +
                describeCode(*f.code) + ")" +
                (*f.code == kServiceDependencyFailed ? ": a service BITS depends on failed to start." : "."),
            "On this machine, set the Background Intelligent Transfer Service and the services "
            "it depends on (Remote Procedure Call, COM+ Event System) to start, start BITS "
            "('sc start bits') and check the System event log for why it fails; repair BITS if "
            "it is damaged, then run ccmsetup again."};
  }
  if (f.code == kHttp404) {
    const bool mp = containsNoCase(f.source, "/CCM_Client/");
    return {"content-missing", "the file is not there (HTTP 404)",
            "The server answered HTTP 404: the requested file does not exist at that address. " +
                std::string(mp ? "The address is the management point's CCM_Client folder, "
                                 "which setup uses when no distribution point can be used; "
                                 "the client files are missing there."
                               : "The distribution point does not hold the client package "
                                 "content."),
            mp ? "Check that the URL opens from this machine. On the site, repair the management "
                 "point's client files (the CCM_Client folder; reinstall the management point if "
                 "it stays empty), or make a distribution point usable for this machine so that "
                 "setup does not fall back to the management point (see the distribution point "
                 "finding). Then let the retry task run or restart ccmsetup."
               : "Redistribute the Configuration Manager Client Package to the distribution "
                 "point (or validate its content), check that the URL opens from this machine, "
                 "then let the retry task run or restart ccmsetup."};
  }
  return {"download-error", "the download failed",
          "BITS could not download the client files" +
              (f.code ? " (" + describeCode(*f.code) + ")" : std::string()) + ".",
          "Check that this machine reaches the address (name resolution, firewall, proxy) and "
          "that the server is up, then let the retry task run or restart ccmsetup."};
}

void downloadFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const auto failures = downloadFailures(t);
  if (failures.empty()) return;
  const DownloadFailure& first = failures.front();
  const DownloadFailure& last = failures.back();  // the one that decided how setup went on
  const DownloadCause cause = downloadCause(t, last);
  const size_t attempts = attemptsOf(t, failures);
  const auto recovery = firstAfter(t, EventKind::DownloadComplete, last.event);
  const bool recovered = recovery.has_value() || outcomeSucceeded(t);
  std::set<std::uint32_t> codes;
  for (const DownloadFailure& f : failures) {
    if (f.code) codes.insert(*f.code);
  }

  Finding f;
  f.rule = "download-failed";
  f.severity = recovered ? FindingSeverity::Warning : FindingSeverity::Error;
  f.confidence = cause.id == "download-error" ? Confidence::Medium : Confidence::High;
  f.title = "Downloading the client files" + (last.source.empty() ? std::string() : " from " + last.source) +
            " failed: " + cause.what + ", " + countOf(attempts, "attempt") +
            (recovered ? ", then recovered" : "");
  const Location& firstAt = eventAt(t, first.event).where;
  const Location& lastAt = eventAt(t, last.event).where;
  f.explanation =
      cause.why + " " +
      (attempts == 1 ? "It failed once" + timeAfter(", at ", f, firstAt, context) + "."
                     : countOf(attempts, "attempt") + " failed" + timeAfter(", from ", f, firstAt, context) +
                           timeAfter(" to ", f, lastAt, context) + "." +
                           (codes.size() > 1 ? " The error changed between attempts." : "")) +
      (recovered ? " A later download succeeded, so this cost time but did not stop the install."
                 : " Without the files setup cannot install the client.");
  f.remedy = recovered ? "No action needed for this install; if it recurs: " + cause.remedy : cause.remedy;

  std::vector<EventIndex> cited{first.event, last.event};
  const auto run = runOf(t, last.event);
  if (const Download* d = run && !last.source.empty() ? downloadBefore(t.runs[*run], last.event) : nullptr) {
    cited.push_back(d->started);
  }
  if (recovery) cited.push_back(*recovery);
  for (EventIndex i : eventsOf(t, EventKind::SetupFailed)) {
    if (last.code && eventAt(t, i).event.code("code") == last.code) cited.push_back(i);
  }
  cite(t, cited, f);

  f.details.push_back({"cause", cause.id});
  f.details.push_back({"url", textOrNull(last.source)});
  f.details.push_back({"host", textOrNull(hostOf(last.source))});
  f.details.push_back({"failures", static_cast<std::int64_t>(attempts)});
  f.details.push_back({"first_failure_line", lineOf(t, first.event)});
  f.details.push_back({"last_failure_line", lineOf(t, last.event)});
  f.details.push_back({"error_changed", codes.size() > 1});
  f.details.push_back({"recovered", recovered});
  if (last.code) addCodeDetails(f, *last.code);
  out.push_back(std::move(f));
}

// Why no distribution point could be used; the first that applies wins.
enum class DpCause { Authentication, ContentNotOnDp, Proxy, Other };

void noDistributionPoint(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  const auto problems = eventsOf(t, {EventKind::DpLocationFailed, EventKind::AllMpsTried,
                                     EventKind::NoGoodDpLocation, EventKind::UrlCheckFailed});
  if (problems.empty()) return;
  const auto challenges = eventsOf(t, EventKind::HttpAuthChallenge);
  std::optional<EventIndex> refused, located;  // a DP answering 401; the MP failing to name DPs
  std::uint32_t locateCode = 0;                // the code of `located`
  for (EventIndex i : problems) {
    const Event& e = eventAt(t, i).event;
    const bool unauthorized = e.get("status") == "401" || (e.get("status").empty() && !challenges.empty());
    if (!refused && e.kind == EventKind::UrlCheckFailed && unauthorized) refused = i;
    if (!located && e.kind == EventKind::DpLocationFailed && e.code("code")) {
      located = i;
      locateCode = *e.code("code");
    }
  }
  const DpCause cause = refused                                ? DpCause::Authentication
                        : locateCode == kItemNotFound          ? DpCause::ContentNotOnDp
                        : locateCode == kInvalidServerResponse ? DpCause::Proxy
                                                               : DpCause::Other;
  const auto fallbacks = eventsOf(t, EventKind::NoGoodDpLocation);
  const auto allMps = eventsOf(t, EventKind::AllMpsTried);
  const bool fellBack = !fallbacks.empty();
  const std::string dpUrl = refused ? std::string(eventAt(t, *refused).event.get("url")) : "";
  const std::string dp(hostOf(dpUrl));
  const auto run = runOf(t, problems.front());
  std::string mp = located ? std::string(eventAt(t, *located).event.get("mp")) : "";
  if (mp.empty() && run) mp = t.runs[*run].commandLine.mp.value_or("");
  const std::string theMp = mp.empty() ? "the management point" : "the management point (" + mp + ")";

  Finding f;
  f.rule = "no-distribution-point";
  f.severity = fellBack || outcomeSucceeded(t) ? FindingSeverity::Warning : FindingSeverity::Error;
  f.confidence = cause == DpCause::Other ? Confidence::Medium : Confidence::High;
  const std::string fallbackTitle = fellBack ? "; setup fell back to the management point" : "";
  std::string why, remedy;
  switch (cause) {
    case DpCause::Authentication:
      f.title = (dp.empty() ? std::string("A distribution point") : "Distribution point " + dp) +
                " refused this machine (HTTP 401)" + fallbackTitle;
      why = "ccmsetup asked " + theMp + " where to download the client and was sent to " +
            (dp.empty() ? std::string("a distribution point") : dp) +
            ". That server asked for Windows authentication (HTTP 401) and the machine could not "
            "log on to it. This is typical of a workgroup or DMZ machine: it has no domain account "
            "the distribution point accepts.";
      remedy =
          "Let the machine authenticate to the distribution point: configure a network access "
          "account for the site, or enable Enhanced HTTP (or HTTPS with client certificates) "
          "so that clients outside the domain can download, or allow anonymous connections "
          "on the distribution point. Then run ccmsetup again.";
      break;
    case DpCause::ContentNotOnDp:
      f.title = "No reachable distribution point has the client package (0x87d00215)" + fallbackTitle;
      why = "Asked for distribution points, " + theMp +
            " answered that none this machine may use holds the client package (" +
            describeCode(kItemNotFound) +
            "): the Configuration Manager Client Package is not "
            "distributed to a distribution point of the machine's boundary group, or the machine "
            "is in no boundary.";
      remedy =
          "Distribute the Configuration Manager Client Package to a distribution point in this "
          "machine's boundary group, and check that a boundary covers the machine's IP subnet "
          "or AD site. Then let the retry task run or restart ccmsetup.";
      break;
    case DpCause::Proxy:
      f.title =
          "The management point's list of distribution points came back garbled (0x80072f78)" + fallbackTitle;
      why = "ccmsetup could not read the answer of " + theMp + " about where to download (" +
            describeCode(kInvalidServerResponse) +
            "). This usually means a proxy between the "
            "machine and the management point changed the reply.";
      remedy =
          "Let the machine reach the management point directly: exclude it from the proxy, or "
          "configure the proxy to pass ConfigMgr traffic unchanged. Then run ccmsetup again.";
      break;
    case DpCause::Other:
      f.title = (fellBack ? "No usable distribution point" : "ccmsetup could not find a distribution point") +
                fallbackTitle;
      why = "ccmsetup asked " + theMp + " for distribution points" +
            (located ? " and got " + describeCode(locateCode) : std::string()) + "; none could be used.";
      remedy =
          "Check the boundary groups and the health of the distribution points for this "
          "machine's network location, then run ccmsetup again.";
      break;
  }
  f.explanation = why + (allMps.empty() ? "" : " It tried every management point it knew.") +
                  (fellBack ? " With no usable distribution point, setup fell back to downloading "
                              "from the management point; the download finding says how that went."
                            : " Without a distribution point setup cannot download the client.");
  f.remedy = remedy;

  std::vector<EventIndex> cited{problems.front(), problems.back()};
  if (refused) {
    cited.push_back(*refused);
    // The challenge just before the first refusal shows Windows authentication was tried.
    std::optional<EventIndex> challenge;
    for (EventIndex i : challenges) {
      if (i < *refused) challenge = i;
    }
    if (challenge) cited.push_back(*challenge);
  }
  if (located) cited.push_back(*located);
  if (fellBack) cited.push_back(fallbacks.front());
  if (!allMps.empty()) cited.push_back(allMps.front());
  cite(t, cited, f);

  static constexpr std::string_view kCauseIds[] = {"dp-authentication", "content-not-on-dp", "proxy",
                                                   "other"};
  f.details.push_back({"cause", std::string(kCauseIds[static_cast<size_t>(cause)])});
  f.details.push_back({"dp_url", textOrNull(dpUrl)});
  f.details.push_back({"dp", textOrNull(dp)});
  f.details.push_back({"mp", textOrNull(mp)});
  f.details.push_back({"http_status", refused ? DetailValue{std::int64_t{401}} : DetailValue{}});
  f.details.push_back({"fell_back_to_mp", fellBack});
  f.details.push_back({"all_mps_tried", !allMps.empty()});
  if (located) addCodeDetails(f, locateCode);
  out.push_back(std::move(f));
}

}  // namespace

void addDownloadRules(std::vector<Rule>& rules) {
  rules.push_back({"download-failed", downloadFailed});
  rules.push_back({"no-distribution-point", noDistributionPoint});
}

}  // namespace ccmlog::rules
