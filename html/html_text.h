// html_text.h: text from a log, made safe and readable inside an HTML page.
//
// Everything a page shows that a log, a path or a user wrote goes through
// escapeHtml: markup characters become entities (so a log line cannot add an
// element, an attribute or a URL), control characters are shown as \xNN,
// and bytes that are not UTF-8 become U+FFFD, so the page is valid UTF-8.
//
//   page += "<td>" + escapeHtml(run.user) + "</td>";
#pragma once

#include <string>
#include <string_view>

namespace ccmlog::html {

/// `text` for an HTML text node or a quoted attribute value.
std::string escapeHtml(std::string_view text);

}  // namespace ccmlog::html
