// Tests of load_job.h and the library's Analyzer: loading a machine's logs the viewer's
// way gives the analysis analyzeFiles gives, and the index covers every record.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "ccmlog/error_codes.h"
#include "ccmlog/log_files.h"
#include "load_job.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {
namespace {

// Keeps every batch; cancels when told to.
class Collect : public LoadSink {
 public:
  void deliver(LoadBatch batch) override { batches.push_back(std::move(batch)); }
  bool cancelled() const override { return stop; }
  IndexEntry firstEntry() const {
    for (const LoadBatch& b : batches) {
      if (!b.entries.empty()) return b.entries.front();
    }
    return {};
  }
  std::size_t entries() const {
    std::size_t n = 0;
    for (const LoadBatch& b : batches) n += b.entries.size();
    return n;
  }
  std::vector<LoadBatch> batches;
  bool stop = false;
};

std::string describe(const Location& l) {
  return std::to_string(value(l.file)) + ":" + std::to_string(value(l.line));
}

// What must agree between the two analyses, as text (QCOMPARE shows the difference).
std::string describe(const Report& r) {
  std::string s = std::string(toString(r.outcome.status)) +
                  " exit=" + (r.outcome.exitCode ? std::to_string(*r.outcome.exitCode) : "-") +
                  " error=" + (r.outcome.errorCode ? formatErrorCode(*r.outcome.errorCode) : "-") + "\n";
  for (const Run& run : r.runs) {
    s += "run pid=" + (run.pid ? std::to_string(*run.pid) : "-") + " user=" + run.user +
         " service=" + std::to_string(run.service) + " " + describe(run.start) + "-" + describe(run.end) +
         " events=" + std::to_string(run.events.size()) + "\n";
  }
  for (const Phase& p : r.phases) {
    s += "phase " + std::string(toString(p.kind)) + " " + std::string(toString(p.state)) + " " +
         describe(p.start) + "-" + describe(p.end) + "\n";
  }
  for (const Finding& f : r.findings) {
    s += "finding " + f.rule + ": " + f.title + "\n  " + f.explanation + "\n";
    for (const Evidence& e : f.evidence) s += "  " + describe(e.where) + " " + e.text + "\n";
  }
  return s;
}

std::vector<LoadSegment> wholeFiles(const std::vector<std::filesystem::path>& files) {
  std::vector<LoadSegment> segments;
  for (const auto& path : files) {
    segments.push_back({FileIndex{static_cast<std::uint32_t>(segments.size())},
                        path,
                        ByteOffset{0},
                        LineNumber{1},
                        {},
                        roleOf(path)});
  }
  return segments;
}

}  // namespace

class LoadJobTest : public QObject {
  Q_OBJECT

 private slots:
  void sameAnalysisAsTheLibrary_data() {
    QTest::addColumn<QString>("machine");
    const QDir machines(test::testdata("machines"));
    for (const QString& name : machines.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
      QTest::newRow(qPrintable(name)) << machines.filePath(name);
    }
  }

  void sameAnalysisAsTheLibrary() {
    QFETCH(QString, machine);
    const auto expected = analyzeFiles({machine.toStdString()});
    QVERIFY(expected);
    const auto files = machineLogFiles({machine.toStdString()});
    QVERIFY(files);
    LoadState state;
    Collect sink;
    runLoad(wholeFiles(*files), state, sink);
    QVERIFY(sink.batches.back().last);
    QVERIFY(sink.batches.back().report);
    QCOMPARE(describe(*sink.batches.back().report), describe(*expected));
    std::uint64_t records = 0;
    for (const FileReport& f : expected->files) records += f.records;
    QCOMPARE(sink.entries(), records);
  }

  void aContinuedFileIsAnalyzedWhole() {
    const QString source = test::testdata("machines/service-context-2009/ccmsetup.log");
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const qsizetype cut = bytes.indexOf("<![LOG[==========[ ccmsetup started in process 2764");
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, std::string_view(bytes.constData(), static_cast<std::size_t>(cut)));

    LoadState state;
    Collect first;
    runLoad(wholeFiles({log}), state, first);
    QCOMPARE(first.entries(), 22u);
    QCOMPARE(first.batches.back().report->runs.size(), 1u);

    test::writeFile(
        log, std::string_view(bytes.constData() + cut, static_cast<std::size_t>(bytes.size() - cut)), true);
    Collect next;
    const LoadedFile& file = state.files[0];
    runLoad(
        std::vector<LoadSegment>{{FileIndex{0}, log, file.end, file.nextLine,
                                  ReaderOptions{file.report.format, file.report.encoding}, FileRole::Setup}},
        state, next);
    QCOMPARE(next.entries(), 57u);
    QCOMPARE(value(next.firstEntry().firstLine()), 23u);
    QCOMPARE(describe(*next.batches.back().report), describe(*analyzeFiles({log})));
  }

  void aFileThatCannotBeReadIsReported() {
    LoadState state;
    Collect sink;
    runLoad(wholeFiles({"/no/such.log"}), state, sink);
    QCOMPARE(sink.batches.back().errors.size(), 1u);
    QCOMPARE(QString::fromStdString(sink.batches.back().errors[0]),
             QStringLiteral("cannot open '/no/such.log': No such file or directory"));
    QVERIFY(state.files[0].report.error);
    Collect folder;
    runLoad(wholeFiles({test::testdata("machines").toStdString()}), state, folder);
    QVERIFY(QString::fromStdString(folder.batches.back().errors.at(0))
                .endsWith(QStringLiteral("it is a folder")));
  }

  void cancelStopsEarlyWithALastBatch() {
    LoadState state;
    Collect sink;
    sink.stop = true;
    runLoad(wholeFiles({test::testdata("machines/service-context-2009/ccmsetup.log").toStdString()}), state,
            sink);
    QVERIFY(sink.batches.back().last);
    QVERIFY(sink.batches.back().cancelled);
    QVERIFY(sink.batches.back().report);
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::LoadJobTest)
#include "load_job_test.moc"
