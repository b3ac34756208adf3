#include "page.h"

#include <cctype>

#include "ccmlog/version.h"
#include "html_text.h"

namespace ccmlog::html {

std::string pageStart(std::string_view title) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'; "
         "base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" +
         escapeHtml(title) +
         "</title>\n"
         "<style>\n"
         "body{font-family:system-ui,'Segoe UI',sans-serif;margin:1.5em auto;padding:0 1.5em;color:#222;"
         "max-width:75em;line-height:1.4}\n"
         "h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid "
         "#ddd}\n"
         ".verdict{color:#fff;padding:.7em 1em;border-radius:6px;font-size:1.25em;font-weight:bold}\n"
         ".headline{font-size:1.15em;margin:.6em 0}.meta{color:#666;font-size:.9em}\n"
         "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;"
         "text-align:left;vertical-align:top}th{background:#f3f3f3}td.keep{white-space:nowrap}\n"
         ".finding{border-left:6px solid;padding:.2em 1em;margin:1em 0}\n"
         ".consequence{margin-left:2.5em}.remedy{background:#eef7ee;border-radius:4px;padding:.4em .8em}\n"
         "pre{margin:0;white-space:pre-wrap;word-break:break-all;font-family:ui-monospace,Consolas,monospace;"
         "font-size:.9em}\n"
         "svg text{font-family:system-ui,'Segoe UI',sans-serif;font-size:12px;fill:#222}\n"
         "details>summary{cursor:pointer}\n"
         ".scroll{overflow-x:auto;max-width:100%}svg{max-width:100%;height:auto}\n"
         "</style></head><body>\n";
}

std::string pageEnd() {
  return "<p class=\"meta\">Written by ccmlog " + std::string(CCMLOG_VERSION_STRING) +
         ".</p>\n</body></html>\n";
}

std::string_view outcomeColor(OutcomeStatus status) {
  switch (status) {
    case OutcomeStatus::Success:
      return "#2e7d32";
    case OutcomeStatus::Failed:
      return "#c62828";
    case OutcomeStatus::RebootRequired:
      return "#b26a00";
    case OutcomeStatus::InProgress:
      return "#1f6fd1";
    case OutcomeStatus::Unknown:
      break;
  }
  return "#616161";
}

std::string_view severityColor(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::Error:
      return "#c62828";
    case FindingSeverity::Warning:
      return "#d88b00";
    case FindingSeverity::Info:
      break;
  }
  return "#1f6fd1";
}

std::string shout(std::string_view text) {
  std::string word(text);
  for (char& c : word) c = c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return word;
}

}  // namespace ccmlog::html
