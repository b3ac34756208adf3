#include "ccmlog/record_reader.h"

#include <algorithm>
#include <cctype>

namespace ccmlog {

OwnedRecord::OwnedRecord(const Record& r)
    : record(r),
      component(r.component),
      context(r.context),
      thread(r.thread),
      source(r.source),
      message(r.message) {
  repoint();
}

OwnedRecord::OwnedRecord(const OwnedRecord& other)
    : record(other.record),
      component(other.component),
      context(other.context),
      thread(other.thread),
      source(other.source),
      message(other.message) {
  repoint();
}

OwnedRecord& OwnedRecord::operator=(const OwnedRecord& other) {
  if (this != &other) {
    OwnedRecord copy(other);
    *this = std::move(copy);
  }
  return *this;
}

OwnedRecord::OwnedRecord(OwnedRecord&& other) noexcept
    : record(other.record),
      component(std::move(other.component)),
      context(std::move(other.context)),
      thread(std::move(other.thread)),
      source(std::move(other.source)),
      message(std::move(other.message)) {
  repoint();
}

OwnedRecord& OwnedRecord::operator=(OwnedRecord&& other) noexcept {
  record = other.record;
  component = std::move(other.component);
  context = std::move(other.context);
  thread = std::move(other.thread);
  source = std::move(other.source);
  message = std::move(other.message);
  repoint();
  return *this;
}

// Moving or copying a std::string may move its characters (small strings live
// inside the object), so the views are rebuilt after every copy and move.
void OwnedRecord::repoint() {
  record.component = component;
  record.context = context;
  record.thread = thread;
  record.source = source;
  record.message = message;
}

std::string_view toString(RecordKind kind) {
  switch (kind) {
    case RecordKind::CMTrace:
      return "cmtrace";
    case RecordKind::Sms:
      return "sms";
    case RecordKind::Copied:
      return "copied";
    case RecordKind::Pasted:
      return "pasted";
    case RecordKind::Msi:
      return "msi";
    case RecordKind::Plain:
      return "plain";
    case RecordKind::Unparsed:
      return "unparsed";
    case RecordKind::Orphan:
      return "orphan";
  }
  return "unknown";
}

std::string_view toString(Severity severity) {
  switch (severity) {
    case Severity::Verbose:
      return "verbose";
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "unknown";
}

namespace {

// Case-insensitive search for an ASCII word fragment given in lower case.
size_t findLower(std::string_view text, std::string_view lower, size_t from) {
  auto it =
      std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), lower.begin(), lower.end(),
                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it == text.end() ? std::string_view::npos : static_cast<size_t>(it - text.begin());
}

bool containsFailureWord(std::string_view text) {
  if (findLower(text, "error", 0) != std::string_view::npos) return true;
  for (size_t at = findLower(text, "fail", 0); at != std::string_view::npos;
       at = findLower(text, "fail", at + 4)) {
    if (findLower(text.substr(at, 8), "failover", 0) != 0) return true;
  }
  return false;
}

}  // namespace

Severity severityFromWords(std::string_view text) {
  if (containsFailureWord(text)) return Severity::Error;
  if (findLower(text, "warn", 0) != std::string_view::npos) return Severity::Warning;
  return Severity::Info;
}

std::optional<std::uint32_t> threadId(std::string_view thread) {
  std::uint64_t id = 0;
  size_t digits = 0;
  for (; digits < thread.size() && digits < 10 && thread[digits] >= '0' && thread[digits] <= '9'; ++digits) {
    id = id * 10 + static_cast<std::uint64_t>(thread[digits] - '0');
  }
  // "3264" alone, or followed by CMTrace's " (0x0CC0)".
  if (digits == 0 || id > 0xFFFFFFFFu || (digits < thread.size() && thread[digits] != ' '))
    return std::nullopt;
  return static_cast<std::uint32_t>(id);
}

}  // namespace ccmlog
