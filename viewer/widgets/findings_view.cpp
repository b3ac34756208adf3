#include "widgets/findings_view.h"

#include <vector>

#include <QPainter>
#include <QResizeEvent>
#include <QStyledItemDelegate>

#include "models/findings_model.h"
#include "widgets/colors.h"

namespace ccmlog::viewer {
namespace {

constexpr int kMargin = 6, kIcon = 22, kGap = 4;

// Draws a finding as a block of wrapped text, an evidence row as a link-like line.
class FindingDelegate : public QStyledItemDelegate {
 public:
  explicit FindingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    if (index.data(FindingsModel::IsEvidenceRole).toBool()) {
      return {0, option.fontMetrics.height() + 6};
    }
    const std::vector<Block> b = blocks(option, index);
    int height = kMargin;
    for (const Block& block : b) height += block.height(textWidth(index)) + kGap;
    return {0, std::max(height + kMargin, kIcon + 2 * kMargin)};
  }

  void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    const bool selected = o.state & QStyle::State_Selected;
    p->save();
    if (selected) p->fillRect(o.rect, o.palette.brush(QPalette::Highlight).color().lighter(170));
    const auto severity = static_cast<FindingSeverity>(index.data(FindingsModel::SeverityRole).toInt());
    if (index.data(FindingsModel::IsEvidenceRole).toBool()) {
      p->setPen(QColor(0x1a, 0x4f, 0x9c));
      const QRect r = o.rect.adjusted(kMargin, 0, -kMargin, 0);
      const QString text = QStringLiteral("▸ ") + index.data().toString();
      p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                  o.fontMetrics.elidedText(text, Qt::ElideRight, r.width()));
    } else {
      p->fillRect(QRect(o.rect.left(), o.rect.top(), 4, o.rect.height()), findingColor(severity));
      const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
      icon.paint(p, QRect(o.rect.left() + kMargin + 2, o.rect.top() + kMargin, kIcon, kIcon));
      const int width = textWidth(index);
      int y = o.rect.top() + kMargin;
      for (const Block& block : blocks(o, index)) {
        const int h = block.height(width);
        p->setFont(block.font);
        p->setPen(block.color);
        p->drawText(QRect(o.rect.left() + textLeft(), y, width, h), Qt::TextWordWrap, block.text);
        y += h + kGap;
      }
    }
    p->restore();
  }

 private:
  struct Block {
    QString text;
    QFont font;
    QColor color;
    int height(int width) const {
      return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text).height();
    }
  };

  static int textLeft() { return kMargin + kIcon + 2 * kMargin; }

  // Keeps the two backslashes that start a UNC path together when the text wraps (a word joiner between).
  static QString keepUncTogether(QString text) {
    return text.replace(QStringLiteral("\\\\"), QStringLiteral("\\\u2060\\"));
  }

  int textWidth(const QModelIndex& index) const {
    const int indent = index.parent().isValid() ? view_->indentation() : 0;
    return std::max(120, view_->viewport()->width() - indent - textLeft() - kMargin);
  }

  static std::vector<Block> blocks(const QStyleOptionViewItem& option, const QModelIndex& index) {
    QFont title = option.font;
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.1);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    QFont bold = option.font;
    bold.setBold(true);
    const auto severity = static_cast<FindingSeverity>(index.data(FindingsModel::SeverityRole).toInt());
    std::vector<Block> b;
    b.push_back({keepUncTogether(index.data().toString()), title, findingColor(severity).darker(130)});
    b.push_back({keepUncTogether(index.data(FindingsModel::ExplanationRole).toString()), option.font,
                 QColor(0x20, 0x20, 0x20)});
    const QString remedy = index.data(FindingsModel::RemedyRole).toString();
    if (!remedy.isEmpty()) {
      b.push_back({keepUncTogether(QObject::tr("What to do: ") + remedy), bold, QColor(0x1b, 0x5e, 0x20)});
    }
    b.push_back({index.data(FindingsModel::DetailRole).toString() + QObject::tr(" · evidence:"), small,
                 QColor(0x70, 0x70, 0x70)});
    return b;
  }

  QTreeView* view_;
};

}  // namespace

FindingsView::FindingsView(QWidget* parent) : QTreeView(parent) {
  setItemDelegate(new FindingDelegate(this));
  setHeaderHidden(true);
  setUniformRowHeights(false);
  setRootIsDecorated(false);
  setItemsExpandable(false);
  setIndentation(18);
  setWordWrap(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  setSelectionMode(QAbstractItemView::SingleSelection);
  connect(this, &QTreeView::clicked, this, &FindingsView::activate);
  connect(this, &QTreeView::activated, this, &FindingsView::activate);
}

void FindingsView::setModel(QAbstractItemModel* model) {
  QTreeView::setModel(model);
  expandAll();
  connect(model, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
}

void FindingsView::setPlaceholder(const QString& text) {
  placeholder_ = text;
  viewport()->update();
}

void FindingsView::activate(const QModelIndex& index) {
  if (!index.isValid()) return;
  if (index.data(FindingsModel::IsEvidenceRole).toBool()) {
    emit evidenceActivated(index);
  } else if (model()->rowCount(index) > 0) {
    emit evidenceActivated(model()->index(0, 0, index));
  }
}

void FindingsView::resizeEvent(QResizeEvent* event) {
  QTreeView::resizeEvent(event);
  if (event->size().width() != event->oldSize().width()) scheduleDelayedItemsLayout();  // re-wrap
}

void FindingsView::paintEvent(QPaintEvent* event) {
  QTreeView::paintEvent(event);
  if (model() && model()->rowCount() > 0) return;
  QPainter p(viewport());
  p.setPen(palette().color(QPalette::PlaceholderText));
  p.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
             Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap, placeholder_);
}

}  // namespace ccmlog::viewer
