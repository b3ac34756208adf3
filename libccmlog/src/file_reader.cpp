#include "ccmlog/file_reader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace ccmlog {
namespace {

constexpr size_t kBlockSize = 1 << 20;

Error ioError(const std::filesystem::path& path, std::string_view what, int err) {
  return Error{"cannot " + std::string(what) + " '" + path.string() + "': " + std::strerror(err)};
}

// Closes the descriptor on every path out of readFile.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<FileSummary> readFile(const std::filesystem::path& path, const RecordCallback& onRecord,
                             const ReaderOptions& options) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0) return ioError(path, "open", errno);
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) return ioError(path, "read", errno);
  if (S_ISDIR(info.st_mode)) return Error{"cannot read '" + path.string() + "': it is a folder"};
  if (!S_ISREG(info.st_mode)) {
    return Error{"cannot read '" + path.string() + "': not a regular file"};
  }

  RecordReader reader(options);
  Record record;
  // Sized to the file (most logs are far smaller than a block) and left
  // uninitialised: zeroing 1 MiB per file cost more than reading it.
  const size_t blockSize = std::min<std::uint64_t>(kBlockSize, static_cast<std::uint64_t>(info.st_size) + 1);
  const auto block = std::make_unique_for_overwrite<char[]>(blockSize);
  for (;;) {
    const ssize_t n = ::read(file.fd, block.get(), blockSize);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ioError(path, "read", errno);
    }
    if (n == 0) break;
    reader.feed(std::string_view(block.get(), static_cast<size_t>(n)));
    while (reader.next(record)) onRecord(record);
  }
  reader.finish();
  while (reader.next(record)) onRecord(record);
  return FileSummary{path, reader.encoding(), reader.format(), reader.stats()};
}

}  // namespace ccmlog
