#include "ccmlog/command_line.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace ccmlog {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(ParseCommandLine, ReadsTheServiceRunOfKnowledgeSection4) {
  const CommandLine cl = parseCommandLine(
      R"("C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" FSP="primary.lan" SMSSITECODE="abc")");
  EXPECT_EQ(cl.program, R"(C:\Windows\ccmsetup\ccmsetup.exe)");
  EXPECT_TRUE(cl.runService);
  EXPECT_FALSE(cl.service);
  EXPECT_FALSE(cl.noService);
  EXPECT_EQ(cl.mp, "server.dmz");
  EXPECT_EQ(cl.source, std::nullopt);
  EXPECT_EQ(cl.switches, (Pairs{{"runservice", ""}, {"mp", "server.dmz"}}));
  EXPECT_EQ(cl.properties, (Pairs{{"FSP", "primary.lan"}, {"SMSSITECODE", "abc"}}));
}

TEST(ParseCommandLine, ReadsEverySwitchInOrderWithLowerCaseNames) {
  const CommandLine cl = parseCommandLine(
      R"(ccmsetup.exe /Source:\\srv\share /DownloadTimeout:120 /NoService /service /forceinstall /logon /BITSPriority:HIGH)");
  EXPECT_EQ(cl.program, "ccmsetup.exe");
  EXPECT_EQ(cl.source, R"(\\srv\share)");
  EXPECT_EQ(cl.downloadTimeoutMinutes, 120);
  EXPECT_TRUE(cl.noService);
  EXPECT_TRUE(cl.service);
  EXPECT_FALSE(cl.runService);
  EXPECT_EQ(cl.switches, (Pairs{{"source", R"(\\srv\share)"},
                                {"downloadtimeout", "120"},
                                {"noservice", ""},
                                {"service", ""},
                                {"forceinstall", ""},
                                {"logon", ""},
                                {"bitspriority", "HIGH"}}));
}

TEST(ParseCommandLine, RemovesQuotesAroundAValueWithSpaces) {
  const CommandLine cl = parseCommandLine(R"(ccmsetup.exe /source:"\\srv\my share" SMSMP="mp one.lan")");
  EXPECT_EQ(cl.source, R"(\\srv\my share)");
  EXPECT_EQ(cl.property("SMSMP"), "mp one.lan");
}

TEST(ParseCommandLine, KeepsATrailingBackslashBeforeAClosingQuote) {
  const CommandLine cl = parseCommandLine(R"(ccmsetup.exe "/source:\\srv\my share\")");
  EXPECT_EQ(cl.source, R"(\\srv\my share\)");
}

TEST(ParseCommandLine, CountsUserOnlyAsNoService) {
  EXPECT_TRUE(parseCommandLine("ccmsetup.exe /useronly").noService);
}

TEST(ParseCommandLine, KeepsTheFirstSourceAndMpButListsAll) {
  const CommandLine cl = parseCommandLine(R"(ccmsetup.exe /source:\\a\s /source:\\b\s /mp:one /mp:two)");
  EXPECT_EQ(cl.source, R"(\\a\s)");
  EXPECT_EQ(cl.mp, "one");
  EXPECT_EQ(cl.switches.size(), 4u);
}

TEST(ParseCommandLine, LeavesANonNumericDownloadTimeoutUnset) {
  const CommandLine cl = parseCommandLine("ccmsetup.exe /downloadtimeout:soon");
  EXPECT_EQ(cl.downloadTimeoutMinutes, std::nullopt);
  EXPECT_EQ(cl.switches, (Pairs{{"downloadtimeout", "soon"}}));
}

TEST(ParseCommandLine, JoinsAnUnquotedProgramPathWithSpaces) {
  const CommandLine cl = parseCommandLine(R"(C:\Install\sccm client\ccmsetup.exe /noservice)");
  EXPECT_EQ(cl.program, R"(C:\Install\sccm client\ccmsetup.exe)");
  EXPECT_TRUE(cl.noService);
}

TEST(ParseCommandLine, DoesNotTakeAPathWithAnEqualsSignForAProperty) {
  const CommandLine cl = parseCommandLine(R"("C:\a=b\ccmsetup.exe" SMSSITECODE=abc)");
  EXPECT_EQ(cl.program, R"(C:\a=b\ccmsetup.exe)");
  EXPECT_EQ(cl.properties, (Pairs{{"SMSSITECODE", "abc"}}));
}

TEST(ParseCommandLine, IgnoresStrayWordsAfterTheFirstSwitch) {
  const CommandLine cl = parseCommandLine("ccmsetup.exe /mp:one stray");
  EXPECT_EQ(cl.program, "ccmsetup.exe");
  EXPECT_EQ(cl.switches, (Pairs{{"mp", "one"}}));
  EXPECT_TRUE(cl.properties.empty());
}

TEST(ParseCommandLine, ReadsALineWithoutProgram) {
  const CommandLine cl = parseCommandLine("/mp:one SMSSITECODE=abc");
  EXPECT_EQ(cl.program, "");
  EXPECT_EQ(cl.mp, "one");
}

TEST(ParseCommandLine, GivesAnEmptyResultForAnEmptyLine) {
  const CommandLine cl = parseCommandLine("   ");
  EXPECT_EQ(cl.program, "");
  EXPECT_TRUE(cl.switches.empty());
  EXPECT_TRUE(cl.properties.empty());
}

TEST(CommandLineProperty, MatchesNamesCaseInsensitivelyAndReturnsTheFirst) {
  const CommandLine cl = parseCommandLine("ccmsetup.exe smssitecode=abc SMSSITECODE=xyz");
  EXPECT_EQ(cl.property("SMSSITECODE"), "abc");
  EXPECT_EQ(cl.property("FSP"), std::nullopt);
}

}  // namespace
}  // namespace ccmlog
