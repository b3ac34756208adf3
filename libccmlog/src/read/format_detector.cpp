#include "read/format_detector.h"

#include <array>

#include "read/cmtrace_format.h"
#include "read/line_formats.h"
#include "read/text_lines.h"

namespace ccmlog::detail {
namespace {

constexpr int kVotingLines = 16;

}  // namespace

Format detectFormat(std::string_view head, bool atEnd) {
  const std::string_view window = head.substr(0, kDetectionWindow);
  if (window.find(kOpener) != std::string_view::npos || window.find(kTerminator) != std::string_view::npos) {
    return Format::CMTrace;
  }
  // Votes wait for the whole window: a CMTrace record may still come in it, and
  // the format must not depend on how the bytes were chunked.
  if (!atEnd && head.size() < kDetectionWindow) return Format::Unknown;
  enum { kSms, kMsi, kCopied, kPasted, kVotes };
  std::array<int, kVotes> votes{};
  int lines = 0;
  MsiClock clock;
  for (size_t at = 0; at < window.size() && lines < kVotingLines;) {
    const LineRange line = lineAt(window, at, true);
    const size_t start = skipBom(window, at);
    const std::string_view content = window.substr(start, std::max(line.contentEnd, start) - start);
    at = line.end;
    if (content.empty()) continue;
    ++lines;
    Record scratch;
    if (parseSmsTrailer(content, scratch))
      ++votes[kSms];
    else if (parseMsiLine(content, clock, scratch))
      ++votes[kMsi];
    else if (parseCopiedLine(content, scratch))
      ++votes[kCopied];
    else if (parsePastedLine(content, scratch))
      ++votes[kPasted];
  }
  constexpr std::array<Format, kVotes> formats{Format::Sms, Format::Msi, Format::Copied, Format::Pasted};
  size_t best = 0;
  for (size_t i = 1; i < votes.size(); ++i) {
    if (votes[i] > votes[best]) best = i;
  }
  return votes[best] > 0 ? formats[best] : Format::Plain;
}

}  // namespace ccmlog::detail
