#include "classify/event_patterns.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "ccmlog/event_classifier.h"
#include "classify/event_kinds.h"

namespace ccmlog {
namespace {

using detail::EventPattern;
using detail::eventPatternOptions;
using detail::eventPatterns;
using Fields = std::vector<std::pair<std::string_view, std::string_view>>;

// The fields the table of kinds (event_kinds.h) gives a kind: a required field
// is captured from every line of the kind, an optional one only from some.
struct KindFields {
  std::vector<std::string_view> required, optional;
};

KindFields documentedFields(EventKind kind) {
  KindFields fields;
  for (const detail::KindField& f : detail::kindInfo(kind).fields)
    (f.required ? fields.required : fields.optional).push_back(f.name);
  return fields;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const EventClassifier& classifier() {
  static const EventClassifier instance;
  return instance;
}

std::vector<Event> classify(std::string_view message) {
  std::vector<Event> events;
  classifier().classify(message, RecordIndex{0}, events);
  return events;
}

Fields fieldsOf(const Event& event) {
  Fields fields;
  for (const EventField& f : event.fields) fields.emplace_back(f.name, f.value);
  return fields;
}

std::string describe(size_t row, const EventPattern& p) {
  return "row " + std::to_string(row) + " (" + std::string(toString(p.kind)) + "): " + std::string(p.sample);
}

TEST(EventPatterns, EveryPatternCompiles) {
  const auto table = eventPatterns();
  for (size_t row = 0; row < table.size(); ++row) {
    const RE2 re(table[row].pattern, eventPatternOptions());
    EXPECT_TRUE(re.ok()) << describe(row, table[row]) << ": " << re.error();
  }
}

TEST(EventPatterns, EveryPatternCapturesTheFieldsItsKindDocumentsAndNoOthers) {
  const auto table = eventPatterns();
  for (size_t row = 0; row < table.size(); ++row) {
    const RE2 re(table[row].pattern, eventPatternOptions());
    const KindFields documented = documentedFields(table[row].kind);
    const auto& groups = re.NamedCapturingGroups();
    for (const auto& [name, index] : groups)
      EXPECT_TRUE(contains(documented.required, name) || contains(documented.optional, name))
          << describe(row, table[row]) << ": undocumented field " << name;
    for (std::string_view name : documented.required)
      EXPECT_TRUE(groups.count(std::string(name)))
          << describe(row, table[row]) << ": no group for field " << name;
    EXPECT_EQ(re.NumberOfCapturingGroups(), static_cast<int>(groups.size()))
        << describe(row, table[row]) << ": an unnamed group captures nothing useful";
  }
}

TEST(EventPatterns, EverySampleIsMatchedFirstByItsOwnRow) {
  const auto table = eventPatterns();
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const EventPattern& p : table)
    compiled.push_back(std::make_unique<RE2>(p.pattern, eventPatternOptions()));
  for (size_t row = 0; row < table.size(); ++row) {
    size_t first = 0;
    while (first < table.size() && !RE2::PartialMatch(table[row].sample, *compiled[first])) ++first;
    EXPECT_EQ(first, row) << describe(row, table[row]);
  }
}

TEST(EventPatterns, EverySampleYieldsOneEventOfItsKindWithItsRequiredFields) {
  const auto table = eventPatterns();
  for (size_t row = 0; row < table.size(); ++row) {
    const auto events = classify(table[row].sample);
    ASSERT_EQ(events.size(), 1u) << describe(row, table[row]);
    EXPECT_EQ(events[0].kind, table[row].kind)
        << describe(row, table[row]) << " became " << toString(events[0].kind);
    for (std::string_view name : documentedFields(table[row].kind).required)
      EXPECT_FALSE(events[0].get(name).empty()) << describe(row, table[row]) << ": empty " << name;
  }
}

TEST(EventPatterns, EveryKindHasAtLeastOneRow) {
  const auto table = eventPatterns();
  // Benign is the last kind of the enumeration. KnowledgeLine rows are the
  // knowledge entries' lines (knowledge_test.cpp), not the table's.
  for (int k = 0; k <= static_cast<int>(EventKind::Benign); ++k) {
    const auto kind = static_cast<EventKind>(k);
    if (kind == EventKind::KnowledgeLine) continue;
    EXPECT_TRUE(std::any_of(table.begin(), table.end(), [kind](const EventPattern& p) {
      return p.kind == kind;
    })) << toString(kind);
  }
}

// Real lines (and a few marked variants) with the exact fields they must yield.
struct Case {
  std::string_view name;
  std::string_view message;
  std::optional<EventKind> kind;  ///< nullopt: the message must yield no event
  Fields fields;
};

const Case kCases[] = {
    {"pasted 2009 banner keeps its trailer",
     "==========[ ccmsetup started in process 2608 ]========== ccmsetup 3/4/2009 11:16:11 AM",
     EventKind::RunStarted,
     {{"pid", "2608"}}},
    {"2007-era version", "Version: 4.0.6221.1000", EventKind::Version, {{"version", "4.0.6221.1000"}}},
    {"a version not at the start is not ccmsetup's",
     "Operating system version: 10.0.19045",
     std::nullopt,
     {}},
    {"casing varies (variant)",
     "ccmsetup is exiting with return code 7",
     EventKind::ExitCode,
     {{"code", "7"}}},
    {"user in quotes", R"(Running as user "SYSTEM")", EventKind::RunningAsUser, {{"user", "SYSTEM"}}},
    {"folder with a space and a trailing backslash",
     R"(Launch from folder C:\Install\sccm client\)",
     EventKind::LaunchFolder,
     {{"folder", R"(C:\Install\sccm client\)"}}},
    {"command line kept whole",
     R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" FSP="primary.lan" SMSSITECODE="abc")",
     EventKind::CommandLine,
     {{"commandline",
       R"("C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" FSP="primary.lan" SMSSITECODE="abc")"}}},
    {"download paths with spaces",
     R"(Downloading C:\Install\sccm client\ccmsetup.exe to C:\Windows\ccmsetup\ccmsetup.exe)",
     EventKind::DownloadStarted,
     {{"source", R"(C:\Install\sccm client\ccmsetup.exe)"},
      {"destination", R"(C:\Windows\ccmsetup\ccmsetup.exe)"}}},
    {"download paths whose backslashes a blog dropped",
     "Downloading c:myinstalldirccmsetup.exe to C:Windowsccmsetupccmsetup.exe",
     EventKind::DownloadStarted,
     {{"source", "c:myinstalldirccmsetup.exe"}, {"destination", "C:Windowsccmsetupccmsetup.exe"}}},
    {"download progress",
     "File download 100% complete (602112 of 602112 bytes).",
     EventKind::DownloadProgress,
     {{"percent", "100"}, {"done", "602112"}, {"total", "602112"}}},
    {"BITS file",
     R"(Adding file 'HTTP://server.dmz:80/CCM_Client/x64/client.msi' to BITS job, saving as 'C:\Windows\ccmsetup\client.msi'.)",
     EventKind::BitsFileAdded,
     {{"url", "HTTP://server.dmz:80/CCM_Client/x64/client.msi"},
      {"destination", R"(C:\Windows\ccmsetup\client.msi)"}}},
    {"BITS failure ending in a line end",
     "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: The "
     "requested URL does not exist on the server.\r\n",
     EventKind::DownloadFailed,
     {{"code", "0x80190194"}, {"text", "HTTP status 404: The requested URL does not exist on the server."}}},
    {"BITS failure whose description continues on the next line",
     "Failed to download files through BITS. Error: 0x80190194, Description HTTP status "
     "404:\r\nThe "
     "requested URL does not exist on the server.\r\n",
     EventKind::DownloadFailed,
     {{"code", "0x80190194"},
      {"text", "HTTP status 404:\r\nThe requested URL does not exist on the server."}}},
    {"BITS COM server failing",
     "CreateInstance of CLSID_BackgroundCopyManager failed with 8007042C",
     EventKind::BitsUnavailable,
     {{"code", "8007042C"}}},
    {"source file on a share with a space (variant)",
     R"(Failed to access source file (\\srv\sccm share\Client\ccmsetup.cab). Waiting for retry...)",
     EventKind::SourceAccessFailed,
     {{"path", R"(\\srv\sccm share\Client\ccmsetup.cab)"}}},
    {"source file with an error code (variant)",
     R"(Failed to access source file (\\srv\share\client.msi). Error 0x80070005)",
     EventKind::SourceAccessFailed,
     {{"path", R"(\\srv\share\client.msi)"}, {"code", "0x80070005"}}},
    {"quoted inaccessible source (variant)",
     R"(Source '\\srv\my share' is inaccessible.)",
     EventKind::SourceAccessFailed,
     {{"path", R"(\\srv\my share)"}}},
    {"next retry", "Next retry in 10 minute(s)...", EventKind::NextRetry, {{"minutes", "10"}}},
    {"retry time", "Retry time:       10 minute(s)", EventKind::NextRetry, {{"minutes", "10"}}},
    {"retry task times",
     "'Configuration Manager Client Retry Task' is scheduled to run at 01/17/2023 04:15:43 PM "
     "(local) 01/17/2023 09:15:43 PM (UTC) time with arguments ' … /RetryWinTask:1'.",
     EventKind::RetryTaskScheduled,
     {{"local", "01/17/2023 04:15:43 PM"}, {"utc", "01/17/2023 09:15:43 PM"}}},
    {"DP locations without an MP",
     "GetDPLocations failed with error 0x87d00215",
     EventKind::DpLocationFailed,
     {{"code", "0x87d00215"}}},
    {"url check without an HTTP status (variant)",
     "Failed to check url http://server.dmz/SMS_DP_SMSPKG$/ABC00002. Error 0x80190191",
     EventKind::UrlCheckFailed,
     {{"url", "http://server.dmz/SMS_DP_SMSPKG$/ABC00002"}}},
    {"client.msi failed",
     R"(File C:\Windows\ccmsetup\client.msi installation failed. Error text: ExitCode: 1603)",
     EventKind::MsiInstallFailed,
     {{"file", R"(C:\Windows\ccmsetup\client.msi)"}, {"exitcode", "1603"}}},
    {"a prerequisite .msi failed",
     R"(File C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi installation failed. Error text: ExitCode: 1603)",
     EventKind::PrerequisiteFailed,
     {{"file", R"(C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi)"}, {"exitcode", "1603"}}},
    {"a prerequisite .exe failed, quotes dropped",
     R"(File 'C:\Windows\ccmsetup\vcredist_x64.exe' returned failure exit code 1603. Fail the installation.)",
     EventKind::PrerequisiteFailed,
     {{"file", R"(C:\Windows\ccmsetup\vcredist_x64.exe)"}, {"exitcode", "1603"}}},
    {"signature of a quoted path (variant)",
     R"(Couldn't verify 'C:\Windows\ccmsetup\{181D79D7}\MicrosoftPolicyPlatformSetup.msi' authenticode signature. Return code 0x800b0101)",
     EventKind::SignatureInvalid,
     {{"file", R"(C:\Windows\ccmsetup\{181D79D7}\MicrosoftPolicyPlatformSetup.msi)"},
      {"code", "0x800b0101"}}},
    {"failing MSI action",
     "Action ended 7:33:32: InstallFinalize. Return value 3.",
     EventKind::MsiReturnValue3,
     {{"action", "InstallFinalize"}}},
    {"a successful MSI action is nothing",
     "Action ended 7:33:32: InstallFinalize. Return value 1.",
     std::nullopt,
     {}},
    {"a success that asks for a reboot is a reboot (variant)",
     "Installation succeeded. Windows Installer has requested a reboot.",
     EventKind::RebootRequired,
     {}},
    {"MSI engine result",
     "MainEngineThread is returning 1603",
     EventKind::MsiExitCode,
     {{"exitcode", "1603"}}},
    {"bootstrap exit", "CcmSetup is exiting with return code 0", EventKind::ExitCode, {{"code", "0"}}},
    {"setup failed",
     "CcmSetup failed with error code 0x80070643",
     EventKind::SetupFailed,
     {{"code", "0x80070643"}}},
    {"setup failed with the certificate code is still setup-failed",
     "CcmSetup failed with error code 0x87d00454",
     EventKind::SetupFailed,
     {{"code", "0x87d00454"}}},
    {"deployment status in XML (variant)",
     R"(<ClientDeploymentMessage ErrorCode="-2145844844"/>)",
     EventKind::DeploymentStatus,
     {{"code", "-2145844844"}}},
    {"benign policy namespace",
     "Failed to connect to policy namespace. Error 0x8004100e",
     EventKind::Benign,
     {}},
    {"benign AD site version",
     "Failed to get site version from AD with error 0x80004005",
     EventKind::Benign,
     {}},
    {"benign SetInitialCommandLine", "SetInitialCommandLine failed with 0x80070002", EventKind::Benign, {}},
    {"policy namespace with another code is not known benign (variant)",
     "Failed to connect to policy namespace. Error 0x80041003",
     std::nullopt,
     {}},
    {"unrelated", "Checking Write Filter Status.", std::nullopt, {}},
    {"unrelated path", R"(Config file:      C:\WINDOWS\ccmsetup\MobileClientUnicode.tcf)", std::nullopt, {}},
    {"empty", "", std::nullopt, {}},
};

TEST(EventClassifier, YieldsTheExpectedKindAndFieldsForRealLines) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const auto events = classify(c.message);
    if (!c.kind) {
      EXPECT_TRUE(events.empty()) << "became " << toString(events.front().kind);
      continue;
    }
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(toString(events[0].kind), toString(*c.kind));
    EXPECT_EQ(fieldsOf(events[0]), c.fields);
  }
}

