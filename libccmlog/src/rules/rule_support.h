// rules/rule_support.h (internal): what every rule needs: the registry's
// shape, looking events up, citing them as evidence, and describing codes.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/knowledge.h"
#include "ccmlog/timeline.h"

namespace ccmlog::rules {

/// What a rule sees besides the timeline.
struct RuleContext {
  const std::vector<Finding>& earlier;  ///< the findings of the rules registered before it
  Clock clock = Clock::Local;           ///< the clock its prose tells times in
  const Knowledge& knowledge;           ///< the causes known, their texts and what they explain
};

/// A rule reads the timeline and appends the findings it makes (zero or more).
using RuleFunction = void (*)(const Timeline& timeline, const RuleContext& context,
                              std::vector<Finding>& out);

struct Rule {
  std::string_view id;  ///< empty for the one that runs the rules knowledge entries make alone
  RuleFunction run;
};

/// The registry: every rule, in the order they run (rule_registry.cpp).
const std::vector<Rule>& registry();
/// Whether code implements rule `id` (it is in the registry).
bool isCodeRule(std::string_view id);

/// Indexes of the timeline's events of `kind`, in log order, optionally of one run.
std::vector<EventIndex> eventsOf(const Timeline& t, EventKind kind, std::optional<size_t> run = std::nullopt);
/// Indexes of the timeline's events of any of `kinds`, in log order, optionally of one run.
std::vector<EventIndex> eventsOf(const Timeline& t, std::initializer_list<EventKind> kinds,
                                 std::optional<size_t> run = std::nullopt);
const TimelineEvent& eventAt(const Timeline& t, EventIndex i);
/// Events of `kind` that happened but are not kept (a run keeps the first and
/// last 64 of each kind): add it to a count of kept events to get the total.
std::uint64_t unkeptCount(const Timeline& t, EventKind kind, std::optional<size_t> run = std::nullopt);
/// The first event of `kind` after `i`, in any run; nullopt when there is none.
std::optional<EventIndex> firstAfter(const Timeline& t, EventKind kind, EventIndex i);
/// The runs a finding's evidence lies in, each once, in order.
std::vector<size_t> runsOf(const Timeline& t, const Finding& f);
/// The run the latest attempt starts with: the last run, or the bootstrap that handed over to it.
std::optional<size_t> latestAttemptStart(const Timeline& t);
/// The run whose events include `i`; nullopt when none does.
std::optional<size_t> runOf(const Timeline& t, EventIndex i);
/// The run the outcome was taken from, else the last run; nullopt when there are no runs.
std::optional<size_t> outcomeRun(const Timeline& t);
/// The download a failure at `i` belongs to: the run's latest one started at or before it; null if none.
const Download* downloadBefore(const Run& run, EventIndex i);

/// Evidence citing an event's record.
Evidence evidenceOf(const Timeline& t, EventIndex i);
/// Appends evidence for each event, keeping log order and skipping duplicates and Benign events.
void cite(const Timeline& t, std::vector<EventIndex> events, Finding& f);

/// "0x80070005 (ERROR_ACCESS_DENIED: Access is denied.)", "0x8007045d (ERROR_IO_DEVICE)" for a
/// code with a name and no text, or just the code when neither is known.
std::string describeCode(std::uint32_t code);
/// Details error_code, error_name, error_text for a cited code (prefix names them, e.g. "msi_").
void addCodeDetails(Finding& f, std::uint32_t code, std::string_view prefix = "");

/// "process 2764" or "a process whose start is not in the log".
std::string describeRun(const Run& run);
/// Whether the overall outcome shows the install went through (success or reboot pending).
bool outcomeSucceeded(const Timeline& t);
/// Error when the install did not go through in the end, Warning when it did.
FindingSeverity errorUnlessSucceeded(const Timeline& t);
/// Whether `findings` hold one of severity Error.
bool hasError(const std::vector<Finding>& findings);
/// A location's time in the clock of `context`, for a finding's prose; notes it in f.times.
std::string describeTime(Finding& f, const Location& where, const RuleContext& context);
/// `words` then describeTime, or nothing when the location has no time (an
/// excerpt): `"failed" + timeAfter(", at ", f, where, context) + "."`.
std::string timeAfter(std::string_view words, Finding& f, const Location& where, const RuleContext& context);
/// "1 attempt", "3 attempts": n and the noun, with an "s" unless n is 1.
std::string countOf(size_t n, std::string_view noun);
/// The event's physical line, as a detail value.
std::int64_t lineOf(const Timeline& t, EventIndex i);
/// A text detail, or null when the text is empty.
DetailValue textOrNull(std::string_view text);

/// Whether `path` is a UNC path ("\\server\share\...").
bool isUnc(std::string_view path);
/// Access denied and the network-path errors: what a share answers an account it does not let in.
bool isAccessError(std::optional<std::uint32_t> code);
/// The last part of a Windows path or URL: "C:\Windows\ccmsetup\client.msi" -> "client.msi".
std::string_view fileNameOf(std::string_view path);
/// Whether `text` contains `word`, ignoring ASCII case.
bool containsNoCase(std::string_view text, std::string_view word);

}  // namespace ccmlog::rules
