#include <cstdio>
#include <string>

#include "ccmlog/error_codes.h"
#include "ccmlog/json.h"
#include "ccmlog/json_sections.h"
#include "ccmlog/json_writer.h"
#include "commands/commands.h"
#include "exit_codes.h"
#include "message.h"
#include "options.h"
#include "output/output.h"
#include "usage_error.h"

namespace ccmlog::cli {
namespace {

constexpr std::string_view kHelp = R"(Usage: ccmlog lookup [--format text|json] CODE...

Says what an error code means: its family (Win32, HRESULT, NTSTATUS, BITS,
WinHTTP, WMI, ConfigMgr), for an HRESULT or NTSTATUS its facility, its symbolic
name, its text when one is known, and for a few setup codes where to look next.
A CODE may be written 0x80070005, 80070005, -2147024891, 2147942405, as a bare
Win32 code (5) or as a name in any case (ERROR_ACCESS_DENIED, e_fail).
Every code the Windows SDK names has its name; texts cover the codes met
around client setup.
Note: ccmsetup's return codes (0, 6, 7, 8, 9, 10) are not error codes; return
code 7 means "reboot required", not Win32 error 7.

Options:
  --format FMT   text (default) or json: an array with one object per CODE, in
                 order; a CODE that is no error code is {"input", "error"}
                 (JSON Schema lookup.v1, share/ccmlog/schema when installed)
  -h, --help     show this help

Exit status: 0 ok (also for valid codes without a known text), 2 a CODE is
not an error code in any notation (the others are still looked up), or a
usage error.
)";

// The family says who defines a code, except for an HRESULT or NTSTATUS: its facility does.
void appendFacility(std::string& out, const ErrorInfo& info) {
  if (info.family != ErrorFamily::HResult && info.family != ErrorFamily::NtStatus) return;
  if (!info.facilityName.empty())
    out.append(" ").append(info.facilityName);
  else
    out.append(" facility ").append(std::to_string(info.facility));
}

void appendText(std::string& out, std::string_view input, const ErrorInfo& info) {
  out.append(formatErrorCode(info.code)).append("  ").append(toString(info.family));
  if (info.win32) out.append(" ").append(std::to_string(*info.win32));
  appendFacility(out, info);
  out.append("  ");
  if (!info.name.empty()) out.append(info.name).append("  ");
  out.append(info.known() ? info.text : "(no text known for this code)");
  if (input != formatErrorCode(info.code)) out.append("  [").append(input).append("]");
  out.push_back('\n');
  if (!info.hint.empty()) out.append("  hint: ").append(info.hint).push_back('\n');
}

}  // namespace

int runLookup(Words args) {
  const OptionSpec specs[] = {
      {"format", "FMT", {"text", "json"}, "text"},
      {"help", "", {}, "", 'h'},
  };
  const auto options = parseOptions(args, specs);
  if (!options) return usageError("lookup", options.error().message);
  if (options->has("help")) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kExitOk;
  }
  if (options->positionals.empty()) return usageError("lookup", "no error code given");
  const bool json = options->get("format") == "json";
  std::string out;
  JsonWriter writer(out, 2);
  if (json) writer.beginArray();
  int status = kExitOk;
  for (const std::string& input : options->positionals) {
    const auto info = lookupError(input);
    if (!info) {
      printMessage("ccmlog lookup", info.error().message);
      status = kExitUsage;
      // The array keeps one element per input, in order.
      if (json) writeLookupError(writer, input, info.error().message);
      continue;
    }
    if (json)
      writeLookup(writer, input, *info);
    else
      appendText(out, input, *info);
  }
  if (json) {
    writer.endArray();
    out.push_back('\n');
  }
  Output output(stdout);
  output.buffer() = std::move(out);
  output.flush();
  return output.error() ? outputFailed(output.error()) : status;
}

}  // namespace ccmlog::cli
