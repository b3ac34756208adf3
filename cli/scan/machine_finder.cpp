#include "scan/machine_finder.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <system_error>
#include <utility>

#include "ccmlog/log_files.h"
#include "ccmlog/machine_logs.h"
#include "scan/zip_bundle.h"

namespace ccmlog::cli {
namespace {

namespace fs = std::filesystem;

bool isZip(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".zip";
}

// The name a person would call a folder: "PC01" for "logs/PC01/", ".", "..".
std::string folderName(const fs::path& folder) {
  std::error_code ec;
  fs::path full = fs::absolute(folder, ec).lexically_normal();
  if (!full.has_filename()) full = full.parent_path();
  return full.filename().string();
}

std::string quoted(const fs::path& p) {
  std::string out(1, '\'');  // not "'" + string: GCC 12 warns falsely (-Wrestrict) about that
  out += p.native();
  out += '\'';
  return out;
}

std::string kindOf(const struct stat& st) {
  if (S_ISFIFO(st.st_mode)) return "a FIFO";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
  return "not a file or folder";
}

class Finder {
 public:
  Finder(std::span<const fs::path> inputs, const FinderOptions& options) : options_(options) {
    for (const fs::path& input : inputs) {
      std::error_code ec;
      if (fs::path root = fs::canonical(input, ec); !ec) roots_.push_back(std::move(root));
    }
  }

  void input(const fs::path& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      found_.errors.push_back("cannot read " + quoted(path) + ": " + std::strerror(errno));
      return;
    }
    if (!firstVisit(st, path)) return;
    if (S_ISDIR(st.st_mode)) {
      walk(path);
    } else if (!S_ISREG(st.st_mode)) {
      found_.errors.push_back("cannot read " + quoted(path) + ": " + kindOf(st));
    } else if (isZip(path)) {
      bundle(path);
    } else {
      found_.machines.push_back({.name = path.stem().string(), .path = path.string(), .files = {path}});
    }
  }

  FoundMachines finish() && {
    std::sort(found_.machines.begin(), found_.machines.end(),
              [](const MachineSource& a, const MachineSource& b) { return a.path < b.path; });
    return std::move(found_);
  }

 private:
  struct FileId {
    dev_t device;
    ino_t inode;
    auto operator<=>(const FileId&) const = default;
  };

  // False (with a warning) when the file or folder was seen before under any
  // name: a symlink loop or a second link to it.
  bool firstVisit(const struct stat& st, const fs::path& path) {
    const auto [it, inserted] = visited_.emplace(FileId{st.st_dev, st.st_ino}, path.string());
    if (!inserted) {
      found_.warnings.push_back("skipping " + quoted(path) + ": already scanned as '" + it->second +
                                "' (a symlink loop or a second link)");
    }
    return inserted;
  }

  // Folders are walked with a stack, not recursion: a deep tree cannot overflow it.
  void walk(const fs::path& root) {
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
      const fs::path folder = std::move(pending.back());
      pending.pop_back();
      visit(folder, pending);
    }
  }

