// read/reader_test_support.h: what the reader's tests share: a record of a
// read by index, and the check that chunking never changes the records.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ccmlog/record_reader.h"
#include "test_support.h"

namespace ccmlog::test {

inline const Record& at(const ReadResult& r, size_t i) { return r.records.at(i).record; }

// Every chunk size must give the same records as reading all at once.
inline void expectChunkingIrrelevant(const std::string& input) {
  const auto whole = readAll(input);
  for (size_t chunk : {1u, 2u, 3u, 5u, 13u, 64u}) {
    const auto pieces = readAll(input, chunk);
    ASSERT_EQ(pieces.records.size(), whole.records.size()) << "chunk " << chunk;
    for (size_t i = 0; i < whole.records.size(); ++i) {
      const Record& a = at(whole, i);
      const Record& b = at(pieces, i);
      EXPECT_EQ(a.span, b.span) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(a.message, b.message) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(a.kind, b.kind) << "chunk " << chunk << " record " << i;
      EXPECT_EQ(value(a.line), value(b.line)) << "chunk " << chunk << " record " << i;
    }
  }
  EXPECT_EQ(tilingProblem(whole.records, input.size()), "");
}

}  // namespace ccmlog::test
