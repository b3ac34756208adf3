// ccmlog/log_files.h: which files of a machine to read, and in which order.
//
// ccmsetup writes ccmsetup.log and, when it grows too big, renames it to
// ccmsetup.lo_ (and some writers keep dated history files). Reading the
// history before the current file gives the whole story in order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "ccmlog/basics.h"
#include "ccmlog/export.h"

namespace ccmlog {

/// How a file's records relate to ccmsetup runs.
enum class FileRole : std::uint8_t {
  Setup,      ///< ccmsetup.log and its rotated history: records belong to the current run
  Auxiliary,  ///< client.msi.log, ccmeval, …: records are placed by time
};

/// The files to read for one machine. A folder contributes its setup logs
/// (ccmsetup*, client.msi*, CcmRepair*, with extension .log or .lo_), or every
/// .log/.lo_ file in it when it has none of those; files are taken as named.
/// Order: ccmsetup history and current log first (by name, so ".lo_" comes
/// before ".log"), then the other files by name. An error names a folder that
/// cannot be listed or an input that does not exist.
CCMLOG_EXPORT Result<std::vector<std::filesystem::path>> machineLogFiles(
    const std::vector<std::filesystem::path>& inputs);

/// The reading order of machineLogFiles: setup logs first, then by name
/// (case-insensitive), so that "ccmsetup.lo_" precedes "ccmsetup.log".
CCMLOG_EXPORT bool readsBefore(const std::filesystem::path& a, const std::filesystem::path& b);

/// Setup for ccmsetup's own logs (ccmsetup.log, ccmsetup.lo_, dated
/// history), Auxiliary for every other file (client.msi.log, ccmsetup-ccmeval.log, …).
CCMLOG_EXPORT FileRole roleOf(const std::filesystem::path& file);

}  // namespace ccmlog
