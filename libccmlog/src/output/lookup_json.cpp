#include "ccmlog/json.h"

#include <cstdint>

#include "ccmlog/json_writer.h"

namespace ccmlog {
void writeLookup(JsonWriter& json, std::string_view input, const ErrorInfo& info) {
  json.beginObject();
  json.key("input").value(input);
  json.key("code").value(formatErrorCode(info.code));
  json.key("decimal").value(static_cast<std::int64_t>(static_cast<std::int32_t>(info.code)));
  json.key("win32");
  if (info.win32)
    json.value(static_cast<std::int64_t>(*info.win32));
  else
    json.null();
  json.key("family").value(toString(info.family));
  json.key("name").textOrNull(info.name);
  json.key("text").textOrNull(info.text);
  json.key("facility").value(static_cast<std::int64_t>(info.facility));
  json.key("facility_name").textOrNull(info.facilityName);
  json.key("hint").textOrNull(info.hint);
  json.endObject();
}

void writeLookupError(JsonWriter& json, std::string_view input, std::string_view message) {
  json.beginObject();
  json.key("input").value(input);
  json.key("error").value(message);
  json.endObject();
}

std::string lookupToJson(std::string_view input, const ErrorInfo& info, int indent) {
  std::string out;
  JsonWriter json(out, indent);
  writeLookup(json, input, info);
  return out;
}

}  // namespace ccmlog
