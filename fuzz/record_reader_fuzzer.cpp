// record_reader_fuzzer: the reader on any bytes, in every format and encoding,
// fed in chunks of any size. Aborts unless the records' spans tile the input
// (no gap, no overlap, no empty record): the reader must never lose a byte.
//
// Input: byte 0 picks the options (format = b % 7, encoding = b / 7 % 5; 0
// detects both), byte 1 seeds the chunk sizes, the rest is the log.
#include <cstdint>
#include <string_view>

#include "ccmlog/record_reader.h"
#include "fuzz_support.h"

using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const ccmlog::ReaderOptions options = fuzz::readerOptions(data[0]);
  fuzz::ChunkSizes chunks(data[1]);
  const std::string_view log(reinterpret_cast<const char*>(data) + 2, size - 2);

  ccmlog::RecordReader reader(options);
  ccmlog::Record record;
  std::uint64_t expected = 0;  // where the next record must start
  const auto drain = [&] {
    while (reader.next(record)) {
      check(ccmlog::value(record.span.offset) == expected, "a gap or an overlap between records");
      check(record.span.length > 0, "an empty record");
      check(record.lines >= 1, "a record of no line");
      expected = ccmlog::value(record.span.end());
    }
  };
  for (std::size_t at = 0; at < log.size();) {
    const std::size_t n = chunks.next(log.size() - at);
    reader.feed(log.substr(at, n));
    at += n;
    drain();
  }
  reader.finish();
  drain();
  check(expected == log.size(), "the records do not reach the end of the input");
  check(reader.stats().bytes == log.size(), "bytes fed miscounted");
  return 0;
}
