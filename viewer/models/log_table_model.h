// log_table_model.h: the rows of the log table, over the session's index.
//
// A row is an entry of the LogIndex; the model keeps only the order of the
// rows (nothing at all while one file is shown unfiltered) and fetches a
// row's text through the session's RecordTexts when the view asks for it.
// Several files are merged by time (as written; records without a time stay
// after the record before them) once they are loaded. A filter narrows the
// rows: conditions on the index are tested at once, a text condition on a
// worker thread, after which the rows change in one step. New entries
// (loading, following) are taken in as they come, filtered the same way.
// Rows are tinted by severity; a highlight rule's colour replaces the tint
// but in the Line cell, so that a highlighted warning or error still shows.
// Bookmarked rows carry a bookmark before their text; bookmarks name entries,
// so they hold through filters and are forgotten when the files are closed.
#pragma once

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "loading/log_session.h"
#include "models/qt_convert.h"
#include "models/row_filter.h"

namespace ccmlog::viewer {

class LogTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column : int {
    LineColumn,
    TextColumn,
    ComponentColumn,
    TimeColumn,
    ThreadColumn,
    FileColumn,
    ColumnCount
  };
  enum Role : int {
    EntryRole = Qt::UserRole + 1,  ///< the row's EntryId, as quint32
    SeverityRole,                  ///< the record's Severity, as int
    MessageRole,                   ///< the whole message
    EvidenceRole,  ///< the FindingSeverity (int) of the most serious finding citing it, or null
  };

  explicit LogTableModel(LogSession& session, QObject* parent = nullptr);
  ~LogTableModel() override;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  LogSession& session() const { return session_; }
  EntryId entryAt(int row) const;
  /// The row showing an entry; nullopt when it is filtered out (or not taken in yet).
  std::optional<int> rowOf(EntryId id) const;

  void setTimeMode(TimeMode mode);
  TimeMode timeMode() const { return timeMode_; }

  /// Shows the rows `filter` accepts. A text condition is tested on a worker
  /// thread; until it is done the rows stay as they were and filtering() is true.
  void setFilter(RowFilter filter);
  const RowFilter& filter() const { return filter_; }
  bool filtering() const { return scan_ != nullptr; }

  void setHighlights(std::vector<HighlightRule> rules);

  /// Bookmarks an entry, or removes its bookmark.
  void toggleBookmark(EntryId id);
  bool bookmarked(EntryId id) const { return bookmarks_.contains(value(id)); }
  /// The bookmarked entries, ascending.
  const std::set<std::uint32_t>& bookmarks() const { return bookmarks_; }

  /// The rows as CMTrace copies them: Log Text, Component, Date/Time, Thread;
  /// tab-separated, one row per line (a message's own line ends kept).
  QString copyText(const std::vector<int>& rows) const;

 signals:
  /// A text filter started or finished testing rows.
  void filteringChanged(bool busy);

 private:
  struct Scan;

  int shownCount() const;
  void onAboutToReset();
  void onReset();
  void takeNew();
  void removeFrom(std::size_t first);
  void rebuild();
  void startScan(std::vector<std::uint32_t> ids, bool replace, std::size_t upTo);
  void scanDone();
  void cancelScan();
  std::vector<std::uint32_t> mergedOrder();
  std::int64_t mergeKey(const IndexEntry& e);
  void appendRows(const std::vector<std::uint32_t>& ids);
  void updateEvidence();

  LogSession& session_;
  TimeMode timeMode_ = TimeMode::Local;
  RowFilter filter_;
  std::vector<HighlightRule> highlights_;

  bool explicitRows_ = false;           // false: row i is entry i, for i < taken_
  std::vector<std::uint32_t> rows_;     // entry ids, when explicitRows_
  std::size_t taken_ = 0;               // entries [0, taken_) are in the rows (or filtered out)
  bool merged_ = false;                 // rows in time order across files, each file in its order
  std::vector<std::uint32_t> base_;     // merged_: every entry taken, by mergeKey
  std::vector<std::int64_t> lastTime_;  // merged_: per file, the latest time of its records so far
  std::int64_t lastKey_ = 0;            // merged_: mergeKey of base_.back()

  std::unique_ptr<Scan> scan_;
  std::unordered_map<std::uint32_t, int> evidence_;  // entry id → FindingSeverity
  std::set<std::uint32_t> bookmarks_;
};

}  // namespace ccmlog::viewer
