// Tests of timeline_scale.h: short runs stay visible next to long ones.
#include "models/timeline_scale.h"

#include <QTest>

namespace ccmlog::viewer {

class TimelineScaleTest : public QObject {
  Q_OBJECT

 private slots:
  void aTwoSecondRunBesideAnHourLongOne() {
    constexpr std::int64_t s = 10'000'000;
    const TimelineScale scale({{0, 2 * s, 0, 0}, {3 * s, 3603 * s, 0, 0}}, 100, 1000, 20);
    QCOMPARE(scale.segments().size(), 2u);
    const auto& a = scale.segments()[0];
    const auto& b = scale.segments()[1];
    QCOMPARE(a.x0, 100.0);
    QVERIFY(a.x1 - a.x0 > 200);  // a quarter of the width, not a sliver
    QCOMPARE(b.x0, a.x1 + 20);
    QVERIFY(qAbs(b.x1 - 1100) < 1e-6);
    QCOMPARE(scale.x(s), (a.x0 + a.x1) / 2);
    QCOMPARE(scale.x(2 * s + s / 2), (a.x1 + b.x0) / 2);  // in the gap
    QCOMPARE(scale.x(-s), a.x0);
    QCOMPARE(scale.x(9999 * s), b.x1);
  }

  void overlappingSpansMerge() {
    const TimelineScale scale({{10, 50, 0, 0}, {0, 20, 0, 0}, {40, 60, 0, 0}}, 0, 100);
    QCOMPARE(scale.segments().size(), 1u);
    QCOMPARE(scale.segments()[0].from, 0);
    QCOMPARE(scale.segments()[0].to, 60);
    QCOMPARE(scale.x(30), 50.0);
  }

  // A break between runs a second apart would sit between two labels reading the same time.
  void runsCloserThanTheMinimumGapShareAStretch() {
    constexpr std::int64_t s = 10'000'000;
    const TimelineScale scale({{0, 2 * s, 0, 0}, {3 * s, 10 * s, 0, 0}, {500 * s, 510 * s, 0, 0}}, 0, 1000,
                              20, 60 * s);
    QCOMPARE(scale.segments().size(), 2u);
    QCOMPARE(scale.segments()[0].to, 10 * s);
  }

  // Thousands of runs hours apart: the breaks narrow so that the axis ends where the strip does.
  void thousandsOfBreaksFitTheWidth() {
    constexpr std::int64_t hour = 36'000'000'000;
    std::vector<TimelineScale::Segment> spans;
    for (std::int64_t i = 0; i < 3000; ++i) spans.push_back({i * hour, i * hour + hour / 60, 0, 0});
    const TimelineScale scale(spans, 100, 1000, 22);
    QCOMPARE(scale.segments().size(), 3000u);
    QVERIFY(qAbs(scale.segments().back().x1 - 1100) < 1e-6);
    for (std::size_t i = 1; i < scale.segments().size(); ++i) {
      QVERIFY(scale.segments()[i].x0 >= scale.segments()[i - 1].x1);
    }
  }

  void aMomentOnlyRun() {
    const TimelineScale scale({{5, 5, 0, 0}}, 0, 100);
    QCOMPARE(scale.x(5), 50.0);
    QVERIFY(TimelineScale().empty());
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::TimelineScaleTest)
#include "timeline_scale_test.moc"
