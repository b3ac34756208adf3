// Tests of load_job.h and the library's Analyzer: loading a machine's logs the viewer's
// way gives the analysis analyzeFiles gives, and the index covers every record.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "ccmlog/error_codes.h"
#include "ccmlog/knowledge.h"
#include "ccmlog/log_files.h"
#include "ccmlog/piece_reader.h"
#include "loading/load_job.h"
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
  std::string s =
      std::string(toString(r.timeline.outcome.status)) +
      " exit=" + (r.timeline.outcome.exitCode ? std::to_string(*r.timeline.outcome.exitCode) : "-") +
      " error=" + (r.timeline.outcome.errorCode ? formatErrorCode(*r.timeline.outcome.errorCode) : "-") +
      "\n";
  for (const Run& run : r.timeline.runs) {
    s += "run pid=" + (run.pid ? std::to_string(*run.pid) : "-") + " user=" + run.user +
         " service=" + std::to_string(run.service) + " " + describe(run.start) + "-" + describe(run.end) +
         " events=" + std::to_string(run.events.size()) + "\n";
  }
  for (const Phase& p : r.timeline.phases) {
    s += "phase " + std::string(toString(p.kind)) + " " + std::string(toString(p.state)) + " " +
         describe(p.start) + "-" + describe(p.end) + "\n";
  }
  for (const Finding& f : r.findings) {
    s += "finding " + f.rule + ": " + f.title + "\n  " + f.explanation + "\n";
    for (const Evidence& e : f.evidence) s += "  " + describe(e.where) + " " + e.text + "\n";
  }
  return s;
}

std::string describe(const IndexEntry& e) {
  return std::to_string(e.file) + ":" + std::to_string(e.line) + " @" + std::to_string(e.offset) + "+" +
         std::to_string(e.length) + " t=" + std::to_string(e.localTicks) + " b=" + std::to_string(e.bias) +
         " c=" + std::to_string(static_cast<unsigned>(e.component)) +
         " th=" + std::to_string(static_cast<unsigned>(e.thread)) + " bits=" + std::to_string(e.bits);
}

// Everything a load delivered and left in its state, one line each: the
// entries, the names in id order, the formats, the files and the final report.
std::vector<std::string> everything(const Collect& sink, const LoadState& state) {
  std::vector<std::string> lines;
  std::string components = "components", threads = "threads", formats = "formats";
  for (const LoadBatch& b : sink.batches) {
    for (const IndexEntry& e : b.entries) lines.push_back(describe(e));
    for (const std::string& name : b.components) components += " " + name;
    for (const std::string& name : b.threads) threads += " " + name;
    for (const FileFormat& f : b.formats) {
      formats += " " + std::to_string(value(f.file)) + "=" + std::string(toString(f.format)) + "/" +
                 std::string(toString(f.encoding));
    }
    for (const std::string& error : b.errors) lines.push_back("error " + error);
  }
  lines.push_back(components);
  lines.push_back(threads);
  lines.push_back(formats);
  for (const LoadedFile& f : state.files) {
    lines.push_back("file " + f.report.path.string() + " " + std::string(toString(f.report.format)) + "/" +
                    std::string(toString(f.report.encoding)) + " bytes=" + std::to_string(f.report.bytes) +
                    " records=" + std::to_string(f.report.records) +
                    " unparsed=" + std::to_string(f.report.unparsed) +
                    " end=" + std::to_string(value(f.end)) + " next=" + std::to_string(value(f.nextLine)));
  }
  lines.push_back(describe(*sink.batches.back().report));
  return lines;
}

// QCOMPARE of two such lists, showing the first line that differs.
bool sameLines(const std::vector<std::string>& got, const std::vector<std::string>& expected) {
  for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
    if (got[i] != expected[i]) {
      qWarning("line %zu differs:\n  got      %s\n  expected %s", i, got[i].c_str(), expected[i].c_str());
      return false;
    }
  }
  if (got.size() != expected.size()) qWarning("%zu lines, expected %zu", got.size(), expected.size());
  return got.size() == expected.size();
}

