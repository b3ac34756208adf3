// Tests of html_text.h and bar_chart_svg.h: log text stays text, cut between characters.
#include <gtest/gtest.h>

#include "bar_chart_svg.h"
#include "html_text.h"

namespace ccmlog::html {
namespace {

TEST(EscapeHtml, MarkupCharactersBecomeEntities) {
  EXPECT_EQ(escapeHtml("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
}

TEST(EscapeHtml, ControlCharactersAreShownNotPassed) {
  EXPECT_EQ(escapeHtml(std::string("a\tb\nc\x1b[31m\x7f", 11)), "a\tb\nc\\x1b[31m\\x7f");
  EXPECT_EQ(escapeHtml(std::string_view("\0", 1)), "\\x00");
  EXPECT_EQ(escapeHtml("\xC2\x85"), "\\u0085");  // a C1 control, NEL
}

TEST(EscapeHtml, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(escapeHtml("\xff\xfe"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escapeHtml("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(escapeHtml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(escapeHtml("caf\xC3\xA9 \xE2\x82\xAC"), "caf\xC3\xA9 \xE2\x82\xAC");  // valid stays
}

TEST(Shortened, ShortTextStaysLongTextIsCutBetweenCharacters) {
  EXPECT_EQ(shortened("abc", 3), "abc");
  EXPECT_EQ(shortened("abcd", 3), "ab\xE2\x80\xA6");
  // "éé" is 4 bytes; 3 bytes leave room for 2, which would split the second 'é'.
  EXPECT_EQ(shortened("\xC3\xA9\xC3\xA9\xC3\xA9", 4), "\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(shortened("\xC3\xA9\xC3\xA9\xC3\xA9", 3), "\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(shortened("\xC3\xA9\xC3\xA9", 2), "\xE2\x80\xA6");
}

TEST(BarChartSvg, LabelsAreEscapedAndShortened) {
  const Bar bars[] = {{"<b onmouseover=x>" + std::string(60, 'a'), 3, "#c62828"}, {"ok", 0, "#2e7d32"}};
  const std::string svg = barChartSvg(bars, "Machines & <more>");
  EXPECT_EQ(svg.find("<b "), std::string::npos);
  EXPECT_NE(svg.find("<title>Machines &amp; &lt;more&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b onmouseover=x&gt;aaaa"), std::string::npos);
  EXPECT_NE(svg.find("a\xE2\x80\xA6</text>"), std::string::npos);  // the label cut to fit
  EXPECT_NE(svg.find("width=\"0\""), std::string::npos);           // no bar for a count of 0
  EXPECT_NE(svg.find("max-width:100%"), std::string::npos);        // shrinks in a narrow window
}

TEST(BarChartSvg, NoBarsSaySoInWords) {
  EXPECT_EQ(barChartSvg({}, "Machines per root cause"),
            "<p class=\"meta\">Machines per root cause: none.</p>\n");
}

}  // namespace
}  // namespace ccmlog::html
