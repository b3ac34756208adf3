#include "classify/fast/capture_scanners.h"

#include "classify/text_case.h"
#include "read/text_lines.h"

namespace ccmlog::detail {
namespace {

constexpr size_t npos = std::string_view::npos;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }  // RE2's \s

// The position just after the first occurrence of `words`; npos when none.
// A pattern that starts with these words can only match there first.
size_t after(std::string_view m, std::string_view words) {
  const size_t at = findWords(m, words);
  return at == npos ? npos : at + words.size();
}

// Where the line holding m[from] ends (its first CR or LF, or the end).
size_t lineEnd(std::string_view m, size_t from) { return lineAt(m, from, true).contentEnd; }

size_t digitsEnd(std::string_view m, size_t from) {
  while (from < m.size() && isDigit(m[from])) ++from;
  return from;
}

// `(?P<x>\d+)` at `from` (npos: fails).
bool digitsAt(std::string_view m, size_t from, std::string_view& out) {
  if (from == npos) return false;
  const size_t end = digitsEnd(m, from);
  out = m.substr(from, end - from);
  return end > from;
}

// `(?P<x>[^\r\n]*\S)` at `from`: the rest of the line up to its last non-space.
bool restOfLineAt(std::string_view m, size_t from, std::string_view& out) {
  if (from == npos) return false;
  size_t end = lineEnd(m, from);
  while (end > from && isSpace(m[end - 1])) --end;
  out = m.substr(from, end - from);
  return end > from;
}

// `(?P<x>\d+)` + `words` at `from`.
bool digitsThen(std::string_view m, size_t from, std::string_view words, std::string_view& out) {
  return digitsAt(m, from, out) && wordsAt(m, from + out.size(), words);
}

// `^words(?P<version>\d+(?:\.\d+)+)`.
bool versionAfter(std::string_view m, std::string_view words, std::string_view& out) {
  if (!wordsAt(m, 0, words)) return false;
  const size_t from = words.size();
  size_t end = digitsEnd(m, from);
  if (end == from) return false;
  bool dotted = false;
  while (end + 1 < m.size() && m[end] == '.' && isDigit(m[end + 1])) {
    end = digitsEnd(m, end + 1);
    dotted = true;
  }
  out = m.substr(from, end - from);
  return dotted;
}

bool isHex(char c) { return isDigit(c) || (asciiLower(c) >= 'a' && asciiLower(c) <= 'f'); }

size_t skipSpaces(std::string_view m, size_t from) {
  while (from < m.size() && isSpace(m[from])) ++from;
  return from;
}

// `words:?\s*` at `from`: where what follows starts, or npos.
size_t afterWordsColonSpaces(std::string_view m, size_t from, std::string_view words) {
  if (from == npos || !wordsAt(m, from, words)) return npos;
  from += words.size();
  if (from < m.size() && m[from] == ':') ++from;  // a ':' taken, then failing, fails without it too
  return skipSpaces(m, from);
}

// CODE of event_patterns.cpp at `from`, `(?:0x[0-9a-f]+|-?\d[0-9a-f]*)\b`:
// its end, or npos. The hex runs are greedy and a word boundary must follow,
// so no shorter run can match where the longest does not.
size_t codeEnd(std::string_view m, size_t from) {
  if (from == npos) return npos;
  const auto hexEnd = [&](size_t i) {
    while (i < m.size() && isHex(m[i])) ++i;
    return i;
  };
  const auto boundary = [&](size_t i) { return i == m.size() || !isWordByte(m[i]); };  // after a word byte
  if (m.size() - from >= 3 && m[from] == '0' && asciiLower(m[from + 1]) == 'x' && isHex(m[from + 2])) {
    const size_t end = hexEnd(from + 2);
    if (boundary(end)) return end;  // else the second branch meets the 'x' and fails too
  }
  const size_t digit = from < m.size() && m[from] == '-' ? from + 1 : from;
  if (digit == m.size() || !isDigit(m[digit])) return npos;
  const size_t end = hexEnd(digit + 1);
  return boundary(end) ? end : npos;
}

// `(?P<code>CODE)` at `from` (npos: fails).
bool codeAt(std::string_view m, size_t from, std::string_view& out) {
  const size_t end = codeEnd(m, from);
  if (end == npos) return false;
  out = m.substr(from, end - from);
  return true;
}

// TRAILING_CODE of event_patterns.cpp at `from`,
// `(?:[^\r\n]*?\berror:?\s*CODE)?`: the code after the first "error" of the
// line that has one, or a null view (the group takes no part).
std::string_view trailingCode(std::string_view m, size_t from) {
  const size_t end = lineEnd(m, from);
  for (size_t at = from; at < end; ++at) {
    if (at > 0 && isWordByte(m[at - 1])) continue;  // \b before 'e'
    if (std::string_view code; codeAt(m, afterWordsColonSpaces(m, at, "error"), code)) return code;
  }
  return {};
}

// The lazy `'?(?P<x>[^\r\n]+?)'?` + `words` at `from` (the opening quote taken
// when there is one): x in `out`, and where the words end; npos when that
// first reading fails (RE2 might then read it without the quote) or from is npos.
size_t quotedThen(std::string_view m, size_t from, std::string_view words, std::string_view& out) {
  if (from == npos) return npos;
  if (from < m.size() && m[from] == '\'') ++from;
  const size_t end = lineEnd(m, from);
  for (size_t at = from + 1; at <= end; ++at) {
    const bool quoted = at < end && m[at] == '\'' && wordsAt(m, at + 1, words);
    if (!quoted && !wordsAt(m, at, words)) continue;
    out = m.substr(from, at - from);
    return at + (quoted ? 1 : 0) + words.size();
  }
  return npos;
}

}  // namespace

