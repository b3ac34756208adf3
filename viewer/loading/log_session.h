// log_session.h: the logs open in a window, their index and their analysis.
//
// open() lists the files of the inputs (a folder stands for its setup logs,
// see machineLogFiles), then indexes and analyzes them on a worker thread
// (runLoad on a QThread); the UI thread takes the batches as they come, so
// rows and findings appear while a large file is still loading. With follow
// on, a FileFollower watches the files once loaded: new bytes are read the
// same way, a rotated log keeps its rows (re-pointed at its .lo_) and goes on
// in a new file, a truncated one is loaded again. One load runs at a time.
//
// The index only grows, except that following removes the last records of a
// file to read them again (they may have been cut off mid-write).
//
// The loads analyze with the session's knowledge: the built-in one, extended
// with a user's knowledge files (setKnowledgeFiles) for the loads that follow.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include "ccmlog/analysis.h"
#include "loading/file_follower.h"
#include "loading/load_job.h"
#include "models/log_index.h"
#include "models/record_texts.h"

namespace ccmlog::viewer {

class LogSession : public QObject {
  Q_OBJECT

 public:
  explicit LogSession(QObject* parent = nullptr);
  ~LogSession() override;

  /// Closes what is open and starts loading files and folders; false (and
  /// problem() says why) when there is nothing to load.
  bool open(const QStringList& inputs);
  /// Asks the running load to stop; what was read stays.
  void cancel();
  /// Tails the files (once loaded) as they grow, rotate or are truncated.
  void setFollow(bool on);
  bool following() const { return follow_; }

  /// The built-in knowledge extended with these knowledge files (TOML, as
  /// `ccmlog --knowledge` reads them), for the loads that follow. A file that
  /// cannot be read, is malformed or repeats a known cause is left out; the
  /// errors (which name its line and field) come back and stay in problems().
  QStringList setKnowledgeFiles(const QStringList& files);
  /// The causes the loads know; null (before setKnowledgeFiles) is the built-in knowledge.
  const std::shared_ptr<const Knowledge>& knowledge() const { return knowledge_; }

  bool loading() const { return thread_ != nullptr; }
  QStringList inputs() const { return inputs_; }
  const LogIndex& index() const { return index_; }
  RecordTexts& texts() { return texts_; }
  /// The analysis of what has been read (an empty report before the first).
  const Report& report() const { return *report_; }
  /// Errors worded for a person: knowledge files left out, unreadable files, nothing to load.
  QStringList problems() const { return knowledgeProblems_ + problems_; }

  /// The entry a Location (of a finding, an event, a phase) refers to.
  std::optional<EntryId> find(const Location& where) const;

  /// Runs the event loop until the running load ends; false on timeout. For tests and --screenshot.
  bool waitForLoaded(int timeoutMs = 60'000);

 signals:
  /// Everything is about to be closed (the index still holds the old files).
  void aboutToReset();
  /// Everything was closed; a new set of files is loading.
  void reset();
  /// Entries [first, index().size()) were added.
  void entriesAdded(std::size_t first);
  /// Entries [first, index().size()) are about to be removed (to be read again).
  void entriesAboutToBeRemoved(std::size_t first);
  void reportChanged();
  void progress(std::uint64_t done, std::uint64_t total);
  /// A load ended (also a follow-up read of new bytes); `cancelled` when asked to stop.
  void loadFinished(bool cancelled);
  void problemsChanged();

 private:
  class Inbox;

  void start(std::vector<LoadSegment> segments);
  void drain();
  void takeBatches();
  void finishLoad(bool cancelled);
  void followLiveFiles();
  void followChanges();
  void followFiles();
  LoadSegment resume(FileIndex file);
  void stopThread();

  QStringList inputs_;
  LogIndex index_;
  RecordTexts texts_{index_};
  std::unique_ptr<LoadState> state_;
  std::shared_ptr<const Report> report_;
  std::shared_ptr<const Knowledge> knowledge_;
  QStringList knowledgeProblems_;  // kept across open()
  QStringList problems_;
  std::shared_ptr<Inbox> inbox_;
  QThread* thread_ = nullptr;
  FileFollower follower_;
  bool follow_ = false;
  QElapsedTimer clock_;
  qint64 jobStarted_ = 0, quietUntil_ = 0;  // ms of clock_
};

}  // namespace ccmlog::viewer
