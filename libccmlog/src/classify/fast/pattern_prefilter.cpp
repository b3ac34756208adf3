#include "classify/fast/pattern_prefilter.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "classify/text_case.h"
#include "read/fast/byte_words.h"
#include "read/utf8.h"

namespace ccmlog::detail {
namespace {

// Atoms are at least this long (shorter words would be in nearly every
// message)...
constexpr size_t kMinAtomLength = 4;
// ...and a row is keyed on atoms at least this long (see keys())...
constexpr size_t kMinKeyLength = 6;
// ...which are looked for by a window of their bytes: three bytes, with ASCII
// case folded away (b | 0x20), hashed to a 16-bit key. Three bytes tell words
// apart far better than two (a pair such as "in" or "er" is everywhere), so
// most places a message is looked at rule every row out at one bit test...
constexpr size_t kWindow = 3;
constexpr unsigned kKeyBits = 16;
// ...and the scan looks at every kStride-th place only: each key is listed at
// kStride consecutive windows (anchors), one of which is always looked at.
constexpr size_t kStride = kMinKeyLength - kWindow + 1;

// The key of the window whose bytes are the low three of `bytes` (in the byte
// order a load from memory has). Folding also makes some punctuation alike
// ('[' and '{'): a key only says where to look, the atom is then compared.
unsigned windowKey(std::uint32_t bytes) {
  return ((bytes | 0x20202020u) & 0xFFFFFFu) * 0x9E3779B1u >> (32 - kKeyBits);
}
unsigned windowKeyAt(const unsigned char* at) {
  return windowKey(std::uint32_t{at[0]} | std::uint32_t{at[1]} << 8 | std::uint32_t{at[2]} << 16);
}

// How often a byte occurs in log messages, roughly: letters by English
// frequency, then digits and '.', other punctuation rarely.
int commonness(unsigned char c) {
  constexpr std::string_view kByFrequency = "zqjxkvbywgpfmucdlhrsnioate ";  // rarest first
  if (const size_t at = kByFrequency.find(static_cast<char>(c)); at != std::string_view::npos) {
    return static_cast<int>(at) + 4;
  }
  if ((c >= '0' && c <= '9') || c == '.') return 12;
  return 1;
}

// How many of the table's samples (each a message as ccmsetup writes it) have
// each window key: a window in many of them ("ccm", "ion", "dow") is in many
// messages of a real log too.
std::map<unsigned, int> samplesWithKey(std::span<const EventPattern> table) {
  std::map<unsigned, int> count;
  std::vector<unsigned> keys;
  for (const EventPattern& row : table) {
    const auto* s = reinterpret_cast<const unsigned char*>(row.sample.data());
    keys.clear();
    for (size_t i = 0; i + kWindow <= row.sample.size(); ++i) keys.push_back(windowKeyAt(s + i));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const unsigned key : keys) ++count[key];
  }
  return count;
}

// Where the atom's anchors start: the first of the kStride consecutive
// windows (kStride + kWindow - 1 bytes) that are least common together, by the
// samples, then by their bytes. It only decides where an atom is looked for,
// so it affects speed, never the result.
std::uint32_t anchorOffset(std::string_view atom, const std::map<unsigned, int>& samplesWith) {
  const auto* a = reinterpret_cast<const unsigned char*>(atom.data());
  const auto cost = [&](size_t i) {
    int sum = 0;
    for (size_t k = i; k < i + kStride; ++k) {
      const auto found = samplesWith.find(windowKeyAt(a + k));
      sum += 100 * (found == samplesWith.end() ? 0 : found->second);
    }
    for (size_t k = i; k < i + kStride + kWindow - 1; ++k) sum += commonness(a[k]);
    return sum;
  };
  size_t best = 0;
  for (size_t i = 1; i + kStride + kWindow - 1 <= atom.size(); ++i)
    if (cost(i) < cost(best)) best = i;
  return static_cast<std::uint32_t>(best);
}

[[noreturn]] void cannotFilter() {
  // The classifier compiles the same table first and names a broken row.
  std::fputs("ccmlog: the event pattern prefilter cannot compile the table\n", stderr);
  std::abort();
}

// The atoms a row is keyed on (see the header); empty when it needs none.
// RE2's filter for the row alone (its atoms do not depend on the other rows)
// says which atoms it cannot pass without. The filter is monotone (more atoms
// never fail a row), so a row passes only with all it needs.
std::vector<std::string> keysOf(const EventPattern& row, const RE2::Options& options) {
  re2::FilteredRE2 filter(kMinAtomLength);
  int id = 0;
  if (filter.Add(row.pattern, options, &id) != RE2::NoError) cannotFilter();
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  const auto passesWithout = [&](std::initializer_list<size_t> missing) {
    std::vector<int> present, rows;
    for (size_t atom = 0; atom < atoms.size(); ++atom)
      if (std::find(missing.begin(), missing.end(), atom) == missing.end())
        present.push_back(static_cast<int>(atom));
    filter.AllPotentials(present, &rows);
    return !rows.empty();
  };
  // One needed atom is enough to rule a row out, and the fewer and longer the
  // words looked for, the fewer places in a message resemble one by chance
  // (" to ", " of ", "file " are everywhere): a row is keyed on its longest.
  std::optional<size_t> longest;
  for (size_t atom = 0; atom < atoms.size(); ++atom) {
    if (atoms[atom].size() >= kMinKeyLength && (!longest || atoms[atom].size() > atoms[*longest].size()) &&
        !passesWithout({atom})) {
      longest = atom;
    }
  }
  if (longest) return {atoms[*longest]};
  // A row that needs no long atom alone may need one of two ("doesn't match" or
  // "does not match"): one of them is in its sample, which it matches.
  const std::string sample = asciiLower(row.sample);
  for (size_t a = 0; a < atoms.size(); ++a) {
    if (atoms[a].size() < kMinKeyLength || sample.find(atoms[a]) == std::string::npos) continue;
    for (size_t b = 0; b < atoms.size(); ++b) {
      if (b != a && atoms[b].size() >= kMinKeyLength && !passesWithout({a, b})) return {atoms[a], atoms[b]};
    }
  }
  return {};
}

}  // namespace

