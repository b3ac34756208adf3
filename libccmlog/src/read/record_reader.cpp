#include "ccmlog/record_reader.h"

#include <functional>
#include <vector>

#include "read/cmtrace_format.h"
#include "read/format_detector.h"
#include "read/line_formats.h"
#include "read/text_decoder.h"
#include "read/text_lines.h"
#include "read/utf8.h"

namespace ccmlog {

using namespace detail;

std::string_view toString(Encoding encoding) {
  switch (encoding) {
    case Encoding::Unknown:
      return "unknown";
    case Encoding::Utf8:
      return "utf-8";
    case Encoding::Utf8Bom:
      return "utf-8-bom";
    case Encoding::Utf16Le:
      return "utf-16le";
    case Encoding::Utf16Be:
      return "utf-16be";
  }
  return "unknown";
}

std::string_view toString(Format format) {
  switch (format) {
    case Format::Unknown:
      return "unknown";
    case Format::CMTrace:
      return "cmtrace";
    case Format::Sms:
      return "sms";
    case Format::Copied:
      return "copied";
    case Format::Pasted:
      return "pasted";
    case Format::Msi:
      return "msi";
    case Format::Plain:
      return "plain";
  }
  return "unknown";
}

namespace {

// A line's text kept in memory at most: past it the reader keeps scanning for
// the line's end but drops the text, leaving this marker, and keeps only the
// line's last kLineTail bytes (the span keeps every byte).
constexpr size_t kMaxLineText = 1 << 20;
constexpr size_t kLineTail = 4 << 10;
constexpr std::string_view kCutMarker = " [... cut: the line is longer than 1 MiB ...] ";

// A new Record is a copy of a blank one, not `out = Record{}`: value-initialising
// the whole struct in place is a bulk store that costs more than the rest of
// next() on a short record.
[[gnu::noinline]] const Record& blankRecord() {
  static const Record blank;
  return blank;
}

}  // namespace

struct ReaderState {
  TextDecoder decoder;
  std::string text;  // decoded text; text[pos..] is not yielded yet
  size_t pos = 0;
  bool finished = false;
  Format format = Format::Unknown;
  std::uint64_t sourceOffset = 0;  // file offset of text[pos]
  std::uint64_t lineNumber = 1;    // line number of text[pos]
  CmtraceScan cmtraceScan;
  size_t scannedTo = 0;  // SMS, MSI: text[pos..pos+scannedTo) is known to continue the record
  MsiClock msiClock;
  std::string repaired;  // text fields with ill-formed UTF-8 replaced
  ReaderStats stats;
  // The line the text ran out in (offsets from pos): [start, scanned) holds no
  // line end, so the next look at it starts at `scanned`, not again at its start.
  struct OpenLine {
    size_t start = std::string::npos, scanned = 0;
  } openLine;
  // Text dropped from long lines: a marker at text[at] stands for `source` more bytes of the file.
  struct Cut {
    size_t at;
    std::int64_t source;
  };
  std::vector<Cut> cuts;
  size_t boundLine = 0;  // boundLines: text[boundLine] starts the first line it may still cut