  // One folder: a machine (with logs, without, or unreadable), or sub-folders
  // and zips to look at next.
  void visit(const fs::path& folder, std::vector<fs::path>& pending) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) return unreadable(folder, "cannot list folder " + quoted(folder) + ": " + ec.message());
    // Sorted, so that which of two links to a folder wins does not depend on the file system.
    std::sort(entries.begin(), entries.end());
    std::vector<fs::path> files;
    std::vector<std::pair<fs::path, struct stat>> folders, zips;
    for (const fs::path& entry : entries) {
      struct stat st;
      if (!options_.followSymlinks && leavesRoots(entry)) {
        found_.warnings.push_back("skipping " + quoted(entry) +
                                  ": a symlink out of the paths given (--follow-symlinks follows it)");
      } else if (::stat(entry.c_str(), &st) != 0) {
        const int err = errno;
        // The entry itself cannot be looked at: the folder can be listed but not searched.
        if (err == EACCES && ::lstat(entry.c_str(), &st) != 0) {
          return unreadable(folder, "cannot search folder " + quoted(folder) + ": " + std::strerror(err));
        }
        found_.warnings.push_back("skipping " + quoted(entry) + ": " + std::strerror(err));
      } else if (S_ISDIR(st.st_mode)) {
        folders.emplace_back(entry, st);
      } else if (!S_ISREG(st.st_mode)) {
        found_.warnings.push_back("skipping " + quoted(entry) + ": " + kindOf(st));
      } else if (isZip(entry)) {
        zips.emplace_back(entry, st);
      } else {
        files.push_back(entry);
      }
    }
    auto logs = pickMachineLogs(std::move(files));
    if (!logs.empty()) {
      found_.machines.push_back(
          {.name = folderName(folder), .path = folder.string(), .files = std::move(logs)});
      return;  // the machine's sub-folders and zips are part of its collection
    }
    if (folders.empty() && zips.empty()) {
      found_.machines.push_back({.name = folderName(folder),
                                 .path = folder.string(),
                                 .status = SourceStatus::NoLogs,
                                 .reason = "no .log or .lo_ files in folder " + quoted(folder)});
      return;
    }
    for (const auto& [zip, st] : zips) {
      if (firstVisit(st, zip)) bundle(zip);
    }
    for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
      if (firstVisit(it->second, it->first)) pending.push_back(it->first);
    }
  }

  void unreadable(const fs::path& folder, std::string reason) {
    found_.machines.push_back({.name = folderName(folder),
                               .path = folder.string(),
                               .status = SourceStatus::Unreadable,
                               .reason = std::move(reason)});
  }

  // Whether `entry` is a symlink whose target lies outside every path given
  // (scan /proc/self would otherwise walk the whole file system).
  bool leavesRoots(const fs::path& entry) const {
    struct stat st;
    if (::lstat(entry.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return false;
    std::error_code ec;
    const fs::path target = fs::canonical(entry, ec);
    if (ec) return false;  // a dangling link: stat says why
    return std::none_of(roots_.begin(), roots_.end(), [&](const fs::path& root) {
      const auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
      return r == root.end();  // every part of the root begins the target
    });
  }

  void bundle(const fs::path& zip) {
    const std::string stem = zip.stem().string();
    const auto folders = listBundle(zip);
    if (!folders || folders->empty()) {
      found_.machines.push_back(
          {.name = stem,
           .path = zip.string(),
           .zip = zip,
           .status = folders ? SourceStatus::NoLogs : SourceStatus::Unreadable,
           .reason = folders ? "no .log or .lo_ files in zip " + quoted(zip) : folders.error().message});
      return;
    }
    for (const BundleFolder& f : *folders) {
      const std::string name = f.folder.empty() ? stem : f.folder.substr(f.folder.rfind('/') + 1);
      const std::string path = f.folder.empty() ? zip.string() : zip.string() + "/" + f.folder;
      if (f.entries.empty()) {
        found_.machines.push_back(
            {.name = name,
             .path = path,
             .zip = zip,
             .status = SourceStatus::NoLogs,
             .reason = "no .log or .lo_ files in folder " + quoted(fs::path(f.folder)) + " of zip " + quoted(zip)});
      } else {
        found_.machines.push_back({.name = name, .path = path, .zip = zip, .entries = f.entries});
      }
    }
  }

  FinderOptions options_;
  std::vector<fs::path> roots_;  ///< the inputs, canonical
  FoundMachines found_;
  std::map<FileId, std::string> visited_;
};

}  // namespace

FoundMachines findMachines(std::span<const std::filesystem::path> inputs, const FinderOptions& options) {
  Finder finder(inputs, options);
  for (const auto& input : inputs) finder.input(input);
  return std::move(finder).finish();
}

}  // namespace ccmlog::cli
