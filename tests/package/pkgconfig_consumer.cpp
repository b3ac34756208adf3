// Built by pkgconfig_build.cmake with `c++ -std=c++20 $(pkg-config --cflags --libs ccmlog)`:
// the C++ API through the umbrella header, no CMake involved.
#include <ccmlog/ccmlog.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto report = ccmlog::analyzeFiles({argv[1]});
  if (!report) {
    std::cerr << report.error().message << '\n';
    return 3;
  }
  std::cout << "ccmlog " << CCMLOG_VERSION_STRING << ": " << ccmlog::toString(report->timeline.outcome.status)
            << '\n';
  for (const ccmlog::Finding& finding : report->findings) std::cout << finding.rule << '\n';
  return report->findings.empty() ? 1 : 0;
}