bool scanRunStarted(std::string_view m, ScannedGroups& g) {
  return digitsAt(m, after(m, "ccmsetup started in process "), g[0]);
}

bool scanCcmSetupVersion(std::string_view m, ScannedGroups& g) {
  return versionAfter(m, "ccmsetup version: ", g[0]);
}

bool scanVersion(std::string_view m, ScannedGroups& g) { return versionAfter(m, "version: ", g[0]); }

bool scanLaunchFolder(std::string_view m, ScannedGroups& g) {
  return restOfLineAt(m, after(m, "launch from folder "), g[0]);
}

bool scanCommandLine(std::string_view m, ScannedGroups& g) {
  return restOfLineAt(m, after(m, "ccmsetup command line: "), g[0]);
}

// Running as user "(?P<user>[^"\r\n]+)"
bool scanRunningAsUser(std::string_view m, ScannedGroups& g) {
  const size_t from = after(m, "running as user \"");
  if (from == npos) return false;
  size_t end = from;
  while (end < m.size() && m[end] != '"' && m[end] != '\r' && m[end] != '\n') ++end;
  g[0] = m.substr(from, end - from);
  return end > from && end < m.size() && m[end] == '"';
}

bool scanFreeDiskSpace(std::string_view m, ScannedGroups& g) {
  return digitsThen(m, after(m, "detected "), " mb free disk space", g[0]);
}

// ^Downloading (?P<source>[^\r\n]+) to (?P<destination>[^\r\n]*\S)
// The source is greedy: the last " to " of the first line that leaves a
// destination (the last one does unless only spaces follow it).
bool scanDownloadStarted(std::string_view m, ScannedGroups& g) {
  constexpr std::string_view kHead = "downloading ", kTo = " to ";
  if (!wordsAt(m, 0, kHead)) return false;
  const size_t end = lineEnd(m, kHead.size());
  for (size_t to = end; to-- > kHead.size() + 1;) {  // the source takes at least one byte
    if (!wordsAt(m, to, kTo) || to + kTo.size() > end) continue;
    g[0] = m.substr(kHead.size(), to - kHead.size());
    return restOfLineAt(m, to + kTo.size(), g[1]);
  }
  return false;
}

// File download (?P<percent>\d+)% complete \((?P<done>\d+) of (?P<total>\d+) bytes\)
bool scanDownloadProgress(std::string_view m, ScannedGroups& g) {
  const size_t from = after(m, "file download ");
  if (!digitsThen(m, from, "% complete (", g[0])) return false;
  const size_t done = from + g[0].size() + 12;
  if (!digitsThen(m, done, " of ", g[1])) return false;
  return digitsThen(m, done + g[1].size() + 4, " bytes)", g[2]);
}

// Adding file '(?P<url>[^\r\n]+?)' to BITS job, saving as '(?P<destination>[^\r\n]+)'
// The url is lazy: up to the first "' to BITS job…" (if that one leaves no
// destination, no later one does); the destination is greedy: up to the last
// quote of the line.
bool scanBitsFileAdded(std::string_view m, ScannedGroups& g) {
  constexpr std::string_view kMiddle = "' to bits job, saving as '";
  const size_t url = after(m, "adding file '");
  if (url == npos) return false;
  const size_t end = lineEnd(m, url);
  const size_t middle = findWords(m, kMiddle, url + 1);
  if (middle == npos || middle + kMiddle.size() > end) return false;
  const size_t destination = middle + kMiddle.size();
  for (size_t quote = end; quote-- > destination + 1;) {
    if (m[quote] != '\'') continue;
    g[0] = m.substr(url, middle - url);
    g[1] = m.substr(destination, quote - destination);
    return true;
  }
  return false;
}

bool scanNextRetryIn(std::string_view m, ScannedGroups& g) {
  return digitsThen(m, after(m, "next retry in "), " minute", g[0]);
}

// Retry time:\s*(?P<minutes>\d+) minute
bool scanRetryTime(std::string_view m, ScannedGroups& g) {
  size_t from = after(m, "retry time:");
  if (from == npos) return false;
  while (from < m.size() && isSpace(m[from])) ++from;
  return digitsThen(m, from, " minute", g[0]);
}

