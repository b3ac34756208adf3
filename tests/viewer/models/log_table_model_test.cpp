// Tests of log_table_model.h: rows over the index, tinted, filtered, merged.
#include "models/log_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ccmlog/record_reader.h"
#include "models/qt_convert.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

const QString kServiceContext = test::testdata("machines/service-context-2009");

int rowOfLine(const LogTableModel& model, int line) {
  for (int row = 0; row < model.rowCount(); ++row) {
    if (model.index(row, LogTableModel::LineColumn).data().toInt() == line) return row;
  }
  return -1;
}

QString text(const LogTableModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

bool waitForFilter(const LogTableModel& model) {
  return test::waitUntil([&] { return !model.filtering(); });
}

}  // namespace

class LogTableModelTest : public QObject {
  Q_OBJECT

 private slots:
  void rowsAreTheRecords() {
    LogSession session;
    LogTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::load(session, {kServiceContext}));
    QCOMPARE(model.rowCount(), 79);
    QCOMPARE(model.columnCount(), static_cast<int>(LogTableModel::ColumnCount));

    const int failed = rowOfLine(model, 57);
    QVERIFY(failed >= 0);
    QCOMPARE(
        text(model, failed, LogTableModel::TextColumn),
        QStringLiteral(
            "Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error 0x80070005"));
    QCOMPARE(text(model, failed, LogTableModel::ComponentColumn), QStringLiteral("ccmsetup"));
    QCOMPARE(text(model, failed, LogTableModel::TimeColumn), QStringLiteral("2023-01-17 09:41:11.572"));
    QCOMPARE(text(model, failed, LogTableModel::ThreadColumn), QStringLiteral("5284 (0x14A4)"));
    QCOMPARE(text(model, failed, LogTableModel::FileColumn), QStringLiteral("ccmsetup.log"));
    QCOMPARE(model.index(failed, 0).data(Qt::BackgroundRole).value<QColor>(), QColor(0xff, 0xd6, 0xd6));
    QCOMPARE(model.index(failed, 0).data(LogTableModel::EvidenceRole).toInt(),
             static_cast<int>(FindingSeverity::Error));
    QVERIFY(model.index(failed, LogTableModel::LineColumn).data(Qt::DecorationRole).isValid());

    const int verbose = rowOfLine(model, 16);  // "File download 44% complete", type 0
    QCOMPARE(model.index(verbose, 1).data(Qt::ForegroundRole).value<QColor>(), QColor(0x80, 0x80, 0x80));
    QVERIFY(!model.index(verbose, 1).data(Qt::BackgroundRole).isValid());

    model.setTimeMode(TimeMode::Utc);
    QCOMPARE(text(model, failed, LogTableModel::TimeColumn), QStringLiteral("2023-01-17 14:41:11.572Z"));
    QCOMPARE(model.headerData(LogTableModel::TimeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Date/Time (UTC)"));
  }

  void multiLineMessagesShowTheirFirstLine() {
    LogSession session;
    LogTableModel model(session);
    QVERIFY(test::load(session, {test::testdata("formats/cmtrace-utf8bom-crlf.log")}));
    bool sawMore = false;
    for (int row = 0; row < model.rowCount(); ++row) {
      const QString shown = text(model, row, LogTableModel::TextColumn);
      const QString whole = model.index(row, 0).data(LogTableModel::MessageRole).toString();
      QVERIFY(!shown.contains(QLatin1Char('\n')));
      if (whole.contains(QLatin1Char('\n'))) {
        sawMore = true;
        QVERIFY(shown.endsWith(QStringLiteral(" …")));
      }
    }
    QVERIFY(sawMore);
  }

  void filtersNarrowRows() {
    LogSession session;
    LogTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::load(session, {kServiceContext}));
    const int all = model.rowCount();

    RowFilter errors;
    errors.severities = {false, false, false, true};
    model.setFilter(errors);
    QCOMPARE(model.rowCount(), 8);  // seven access failures and the benign WMI 0x8004100e line
    for (int row = 0; row < model.rowCount(); ++row) {
      QCOMPARE(model.index(row, 0).data(LogTableModel::SeverityRole).toInt(),
               static_cast<int>(Severity::Error));
    }

    RowFilter retry;
    retry.text = std::make_shared<const TextMatcher>(*TextMatcher::compile("NEXT RETRY", false));
    model.setFilter(retry);
    QVERIFY(waitForFilter(model));
    QCOMPARE(model.rowCount(), 6);  // after each failure but the last
    QVERIFY(
        text(model, 0, LogTableModel::TextColumn).startsWith(QStringLiteral("Next retry in 10 minute(s)")));

    RowFilter regex;
    regex.text = std::make_shared<const TextMatcher>(*TextMatcher::compile(R"(Error 0x8007\d{4}$)", true));
    regex.from = makeTimestamp(2023, 1, 17, 10, 0, 0, 0);
    model.setFilter(regex);
    QVERIFY(waitForFilter(model));
    QCOMPARE(model.rowCount(), 5);  // the failures at 10:01, 10:11, 10:21, 10:31 and 10:41
    QVERIFY(!TextMatcher::compile("(unclosed", true));

    model.setFilter({});
    QCOMPARE(model.rowCount(), all);
    QCOMPARE(model.rowOf(EntryId{10}), std::optional<int>(10));
  }

