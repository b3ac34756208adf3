// Tests of qt_convert.h: times, durations and threads as the viewer shows them.
#include <QTest>

#include "models/qt_convert.h"

namespace ccmlog::viewer {

class QtConvertTest : public QObject {
  Q_OBJECT

 private slots:
  void timesLocalAndUtc() {
    const auto t = makeTimestamp(2023, 1, 17, 9, 41, 7, 4'490'000);
    QCOMPARE(formatTime(t, 300, TimeMode::Local), QStringLiteral("2023-01-17 09:41:07.449"));
    QCOMPARE(formatTime(t, 300, TimeMode::Utc), QStringLiteral("2023-01-17 14:41:07.449Z"));
    QCOMPARE(formatTime(t, std::nullopt, TimeMode::Utc), QStringLiteral("2023-01-17 09:41:07.449 (zone?)"));
    QCOMPARE(formatTime(std::nullopt, 300, TimeMode::Local), QString());
    QCOMPARE(formatClock(*t, 300, TimeMode::Utc), QStringLiteral("14:41:07"));
    QCOMPARE(formatCopiedTime(t), QStringLiteral("01/17/2023 09:41:07.449"));
  }

  void timesWhoseUtcLeavesTheCalendar() {
    const auto last = makeTimestamp(9999, 12, 31, 23, 59, 59, 9'990'000);
    QCOMPARE(formatTime(last, 300, TimeMode::Utc), QStringLiteral("9999-12-31 23:59:59.999 (zone?)"));
    QCOMPARE(formatClock(*last, 300, TimeMode::Utc), QStringLiteral("23:59:59"));
    const auto first = makeTimestamp(1400, 1, 1, 0, 0, 0, 0);
    QCOMPARE(formatTime(first, -300, TimeMode::Utc), QStringLiteral("1400-01-01 00:00:00.000 (zone?)"));
  }

  void durations() {
    QCOMPARE(formatDuration(3'500'000), QStringLiteral("350 ms"));
    QCOMPARE(formatDuration(15'000'000), QStringLiteral("1.500 s"));
    QCOMPARE(formatDuration(36'010'000'000), QStringLiteral("1 h 00 min 01.000 s"));
    QCOMPARE(formatDuration(-15'000'000), QStringLiteral("-1.500 s"));
  }

  void threadsAsCmtraceShowsThem() {
    QCOMPARE(formatThread("7348"), QStringLiteral("7348 (0x1CB4)"));
    QCOMPARE(formatThread("12"), QStringLiteral("12 (0x000C)"));
    QCOMPARE(formatThread("60:70"), QStringLiteral("60:70"));
    QCOMPARE(formatThread(""), QString());
  }

  void parsesFilterTimes() {
    const auto day = makeTimestamp(2023, 1, 17, 0, 0, 0, 0);
    QCOMPARE(parseTime(QStringLiteral("09:45"), day), makeTimestamp(2023, 1, 17, 9, 45, 0, 0));
    QCOMPARE(parseTime(QStringLiteral("2023-01-18 10:00:30.5"), day),
             makeTimestamp(2023, 1, 18, 10, 0, 30, 5'000'000));
    QVERIFY(!parseTime(QStringLiteral("09:45"), std::nullopt));
    QVERIFY(!parseTime(QStringLiteral("soon"), day));
    QVERIFY(!parseTime(QStringLiteral("25:00"), day));
    QVERIFY(!parseTime(QStringLiteral("2023-13-45 10:00"), day));
    QCOMPARE(parseTime(QStringLiteral(" 2023-01-18T7:05:01 "), day), makeTimestamp(2023, 1, 18, 7, 5, 1, 0));
    QVERIFY(!parseTime(QString(100'000, QLatin1Char(' ')) + QStringLiteral("x"), day));  // linear, RE2
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::QtConvertTest)
#include "qt_convert_test.moc"
