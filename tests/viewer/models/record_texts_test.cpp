// Tests of record_texts.h: reading a record back from its span gives the
// message the first reading gave, in every format and encoding we have.
#include <QDirIterator>
#include <QTest>

#include "ccmlog/record_reader.h"
#include "models/record_texts.h"
#include "viewer_test_support.h"

namespace ccmlog::viewer {

class RecordTextsTest : public QObject {
  Q_OBJECT

 private slots:
  void everyTestFileReadsBackTheSame_data() {
    QTest::addColumn<QString>("path");
    QDirIterator it(test::testdata(""), {QStringLiteral("*.log"), QStringLiteral("*.lo_")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString path = it.next();
      QTest::newRow(qPrintable(path.mid(path.indexOf(QStringLiteral("testdata"))))) << path;
    }
  }

  void everyTestFileReadsBackTheSame() {
    QFETCH(QString, path);
    LogIndex index;
    std::vector<std::string> messages;
    std::vector<IndexEntry> entries;
    const auto summary = readFile(path.toStdString(), [&](const Record& r) {
      messages.emplace_back(r.message);
      entries.push_back(IndexEntry::from(r, FileIndex{0}, NameId{}, NameId{}));
    });
    QVERIFY(summary);
    index.addFile({path.toStdString(), "x", summary->format, summary->encoding, FileRole::Setup});
    index.append(entries);

    // One run over the whole file, as a filter scan reads it.
    std::vector<EntryRef> all;
    for (std::uint32_t i = 0; i < index.size(); ++i) all.push_back({EntryId{i}, index[EntryId{i}]});
    std::vector<std::string> again(messages.size());
    readMessages(all, index.files(), [&](std::size_t i, std::string_view m) { again[i] = m; });
    QCOMPARE(again, messages);

    // One record at a time, from the cache, in reverse so that windows start mid-file.
    RecordTexts texts(index, 64);
    for (std::size_t i = messages.size(); i-- > 0;) {
      QCOMPARE(texts.message(EntryId{static_cast<std::uint32_t>(i)}), messages[i]);
    }
  }

  void aMissingFileSaysSo() {
    LogIndex index;
    index.addFile({"/no/such/file.log", "file.log", Format::CMTrace, Encoding::Utf8, FileRole::Setup});
    IndexEntry e;
    e.length = 10;
    index.append({&e, 1});
    RecordTexts texts(index);
    QVERIFY(QString::fromStdString(texts.message(EntryId{0})).contains(QStringLiteral("cannot open")));
  }

  void firstLineStopsAtALineEnd() {
    QCOMPARE(firstLine("one\r\ntwo"), std::string_view("one"));
    QCOMPARE(firstLine("one\ntwo"), std::string_view("one"));
    QCOMPARE(firstLine("one"), std::string_view("one"));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::RecordTextsTest)
#include "record_texts_test.moc"
