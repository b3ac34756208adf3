// Installing: the prerequisites, client.msi itself, and the ccmsetup return
// codes that say how an install ended: 7 reboot required, 8 setup already
// running, 10 manifest hash validation failure (docs/ccmsetup-logs.md#return-codes,
// #failure-signatures).
#include <algorithm>
#include <array>

#include "ccmlog/error_codes.h"
#include "rules/known_causes.h"
#include "rules/rule_families.h"
#include "rules/rule_support.h"

namespace ccmlog::rules {
namespace {

constexpr std::uint32_t kInstallFailure = 0x80070643;         // ERROR_INSTALL_FAILURE, MSI 1603
constexpr std::uint32_t kInstallAlreadyRunning = 0x80070652;  // ERROR_INSTALL_ALREADY_RUNNING, MSI 1618
constexpr std::int64_t kMsiAlreadyRunning = 1618;
constexpr std::int64_t kReturnRebootRequired = 7;
constexpr std::int64_t kReturnAlreadyRunning = 8;
constexpr std::int64_t kReturnManifestHash = 10;

// Windows Installer exit codes after which the product is installed.
bool msiSucceeded(std::int64_t code) { return code == 0 || code == 3010 || code == 1641; }

// ccmsetup's "installation failed" record goes on with "Action: NAME" on a line of its own.
std::string_view actionNamedIn(std::string_view text) {
  constexpr std::string_view kLabel = "\nAction: ";
  const size_t at = text.find(kLabel);
  if (at == std::string_view::npos) return {};
  std::string_view name = text.substr(at + kLabel.size());
  name = name.substr(0, name.find_first_of("\r\n"));
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}

// What the logs say about a failed client.msi.
struct MsiFailure {
  std::vector<EventIndex> reported;       // ccmsetup: "client.msi installation failed"
  std::vector<EventIndex> exits;          // client.msi.log: "MainEngineThread is returning N"
  std::vector<EventIndex> returns;        // client.msi.log: "Return value 3"
  std::vector<EventIndex> setupFailures;  // ccmsetup failed with 0x80070643, no prerequisite failed
  std::vector<EventIndex> msiErrors;      // MSI's "Error NNNN." lines before the failing action
  std::optional<EventIndex> failingAction;
  std::string action;
  std::optional<std::int64_t> exitCode;  // ccmsetup's report first, else the MSI log's
};

// Whether 0x80070643 in this run is client.msi's: a ccmsetup run (its banner
// seen), or lines that show Windows Installer at work. A role's setup log says
// "Installation failed with error code 1603" too.
bool ranWindowsInstaller(const Timeline& t, std::optional<size_t> run) {
  if (!run) return false;
  const Run& r = t.runs[*run];
  if (r.pid) return true;
  for (EventKind kind : {EventKind::MsiAction, EventKind::MsiError, EventKind::MsiReturnValue3,
                         EventKind::MsiInstallFailed, EventKind::MsiExitCode, EventKind::MsiStatus}) {
    if (r.count(kind) > 0) return true;
  }
  return false;
}

std::optional<MsiFailure> msiFailureOf(const Timeline& t) {
  MsiFailure m;
  // 1618 (Windows Installer busy) is setup-already-running's.
  for (EventIndex i : eventsOf(t, {EventKind::MsiInstallFailed, EventKind::MsiExitCode})) {
    const auto code = eventAt(t, i).event.number("exitcode");
    if (!code || msiSucceeded(*code) || *code == kMsiAlreadyRunning) continue;
    (eventAt(t, i).event.kind == EventKind::MsiInstallFailed ? m.reported : m.exits).push_back(i);
  }
  m.returns = eventsOf(t, EventKind::MsiReturnValue3);
  for (EventIndex i : eventsOf(t, EventKind::SetupFailed)) {
    if (eventAt(t, i).event.code("code") == kInstallFailure &&
        eventsOf(t, EventKind::PrerequisiteFailed, runOf(t, i)).empty() &&
        ranWindowsInstaller(t, runOf(t, i))) {
      m.setupFailures.push_back(i);
    }
  }
  if (m.reported.empty() && m.exits.empty() && m.returns.empty() && m.setupFailures.empty())
    return std::nullopt;

  // The first "Return value 3" names the failing action; without client.msi.log, ccmsetup's record does.
  if (!m.returns.empty()) {
    m.failingAction = m.returns.front();
    m.action = eventAt(t, m.returns.front()).event.get("action");
  } else if (!m.reported.empty()) {
    m.failingAction = m.reported.front();
    m.action = actionNamedIn(eventAt(t, m.reported.front()).text);
  }
  for (EventIndex i : eventsOf(t, EventKind::MsiError)) {
    const bool beforeFailure =
        m.returns.empty() ||
        (eventAt(t, i).where.file == eventAt(t, m.returns.front()).where.file && i < m.returns.front());
    if (beforeFailure) m.msiErrors.push_back(i);
  }
  if (!m.reported.empty() || !m.exits.empty()) {
    m.exitCode =
        eventAt(t, m.reported.empty() ? m.exits.front() : m.reported.front()).event.number("exitcode");
  }
  return m;
}

// "Just before it, Windows Installer reported Error 25150: … (and 2 more errors). "; empty without errors.
std::string describeMsiErrors(const Timeline& t, const std::vector<EventIndex>& errors) {
  if (errors.empty()) return {};
  const Event& e = eventAt(t, errors.front()).event;
  std::string_view text = e.get("text");
  if (text.ends_with('.')) text.remove_suffix(1);
  return "Just before it, Windows Installer reported Error " + std::string(e.get("number")) + ": " +
         std::string(text) +
         (errors.size() > 1 ? " (and " + countOf(errors.size() - 1, "more error") + ")" : "") + ". ";
}

void msiInstallFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const auto failure = msiFailureOf(t);
  if (!failure) return;
  const MsiFailure& m = *failure;
  std::vector<EventIndex> reasons = m.msiErrors;
  reasons.insert(reasons.end(), m.reported.begin(), m.reported.end());
  if (!m.returns.empty()) reasons.push_back(m.returns.front());
  // Its known causes (msi-install-failed.toml) show in those lines or in lines only knowledge names.
  const auto named = eventsOf(t, EventKind::KnowledgeLine);
  reasons.insert(reasons.end(), named.begin(), named.end());
  const KnownCause known = knownCause(t, context.knowledge, "msi-install-failed", reasons);
  const KnowledgeEntry* cause = known.entry;
  // The code setup ended with, else the MSI exit code read as the Win32 error it is.
  const std::uint32_t code =
      !m.setupFailures.empty() || !m.exitCode ? kInstallFailure : static_cast<std::uint32_t>(*m.exitCode);

