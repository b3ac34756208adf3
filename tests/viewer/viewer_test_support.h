// viewer_test_support.h: logs to test with, and loading them synchronously.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <QString>
#include <QStringList>

#include "loading/log_session.h"

namespace ccmlog::viewer::test {

/// A path under testdata/, e.g. "machines/service-context-2009".
QString testdata(std::string_view relative);

/// A CMTrace record line as ccmsetup writes it, CRLF included.
std::string cmtrace(std::string_view message, std::string_view time = "09:41:07.449+300",
                    std::string_view type = "1", std::string_view thread = "7348",
                    std::string_view date = "01-17-2023");

/// Writes (or appends) bytes to a file.
void writeFile(const std::filesystem::path& path, std::string_view bytes, bool append = false);

/// Opens inputs in the session and waits until they are loaded; false on timeout or nothing to load.
bool load(LogSession& session, const QStringList& inputs);

/// Runs the event loop until `done` holds or `timeoutMs` pass; returns `done()`.
template <typename Done>
bool waitUntil(Done done, int timeoutMs = 10'000);

}  // namespace ccmlog::viewer::test

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

template <typename Done>
bool ccmlog::viewer::test::waitUntil(Done done, int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while (!done() && timer.elapsed() < timeoutMs) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return done();
}
