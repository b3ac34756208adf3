// record_reader_fuzzer: the reader on any bytes, in every format and encoding,
// fed whole and in chunks of any size. Aborts unless the records' spans tile
// the input (no gap, no overlap, no empty record), so that the reader never
// loses a byte, and unless the chunks give the same records as the whole.
//
// Input: byte 0 picks the options (fuzz::readerOptions), byte 1 seeds the
// chunk sizes, the rest is the log.
#include <cstdint>
#include <string_view>
#include <vector>

#include "ccmlog/record_reader.h"
#include "fuzz_support.h"

namespace {

struct Shape {
  ccmlog::ByteSpan span;
  ccmlog::RecordKind kind;
  std::uint32_t lines;
  bool operator==(const Shape&) const = default;
};

// The records of `log` read in pieces of `chunks.next()` bytes (the whole at once when null).
std::vector<Shape> read(std::string_view log, const ccmlog::ReaderOptions& options,
                        fuzz::ChunkSizes* chunks) {
  ccmlog::RecordReader reader(options);
  ccmlog::Record record;
  std::vector<Shape> shapes;
  std::uint64_t expected = 0;  // where the next record must start
  const auto drain = [&] {
    while (reader.next(record)) {
      fuzz::check(ccmlog::value(record.span.offset) == expected, "a gap or an overlap between records");
      fuzz::check(record.span.length > 0, "an empty record");
      fuzz::check(record.lines >= 1, "a record of no line");
      expected = ccmlog::value(record.span.end());
      shapes.push_back({record.span, record.kind, record.lines});
    }
  };
  for (std::size_t at = 0; at < log.size();) {
    const std::size_t n = chunks ? chunks->next(log.size() - at) : log.size();
    reader.feed(log.substr(at, n));
    at += n;
    drain();
  }
  reader.finish();
  drain();
  fuzz::check(expected == log.size(), "the records do not reach the end of the input");
  fuzz::check(reader.stats().bytes == log.size(), "bytes fed miscounted");
  return shapes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const ccmlog::ReaderOptions options = fuzz::readerOptions(data[0]);
  fuzz::ChunkSizes chunks(data[1]);
  const std::string_view log(reinterpret_cast<const char*>(data) + 2, size - 2);
  fuzz::check(read(log, options, nullptr) == read(log, options, &chunks),
              "chunks give other records than the whole");
  return 0;
}
