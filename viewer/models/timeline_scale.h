// timeline_scale.h: where a moment goes on the timeline strip.
//
// The runs of one install may last two seconds or two days, with minutes or
// hours of nothing between them. On a linear axis the short ones would be
// slivers, so the strip uses a piecewise-linear scale: each stretch of
// activity (run spans that overlap, or lie closer than a minimum gap, are
// merged) gets a share of the width, half of it split equally and half by
// duration, and each gap between stretches becomes a narrow break: of fixed
// width while there are few, narrower when thousands of runs would otherwise
// push the axis past its width.
#pragma once

#include <cstdint>
#include <vector>

namespace ccmlog::viewer {

class TimelineScale {
 public:
  /// A stretch of activity, in 100 ns ticks, and where it is drawn.
  struct Segment {
    std::int64_t from = 0, to = 0;
    double x0 = 0, x1 = 0;
  };

  TimelineScale() = default;
  /// Lays out spans ([from, to] pairs, any order, may overlap) over [left, left + width];
  /// spans less than `minGap` ticks apart share a stretch.
  TimelineScale(std::vector<Segment> spans, double left, double width, double gapWidth = 22,
                std::int64_t minGap = 0);

  /// The x of a moment: inside a stretch, linear; in a gap, the middle of its break;
  /// before or after everything, the ends.
  double x(std::int64_t ticks) const;
  const std::vector<Segment>& segments() const { return segments_; }
  bool empty() const { return segments_.empty(); }

 private:
  std::vector<Segment> segments_;
};

}  // namespace ccmlog::viewer
