#include "read/text_lines.h"

#include <gtest/gtest.h>

namespace ccmlog::detail {
namespace {

TEST(TextLines, CountsCrlfLfAndLoneCrAsOneLineEndEach) {
  EXPECT_EQ(countLineEnds("a\r\nb\nc\rd"), 3u);
  EXPECT_EQ(countLineEnds("no end"), 0u);
  EXPECT_EQ(countLineEnds("\r\n\r\n"), 2u);
}

TEST(TextLines, LineAtFindsContentAndLineEnd) {
  const LineRange r = lineAt("ab\r\ncd", 0, false);
  EXPECT_EQ(r.contentEnd, 2u);
  EXPECT_EQ(r.end, 4u);
  EXPECT_TRUE(r.complete);
  const LineRange last = lineAt("ab\r\ncd", 4, false);
  EXPECT_FALSE(last.complete);
  EXPECT_EQ(last.end, 6u);
}

TEST(TextLines, TrailingCrWaitsForAPossibleLf) {
  EXPECT_FALSE(lineAt("ab\r", 0, false).complete);
  EXPECT_TRUE(lineAt("ab\r", 0, true).complete);
}

TEST(TextLines, WithoutLineEndStripsOneLineEnd) {
  EXPECT_EQ(withoutLineEnd("x\r\n"), "x");
  EXPECT_EQ(withoutLineEnd("x\n\n"), "x\n");
  EXPECT_EQ(withoutLineEnd("x\r"), "x");
  EXPECT_EQ(withoutLineEnd("x"), "x");
}

}  // namespace
}  // namespace ccmlog::detail