PatternPrefilter::PatternPrefilter(std::span<const EventPattern> table, const RE2::Options& options) {
  std::map<std::string, int> atomIndex;
  keys_.assign(table.size(), {});
  for (size_t row = 0; row < table.size(); ++row) {
    for (std::string& atom : keysOf(table[row], options)) {
      const auto [at, added] = atomIndex.emplace(atom, static_cast<int>(atoms_.size()));
      if (added) atoms_.push_back(std::move(atom));
      keys_[row].push_back(at->second);
    }
  }
  rowsKeyedOn_.assign(atoms_.size(), {});
  for (size_t row = 0; row < table.size(); ++row) {
    if (keys_[row].empty()) rowsNeedingNothing_.push_back(static_cast<int>(row));
    for (const int atom : keys_[row])
      rowsKeyedOn_[static_cast<size_t>(atom)].push_back(static_cast<int>(row));
  }
  // Each atom (every one a key) as words to compare: its bytes, and 0x20 where they are letters.
  for (const std::string& atom : atoms_) {
    std::string caseBits(atom.size(), '\0');
    for (size_t k = 0; k < atom.size(); ++k) caseBits[k] = atom[k] >= 'a' && atom[k] <= 'z' ? 0x20 : 0;
    atomCaseBits_.push_back(std::move(caseBits));
  }
  const std::map<unsigned, int> samplesWith = samplesWithKey(table);
  std::map<unsigned, std::vector<Anchor>> byKey;
  for (size_t atom = 0; atom < atoms_.size(); ++atom) {
    const std::string& a = atoms_[atom];
    std::uint32_t head, caseBits;  // the first four of each, in the byte order a load from the message has
    std::memcpy(&head, a.data(), 4);
    std::memcpy(&caseBits, atomCaseBits_[atom].data(), 4);
    for (std::uint32_t offset = anchorOffset(a, samplesWith), end = offset + kStride; offset < end;
         ++offset) {
      std::vector<Anchor>& anchors =
          byKey[windowKeyAt(reinterpret_cast<const unsigned char*>(a.data()) + offset)];
      anchors.push_back(
          {static_cast<int>(atom), offset, static_cast<std::uint32_t>(a.size()), head, caseBits});
    }
  }
  bucketStart_.push_back(0);
  for (const auto& [key, anchors] : byKey) {  // in key order: a key's bucket is its rank
    anchors_.insert(anchors_.end(), anchors.begin(), anchors.end());
    bucketStart_.push_back(static_cast<std::uint32_t>(anchors_.size()));
    isAnchor_[key / 64] |= std::uint64_t{1} << (key % 64);
  }
  for (size_t word = 1; word < isAnchor_.size(); ++word) {
    keysBefore_[word] =
        static_cast<std::uint16_t>(keysBefore_[word - 1] + std::popcount(isAnchor_[word - 1]));
  }
}