TEST(EventClassifier, CapturedCodesParseInTheNotationsTheLogsUse) {
  EXPECT_EQ(classify("CcmSetup failed with error code 0x80190194")[0].code("code"), 0x80190194u);
  EXPECT_EQ(classify(R"(ClientDeploymentMessage ErrorCode="-2145844844")")[0].code("code"), 0x80190194u);
  EXPECT_EQ(classify("CreateInstance of CLSID_BackgroundCopyManager failed with 8007042C")[0].code("code"),
            0x8007042Cu);
}

TEST(EventClassifier, CapturedNumbersParse) {
  EXPECT_EQ(classify("==========[ ccmsetup started in process 476 ]==========")[0].number("pid"), 476);
  EXPECT_EQ(classify("Next retry in 10 minute(s)...")[0].number("minutes"), 10);
  EXPECT_EQ(classify("File download 43% complete (262144 of 602112 bytes).")[0].number("percent"), 43);
  EXPECT_EQ(classify("Detected 40960 MB free disk space on system drive.")[0].number("mb"), 40960);
}

TEST(EventClassifier, AppendsToTheOutputAndRecordsTheRecordIndex) {
  std::vector<Event> events(1);
  classifier().classify("In ServiceMain", RecordIndex{7}, events);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, EventKind::InServiceMain);
  EXPECT_EQ(value(events[1].record), 7u);
}