  Finding f;
  f.rule = "msi-install-failed";
  f.severity = errorUnlessSucceeded(t);
  f.confidence = !m.action.empty() || cause ? Confidence::High : Confidence::Medium;
  f.title = "client.msi failed" + (m.action.empty() ? std::string() : " in action " + m.action) +
            (m.exitCode ? " with exit code " + std::to_string(*m.exitCode) : std::string()) +
            (cause ? ": " + cause->title : std::string());
  f.explanation =
      "Windows Installer could not install the Configuration Manager client (client.msi)" +
      (m.exitCode ? ": it returned " + std::to_string(*m.exitCode) + ", that is " +
                        describeCode(static_cast<std::uint32_t>(*m.exitCode))
                  : std::string()) +
      ". " +
      (m.action.empty() ? std::string()
                        : "The first action that failed is " + m.action + " (line " +
                              std::to_string(lineOf(t, *m.failingAction)) +
                              (m.returns.empty() ? " of ccmsetup.log). " : " of client.msi.log). ")) +
      describeMsiErrors(t, m.msiErrors) +
      (cause ? cause->explanation
             : std::string(
                   "The lines just above the first \"Return value 3\" in client.msi.log give the reason."));
  f.remedy = cause ? cause->remedy
                   : "Open client.msi.log (in %windir%\\ccmsetup\\Logs) at the first \"Return value 3\"" +
                         (m.action.empty() ? std::string() : " (action " + m.action + ")") +
                         " and read the lines just above it; fix what they name, then run ccmsetup again.";

