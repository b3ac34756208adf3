#include "read/cmtrace_format.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "read/envelope_fields.h"
#include "read/fast/record_scans.h"
#include "read/line_formats.h"
#include "read/text_lines.h"

namespace ccmlog::detail {
namespace {

// Both markers contain a '!', which is rare in log text (unlike the '<' an
// XML message is full of): memchr to each '!', then compare. This beats
// memmem, whose setup per call costs more than the short search after it.
static_assert(kOpener.find('!') != std::string_view::npos && kTerminator.find('!') != std::string_view::npos);
size_t findMarker(std::string_view text, std::string_view needle, size_t from) {
  const size_t bang = needle.find('!');
  for (size_t at = from + bang; at < text.size();) {
    const void* found = std::memchr(text.data() + at, '!', text.size() - at);
    if (!found) break;
    const size_t start = static_cast<size_t>(static_cast<const char*>(found) - text.data()) - bang;
    if (text.substr(start, needle.size()) == needle) return start;
    at = start + bang + 1;
  }
  return std::string_view::npos;
}

// The opener that starts the record ending at the terminator: the last one at
// a line start (a record cut short by a crash is followed by a new record on
// a new line), else the first one anywhere; npos when there is none.
size_t chooseOpener(std::string_view region) {
  size_t first = std::string_view::npos, lastAtLineStart = std::string_view::npos;
  for (size_t at = findMarker(region, kOpener, 0); at != std::string_view::npos;
       at = findMarker(region, kOpener, at + 1)) {
    if (first == std::string_view::npos) first = at;
    const bool bomBefore = at >= kBom.size() && region.substr(at - kBom.size(), kBom.size()) == kBom;
    if (atLineStart(region, at) || (bomBefore && atLineStart(region, at - kBom.size()))) {
      lastAtLineStart = at;
    }
  }
  return lastAtLineStart != std::string_view::npos ? lastAtLineStart : first;
}

struct Attributes {
  std::string_view time, date, component, context, type, thread, file;
};

void assign(Attributes& a, std::string_view name, std::string_view value) {
  if (name == "time")
    a.time = value;
  else if (name == "date")
    a.date = value;
  else if (name == "component")
    a.component = value;
  else if (name == "context")
    a.context = value;
  else if (name == "type")
    a.type = value;
  else if (name == "thread")
    a.thread = value;
  else if (name == "file")
    a.file = value;
}

enum class EnvelopeEnd { Closed, Open, NeedMore };

// The quotes of text[from..], found 64 bytes at a time (masksOf64), along
// with whether the bytes before a place hold a line end or a byte >= 0x80.
class QuoteScan {
 public:
  QuoteScan(std::string_view text, size_t from) : text_(text), base_(from) { load(); }

  // The first quote at or after `at` (no earlier than any asked before), or
  // npos when the text runs out first (its last 64 bytes are never looked at).
  size_t next(size_t at) {
    for (; loaded_; advance()) {
      if (at >= base_ + 64) continue;
      const size_t from = std::max(at, base_);  // `at` may lie in a block already passed
      if (const std::uint64_t quotes = masks_.quotes >> (from - base_))
        return from + std::countr_zero(quotes);
    }
    return std::string_view::npos;
  }
  // Whether text[from, end) holds a line end, a byte >= 0x80; `end` at most
  // 64 bytes past the last quote found.
  bool lineEndBefore(size_t end) const { return (lineEnds_ | (masks_.lineEnds & below(end))) != 0; }
  bool beyondAsciiBefore(size_t end) const { return (high_ | (masks_.high & below(end))) != 0; }

 private:
  void load() {
    loaded_ = text_.size() >= 64 && base_ <= text_.size() - 64;
    if (loaded_) masks_ = masksOf64(text_.data() + base_);
  }
  void advance() {
    lineEnds_ |= masks_.lineEnds;
    high_ |= masks_.high;
    base_ += 64;
    load();
  }
  std::uint64_t below(size_t end) const {
    return end - base_ >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << (end - base_)) - 1;
  }

