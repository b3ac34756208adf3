// Records go to the ccmsetup process that wrote them (by thread id, else by
// position with the hand-off rule), and each run's own ending decides the
// outcome: the shapes of real service-mode logs (docs/ccmsetup-logs.md#interleaving).
#include <algorithm>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

#include "ccmlog/analysis.h"
#include "test_support.h"

namespace ccmlog {
namespace {

// One CMTrace line: written `second` seconds after 10:00:00 local (bias
// +300) on thread `thread`.
struct Line {
  int second;
  std::string_view thread;
  std::string_view message;
};

std::string logOf(std::initializer_list<Line> lines) {
  std::string log;
  for (const Line& l : lines) {
    char time[32];
    std::snprintf(time, sizeof time, "10:%02d:%02d.000+300", l.second / 60 % 60, l.second % 60);
    log += test::cmtrace(l.message, time, "01-17-2023", "1", l.thread);
  }
  return log;
}

Report analyzeLog(const std::string& name, const std::string& text) {
  const std::vector<LogText> logs{{name, text}};
  return analyzeTexts(logs);
}

constexpr std::string_view kBootstrapBanner = "==========[ ccmsetup started in process 100 ]==========";
constexpr std::string_view kServiceBanner = "==========[ ccmsetup started in process 200 ]==========";

// The bootstrap (thread 11) starts the service, whose banner (thread 22) and
// first work come before the bootstrap's own last words, as in real logs.
const std::string kInterleavedFailure = logOf({
    {0, "11", kBootstrapBanner},
    {0, "11", R"(Running as user "CONTOSO\admin")"},
    {1, "11", "Successfully created the ccmsetup service"},
    {1, "11", "Successfully started the ccmsetup service"},
    {2, "22", kServiceBanner},
    {2, "22", R"(Running as user "SYSTEM")"},
    {3, "22", R"(Failed to access source file (\\srv\share\client.msi). Error 0x80070005)"},
    {4, "11", "CcmSetup is exiting with return code 0"},
    {4, "22", "CcmSetup failed with error code 0x80070005"},
    {4, "22", "CcmSetup is exiting with return code 1"},
});

TEST(RunsByProcess, TheBootstrapsLastWordsAfterTheServiceBannerStayTheBootstraps) {
  const Report r = analyzeLog("ccmsetup.log", kInterleavedFailure);
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_EQ(r.timeline.runs[0].pid, 100);
  EXPECT_EQ(r.timeline.runs[0].exitCode, 0);
  EXPECT_EQ(value(r.timeline.runs[0].end.line), 8u);
  EXPECT_EQ(r.timeline.runs[1].pid, 200);
  EXPECT_EQ(r.timeline.runs[1].user, "SYSTEM");
  EXPECT_EQ(r.timeline.runs[1].exitCode, 1);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  EXPECT_EQ(r.timeline.outcome.run, 1u);
  EXPECT_EQ(r.timeline.outcome.exitCode, 1) << "the deciding run's own exit code, not the bootstrap's 0";
  EXPECT_EQ(r.timeline.outcome.errorCode, 0x80070005u);
}

TEST(RunsByProcess, AServiceStillRunningNeverReportsTheBootstrapsZero) {
  const Report r =
      analyzeLog("ccmsetup.log",
                 logOf({
                     {0, "11", kBootstrapBanner},
                     {1, "11", "Successfully created the ccmsetup service"},
                     {1, "11", "Successfully started the ccmsetup service"},
                     {2, "22", kServiceBanner},
                     {3, "22", R"(Downloading \\srv\share\client.msi to C:\Windows\ccmsetup\client.msi)"},
                     {4, "11", "CcmSetup is exiting with return code 0"},
                 }));
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_FALSE(r.timeline.runs[1].exitCode);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::InProgress);
  EXPECT_FALSE(r.timeline.outcome.exitCode);
}

TEST(RunsByProcess, AThreadIdOfAProcessThatExitedServesTheNewProcess) {
  const Report r =
      analyzeLog("ccmsetup.log",
                 logOf({
                     {0, "11", kBootstrapBanner},
                     {1, "11", "CcmSetup is exiting with return code 0"},
                     {2, "22", kServiceBanner},
                     {3, "11", "CcmSetup failed with error code 0x80070005"},  // id 11 reused by process 200
                 }));
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_FALSE(r.timeline.runs[0].errorCode);
  EXPECT_EQ(r.timeline.runs[1].errorCode, 0x80070005u);
}

TEST(RunsByProcess, AThreadIdSeenLongAfterANewerBannerServesTheNewerProcess) {
  // Process 100 died without a word; ten minutes into process 200, id 11
  // is one of its threads, not a ghost of process 100.
  const Report r =
      analyzeLog("ccmsetup.log",
                 logOf({
                     {0, "11", kBootstrapBanner},
                     {1, "11", R"(Downloading \\srv\share\client.msi to C:\Windows\ccmsetup\client.msi)"},
                     {60, "22", kServiceBanner},
                     {660, "11", "CcmSetup failed with error code 0x80070005"},
                 }));
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_FALSE(r.timeline.runs[0].errorCode);
  EXPECT_EQ(r.timeline.runs[1].errorCode, 0x80070005u);
}

TEST(RunsByProcess, AnOlderUnfinishedProcessKeepsItsThreadWithinTheWindow) {
  const Report r = analyzeLog("ccmsetup.log", logOf({
                                                  {0, "11", kBootstrapBanner},
                                                  {60, "22", kServiceBanner},
                                                  {120, "11", "CcmSetup failed with error code 0x80070005"},
                                              }));
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_EQ(r.timeline.runs[0].errorCode, 0x80070005u);
  EXPECT_FALSE(r.timeline.runs[1].errorCode);
}

// A ticket's paste: messages only, no time and no thread. The hand-off rule
// gives the bootstrap its tail when it comes before the service has acted.
TEST(RunsByProcess, WithoutThreadsTheHandOffTailGoesToTheBootstrap) {
  const Report r = analyzeLog(
      "ccmsetup.log", std::string(kBootstrapBanner) +
                          "\n"
                          "Successfully created the ccmsetup service\n"
                          "Successfully started the ccmsetup service\n" +
                          std::string(kServiceBanner) +
                          "\n"
                          "Running as user \"SYSTEM\"\n"
                          "CcmSetup is exiting with return code 0\n"
                          "Failed to access source file (\\\\srv\\share\\client.msi). Error 0x80070005\n"
                          "CcmSetup failed with error code 0x80070005\n");
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_EQ(r.timeline.runs[0].exitCode, 0);
  EXPECT_FALSE(r.timeline.runs[1].exitCode);
  EXPECT_EQ(r.timeline.runs[1].errorCode, 0x80070005u);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  EXPECT_FALSE(r.timeline.outcome.exitCode);
}

TEST(RunsByProcess, WithoutThreadsAnEndingAfterTheServiceActedIsTheServices) {
  const Report r = analyzeLog(
      "ccmsetup.log", std::string(kBootstrapBanner) +
                          "\n"
                          "Successfully created the ccmsetup service\n"
                          "Successfully started the ccmsetup service\n"
                          "CcmSetup is exiting with return code 0\n" +
                          std::string(kServiceBanner) +
                          "\n"
                          "Downloading \\\\srv\\share\\client.msi to C:\\Windows\\ccmsetup\\client.msi\n"
                          "CcmSetup is exiting with return code 0\n");
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_EQ(r.timeline.runs[1].exitCode, 0);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_EQ(r.timeline.outcome.run, 1u);
}

// --- Outcomes told honestly ---

std::string msiLine(std::string_view message) {
  return "MSI (s) (4C:18) [11:42:09:503]: " + std::string(message) + "\r\n";
}

TEST(Outcome, AnMsiLogAloneIsDecidedByItsOwnStatus) {
  const Report r = analyzeLog(
      "client.msi.log", msiLine("Product: Configuration Manager Client -- Installation operation failed.") +
                            msiLine("Windows Installer installed the product. Product Name: Configuration "
                                    "Manager Client. Product Version: 5.00.9122.1000. Product Language: "
                                    "1033. Manufacturer: Microsoft Corporation. Installation success or "
                                    "error status: 1603."));
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  EXPECT_EQ(r.timeline.outcome.exitCode, 1603);
  EXPECT_EQ(r.timeline.outcome.errorCode, 0x80070643u);
  EXPECT_EQ(r.timeline.outcome.operation, Operation::Install);
  EXPECT_EQ(r.timeline.outcome.product, "Configuration Manager Client");
}

TEST(Outcome, AnMsiLogAlonesRunLastsFromItsFirstEventToItsLast) {
  const std::string log =
      "=== Verbose logging started: 2/27/2024  11:42:09  Build type: SHIP UNICODE 5.00.10011.00  Calling "
      "process: C:\\Windows\\ccmsetup\\ccmsetup.exe ===\r\n" +
      msiLine("Product: Configuration Manager Client -- Installation operation failed.") +
      "MSI (s) (4C:18) [11:45:11:503]: Windows Installer installed the product. Product Name: Configuration "
      "Manager Client. Product Version: 5.00.9122.1000. Product Language: 1033. Manufacturer: Microsoft "
      "Corporation. Installation success or error status: 1603.\r\n";
  const Report r = analyzeLog("client.msi.log", log);
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_EQ(ticksBetween(r.timeline.runs[0].start, r.timeline.runs[0].end), 182 * Timestamp::kTicksPerSecond)
      << formatTime(r.timeline.runs[0].start, Clock::Local) << " to "
      << formatTime(r.timeline.runs[0].end, Clock::Local);
}

TEST(Outcome, ASiteRolesMsiLogNamesItsProduct) {
  const Report r = analyzeLog(
      "fspMSI.log", msiLine("Windows Installer installed the product. Product Name: ConfigMgr Fallback "
                            "Status Point. Product Version: 5.00.9122.1000. Product Language: 1033. "
                            "Manufacturer: Microsoft Corporation. Installation success or error "
                            "status: 0."));
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_EQ(r.timeline.outcome.product, "ConfigMgr Fallback Status Point");
}

TEST(Outcome, AnExcerptWithoutBannerOrEndingIsUnknown) {
  const Report r = analyzeLog("ccmsetup.log",
                              "Downloading \\\\srv\\share\\client.msi to C:\\Windows\\ccmsetup\\client.msi\n"
                              "Download complete.\n");
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Unknown);
}

