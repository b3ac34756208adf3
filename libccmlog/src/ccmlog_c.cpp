#include "ccmlog/ccmlog_c.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/analysis.h"
#include "ccmlog/error_codes.h"
#include "ccmlog/json.h"
#include "ccmlog/json_sections.h"
#include "ccmlog/json_writer.h"
#include "ccmlog/version.h"
#include "read/utf8.h"

namespace {

// A malloc'ed copy, so that ccmlog_free is plain free() whatever the caller's
// runtime; nullptr when memory runs out.
char* copyOut(std::string_view text) noexcept {
  auto* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

char* fail(char** error, std::string_view message) noexcept {
  if (error != nullptr) *error = copyOut(message);
  return nullptr;
}

// What an escaping exception says; this API must not let it through.
std::string_view describe(const std::exception_ptr& caught) noexcept {
  try {
    std::rethrow_exception(caught);
  } catch (const std::bad_alloc&) {
    return "out of memory";
  } catch (...) {
    return "internal error in ccmlog";
  }
}

}  // namespace

extern "C" {

char* ccmlog_analyze_json(const char* const* paths, size_t count, char** error) {
  if (error != nullptr) *error = nullptr;
  if (paths == nullptr && count > 0) return fail(error, "ccmlog_analyze_json: paths is NULL");
  try {
    std::vector<std::filesystem::path> inputs;
    inputs.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (paths[i] == nullptr) return fail(error, "ccmlog_analyze_json: a path is NULL");
      // The API takes UTF-8 (C++20: char8_t converts as UTF-8 on every platform).
      const std::string_view path(paths[i]);
      inputs.emplace_back(std::u8string_view(reinterpret_cast<const char8_t*>(path.data()), path.size()));
    }
    const auto report = ccmlog::analyzeFiles(inputs);
    if (!report) return fail(error, report.error().message);
    // Exactly what `ccmlog analyze --format json` prints.
    const std::string json = ccmlog::reportToJson(*report);
    char* out = copyOut(json);
    if (out == nullptr) return fail(error, "out of memory");
    return out;
  } catch (...) {
    return fail(error, describe(std::current_exception()));
  }
}

char* ccmlog_lookup_json(const char* code) {
  if (code == nullptr) return nullptr;
  try {
    // JSON must be UTF-8: a stray byte in the input becomes U+FFFD in "input".
    std::string repaired;
    std::string_view input(code);
    if (!ccmlog::detail::isValidUtf8(input)) {
      ccmlog::detail::appendRepairedUtf8(input, repaired);
      input = repaired;
    }
    const auto info = ccmlog::lookupError(input);
    if (info) return copyOut(ccmlog::lookupToJson(input, *info));
    std::string out;
    ccmlog::JsonWriter json(out, 2);
    ccmlog::writeLookupError(json, input, info.error().message);
    return copyOut(out);
  } catch (...) {
    return nullptr;  // only bad_alloc can get here
  }
}

void ccmlog_free(void* p) { std::free(p); }

const char* ccmlog_version(void) { return CCMLOG_VERSION_STRING; }

}  // extern "C"
