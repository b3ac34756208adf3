// ccmlog/visible_text.h (internal): text a stranger wrote, made safe to show on a terminal.
//
// Log lines, account names, file and folder names can hold terminal controls:
// "ESC ] 0;title BEL" retitles the window, "ESC ] 52;c;…" writes the clipboard
// where OSC 52 is on, "ESC [ 2J" clears what was shown. Every text output of
// ccmlog passes such text through here, which writes the controls visibly:
//
//   std::string out;
//   ccmlog::appendVisibleText(out, "a\x1b]0;x\x07 b\xff");  // a\x1b]0;x\x07 b\xff (as typed here)
//
// C0 controls (tab and line feed too, unless kept), DEL and bytes that are not
// UTF-8 become \xNN (or U+FFFD, for outputs that must be UTF-8, such as an
// HTML page); the C1 controls U+0080..U+009F become \u0080..\u009f.
// Everything else, backslashes included, is written as it is.
#pragma once

#include <string>
#include <string_view>

namespace ccmlog {

/// What appendVisibleText writes as it is although it is a control.
enum class KeptControls {
  None,             ///< one line: a cell, a name, a message on stderr
  TabsAndNewlines,  ///< text whose lines and columns are its layout
};

/// What appendVisibleText writes for a byte that is not UTF-8.
enum class IllFormedBytes {
  Hex,          ///< \xNN: the byte stays readable (terminals, TSV, CSV)
  Replacement,  ///< U+FFFD, one per byte, as the reader repairs log text: the output stays UTF-8
};

/// Appends `text` to `out` with its controls (but `kept`) and ill-formed bytes written visibly.
void appendVisibleText(std::string& out, std::string_view text, KeptControls kept = KeptControls::None,
                       IllFormedBytes illFormed = IllFormedBytes::Hex);

/// `text` as appendVisibleText writes it.
std::string visibleText(std::string_view text, KeptControls kept = KeptControls::None,
                        IllFormedBytes illFormed = IllFormedBytes::Hex);

}  // namespace ccmlog