  std::vector<EventIndex> cited;
  if (!m.msiErrors.empty()) cited.insert(cited.end(), {m.msiErrors.front(), m.msiErrors.back()});
  if (m.failingAction) cited.push_back(*m.failingAction);
  if (!m.reported.empty()) cited.push_back(m.reported.front());
  if (!m.exits.empty()) cited.push_back(m.exits.front());
  if (!m.setupFailures.empty()) cited.push_back(m.setupFailures.back());
  cited.insert(cited.end(), known.lines.begin(), known.lines.end());
  cite(t, cited, f);

  std::vector<std::string> numbers;  // distinct, in log order
  for (EventIndex i : m.msiErrors) {
    const std::string number(eventAt(t, i).event.get("number"));
    if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) numbers.push_back(number);
  }
  std::string joined;
  for (const std::string& n : numbers) joined += (joined.empty() ? "" : ",") + n;
  f.details.push_back({"action", textOrNull(m.action)});
  f.details.push_back(
      {"action_line", m.failingAction ? DetailValue{lineOf(t, *m.failingAction)} : DetailValue{}});
  f.details.push_back({"msi_exit_code", m.exitCode ? DetailValue{*m.exitCode} : DetailValue{}});
  f.details.push_back({"msi_errors", textOrNull(joined)});
  f.details.push_back({"known_cause", cause ? DetailValue{cause->cause} : DetailValue{}});
  addCodeDetails(f, code);
  if (cause && cause->code) addCodeDetails(f, *cause->code, "cause_");
  out.push_back(std::move(f));
}

// Prerequisites ccmsetup installs before client.msi, by the start of their file name.
struct Prerequisite {
  std::string_view file, name;
};

constexpr Prerequisite kPrerequisites[] = {
    {"vcredist", "the Microsoft Visual C++ runtime"},
    {"MicrosoftPolicyPlatformSetup", "Microsoft Policy Platform"},
    {"Silverlight", "Microsoft Silverlight"},
    {"WindowsUpdateAgent", "the Windows Update Agent"},
};

std::string_view prerequisiteName(std::string_view file) {
  for (const Prerequisite& p : kPrerequisites) {
    if (file.size() >= p.file.size() && containsNoCase(file.substr(0, p.file.size()), p.file)) return p.name;
  }
  return {};
}

void prerequisiteFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  const auto failures = eventsOf(t, EventKind::PrerequisiteFailed);
  if (failures.empty()) return;
  const Event& last = eventAt(t, failures.back()).event;  // the one that stopped setup
  const std::string path(last.get("file"));
  const std::string file(fileNameOf(path));
  const std::string_view name = prerequisiteName(file);
  const auto exitCode = last.number("exitcode");
  // Installer exit codes are Win32 errors; other programs' codes are described only when the table knows them.
  std::optional<ErrorInfo> exitInfo;
  if (exitCode && *exitCode >= 0) {
    const ErrorInfo info = lookupError(static_cast<std::uint32_t>(*exitCode));
    if (info.known()) exitInfo = info;
  }
  const auto run = runOf(t, failures.back());
  const auto setupFailures = eventsOf(t, EventKind::SetupFailed, run);
  std::optional<std::uint32_t> setupCode;
  if (!setupFailures.empty()) setupCode = eventAt(t, setupFailures.back()).event.code("code");
  // Its known causes (prerequisite-failed.toml) show in the failures or in lines only knowledge names.
  std::vector<EventIndex> reasons = failures;
  const auto named = eventsOf(t, EventKind::KnowledgeLine);
  reasons.insert(reasons.end(), named.begin(), named.end());
  const KnownCause known = knownCause(t, context.knowledge, "prerequisite-failed", reasons);
  const KnowledgeEntry* cause = known.entry;

  Finding f;
  f.rule = "prerequisite-failed";
  f.severity = errorUnlessSucceeded(t);
  f.confidence = Confidence::High;
  const std::string exitText = exitCode ? "exit code " + std::to_string(*exitCode) : "an error";
  f.title = "The prerequisite " + file + (name.empty() ? "" : " (" + std::string(name) + ")") +
            " failed with " + exitText + (cause ? ": " + cause->title : "; the client was not installed");
  f.explanation =
      "Before it installs the client, ccmsetup installs the programs the client needs. " + file +
      (name.empty() ? "" : ", " + std::string(name) + ",") + " failed with " + exitText +
      (exitInfo ? " (" + std::string(exitInfo->name) + ": " + std::string(exitInfo->text) + ")" : "") +
      ", so ccmsetup stopped before client.msi" +
      (outcomeSucceeded(t) ? "; a later attempt went through." : " and the client is not installed.") +
      (setupCode == kInstallFailure
           ? " The final error 0x80070643 is this prerequisite's failure, not client.msi's."
           : "") +
      (cause ? " " + cause->explanation : "");
  f.remedy =
      cause ? cause->remedy
            : "Run " + (path.empty() ? std::string("the prerequisite") : path) +
                  " by hand on this machine to see its own error and log, and fix what it names (often a "
                  "pending restart, a newer or damaged copy already installed, or the Windows Installer "
                  "service); restart, then run ccmsetup again.";

  std::vector<EventIndex> cited{failures.front(), failures.back()};
  if (!setupFailures.empty()) cited.push_back(setupFailures.back());
  cited.insert(cited.end(), known.lines.begin(), known.lines.end());
  cite(t, cited, f);

  f.details.push_back({"prerequisite", textOrNull(file)});
  f.details.push_back({"path", textOrNull(path)});
  f.details.push_back({"exit_code", exitCode ? DetailValue{*exitCode} : DetailValue{}});
  f.details.push_back({"failures", static_cast<std::int64_t>(failures.size())});
  f.details.push_back({"known_cause", cause ? DetailValue{cause->cause} : DetailValue{}});
  if (exitInfo) addCodeDetails(f, exitInfo->code, "exit_");
  if (setupCode) addCodeDetails(f, *setupCode);
  out.push_back(std::move(f));
}

// The ExitCode events of the outcome's run (else the last run) with return code `code`.
std::vector<EventIndex> exitsWith(const Timeline& t, std::int64_t code) {
  std::vector<EventIndex> found;
  for (EventIndex i : eventsOf(t, EventKind::ExitCode, outcomeRun(t))) {
    if (eventAt(t, i).event.number("code") == code) found.push_back(i);
  }
  return found;
}

void rebootRequired(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  if (t.outcome.status == OutcomeStatus::Failed || !outcomeRun(t)) return;  // failures speak first
  auto signs = exitsWith(t, kReturnRebootRequired);
  const auto requests = eventsOf(t, EventKind::RebootRequired, outcomeRun(t));
  if (signs.empty() && requests.empty()) return;
  const bool returned7 = !signs.empty();
  signs.insert(signs.end(), requests.begin(), requests.end());

  Finding f;
  f.rule = "reboot-required";
  f.severity = FindingSeverity::Warning;
  f.confidence = Confidence::High;
  f.title = "The client is installed; Windows must restart to finish";
  f.explanation = std::string(requests.empty() ? "" : "Windows Installer asked for a restart. ") +
                  (returned7 ? "ccmsetup ended with return code 7, which means 'reboot required' (it is not "
                               "Windows error 7). "
                             : "") +
                  "Setup has done its part; the installation completes after the restart, and ccmsetup "
                  "carries on by itself.";
  f.remedy =
      "Restart the computer (or wait for the planned restart). Afterwards, check that the "
      "SMS Agent Host service (CcmExec) runs and that ccmsetup.log ends with return code 0.";
  cite(t, signs, f);
  f.details.push_back({"exit_code", returned7 ? DetailValue{kReturnRebootRequired} : DetailValue{}});
  out.push_back(std::move(f));
}