  std::optional<size_t> cut(std::string_view rest, Record& out, CutFacts& facts);
  LineRange lineFrom(std::string_view rest, size_t from);
  void boundLines();
  std::optional<size_t> cutSingleLine(std::string_view rest, Record& out);
  std::optional<size_t> cutSms(std::string_view rest, Record& out);
  std::optional<size_t> cutMsi(std::string_view rest, Record& out);
  void repairText(Record& out, std::string_view piece);
};

std::optional<size_t> ReaderState::cut(std::string_view rest, Record& out, CutFacts& facts) {
  switch (format) {
    case Format::CMTrace:
      return cutCmtrace(rest, finished, cmtraceScan, out, facts);
    case Format::Sms:
      return cutSms(rest, out);
    case Format::Msi:
      return cutMsi(rest, out);
    default:
      return cutSingleLine(rest, out);
  }
}

// The line at `from`; a line the text ran out in before is scanned on from
// where that look stopped (a 256 MiB line fed in 64 KiB blocks is read once,
// not 4096 times).
LineRange ReaderState::lineFrom(std::string_view rest, size_t from) {
  const size_t resume = from == openLine.start ? openLine.scanned : from;
  LineRange line = lineAt(rest, resume, finished);
  line.start = from;
  // A CR last in the text stays unscanned: an LF may follow it.
  if (!line.complete) openLine = {from, line.contentEnd};
  return line;
}

// Cuts every line of the line formats longer than kMaxLineText: kCutMarker
// goes in after its first kMaxLineText bytes, and what follows up to the last
// kLineTail bytes of the line is dropped as it comes; `cuts` keeps the file
// bytes each marker stands for. Lines of the usual length cost a look back from every kMaxLineText-th
// byte. Called by next() before it cuts, when no Record points into the text.
void ReaderState::boundLines() {
  if (format == Format::Unknown || format == Format::CMTrace) return;
  size_t& line = boundLine;    // start of the line looked at
  line = std::max(line, pos);  // records of the line formats end at line ends
  for (;;) {
    const bool marked = !cuts.empty() && cuts.back().at >= line;
    const size_t keep = marked ? cuts.back().at + kCutMarker.size() : line + kMaxLineText + kCutMarker.size();
    if (keep >= text.size()) return;  // the line fits, so far
    if (!marked) {
      // The line after the last line end before `keep` is the next to look at.
      size_t next = keep;
      while (next > line && text[next - 1] != '\n' && text[next - 1] != '\r') --next;
      if (next > line) {
        line = next;
        continue;
      }
      size_t at = line + kMaxLineText;
      while (at > line && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;  // not inside a character
      cuts.push_back({at, -static_cast<std::int64_t>(decoder.sourceLength(kCutMarker))});
      text.insert(at, kCutMarker);
      openLine.scanned =
          std::min(openLine.scanned, at - pos);  // a look at the line resumes before the change
      continue;
    }
    // Marked: drop what follows the marker but the line's last kLineTail bytes
    // (so far), where the formats that write their envelope after the message have it.
    const LineRange rest = lineAt(text, keep, true);
    size_t dropEnd = rest.contentEnd - std::min(rest.contentEnd - keep, kLineTail);
    while (dropEnd > keep && (static_cast<unsigned char>(text[dropEnd]) & 0xC0) == 0x80) --dropEnd;
    cuts.back().source +=
        static_cast<std::int64_t>(decoder.sourceLength(std::string_view(text).substr(keep, dropEnd - keep)));
    text.erase(keep, dropEnd - keep);
    openLine.scanned = std::min(openLine.scanned, keep - pos);
    if (rest.contentEnd == rest.end) return;  // no line end yet
    line = rest.end - (dropEnd - keep);
  }
}

// Copied, pasted and plain text: one line, one record.
std::optional<size_t> ReaderState::cutSingleLine(std::string_view rest, Record& out) {
  const LineRange line = lineFrom(rest, 0);
  if (!line.complete && !finished) return std::nullopt;
  const size_t start = skipBom(rest, 0);
  const std::string_view content = rest.substr(start, std::max(line.contentEnd, start) - start);
  const bool parsed = format == Format::Copied
                          ? parseCopiedLine(content, out) || parseStrayLine(content, out)
                          : parsePastedLine(content, out) || parseStrayLine(content, out);
  if (!parsed) {
    out.kind = RecordKind::Plain;
    out.message = content;
    out.severity = severityFromWords(content);
  }
  return line.end;
}

// SMS: the trailer ends a record; lines before it continue its message.
std::optional<size_t> ReaderState::cutSms(std::string_view rest, Record& out) {
  const size_t start = skipBom(rest, 0);
  size_t at = scannedTo;
  while (at < rest.size()) {
    const LineRange line = lineFrom(rest, at);
    if (!line.complete && !finished) return std::nullopt;
    const size_t contentStart = skipBom(rest, at);
    const std::string_view content =
        rest.substr(contentStart, std::max(line.contentEnd, contentStart) - contentStart);
    if (const auto messageLength = parseSmsTrailer(content, out)) {
      out.message = rest.substr(start, contentStart + *messageLength - start);
      out.severity = severityFromWords(out.message);
      return line.end;
    }
    at = scannedTo = line.end;
  }
  if (!finished) return std::nullopt;
  // The file ended inside a message: its lines are kept one by one.
  const LineRange first = lineAt(rest, 0, true);
  out.kind = RecordKind::Unparsed;
  out.message = rest.substr(start, std::max(first.contentEnd, start) - start);
  out.severity = severityFromWords(out.message);
  return first.end;
}

// MSI: an entry line and the continuation lines after it.
std::optional<size_t> ReaderState::cutMsi(std::string_view rest, Record& out) {
  const LineRange first = lineFrom(rest, 0);
  if (!first.complete && !finished) return std::nullopt;
  const size_t start = skipBom(rest, 0);
  const std::string_view content = rest.substr(start, std::max(first.contentEnd, start) - start);
  MsiClock clock = msiClock;  // committed only once the record is complete
  if (!parseMsiLine(content, clock, out)) {
    if (!parseStrayLine(content, out)) {
      out.kind = RecordKind::Unparsed;
      out.message = content;
      out.severity = severityFromWords(content);
    }
    msiClock = clock;
    return first.end;
  }
  size_t end = std::max(first.end, scannedTo);
  while (end < rest.size()) {
    const LineRange line = lineFrom(rest, end);
    if (!line.complete && !finished) return std::nullopt;
    const size_t lineStart = skipBom(rest, end);
    Record probe;
    MsiClock probeClock = clock;
    if (parseMsiLine(rest.substr(lineStart, std::max(line.contentEnd, lineStart) - lineStart), probeClock,
                     probe)) {
      break;
    }
    end = scannedTo = line.end;
  }
  if (end == rest.size() && !finished) return std::nullopt;
  const size_t messageStart = static_cast<size_t>(out.message.data() - rest.data());
  const size_t contentEnd = withoutLineEnd(rest.substr(0, end)).size();
  out.message = rest.substr(messageStart, std::max(contentEnd, messageStart) - messageStart);
  msiClock = clock;
  return end;
}

// Text fields are views into the decoded text; ill-formed UTF-8 in them is
// replaced, in a buffer of their own, so that outputs are always valid UTF-8.
// Most records are ASCII throughout: one look at the record's bytes (`piece`)
// then answers for every field cut from them.
void ReaderState::repairText(Record& out, std::string_view piece) {
  std::string_view* fields[] = {&out.component, &out.context, &out.thread, &out.source, &out.message};
  const bool asciiPiece = isAscii(piece);
  const auto inPiece = [&](std::string_view field) {
    const std::less_equal<const char*> atOrBefore;
    return atOrBefore(piece.data(), field.data()) &&
           atOrBefore(field.data() + field.size(), piece.data() + piece.size());
  };
  size_t needed = 0;
  bool valid = true;
  for (auto* field : fields) {
    needed += field->size() * kReplacement.size();
    valid = valid && ((asciiPiece && inPiece(*field)) || isValidUtf8(*field));
  }
  if (valid) return;
  out.flags |= kInvalidText;
  repaired.clear();
  repaired.reserve(needed);  // no reallocation below: earlier views stay valid
  for (auto* field : fields) {
    const size_t begin = repaired.size();
    appendRepairedUtf8(*field, repaired);
    *field = std::string_view(repaired).substr(begin);
  }
}

RecordReader::RecordReader(const ReaderOptions& options) : state_(std::make_unique<ReaderState>()) {
  state_->format = options.format;
  state_->decoder = TextDecoder(options.encoding);
}

RecordReader::~RecordReader() = default;
RecordReader::RecordReader(RecordReader&&) noexcept = default;
RecordReader& RecordReader::operator=(RecordReader&&) noexcept = default;

void RecordReader::feed(std::string_view bytes) {
  ReaderState& d = *state_;
  d.stats.bytes += bytes.size();
  if (d.pos > 0 && d.pos >= d.text.size() / 2) {  // drop what has been yielded
    d.text.erase(0, d.pos);
    for (ReaderState::Cut& c : d.cuts) c.at -= d.pos;
    d.boundLine -= std::min(d.boundLine, d.pos);
    d.pos = 0;
  }
  d.decoder.decode(bytes, d.text);
}

void RecordReader::finish() {
  state_->decoder.finish(state_->text);
  state_->finished = true;
}

bool RecordReader::next(Record& out) {
  ReaderState& d = *state_;
  if (d.pos >= d.text.size()) return false;
  if (d.format == Format::Unknown) {
    d.format = detectFormat(std::string_view(d.text).substr(d.pos), d.finished);
    if (d.format == Format::Unknown) return false;
  }
  d.boundLines();
  const std::string_view rest = std::string_view(d.text).substr(d.pos);
  out = blankRecord();
  CutFacts facts;
  const auto length = d.cut(rest, out, facts);
  if (!length) return false;
  const std::string_view piece = rest.substr(0, *length);
  const bool last = d.finished && *length == rest.size();
  std::int64_t cutSource = 0;  // what the markers in this record stand for
  std::erase_if(d.cuts, [&](const ReaderState::Cut& c) {
    if (c.at >= d.pos + *length) return false;
    cutSource += c.source;
    out.flags |= kCutText;
    return true;
  });
  const std::uint64_t sourceLength =
      last ? d.stats.bytes - d.sourceOffset
           : static_cast<std::uint64_t>(static_cast<std::int64_t>(d.decoder.sourceLength(piece)) + cutSource);
  const std::uint64_t lineEnds = facts.lineEnds ? *facts.lineEnds : countLineEnds(piece);
  const bool endsLine = withoutLineEnd(piece).size() != piece.size();
  out.span = ByteSpan{ByteOffset{d.sourceOffset}, sourceLength};
  out.line = LineNumber{d.lineNumber};
  out.lines = static_cast<std::uint32_t>(lineEnds + 1 - (endsLine ? 1 : 0));
  if ((d.decoder.encoding() == Encoding::Utf8 || d.decoder.encoding() == Encoding::Utf8Bom) && !facts.ascii) {
    d.repairText(out, piece);
  }
  d.pos += *length;
  d.sourceOffset += sourceLength;
  d.lineNumber += lineEnds;
  d.cmtraceScan.shift(*length);
  d.scannedTo = 0;
  d.openLine = {};
  ++d.stats.records;
  d.stats.lines += out.lines;
  if (out.kind == RecordKind::Unparsed || out.kind == RecordKind::Orphan) ++d.stats.unparsed;
  return true;
}

Encoding RecordReader::encoding() const { return state_->decoder.encoding(); }
Format RecordReader::format() const { return state_->format; }
const ReaderStats& RecordReader::stats() const { return state_->stats; }

}  // namespace ccmlog