// A CMTrace log of `records` records in many components and threads (names
// first seen deep in the file), with a stray line and a record cut short.
std::string manyNamesLog(int records) {
  std::string log = "\xEF\xBB\xBF";
  for (int i = 0; i < records; ++i) {
    std::string line = test::cmtrace("ccmsetup started in process " + std::to_string(i), "09:41:07.449+300",
                                     i % 5 == 0 ? "3" : "1", std::to_string(i * 7 % 23));
    const auto component = line.find("component=\"ccmsetup\"");
    line.replace(component, 20, "component=\"part" + std::to_string(i * 11 % 19) + "\"");
    log += line;
    if (i % 17 == 3) log += "a stray line\r\n";
    if (i % 29 == 5) log += "<![LOG[cut short\r\n";
  }
  return log;
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

  void piecesLoadAsOnePass_data() {
    QTest::addColumn<QStringList>("inputs");
    const QDir machines(test::testdata("machines"));
    for (const QString& name : machines.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
      QTest::newRow(qPrintable(name)) << QStringList{machines.filePath(name)};
    }
    QTest::newRow("many names, and a machine after it")
        << QStringList{QStringLiteral("many-names"), test::testdata("machines/service-context-2009")};
  }

  // Cut into pieces of a few hundred bytes, read on 1 to 3 threads: every
  // entry, name, format, file count and the report are those of one pass.
  void piecesLoadAsOnePass() {
    QFETCH(QStringList, inputs);
    QTemporaryDir dir;
    std::vector<std::filesystem::path> paths;
    for (const QString& input : inputs) {
      if (input == QStringLiteral("many-names")) {
        paths.push_back(dir.filePath(QStringLiteral("ccmsetup.log")).toStdString());
        test::writeFile(paths.back(), manyNamesLog(400));
      } else {
        const auto files = machineLogFiles({input.toStdString()});
        QVERIFY(files);
        paths.insert(paths.end(), files->begin(), files->end());
      }
    }
    constexpr std::uint64_t kPieceBytes = 600;
    if (inputs.contains(QStringLiteral("many-names"))) QVERIFY(planPieces(paths[0], {}, kPieceBytes));
    LoadState onePassState;
    Collect onePass;
    runLoad(wholeFiles(paths), onePassState, onePass, LoadOptions{.pieceBytes = 0});
    const auto expected = everything(onePass, onePassState);
    for (const unsigned threads : {1u, 2u, 3u}) {
      LoadState state;
      Collect sink;
      runLoad(wholeFiles(paths), state, sink, LoadOptions{.pieceBytes = kPieceBytes, .threads = threads});
      QVERIFY2(sameLines(everything(sink, state), expected), qPrintable(QString::number(threads)));
      QVERIFY(sink.batches.back().last);
      QVERIFY(!sink.batches.back().cancelled);
    }
  }

  // Follow mode after a load in pieces: the new records continue the lines, names and offsets.
  void aFileReadInPiecesCanBeContinued() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    const std::string bytes = manyNamesLog(300);
    const std::size_t cut = bytes.find("<![LOG[ccmsetup started in process 250]");
    test::writeFile(log, std::string_view(bytes).substr(0, cut));
    const LoadOptions pieces{.pieceBytes = 500, .threads = 2};
    QVERIFY(planPieces(log, {}, pieces.pieceBytes));
    LoadState state;
    Collect first;
    runLoad(wholeFiles({log}), state, first, pieces);
    QCOMPARE(describe(*first.batches.back().report), describe(*analyzeFiles({log})));
    const LoadedFile& file = state.files[0];
    QCOMPARE(value(file.end), cut);

    test::writeFile(log, std::string_view(bytes).substr(cut), true);
    Collect next;
    runLoad(
        std::vector<LoadSegment>{{FileIndex{0}, log, file.end, file.nextLine,
                                  ReaderOptions{file.report.format, file.report.encoding}, FileRole::Setup}},
        state, next, pieces);
    QCOMPARE(describe(*next.batches.back().report), describe(*analyzeFiles({log})));

    LoadState onePassState;
    Collect onePass;
    runLoad(wholeFiles({log}), onePassState, onePass, LoadOptions{.pieceBytes = 0});
    std::vector<std::string> expected, got;
    for (const LoadBatch& b : onePass.batches) {
      for (const IndexEntry& e : b.entries) {
        if (e.offset >= cut) expected.push_back(describe(e));
      }
    }
    for (const LoadBatch& b : next.batches) {
      for (const IndexEntry& e : b.entries) got.push_back(describe(e));
    }
    QVERIFY(!got.empty());
    QVERIFY(sameLines(got, expected));
  }

  void cancelStopsAReadInPieces() {
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    test::writeFile(log, manyNamesLog(2000));
    // Cancels when asked the third time: before the file, after the first piece, after the second.
    class CancelOnThirdAsk : public Collect {
     public:
      bool cancelled() const override { return ++asked_ >= 3; }

     private:
      mutable int asked_ = 0;
    } sink;
    LoadState state;
    runLoad(wholeFiles({log}), state, sink, LoadOptions{.pieceBytes = 300, .threads = 2});
    QVERIFY(sink.batches.back().last);
    QVERIFY(sink.batches.back().cancelled);
    QVERIFY(sink.batches.back().report);
    QVERIFY(sink.entries() > 0);
    QVERIFY(sink.entries() < 2000);
    QCOMPARE(state.files[0].report.records, sink.entries());
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
    QCOMPARE(first.batches.back().report->timeline.runs.size(), 1u);

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

  void aLogAtTheCalendarsEdgeLoads() {
    LoadState state;
    Collect sink;
    runLoad(wholeFiles({test::testdata("formats/cmtrace-calendar-edges.log").toStdString()}), state, sink);
    QVERIFY(sink.batches.back().last);
    QVERIFY(sink.batches.back().errors.empty());
    QVERIFY(sink.batches.back().report);
    QVERIFY(sink.batches.back().report->timeline.outcome.status == OutcomeStatus::Failed);
    std::size_t entries = 0;
    for (const LoadBatch& b : sink.batches) entries += b.entries.size();
    QCOMPARE(entries, 4u);
  }

  // A user's knowledge reaches every way a file is read: in one pass, in
  // pieces, and again from the disk when a followed file goes on.
  void theKnowledgeGivenReadsEveryWay() {
    const auto contoso = readKnowledgeFile(test::testdata("knowledge/contoso.toml").toStdString());
    QVERIFY(contoso);
    const auto knowledge = Knowledge::extended(*contoso);
    QVERIFY(knowledge);
    QTemporaryDir dir;
    const std::filesystem::path log = dir.filePath(QStringLiteral("ccmsetup.log")).toStdString();
    const std::string blocked =
        test::cmtrace("Failed to launch file 'C:\\Windows\\ccmsetup\\vcredist_x64.exe'. Error 0x800704ec",
                      "09:41:08.449+300", "3");
    // The blocked line in the middle, and one byte-order mark.
    const std::string bytes = manyNamesLog(150) + blocked + manyNamesLog(150).substr(3);
    test::writeFile(log, bytes);
    AnalysisOptions library;
    library.diagnosis.knowledge = *knowledge;
    const auto expected = analyzeFiles({log}, library);
    QVERIFY(expected);
    const auto blames = [](const Report& r) {
      return std::any_of(r.findings.begin(), r.findings.end(),
                         [](const Finding& f) { return f.rule == "applocker-blocked"; });
    };
    QVERIFY(blames(*expected));

    const LoadOptions onePass{.pieceBytes = 0, .knowledge = *knowledge};
    const LoadOptions pieces{.pieceBytes = 500, .threads = 2, .knowledge = *knowledge};
    QVERIFY(planPieces(log, {}, pieces.pieceBytes));
    for (const LoadOptions& options : {onePass, pieces, LoadOptions{.pieceBytes = 0}}) {
      test::writeFile(log, bytes);
      LoadState state;
      Collect sink;
      runLoad(wholeFiles({log}), state, sink, options);
      const Report& report = *sink.batches.back().report;
      QCOMPARE(blames(report), options.knowledge != nullptr);
      if (options.knowledge) QCOMPARE(describe(report), describe(*expected));

      test::writeFile(log, test::cmtrace("ccmsetup is exiting with return code 1"), true);
      Collect next;
      const LoadedFile& file = state.files[0];
      runLoad(std::vector<LoadSegment>{{FileIndex{0}, log, file.end, file.nextLine,
                                        ReaderOptions{file.report.format, file.report.encoding},
                                        FileRole::Setup}},
              state, next, options);
      QCOMPARE(blames(*next.batches.back().report), options.knowledge != nullptr);
    }
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