void setupAlreadyRunning(const Timeline& t, const RuleContext&, std::vector<Finding>& out) {
  if (outcomeSucceeded(t) || !outcomeRun(t)) return;  // the other instance got the job done
  const auto returned8 = exitsWith(t, kReturnAlreadyRunning);
  std::vector<EventIndex> ccmsetupBusy = returned8, msiBusy;
  for (EventIndex i : eventsOf(t,
                               {EventKind::AlreadyRunning, EventKind::MsiInstallFailed,
                                EventKind::MsiExitCode, EventKind::SetupFailed, EventKind::DeploymentStatus},
                               outcomeRun(t))) {
    const Event& e = eventAt(t, i).event;
    if (e.kind == EventKind::AlreadyRunning) {
      ccmsetupBusy.push_back(i);
    } else if (e.number("exitcode") == kMsiAlreadyRunning || e.code("code") == kInstallAlreadyRunning) {
      msiBusy.push_back(i);
    }
  }
  if (ccmsetupBusy.empty() && msiBusy.empty()) return;
  const bool ccmsetup = !ccmsetupBusy.empty();

  Finding f;
  f.rule = "setup-already-running";
  f.severity = FindingSeverity::Error;
  f.confidence = Confidence::High;
  if (ccmsetup) {
    f.title = "Another ccmsetup was already running, so this one stopped";
    f.explanation =
        "ccmsetup found another copy of itself at work on this machine and stopped "
        "(return code 8: setup already running). This happens when setup is started "
        "twice, for example by client push and by a startup script, or while the "
        "ccmsetup service of an earlier start is still working.";
    f.remedy =
        "Let the other ccmsetup finish and check its result further down in ccmsetup.log; "
        "start setup from one place only. If no ccmsetup is actually running, delete the "
        "leftover ccmsetup service and run ccmsetup again.";
  } else {
    f.title = "Another installation was in progress, so client.msi could not start (1618)";
    f.explanation = "Windows Installer was busy with another installation (" +
                    describeCode(kInstallAlreadyRunning) +
                    "), so client.msi could not run. Another "
                    "program, Windows Update or a second ccmsetup was installing at the same time.";
    f.remedy =
        "Wait until the other installation has finished (restart the machine if one hangs), "
        "then run ccmsetup again; its retry task also tries again by itself.";
  }
  std::vector<EventIndex> cited = ccmsetupBusy;
  cited.insert(cited.end(), msiBusy.begin(), msiBusy.end());
  cite(t, cited, f);
  f.details.push_back({"cause", ccmsetup ? "ccmsetup-running" : "msi-busy"});
  f.details.push_back({"exit_code", returned8.empty() ? DetailValue{} : DetailValue{kReturnAlreadyRunning}});
  if (!msiBusy.empty()) addCodeDetails(f, kInstallAlreadyRunning);
  out.push_back(std::move(f));
}

void manifestHashFailed(const Timeline& t, const RuleContext& context, std::vector<Finding>& out) {
  // A finding that names the file whose signature or hash failed says more than the return code.
  const bool named = std::any_of(context.earlier.begin(), context.earlier.end(),
                                 [](const Finding& f) { return f.rule == "certificate-signature-invalid"; });
  const auto exits = exitsWith(t, kReturnManifestHash);
  if (named || exits.empty()) return;
  // Its texts are its entry's (manifest-hash-failed.toml), which names the same line.
  const KnownCause known = knownCause(t, context.knowledge, "manifest-hash-failed", exits);
  if (!known.entry) return;

  Finding f;
  f.rule = "manifest-hash-failed";
  f.severity = errorUnlessSucceeded(t);
  f.confidence = Confidence::High;
  f.title = known.entry->title;
  f.explanation = known.entry->explanation;
  f.remedy = known.entry->remedy;
  cite(t, exits, f);
  f.details.push_back({"exit_code", kReturnManifestHash});
  out.push_back(std::move(f));
}

}  // namespace

void addInstallRules(std::vector<Rule>& rules) {
  rules.push_back({"prerequisite-failed", prerequisiteFailed});
  rules.push_back({"msi-install-failed", msiInstallFailed});
  rules.push_back({"reboot-required", rebootRequired});
  rules.push_back({"setup-already-running", setupAlreadyRunning});
  rules.push_back({"manifest-hash-failed", manifestHashFailed});
}

}  // namespace ccmlog::rules
