#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ccmlog::test {

ReadResult readAll(std::string_view bytes, size_t chunk, const ReaderOptions& options) {
  RecordReader reader(options);
  ReadResult result;
  Record record;
  const size_t step = chunk == 0 ? std::max<size_t>(bytes.size(), 1) : chunk;
  for (size_t at = 0; at < bytes.size(); at += step) {
    reader.feed(bytes.substr(at, step));
    while (reader.next(record)) result.records.emplace_back(record);
  }
  reader.finish();
  while (reader.next(record)) result.records.emplace_back(record);
  result.encoding = reader.encoding();
  result.format = reader.format();
  return result;
}

std::string cmtrace(std::string_view message, std::string_view time, std::string_view date,
                    std::string_view type, std::string_view thread) {
  std::ostringstream s;
  s << "<![LOG[" << message << "]LOG]!><time=\"" << time << "\" date=\"" << date
    << "\" component=\"ccmsetup\" context=\"\" type=\"" << type << "\" thread=\"" << thread
    << "\" file=\"ccmsetup.cpp:1234\">\r\n";
  return s.str();
}

std::string utf16(std::string_view utf8, bool bigEndian, bool bom) {
  std::u32string points;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + static_cast<size_t>(k)]) & 0x3F);
    points.push_back(cp);
    i += static_cast<size_t>(n);
  }
  std::string out;
  const auto put = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += bigEndian ? std::string{hi, lo} : std::string{lo, hi};
  };
  if (bom) put(0xFEFF);
  for (char32_t cp : points) {
    if (cp >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string tilingProblem(const std::vector<OwnedRecord>& records, std::uint64_t size) {
  std::uint64_t expected = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const ByteSpan& span = records[i].record.span;
    if (value(span.offset) != expected) {
      return "record " + std::to_string(i) + " starts at " + std::to_string(value(span.offset)) +
             ", expected " + std::to_string(expected);
    }
    if (span.length == 0) return "record " + std::to_string(i) + " is empty";
    expected = value(span.end());
  }
  if (expected != size) {
    return "records end at " + std::to_string(expected) + " of " + std::to_string(size) + " bytes";
  }
  return {};
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::filesystem::path> testdataFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CCMLOG_TESTDATA_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string withCase(std::string_view text, bool upper) {
  std::string out(text);
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> oneByteEdits(std::string_view text, std::string_view bytes) {
  std::vector<std::string> out{std::string(text)};
  for (size_t at = 0; at <= text.size(); ++at) {
    if (at < text.size()) out.push_back(std::string(text).erase(at, 1));
    for (const char c : bytes) {
      out.push_back(std::string(text).insert(at, 1, c));
      if (at < text.size()) out.push_back(std::string(text).replace(at, 1, 1, c));
    }
  }
  return out;
}

std::string asciiSample(std::string_view sample) {
  std::string out(sample);
  for (size_t at; (at = out.find("\u2026")) != std::string::npos;) out.replace(at, 3, "...");
  return out;
}

}  // namespace ccmlog::test
