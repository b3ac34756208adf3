#include "loading/log_session.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QTimer>

#include "ccmlog/knowledge_files.h"
#include "ccmlog/log_files.h"
#include "models/qt_convert.h"

namespace ccmlog::viewer {

// The worker's side of a load: batches wait here until the UI thread drains
// them. One queued call is pending at a time however fast batches come.
class LogSession::Inbox : public LoadSink {
 public:
  explicit Inbox(LogSession* session) : session_(session) {}

  void deliver(LoadBatch batch) override {
    {
      const std::lock_guard lock(mutex_);
      batches_.push_back(std::move(batch));
    }
    if (!scheduled_.exchange(true)) {
      QMetaObject::invokeMethod(
          session_, [s = session_] { s->drain(); }, Qt::QueuedConnection);
    }
  }
  bool cancelled() const override { return cancel_; }

  void cancel() { cancel_ = true; }
  std::vector<LoadBatch> take() {
    scheduled_ = false;
    const std::lock_guard lock(mutex_);
    return std::exchange(batches_, {});
  }

 private:
  LogSession* session_;
  std::mutex mutex_;
  std::vector<LoadBatch> batches_;
  std::atomic<bool> cancel_ = false, scheduled_ = false;
};

namespace {

// The most files one view holds (IndexEntry keeps the file in a byte).
constexpr std::size_t kMaxFiles = 255;

}  // namespace

LogSession::LogSession(QObject* parent)
    : QObject(parent), state_(std::make_unique<LoadState>()), report_(std::make_shared<Report>()) {
  clock_.start();
  connect(&follower_, &FileFollower::mayHaveChanged, this, &LogSession::followChanges);
}

LogSession::~LogSession() { stopThread(); }

bool LogSession::open(const QStringList& inputs) {
  stopThread();
  follower_.stopAll();
  emit aboutToReset();
  inputs_ = inputs;
  index_.clear();
  texts_.clear();
  state_ = std::make_unique<LoadState>();
  report_ = std::make_shared<Report>();
  problems_.clear();

  std::vector<std::filesystem::path> paths;
  for (const QString& input : inputs) paths.push_back(toPath(input));
  auto files = paths.empty()
                   ? Result<std::vector<std::filesystem::path>>(Error{"no log file or folder given"})
                   : machineLogFiles(paths);
  if (files && files->empty()) files = Error{"no log files found in the given folder(s)"};
  if (!files) {
    problems_ << toQString(files.error().message);
    emit reset();
    emit problemsChanged();
    emit reportChanged();
    return false;
  }
  if (files->size() > kMaxFiles) {
    problems_ << tr("only the first %1 of %2 files are shown").arg(kMaxFiles).arg(files->size());
    files->resize(kMaxFiles);
  }
  std::vector<LoadSegment> segments;
  for (const auto& path : *files) {
    const FileRole role = roleOf(path);
    const FileIndex f =
        index_.addFile({path, path.filename().string(), Format::Unknown, Encoding::Unknown, role});
    segments.push_back({f, path, ByteOffset{0}, LineNumber{1}, {}, role});
  }
  emit reset();
  emit problemsChanged();
  emit reportChanged();
  start(std::move(segments));
  return true;
}

QStringList LogSession::setKnowledgeFiles(const QStringList& files) {
  std::vector<std::string> paths;
  for (const QString& file : files) paths.push_back(toPath(file).string());
  const LoadedKnowledge loaded = loadKnowledge(paths);
  knowledge_ = loaded.knowledge;
  knowledgeProblems_.clear();
  for (const std::string& error : loaded.errors) knowledgeProblems_ << toQString(error);
  emit problemsChanged();
  return knowledgeProblems_;
}

void LogSession::cancel() {
  if (inbox_) inbox_->cancel();
}

void LogSession::setFollow(bool on) {
  follow_ = on;
  if (!on) {
    follower_.stopAll();
    return;
  }
  if (!loading()) {
    followLiveFiles();
    followChanges();
  }
}

std::optional<EntryId> LogSession::find(const Location& where) const {
  return index_.find(where.file, where.line);
}

bool LogSession::waitForLoaded(int timeoutMs) {
  if (!loading()) return true;
  QEventLoop loop;
  QTimer timer;
  bool finished = false;
  timer.setSingleShot(true);
  connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
  connect(this, &LogSession::loadFinished, &loop, [&] {
    finished = true;  // following may start the next read at once: this one ended
    loop.quit();
  });
  timer.start(timeoutMs);
  loop.exec();
  return finished;
}

void LogSession::start(std::vector<LoadSegment> segments) {
  jobStarted_ = clock_.elapsed();
  inbox_ = std::make_shared<Inbox>(this);
  thread_ = QThread::create(
      [segments = std::move(segments), state = state_.get(), inbox = inbox_,
       options = LoadOptions{.knowledge = knowledge_}] { runLoad(segments, *state, *inbox, options); });
  thread_->start();
}

void LogSession::drain() {
  try {
    takeBatches();
  } catch (const std::exception& e) {  // out of memory: say so rather than let it cross the event loop
    problems_ << tr("stopped: %1").arg(toQString(e.what()));
    cancel();
    emit problemsChanged();
  }
}

void LogSession::takeBatches() {
  if (!inbox_) return;
  std::vector<IndexEntry> entries;
  std::shared_ptr<const Report> report;
  bool last = false, cancelled = false;
  std::uint64_t done = 0, total = 0;
  for (LoadBatch& batch : inbox_->take()) {
    index_.addComponents(batch.components);
    index_.addThreads(batch.threads);
    for (const FileFormat& f : batch.formats) index_.setFormat(f.file, f.format, f.encoding);
    if (entries.empty()) {
      entries = std::move(batch.entries);
    } else {
      entries.insert(entries.end(), batch.entries.begin(), batch.entries.end());
    }
    if (batch.report) report = std::move(batch.report);
    for (const std::string& e : batch.errors) problems_ << toQString(e);
    if (!batch.errors.empty()) emit problemsChanged();
    done = batch.bytesDone;
    total = batch.bytesTotal;
    last = last || batch.last;
    cancelled = cancelled || batch.cancelled;
  }
  if (!entries.empty()) {
    const std::size_t first = index_.size();
    index_.append(entries);
    emit entriesAdded(first);
  }
  if (report) {
    report_ = std::move(report);
    emit reportChanged();
  }
  emit progress(done, total);
  if (last) finishLoad(cancelled);
}

void LogSession::finishLoad(bool cancelled) {
  stopThread();
  // A follow-up analyzes every file again: on a huge log, look for changes less often.
  quietUntil_ = clock_.elapsed() + (clock_.elapsed() - jobStarted_);
  emit loadFinished(cancelled);
  if (follow_) {
    followLiveFiles();
    followChanges();
  }
}

void LogSession::followLiveFiles() {
  // A file whose path a later file took over (its rotated predecessor) is not followed.
  for (std::size_t f = 0; f < index_.fileCount(); ++f) {
    const IndexedFile& file = index_.file(FileIndex{static_cast<std::uint32_t>(f)});
    bool live = true;
    for (std::size_t g = f + 1; g < index_.fileCount(); ++g) {
      live = live && index_.file(FileIndex{static_cast<std::uint32_t>(g)}).path != file.path;
    }
    const FileIndex fi{static_cast<std::uint32_t>(f)};
    if (live && f < state_->files.size()) follower_.follow(fi, file.path, value(state_->files[f].end));
    if (!live) follower_.stop(fi);
  }
}

void LogSession::followChanges() {
  try {
    followFiles();
  } catch (const std::exception& e) {
    problems_ << tr("following stopped: %1").arg(toQString(e.what()));
    setFollow(false);
    emit problemsChanged();
  }
}

void LogSession::followFiles() {
  if (loading() || !follow_ || clock_.elapsed() < quietUntil_)
    return;  // finishLoad() or the poll looks again
  const std::vector<FileChange> changes = follower_.check();
  if (changes.empty()) return;
  for (const FileChange& c : changes) {
    // Truncated or rewritten, or rotated once too often for one view: start over.
    const bool full = c.kind == FileChange::Kind::Rotated && index_.fileCount() >= kMaxFiles;
    if (c.kind == FileChange::Kind::Replaced || full) {
      open(inputs_);
      return;
    }
  }
  std::vector<LoadSegment> segments;
  for (const FileChange& c : changes) {
    if (c.kind == FileChange::Kind::Rotated) {
      const IndexedFile was = index_.file(c.file);
      index_.movePath(c.file, c.rotatedTo);
      state_->files[value(c.file)].report.path = c.rotatedTo;
      texts_.clear();
      follower_.stop(c.file);
      std::error_code ec;
      if (std::filesystem::file_size(c.rotatedTo, ec) > value(state_->files[value(c.file)].end) && !ec) {
        segments.push_back(resume(c.file));  // written to before it was renamed
      }
      const FileIndex next =
          index_.addFile({was.path, was.name, Format::Unknown, Encoding::Unknown, was.role});
      segments.push_back({next, was.path, ByteOffset{0}, LineNumber{1}, {}, was.role});
    } else {
      segments.push_back(resume(c.file));
    }
  }
  start(std::move(segments));
}

LoadSegment LogSession::resume(FileIndex file) {
  const IndexedFile& f = index_.file(file);
  LoadedFile& loaded = state_->files[value(file)];
  // The file's last record may have been cut off mid-write (and the Unparsed
  // records before it be the lines of that record): read them again when
  // they are the last entries, which they are unless another file grew since.
  std::size_t count = 0;
  const std::size_t size = index_.size();
  while (count < size) {
    const IndexEntry& e = index_[EntryId{static_cast<std::uint32_t>(size - 1 - count)}];
    const bool partial = count == 0 || e.kind() == RecordKind::Unparsed || e.kind() == RecordKind::Orphan;
    if (e.fileIndex() != file || !partial) break;
    ++count;
  }
  if (count > 0) {
    const IndexEntry& first = index_[EntryId{static_cast<std::uint32_t>(size - count)}];
    loaded.end = ByteOffset{first.offset};
    loaded.nextLine = first.firstLine();
    emit entriesAboutToBeRemoved(size - count);
    index_.removeLast(count);
    texts_.clear();
    loaded.report.records -= std::min<std::uint64_t>(loaded.report.records, count);
    loaded.report.bytes = value(loaded.end);
  }
  return {file, f.path, loaded.end, loaded.nextLine, ReaderOptions{f.format, f.encoding}, f.role};
}

void LogSession::stopThread() {
  if (!thread_) return;
  inbox_->cancel();
  thread_->wait();
  delete thread_;
  thread_ = nullptr;
  inbox_.reset();
}

}  // namespace ccmlog::viewer
