// zip_bundle.h: the machines inside a .zip of collected logs, read in memory
// with libzip; nothing is ever extracted to disk.
//
//   auto folders = listBundle("site-b.zip");         // [{"PC01", {...}}, {"PC02", {...}}]
//   BundleReader bundles;                              // one per thread
//   auto logs = bundles.read("site-b.zip", folders->front().entries);
//   ccmlog::analyzeTexts(logs->texts());
//
// Entry names are only names: an absolute or ".." name is never used as a
// path. Both '/' and '\' separate folders (PowerShell 5's Compress-Archive
// writes '\'). As on disk, a folder that directly holds .log/.lo_ entries is
// one machine and its sub-folders belong to it; the logs picked are those
// pickMachineLogs picks; a folder with no logs and no folder below it is a
// machine whose logs were not collected (listed without entries).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/basics.h"
#include "scan/byte_budget.h"

struct zip;  // libzip's archive (zip_t)

namespace ccmlog::cli {

/// One machine in a bundle.
struct BundleFolder {
  std::string folder;                ///< "PC01" or "site/PC01" with '/'; empty for logs at the top
  std::vector<std::string> entries;  ///< entry names as stored, in reading order; empty: no logs
};

/// The machines in `zip`, sorted by folder (those with no logs among them);
/// an error when it is not a readable zip.
Result<std::vector<BundleFolder>> listBundle(const std::filesystem::path& zip);

/// How much a bundle may make us hold in memory (a zip bomb stops here).
struct BundleLimits {
  std::uint64_t entryBytes = std::uint64_t{256} << 20;     ///< per entry, uncompressed
  std::uint64_t machineBytes = std::uint64_t{1024} << 20;  ///< all entries of one machine
};

/// Logs read from a bundle, named "<zip>/<entry>" with the entry's separators made '/'.
struct BundleLogs {
  std::vector<std::string> names;
  std::vector<std::string> bytes;  ///< one per name
  ByteBudget::Reservation held;    ///< their bytes in the budget read() was given, if any

  /// Views for analyzeTexts; valid while this object lives unchanged.
  std::vector<LogText> texts() const;
};

/// Reads machines from bundles. It keeps the last bundle open, because a
/// bundle's machines come one after another and opening a zip reads its whole
/// directory: a zip of 2,000 machines would otherwise be read 2,000 times.
/// Not thread-safe: one per thread.
class BundleReader {
 public:
  /// Reads `entries` of `zip` into memory; an error names the entry and the
  /// reason (missing, encrypted, corrupt, over a limit). A name given twice
  /// reads the zip's first and second entry of that name (listBundle gives
  /// both when a zip holds two).
  /// With `inflight`, the logs' bytes are held in that budget (shared by the
  /// threads) from before they are read until the BundleLogs is gone: read()
  /// waits until they fit.
  Result<BundleLogs> read(const std::filesystem::path& zip, std::span<const std::string> entries,
                          const BundleLimits& limits = {}, ByteBudget* inflight = nullptr);

 private:
  struct Discard {
    void operator()(::zip* archive) const;
  };
  std::filesystem::path path_;  ///< of the open bundle
  std::unique_ptr<::zip, Discard> zip_;
  /// Its entries' indexes by name as stored, in zip order: a zip may hold one name twice.
  std::unordered_map<std::string, std::vector<std::uint64_t>> indexes_;
};

}  // namespace ccmlog::cli
