// html_text.h: text from a log, made safe and readable inside an HTML page.
//
// Everything a page shows that a log, a path or a user wrote goes through
// escapeHtml: markup characters become entities (so a log line cannot add an
// element, an attribute or a URL), control characters are shown as \xNN (as
// visible_text.h shows them on a terminal), and bytes that are not UTF-8
// become U+FFFD, so the page is valid UTF-8.
//
//   page += "<td>" + escapeHtml(run.user) + "</td>";
#pragma once

#include <string>
#include <string_view>

namespace ccmlog::html {

/// `text` for an HTML text node or a quoted attribute value.
std::string escapeHtml(std::string_view text);

/// `text` when it has at most `bytes` bytes; else the whole UTF-8 characters
/// of its first `bytes` - 1 bytes and an ellipsis ("…"). Not escaped.
std::string shortened(std::string_view text, size_t bytes);

}  // namespace ccmlog::html