TEST(Outcome, AnExcerptWithAFinalFailureLineHasFailed) {
  const Report r = analyzeLog("ccmsetup.log",
                              "Downloading \\\\srv\\share\\client.msi to C:\\Windows\\ccmsetup\\client.msi\n"
                              "CcmSetup failed with error code 0x80070005\n");
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  EXPECT_EQ(r.timeline.outcome.errorCode, 0x80070005u);
  EXPECT_FALSE(r.timeline.outcome.exitCode);
}

TEST(Outcome, AnUninstallIsToldFromAnInstall) {
  const Report r =
      analyzeLog("ccmsetup.log",
                 logOf({
                     {0, "11", kBootstrapBanner},
                     {0, "11", R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /uninstall)"},
                     {9, "11", "Uninstall succeeded."},
                     {9, "11", "CcmSetup is exiting with return code 0"},
                 }));
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_EQ(r.timeline.outcome.operation, Operation::Uninstall);
}

// --- The property behind it, on every testdata machine that hands off ---

// What a helpdesk person acts on: the outcome, the runs' endings and the
// findings with their causes, in order.
std::string verdictOf(const Report& r) {
  std::string v =
      std::string(toString(r.timeline.outcome.status)) +
      " exit=" + (r.timeline.outcome.exitCode ? std::to_string(*r.timeline.outcome.exitCode) : "-") +
      " error=" + (r.timeline.outcome.errorCode ? std::to_string(*r.timeline.outcome.errorCode) : "-") + "\n";
  for (const Run& run : r.timeline.runs) {
    v += "run pid=" + (run.pid ? std::to_string(*run.pid) : "-") + " user=" + run.user +
         " exit=" + (run.exitCode ? std::to_string(*run.exitCode) : "-") + "\n";
  }
  for (const Finding& f : r.findings) v += f.rule + " <- " + f.causedBy + "\n";
  return v;
}

