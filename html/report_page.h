// report_page.h: one machine's report as a page for a ticket or an e-mail.
//
// The verdict and its headline in plain words, the runs drawn over time and
// listed, the findings (each root cause with its remedy and evidence, what
// followed from it beneath), and the files read with their time zone. Every
// time, prose included, is in the clock the report was diagnosed in. One
// self-contained page (page.h): `ccmlog analyze --format html` and the
// viewer's Export HTML both write it.
//
//   ccmlog::html::PageOptions options{.title = "PC01", .clock = ccmlog::Clock::Utc};
//   out << ccmlog::html::reportPage(report, options);
#pragma once

#include <string>

#include "ccmlog/analysis.h"

namespace ccmlog::html {

struct PageOptions {
  std::string title;           ///< the machine, folder or file the report is about
  Clock clock = Clock::Local;  ///< as the report was diagnosed (DiagnosisOptions)
};

std::string reportPage(const Report& report, const PageOptions& options);

}  // namespace ccmlog::html
