// ccmlog/machine_logs.h (internal): which of a folder's file names are a
// machine's logs, for a tool that lists folders itself (a zip bundle's).
#pragma once

#include <filesystem>
#include <vector>

namespace ccmlog {

/// Of the files found directly in one folder (or one folder of a zip bundle),
/// those machineLogFiles reads, in reading order: the setup logs, or every
/// .log/.lo_ file when there are none. Only the names are looked at.
std::vector<std::filesystem::path> pickMachineLogs(std::vector<std::filesystem::path> files);

}  // namespace ccmlog
