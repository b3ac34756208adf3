#include "widgets/filter_bar.h"

#include <QHBoxLayout>

#include "models/qt_convert.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

constexpr int kDebounceMs = 250;

// The list's items are names of the index; item 0 ("all") has no data.
template <typename Name>
void fillList(QComboBox* box, const QString& all, std::size_t count, Name name) {
  const QVariant current = box->currentData();
  box->blockSignals(true);
  box->clear();
  box->addItem(all);
  for (std::size_t i = 0; i < count; ++i)
    box->addItem(name(i), QVariant::fromValue<quint32>(static_cast<quint32>(i)));
  box->setCurrentIndex(std::max(0, box->findData(current)));
  box->blockSignals(false);
}

std::optional<std::uint32_t> chosen(const QComboBox* box) {
  const QVariant data = box->currentData();
  return data.isValid() ? std::optional<std::uint32_t>(data.value<quint32>()) : std::nullopt;
}

}  // namespace

FilterBar::FilterBar(LogSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      text_(new QLineEdit(this)),
      regex_(new QCheckBox(tr("Regex"), this)),
      component_(new QComboBox(this)),
      thread_(new QComboBox(this)),
      file_(new QComboBox(this)),
      from_(new QLineEdit(this)),
      to_(new QLineEdit(this)),
      problem_(new QLabel(this)) {
  text_->setPlaceholderText(tr("Filter: text in the message (Ctrl+Shift+F)"));
  text_->setClearButtonEnabled(true);
  regex_->setToolTip(tr("Read the text as an RE2 regular expression (case-sensitive; (?i) for not)"));
  const QString names[] = {tr("Verbose"), tr("Info"), tr("Warning"), tr("Error")};
  for (std::size_t s = 0; s < severities_.size(); ++s) {
    auto* button = new QToolButton(this);
    button->setText(names[s]);
    button->setCheckable(true);
    button->setChecked(true);
    button->setToolTip(tr("Show %1 lines").arg(names[s].toLower()));
    const QColor tint = rowBackground(static_cast<Severity>(s));
    if (tint.isValid())
      button->setStyleSheet(QStringLiteral("QToolButton:checked { background: %1; }").arg(tint.name()));
    connect(button, &QToolButton::toggled, this, &FilterBar::apply);
    severities_[s] = button;
  }
  component_->setToolTip(tr("Only this component"));
  thread_->setToolTip(tr("Only this thread"));
  file_->setToolTip(tr("Only this file"));
  from_->setPlaceholderText(tr("from hh:mm"));
  to_->setPlaceholderText(tr("to hh:mm"));
  from_->setMaximumWidth(150);
  to_->setMaximumWidth(150);
  const QString timeHelp = tr("A time as written in the log: 09:45, 09:45:30 or 2023-01-17 09:45");
  from_->setToolTip(timeHelp);
  to_->setToolTip(timeHelp);
  problem_->setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(4, 2, 4, 2);
  row->addWidget(text_, 3);
  row->addWidget(regex_);
  for (QToolButton* button : severities_) row->addWidget(button);
  row->addWidget(component_, 1);
  row->addWidget(thread_, 1);
  row->addWidget(file_, 1);
  row->addWidget(from_);
  row->addWidget(to_);
  row->addWidget(problem_, 2);

  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &FilterBar::apply);
  for (QLineEdit* field : {text_, from_, to_}) {
    connect(field, &QLineEdit::textEdited, &debounce_, qOverload<>(&QTimer::start));
    connect(field, &QLineEdit::returnPressed, this, &FilterBar::apply);
  }
  connect(regex_, &QCheckBox::toggled, this, &FilterBar::apply);
  for (QComboBox* box : {component_, thread_, file_}) {
    connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
  }
  connect(&session, &LogSession::reset, this, &FilterBar::clear);
  connect(&session, &LogSession::loadFinished, this, &FilterBar::refreshLists);
  refreshLists();
}

void FilterBar::focusText() {
  text_->setFocus();
  text_->selectAll();
}

void FilterBar::clear() {
  for (QLineEdit* field : {text_, from_, to_}) field->clear();
  for (QToolButton* button : severities_) {
    button->blockSignals(true);
    button->setChecked(true);
    button->blockSignals(false);
  }
  refreshLists();
  component_->setCurrentIndex(0);
  thread_->setCurrentIndex(0);
  file_->setCurrentIndex(0);
  apply();
}

FilterBar::Kept FilterBar::kept() const {
  Kept k{text_->text(), regex_->isChecked(), {}};
  for (std::size_t i = 0; i < severities_.size(); ++i) k.severities[i] = severities_[i]->isChecked();
  return k;
}

void FilterBar::restore(const Kept& kept) {
  QSignalBlocker quiet(this);  // one changed(), after the last field
  clear();
  const QSignalBlocker regexQuiet(regex_);
  text_->setText(kept.text);
  regex_->setChecked(kept.regex);
  for (std::size_t i = 0; i < severities_.size(); ++i) {
    const QSignalBlocker buttonQuiet(severities_[i]);
    severities_[i]->setChecked(kept.severities[i]);
  }
  quiet.unblock();
  apply();
}

void FilterBar::refreshLists() {
  const LogIndex& logs = session_.index();
  fillList(component_, tr("All components"), logs.componentCount(),
           [&](std::size_t i) { return toQString(logs.component(NameId{static_cast<std::uint16_t>(i)})); });
  fillList(thread_, tr("All threads"), logs.threadCount(),
           [&](std::size_t i) { return formatThread(logs.thread(NameId{static_cast<std::uint16_t>(i)})); });
  fillList(file_, tr("All files"), logs.fileCount(), [&](std::size_t i) {
    return toQString(logs.file(FileIndex{static_cast<std::uint32_t>(i)}).name);
  });
  file_->setVisible(logs.fileCount() > 1);
}

void FilterBar::apply() {
  RowFilter next;
  QStringList problems;
  if (!text_->text().isEmpty()) {
    auto matcher = TextMatcher::compile(toUtf8(text_->text()), regex_->isChecked());
    if (matcher) {
      next.text = std::make_shared<const TextMatcher>(std::move(*matcher));
    } else {
      problems << toQString(matcher.error().message);
      next.text = filter_.text;
    }
  }
  for (std::size_t s = 0; s < severities_.size(); ++s) next.severities[s] = severities_[s]->isChecked();
  if (const auto c = chosen(component_)) next.component = NameId{static_cast<std::uint16_t>(*c)};
  if (const auto t = chosen(thread_)) next.thread = NameId{static_cast<std::uint16_t>(*t)};
  if (const auto f = chosen(file_)) next.file = FileIndex{*f};
  std::optional<Timestamp> day;
  const LogIndex& logs = session_.index();
  for (std::uint32_t i = 0; i < logs.size() && !day; ++i) day = logs[EntryId{i}].local();
  for (auto [field, bound] : {std::pair{from_, &next.from}, std::pair{to_, &next.to}}) {
    if (field->text().trimmed().isEmpty()) continue;
    *bound = parseTime(field->text(), day);
    if (!*bound) problems << tr("'%1' is not a time (09:45, or 2023-01-17 09:45:30)").arg(field->text());
  }
  problem_->setText(problems.join(QStringLiteral("; ")));
  filter_ = std::move(next);
  emit changed();
}

}  // namespace ccmlog::viewer
