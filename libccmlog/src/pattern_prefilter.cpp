#include "pattern_prefilter.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "text_case.h"
#include "utf8.h"

namespace ccmlog::detail {
namespace {

// Atoms are at least this long (shorter words would be in nearly every
// message)...
constexpr int kMinAtomLength = 4;
// ...so the scan looks at every kStride-th place only: each atom is listed at
// kStride consecutive places (anchors), and one of them is always looked at.
constexpr size_t kStride = kMinAtomLength - 1;

unsigned char upper(unsigned char c) { return c >= 'a' && c <= 'z' ? c & ~0x20 : c; }

// A pair of bytes as a 16-bit key: one load, no hashing, no collisions.
unsigned pairKey(const unsigned char* at) { return unsigned{at[0]} | unsigned{at[1]} << 8; }

// How often a byte occurs in log messages, roughly: letters by English
// frequency, then digits and '.', other punctuation rarely. It only decides
// where an atom is looked for, so it affects speed, never the result.
int commonness(unsigned char c) {
  constexpr std::string_view kByFrequency = "zqjxkvbywgpfmucdlhrsnioate ";  // rarest first
  if (const size_t at = kByFrequency.find(static_cast<char>(c)); at != std::string_view::npos) {
    return static_cast<int>(at) + 4;
  }
  if ((c >= '0' && c <= '9') || c == '.') return 12;
  return 1;
}

// Where the atom's anchors start: the first of the kStride consecutive
// pairs of bytes (kStride + 1 bytes) that are least common together.
std::uint32_t anchorOffset(std::string_view atom) {
  const auto cost = [&](size_t i) {
    int sum = 0;
    for (size_t k = i; k < i + kStride + 1; ++k) sum += commonness(static_cast<unsigned char>(atom[k]));
    return sum;
  };
  size_t best = 0;
  for (size_t i = 1; i + kStride + 1 <= atom.size(); ++i)
    if (cost(i) < cost(best)) best = i;
  return static_cast<std::uint32_t>(best);
}

[[noreturn]] void cannotFilter() {
  // The classifier compiles the same table first and names a broken row.
  std::fputs("ccmlog: the event pattern prefilter cannot compile the table\n", stderr);
  std::abort();
}

}  // namespace

PatternPrefilter::PatternPrefilter(std::span<const EventPattern> table, const RE2::Options& options) {
  re2::FilteredRE2 filter(kMinAtomLength);
  for (const EventPattern& row : table) {
    int id = 0;
    if (filter.Add(row.pattern, options, &id) != RE2::NoError) cannotFilter();
  }
  filter.Compile(&atoms_);
  // An atom is needed by the rows that do not pass RE2's filter when every atom but it is found.
  // The filter is monotone (more atoms never fail a row), so a row passes only with all it needs.
  needed_.assign(table.size(), {});
  std::vector<int> allBut, rows;
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    allBut.clear();
    for (size_t other = 0; other < atoms_.size(); ++other)
      if (other != atom) allBut.push_back(static_cast<int>(other));
    filter.AllPotentials(allBut, &rows);
    for (size_t row = 0; row < table.size(); ++row) {
      if (std::find(rows.begin(), rows.end(), static_cast<int>(row)) != rows.end()) continue;
      needed_[row].push_back(static_cast<int>(atom));
    }
  }
  // One needed atom is enough to rule a row out, and the fewer and longer the
  // words looked for, the fewer places in a message resemble one by chance
  // (" to ", " of ", "file " are everywhere): each row is keyed on its longest.
  rowsKeyedOn_.assign(atoms_.size(), {});
  for (size_t row = 0; row < needed_.size(); ++row) {
    const std::vector<int>& needed = needed_[row];
    if (needed.empty()) {
      rowsNeedingNothing_.push_back(static_cast<int>(row));
      continue;
    }
    const int key = *std::max_element(needed.begin(), needed.end(), [&](int a, int b) {
      return atoms_[static_cast<size_t>(a)].size() < atoms_[static_cast<size_t>(b)].size();
    });
    rowsKeyedOn_[static_cast<size_t>(key)].push_back(static_cast<int>(row));
  }
  // Every casing of an anchor is listed, so that the scan reads the bytes as written.
  std::map<unsigned, std::vector<Anchor>> byKey;
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    const std::string& a = atoms_[atom];
    if (rowsKeyedOn_[atom].empty()) continue;  // no row is keyed on it: not looked for
    if (a.size() < kMinAtomLength) cannotFilter();  // FilteredRE2 rules this out
    unsigned char letters[4];
    for (size_t k = 0; k < 4; ++k) letters[k] = a[k] >= 'a' && a[k] <= 'z' ? 0x20 : 0;
    std::uint32_t head, caseBits;  // in the byte order a load from the message has
    std::memcpy(&head, a.data(), 4);
    std::memcpy(&caseBits, letters, 4);
    for (std::uint32_t offset = anchorOffset(a), end = offset + kStride; offset < end; ++offset) {
      const auto* at = reinterpret_cast<const unsigned char*>(a.data()) + offset;
      for (const unsigned char x : {at[0], upper(at[0])})
        for (const unsigned char y : {at[1], upper(at[1])}) {
          const unsigned char casing[] = {x, y};
          std::vector<Anchor>& anchors = byKey[pairKey(casing)];
          const Anchor anchor{static_cast<int>(atom), offset, static_cast<std::uint32_t>(a.size()), head, caseBits};
          if (std::find(anchors.begin(), anchors.end(), anchor) == anchors.end()) anchors.push_back(anchor);
        }
    }
  }
  bucketStart_.push_back(0);
  for (const auto& [key, anchors] : byKey) {
    anchors_.insert(anchors_.end(), anchors.begin(), anchors.end());
    bucketStart_.push_back(static_cast<std::uint32_t>(anchors_.size()));
    anchorBucket_[key] = static_cast<std::uint16_t>(bucketStart_.size() - 1);
    isAnchor_[key / 64] |= std::uint64_t{1} << (key % 64);
  }
}

bool PatternPrefilter::candidateRows(std::string_view message, std::vector<int>& rows) const {
  if (!isAscii(message)) {  // RE2's case folding is not ASCII's there
    rows.clear();
    return false;
  }
  rows = rowsNeedingNothing_;
  const auto* m = reinterpret_cast<const unsigned char*>(message.data());
  const size_t n = message.size();
  bool several = false;  // an atom found twice, or rows of several atoms: sort them out at the end
  for (size_t i = 0; i + 1 < n; i += kStride) {
    const unsigned key = pairKey(m + i);
    if (!(isAnchor_[key / 64] >> (key % 64) & 1)) continue;  // most places: one look in 8 KiB
    const std::uint16_t bucket = anchorBucket_[key];
    for (std::uint32_t k = bucketStart_[bucket - 1]; k < bucketStart_[bucket]; ++k) {
      const Anchor& anchor = anchors_[k];
      if (anchor.offset > i || i - anchor.offset + anchor.length > n) continue;
      const size_t start = i - anchor.offset;
      std::uint32_t head;  // most anchors found by chance differ here
      std::memcpy(&head, m + start, 4);
      if ((head | anchor.caseBits) != anchor.head) continue;
      if (!wordsAt(message, start, atoms_[static_cast<size_t>(anchor.atom)])) continue;
      const std::vector<int>& keyed = rowsKeyedOn_[static_cast<size_t>(anchor.atom)];
      several = several || !rows.empty();
      rows.insert(rows.end(), keyed.begin(), keyed.end());
    }
  }
  if (several) {
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  }
  return true;
}

}  // namespace ccmlog::detail