// Whether atom `atom` (kMinKeyLength bytes or more) is at m[start..), whose
// first four bytes already matched: the rest eight bytes at a time, the last
// word overlapping the one before.
bool PatternPrefilter::atomAt(const unsigned char* m, size_t start, int atom) const {
  const std::string& word = atoms_[static_cast<size_t>(atom)];
  const std::string& caseBits = atomCaseBits_[static_cast<size_t>(atom)];
  const char* text = reinterpret_cast<const char*>(m) + start;
  const size_t n = word.size();
  const auto matches = [&](size_t at, auto load) {
    return (load(text + at) | load(caseBits.data() + at)) == load(word.data() + at);
  };
  const auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n < 8) return matches(n - 4, load4);  // and the head: all of it
  for (size_t at = 0; at + 8 < n; at += 8)
    if (!matches(at, loadWord)) return false;
  return matches(n - 8, loadWord);
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
  const auto isAnchor = [&](unsigned key) { return isAnchor_[key / 64] >> (key % 64) & 1; };
  const auto lookAt = [&](size_t i, unsigned key) {  // an anchor's key: are its atoms here?
    const std::uint64_t word = isAnchor_[key / 64];
    const size_t bucket = keysBefore_[key / 64] +
                          static_cast<size_t>(std::popcount(word & ((std::uint64_t{1} << (key % 64)) - 1)));
    for (std::uint32_t k = bucketStart_[bucket]; k < bucketStart_[bucket + 1]; ++k) {
      const Anchor& anchor = anchors_[k];
      if (anchor.offset > i || i - anchor.offset + anchor.length > n) continue;
      const size_t start = i - anchor.offset;
      std::uint32_t head;  // most anchors found by chance differ here
      std::memcpy(&head, m + start, 4);
      if ((head | anchor.caseBits) != anchor.head) continue;
      if (!atomAt(m, start, anchor.atom)) continue;
      const std::vector<int>& keyed = rowsKeyedOn_[static_cast<size_t>(anchor.atom)];
      several = several || !rows.empty();
      rows.insert(rows.end(), keyed.begin(), keyed.end());
    }
  };
  size_t i = 0;
  for (; i + 4 <= n; i += kStride) {  // a four-byte load, of which the key takes three
    std::uint32_t bytes;
    std::memcpy(&bytes, m + i, 4);
    // Most places: one look in 8 KiB.
    if (const unsigned key = windowKey(bytes); isAnchor(key)) [[unlikely]]
      lookAt(i, key);
  }
  for (; i + kWindow <= n; i += kStride)
    if (const unsigned key = windowKeyAt(m + i); isAnchor(key)) lookAt(i, key);
  if (several) {
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  }
  return true;
}

}  // namespace ccmlog::detail