// One Event reused for message after message (as the Analyzer does) must end
// up as the event classify() gives, whatever it held before: more fields,
// fewer, none, or a message without an event in between.
TEST(EventClassifier, AReusedEventBecomesWhatClassifyGives) {
  const std::vector<std::string_view> messages = {
      "File download 43% complete (262144 of 602112 bytes).",
      "Running as user \"SYSTEM\"",
      "Checking Write Filter Status.",
      "Successfully created the ccmsetup service",
      "Failed to download files through BITS. Error: 0x80190194, Description: HTTP status 404",
      "File download 43% complete (262144 of 602112 bytes).",
      "Failed to access source file (\\\\srv\\share\\ccmsetup.cab). Waiting for retry...",
  };
  Event reused;
  for (size_t i = 0; i < messages.size(); ++i) {
    std::vector<Event> expected;
    classifier().classify(messages[i], RecordIndex{i}, expected);
    ASSERT_EQ(classifier().classifyInto(messages[i], RecordIndex{i}, reused), !expected.empty())
        << messages[i];
    if (expected.empty()) continue;
    EXPECT_EQ(reused.kind, expected[0].kind) << messages[i];
    EXPECT_EQ(value(reused.record), i);
    ASSERT_EQ(reused.fields.size(), expected[0].fields.size()) << messages[i];
    for (size_t f = 0; f < reused.fields.size(); ++f) {
      EXPECT_EQ(reused.fields[f].name, expected[0].fields[f].name) << messages[i];
      EXPECT_EQ(reused.fields[f].value, expected[0].fields[f].value) << messages[i];
    }
  }
}

TEST(EventClassifier, FieldNamesPointIntoThePatternTable) {
  const auto table = eventPatterns();
  for (const EventPattern& p : table) {
    for (const Event& e : classify(p.sample)) {
      for (const EventField& f : e.fields) {
        EXPECT_TRUE(f.name.data() >= p.pattern.data() &&
                    f.name.data() + f.name.size() <= p.pattern.data() + p.pattern.size())
            << p.sample << ": field " << f.name;
      }
    }
  }
}

TEST(EventClassifier, GivesTheSameAnswersFromSeveralThreads) {
  const auto table = eventPatterns();
  auto classifyAll = [&table] {
    std::vector<std::string> kinds;
    for (const EventPattern& p : table)
      for (const Event& e : classify(p.sample)) kinds.emplace_back(toString(e.kind));
    return kinds;
  };
  const auto expected = classifyAll();
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) threads.emplace_back([&result, &classifyAll] { result = classifyAll(); });
  for (auto& t : threads) t.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace ccmlog
