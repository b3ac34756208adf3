#include "scan/zip_bundle.h"

#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "ccmlog/log_files.h"
#include "ccmlog/machine_logs.h"

namespace ccmlog::cli {
namespace {

struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFileHandle = std::unique_ptr<zip_file_t, ZipFileClose>;

// The archive, or an error naming it; the caller discards it.
Result<zip_t*> openZip(const std::filesystem::path& zip) {
  int code = 0;
  if (zip_t* archive = zip_open(zip.c_str(), ZIP_RDONLY, &code)) return archive;
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = "cannot open zip '" + zip.string() + "': " + zip_error_strerror(&error);
  zip_error_fini(&error);
  return Error{std::move(message)};
}

std::string slashed(std::string name) {
  std::replace(name.begin(), name.end(), '\\', '/');
  return name;
}

std::string sizeText(std::uint64_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

// The uncompressed size of entry `index`, within the limits; `left` is what the
// machine may still hold and is lowered by it.
Result<std::uint64_t> entrySize(zip_t* zip, zip_uint64_t index, std::uint64_t& left,
                                const BundleLimits& limits) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip, index, 0, &stat) != 0) return Error{zip_strerror(zip)};
  if (!(stat.valid & ZIP_STAT_SIZE)) return Error{"its size is unknown"};
  if (stat.size > limits.entryBytes) {
    return Error{"it is " + sizeText(stat.size) + " uncompressed, over the limit of " +
                 sizeText(limits.entryBytes)};
  }
  if (stat.size > left) {
    return Error{"the machine's logs are over the limit of " + sizeText(limits.machineBytes)};
  }
  left -= stat.size;
  return stat.size;
}

// Reads entry `index`, of `size` bytes, whole. The read past that size makes
// libzip check the CRC and catches an entry that holds more than its header says.
Result<std::string> readEntry(zip_t* zip, zip_uint64_t index, std::uint64_t size) {
  ZipFileHandle file(zip_fopen_index(zip, index, 0));
  if (!file) return Error{zip_strerror(zip)};
  std::string bytes(size, '\0');
  std::uint64_t done = 0;
  while (done < bytes.size()) {
    const zip_int64_t n = zip_fread(file.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0) return Error{zip_file_strerror(file.get())};
    if (n == 0) return Error{"it ends before its declared size"};
    done += static_cast<std::uint64_t>(n);
  }
  char extra;
  const zip_int64_t n = zip_fread(file.get(), &extra, 1);
  if (n < 0) return Error{zip_file_strerror(file.get())};
  if (n > 0) return Error{"it holds more than its declared size"};
  return bytes;
}

}  // namespace

std::vector<LogText> BundleLogs::texts() const {
  std::vector<LogText> out;
  for (size_t i = 0; i < names.size(); ++i) out.push_back({names[i], bytes[i]});
  return out;
}

Result<std::vector<BundleFolder>> listBundle(const std::filesystem::path& zip) {
  const auto opened = openZip(zip);
  if (!opened) return opened.error();
  const std::unique_ptr<zip_t, decltype(&zip_discard)> handle(*opened, zip_discard);
  std::map<std::string, std::vector<std::filesystem::path>> byFolder;  // '/'-separated names
  std::map<std::string, std::string> stored;                           // '/'-separated → as stored
  std::set<std::string, std::less<>> allFolders;                       // every folder named, at any depth
  const zip_int64_t count = zip_get_num_entries(handle.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* raw = zip_get_name(handle.get(), static_cast<zip_uint64_t>(i), 0);
    if (!raw) continue;
    std::string name = slashed(raw);
    for (size_t at = name.find('/', 1); at != std::string::npos; at = name.find('/', at + 1))
      allFolders.insert(name.substr(0, at));
    if (name.ends_with('/')) continue;  // a folder entry
    const size_t slash = name.rfind('/');
    byFolder[slash == std::string::npos ? std::string() : name.substr(0, slash)].emplace_back(name);
    stored.emplace(std::move(name), raw);
  }
  // A folder inside a machine folder belongs to that machine; the map's order
  // puts every folder after its ancestors.
  std::vector<BundleFolder> folders;
  std::set<std::string, std::less<>> machines;
  const auto inMachine = [&](std::string_view folder) {
    bool nested = machines.contains("");
    for (size_t at = folder.find('/', 1); !nested && at != std::string::npos; at = folder.find('/', at + 1))
      nested = machines.contains(folder.substr(0, at));
    return nested;
  };
  for (auto& [folder, names] : byFolder) {
    if (inMachine(folder)) continue;
    const auto logs = pickMachineLogs(std::move(names));
    if (logs.empty()) continue;
    BundleFolder machine{folder, {}};
    for (const auto& log : logs) machine.entries.push_back(stored.at(log.string()));
    machines.insert(folder);
    folders.push_back(std::move(machine));
  }
  // As on disk, a folder with no logs and no folder below it is a machine
  // whose logs were not collected.
  for (const std::string& folder : allFolders) {
    const std::string below = folder + "/";
    const auto first = allFolders.lower_bound(below);  // the first name that could be below it
    const bool hasSubFolder = first != allFolders.end() && first->starts_with(below);
    if (!hasSubFolder && !machines.contains(folder) && !inMachine(folder)) folders.push_back({folder, {}});
  }
  std::sort(folders.begin(), folders.end(),
            [](const BundleFolder& a, const BundleFolder& b) { return a.folder < b.folder; });
  return folders;
}

void BundleReader::Discard::operator()(zip_t* archive) const { zip_discard(archive); }

Result<BundleLogs> BundleReader::read(const std::filesystem::path& zip, std::span<const std::string> entries,
                                      const BundleLimits& limits, ByteBudget* inflight) {
  if (!zip_ || path_ != zip) {
    zip_.reset();
    indexes_.clear();
    const auto opened = openZip(zip);
    if (!opened) return opened.error();
    zip_.reset(*opened);
    path_ = zip;
    const zip_int64_t count = zip_get_num_entries(zip_.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
      if (const char* raw = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0)) {
        indexes_[raw].push_back(static_cast<std::uint64_t>(i));
      }
    }
  }
  // Sizes first: the machine's total is checked, and held in `inflight`, before a byte is read.
  struct Sized {
    std::string name;
    zip_uint64_t index;
    std::uint64_t size;
  };
  std::vector<Sized> sized;
  std::uint64_t left = limits.machineBytes, total = 0;
  std::map<std::string_view, size_t> seen;  // a name's n-th time in `entries` is its n-th entry in the zip
  for (const std::string& entry : entries) {
    const std::string name = zip.string() + "/" + slashed(entry);
    const auto found = indexes_.find(entry);
    const size_t nth = seen[entry]++;
    if (found == indexes_.end() || nth >= found->second.size()) {
      return Error{"cannot read '" + name + "': the zip has no such entry"};
    }
    const auto size = entrySize(zip_.get(), found->second[nth], left, limits);
    if (!size) return Error{"cannot read '" + name + "': " + size.error().message};
    sized.push_back({name, found->second[nth], *size});
    total += *size;
  }
  BundleLogs logs;
  if (inflight) logs.held = inflight->reserve(total);
  for (const Sized& entry : sized) {
    auto bytes = readEntry(zip_.get(), entry.index, entry.size);
    if (!bytes) return Error{"cannot read '" + entry.name + "': " + bytes.error().message};
    logs.names.push_back(entry.name);
    logs.bytes.push_back(std::move(*bytes));
  }
  return logs;
}

}  // namespace ccmlog::cli
