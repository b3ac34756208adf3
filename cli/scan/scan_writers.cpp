#include "scan/scan_writers.h"

#include <algorithm>

#include "ccmlog/error_codes.h"
#include "ccmlog/json.h"
#include "ccmlog/json_sections.h"
#include "ccmlog/json_writer.h"
#include "ccmlog/visible_text.h"
#include "scan/scan_html.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kCsvHeader =
    "machine,path,outcome,exit_code,error_code,rules,title_of_top_finding\r\n";

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string exitText(const MachineScan& scan, std::string_view none) {
  return scan.exitCode ? std::to_string(*scan.exitCode) : std::string(none);
}

std::string errorText(const MachineScan& scan, std::string_view none) {
  return scan.errorCode ? formatErrorCode(*scan.errorCode) : std::string(none);
}

std::string padded(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

void appendTable(std::string& out, const std::vector<MachineScan>& rows) {
  std::vector<std::vector<std::string>> cells{{"machine", "path", "outcome", "exit", "error", "rules"}};
  for (const MachineScan& m : rows) {
    std::string notes = joined(m.rules, ", ");
    if (m.error) notes += (notes.empty() ? "" : "; ") + *m.error;
    // A machine's name, path and errors quote folder and zip names: their controls are shown, not obeyed.
    cells.push_back({visibleText(m.name), visibleText(m.path), std::string(outcomeName(m)), exitText(m, "-"),
                     errorText(m, "-"), visibleText(notes)});
  }
  std::vector<size_t> widths(cells.front().size(), 0);
  for (const auto& row : cells) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : cells) {
    std::string line;
    for (size_t i = 0; i + 1 < row.size(); ++i) line += padded(row[i], widths[i] + 2);
    line += row.back();
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
}

void appendCounts(std::string& out, std::string_view heading,
                  const std::vector<FleetSummary::Count>& counts) {
  size_t width = heading.size();
  for (const auto& c : counts) width = std::max(width, c.name.size());
  out += "  " + padded(std::string(heading), width + 2) + "machines\n";
  for (const auto& c : counts) out += "  " + padded(c.name, width + 2) + std::to_string(c.machines) + "\n";
}

void appendTextSummary(std::string& out, const FleetSummary& summary) {
  const size_t n = summary.machines();
  out += "Summary: " + std::to_string(n) + (n == 1 ? " machine\n\n" : " machines\n\n");
  appendCounts(out, "outcome", summary.outcomes());
  const auto causes = summary.rootCauses();
  if (causes.empty()) return;
  out += "\n";
  appendCounts(out, "root cause", causes);
}

void appendJsonCounts(JsonWriter& json, std::string_view key, std::string_view nameKey,
                      const std::vector<FleetSummary::Count>& counts) {
  json.key(key).beginArray();
  for (const auto& c : counts) {
    json.beginObject();
    json.key(nameKey).value(c.name);
    json.key("machines").value(static_cast<std::int64_t>(c.machines));
    json.endObject();
  }
  json.endArray();
}

void appendSummary(std::string& out, ScanFormat format, const FleetSummary& summary) {
  if (format == ScanFormat::Text) {
    appendTextSummary(out, summary);
  } else if (format == ScanFormat::Html) {
    out += fleetPage(summary, {});
  } else if (format == ScanFormat::Ndjson) {
    JsonWriter json(out);
    json.beginObject();
    json.key("machines").value(static_cast<std::int64_t>(summary.machines()));
    appendJsonCounts(json, "outcomes", "outcome", summary.outcomes());
    appendJsonCounts(json, "root_causes", "rule", summary.rootCauses());
    json.endObject();
    out += "\n";
  } else {
    out += "group,name,machines\r\n";
    const auto rows = [&](std::string_view group, const std::vector<FleetSummary::Count>& counts) {
      for (const auto& c : counts) {
        out += std::string(group) + "," + csvCell(c.name) + "," + std::to_string(c.machines) + "\r\n";
      }
    };
    rows("outcome", summary.outcomes());
    rows("root_cause", summary.rootCauses());
  }
}

}  // namespace

std::string csvCell(std::string_view text) {
  std::string cell;
  // Spreadsheets skip leading spaces before they look for a formula.
  constexpr std::string_view kFormulaStarts = "=+-@\t\r";
  const size_t first = text.find_first_not_of(' ');
  if (first != std::string_view::npos && kFormulaStarts.find(text[first]) != std::string_view::npos)
    cell += '\'';
  cell += text;
  // The list separators of the common locales (',' ';' tab) and what RFC 4180 quotes.
  if (cell.find_first_of("\",;\t\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void appendCsvRow(std::string& out, const MachineScan& scan) {
  const std::string title = scan.outcome || !scan.error ? scan.topTitle : *scan.error;
  out += csvCell(scan.name) + "," + csvCell(scan.path) + "," + csvCell(outcomeName(scan)) + "," +
         exitText(scan, "") + "," + errorText(scan, "") + "," + csvCell(joined(scan.rules, " ")) + "," +
         csvCell(title) + "\r\n";
}

void appendNdjson(std::string& out, const MachineScan& scan, const Report* report) {
  JsonWriter json(out);
  json.beginObject();
  json.key("machine").value(scan.name);
  json.key("path").value(scan.path);
  json.key("files").beginArray();
  for (const auto& file : scan.files) json.value(file);
  json.endArray();
  json.key("outcome").value(outcomeName(scan));
  json.key("exit_code");
  if (scan.exitCode)
    json.value(*scan.exitCode);
  else
    json.null();
  json.key("error_code");
  if (scan.errorCode)
    json.value(formatErrorCode(*scan.errorCode));
  else
    json.null();
  json.key("rules").beginArray();
  for (const auto& rule : scan.rules) json.value(rule);
  json.endArray();
  if (report)
    writeFindings(json, *report);
  else
    json.key("findings").beginArray().endArray();
  json.key("error");
  if (scan.error)
    json.value(*scan.error);
  else
    json.null();
  json.endObject();
  out += "\n";
}

void FleetSummary::add(const MachineScan& scan) {
  ++machines_;
  ++outcomes_[std::string(outcomeName(scan))];
  if (!scan.rules.empty()) ++rootCauses_[scan.rules.front()];
}

std::vector<FleetSummary::Count> FleetSummary::ranked(const std::map<std::string, std::size_t>& counts) {
  std::vector<Count> out;
  for (const auto& [name, machines] : counts) out.push_back({name, machines});
  // The map gave them by name; a stable sort keeps that order among equal counts.
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.machines > b.machines; });
  return out;
}

void ScanWriter::add(const MachineScan& scan, std::string& out) {
  summary_.add(scan);
  if (content_ == ScanContent::Summary) return;
  if (format_ == ScanFormat::Ndjson) {
    out += scan.ndjson;
  } else if (format_ == ScanFormat::Csv) {
    if (!wroteHeader_) out += kCsvHeader;
    wroteHeader_ = true;
    appendCsvRow(out, scan);
  } else {
    rows_.push_back(scan);
  }
}

void ScanWriter::finish(std::string& out) {
  if (content_ == ScanContent::Summary) {
    appendSummary(out, format_, summary_);
  } else if (format_ == ScanFormat::Csv && !wroteHeader_) {
    out += kCsvHeader;
  } else if (format_ == ScanFormat::Text) {
    appendTable(out, rows_);
    out += "\n";
    appendTextSummary(out, summary_);
  } else if (format_ == ScanFormat::Html) {
    out += fleetPage(summary_, std::move(rows_));
  }
}

}  // namespace ccmlog::cli
