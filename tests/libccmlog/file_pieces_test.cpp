// Reading a log in pieces gives the report one pass gives: on every test log
// and machine, cut as finely as the logs allow, with the pieces read out of order.
#include "file_pieces.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/json.h"
#include "ccmlog/log_files.h"
#include "ccmlog/piece_reader.h"
#include "ccmlog/record_reader.h"
#include "test_support.h"

namespace ccmlog {
namespace {

using detail::pieceCut;

// Reads every piece first, last to first (as threads might), then lays them in order.
PieceRunner outOfOrder(size_t* pieces) {
  return [pieces](size_t count, const auto& work, const auto& take) {
    std::vector<PieceResult> results(count);
    for (size_t i = count; i-- > 0;) results[i] = work(i);
    for (size_t i = 0; i < count; ++i) take(i, results[i]);
    *pieces += count;
  };
}

std::string onePass(const std::vector<std::filesystem::path>& inputs) {
  const auto report = analyzeFiles(inputs);
  return report ? reportToJson(*report) : report.error().message;
}

std::string inPieces(const std::vector<std::filesystem::path>& inputs, std::uint64_t pieceBytes,
                     size_t* pieces) {
  AnalysisOptions options;
  options.runPieces = outOfOrder(pieces);
  options.pieceBytes = pieceBytes;
  const auto report = analyzeFiles(inputs, options);
  return report ? reportToJson(*report) : report.error().message;
}

TEST(FilePieces, ACutIsAnOpenerAtALineStartAfterATerminatorLine) {
  const std::string record = test::cmtrace("one");  // CRLF
  EXPECT_EQ(pieceCut("x\r\n" + record + record), 3 + record.size());
  EXPECT_EQ(pieceCut("x\n]LOG]!><time=\"1\">\n<![LOG[two"), 20u);
  // Not after a line without a terminator (the opener may belong to a record cut short).
  EXPECT_EQ(pieceCut("x\n<![LOG[broken\n<![LOG[two"), std::string_view::npos);
  // Not where the line before may have begun before the window.
  EXPECT_EQ(pieceCut(record + "<![LOG[two"), std::string_view::npos);
  // Not an opener in the middle of a line.
  EXPECT_EQ(pieceCut("x\n]LOG]!><time=\"1\"> <![LOG[two"), std::string_view::npos);
}

TEST(FilePieces, EveryTestLogReadInPiecesGivesTheReportOfOnePass) {
  size_t pieces = 0;
  for (const auto& path : test::testdataFiles()) {
    const std::string expected = onePass({path});
    for (const std::uint64_t pieceBytes : {300u, 1000u, 4096u}) {
      EXPECT_EQ(inPieces({path}, pieceBytes, &pieces), expected) << path << " in pieces of " << pieceBytes;
    }
  }
  EXPECT_GT(pieces, 500u);  // the logs were really cut
}

TEST(FilePieces, EveryMachineReadInPiecesGivesTheReportOfOnePass) {
  size_t pieces = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CCMLOG_TESTDATA_DIR "/machines")) {
    if (entry.is_directory()) {
      EXPECT_EQ(inPieces({entry.path()}, 500, &pieces), onePass({entry.path()})) << entry.path();
    }
  }
  EXPECT_GT(pieces, 100u);
}

TEST(FilePieces, RecordsCutShortAndStrayLinesReadAsInOnePass) {
  std::string log;
  for (int i = 0; i < 50; ++i) {
    log += test::cmtrace("ccmsetup started in process " + std::to_string(i));
    log += "<![LOG[Running as user \"SYSTEM\"\r\ncut short by a crash\r\n";  // no terminator
    log += test::cmtrace("CcmSetup is exiting with return code 0").substr(0, 60) + "\r\n";
    log += "]LOG]!><time=\"11:16:10.123+300\" date=\"03-04-2009\"> trailing words\r\n";
  }
  const auto path =
      std::filesystem::temp_directory_path() / ("ccmlog-pieces-" + std::to_string(::getpid()) + ".log");
  { std::ofstream(path, std::ios::binary) << log; }
  const std::string expected = onePass({path});
  size_t pieces = 0;
  for (const std::uint64_t pieceBytes : {100u, 333u, 1000u}) {
    EXPECT_EQ(inPieces({path}, pieceBytes, &pieces), expected) << "pieces of " << pieceBytes;
  }
  EXPECT_GT(pieces, 20u);
  std::filesystem::remove(path);
}

// A record as text, its line and span moved by `line` and `offset` (a piece's, to the file's).
std::string describe(const Record& r, std::uint64_t line = 1, std::uint64_t offset = 0) {
  return std::to_string(value(r.line) + line - 1) + "+" + std::to_string(r.lines) + " @" +
         std::to_string(value(r.span.offset) + offset) + "+" + std::to_string(r.span.length) + " " +
         std::string(toString(r.kind)) + " " + std::string(r.component) + "/" + std::string(r.thread) + " " +
         std::string(r.message);
}

