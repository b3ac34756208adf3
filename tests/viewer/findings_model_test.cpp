// Tests of findings_model.h: one row per finding, the headline on top, evidence beneath.
#include <QAbstractItemModelTester>
#include <QTest>

#include "findings_model.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {

class FindingsModelTest : public QObject {
  Q_OBJECT

 private slots:
  void findingsAndTheirEvidence() {
    LogSession session;
    FindingsModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::load(session, {test::testdata("machines/service-context-2009")}));
    const auto& findings = session.report().findings;
    QVERIFY(!findings.empty());
    QCOMPARE(model.rowCount(), static_cast<int>(findings.size()));

    const QModelIndex headline = model.index(0, 0);
    QCOMPARE(headline.data().toString(), QString::fromStdString(findings[0].title));
    QVERIFY(headline.data().toString().contains(QStringLiteral("SYSTEM")));
    QCOMPARE(headline.data(FindingsModel::SeverityRole).toInt(), static_cast<int>(FindingSeverity::Error));
    QVERIFY(!headline.data(FindingsModel::ExplanationRole).toString().isEmpty());
    QVERIFY(!headline.data(FindingsModel::RemedyRole).toString().isEmpty());
    QVERIFY(!headline.data(FindingsModel::IsEvidenceRole).toBool());
    QVERIFY(!model.locationAt(headline));

    QCOMPARE(model.rowCount(headline), static_cast<int>(findings[0].evidence.size()));
    const QModelIndex first = model.index(0, 0, headline);
    QVERIFY(first.data(FindingsModel::IsEvidenceRole).toBool());
    QCOMPARE(value(model.locationAt(first)->line), value(findings[0].evidence[0].where.line));
    QVERIFY(first.data().toString().startsWith(
        QStringLiteral("ccmsetup.log:1  09:41:07  ==========[ ccmsetup started")));

    model.setTimeMode(TimeMode::Utc);
    QVERIFY(model.index(0, 0, model.index(0, 0)).data().toString().contains(QStringLiteral("14:41:07")));

    QVERIFY(test::load(session, {test::testdata("machines/noservice-success")}));
    QCOMPARE(model.rowCount(), static_cast<int>(session.report().findings.size()));
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::FindingsModelTest)
#include "findings_model_test.moc"
