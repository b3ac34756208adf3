#include "record_writers.h"

#include "ccmlog/json_writer.h"

namespace ccmlog::cli {
namespace {


void appendTsvField(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\\': out += "\\\\"; break;
      default: out.push_back(c);
    }
  }
}

void appendNdjson(std::string& out, std::string_view file, const Record& r) {
  JsonWriter json(out);
  json.beginObject();
  json.key("file").value(file);
  json.key("line").value(static_cast<std::int64_t>(value(r.line)));
  json.key("lines").value(static_cast<std::int64_t>(r.lines));
  json.key("kind").value(toString(r.kind));
  if (r.local) json.key("local").value(formatIso(*r.local));
  else json.key("local").null();
  if (r.bias) json.key("bias").value(static_cast<std::int64_t>(*r.bias));
  else json.key("bias").null();
  if (const auto utc = r.utc()) json.key("utc").value(formatIso(*utc, Zone::Utc));
  else json.key("utc").null();
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

void appendText(std::string& out, std::string_view file, const Record& r) {
  out.append(file).append(":").append(std::to_string(value(r.line))).append(" ");
  out.append(toString(r.severity)).append(" ");
  out.append(r.local ? formatIso(*r.local) : "-").append(" ");
  if (!r.component.empty()) out.append(r.component).append(": ");
  // Continuation lines of a multi-line message are indented under it.
  for (const char c : r.message) {
    if (c == '\r') continue;
    out.push_back(c);
    if (c == '\n') out.append("    ");
  }
  out.push_back('\n');
}

}  // namespace

std::string_view tsvHeader() {
  return "file\tline\tlines\tkind\tlocal\tbias\tutc\tseverity\tcomponent\tthread\tsource\tmessage\n";
}

void appendRecord(std::string& out, RecordFormat format, std::string_view file, const Record& record) {
  switch (format) {
    case RecordFormat::Ndjson: appendNdjson(out, file, record); break;
    case RecordFormat::Tsv: appendTsv(out, file, record); break;
    case RecordFormat::Text: appendText(out, file, record); break;
  }
}

}  // namespace ccmlog::cli
