#include "report_html.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "ccmlog/error_codes.h"
#include "colors.h"

namespace ccmlog::viewer {
namespace {

QString esc(std::string_view text) { return toQString(text).toHtmlEscaped(); }
QString esc(const QString& text) { return text.toHtmlEscaped(); }

QString fileName(const Report& report, FileIndex file) {
  return value(file) < report.files.size() ? fromPath(report.files[value(file)].path.filename()) : QString();
}

QString outcomeText(const Outcome& outcome) {
  QString text = toQString(toString(outcome.status)).toUpper();
  if (outcome.errorCode) {
    const ErrorInfo info = lookupError(*outcome.errorCode);
    text += QStringLiteral(" — ") + toQString(formatErrorCode(info.code));
    if (!info.name.empty()) text += QStringLiteral(" ") + toQString(info.name);
    if (info.known()) text += QStringLiteral(": ") + toQString(info.text);
  } else if (outcome.exitCode) {
    text += QStringLiteral(" — exit code %1").arg(*outcome.exitCode);
  }
  return text;
}

}  // namespace

QString reportHtml(const Report& report, const QString& title, TimeMode mode) {
  QString h;
  h += QStringLiteral(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n");
  h += QStringLiteral("<title>ccmlog: %1</title>\n").arg(esc(title));
  h += QStringLiteral(
      "<style>body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
      ".outcome{color:#fff;padding:.6em 1em;border-radius:6px;font-size:1.3em;font-weight:bold}"
      "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em "
      ".6em;text-align:left}"
      ".finding{border-left:6px solid;padding:.2em 1em;margin:1em 0}"
      ".remedy{color:#1b5e20;font-weight:bold}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}"
      ".meta{color:#666;font-size:.9em}</style></head><body>\n");
  h += QStringLiteral("<h1>ccmlog report: %1</h1>\n").arg(esc(title));
  h += QStringLiteral("<div class=\"outcome\" style=\"background:%1\">%2</div>\n")
           .arg(outcomeColor(report.outcome.status).name(), esc(outcomeText(report.outcome)));

  h += QStringLiteral("<h2>Findings</h2>\n");
  if (report.findings.empty()) h += QStringLiteral("<p>No findings.</p>\n");
  for (const Finding& f : report.findings) {
    h += QStringLiteral("<div class=\"finding\" style=\"border-color:%1\">\n")
             .arg(findingColor(f.severity).name());
    const QString label = f.history ? QStringLiteral("HISTORY") : esc(toString(f.severity)).toUpper();
    h += QStringLiteral("<h3>[%1] %2</h3>\n").arg(label, esc(f.title));
    const QString follows =
        f.causedBy.empty() ? QString() : QStringLiteral(", follows from ") + esc(f.causedBy);
    h += QStringLiteral("<p class=\"meta\">%1, %2 confidence%3</p>\n")
             .arg(esc(f.rule), esc(toString(f.confidence)), follows);
    h += QStringLiteral("<p>%1</p>\n").arg(esc(f.explanation));
    if (!f.remedy.empty() && f.causedBy.empty())
      h += QStringLiteral("<p class=\"remedy\">What to do: %1</p>\n").arg(esc(f.remedy));
    if (!f.evidence.empty()) {
      h += QStringLiteral("<table><tr><th>file:line</th><th>time</th><th>log text</th></tr>\n");
      for (const Evidence& e : f.evidence) {
        // One arg() call: a chained one would read a "%2" in a file name as the next place to fill.
        h += QStringLiteral("<tr><td>%1:%2</td><td>%3</td><td><pre>%4</pre></td></tr>\n")
                 .arg(esc(fileName(report, e.where.file)), QString::number(value(e.where.line)),
                      esc(formatTime(e.where, mode)), esc(e.text));
      }
      h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("</div>\n");
  }

  h += QStringLiteral(
      "<h2>Runs</h2>\n<table><tr><th>#</th><th>process</th><th>account</th><th>service</th>"
      "<th>start</th><th>end</th><th>exit</th></tr>\n");
  for (std::size_t i = 0; i < report.runs.size(); ++i) {
    const Run& run = report.runs[i];
    const QString exit = run.errorCode  ? toQString(formatErrorCode(*run.errorCode))
                         : run.exitCode ? QString::number(*run.exitCode)
                                        : QString();
    h += QStringLiteral(
             "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>\n")
             .arg(QString::number(i + 1), run.pid ? QString::number(*run.pid) : QString(), esc(run.user),
                  run.service ? QStringLiteral("yes") : QStringLiteral("no"),
                  esc(formatTime(run.start, mode)), esc(formatTime(run.end, mode)), esc(exit));
  }
  h += QStringLiteral(
      "</table>\n<h2>Files</h2>\n<table><tr><th>file</th><th>format</th><th>encoding</th>"
      "<th>bytes</th><th>records</th><th>problem</th></tr>\n");
  for (const FileReport& file : report.files) {
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
             .arg(esc(fromPath(file.path)), esc(toString(file.format)), esc(toString(file.encoding)),
                  QString::number(file.bytes), QString::number(file.records),
                  file.error ? esc(*file.error) : QString());
  }
  h += QStringLiteral("</table>\n<p class=\"meta\">Written by ccmlog-viewer.</p>\n</body></html>\n");
  return h;
}

QString reportFileName(const QStringList& inputs) {
  QString name = QStringLiteral("logs");
  if (!inputs.isEmpty()) {
    const QFileInfo first(inputs.front());
    name = first.isDir()
               ? first.absoluteFilePath().section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty)
               : first.absoluteDir().dirName() + QLatin1Char('-') + first.completeBaseName();
  }
  static const QRegularExpression unsafe(QStringLiteral(R"([^\w.-]+)"));
  name.replace(unsafe, QStringLiteral("_"));
  return QStringLiteral("ccmlog-report-%1.html").arg(name);
}

}  // namespace ccmlog::viewer
