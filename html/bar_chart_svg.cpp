#include "bar_chart_svg.h"

#include <algorithm>

#include "html_text.h"

namespace ccmlog::html {
namespace {

constexpr int kLabelWidth = 300;  // labels are cut to fit with an ellipsis
constexpr int kBarWidth = 420;
constexpr int kRowHeight = 22;
constexpr size_t kLabelChars = 46;

}  // namespace

std::string barChartSvg(std::span<const Bar> bars, std::string_view title) {
  if (bars.empty()) return "<p class=\"meta\">" + escapeHtml(title) + ": none.</p>\n";
  std::uint64_t most = 1;
  for (const Bar& b : bars) most = std::max(most, b.count);
  const int width = kLabelWidth + kBarWidth + 80;
  const int height = static_cast<int>(bars.size()) * kRowHeight + 8;
  // It shrinks with a narrow window instead of running past its edge.
  std::string svg = "<svg role=\"img\" style=\"max-width:100%;height:auto\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + escapeHtml(title) + "</title>\n";
  int y = 4;
  for (const Bar& b : bars) {
    const int length = std::max(b.count ? 2 : 0, static_cast<int>(b.count * kBarWidth / most));
    svg += "<g><title>" + escapeHtml(b.label) + ": " + std::to_string(b.count) + "</title>";
    svg += "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + 15) +
           "\" text-anchor=\"end\">" + escapeHtml(shortened(b.label, kLabelChars)) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
           std::to_string(length) + "\" height=\"" + std::to_string(kRowHeight - 6) + "\" fill=\"" +
           escapeHtml(b.color) + "\"/>";
    svg += "<text x=\"" + std::to_string(kLabelWidth + length + 6) + "\" y=\"" + std::to_string(y + 15) +
           "\">" + std::to_string(b.count) + "</text></g>\n";
    y += kRowHeight;
  }
  return svg + "</svg>\n";
}

}  // namespace ccmlog::html
