#include "widgets/highlight_dialog.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "models/qt_convert.h"

namespace ccmlog::viewer {
namespace {

enum Column { ColorColumn, TextColumn, RegexColumn };
const QString kRegexPrefix = QStringLiteral("re:");
const QColor kNewRuleColor(0xff, 0xf0, 0x8c);  // a light yellow, readable under black text

// A rule line's parts: the colour (first word) and the rest.
std::pair<QString, QString> splitRule(const QString& line) {
  const QString trimmed = line.trimmed();
  const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
  return {trimmed.left(space), space < 0 ? QString() : trimmed.mid(space + 1).trimmed()};
}

}  // namespace

std::vector<HighlightSpec> parseHighlightSpecs(const QString& text) {
  std::vector<HighlightSpec> specs;
  for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    auto [color, pattern] = splitRule(line);
    const bool regex = pattern.startsWith(kRegexPrefix);
    if (regex) pattern = pattern.mid(kRegexPrefix.size());
    if (QColor(color).isValid() && !pattern.isEmpty()) specs.push_back({QColor(color), pattern, regex});
  }
  return specs;
}

QString formatHighlightSpecs(const std::vector<HighlightSpec>& specs) {
  QStringList lines;
  for (const HighlightSpec& spec : specs) {
    lines << spec.color.name() + QLatin1Char(' ') + (spec.regex ? kRegexPrefix : QString()) + spec.text;
  }
  return lines.join(QLatin1Char('\n'));
}

std::vector<HighlightRule> compileHighlights(const QString& text, QString* problem) {
  std::vector<HighlightRule> rules;
  for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const std::vector<HighlightSpec> spec = parseHighlightSpecs(line);
    auto matcher = spec.empty() ? Result<TextMatcher>(Error{"no rule"})
                                : TextMatcher::compile(toUtf8(spec.front().text), spec.front().regex);
    if (!matcher) {
      if (problem) *problem = QObject::tr("not a rule: '%1'").arg(line.trimmed());
      continue;
    }
    rules.push_back(
        {std::make_shared<const TextMatcher>(std::move(*matcher)), spec.front().color.rgb() & 0xffffffu});
  }
  return rules;
}

HighlightDialog::HighlightDialog(const QString& rules, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(0, 3, this)) {
  setWindowTitle(tr("Highlight Rules"));
  auto* intro = new QLabel(tr("Rows whose message holds the text (any case), or matches the RE2 pattern when "
                              "Regex is ticked, get the colour. The first rule that matches wins. "
                              "Click a colour to change it."),
                           this);
  intro->setWordWrap(true);
  table_->setHorizontalHeaderLabels({tr("Colour"), tr("Text"), tr("Regex")});
  table_->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  connect(table_, &QTableWidget::cellClicked, this, [this](int row, int column) {
    if (column == ColorColumn) pickColor(row);
  });
  auto* add = new QPushButton(tr("&Add"), this);
  auto* remove = new QPushButton(tr("&Remove"), this);
  connect(add, &QPushButton::clicked, this, [this] {
    addRule({kNewRuleColor, QString(), false});
    table_->editItem(table_->item(table_->rowCount() - 1, TextColumn));
  });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (table_->currentRow() >= 0) table_->removeRow(table_->currentRow());
  });
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* row = new QHBoxLayout;
  row->addWidget(add);
  row->addWidget(remove);
  row->addStretch(1);
  row->addWidget(buttons);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(table_, 1);
  layout->addLayout(row);
  for (const HighlightSpec& spec : parseHighlightSpecs(rules)) addRule(spec);
  resize(560, 320);
}

void HighlightDialog::addRule(const HighlightSpec& spec) {
  const int row = table_->rowCount();
  table_->insertRow(row);
  auto* color = new QTableWidgetItem(QStringLiteral("        "));
  color->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  color->setBackground(spec.color.isValid() ? spec.color : kNewRuleColor);
  color->setToolTip(tr("Click to pick a colour"));
  table_->setItem(row, ColorColumn, color);
  table_->setItem(row, TextColumn, new QTableWidgetItem(spec.text));
  auto* regex = new QTableWidgetItem;
  regex->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
  regex->setCheckState(spec.regex ? Qt::Checked : Qt::Unchecked);
  table_->setItem(row, RegexColumn, regex);
}

QString HighlightDialog::rules() const {
  std::vector<HighlightSpec> specs;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const QString text = table_->item(row, TextColumn)->text().trimmed();
    if (text.isEmpty()) continue;
    specs.push_back({table_->item(row, ColorColumn)->background().color(), text,
                     table_->item(row, RegexColumn)->checkState() == Qt::Checked});
  }
  return formatHighlightSpecs(specs);
}

void HighlightDialog::pickColor(int row) {
  QTableWidgetItem* item = table_->item(row, ColorColumn);
  const QColor color = QColorDialog::getColor(item->background().color(), this, tr("Highlight colour"));
  if (color.isValid()) item->setBackground(color);
}

}  // namespace ccmlog::viewer
