#include "ccmlog/record_reader.h"

#include "read/file_range_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace ccmlog {
namespace {

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

namespace detail {

Result<FileSummary> readFileRange(const std::filesystem::path& path, std::uint64_t from,
                                  std::optional<std::uint64_t> to, const RecordCallback& onRecord,
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
  if (from > 0 && ::lseek(file.fd, static_cast<off_t>(from), SEEK_SET) < 0)
    return ioError(path, "read", errno);

  RecordReader reader(options);
  Record record;
  // Sized to what is to be read (most logs are far smaller than a block) and
  // left uninitialised: zeroing a block per file cost more than reading it.
  const std::uint64_t size = static_cast<std::uint64_t>(info.st_size);
  const std::uint64_t end = to ? *to : size;
  const size_t blockSize = std::min<std::uint64_t>(kReadBlockSize, (end > from ? end - from : 0) + 1);
  const auto block = std::make_unique_for_overwrite<char[]>(blockSize);
  for (std::uint64_t at = from; !to || at < *to;) {
    const size_t want = to ? std::min<std::uint64_t>(blockSize, *to - at) : blockSize;
    const ssize_t n = ::read(file.fd, block.get(), want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ioError(path, "read", errno);
    }
    if (n == 0) break;
    at += static_cast<std::uint64_t>(n);
    reader.feed(std::string_view(block.get(), static_cast<size_t>(n)));
    while (reader.next(record)) onRecord(record);
  }
  reader.finish();
  while (reader.next(record)) onRecord(record);
  return FileSummary{path, reader.encoding(), reader.format(), reader.stats()};
}

}  // namespace detail

Result<FileSummary> readFile(const std::filesystem::path& path, const RecordCallback& onRecord,
                             const ReaderOptions& options) {
  return detail::readFileRange(path, 0, std::nullopt, onRecord, options);
}

}  // namespace ccmlog
