#include "output/record_writers.h"

#include <algorithm>

#include "ccmlog/json_writer.h"
#include "ccmlog/visible_text.h"

namespace ccmlog::cli {
namespace {

// Tab, CR, LF and backslash as \t \r \n \\, any other control visibly (\x1b, \u009b).
void appendTsvField(std::string& out, std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '\t':
        escaped += "\\t";
        break;
      case '\r':
        escaped += "\\r";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\\':
        escaped += "\\\\";
        break;
      default:
        escaped.push_back(c);
    }
  }
  appendVisibleText(out, escaped);
}

void appendNdjson(std::string& out, std::string_view file, const Record& r) {
  JsonWriter json(out);
  json.beginObject();
  json.key("file").value(file);
  json.key("line").value(static_cast<std::int64_t>(value(r.line)));
  json.key("lines").value(static_cast<std::int64_t>(r.lines));
  json.key("kind").value(toString(r.kind));
  if (r.local)
    json.key("local").value(formatIso(*r.local));
  else
    json.key("local").null();
  if (r.bias)
    json.key("bias").value(static_cast<std::int64_t>(*r.bias));
  else
    json.key("bias").null();
  if (const auto utc = r.utc())
    json.key("utc").value(formatIso(*utc, Zone::Utc));
  else
    json.key("utc").null();
  json.key("severity").value(toString(r.severity));
  json.key("component").textOrNull(r.component);
  json.key("thread").textOrNull(r.thread);
  json.key("source").textOrNull(r.source);
  json.key("message").value(r.message);
  json.endObject();
  out.push_back('\n');
}

void appendTsv(std::string& out, std::string_view file, const Record& r) {
  const auto field = [&out](std::string_view text) {
    appendTsvField(out, text);
    out.push_back('\t');
  };
  field(file);
  field(std::to_string(value(r.line)));
  field(std::to_string(r.lines));
  field(toString(r.kind));
  field(r.local ? formatIso(*r.local) : "");
  field(r.bias ? std::to_string(*r.bias) : "");
  const auto utc = r.utc();
  field(utc ? formatIso(*utc, Zone::Utc) : "");
  field(toString(r.severity));
  field(r.component);
  field(r.thread);
  field(r.source);
  appendTsvField(out, r.message);
  out.push_back('\n');
}

// Controls are written visibly (visible_text.h), but for the message's own tabs and line ends.
void appendText(std::string& out, std::string_view file, const Record& r) {
  appendVisibleText(out, file);
  out.append(":").append(std::to_string(value(r.line))).append(" ");
  out.append(toString(r.severity)).append(" ");
  out.append(r.local ? formatIso(*r.local) : "-").append(" ");
  if (!r.component.empty()) {
    appendVisibleText(out, r.component);
    out.append(": ");
  }
  // Continuation lines of a multi-line message are indented under it.
  std::string_view message = r.message;
  while (!message.empty()) {
    const size_t end = std::min(message.find('\n'), message.size());
    std::string_view line = message.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    appendVisibleText(out, line, KeptControls::TabsAndNewlines);
    if (end == message.size()) break;
    out.append("\n    ");
    message.remove_prefix(end + 1);
  }
  out.push_back('\n');
}

}  // namespace

std::string_view tsvHeader() {
  return "file\tline\tlines\tkind\tlocal\tbias\tutc\tseverity\tcomponent\tthread\tsource\tmessage\n";
}

void appendRecord(std::string& out, RecordFormat format, std::string_view file, const Record& record) {
  switch (format) {
    case RecordFormat::Ndjson:
      appendNdjson(out, file, record);
      break;
    case RecordFormat::Tsv:
      appendTsv(out, file, record);
      break;
    case RecordFormat::Text:
      appendText(out, file, record);
      break;
  }
}

}  // namespace ccmlog::cli
