#include "find_bar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPushButton>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include "qt_convert.h"
#include "text_scan.h"

namespace ccmlog::viewer {

struct FindBar::Search {
  std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
  std::vector<std::uint32_t> ids;  // the entries searched, in search order
  QFutureWatcher<std::optional<std::size_t>> watcher;
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
  // A search reads the index: it must stop before entries go away.
  connect(&model.session(), &LogSession::aboutToReset, this, &FindBar::cancel);
  connect(&model.session(), &LogSession::entriesAboutToBeRemoved, this, &FindBar::cancel);
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
  auto matcher = TextMatcher::compile(toUtf8(text_->text()), regex_->isChecked());
  if (!matcher) {
    status_->setText(toQString(matcher.error().message));
    return;
  }
  const int rows = model_.rowCount();
  if (rows == 0) return;
  const int current = table_.currentIndex().isValid() ? table_.currentIndex().row() : (backward ? rows : -1);
  search_ = std::make_unique<Search>();
  search_->ids.reserve(static_cast<std::size_t>(rows));
  for (int k = 1; k <= rows; ++k) {  // every row once, starting after the current one, wrapping
    const int row = ((backward ? current - k : current + k) % rows + rows) % rows;
    search_->ids.push_back(value(model_.entryAt(row)));
  }
  status_->setText(tr("Searching…"));
  connect(&search_->watcher, &QFutureWatcherBase::finished, this, &FindBar::done);
  search_->watcher.setFuture(QtConcurrent::run([&logs = model_.session().index(), ids = &search_->ids,
                                                m = std::move(*matcher), cancel = search_->cancel] {
    try {
      return firstMatch(logs, *ids, m, *cancel);
    } catch (const std::exception&) {
      return std::optional<std::size_t>{};
    }
  }));
}

void FindBar::done() {
  const auto position = search_->watcher.result();
  const std::optional<int> row = position ? model_.rowOf(EntryId{search_->ids[*position]}) : std::nullopt;
  search_.reset();
  if (row) {
    const QModelIndex index = model_.index(*row, LogTableModel::TextColumn);
    table_.setCurrentIndex(index);
    table_.selectRow(*row);
    table_.scrollTo(index, QAbstractItemView::PositionAtCenter);
    status_->clear();
  } else {
    status_->setText(tr("'%1' not found").arg(text_->text()));
  }
  emit finished(row.has_value());
}

void FindBar::cancel() {
  if (!search_) return;
  *search_->cancel = true;
  search_->watcher.disconnect(this);
  search_->watcher.waitForFinished();
  search_.reset();
  status_->clear();
}

void FindBar::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) return dismiss();
  QWidget::keyPressEvent(event);
}

}  // namespace ccmlog::viewer
