// Tests of log_index.h: the compact entry and lookups by line.
#include <QTest>

#include "models/log_index.h"

namespace ccmlog::viewer {

class LogIndexTest : public QObject {
  Q_OBJECT

 private slots:
  void entryKeepsWhatTheRecordSays() {
    Record r;
    r.kind = RecordKind::Orphan;
    r.severity = Severity::Warning;
    r.line = LineNumber{1234567};
    r.span = ByteSpan{ByteOffset{5'000'000'000}, 321};
    r.local = Timestamp{638'000'000'000'000'000};
    r.bias = -330;
    const IndexEntry e = IndexEntry::from(r, FileIndex{3}, NameId{7}, NameId{9});
    QVERIFY(e.kind() == RecordKind::Orphan);
    QVERIFY(e.severity() == Severity::Warning);
    QCOMPARE(value(e.firstLine()), 1234567u);
    QCOMPARE(e.span(), r.span);
    QCOMPARE(e.local()->ticks, r.local->ticks);
    QCOMPARE(*e.utcBias(), -330);
    QCOMPARE(e.utc()->ticks, addMinutes(*r.local, -330)->ticks);
    QCOMPARE(value(e.fileIndex()), 3u);
    QCOMPARE(static_cast<int>(e.component), 7);
    QCOMPARE(static_cast<int>(e.thread), 9);
  }

  void entryWithoutTimeOrBias() {
    const IndexEntry e = IndexEntry::from(Record{}, FileIndex{0}, NameId{}, NameId{});
    QVERIFY(!e.local());
    QVERIFY(!e.utcBias());
    QVERIFY(!e.utc());
  }

  void internerGivesEachNameOneId() {
    Interner interner;
    std::vector<std::string> added;
    const NameId a = interner.intern("ccmsetup", added);
    const NameId b = interner.intern("FSPStateMessage", added);
    QCOMPARE(interner.intern("ccmsetup", added), a);
    QVERIFY(a != b);
    QCOMPARE(added, (std::vector<std::string>{"ccmsetup", "FSPStateMessage"}));
  }

  void findsTheRecordHoldingALine() {
    LogIndex index;
    index.addFile({"a.log", "a.log", Format::CMTrace, Encoding::Utf8, FileRole::Setup});
    index.addFile({"b.log", "b.log", Format::CMTrace, Encoding::Utf8, FileRole::Auxiliary});
    std::vector<IndexEntry> entries;
    for (std::uint32_t line : {1u, 2u, 5u, 9u}) {  // record at 2 spans lines 2-4
      IndexEntry e;
      e.line = line;
      entries.push_back(e);
    }
    IndexEntry other;
    other.file = 1;
    entries.push_back(other);
    index.append(entries);
    QCOMPARE(index.size(), 5u);
    QCOMPARE(value(*index.find(FileIndex{0}, LineNumber{5})), 2u);
    QCOMPARE(value(*index.find(FileIndex{0}, LineNumber{3})), 1u);
    QCOMPARE(value(*index.find(FileIndex{0}, LineNumber{100})), 3u);
    QCOMPARE(value(*index.find(FileIndex{1}, LineNumber{1})), 4u);
    QVERIFY(!index.find(FileIndex{7}, LineNumber{1}));

    // Entries of a file that come after another file's (following) are found too.
    IndexEntry later;
    later.line = 12;
    index.append({&later, 1});
    QCOMPARE(value(*index.find(FileIndex{0}, LineNumber{12})), 5u);
    index.removeLast(2);
    QCOMPARE(index.size(), 4u);
    QCOMPARE(value(*index.find(FileIndex{0}, LineNumber{12})), 3u);
    QVERIFY(!index.find(FileIndex{1}, LineNumber{1}));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::LogIndexTest)
#include "log_index_test.moc"
