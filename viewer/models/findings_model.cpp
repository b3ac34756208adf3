#include "models/findings_model.h"

#include <algorithm>

#include "ccmlog/diagnosis.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

// A finding row has id 0; an evidence row has its finding's row + 1.
constexpr quintptr kFindingRow = 0;

// Each root cause followed by its consequences, depth first (the report
// lists all root causes before any consequence).
std::vector<Finding> causesThenConsequences(std::vector<Finding> findings) {
  std::vector<Finding> out;
  std::vector<bool> taken(findings.size());
  const auto place = [&](const auto& self, std::size_t i) -> void {
    taken[i] = true;
    out.push_back(findings[i]);
    for (std::size_t j = 0; j < findings.size(); ++j) {
      if (!taken[j] && findings[j].causedBy == findings[i].rule) self(self, j);
    }
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!taken[i] && findings[i].causedBy.empty()) place(place, i);
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!taken[i]) out.push_back(findings[i]);  // a cause the report left out: never, but keep every finding
  }
  return out;
}

}  // namespace

FindingsModel::FindingsModel(LogSession& session, QObject* parent)
    : QAbstractItemModel(parent), session_(session) {
  connect(&session, &LogSession::reportChanged, this, &FindingsModel::reload);
  connect(&session, &LogSession::aboutToReset, this, [this] {
    beginResetModel();
    findings_.clear();
    endResetModel();
  });
  reload();
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hasIndex(row, column, parent)) return {};
  return createIndex(row, column, parent.isValid() ? static_cast<quintptr>(parent.row()) + 1 : kFindingRow);
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kFindingRow) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kFindingRow);
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(findings_.size());
  if (parent.column() != 0 || parent.internalId() != kFindingRow) return 0;
  return static_cast<int>(findings_[static_cast<std::size_t>(parent.row())].evidence.size());
}

int FindingsModel::columnCount(const QModelIndex&) const { return 1; }

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const bool isEvidence = index.internalId() != kFindingRow;
  const Finding& f = findings_[isEvidence ? index.internalId() - 1 : static_cast<std::size_t>(index.row())];
  if (role == SeverityRole) return static_cast<int>(f.severity);
  if (role == IsEvidenceRole) return isEvidence;
  if (isEvidence) {
    const Evidence& e = f.evidence[static_cast<std::size_t>(index.row())];
    const auto& logs = session_.index();
    const QString file =
        value(e.where.file) < logs.fileCount() ? toQString(logs.file(e.where.file).name) : QString();
    switch (role) {
      case Qt::DisplayRole:
        return QStringLiteral("%1:%2  %3  %4")
            .arg(file)
            .arg(value(e.where.line))
            .arg(e.where.local ? formatClock(*e.where.local, e.where.bias, timeMode_) : QString())
            .arg(toQString(e.text).simplified());
      case Qt::ToolTipRole:
        return tr("%1, line %2, %3\n%4\n(Enter or click: show this line in the log)")
            .arg(file)
            .arg(value(e.where.line))
            .arg(formatTime(e.where, timeMode_))
            .arg(toQString(e.text));
      default:
        return {};
    }
  }
  switch (role) {
    case Qt::DisplayRole:  // a consequence reads as following its cause, the row above
      return f.causedBy.empty() ? toQString(f.title) : QStringLiteral("\u21b3 ") + toQString(f.title);
    case Qt::DecorationRole:
      return findingIcon(f.severity);
    case Qt::ToolTipRole:
      return toQString(f.title) + QStringLiteral("\n\n") + toQString(f.explanation);
    case ExplanationRole:
      return toQString(f.explanation);
    case RemedyRole:
      return f.causedBy.empty() ? toQString(f.remedy) : QString();
    case DetailRole: {
      QString detail = tr("%1 · %2 confidence").arg(toQString(f.rule), toQString(toString(f.confidence)));
      if (!f.causedBy.empty()) detail += tr(" · follows from %1 (above)").arg(toQString(f.causedBy));
      if (f.history) detail += tr(" · history: a later attempt superseded it");
      return detail;
    }
    case CausedByRole:
      return toQString(f.causedBy);
    default:
      return {};
  }
}

std::optional<Location> FindingsModel::locationAt(const QModelIndex& index) const {
  if (!index.isValid() || index.internalId() == kFindingRow) return std::nullopt;
  return findings_[index.internalId() - 1].evidence[static_cast<std::size_t>(index.row())].where;
}

void FindingsModel::setTimeMode(TimeMode mode) {
  timeMode_ = mode;
  timeModeChanged_ = true;
  reload();
}

void FindingsModel::reload() {
  // Reports come about once a second while a file loads; most repeat the last.
  // The session's report tells times as written; UTC needs its own diagnosis.
  const Report& report = session_.report();
  const std::vector<Finding> next = causesThenConsequences(
      timeMode_ == TimeMode::Utc
          ? diagnose(report.timeline, DiagnosisOptions{Clock::Utc, session_.knowledge()})
          : report.findings);
  const auto same = [](const Finding& a, const Finding& b) {
    return a.rule == b.rule && a.title == b.title && a.explanation == b.explanation && a.remedy == b.remedy &&
           a.evidence.size() == b.evidence.size();
  };
  if (!timeModeChanged_ && std::equal(next.begin(), next.end(), findings_.begin(), findings_.end(), same))
    return;
  timeModeChanged_ = false;
  beginResetModel();
  findings_ = next;
  endResetModel();
}

}  // namespace ccmlog::viewer
