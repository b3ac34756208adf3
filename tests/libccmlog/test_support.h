// test_support.h: building inputs and reading them back, for the unit tests.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ccmlog/record_reader.h"

namespace ccmlog::test {

/// Everything a reader yielded for one input.
struct ReadResult {
  std::vector<OwnedRecord> records;
  Encoding encoding = Encoding::Unknown;
  Format format = Format::Unknown;
};

/// Feeds `bytes` to a fresh reader in chunks of `chunk` bytes (0: all at
/// once), pulling records after every chunk, then finishes.
ReadResult readAll(std::string_view bytes, size_t chunk = 0, const ReaderOptions& options = {});

/// A CMTrace record line as ccmsetup writes it, CRLF included.
std::string cmtrace(std::string_view message, std::string_view time = "11:16:10.123+300",
                    std::string_view date = "03-04-2009", std::string_view type = "1",
                    std::string_view thread = "3264");

/// `text` encoded as UTF-16LE (or BE) with a BOM; `text` must be ASCII or UTF-8.
std::string utf16(std::string_view utf8, bool bigEndian = false, bool bom = true);

/// Failure message when the spans of `records` do not tile [0, size), else empty.
std::string tilingProblem(const std::vector<OwnedRecord>& records, std::uint64_t size);

/// The file's bytes; empty when it cannot be read.
std::string readBytes(const std::string& path);

/// Every log in testdata/ (all files but the .md notes), sorted.
std::vector<std::filesystem::path> testdataFiles();

/// `text` with its ASCII letters in upper (or lower) case.
std::string withCase(std::string_view text, bool upper);

/// `text` itself, then every text one byte away: each byte deleted, and each
/// of `bytes` inserted before every byte (and at the end) or put in its place.
std::vector<std::string> oneByteEdits(std::string_view text, std::string_view bytes);

/// A sample of the event table in ASCII: the table's ellipses ("…") as "...".
std::string asciiSample(std::string_view sample);

}  // namespace ccmlog::test