  std::string_view text_;
  size_t base_;  // of the 64 bytes masks_ describes
  bool loaded_ = false;
  ByteMasks masks_;
  std::uint64_t lineEnds_ = 0, high_ = 0;  // of the bytes before base_
};

// The attribute list as ConfigMgr writes it, from text[i] (just after the
// terminator's `time="`):
//   …" date="…" component="…" context="…" type="…" thread="…" file="…">
// read by its quotes (QuoteScan), where a scan byte by byte would stop (and
// mispredict its exit branch) fifteen times. Leaves i after the '>' and gives
// what readAttributes would, and whether the list is ASCII; false, with `a`
// and i as they were, for any other list, or one that ends within 64 bytes
// of the text's end (readAttributes reads those).
bool readUsualAttributes(std::string_view text, size_t& i, Attributes& a, bool& ascii) {
  Attributes read;
  size_t at = i;
  QuoteScan quotes(text, i);
  // The value up to the next quote, which `after` (a literal: its length is a
  // constant, so the comparison compiles to a few loads) must follow.
  const auto value = [&](std::string_view& out, const auto& after) {
    constexpr size_t n = sizeof(after) - 1;
    const size_t end = quotes.next(at);
    if (end == std::string_view::npos) return false;
    if (text.size() - end < n || std::memcmp(text.data() + end, after, n) != 0) return false;
    out = text.substr(at, end - at);
    at = end + n;
    return true;
  };
  if (!(value(read.time, "\" date=\"") && value(read.date, "\" component=\"") &&
        value(read.component, "\" context=\"") && value(read.context, "\" type=\"") &&
        value(read.type, "\" thread=\"") && value(read.thread, "\" file=\"") && value(read.file, "\">"))) {
    return false;
  }
  if (quotes.lineEndBefore(at)) return false;  // a value cut by a line end: the list is open
  a = read;
  i = at;
  ascii = !quotes.beyondAsciiBefore(at);
  return true;
}

// The bytes a scan of the attribute list stops at: a line end, plus `a` and `b`.
struct Stops {
  std::array<bool, 256> at{};
  constexpr Stops(char a, char b) {
    for (const char c : {a, b, '\r', '\n'}) at[static_cast<unsigned char>(c)] = true;
  }
};
constexpr Stops kLineEnd('\r', '\n'), kValueEnd('"', '"'), kNameEnd('=', '>');

// Offset of the first stop at or after `from`, or npos. (One table look per
// byte: std::string_view::find_first_of calls memchr once per character.)
size_t findStop(std::string_view text, size_t from, const Stops& stops) {
  for (size_t i = from; i < text.size(); ++i) {
    if (stops.at[static_cast<unsigned char>(text[i])]) return i;
  }
  return std::string_view::npos;
}

// Reads `name="value"` pairs from text[i] (just after the terminator's
// `time="`) up to the closing '>'. Leaves i after '>' (Closed), or at the line
// end that cut the list short (Open).
EnvelopeEnd readAttributes(std::string_view text, size_t& i, bool atEnd, Attributes& a) {
  constexpr auto npos = std::string_view::npos;
  const auto ranOut = [&] {
    if (!atEnd) return EnvelopeEnd::NeedMore;
    i = text.size();
    return EnvelopeEnd::Open;
  };
  const auto openAtLineEnd = [&](size_t from) {
    const size_t lineEnd = findStop(text, from, kLineEnd);
    if (lineEnd == npos) return ranOut();
    i = lineEnd;
    return EnvelopeEnd::Open;
  };
  std::string_view name = "time";
  for (;;) {
    const size_t quote = findStop(text, i, kValueEnd);
    if (quote == npos) return ranOut();
    if (text[quote] != '"') return openAtLineEnd(quote);
    assign(a, name, text.substr(i, quote - i));
    i = text.find_first_not_of(' ', quote + 1);
    if (i == npos) return ranOut();
    const size_t eq = findStop(text, i, kNameEnd);
    if (eq == npos) return ranOut();
    if (text[eq] == '>') {  // the end of the list (after any stray word)
      i = eq + 1;
      return EnvelopeEnd::Closed;
    }
    if (text[eq] != '=') return openAtLineEnd(eq);
    if (eq + 1 == text.size()) return ranOut();
    if (text[eq + 1] != '"') return openAtLineEnd(eq);
    name = text.substr(i, eq - i);
    i = eq + 2;
  }
}

Severity severityOf(std::string_view type, std::string_view message) {
  if (type == "0") return Severity::Verbose;
  if (type == "1") return Severity::Info;
  if (type == "2") return Severity::Warning;
  if (type == "3") return Severity::Error;
  return severityFromWords(message);
}

void fillTime(const Attributes& a, Record& out) {
  ClockTime clock;
  CalendarDate day;
  std::int32_t bias = 0;
  if (readUsualBiasedTime(a.time, clock, bias) && readUsualMonthDayYear(a.date, '-', day)) {  // most records
    out.local = toTimestamp(day, clock);
    if (!out.local) out.flags |= kBadTime;
    out.bias = bias;
    return;
  }
  const auto time = parseBiasedTime(a.time);
  const auto date = parseMonthDayYear(a.date, '-');
  if (!time || !date) {
    if (!a.time.empty() || !a.date.empty()) out.flags |= kBadTime;
    return;
  }
  out.local = toTimestamp(*date, time->clock);
  if (!out.local) out.flags |= kBadTime;
  out.bias = time->bias;
  if (time->oddSign) out.flags |= kOddBiasSign;
  if (time->badBias) out.flags |= kBadBias;
}

// One line of text that belongs to no record: Unparsed, unless it has the
// shape of another format's line.
size_t cutStrayLine(std::string_view text, size_t limit, Record& out) {
  const LineRange line = lineAt(text.substr(0, limit), 0, true);
  const size_t start = skipBom(text, 0);
  const std::string_view content = text.substr(start, std::max(line.contentEnd, start) - start);
  if (!parseStrayLine(content, out)) {
    out.kind = RecordKind::Unparsed;
    out.message = content;
    out.severity = severityFromWords(content);
  }
  return line.end;
}

// The usual record, when the text starts with an opener and the first '!'
// after it is a terminator's: then that is the first terminator, and the
// opener is the only one before it (every opener holds a '!', and none can
// overlap the first), which is what the general search would find, in one
// pass that also looks at the message's bytes. terminator is npos for any
// other text.
struct UsualStart {
  size_t terminator = std::string_view::npos;
  MessageScan message;
};
UsualStart usualStart(std::string_view text, size_t start) {
  constexpr size_t bang = kTerminator.find('!');
  if (text.substr(start, kOpener.size()) != kOpener) return {};
  const size_t from = start + kOpener.size();
  const MessageScan scan = scanToBang(text, from);
  if (scan.bang == std::string_view::npos || scan.bang - bang < from ||
      text.substr(scan.bang - bang, kTerminator.size()) != kTerminator) {
    return {};
  }
  return {scan.bang - bang, scan};
}

}  // namespace

