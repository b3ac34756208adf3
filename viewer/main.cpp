// ccmlog-viewer: shows a helpdesk person whether a client install failed, why,
// and the log lines that prove it. main() only reads the command line.
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>

#include "main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ccmlog-viewer"));
  QApplication::setOrganizationName(QStringLiteral("ccmlog"));
  QApplication::setApplicationVersion(QStringLiteral(CCMLOG_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Reads ConfigMgr client-setup logs (ccmsetup.log, client.msi.log, ...) and shows\n"
                     "whether the install failed, why, and the lines that prove it."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Load the files, render the window (1400x900) to OUT.png and exit."),
      QStringLiteral("OUT.png"));
  const QCommandLineOption follow(QStringLiteral("follow"), QStringLiteral("Tail the logs as they grow."));
  const QCommandLineOption utc(QStringLiteral("utc"), QStringLiteral("Show times in UTC."));
  const QCommandLineOption knowledge(
      QStringLiteral("knowledge"),
      QStringLiteral("Extend the knowledge with this TOML file (repeatable), instead of the files\n"
                     "chosen in Tools > Knowledge Files..."),
      QStringLiteral("FILE"));
  parser.addOptions({screenshot, follow, utc, knowledge});
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Log files or a machine's log folder."),
                               QStringLiteral("[FILE...]"));
  parser.process(app);

  ccmlog::viewer::MainWindow window;
  if (parser.isSet(utc)) window.setTimeMode(ccmlog::viewer::TimeMode::Utc);
  if (parser.isSet(knowledge)) {
    for (const QString& error : window.setKnowledgeFiles(parser.values(knowledge)))
      std::fprintf(stderr, "ccmlog-viewer: knowledge file left out: %s\n", qPrintable(error));
  }
  if (!parser.positionalArguments().isEmpty()) window.open(parser.positionalArguments());
  if (parser.isSet(screenshot)) {
    window.resize(1400, 900);
    window.show();
    window.session().waitForLoaded();
    QApplication::processEvents();
    if (!window.saveScreenshot(parser.value(screenshot))) {
      std::fprintf(stderr, "ccmlog-viewer: cannot write '%s'\n", qPrintable(parser.value(screenshot)));
      return 3;
    }
    return 0;
  }
  if (parser.isSet(follow)) window.setFollow(true);
  window.show();
  return QApplication::exec();
}
