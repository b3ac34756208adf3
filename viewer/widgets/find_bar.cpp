#include "widgets/find_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "models/qt_convert.h"
#include "models/text_scan.h"

namespace ccmlog::viewer {

struct FindBar::Search {
  std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
  std::vector<std::uint32_t> ids;  // the entries of the rows, in row order
  bool backward = false;
  bool rowsAdded = false;  // rows came after those searched: the result is for this find only
  QFutureWatcher<std::vector<std::size_t>> watcher;
};

FindBar::FindBar(LogTableModel& model, QTableView& table, QWidget* parent)
    : QWidget(parent),
      model_(model),
      table_(table),
      text_(new QLineEdit(this)),
      regex_(new QCheckBox(tr("Regex"), this)),
      status_(new QLabel(this)) {
  text_->setPlaceholderText(tr("Find (Enter or F3: next, Shift+F3: previous, Esc: close)"));
  text_->setClearButtonEnabled(true);
  auto* next = new QPushButton(tr("Next"), this);
  auto* previous = new QPushButton(tr("Previous"), this);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setToolTip(tr("Close (Esc)"));
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(4, 2, 4, 2);
  row->addWidget(text_, 3);
  row->addWidget(regex_);
  row->addWidget(next);
  row->addWidget(previous);
  row->addWidget(status_, 2);
  row->addWidget(close);
  connect(text_, &QLineEdit::returnPressed, this, [this] { find(false); });
  connect(next, &QPushButton::clicked, this, [this] { find(false); });
  connect(previous, &QPushButton::clicked, this, [this] { find(true); });
  connect(close, &QToolButton::clicked, this, &FindBar::dismiss);
  connect(text_, &QLineEdit::textEdited, this, &FindBar::forget);
  connect(regex_, &QCheckBox::toggled, this, &FindBar::forget);
  // A search reads the index: it must stop before entries go away.
  connect(&model.session(), &LogSession::aboutToReset, this, &FindBar::cancel);
  connect(&model.session(), &LogSession::entriesAboutToBeRemoved, this, &FindBar::cancel);
  // Found rows are row numbers: they hold only while the rows do.
  connect(&model, &QAbstractItemModel::modelAboutToBeReset, this, &FindBar::forget);
  connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &FindBar::forget);
  // Rows are only ever added at the end (loading, following): a running search stays right for the
  // rows it took, but what it finds is no longer all there is.
  connect(&model, &QAbstractItemModel::rowsInserted, this, [this] {
    if (search_) search_->rowsAdded = true;
    matches_.reset();
  });
  connect(&model, &QAbstractItemModel::layoutAboutToBeChanged, this, &FindBar::forget);
}

void FindBar::dismiss() {
  cancel();
  hide();
  table_.setFocus();
}

FindBar::~FindBar() { cancel(); }

void FindBar::activate() {
  show();
  text_->setFocus();
  text_->selectAll();
}

void FindBar::find(bool backward) {
  cancel();
  if (text_->text().isEmpty()) return activate();
  if (matches_) return jump(backward);
  auto matcher = TextMatcher::compile(toUtf8(text_->text()), regex_->isChecked());
  if (!matcher) {
    status_->setText(toQString(matcher.error().message));
    return;
  }
  const int rows = model_.rowCount();
  search_ = std::make_unique<Search>();
  search_->backward = backward;
  search_->ids.reserve(static_cast<std::size_t>(rows));
  for (int row = 0; row < rows; ++row) search_->ids.push_back(value(model_.entryAt(row)));
  status_->setText(tr("Searching…"));
  connect(&search_->watcher, &QFutureWatcherBase::finished, this, &FindBar::done);
  search_->watcher.setFuture(QtConcurrent::run([&logs = model_.session().index(), ids = &search_->ids,
                                                m = std::move(*matcher), cancel = search_->cancel] {
    try {
      return matchingPositions(logs, *ids, m, *cancel);
    } catch (const std::exception&) {
      return std::vector<std::size_t>{};
    }
  }));
}

void FindBar::done() {
  const std::vector<std::size_t> positions = search_->watcher.result();
  const bool backward = search_->backward;
  const bool complete = !search_->rowsAdded;
  search_.reset();
  matches_.emplace(positions.begin(), positions.end());  // the ids were the rows, in order
  jump(backward);
  if (!complete) matches_.reset();
}

// The next (or previous) match after the current row, wrapping, and where it is among all.
void FindBar::jump(bool backward) {
  const std::vector<int>& rows = *matches_;
  if (rows.empty()) {
    status_->setText(tr("'%1' not found").arg(text_->text()));
    emit finished(false);
    return;
  }
  const QModelIndex current = table_.currentIndex();
  std::size_t k = 0;
  if (!current.isValid()) {
    k = backward ? rows.size() - 1 : 0;
  } else if (backward) {
    const auto it = std::lower_bound(rows.begin(), rows.end(), current.row());
    k = it == rows.begin() ? rows.size() - 1 : static_cast<std::size_t>(it - rows.begin()) - 1;
  } else {
    const auto it = std::upper_bound(rows.begin(), rows.end(), current.row());
    k = it == rows.end() ? 0 : static_cast<std::size_t>(it - rows.begin());
  }
  const QModelIndex index = model_.index(rows[k], LogTableModel::TextColumn);
  table_.setCurrentIndex(index);
  table_.selectRow(rows[k]);
  table_.scrollTo(index, QAbstractItemView::PositionAtCenter);
  status_->setText(tr("%1 of %2").arg(k + 1).arg(rows.size()));
  emit finished(true);
}

void FindBar::cancel() {
  if (!search_) return;
  *search_->cancel = true;
  search_->watcher.disconnect(this);
  search_->watcher.waitForFinished();
  search_.reset();
  status_->clear();
}

void FindBar::forget() {
  cancel();
  matches_.reset();
  status_->clear();
}

void FindBar::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) return dismiss();
  QWidget::keyPressEvent(event);
}

}  // namespace ccmlog::viewer