// MSI: Action [\d:]+: (?P<action>\w+)\.
// The run of digits and colons must end in ": " (no shorter run can: a
// space never follows its other colons).
bool scanMsiAction(std::string_view m, ScannedGroups& g) {
  const size_t from = after(m, "msi: action ");
  if (from == npos) return false;
  size_t run = from;
  while (run < m.size() && (isDigit(m[run]) || m[run] == ':')) ++run;
  if (run - from < 2 || m[run - 1] != ':' || run >= m.size() || m[run] != ' ') return false;
  size_t word = run + 1;
  while (word < m.size() && isWordByte(m[word])) ++word;
  g[0] = m.substr(run + 1, word - (run + 1));
  return !g[0].empty() && word < m.size() && m[word] == '.';
}

// File '?(?P<file>[^\r\n]+?)'? installation succeeded
// With the opening quote taken (RE2 tries that first), the shortest file
// name followed by an optional quote and the words.
bool scanInstallSucceeded(std::string_view m, ScannedGroups& g) {
  return quotedThen(m, after(m, "file "), " installation succeeded", g[0]) != npos;
}

// CcmSetup is exiting with return code (?P<code>-?\d+)
bool scanExitCode(std::string_view m, ScannedGroups& g) {
  const size_t from = after(m, "ccmsetup is exiting with return code ");
  if (from == npos) return false;
  const size_t digits = from < m.size() && m[from] == '-' ? from + 1 : from;
  const size_t end = digitsEnd(m, digits);
  g[0] = m.substr(from, end - from);
  return end > digits;
}

// CcmSetup failed with error code CODE
bool scanSetupFailed(std::string_view m, ScannedGroups& g) {
  return codeAt(m, after(m, "ccmsetup failed with error code "), g[0]);
}

// Failed to download client files by BITS\. Error:?\s*CODE
bool scanClientFilesByBitsFailed(std::string_view m, ScannedGroups& g) {
  constexpr std::string_view kWords = "failed to download client files by bits. error";
  return codeAt(m, afterWordsColonSpaces(m, findWords(m, kWords), kWords), g[0]);
}

// (?s)Failed to download files through BITS\. Error:?\s*CODE,?\s*Description:?\s*(?P<text>.*\S)
// The text runs to the last non-space of the message (`.` crosses lines).
bool scanFilesThroughBitsFailed(std::string_view m, ScannedGroups& g) {
  constexpr std::string_view kWords = "failed to download files through bits. error";
  if (!codeAt(m, afterWordsColonSpaces(m, findWords(m, kWords), kWords), g[0])) return false;
  size_t at = static_cast<size_t>(g[0].data() - m.data()) + g[0].size();
  if (at < m.size() && m[at] == ',') ++at;  // without it, "description" cannot start at the ','
  const size_t text = afterWordsColonSpaces(m, skipSpaces(m, at), "description");
  if (text == npos) return false;
  size_t end = m.size();
  while (end > text && isSpace(m[end - 1])) --end;
  if (end == text) return false;  // RE2 might give back the ':' as the text
  g[1] = m.substr(text, end - text);
  return true;
}

// Failed to access source file \((?P<path>[^\r\n]*)\)TRAILING_CODE
// The path is greedy: up to the last ')' of the line (the code is optional).
bool scanSourceFileFailed(std::string_view m, ScannedGroups& g) {
  const size_t from = after(m, "failed to access source file (");
  if (from == npos) return false;
  size_t close = lineEnd(m, from);
  while (close > from && m[close - 1] != ')') --close;
  if (close == from) return false;  // no ')' on the line
  g[0] = m.substr(from, close - 1 - from);
  g[1] = trailingCode(m, close);
  return true;
}

// Source '?(?P<path>[^\r\n]+?)'? is inaccessibleTRAILING_CODE
bool scanSourceInaccessible(std::string_view m, ScannedGroups& g) {
  const size_t end = quotedThen(m, after(m, "source "), " is inaccessible", g[0]);
  if (end == npos) return false;
  g[1] = trailingCode(m, end);
  return true;
}

// Failed to check url '?(?P<url>[^\s']*[^\s'.,])'?(?:[^\r\n]*?\b(?P<status>[1-5]\d\d)\b)?
// The url is the run of bytes that are no space and no quote, without the
// '.' and ',' that end it; the status is the first fitting number of the line.
bool scanUrlCheckFailed(std::string_view m, ScannedGroups& g) {
  size_t from = after(m, "failed to check url ");
  if (from == npos) return false;
  if (from < m.size() && m[from] == '\'') ++from;
  size_t end = from;
  while (end < m.size() && !isSpace(m[end]) && m[end] != '\'') ++end;
  while (end > from && (m[end - 1] == '.' || m[end - 1] == ',')) --end;
  if (end == from) return false;
  g[0] = m.substr(from, end - from);
  const size_t status = end < m.size() && m[end] == '\'' ? end + 1 : end;
  const size_t line = lineEnd(m, status);
  g[1] = {};
  for (size_t at = status; at + 3 <= line; ++at) {
    if (m[at] < '1' || m[at] > '5' || !isDigit(m[at + 1]) || !isDigit(m[at + 2])) continue;
    if ((at > 0 && isWordByte(m[at - 1])) || (at + 3 < m.size() && isWordByte(m[at + 3]))) continue;
    g[1] = m.substr(at, 3);
    break;
  }
  return true;
}

}  // namespace ccmlog::detail
