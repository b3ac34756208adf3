#include "timeline_svg.h"

#include <algorithm>

#include "html_text.h"
#include "page.h"

namespace ccmlog::html {
namespace {

constexpr int kLabelWidth = 270;
constexpr int kChartWidth = 600;
constexpr int kLaneHeight = 40;
constexpr int kAxisHeight = 42;
constexpr int kTicks = 5;  // axis labels at most: each is a whole time, they must not touch

std::string num(double v) { return std::to_string(static_cast<int>(v + 0.5)); }

struct Scale {
  Location origin;
  double span = 1;  // ticks
  std::optional<double> x(const Location& where) const {
    const auto t = ticksBetween(origin, where);
    if (!t) return std::nullopt;
    return kLabelWidth + std::clamp(static_cast<double>(*t) / span, 0.0, 1.0) * kChartWidth;
  }
};

std::string who(const Run& run, size_t number) {
  std::string s(1, '#');
  s += std::to_string(number + 1);
  if (run.pid) s += "  process " + std::to_string(*run.pid);
  return s;
}

std::string what(const Run& run) {
  std::string s = run.user.empty() ? std::string("account not in the log") : run.user;
  s += run.service ? ", service" : "";
  if (run.operation) s += ", " + std::string(toString(*run.operation));
  return s;
}

// The finding marks of run `r`: evidence lines of current findings in it.
std::vector<std::pair<Location, FindingSeverity>> marksOf(const Report& report, size_t r) {
  std::vector<std::pair<Location, FindingSeverity>> marks;
  for (const Finding& f : report.findings) {
    if (f.history) continue;
    for (const Evidence& e : f.evidence) {
      const auto it = std::find_if(report.timeline.events.begin(), report.timeline.events.end(),
                                   [&](const TimelineEvent& t) {
                                     return t.where.file == e.where.file && t.where.line == e.where.line;
                                   });
      if (it != report.timeline.events.end() && it->run == r && f.severity != FindingSeverity::Info) {
        marks.emplace_back(e.where, f.severity);
      }
    }
  }
  return marks;
}

// An axis label: the time of day, and under it the date where it changes.
struct Tick {
  std::string time, date;
};

Tick tickOf(const std::string& iso, const std::string& previousDate) {
  if (iso.size() < 19) return {iso, {}};
  const std::string date = iso.substr(0, 10);
  return {iso.substr(11, 8) + (iso.back() == 'Z' ? "Z" : ""), date == previousDate ? std::string() : date};
}

}  // namespace

std::string timelineSvg(const Report& report, Clock clock) {
  const size_t first =
      report.timeline.runs.size() > kTimelineLanes ? report.timeline.runs.size() - kTimelineLanes : 0;
  std::optional<Location> origin, last;
  for (size_t i = first; i < report.timeline.runs.size(); ++i) {
    const Run& run = report.timeline.runs[i];
    if (!run.start.local) continue;
    if (!origin || ticksBetween(*origin, run.start).value_or(0) < 0) origin = run.start;
    if (!last || ticksBetween(*last, run.end).value_or(0) > 0) last = run.end;
  }
  if (!origin) return {};
  Scale scale{*origin, static_cast<double>(std::max<std::int64_t>(ticksBetween(*origin, *last).value_or(0),
                                                                  Timestamp::kTicksPerSecond))};
  const size_t lanes = report.timeline.runs.size() - first;
  const int height = static_cast<int>(lanes) * kLaneHeight + kAxisHeight;
  const int width = kLabelWidth + kChartWidth + 20;
  std::string svg;
  if (first + report.timeline.omittedRuns > 0) {
    svg += "<p class=\"meta\">The latest " + std::to_string(lanes) + " runs; " +
           std::to_string(first + report.timeline.omittedRuns) + " earlier runs are not drawn.</p>\n";
  }
  svg += "<svg role=\"img\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
         "\" xmlns=\"http://www.w3.org/2000/svg\"><title>Runs of ccmsetup over time</title>\n";
  for (size_t i = first; i < report.timeline.runs.size(); ++i) {
    const Run& run = report.timeline.runs[i];
    const int y = static_cast<int>(i - first) * kLaneHeight;
    if ((i - first) % 2 == 1) {
      svg += "<rect x=\"0\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(width) +
             "\" height=\"" + std::to_string(kLaneHeight) + "\" fill=\"#f7f7f7\"/>";
    }
    svg += "<text x=\"6\" y=\"" + std::to_string(y + 16) + "\" font-weight=\"bold\">" +
           escapeHtml(who(run, i)) + "</text><text x=\"6\" y=\"" + std::to_string(y + 32) + "\">" +
           escapeHtml(what(run)) + "</text>\n";
    const auto x0 = scale.x(run.start), x1 = scale.x(run.end);
    if (!x0 || !x1) continue;
    const bool deciding = report.timeline.outcome.run == i;
    const std::string_view color =
        deciding ? outcomeColor(report.timeline.outcome.status) : std::string_view("#9e9e9e");
    svg += "<rect x=\"" + num(*x0) + "\" y=\"" + std::to_string(y + 12) + "\" width=\"" +
           num(std::max(3.0, *x1 - *x0)) + "\" height=\"16\" rx=\"3\" fill=\"" + std::string(color) + "\"" +
           (run.service ? " stroke=\"#37474f\" stroke-width=\"1.5\"" : "") + "><title>" +
           escapeHtml(formatTime(run.start, clock) + " to " + formatTime(run.end, clock)) +
           "</title></rect>\n";
    for (const auto& [where, severity] : marksOf(report, i)) {
      if (const auto x = scale.x(where)) {
        svg += "<path d=\"M" + num(*x) + " " + std::to_string(y + 6) + " l5 7 l-5 7 l-5 -7 z\" fill=\"" +
               std::string(severityColor(severity)) + "\" stroke=\"#fff\"/>";
      }
    }
    if (i + 1 < report.timeline.runs.size() && run.createdService && report.timeline.runs[i + 1].service) {
      if (const auto xs = scale.x(report.timeline.runs[i + 1].start)) {
        svg += "<path d=\"M" + num(*xs) + " " + std::to_string(y + 28) + " V" +
               std::to_string(y + kLaneHeight + 10) +
               "\" stroke=\"#37474f\" stroke-dasharray=\"3 2\" fill=\"none\"/><path d=\"M" + num(*xs - 4) +
               " " + std::to_string(y + kLaneHeight + 5) +
               " l4 6 l4 -6 z\" fill=\"#37474f\"><title>handed over to the "
               "service</title></path>\n";
      }
    }
  }
  const int axis = static_cast<int>(lanes) * kLaneHeight;
  svg += "<line x1=\"" + std::to_string(kLabelWidth) + "\" y1=\"" + std::to_string(axis + 4) + "\" x2=\"" +
         std::to_string(kLabelWidth + kChartWidth) + "\" y2=\"" + std::to_string(axis + 4) +
         "\" stroke=\"#777\"/>\n";
  std::string shownTime, shownDate;
  for (int k = 0; k < kTicks; ++k) {
    Location at = *origin;
    at.local = Timestamp{origin->local->ticks + static_cast<std::int64_t>(scale.span * k / (kTicks - 1))};
    const Tick tick = tickOf(formatTime(at, clock), shownDate);
    if (tick.time == shownTime) continue;  // a short span: one label for the second, not five
    shownTime = tick.time;
    if (!tick.date.empty()) shownDate = tick.date;
    const double x = kLabelWidth + static_cast<double>(kChartWidth) * k / (kTicks - 1);
    const std::string anchor = k == 0 ? "start" : k == kTicks - 1 ? "end" : "middle";
    svg += "<text x=\"" + num(x) + "\" y=\"" + std::to_string(axis + 20) + "\" text-anchor=\"" + anchor +
           "\">" + escapeHtml(tick.time) + "</text>";
    if (!tick.date.empty()) {
      svg += "<text x=\"" + num(x) + "\" y=\"" + std::to_string(axis + 34) + "\" text-anchor=\"" + anchor +
             "\" fill=\"#666\">" + escapeHtml(tick.date) + "</text>";
    }
  }
  return svg + "\n</svg>\n";
}

}  // namespace ccmlog::html
