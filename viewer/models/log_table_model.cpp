#include "models/log_table_model.h"

#include <QFont>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <numeric>

#include "models/record_texts.h"
#include "models/text_scan.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

// Up to this many new rows are tested against a text filter at once on the
// UI thread (a follow or a loading batch); more go to a worker.
constexpr std::size_t kSyncTextRows = 2000;
constexpr std::size_t kTooltipChars = 2000;

}  // namespace

struct LogTableModel::Scan {
  std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
  QFutureWatcher<std::vector<std::uint32_t>> watcher;
  bool replace = false;  // the result replaces the rows, else it is appended
  std::size_t upTo = 0;  // replace: the entries it covers, [0, upTo)
};

LogTableModel::LogTableModel(LogSession& session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
  connect(&session, &LogSession::aboutToReset, this, &LogTableModel::onAboutToReset);
  connect(&session, &LogSession::reset, this, &LogTableModel::onReset);
  connect(&session, &LogSession::entriesAdded, this, &LogTableModel::takeNew);
  connect(&session, &LogSession::entriesAboutToBeRemoved, this, &LogTableModel::removeFrom);
  connect(&session, &LogSession::reportChanged, this, &LogTableModel::updateEvidence);
  connect(&session, &LogSession::loadFinished, this, [this] {
    if (!merged_ && session_.index().fileCount() > 1) {
      merged_ = true;
      rebuild();
    }
  });
  takeNew();
  updateEvidence();
}

LogTableModel::~LogTableModel() { cancelScan(); }

int LogTableModel::shownCount() const { return static_cast<int>(explicitRows_ ? rows_.size() : taken_); }

int LogTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : shownCount(); }

int LogTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

EntryId LogTableModel::entryAt(int row) const {
  return EntryId{explicitRows_ ? rows_[static_cast<std::size_t>(row)] : static_cast<std::uint32_t>(row)};
}

std::optional<int> LogTableModel::rowOf(EntryId id) const {
  const std::uint32_t n = value(id);
  if (!explicitRows_) return n < taken_ ? std::optional<int>(static_cast<int>(n)) : std::nullopt;
  const auto it =
      merged_ ? std::find(rows_.begin(), rows_.end(), n) : std::lower_bound(rows_.begin(), rows_.end(), n);
  if (it == rows_.end() || *it != n) return std::nullopt;
  return static_cast<int>(it - rows_.begin());
}

QVariant LogTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= shownCount()) return {};
  const EntryId id = entryAt(index.row());
  const LogIndex& logs = session_.index();
  const IndexEntry& e = logs[id];
  const auto evidence = evidence_.find(value(id));
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case LineColumn:
          return QVariant::fromValue<qulonglong>(e.line);
        case TextColumn: {
          const std::string& message = session_.texts().message(id);
          const std::string_view first = firstLine(message);
          return first.size() < message.size() ? toQString(first) + QStringLiteral(" …") : toQString(first);
        }
        case ComponentColumn:
          return toQString(logs.component(e.component));
        case TimeColumn:
          return formatTime(e.local(), e.utcBias(), timeMode_);
        case ThreadColumn:
          return formatThread(logs.thread(e.thread));
        case FileColumn:
          return toQString(logs.file(e.fileIndex()).name);
        default:
          return {};
      }
    case Qt::ToolTipRole:
      if (index.column() == TextColumn) {
        const std::string& message = session_.texts().message(id);
        return toQString(std::string_view(message).substr(0, kTooltipChars));
      }
      if (index.column() == FileColumn) return fromPath(logs.file(e.fileIndex()).path);
      if (index.column() == LineColumn && evidence != evidence_.end()) return tr("Cited by a finding");
      return {};
    case Qt::BackgroundRole: {
      const QColor color = rowBackground(e.severity());
      // A highlight colours the row but the Line cell: a warning or an error stays in sight at the edge.
      if (!highlights_.empty() && !(index.column() == LineColumn && color.isValid())) {
        const std::string& message = session_.texts().message(id);
        for (const HighlightRule& rule : highlights_) {
          if (rule.text->matches(message)) return QColor::fromRgb(rule.rgb);
        }
      }
      return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::ForegroundRole: {
      const QColor color = rowForeground(e.severity());
      return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::DecorationRole:
      if (index.column() == LineColumn && evidence != evidence_.end()) {
        return findingIcon(static_cast<FindingSeverity>(evidence->second));
      }
      if (index.column() == TextColumn && bookmarks_.contains(value(id))) return bookmarkIcon();
      return {};
    case Qt::FontRole:
      if (evidence != evidence_.end()) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::TextAlignmentRole:
      return index.column() == LineColumn ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter))
                                          : QVariant();
    case EntryRole:
      return QVariant::fromValue<quint32>(value(id));
    case SeverityRole:
      return static_cast<int>(e.severity());
    case MessageRole:
      return toQString(session_.texts().message(id));
    case EvidenceRole:
      return evidence != evidence_.end() ? QVariant(evidence->second) : QVariant();
    default:
      return {};
  }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case LineColumn:
      return tr("Line");
    case TextColumn:
      return tr("Log Text");
    case ComponentColumn:
      return tr("Component");
    case TimeColumn:
      return timeMode_ == TimeMode::Utc ? tr("Date/Time (UTC)") : tr("Date/Time");
    case ThreadColumn:
      return tr("Thread");
    case FileColumn:
      return tr("File");
    default:
      return {};
  }
}

