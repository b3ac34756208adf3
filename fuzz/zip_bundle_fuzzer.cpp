// zip_bundle_fuzzer: listing and reading a .zip of collected logs made of
// fuzz bytes, then analysing each machine in it, as 'ccmlog scan' does.
// The bytes go to an in-memory file (memfd), never to disk; small limits
// keep a zip bomb to a refusal. Every refusal must be an error, not a crash.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "ccmlog/analysis.h"
#include "fuzz_support.h"
#include "scan/zip_bundle.h"

namespace {

// One in-memory file for the whole run, rewritten for each input.
int memoryFile() {
  static const int fd = memfd_create("zip_bundle_fuzzer", 0);
  fuzz::check(fd >= 0, "memfd_create failed");
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int fd = memoryFile();
  fuzz::check(ftruncate(fd, 0) == 0 && pwrite(fd, data, size, 0) == static_cast<ssize_t>(size),
              "writing the in-memory file failed");
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  const auto folders = ccmlog::cli::listBundle(path);
  if (!folders) return 0;
  ccmlog::cli::BundleLimits limits;
  limits.entryBytes = 1 << 20;
  limits.machineBytes = 2 << 20;
  ccmlog::cli::BundleReader bundles;  // a fresh one: the path names new bytes every time
  for (const ccmlog::cli::BundleFolder& folder : *folders) {
    const auto logs = bundles.read(path, folder.entries, limits);
    if (!logs) continue;
    std::uint64_t total = 0;
    for (const std::string& bytes : logs->bytes) total += bytes.size();
    fuzz::check(total <= limits.machineBytes, "a machine's logs exceed the limit");
    ccmlog::analyzeTexts(logs->texts());
  }
  return 0;
}
