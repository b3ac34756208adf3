#include "ccmlog/timeline_builder.h"

#include <gtest/gtest.h>

#include "ccmlog/analysis.h"
#include "ccmlog/log_files.h"
#include "ccmlog/record_reader.h"
#include "test_support.h"

namespace ccmlog {
namespace {

// A CMTrace log from messages, one second apart from 10:00:00 local, bias +300.
std::string logOf(std::initializer_list<std::string_view> messages, int startMinute = 0) {
  std::string log;
  int second = 0;
  for (std::string_view m : messages) {
    char time[32];
    std::snprintf(time, sizeof time, "10:%02d:%02d.000+300", startMinute + second / 60, second % 60);
    log += test::cmtrace(m, time, "01-17-2023");
    ++second;
  }
  return log;
}

Report analyze(std::initializer_list<LogText> logs) { return analyzeTexts(std::vector<LogText>(logs)); }

const std::string kBootstrap = logOf({
    "==========[ ccmsetup started in process 100 ]==========",
    "CcmSetup version: 5.0.9122.1000",
    "Running as user \"CONTOSO\\admin\"",
    "Successfully created the ccmsetup service",
    "Successfully started the ccmsetup service",
    "CcmSetup is exiting with return code 0",
});

TEST(TimelineBuilder, BootstrapHandOffIsNotTheOutcome) {
  const Report r = analyze({{"ccmsetup.log", kBootstrap}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_EQ(r.timeline.runs[0].pid, 100);
  EXPECT_EQ(r.timeline.runs[0].user, "CONTOSO\\admin");
  EXPECT_TRUE(r.timeline.runs[0].createdService);
  EXPECT_FALSE(r.timeline.runs[0].service);
  EXPECT_EQ(r.timeline.runs[0].exitCode, 0);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::InProgress);
}

TEST(TimelineBuilder, ServiceRunAfterHandOffDecidesTheOutcome) {
  const std::string log =
      kBootstrap + logOf(
                       {
                           "==========[ ccmsetup started in process 200 ]==========",
                           "Ccmsetup command line: \"C:\\Windows\\ccmsetup\\ccmsetup.exe\" /runservice "
                           "/source:\\\\srv\\share",
                           "Running as user \"SYSTEM\"",
                           "CcmSetup failed with error code 0x80070005",
                       },
                       5);
  const Report r = analyze({{"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_TRUE(r.timeline.runs[1].service);
  EXPECT_TRUE(r.timeline.runs[1].commandLine.runService);
  EXPECT_EQ(r.timeline.runs[1].commandLine.source, "\\\\srv\\share");
  EXPECT_EQ(value(r.timeline.runs[1].start.line), 7u);
  EXPECT_EQ(value(r.timeline.runs[1].end.line), 10u);
  EXPECT_EQ(value(r.timeline.runs[0].end.line), 6u);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
  EXPECT_EQ(r.timeline.outcome.errorCode, 0x80070005u);
  EXPECT_EQ(r.timeline.outcome.run, 1u);
}

TEST(TimelineBuilder, TheRunAfterServiceCreationIsTheServiceRunEvenWithoutSystemLine) {
  const std::string log = kBootstrap + logOf(
                                           {
                                               "==========[ ccmsetup started in process 200 ]==========",
                                               "CcmSetup is exiting with return code 0",
                                           },
                                           5);
  const Report r = analyze({{"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_TRUE(r.timeline.runs[1].service);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
}

TEST(TimelineBuilder, StandaloneNoServiceRunSucceeds) {
  const Report r =
      analyze({{"ccmsetup.log", logOf({
                                    "==========[ ccmsetup started in process 300 ]==========",
                                    "Ccmsetup command line: ccmsetup.exe /noservice SMSSITECODE=PS1",
                                    "Running as user \"jsmith\"",
                                    "CcmSetup is exiting with return code 0",
                                })}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_FALSE(r.timeline.runs[0].service);
  EXPECT_TRUE(r.timeline.runs[0].commandLine.noService);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
  EXPECT_EQ(r.timeline.outcome.exitCode, 0);
}

TEST(TimelineBuilder, ReturnCodeSevenMeansRebootRequired) {
  const Report r = analyze({{"ccmsetup.log", logOf({
                                                 "==========[ ccmsetup started in process 300 ]==========",
                                                 "CcmSetup is exiting with return code 7",
                                             })}});
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::RebootRequired);
}

TEST(TimelineBuilder, LogStartingMidRunGetsARunWithoutPid) {
  const Report r = analyze({{"ccmsetup.log", logOf({
                                                 "some line before anything is known",
                                                 "Running as user \"SYSTEM\"",
                                                 "CcmSetup failed with error code 0x80190194",
                                             })}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_FALSE(r.timeline.runs[0].pid);
  EXPECT_EQ(value(r.timeline.runs[0].start.line), 2u);  // the run starts at its first event
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Failed);
}

TEST(TimelineBuilder, RotatedHistoryContinuesIntoTheCurrentLog) {
  const std::string history = logOf({
      "==========[ ccmsetup started in process 400 ]==========",
      "Running as user \"SYSTEM\"",
  });
  const std::string current = logOf({"Download complete.", "CcmSetup is exiting with return code 0"}, 1);
  const Report r = analyze({{"ccmsetup.lo_", history}, {"ccmsetup.log", current}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_EQ(value(r.timeline.runs[0].end.file), 1u);
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Success);
}

TEST(TimelineBuilder, AuxiliaryEventsArePlacedInTheRunTheirTimeFallsIn) {
  const std::string log = kBootstrap + logOf(
                                           {
                                               "==========[ ccmsetup started in process 200 ]==========",
                                               "Running as user \"SYSTEM\"",
                                               "CcmSetup failed with error code 0x80070643",
                                           },
                                           5);
  const std::string msi =
      "=== Verbose logging started: 1/17/2023  10:05:01  Build type: SHIP UNICODE 5.00.9122.1000 ===\r\n"
      "Action ended 10:05:02: CcmRegisterHostingConfiguration. Return value 3.\r\n";
  // Given first, client.msi.log is still read after the setup log.
  const Report r = analyze({{"client.msi.log", msi}, {"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 2u);
  EXPECT_EQ(r.files[0].path, "ccmsetup.log");
  bool inServiceRun = false, inBootstrap = false;
  for (EventIndex i : r.timeline.runs[1].events)
    inServiceRun |= r.timeline.events[value(i)].event.kind == EventKind::MsiReturnValue3;
  for (EventIndex i : r.timeline.runs[0].events)
    inBootstrap |= r.timeline.events[value(i)].event.kind == EventKind::MsiReturnValue3;
  EXPECT_TRUE(inServiceRun);
  EXPECT_FALSE(inBootstrap);
  EXPECT_EQ(value(r.timeline.runs[1].end.file), 0u);  // auxiliary records do not stretch the run
}

TEST(TimelineBuilder, PhasesFollowTheirEventsAndRecover) {
  const Report r =
      analyze({{"ccmsetup.log",
                logOf({
                    "==========[ ccmsetup started in process 500 ]==========",
                    "Running as user \"SYSTEM\"",
                    "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404",
                    "Download complete.",
                    "CcmSetup is exiting with return code 0",
                })}});
  const auto phase = [&](PhaseKind kind) -> const Phase* {
    for (const Phase& p : r.timeline.phases) {
      if (p.kind == kind) return &p;
    }
    return nullptr;
  };
  ASSERT_TRUE(phase(PhaseKind::Download));
  EXPECT_EQ(phase(PhaseKind::Download)->state, PhaseState::Succeeded);
  EXPECT_EQ(value(phase(PhaseKind::Download)->start.line), 3u);
  EXPECT_EQ(value(phase(PhaseKind::Download)->end.line), 4u);
  ASSERT_TRUE(phase(PhaseKind::Exit));
  EXPECT_EQ(phase(PhaseKind::Exit)->state, PhaseState::Succeeded);
  EXPECT_FALSE(phase(PhaseKind::ClientInstall));
}

TEST(TimelineBuilder, BootstrapAndHandOffPhasesOfTheRunThatCreatedTheService) {
  const Report r = analyze({{"ccmsetup.log", kBootstrap}});
  ASSERT_GE(r.timeline.phases.size(), 2u);
  EXPECT_EQ(r.timeline.phases[0].kind, PhaseKind::Bootstrap);
  EXPECT_EQ(r.timeline.phases[0].state, PhaseState::Succeeded);
  EXPECT_EQ(value(r.timeline.phases[0].end.line), 4u);
  EXPECT_EQ(r.timeline.phases[1].kind, PhaseKind::ServiceHandoff);
  EXPECT_EQ(r.timeline.phases[1].state, PhaseState::Succeeded);
}

TEST(TimelineBuilder, DownloadsRecordSourceDestinationAndCompletion) {
  const Report r = analyze(
      {{"ccmsetup.log", logOf({
                            "==========[ ccmsetup started in process 600 ]==========",
                            "Downloading \\\\srv\\share\\ccmsetup.exe to C:\\Windows\\ccmsetup\\ccmsetup.exe",
                            "File download 43% complete (262144 of 602112 bytes).",
                            "Download complete.",
                        })}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  ASSERT_EQ(r.timeline.runs[0].downloads.size(), 1u);
  EXPECT_EQ(r.timeline.runs[0].downloads[0].source, "\\\\srv\\share\\ccmsetup.exe");
  EXPECT_EQ(r.timeline.runs[0].downloads[0].destination, "C:\\Windows\\ccmsetup\\ccmsetup.exe");
  EXPECT_TRUE(r.timeline.runs[0].downloads[0].completed);
  for (const TimelineEvent& e : r.timeline.events) EXPECT_NE(e.event.kind, EventKind::DownloadProgress);
}

TEST(TimelineBuilder, RepeatedLinesAreCountedButOnlyTheFirstAndLastAreKept) {
  std::string log = test::cmtrace("==========[ ccmsetup started in process 700 ]==========");
  for (int i = 0; i < 5000; ++i) {
    log += test::cmtrace("Failed to access source file (\\\\srv\\share\\client.msi). Error 0x80070005");
  }
  const Report r = analyze({{"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_EQ(r.timeline.runs[0].count(EventKind::SourceAccessFailed), 5000u);
  EXPECT_EQ(r.timeline.events.size(), 1u + 128u);
  EXPECT_EQ(value(r.timeline.events[1].where.line), 2u);         // the first failure
  EXPECT_EQ(value(r.timeline.events.back().where.line), 5001u);  // and the last
}

TEST(TimelineBuilder, TheKeptEventsOfALongRunAreTheFirstAndLastOfEachKindWithTheirOwnTexts) {
  // Thousands of two kinds, interleaved: the ring drops events and memory is
  // swept many times over; what is kept must still be the right lines, in
  // order, each with its own message and fields.
  std::string log = test::cmtrace("==========[ ccmsetup started in process 700 ]==========");
  const auto source = [](int i) { return "\\\\srv\\share\\file" + std::to_string(i) + ".msi"; };
  for (int i = 0; i < 3000; ++i) {
    log += test::cmtrace("Failed to access source file (" + source(i) + "). Error 0x80070005");
    log += test::cmtrace("Downloading " + source(i) + " to C:\\Windows\\ccmsetup\\file" + std::to_string(i) +
                         ".msi");
  }
  const Report r = analyze({{"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  std::vector<int> failures, downloads;  // the i of each kept event, in order
  for (const TimelineEvent& e : r.timeline.events) {
    const auto line = static_cast<int>(value(e.where.line));
    if (e.event.kind == EventKind::SourceAccessFailed) {
      const int i = (line - 2) / 2;
      EXPECT_EQ(e.event.get("path"), source(i)) << line;
      EXPECT_EQ(e.text, "Failed to access source file (" + source(i) + "). Error 0x80070005") << line;
      failures.push_back(i);
    }
    if (e.event.kind == EventKind::DownloadStarted) {
      const int i = (line - 3) / 2;
      EXPECT_EQ(e.event.get("source"), source(i)) << line;
      downloads.push_back(i);
    }
  }
  std::vector<int> expected;
  for (int i = 0; i < 64; ++i) expected.push_back(i);
  for (int i = 3000 - 64; i < 3000; ++i) expected.push_back(i);
  EXPECT_EQ(failures, expected);
  EXPECT_EQ(downloads, expected);
  ASSERT_EQ(r.timeline.runs[0].downloads.size(), 128u);
  EXPECT_EQ(r.timeline.runs[0].downloads.back().source, source(2999));
}

TEST(TimelineBuilder, ADownloadCompletesOnlyWhenTheRunSaysSoAfterIt) {
  const Report r =
      analyze({{"ccmsetup.log", logOf({
                                    "==========[ ccmsetup started in process 600 ]==========",
                                    "Downloading \\\\srv\\share\\a.exe to C:\\Windows\\ccmsetup\\a.exe",
                                    "Download complete.",
                                    "Downloading \\\\srv\\share\\b.exe to C:\\Windows\\ccmsetup\\b.exe",
                                    "Failed to download client files by BITS. Error 0x80190194",
                                })}});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  ASSERT_EQ(r.timeline.runs[0].downloads.size(), 2u);
  EXPECT_TRUE(r.timeline.runs[0].downloads[0].completed);
  EXPECT_FALSE(r.timeline.runs[0].downloads[0].errorCode);
  EXPECT_FALSE(r.timeline.runs[0].downloads[1].completed);
  EXPECT_EQ(r.timeline.runs[0].downloads[1].errorCode, 0x80190194u);
}

// A machine that retried all week: 10^6 lines, streamed through the public
// Analyzer, cost what 128 do; the counts stay exact and the findings cite them.
TEST(TimelineBuilder, AMillionRetryLinesKeepTheirCountNotTheirEvents) {
  Analyzer analyzer;
  analyzer.beginFile(FileIndex{0}, roleOf("ccmsetup.log"));
  RecordReader reader;
  Record record;
  std::uint64_t records = 0;
  const auto drain = [&] {
    while (reader.next(record)) {
      analyzer.add(record);
      ++records;
    }
  };
  reader.feed(test::cmtrace("==========[ ccmsetup started in process 700 ]=========="));
  std::string block;
  for (int i = 0; i < 1000; ++i) {
    block += test::cmtrace("Failed to access source file (\\\\srv\\share\\client.msi). Error 0x80070005");
  }
  for (int i = 0; i < 1000; ++i) {
    reader.feed(block);
    drain();
  }
  reader.finish();
  drain();
  ASSERT_EQ(records, 1'000'001u);
  const Report r = std::move(analyzer).finish({});
  ASSERT_EQ(r.timeline.runs.size(), 1u);
  EXPECT_EQ(r.timeline.runs[0].count(EventKind::SourceAccessFailed), 1'000'000u);
  EXPECT_EQ(r.timeline.events.size(), 1u + 128u);
  EXPECT_EQ(value(r.timeline.events.back().where.line), 1'000'001u);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_NE(r.findings[0].title.find("1000000 times"), std::string::npos) << r.findings[0].title;
}

TEST(TimelineBuilder, VeryManyRunsKeepTheLastThousand) {
  std::string log;
  for (int i = 0; i < 3000; ++i) {
    log += test::cmtrace("==========[ ccmsetup started in process " + std::to_string(i) + " ]==========");
  }
  const Report r = analyze({{"ccmsetup.log", log}});
  ASSERT_EQ(r.timeline.runs.size(), 1000u);
  EXPECT_EQ(r.timeline.omittedRuns, 2000u);
  EXPECT_EQ(r.timeline.runs.front().pid, 2000);
  EXPECT_EQ(r.timeline.runs.back().pid, 2999);
}

TEST(TimelineBuilder, NoEventsMeansUnknownOutcome) {
  const Report r = analyze({{"ccmsetup.log", "just some text\nnothing ccmsetup said\n"}});
  EXPECT_TRUE(r.timeline.runs.empty());
  EXPECT_EQ(r.timeline.outcome.status, OutcomeStatus::Unknown);
}

}  // namespace
}  // namespace ccmlog
