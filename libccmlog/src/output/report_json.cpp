#include "ccmlog/json.h"

#include "ccmlog/error_codes.h"
#include "ccmlog/json_writer.h"

namespace ccmlog {
namespace {

void time(JsonWriter& json, std::string_view name, const std::optional<Timestamp>& t, Zone zone) {
  json.key(name);
  if (t)
    json.value(formatIso(*t, zone));
  else
    json.null();
}

void errorCode(JsonWriter& json, std::string_view name, const std::optional<std::uint32_t>& code) {
  json.key(name);
  if (code)
    json.value(formatErrorCode(*code));
  else
    json.null();
}

void integer(JsonWriter& json, std::string_view name, const std::optional<std::int64_t>& n) {
  json.key(name);
  if (n)
    json.value(*n);
  else
    json.null();
}

void operation(JsonWriter& json, const std::optional<Operation>& op) {
  json.key("operation");
  if (op)
    json.value(toString(*op));
  else
    json.null();
}

std::string pathOf(const Report& report, FileIndex file) {
  return value(file) < report.files.size() ? report.files[value(file)].path.string() : std::string();
}

void files(JsonWriter& json, const Report& report) {
  json.key("files").beginArray();
  for (const FileReport& f : report.files) {
    json.beginObject();
    json.key("path").value(f.path.string());
    // Unknown is null: a file not read (or empty) has no format or encoding.
    const bool read = !f.error;
    json.key("format").textOrNull(read && f.format != Format::Unknown ? toString(f.format) : "");
    json.key("encoding").textOrNull(read && f.encoding != Encoding::Unknown ? toString(f.encoding) : "");
    json.key("records").value(static_cast<std::int64_t>(f.records));
    json.key("unparsed").value(static_cast<std::int64_t>(f.unparsed));
    json.key("error").textOrNull(f.error ? *f.error : "");
    json.endObject();
  }
  json.endArray();
}

void pairs(JsonWriter& json, std::string_view name,
           const std::vector<std::pair<std::string, std::string>>& items) {
  json.key(name).beginObject();
  for (const auto& [key, val] : items) json.key(key).value(val);
  json.endObject();
}

void runs(JsonWriter& json, const Report& report) {
  json.key("runs").beginArray();
  for (const Run& run : report.timeline.runs) {
    json.beginObject();
    integer(json, "pid", run.pid);
    operation(json, run.operation);
    json.key("version").textOrNull(run.version);
    json.key("user").textOrNull(run.user);
    json.key("service").value(run.service);
    json.key("file").value(pathOf(report, run.start.file));
    time(json, "start_utc", run.start.utc(), Zone::Utc);
    time(json, "end_utc", run.end.utc(), Zone::Utc);
    time(json, "start_local", run.start.local, Zone::Unknown);
    time(json, "end_local", run.end.local, Zone::Unknown);
    json.key("first_line").value(static_cast<std::int64_t>(value(run.start.line)));
    json.key("last_line").value(static_cast<std::int64_t>(value(run.end.line)));
    integer(json, "exit_code", run.exitCode);
    errorCode(json, "error_code", run.errorCode);
    integer(json, "msi_status", run.msiStatus);
    json.key("product").textOrNull(run.product);
    json.key("command_line").textOrNull(run.commandLineText);
    pairs(json, "switches", run.commandLine.switches);
    pairs(json, "properties", run.commandLine.properties);
    json.endObject();
  }
  json.endArray();
}

void phases(JsonWriter& json, const Report& report) {
  json.key("phases").beginArray();
  for (const Phase& phase : report.timeline.phases) {
    json.beginObject();
    json.key("run").value(static_cast<std::int64_t>(phase.run));
    json.key("kind").value(toString(phase.kind));
    json.key("state").value(toString(phase.state));
    time(json, "start_utc", phase.start.utc(), Zone::Utc);
    time(json, "end_utc", phase.end.utc(), Zone::Utc);
    time(json, "start_local", phase.start.local, Zone::Unknown);
    time(json, "end_local", phase.end.local, Zone::Unknown);
    json.key("first_line").value(static_cast<std::int64_t>(value(phase.start.line)));
    json.key("last_line").value(static_cast<std::int64_t>(value(phase.end.line)));
    json.endObject();
  }
  json.endArray();
}

void outcome(JsonWriter& json, const Report& report) {
  const Outcome& o = report.timeline.outcome;
  json.key("outcome").beginObject();
  json.key("status").value(toString(o.status));
  operation(json, o.operation);
  integer(json, "run", o.run ? std::optional<std::int64_t>(static_cast<std::int64_t>(*o.run)) : std::nullopt);
  json.key("product").textOrNull(o.product);
  integer(json, "exit_code", o.exitCode);
  errorCode(json, "error_code", o.errorCode);
  json.key("error_text");
  const auto info = o.errorCode ? std::optional<ErrorInfo>(lookupError(*o.errorCode)) : std::nullopt;
  if (info && info->known())
    json.value(info->text);
  else
    json.null();
  json.endObject();
}

void detail(JsonWriter& json, const DetailValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v))
    json.value(*n);
  else if (const auto* b = std::get_if<bool>(&v))
    json.value(*b);
  else if (const auto* s = std::get_if<std::string>(&v))
    json.value(*s);
  else
    json.null();
}

}  // namespace

void writeFindings(JsonWriter& json, const Report& report) {
  json.key("findings").beginArray();
  for (const Finding& f : report.findings) {
    json.beginObject();
    json.key("rule").value(f.rule);
    json.key("caused_by").textOrNull(f.causedBy);
    json.key("history").value(f.history);
    json.key("severity").value(toString(f.severity));
    json.key("confidence").value(toString(f.confidence));
    json.key("title").value(f.title);
    json.key("explanation").value(f.explanation);
    json.key("remedy").value(f.remedy);
    json.key("times").beginArray();
    for (const Location& at : f.times) {
      json.beginObject();
      time(json, "local", at.local, Zone::Unknown);
      time(json, "utc", at.utc(), Zone::Utc);
      json.endObject();
    }
    json.endArray();
    json.key("evidence").beginArray();
    for (const Evidence& e : f.evidence) {
      json.beginObject();
      json.key("file").value(pathOf(report, e.where.file));
      json.key("line").value(static_cast<std::int64_t>(value(e.where.line)));
      time(json, "local", e.where.local, Zone::Unknown);
      time(json, "utc", e.where.utc(), Zone::Utc);
      json.key("text").value(e.text);
      json.endObject();
    }
    json.endArray();
    json.key("details").beginObject();
    for (const Detail& d : f.details) {
      json.key(d.name);
      detail(json, d.value);
    }
    json.endObject();
    json.endObject();
  }
  json.endArray();
}

std::string reportToJson(const Report& report, int indent) {
  std::string out;
  JsonWriter json(out, indent);
  json.beginObject();
  json.key("schema").value("ccmlog.report.v2");
  files(json, report);
  runs(json, report);
  json.key("omitted_runs").value(static_cast<std::int64_t>(report.timeline.omittedRuns));
  phases(json, report);
  outcome(json, report);
  writeFindings(json, report);
  json.endObject();
  out.push_back('\n');
  return out;
}

}  // namespace ccmlog
