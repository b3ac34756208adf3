#include "ccmlog/lookup_json.h"

#include <cstdint>

#include "ccmlog/json_writer.h"

namespace ccmlog {
namespace {

void textOrNull(JsonWriter& json, std::string_view key, std::string_view text) {
  json.key(key);
  if (text.empty()) json.null();
  else json.value(text);
}

}  // namespace

void writeLookup(JsonWriter& json, std::string_view input, const ErrorInfo& info) {
  json.beginObject();
  json.key("input").value(input);
  json.key("code").value(formatErrorCode(info.code));
  json.key("decimal").value(static_cast<std::int64_t>(static_cast<std::int32_t>(info.code)));
  json.key("win32");
  if (info.win32) json.value(static_cast<std::int64_t>(*info.win32));
  else json.null();
  json.key("family").value(toString(info.family));
  textOrNull(json, "name", info.name);
  textOrNull(json, "text", info.text);
  json.key("facility").value(static_cast<std::int64_t>(info.facility));
  textOrNull(json, "facility_name", info.facilityName);
  textOrNull(json, "hint", info.hint);
  json.endObject();
}

std::string lookupToJson(std::string_view input, const ErrorInfo& info, int indent) {
  std::string out;
  JsonWriter json(out, indent);
  writeLookup(json, input, info);
  return out;
}

}  // namespace ccmlog
