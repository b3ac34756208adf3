#include "loading/file_follower.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include <QStringList>

#include "models/qt_convert.h"

namespace ccmlog::viewer {
namespace {

constexpr std::size_t kHeadBytes = 4096;
constexpr int kPollMs = 500;

std::string readHead(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  std::string head(count, '\0');
  in.read(head.data(), static_cast<std::streamsize>(count));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

std::uint64_t sizeOf(const std::filesystem::path& path, bool& exists) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  exists = !ec;
  return ec ? 0 : size;
}

}  // namespace

FileFollower::FileFollower(QObject* parent) : QObject(parent) {
  poll_.setInterval(kPollMs);
  connect(&poll_, &QTimer::timeout, this, &FileFollower::mayHaveChanged);
  connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &FileFollower::mayHaveChanged);
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &FileFollower::mayHaveChanged);
}

void FileFollower::follow(FileIndex file, const std::filesystem::path& path, std::uint64_t bytesRead) {
  const auto same = [&](const Followed& f) { return f.file == file && f.path == path; };
  if (std::any_of(files_.begin(), files_.end(), same)) return update(file, bytesRead);
  stop(file);
  files_.push_back({file, path, 0, {}});
  update(file, bytesRead);
  rewatch();
}

void FileFollower::update(FileIndex file, std::uint64_t bytesRead) {
  for (Followed& f : files_) {
    if (f.file != file) continue;
    f.bytesRead = bytesRead;
    // Remember more of the start while the file is still short.
    if (f.head.size() < kHeadBytes && bytesRead > f.head.size()) {
      f.head = readHead(f.path, static_cast<std::size_t>(std::min<std::uint64_t>(bytesRead, kHeadBytes)));
    }
  }
}

void FileFollower::stop(FileIndex file) {
  std::erase_if(files_, [&](const Followed& f) { return f.file == file; });
  rewatch();
}

void FileFollower::stopAll() {
  files_.clear();
  rewatch();
}

std::vector<FileChange> FileFollower::check() const {
  std::vector<FileChange> changes;
  for (const Followed& f : files_) {
    bool exists = false;
    const std::uint64_t size = sizeOf(f.path, exists);
    if (!exists) continue;
    if (size >= f.bytesRead && readHead(f.path, f.head.size()) == f.head) {
      if (size > f.bytesRead) changes.push_back({FileChange::Kind::Grew, f.file, {}});
      continue;
    }
    std::filesystem::path rotated = f.path;
    rotated.replace_extension(".lo_");
    bool rotatedExists = false;
    sizeOf(rotated, rotatedExists);
    if (rotatedExists && !f.head.empty() && readHead(rotated, f.head.size()) == f.head) {
      changes.push_back({FileChange::Kind::Rotated, f.file, rotated});
    } else {
      changes.push_back({FileChange::Kind::Replaced, f.file, {}});
    }
  }
  return changes;
}

void FileFollower::rewatch() {
  if (!watcher_.files().isEmpty()) watcher_.removePaths(watcher_.files());
  if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
  QStringList paths;
  for (const Followed& f : files_) {
    paths << fromPath(f.path)
          << fromPath(f.path.parent_path().empty() ? std::filesystem::path(".") : f.path.parent_path());
  }
  paths.removeDuplicates();
  if (!paths.isEmpty()) watcher_.addPaths(paths);
  if (files_.empty())
    poll_.stop();
  else
    poll_.start();
}

}  // namespace ccmlog::viewer