void LogTableModel::setTimeMode(TimeMode mode) {
  if (mode == timeMode_) return;
  timeMode_ = mode;
  emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
  if (shownCount() > 0) emit dataChanged(index(0, TimeColumn), index(shownCount() - 1, TimeColumn));
}

void LogTableModel::setFilter(RowFilter filter) {
  filter_ = std::move(filter);
  rebuild();
}

void LogTableModel::setHighlights(std::vector<HighlightRule> rules) {
  highlights_ = std::move(rules);
  if (shownCount() > 0) emit dataChanged(index(0, 0), index(shownCount() - 1, ColumnCount - 1));
}

void LogTableModel::toggleBookmark(EntryId id) {
  if (!bookmarks_.erase(value(id))) bookmarks_.insert(value(id));
  if (const auto row = rowOf(id)) emit dataChanged(index(*row, TextColumn), index(*row, TextColumn));
}

QString LogTableModel::copyText(const std::vector<int>& rows) const {
  QString out;
  const LogIndex& logs = session_.index();
  for (const int row : rows) {
    if (row < 0 || row >= shownCount()) continue;
    const EntryId id = entryAt(row);
    const IndexEntry& e = logs[id];
    out += toQString(session_.texts().message(id)) + QLatin1Char('\t') +
           toQString(logs.component(e.component)) + QLatin1Char('\t') + formatCopiedTime(e.local()) +
           QLatin1Char('\t') + formatThread(logs.thread(e.thread)) + QStringLiteral("\r\n");
  }
  return out;
}

void LogTableModel::onAboutToReset() {
  cancelScan();
  beginResetModel();
  explicitRows_ = false;
  rows_.clear();
  taken_ = 0;
  merged_ = false;
  base_.clear();
  lastTime_.clear();
  evidence_.clear();
  bookmarks_.clear();
  // Component, thread and file ids name entries of the tables being closed.
  filter_.component.reset();
  filter_.thread.reset();
  filter_.file.reset();
}

void LogTableModel::onReset() { endResetModel(); }

void LogTableModel::takeNew() {
  const std::size_t n = session_.index().size();
  if (scan_ || taken_ >= n) return;  // a running scan takes the rest in when done
  const std::size_t first = taken_;
  if (!explicitRows_) {
    beginInsertRows({}, static_cast<int>(first), static_cast<int>(n - 1));
    taken_ = n;
    endInsertRows();
    return;
  }
  taken_ = n;
  std::vector<std::uint32_t> fresh(n - first);
  std::iota(fresh.begin(), fresh.end(), static_cast<std::uint32_t>(first));
  const LogIndex& logs = session_.index();
  if (merged_) {
    std::vector<std::pair<std::int64_t, std::uint32_t>> keyed;
    for (const std::uint32_t id : fresh) {
      const IndexEntry& e = logs[EntryId{id}];
      keyed.emplace_back(mergeKey(e), id);
    }
    std::sort(keyed.begin(), keyed.end());
    if (!base_.empty() && keyed.front().first < lastKey_) {  // older than what is shown: merge afresh
      rebuild();
      return;
    }
    for (std::size_t i = 0; i < keyed.size(); ++i) fresh[i] = keyed[i].second;
    base_.insert(base_.end(), fresh.begin(), fresh.end());
    lastKey_ = keyed.back().first;
  }
  std::erase_if(fresh, [&](std::uint32_t id) { return !filter_.acceptsEntry(logs[EntryId{id}]); });
  if (filter_.text && fresh.size() > kSyncTextRows) return startScan(std::move(fresh), false, n);
  if (filter_.text) {
    std::vector<EntryRef> refs;
    for (const std::uint32_t id : fresh) refs.push_back({EntryId{id}, logs[EntryId{id}]});
    std::vector<std::uint32_t> matching;
    readMessages(refs, logs.files(), [&](std::size_t i, std::string_view message) {
      if (filter_.text->matches(message)) matching.push_back(fresh[i]);
    });
    fresh = std::move(matching);
  }
  appendRows(fresh);
}

void LogTableModel::appendRows(const std::vector<std::uint32_t>& ids) {
  if (ids.empty()) return;
  const int first = static_cast<int>(rows_.size());
  beginInsertRows({}, first, first + static_cast<int>(ids.size()) - 1);
  rows_.insert(rows_.end(), ids.begin(), ids.end());
  endInsertRows();
}

