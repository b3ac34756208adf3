#include "ccmlog/visible_text.h"

#include <gtest/gtest.h>

namespace ccmlog {
namespace {

TEST(VisibleText, TerminalControlsAreWrittenAsEscapes) {
  // Retitle (OSC 0), clipboard (OSC 52), clear screen, C1 CSI, DEL, NUL.
  EXPECT_EQ(visibleText("\x1b]0;owned\x07\x1b]52;c;QQ==\x07\x1b[2J\xc2\x9b"
                        "31m\x7f" +
                        std::string(1, '\0')),
            "\\x1b]0;owned\\x07\\x1b]52;c;QQ==\\x07\\x1b[2J\\u009b31m\\x7f\\x00");
}

TEST(VisibleText, TabsAndNewlinesStayOnlyWhereKept) {
  EXPECT_EQ(visibleText("a\tb\nc\rd"), "a\\x09b\\x0ac\\x0dd");
  EXPECT_EQ(visibleText("a\tb\nc\rd", KeptControls::TabsAndNewlines), "a\tb\nc\\x0dd");
}

TEST(VisibleText, TextAndBackslashesStayBytesThatAreNotUtf8AreShown) {
  EXPECT_EQ(visibleText("C:\\Windows\\ccmsetup \xc3\xa9\xe2\x82\xac \xc2\xa0"),
            "C:\\Windows\\ccmsetup \xc3\xa9\xe2\x82\xac \xc2\xa0");
  EXPECT_EQ(visibleText("PC-M\xfcller \x9b \xe2\x82"), "PC-M\\xfcller \\x9b \\xe2\\x82");
}

TEST(VisibleText, BytesThatAreNotUtf8CanBeReplacedSoTheOutputStaysUtf8) {
  EXPECT_EQ(
      visibleText("PC-M\xfcller \xe2\x82 \xc2\x9b \x1b", KeptControls::None, IllFormedBytes::Replacement),
      "PC-M\xEF\xBF\xBDller \xEF\xBF\xBD\xEF\xBF\xBD \\u009b \\x1b");
}

}  // namespace
}  // namespace ccmlog
