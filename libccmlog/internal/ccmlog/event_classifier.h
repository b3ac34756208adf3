// ccmlog/event_classifier.h (internal): messages in, Events out.
//
//   ccmlog::EventClassifier classifier;            // compiles the pattern table once
//   std::vector<ccmlog::Event> events;
//   classifier.classify(record.message, ccmlog::RecordIndex{i}, events);
//
// Literal words that every match of a pattern must contain (derived from the
// patterns themselves) rule out most patterns without running a regex: most
// messages are left with none to try, the others with one or two, which run
// in table order until one matches and gives its fields. The most frequent
// patterns are read by hand-written scanners that give exactly what the regex
// would, and patterns that are plain words by looking for the words; the
// others by RE2. (A message with bytes beyond ASCII goes through one pass of
// a set of all patterns first, and always through RE2.)
// Messages that match nothing yield nothing; a message that several patterns
// match yields one event, from the first of them in table order (specific
// before generic).
// A classifier made with knowledge lines (knowledge.h) has one more row for
// each, after all of the table's: a message no table row claims that matches
// one yields an event of kind KnowledgeLine.
// Construction is expensive (it compiles every pattern); build one classifier
// and reuse it. Not copyable: it owns compiled automata. classify() is const
// and safe to call from several threads.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/timeline.h"

namespace ccmlog {

class EventClassifier {
 public:
  EventClassifier();
  /// The table's rows followed by `knowledgeLines`: RE2 patterns that compile
  /// alone and together (Knowledge checks them); their events have no fields.
  explicit EventClassifier(std::span<const std::string> knowledgeLines);
  ~EventClassifier();
  EventClassifier(const EventClassifier&) = delete;
  EventClassifier& operator=(const EventClassifier&) = delete;

  /// Appends the events `message` carries (usually zero or one) to `out`.
  void classify(std::string_view message, RecordIndex record, std::vector<Event>& out) const;

  /// The same for a caller that reads one message after another into one
  /// Event: true and `event` set to the message's event, whose fields reuse
  /// the memory of the ones before (no allocation once it has grown); false
  /// when the message carries none (`event` is then unspecified).
  bool classifyInto(std::string_view message, RecordIndex record, Event& event) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Knowledge;

/// The classifier `knowledge` compiled: the built-in event patterns followed
/// by every entry's lines (as events of kind KnowledgeLine), what a log read
/// with that knowledge is classified by.
const EventClassifier& classifierOf(const Knowledge& knowledge);

}  // namespace ccmlog
