#include "output/report_text.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ccmlog::cli {
namespace {

// Where each of the header's column names starts, in display columns.
std::vector<size_t> columnStarts(std::string_view header) {
  std::vector<size_t> starts;
  for (size_t i = 2; i < header.size(); ++i) {
    if (header[i] != ' ' && header[i - 1] == ' ') starts.push_back(i);
  }
  return starts;
}

size_t columns(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The runs table of a report whose cells are wider than any fixed width: a
// hundred runs, an eight-digit pid, an account name beyond ASCII, and times
// with and without a known zone.
std::vector<std::string> runLines(Clock clock) {
  Report report;
  for (int i = 0; i < 101; ++i) {
    Run run;
    run.pid = i == 100 ? 12345678 : 4000 + i;
    run.user = i == 100 ? "CONTOSO\\J\xc3\xbcrgen.M\xc3\xbcller" : "SYSTEM";
    run.start.local = Timestamp{i * 1'000'000'000LL};
    run.end.local = Timestamp{i * 1'000'000'000LL + 10'000'000};
    if (i % 2 == 0) run.start.bias = run.end.bias = 300;
    report.timeline.runs.push_back(run);
  }
  const std::string text = reportToText(report, {.clock = clock});
  std::istringstream in(text.substr(text.find("Runs\n") + 5));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line) && !line.empty();) lines.push_back(line);
  return lines;
}

TEST(RunTable, ColumnsLineUpInEveryClock) {
  for (const Clock clock : {Clock::Local, Clock::Utc}) {
    const auto lines = runLines(clock);
    ASSERT_EQ(lines.size(), 102u);
    const auto starts = columnStarts(lines[0]);
    ASSERT_EQ(starts.size(), 8u);  // # pid user service operation start end exit
    for (const std::string& line : lines) {
      const std::string_view view(line);
      for (const size_t start : starts) {
        // Two spaces end every column before it, at the same display column as in the header.
        size_t byte = 0, column = 0;
        while (column < start && byte < view.size()) column += (view[byte++] & 0xC0) != 0x80;
        while (byte < view.size() && (view[byte] & 0xC0) == 0x80) ++byte;
        ASSERT_LT(byte, view.size()) << line;
        EXPECT_EQ(view.substr(byte - 2, 2), "  ") << line;
        EXPECT_NE(view[byte], ' ') << line;
        EXPECT_EQ(columns(view.substr(0, byte)), start) << line;
      }
    }
  }
}

}  // namespace
}  // namespace ccmlog::cli
