// Tests of highlight_dialog.h: rules as text and as rows, both ways.
#include "widgets/highlight_dialog.h"

#include <QTableWidget>
#include <QTest>

namespace ccmlog::viewer {

class HighlightDialogTest : public QObject {
  Q_OBJECT

 private slots:
  void rulesTextRoundTrip() {
    const QString text = QStringLiteral("#ffff00 retry\n#c8f0c8 re:Download (complete|succeeded)");
    const auto specs = parseHighlightSpecs(text);
    QCOMPARE(specs.size(), 2u);
    QCOMPARE(specs[1].color, QColor(0xc8, 0xf0, 0xc8));
    QCOMPARE(specs[1].text, QStringLiteral("Download (complete|succeeded)"));
    QVERIFY(specs[1].regex && !specs[0].regex);
    QCOMPARE(formatHighlightSpecs(specs), text);
  }

  void badRulesAreNamed() {
    QString problem;
    const auto rules =
        compileHighlights(QStringLiteral("yellow retry\nnocolour text\n#00ff00 re:(open"), &problem);
    QCOMPARE(rules.size(), 1u);
    QCOMPARE(rules[0].rgb, 0xffff00u);
    QVERIFY(rules[0].text->matches("Next RETRY in 120 minutes"));
    QCOMPARE(problem, QStringLiteral("not a rule: '#00ff00 re:(open'"));
  }

  // The dialog shows the rules as rows; a row added with a picked colour comes back as a rule.
  void theDialogEditsRules() {
    HighlightDialog dialog(QStringLiteral("yellow retry"));
    QCOMPARE(dialog.table().rowCount(), 1);
    QCOMPARE(dialog.table().item(0, 0)->background().color(), QColor(Qt::yellow));
    dialog.addRule({QColor(0x12, 0x34, 0x56), QStringLiteral("0x8007"), false});
    dialog.addRule({QColor(Qt::red), QString(), true});  // no text: no rule
    QCOMPARE(dialog.rules(), QStringLiteral("#ffff00 retry\n#123456 0x8007"));
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::HighlightDialogTest)
#include "highlight_dialog_test.moc"
