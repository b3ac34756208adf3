#include "viewer_test_support.h"

#include <fstream>

namespace ccmlog::viewer::test {

QString testdata(std::string_view relative) {
  return QString::fromStdString(std::string(CCMLOG_TESTDATA_DIR) + "/" + std::string(relative));
}

std::string cmtrace(std::string_view message, std::string_view time, std::string_view type,
                    std::string_view thread, std::string_view date) {
  std::string line = "<![LOG[";
  line += message;
  line += "]LOG]!><time=\"";
  line += time;
  line += "\" date=\"";
  line += date;
  line += "\" component=\"ccmsetup\" context=\"\" type=\"";
  line += type;
  line += "\" thread=\"";
  line += thread;
  line += "\" file=\"ccmsetup.cpp:1\">\r\n";
  return line;
}

void writeFile(const std::filesystem::path& path, std::string_view bytes, bool append) {
  std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool load(LogSession& session, const QStringList& inputs) {
  return session.open(inputs) && session.waitForLoaded();
}

}  // namespace ccmlog::viewer::test