void CmtraceScan::shift(size_t length) {
  searchFrom = searchFrom > length ? searchFrom - length : 0;
  constexpr auto npos = std::string_view::npos;
  if (!openerKnown || openerLimit < length || (opener != npos && opener < length)) {
    openerKnown = false;
    return;
  }
  openerLimit -= length;
  if (opener != npos) opener -= length;
}

std::optional<size_t> cutCmtrace(std::string_view text, bool atEnd, CmtraceScan& scan, Record& out,
                                 CutFacts& facts) {
  constexpr auto npos = std::string_view::npos;
  const size_t start = skipBom(text, 0);
  const UsualStart usual = scan.searchFrom == 0 && !scan.openerKnown ? usualStart(text, start) : UsualStart{};
  size_t terminator = usual.terminator;
  if (terminator != npos) {
    scan.opener = start;
    scan.openerLimit = terminator;
    scan.openerKnown = true;
  } else {
    terminator = findMarker(text, kTerminator, scan.searchFrom);
  }
  // Remember where no terminator is, for the next call (more input, or the
  // rest of the text after a stray line is cut).
  scan.searchFrom = terminator != npos                  ? terminator
                    : text.size() >= kTerminator.size() ? text.size() - kTerminator.size() + 1
                                                        : 0;
  if (terminator == npos && !atEnd) return std::nullopt;
  const size_t limit = terminator == npos ? text.size() : terminator;
  if (!scan.openerKnown || scan.openerLimit != limit) {
    scan.opener = chooseOpener(text.substr(0, limit));
    scan.openerLimit = limit;
    scan.openerKnown = true;
  }
  const size_t opener = scan.opener;
  if (opener != npos && opener > start) return cutStrayLine(text, opener, out);
  if (terminator == npos) {
    if (opener == npos) return cutStrayLine(text, text.size(), out);
    // A record cut off by the end of the file: keep it whole, as Unparsed.
    out.kind = RecordKind::Unparsed;
    out.message = withoutLineEnd(text.substr(opener + kOpener.size()));
    out.severity = severityFromWords(out.message);
    return text.size();
  }

  Attributes attributes;
  size_t i = terminator + kTerminator.size();
  bool asciiAttributes = false;
  const bool usualAttributes = readUsualAttributes(text, i, attributes, asciiAttributes);
  const EnvelopeEnd end = usualAttributes ? EnvelopeEnd::Closed : readAttributes(text, i, atEnd, attributes);
  if (end == EnvelopeEnd::NeedMore) return std::nullopt;
  if (end == EnvelopeEnd::Open) out.flags |= kOpenEnvelope;
  // The line end after the record belongs to it (a CR last in the text may
  // be half a CRLF, unless atEnd).
  if (i == text.size() && !atEnd) return std::nullopt;
  std::uint64_t lineEnds = 0;
  if (i < text.size() && (text[i] == '\r' || text[i] == '\n')) {
    if (text[i] == '\r' && i + 1 == text.size() && !atEnd) return std::nullopt;
    i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    lineEnds = 1;
  }
  if (usual.terminator != npos && usualAttributes && !usual.message.lineEnd) {
    facts.lineEnds = lineEnds;  // none in the opener, the message or the list
    facts.ascii = !usual.message.beyondAscii && asciiAttributes && start == 0;
  }

  const size_t messageStart = opener == npos ? start : opener + kOpener.size();
  out.kind = opener == npos ? RecordKind::Orphan : RecordKind::CMTrace;
  out.message = text.substr(messageStart, terminator - messageStart);
  out.component = attributes.component;
  out.context = attributes.context;
  out.thread = attributes.thread;
  out.source = attributes.file;
  out.severity = severityOf(attributes.type, out.message);
  fillTime(attributes, out);
  return i;
}

}  // namespace ccmlog::detail