void LogTableModel::removeFrom(std::size_t first) {
  const bool wasScanning = scan_ != nullptr;
  cancelScan();
  const auto removed = [&](std::uint32_t id) { return id >= first; };
  if (merged_) std::erase_if(base_, removed);
  std::erase_if(bookmarks_, removed);
  if (!explicitRows_) {
    if (taken_ > first) {
      beginRemoveRows({}, static_cast<int>(first), static_cast<int>(taken_) - 1);
      taken_ = first;
      endRemoveRows();
    }
  } else {
    taken_ = std::min(taken_, first);
    const auto gone = std::find_if(rows_.begin(), rows_.end(), removed);
    if (gone != rows_.end() && std::all_of(gone, rows_.end(), removed)) {
      beginRemoveRows({}, static_cast<int>(gone - rows_.begin()), static_cast<int>(rows_.size()) - 1);
      rows_.erase(gone, rows_.end());
      endRemoveRows();
    } else if (gone != rows_.end()) {
      beginResetModel();
      std::erase_if(rows_, removed);
      endResetModel();
    }
  }
  // The index shrinks after this returns; a cancelled scan starts over on what remains.
  if (wasScanning) QMetaObject::invokeMethod(this, &LogTableModel::rebuild, Qt::QueuedConnection);
}

void LogTableModel::rebuild() {
  cancelScan();
  const LogIndex& logs = session_.index();
  const std::size_t n = logs.size();
  if (merged_) base_ = mergedOrder();
  if (!merged_ && !filter_.active()) {
    beginResetModel();
    explicitRows_ = false;
    rows_.clear();
    taken_ = n;
    endResetModel();
    return;
  }
  std::vector<std::uint32_t> ids;
  if (merged_) {
    ids = base_;
  } else {
    ids.resize(n);
    std::iota(ids.begin(), ids.end(), 0u);
  }
  std::erase_if(ids, [&](std::uint32_t id) { return !filter_.acceptsEntry(logs[EntryId{id}]); });
  if (filter_.text) return startScan(std::move(ids), true, n);
  beginResetModel();
  taken_ = n;
  explicitRows_ = true;
  rows_ = std::move(ids);
  endResetModel();
}

std::vector<std::uint32_t> LogTableModel::mergedOrder() {
  const LogIndex& logs = session_.index();
  lastTime_.assign(logs.fileCount(), IndexEntry::kNoTime);
  std::vector<std::pair<std::int64_t, std::uint32_t>> keyed(logs.size());
  for (std::uint32_t id = 0; id < keyed.size(); ++id) {
    const IndexEntry& e = logs[EntryId{id}];
    keyed[id] = {mergeKey(e), id};
  }
  std::sort(keyed.begin(), keyed.end());  // ties keep file order: the id is the second key
  std::vector<std::uint32_t> order(keyed.size());
  for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
  lastKey_ = keyed.empty() ? 0 : keyed.back().first;
  return order;
}

// The latest time of e's file up to e (kNoTime, the least, until one has a time).
// It never goes back within a file, so sorting by it and then by id keeps each
// file's records in file order, even where a file's own times go back (a line
// stamped to the second after finer ones, a clock change).
std::int64_t LogTableModel::mergeKey(const IndexEntry& e) {
  if (lastTime_.size() <= e.file) lastTime_.resize(e.file + 1u, IndexEntry::kNoTime);
  lastTime_[e.file] = std::max(lastTime_[e.file], e.localTicks);
  return lastTime_[e.file];
}

void LogTableModel::startScan(std::vector<std::uint32_t> ids, bool replace, std::size_t upTo) {
  scan_ = std::make_unique<Scan>();
  scan_->replace = replace;
  scan_->upTo = upTo;
  connect(&scan_->watcher, &QFutureWatcherBase::finished, this, &LogTableModel::scanDone);
  scan_->watcher.setFuture(QtConcurrent::run(
      [&logs = session_.index(), ids = std::move(ids), matcher = filter_.text, cancel = scan_->cancel] {
        try {
          return matchingIds(logs, ids, *matcher, *cancel);
        } catch (const std::exception&) {
          return std::vector<std::uint32_t>{};  // out of memory: show nothing rather than crash
        }
      }));
  emit filteringChanged(true);
}

void LogTableModel::scanDone() {
  std::vector<std::uint32_t> found = scan_->watcher.result();
  const bool replace = scan_->replace;
  const std::size_t upTo = scan_->upTo;
  scan_.reset();
  if (replace) {
    beginResetModel();
    taken_ = upTo;
    explicitRows_ = true;
    rows_ = std::move(found);
    endResetModel();
  } else {
    appendRows(found);
  }
  emit filteringChanged(false);
  takeNew();
}

void LogTableModel::cancelScan() {
  if (!scan_) return;
  *scan_->cancel = true;
  scan_->watcher.disconnect(this);
  scan_->watcher.waitForFinished();
  scan_.reset();
  emit filteringChanged(false);
}

void LogTableModel::updateEvidence() {
  evidence_.clear();
  for (const Finding& finding : session_.report().findings) {
    for (const Evidence& evidence : finding.evidence) {
      if (const auto id = session_.find(evidence.where)) {
        int& severity = evidence_.try_emplace(value(*id), 0).first->second;
        severity = std::max(severity, static_cast<int>(finding.severity));
      }
    }
  }
  if (shownCount() > 0) emit dataChanged(index(0, 0), index(shownCount() - 1, ColumnCount - 1));
}

}  // namespace ccmlog::viewer
