// findings_model.h: the findings of the session's report, as a tree.
//
// One top-level row per finding: the headline first, then each root cause
// followed by what followed from it (its consequences, depth first); under
// each, one row per evidence line. A consequence has no remedy of its own:
// its cause's is the one to follow. The delegate of findings_view.h draws a
// finding's title, explanation and remedy; an evidence row leads to its log
// line (locationAt). In UTC time mode the explanations tell UTC times too
// (the report is diagnosed again in that clock).
#pragma once

#include <optional>
#include <vector>

#include <QAbstractItemModel>

#include "ccmlog/analysis.h"
#include "loading/log_session.h"
#include "models/qt_convert.h"

namespace ccmlog::viewer {

class FindingsModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Role : int {
    ExplanationRole = Qt::UserRole + 1,  ///< QString, finding rows
    RemedyRole,                          ///< QString, finding rows
    SeverityRole,                        ///< FindingSeverity as int, finding and evidence rows
    DetailRole,                          ///< QString: rule id and confidence, finding rows
    IsEvidenceRole,                      ///< bool
    CausedByRole,                        ///< QString: the rule id of the finding it follows from, or empty
  };

  explicit FindingsModel(LogSession& session, QObject* parent = nullptr);

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  /// The log line an evidence row cites; nullopt for a finding row.
  std::optional<Location> locationAt(const QModelIndex& index) const;

  void setTimeMode(TimeMode mode);

 private:
  void reload();

  LogSession& session_;
  std::vector<Finding> findings_;
  TimeMode timeMode_ = TimeMode::Local;
  bool timeModeChanged_ = false;
};

}  // namespace ccmlog::viewer
