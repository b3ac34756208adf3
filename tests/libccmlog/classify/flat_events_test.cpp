#include "classify/flat_events.h"

#include <gtest/gtest.h>

#include <string>

namespace ccmlog {
namespace {

using detail::FlatEvent;
using detail::FlatEvents;
using detail::TextSpan;

constexpr std::string_view kCode = "code", kText = "text";

Event failed(std::uint64_t record, std::string code, std::string text) {
  return Event{
      EventKind::DownloadFailed, RecordIndex{record}, {{kCode, std::move(code)}, {kText, std::move(text)}}};
}

void expectSame(const Event& got, const Event& expected) {
  EXPECT_EQ(got.kind, expected.kind);
  EXPECT_EQ(got.record, expected.record);
  ASSERT_EQ(got.fields.size(), expected.fields.size());
  for (size_t f = 0; f < got.fields.size(); ++f) {
    EXPECT_EQ(got.fields[f].name, expected.fields[f].name);
    EXPECT_EQ(got.fields[f].name.data(), expected.fields[f].name.data());  // the same storage
    EXPECT_EQ(got.fields[f].value, expected.fields[f].value);
  }
}

TEST(FlatEvents, GivesBackTheEventsAndTextsKept) {
  FlatEvents flat;
  const Event first = failed(3, "0x80070005", "Access is denied."), second = failed(9, "5", "");
  const TextSpan message = flat.addText("the first message");
  const FlatEvent a = flat.add(first);
  const FlatEvent b = flat.add(second);
  const FlatEvent none = flat.add(Event{EventKind::DownloadComplete, RecordIndex{10}, {}});
  EXPECT_EQ(flat.text(message), "the first message");
  expectSame(flat.event(a), first);
  expectSame(flat.event(b), second);
  expectSame(flat.event(none), Event{EventKind::DownloadComplete, RecordIndex{10}, {}});
  EXPECT_EQ(flat.get(a, "text"), "Access is denied.");
  EXPECT_EQ(flat.get(b, "code"), "5");
  EXPECT_EQ(flat.get(b, "absent"), "");
}

TEST(FlatEvents, ReadingIntoAnEventMakesItThatEvent) {
  FlatEvents flat;
  const Event longer = failed(1, "0x80070005", "Access is denied.");
  const FlatEvent a = flat.add(longer);
  const FlatEvent b = flat.add(Event{EventKind::ExitCode, RecordIndex{2}, {{kCode, "0"}}});
  Event reused;
  flat.read(a, reused);
  expectSame(reused, longer);
  flat.read(b, reused);
  expectSame(reused, Event{EventKind::ExitCode, RecordIndex{2}, {{kCode, "0"}}});
}

TEST(FlatEvents, CopiesEventsAndTextsFromAnotherArena) {
  FlatEvents from, to;
  const Event kept = failed(4, "0x80190194", "HTTP status 404");
  from.addText("dropped");
  const TextSpan message = from.addText("kept");
  const FlatEvent e = from.add(kept);
  const TextSpan copiedMessage = to.copyText(from, message);
  const FlatEvent copied = to.copy(from, e);
  from.clear();
  EXPECT_EQ(from.textSize(), 0u);
  EXPECT_EQ(to.text(copiedMessage), "kept");
  expectSame(to.event(copied), kept);
  EXPECT_EQ(to.textSize(), std::string_view("kept0x80190194HTTP status 404").size());
}

}  // namespace
}  // namespace ccmlog