TEST(FilePieces, APiecesRecordsInTurnAreTheRecordsOfOnePass) {
  size_t cut = 0;
  for (const auto& path : test::testdataFiles()) {
    const auto plan = planPieces(path, {}, 400);
    if (!plan) continue;
    ++cut;
    std::vector<std::string> expected, got;
    ASSERT_TRUE(readFile(path, [&](const Record& r) { expected.push_back(describe(r)); }));
    std::uint64_t firstLine = 1, bytes = 0, records = 0;
    for (size_t i = 0; i < plan->starts.size(); ++i) {
      const PieceResult piece = readPiece(path, *plan, i, FileIndex{0}, [&](const Record& r) {
        got.push_back(describe(r, firstLine, plan->starts[i]));
      });
      EXPECT_FALSE(piece.error());
      firstLine += value(piece.nextLine()) - 1;
      bytes += piece.stats().bytes;
      records += piece.stats().records;
    }
    EXPECT_EQ(got, expected) << path;
    EXPECT_EQ(records, expected.size()) << path;
    EXPECT_EQ(bytes, std::filesystem::file_size(path)) << path;
  }
  EXPECT_GT(cut, 5u);
}

TEST(FilePieces, APieceThatCannotBeReadSaysWhy) {
  const auto path =
      std::filesystem::temp_directory_path() / ("ccmlog-gone-" + std::to_string(::getpid()) + ".log");
  std::string log;
  for (int i = 0; i < 20; ++i) log += test::cmtrace("record " + std::to_string(i));
  { std::ofstream(path, std::ios::binary) << log; }
  const auto plan = planPieces(path, {}, 300);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->encoding, Encoding::Utf8);
  std::filesystem::remove(path);
  const PieceResult piece = readPiece(path, *plan, 1, FileIndex{0});
  ASSERT_TRUE(piece.error());
  EXPECT_NE(piece.error()->find("No such file"), std::string::npos) << *piece.error();
}

TEST(FilePieces, OnlyUtf8CmtraceLogsOfTwoPiecesAreCut) {
  const auto plan = [](const char* name, std::uint64_t pieceBytes) {
    return planPieces(std::filesystem::path(CCMLOG_TESTDATA_DIR) / "formats" / name, {}, pieceBytes);
  };
  EXPECT_TRUE(plan("cmtrace-utf8bom-crlf.log", 200));
  EXPECT_FALSE(plan("cmtrace-utf8bom-crlf.log", 1 << 20));  // too small to share
  EXPECT_FALSE(plan("cmtrace-utf16le.log", 200));
  EXPECT_FALSE(plan("sms-ccm.log", 200));
  EXPECT_FALSE(plan("no-such.log", 200));
}

// The path of the test machine's ccmsetup.log, a log of many pieces of 400 bytes.
std::filesystem::path ccmsetupLog() {
  return std::filesystem::path(CCMLOG_TESTDATA_DIR) / "machines" / "retry-loop-recovers" / "ccmsetup.log";
}

// The report of `path` read in pieces of 400 bytes in order on this thread, with `pool` if given.
std::string readInOrder(const std::filesystem::path& path, PiecePool* pool) {
  const auto plan = planPieces(path, {}, 400);
  if (!plan) return "no plan";
  Analyzer analyzer;
  analyzer.beginFile(FileIndex{0}, roleOf(path));
  LineNumber firstLine{1};
  for (size_t i = 0; i < plan->starts.size(); ++i) {
    PieceResult piece = readPiece(path, *plan, i, FileIndex{0}, {}, nullptr, pool);
    analyzer.add(piece, firstLine);
    firstLine = LineNumber{value(firstLine) + value(piece.nextLine()) - 1};
  }
  return reportToJson(std::move(analyzer).finish({}));
}

TEST(PiecePool, APieceGivesItsMemoryBackForTheNextToFill) {
  const auto path = ccmsetupLog();
  const auto plan = planPieces(path, {}, 400);
  ASSERT_TRUE(plan);
  ASSERT_GE(plan->starts.size(), 3u);
  PiecePool pool;
  const PieceData* first = nullptr;
  {
    PieceResult piece = readPiece(path, *plan, 0, FileIndex{0}, {}, nullptr, &pool);
    first = &PieceAccess::data(piece);
  }
  PieceResult again = readPiece(path, *plan, 2, FileIndex{0}, {}, nullptr, &pool);
  EXPECT_EQ(&PieceAccess::data(again), first);
  const PieceResult alone = readPiece(path, *plan, 2, FileIndex{0});
  EXPECT_EQ(again.stats().records, alone.stats().records);
  EXPECT_EQ(again.stats().bytes, alone.stats().bytes);
  EXPECT_EQ(value(again.nextLine()), value(alone.nextLine()));
  EXPECT_EQ(readInOrder(path, &pool), readInOrder(path, nullptr));
}

TEST(PiecePool, PiecesMayOutliveTheirPool) {
  const auto path = ccmsetupLog();
  const auto plan = planPieces(path, {}, 400);
  ASSERT_TRUE(plan);
  std::vector<PieceResult> pieces;
  {
    PiecePool pool;
    for (size_t i = 0; i < plan->starts.size(); ++i)
      pieces.push_back(readPiece(path, *plan, i, FileIndex{0}, {}, nullptr, &pool));
    pieces.resize(pieces.size() / 2);  // half go back to the pool
  }
  for (const PieceResult& piece : pieces) EXPECT_FALSE(piece.error());
  pieces.clear();  // the rest go back to a pool that only they still hold
}

TEST(PiecePool, ServesSeveralThreadsAtOnce) {
  const auto path = ccmsetupLog();
  const std::string expected = readInOrder(path, nullptr);
  PiecePool pool;
  constexpr size_t kThreads = 4;
  std::vector<std::string> reports(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5 && reports[t].empty(); ++round) {
        const std::string report = readInOrder(path, &pool);
        if (report != expected) reports[t] = report;
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 0; t < kThreads; ++t) EXPECT_EQ(reports[t], "") << "thread " << t;
}

}  // namespace
}  // namespace ccmlog
