// bar_chart_svg.h: a horizontal bar chart as inline SVG, for a fleet page's
// "machines per outcome" and "machines per root cause".
//
//   const Bar bars[] = {{"failed", 12, "#c62828"}, {"success", 230, "#2e7d32"}};
//   page += barChartSvg(bars, "Machines per outcome");
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ccmlog::html {

struct Bar {
  std::string label;  ///< escaped by the chart
  std::uint64_t count = 0;
  std::string_view color;  ///< a CSS colour the caller chose ("#c62828"), never log text
};

/// One row per bar, in the order given, each with its label and count; bars
/// are scaled to the largest count. An empty chart says so in words.
std::string barChartSvg(std::span<const Bar> bars, std::string_view title);

}  // namespace ccmlog::html
