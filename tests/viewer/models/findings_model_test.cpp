// Tests of findings_model.h: one row per finding, the headline on top, evidence beneath.
#include <QAbstractItemModelTester>
#include <QTest>

#include "models/findings_model.h"
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
    // The prose is told again in UTC, as the rows are.
    const QString utcProse = model.index(0, 0).data(FindingsModel::ExplanationRole).toString();
    QVERIFY2(utcProse.contains(QStringLiteral("2023-01-17T14:41:11.572Z")), qPrintable(utcProse));
    model.setTimeMode(TimeMode::Local);
    const QString localProse = model.index(0, 0).data(FindingsModel::ExplanationRole).toString();
    QVERIFY2(localProse.contains(QStringLiteral("2023-01-17T09:41:11.572")), qPrintable(localProse));
    QVERIFY(!localProse.contains(QStringLiteral("Z,")));

    QVERIFY(test::load(session, {test::testdata("machines/noservice-success")}));
    QCOMPARE(model.rowCount(), static_cast<int>(session.report().findings.size()));
  }

  void consequencesFollowTheirCauseWithoutARemedy() {
    LogSession session;
    FindingsModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::load(session, {test::testdata("machines/https-certificate-chain")}));
    QVERIFY(model.rowCount() >= 2);
    const QModelIndex cause = model.index(0, 0);
    QCOMPARE(cause.data(FindingsModel::CausedByRole).toString(), QString());
    QVERIFY(cause.data().toString().contains(QStringLiteral("certificate")));
    QVERIFY(!cause.data(FindingsModel::RemedyRole).toString().isEmpty());
    for (int row = 1; row < model.rowCount(); ++row) {
      const QModelIndex consequence = model.index(row, 0);
      QCOMPARE(consequence.data(FindingsModel::CausedByRole).toString(),
               QStringLiteral("client-certificate-missing"));
      QVERIFY(consequence.data().toString().startsWith(QStringLiteral("↳ ")));
      QCOMPARE(consequence.data(FindingsModel::RemedyRole).toString(), QString());
      QVERIFY(consequence.data(FindingsModel::DetailRole)
                  .toString()
                  .contains(QStringLiteral("client-certificate-missing")));
    }
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::FindingsModelTest)
#include "findings_model_test.moc"