  void severalFilesMergeByTime() {
    LogSession session;
    LogTableModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::load(session, {test::testdata("machines/msi-1603")}));
    QCOMPARE(session.index().fileCount(), 2u);
    QSet<QString> files;
    // Each file's lines in their order; across files, by the latest time each file has reached
    // (client.msi.log ends with lines stamped to the second, earlier than those before them).
    std::vector<std::uint32_t> lastLine(2, 0);
    std::vector<std::int64_t> reached(2, IndexEntry::kNoTime);
    std::int64_t last = IndexEntry::kNoTime;
    for (int row = 0; row < model.rowCount(); ++row) {
      files.insert(text(model, row, LogTableModel::FileColumn));
      const IndexEntry& e = session.index()[model.entryAt(row)];
      QVERIFY2(e.line > lastLine[e.file],
               qPrintable(QStringLiteral("row %1 is out of its file's order").arg(row)));
      lastLine[e.file] = e.line;
      reached[e.file] = std::max(reached[e.file], e.localTicks);
      QVERIFY2(reached[e.file] >= last, qPrintable(QStringLiteral("row %1 is out of time order").arg(row)));
      last = reached[e.file];
    }
    QCOMPARE(files, (QSet<QString>{QStringLiteral("ccmsetup.log"), QStringLiteral("client.msi.log")}));
    std::uint64_t records = 0;
    for (const auto& f : session.report().files) records += f.records;
    QCOMPARE(static_cast<std::uint64_t>(model.rowCount()), records);

    RowFilter msiOnly;
    msiOnly.file = FileIndex{1};
    model.setFilter(msiOnly);
    for (int row = 0; row < model.rowCount(); ++row) {
      QCOMPARE(text(model, row, LogTableModel::FileColumn), QStringLiteral("client.msi.log"));
    }
  }

  // A line stamped earlier than the one before it (to the second, or after a
  // clock change) stays where its file put it.
  void aFileKeepsItsOrderWhenItsTimeGoesBack() {
    QTemporaryDir dir;
    test::writeFile(toPath(dir.filePath(QStringLiteral("a.log"))),
                    test::cmtrace("a1", "10:00:00.500+300") + test::cmtrace("a2", "10:00:00.000+300"));
    test::writeFile(toPath(dir.filePath(QStringLiteral("b.log"))), test::cmtrace("b1", "10:00:00.200+300"));
    LogSession session;
    LogTableModel model(session);
    QVERIFY(
        test::load(session, {dir.filePath(QStringLiteral("a.log")), dir.filePath(QStringLiteral("b.log"))}));
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row) order << text(model, row, LogTableModel::TextColumn);
    QCOMPARE(order, (QStringList{QStringLiteral("b1"), QStringLiteral("a1"), QStringLiteral("a2")}));
  }

  void copiesRowsAsCmtraceDoes() {
    LogSession session;
    LogTableModel model(session);
    QVERIFY(test::load(session, {kServiceContext}));
    const QString copied = model.copyText({0, rowOfLine(model, 57)});
    QCOMPARE(copied, QStringLiteral(
                         "==========[ ccmsetup started in process 7344 ]==========\tccmsetup\t01/17/2023 "
                         "09:41:07.449\t7348 (0x1CB4)\r\n"
                         "Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error "
                         "0x80070005\tccmsetup\t01/17/2023 09:41:11.572\t5284 (0x14A4)\r\n"));
    // The library reads it back as CMTrace's copied format, times included.
    RecordReader reader;
    const std::string bytes = copied.toStdString();
    reader.feed(bytes);
    reader.finish();
    Record r;
    QVERIFY(reader.next(r));
    QVERIFY(r.kind == RecordKind::Copied);
    QCOMPARE(formatIso(*r.local), std::string("2023-01-17T09:41:07.449"));
  }

  // A highlight colours the row; a highlighted error keeps its tint in the Line cell.
  void highlightRulesColourRows() {
    LogSession session;
    LogTableModel model(session);
    QVERIFY(test::load(session, {kServiceContext}));
    const auto rule = [](const char* text) {
      return HighlightRule{std::make_shared<const TextMatcher>(*TextMatcher::compile(text, false)), 0x00ff00};
    };
    model.setHighlights({rule("download complete"), rule("Failed to access")});
    const int row = rowOfLine(model, 19);
    QCOMPARE(model.index(row, 0).data(Qt::BackgroundRole).value<QColor>(), QColor(0, 0xff, 0));
    const int failed = rowOfLine(model, 57);
    QCOMPARE(model.index(failed, LogTableModel::LineColumn).data(Qt::BackgroundRole).value<QColor>(),
             QColor(0xff, 0xd6, 0xd6));
    QCOMPARE(model.index(failed, LogTableModel::TextColumn).data(Qt::BackgroundRole).value<QColor>(),
             QColor(0, 0xff, 0));
  }
};

}  // namespace ccmlog::viewer

QTEST_MAIN(ccmlog::viewer::LogTableModelTest)
#include "log_table_model_test.moc"
