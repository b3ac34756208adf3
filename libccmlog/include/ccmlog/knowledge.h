// ccmlog/knowledge.h: what ccmlog knows about causes, as data a user can extend.
//
//   auto mine = ccmlog::readKnowledgeFile("contoso.toml");       // entries, or an error
//   if (!mine) { std::cerr << mine.error().message << '\n'; }     // "contoso.toml:12: field 'lines': …"
//   auto knowledge = ccmlog::Knowledge::extended(*mine);          // the built-in entries and these
//   ccmlog::AnalysisOptions options;
//   options.diagnosis.knowledge = *knowledge;
//
// An entry is one cause: the rule family it belongs to and its cause id, the
// lines that identify it (RE2 patterns, searched case-insensitively in each
// log record's message), what it means, what to do, and the rules whose
// findings it explains (their findings then name it in Finding::causedBy).
// Its samples are real-shaped lines that identify it and no other entry:
// checkSamples() proves it. The built-in entries are the files of
// libccmlog/knowledge/, compiled into the library; README.md documents the
// format (TOML) with an example.
//
// Most rules are entries alone: a log line matching one of `lines` (and, if
// given, lines matching each of `with`) makes a finding of the entry's rule.
// Rules that need the run story (service context, retry loops, MSI and
// prerequisite failures, history) are code; an entry of such a rule is one of
// its known causes (the code decides when it applies) or only says what the
// rule explains.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/basics.h"
#include "ccmlog/export.h"

namespace ccmlog {

struct KnowledgeEntry {
  std::string rule;   ///< rule id, lower-case and hyphenated: "server-certificate-rejected"
  std::string cause;  ///< cause id within the rule: "name-mismatch"
  FindingSeverity severity =
      FindingSeverity::Error;  ///< an error counts as a warning once a later attempt succeeded
  std::string title;           ///< one line; for a cause of a code rule, what completes the rule's title
  std::string explanation;     ///< plain words for a helpdesk person
  std::string remedy;
  std::vector<std::string> explains;  ///< ids of the rules whose findings this cause explains
  std::vector<std::string> lines;     ///< RE2 patterns; a message matching one is a line of this cause
  std::vector<std::string> with;      ///< RE2 patterns each of which a line of the same log must match too
  std::optional<std::uint32_t> code;  ///< the error code the cause turns on, if one
  std::vector<std::string> samples;   ///< real-shaped lines that identify this entry and no other
  std::string origin;                 ///< where it was written: "FILE:LINE"
};

/// Reads knowledge in its TOML format; `name` is what messages call the text.
/// An error names the file, the line and the field ("x.toml:7: field 'severity': …").
CCMLOG_EXPORT Result<std::vector<KnowledgeEntry>> parseKnowledge(std::string_view text,
                                                                 std::string_view name);
/// parseKnowledge on a file's contents; an error also when it cannot be read.
CCMLOG_EXPORT Result<std::vector<KnowledgeEntry>> readKnowledgeFile(const std::filesystem::path& path);

struct CompiledKnowledge;  // the library's

/// A set of entries ready to use: their patterns compiled, their lines added
/// to a classifier of messages. Immutable once made; share it (shared_ptr). Not
/// copyable: it owns compiled automata.
class CCMLOG_EXPORT Knowledge {
 public:
  /// The entries compiled into the library (made on first use, thread-safe).
  static std::shared_ptr<const Knowledge> builtIn();
  /// The built-in entries followed by `extra`. An error when an extra entry
  /// repeats a known rule and cause id, or names a rule without lines that no
  /// code implements; it names the entry's origin.
  static Result<std::shared_ptr<const Knowledge>> extended(std::span<const KnowledgeEntry> extra);

  ~Knowledge();
  Knowledge(const Knowledge&) = delete;
  Knowledge& operator=(const Knowledge&) = delete;

  std::span<const KnowledgeEntry> entries() const;
  /// Whether `text` matches one of the `lines` of entry `i`.
  bool identifies(std::size_t i, std::string_view text) const;
  /// Replaces `entries` with the indexes of the entries whose lines `text`
  /// matches, ascending: one pass over the text for all entries.
  void identified(std::string_view text, std::vector<std::size_t>& entries) const;
  /// Whether `text` matches `with` pattern `k` of entry `i`.
  bool matchesWith(std::size_t i, std::size_t k, std::string_view text) const;
  /// Every way the samples fail their entries: a sample that no line of its
  /// entry matches, that another entry's lines match, or that the classifier
  /// drops; an entry whose samples together miss one of its `with`. Empty when all hold.
  std::vector<std::string> checkSamples() const;

 private:
  friend struct KnowledgeAccess;  // the library's way to the classifier it compiled
  explicit Knowledge(std::unique_ptr<CompiledKnowledge> compiled);
  std::unique_ptr<CompiledKnowledge> compiled_;
};

}  // namespace ccmlog
