// machine_finder.h: which machines a scan covers, found from the paths given.
//
//   FoundMachines found = findMachines({"//share/collected", "PC042.zip"});
//   for (const std::string& w : found.warnings) ...      // skipped: FIFOs, loops, ...
//   for (const std::string& e : found.errors) ...        // paths given that do not exist
//   for (const MachineSource& m : found.machines) ...    // sorted by path
//
// Every machine found is a MachineSource, also one with nothing to read (its
// status says why), so that a scan has a row for each.
// - A folder that directly holds .log/.lo_ files is one machine, named after the
//   folder; the logs read are those analyze would read (pickMachineLogs). The
//   walk stops there: its sub-folders and zips belong to that machine's collection.
// - A folder with neither logs, sub-folders nor zips is a machine whose logs were
//   not collected (NoLogs). Other folders are walked recursively.
// - A folder that cannot be listed, or listed but not searched (no x permission),
//   is a machine that cannot be read (Unreadable): it may hold one machine's logs
//   or many machines, and either way its logs are not in the scan.
// - A file given by name is one machine, named after the file (without extension).
// - A .zip file is a bundle (zip_bundle.h): one machine per folder inside that
//   holds logs, or one named after the zip when the logs are at its top; a zip
//   holding no logs is a NoLogs machine, one that cannot be read is Unreadable.
// - Symlinks that stay inside the paths given are followed; one that leads out
//   of them is skipped with a warning unless FinderOptions::followSymlinks. Each
//   folder and file is visited once (by device and inode), so a loop ends with
//   a warning. FIFOs, devices and sockets are
//   never opened: they are skipped with a warning.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace ccmlog::cli {

/// Whether a machine has logs to read.
enum class SourceStatus {
  Logs,        ///< files or entries to read
  NoLogs,      ///< its folder or zip holds no .log or .lo_ file
  Unreadable,  ///< its folder or zip cannot be read
};

/// Where one machine's logs are: files on disk, or entries of a zip bundle.
struct MachineSource {
  std::string name{};                          ///< folder, file or zip name
  std::string path{};                          ///< as reached from the input; "b.zip/PC01" inside a zip
  std::vector<std::filesystem::path> files{};  ///< logs on disk, in reading order (empty for a zip)
  std::filesystem::path zip{};                 ///< the bundle, for machines in a zip
  std::vector<std::string> entries{};          ///< the bundle's entries to read, in reading order
  SourceStatus status = SourceStatus::Logs;
  std::string reason{};  ///< NoLogs, Unreadable: why, naming the path
};

struct FoundMachines {
  std::vector<MachineSource> machines;  ///< sorted by path, each once
  std::vector<std::string> warnings;    ///< things skipped on purpose (not logs, loops), with why
  std::vector<std::string> errors;      ///< paths given that do not exist or are not files or folders
};

struct FinderOptions {
  bool followSymlinks = false;  ///< also follow symlinks out of the paths given
};

/// Walks `inputs` as described above. Never throws, never follows a loop.
FoundMachines findMachines(std::span<const std::filesystem::path> inputs, const FinderOptions& options = {});

}  // namespace ccmlog::cli
