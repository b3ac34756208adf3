#include "models/timeline_scale.h"

#include <algorithm>

namespace ccmlog::viewer {

namespace {

constexpr double kMaxGapsShare = 0.25;  // of the width, however many breaks there are

}  // namespace

TimelineScale::TimelineScale(std::vector<Segment> spans, double left, double width, double gapWidth,
                             std::int64_t minGap) {
  std::sort(spans.begin(), spans.end(), [](const Segment& a, const Segment& b) { return a.from < b.from; });
  for (const Segment& s : spans) {
    if (!segments_.empty() && s.from - segments_.back().to < std::max<std::int64_t>(minGap, 1)) {
      segments_.back().to = std::max(segments_.back().to, s.to);
    } else {
      segments_.push_back({s.from, std::max(s.from, s.to), 0, 0});
    }
  }
  if (segments_.empty()) return;
  const double n = static_cast<double>(segments_.size());
  if (n > 1) gapWidth = std::min(gapWidth, width * kMaxGapsShare / (n - 1));
  const double usable = std::max(1.0, width - gapWidth * (n - 1));
  double total = 0;
  for (const Segment& s : segments_) total += static_cast<double>(s.to - s.from);
  double at = left;
  for (Segment& s : segments_) {
    const double share = total > 0 ? 0.5 / n + 0.5 * static_cast<double>(s.to - s.from) / total : 1.0 / n;
    s.x0 = at;
    s.x1 = at + usable * share;
    at = s.x1 + gapWidth;
  }
}

double TimelineScale::x(std::int64_t ticks) const {
  if (segments_.empty()) return 0;
  if (ticks < segments_.front().from) return segments_.front().x0;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const Segment& s = segments_[i];
    if (ticks <= s.to) {
      if (ticks < s.from) return (segments_[i - 1].x1 + s.x0) / 2;  // in the gap before s
      if (s.to == s.from) return (s.x0 + s.x1) / 2;
      return s.x0 + (s.x1 - s.x0) * static_cast<double>(ticks - s.from) / static_cast<double>(s.to - s.from);
    }
  }
  return segments_.back().x1;
}

}  // namespace ccmlog::viewer
