#include "ccmlog/log_files.h"
#include "ccmlog/machine_logs.h"

#include <algorithm>
#include <system_error>

#include "classify/text_case.h"

namespace ccmlog {
namespace {

using detail::asciiLower;

bool isLogFile(const std::filesystem::path& p) {
  const std::string ext = asciiLower(p.extension().string());
  return ext == ".log" || ext == ".lo_";
}

bool isSetupLog(const std::filesystem::path& p) {
  const std::string name = asciiLower(p.filename().string());
  return isLogFile(p) &&
         (name.starts_with("ccmsetup") || name.starts_with("client.msi") || name.starts_with("ccmrepair"));
}

Result<std::vector<std::filesystem::path>> folderLogs(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code typeError;
    if (it->is_regular_file(typeError)) files.push_back(it->path());
  }
  if (ec) return Error{"cannot list folder '" + folder.string() + "': " + ec.message()};
  return pickMachineLogs(std::move(files));
}

}  // namespace

std::vector<std::filesystem::path> pickMachineLogs(std::vector<std::filesystem::path> files) {
  std::erase_if(files, [](const std::filesystem::path& p) { return !isLogFile(p); });
  if (std::any_of(files.begin(), files.end(), isSetupLog)) {
    std::erase_if(files, [](const std::filesystem::path& p) { return !isSetupLog(p); });
  }
  std::stable_sort(files.begin(), files.end(), readsBefore);
  return files;
}

FileRole roleOf(const std::filesystem::path& file) {
  const std::string name = asciiLower(file.filename().string());
  return name.starts_with("ccmsetup") && !name.starts_with("ccmsetup-ccmeval") ? FileRole::Setup
                                                                               : FileRole::Auxiliary;
}

bool readsBefore(const std::filesystem::path& a, const std::filesystem::path& b) {
  const bool setupA = roleOf(a) == FileRole::Setup, setupB = roleOf(b) == FileRole::Setup;
  if (setupA != setupB) return setupA;
  return asciiLower(a.filename().string()) < asciiLower(b.filename().string());
}

Result<std::vector<std::filesystem::path>> machineLogFiles(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      auto logs = folderLogs(input);
      if (!logs) return logs.error();
      files.insert(files.end(), logs->begin(), logs->end());
    } else {
      files.push_back(input);  // read errors are reported per file
    }
  }
  std::stable_sort(files.begin(), files.end(), readsBefore);
  return files;
}

}  // namespace ccmlog