// `bytes` with the bootstrap's last words (its records after "started the
// ccmsetup service", on its own thread) moved to after the service's banner
// and `after` more of the service's records, as a busier machine writes them.
std::string withTailAfterServiceBanner(std::string_view bytes, const Report& r, size_t after) {
  const auto records = test::readAll(bytes).records;
  const auto at = [&](LineNumber line) {
    return std::find_if(records.begin(), records.end(),
                        [&](const OwnedRecord& o) { return o.record.line == line; });
  };
  std::vector<const OwnedRecord*> order;
  for (const OwnedRecord& o : records) order.push_back(&o);
  for (size_t i = 0; i + 1 < r.timeline.runs.size(); ++i) {
    if (!r.timeline.runs[i].createdService || !r.timeline.runs[i + 1].service) continue;
    const std::string thread = at(r.timeline.runs[i].start.line)->thread;
    const OwnedRecord* banner = &*at(r.timeline.runs[i + 1].start.line);
    const auto started = std::find_if(order.begin(), order.end(), [&](const OwnedRecord* o) {
      return o->thread == thread &&
             o->message.find("Successfully started the ccmsetup service") != std::string::npos;
    });
    if (started == order.end()) continue;
    std::vector<const OwnedRecord*> tail;
    const auto bannerAt = [&] { return std::find(order.begin(), order.end(), banner); };
    for (auto it = started + 1; it != order.end() && (*it)->record.line <= r.timeline.runs[i].end.line;) {
      if ((*it)->thread == thread && it < bannerAt()) {
        tail.push_back(*it);
        it = order.erase(it);
      } else {
        ++it;
      }
    }
    auto insertAt = bannerAt() + 1;
    for (size_t k = 0; k < after && insertAt != order.end() && (*insertAt)->thread != thread; ++k) ++insertAt;
    order.insert(insertAt, tail.begin(), tail.end());
  }
  std::string out;
  for (const OwnedRecord* o : order) out += bytes.substr(value(o->record.span.offset), o->record.span.length);
  return out;
}

TEST(RunsByProcess, MovingTheBootstrapsTailAfterTheServiceBannerKeepsEveryVerdict) {
  int machines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CCMLOG_TESTDATA_DIR "/machines")) {
    const std::string bytes = test::readBytes((entry.path() / "ccmsetup.log").string());
    const Report original = analyzeLog("ccmsetup.log", bytes);
    const bool handsOff =
        std::any_of(original.timeline.runs.begin(), original.timeline.runs.end(),
                    [](const ccmlog::Run& run) { return run.createdService && run.start.thread; });
    if (!handsOff) continue;
    ++machines;
    for (size_t after : {0u, 1u, 4u, 16u, 64u}) {
      const std::string moved = withTailAfterServiceBanner(bytes, original, after);
      ASSERT_EQ(moved.size(), bytes.size()) << entry.path();
      EXPECT_EQ(verdictOf(analyzeLog("ccmsetup.log", moved)), verdictOf(original))
          << entry.path() << ", tail after the banner and " << after << " more";
    }
  }
  EXPECT_GE(machines, 10);
}

}  // namespace
}  // namespace ccmlog
