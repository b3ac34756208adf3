// machine_finder.h: which machines a scan covers, found from the paths given.
//
//   FoundMachines found = findMachines({"//share/collected", "PC042.zip"});
//   for (const std::string& w : found.warnings) ...      // skipped: FIFOs, loops, ...
//   for (const std::string& e : found.errors) ...        // could not be read
//   for (const MachineSource& m : found.machines) ...    // sorted by path
//
// - A folder that directly holds .log/.lo_ files is one machine, named after the
//   folder; the logs read are those analyze would read (pickMachineLogs). The
//   walk stops there: its sub-folders and zips belong to that machine's collection.
// - Other folders are walked recursively.
// - A file given by name is one machine, named after the file (without extension).
// - A .zip file is a bundle (zip_bundle.h): one machine per folder inside that
//   holds logs, or one named after the zip when the logs are at its top.
// - Symlinks that stay inside the paths given are followed; one that leads out
//   of them is skipped with a warning unless FinderOptions::followSymlinks. Each
//   folder and file is visited once (by device and inode), so a loop ends with a warning. FIFOs, devices and sockets are
//   never opened: they are skipped with a warning.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace ccmlog::cli {

/// Where one machine's logs are: files on disk, or entries of a zip bundle.
struct MachineSource {
  std::string name{};                          ///< folder, file or zip name
  std::string path{};                          ///< as reached from the input; "b.zip/PC01" inside a zip
  std::vector<std::filesystem::path> files{};  ///< logs on disk, in reading order (empty for a zip)
  std::filesystem::path zip{};                 ///< the bundle, for machines in a zip
  std::vector<std::string> entries{};          ///< the bundle's entries to read, in reading order
  std::string error{};                         ///< why the machine cannot be read (a broken zip)
};

struct FoundMachines {
  std::vector<MachineSource> machines;  ///< sorted by path, each once
  std::vector<std::string> warnings;    ///< things skipped on purpose (not logs, loops), with why
  std::vector<std::string> errors;      ///< inputs and folders that could not be read
};

struct FinderOptions {
  bool followSymlinks = false;  ///< also follow symlinks out of the paths given
};

/// Walks `inputs` as described above. Never throws, never follows a loop.
FoundMachines findMachines(std::span<const std::filesystem::path> inputs, const FinderOptions& options = {});

}  // namespace ccmlog::cli
