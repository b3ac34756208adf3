// ccmlog/json_writer.h (internal): a small streaming JSON writer (the outputs of ccmlog).
//
//   JsonWriter json(out);
//   json.beginObject();
//   json.key("file").value(path);
//   json.key("bias").null();
//   json.endObject();          // {"file":"…","bias":null}
//
// Commas are placed for you. Strings are escaped per RFC 8259, C1 controls
// (U+0080..U+009F) too; the output is UTF-8 whatever the input: each byte of
// an ill-formed sequence (a file name may be any bytes) becomes U+FFFD. Output
// is compact unless indent > 0.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ccmlog {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  JsonWriter& beginObject() { return open('{'); }
  JsonWriter& endObject() { return close('}'); }
  JsonWriter& beginArray() { return open('['); }
  JsonWriter& endArray() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// `text`, or null when it is empty: ccmlog's JSON says an unknown as null, never "".
  JsonWriter& textOrNull(std::string_view text) { return text.empty() ? null() : value(text); }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void beforeValue();
  void newline();

  std::string& out_;
  int indent_;
  // One byte per open object/array, 1 once it has an item; a string, so that
  // the usual few levels need no allocation (a writer is made per NDJSON line).
  std::string hasItems_;
  bool afterKey_ = false;
};

/// Appends `text` as a JSON string literal, quotes included.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace ccmlog
