// file_follower.h: notices when followed logs grow, are truncated or rotate.
//
// ccmsetup renames a full ccmsetup.log to ccmsetup.lo_ and starts a new
// ccmsetup.log. Per followed file the follower remembers how many bytes have
// been read and the file's first bytes (up to 4 KiB). A QFileSystemWatcher and
// a half-second poll (watchers miss changes on network shares) emit
// mayHaveChanged(); check() then compares:
//   same first bytes and bigger                       → Grew
//   different first bytes or smaller, and the .lo_
//   beside it starts with the remembered bytes          → Rotated (its bytes are now in the .lo_)
//   otherwise                                          → Replaced (truncated or rewritten)
//   missing                                            → nothing yet (between rename and new file)
// check() is stateless: a change stays reported until update() records it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include "ccmlog/basics.h"

namespace ccmlog::viewer {

struct FileChange {
  enum class Kind { Grew, Rotated, Replaced };
  Kind kind = Kind::Grew;
  FileIndex file{};
  std::filesystem::path rotatedTo;  ///< Rotated: where the read bytes are now
};

class FileFollower : public QObject {
  Q_OBJECT

 public:
  explicit FileFollower(QObject* parent = nullptr);

  /// Follows `file` at `path`, of which the first `bytesRead` bytes have been
  /// read (an update when it already follows that file at that path).
  void follow(FileIndex file, const std::filesystem::path& path, std::uint64_t bytesRead);
  /// Records that the first `bytesRead` bytes of a followed file have now been read.
  void update(FileIndex file, std::uint64_t bytesRead);
  /// Stops following one file, or all.
  void stop(FileIndex file);
  void stopAll();
  bool following() const { return !files_.empty(); }

  /// What changed in the followed files since their last update().
  std::vector<FileChange> check() const;

 signals:
  /// A followed file or its folder was touched, or the poll interval passed: call check().
  void mayHaveChanged();

 private:
  struct Followed {
    FileIndex file;
    std::filesystem::path path;
    std::uint64_t bytesRead = 0;
    std::string head;  // the first bytes, as read
  };

  void rewatch();

  std::vector<Followed> files_;
  QFileSystemWatcher watcher_;
  QTimer poll_;
};

}  // namespace ccmlog::viewer
