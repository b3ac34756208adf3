// The generated SDK names (error_names.cpp) and what they add to lookupError:
// a name for codes without a text, and lookup by name.
#include "codes/error_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "ccmlog/error_codes.h"
#include "codes/error_table.h"

namespace ccmlog {
namespace {

std::string upper(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

TEST(ErrorNames, AreSortedByCodeAndEachNameStandsOnce) {
  const auto rows = namedCodes();
  ASSERT_GT(rows.size(), 6000u);  // winerror.h and ntstatus.h alone name more than that
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) {
      EXPECT_LE(rows[i - 1].code, rows[i].code) << nameOf(rows[i]);
    }
    EXPECT_FALSE(nameOf(rows[i]).empty()) << formatErrorCode(rows[i].code);
    EXPECT_TRUE(seen.insert(upper(nameOf(rows[i]))).second) << nameOf(rows[i]) << " twice";
  }
}

// Every name leads to its code and back: by number to the code's first name, by name to the code.
TEST(ErrorNames, EveryNameIsFoundByItsCodeAndItsCodeByName) {
  const auto rows = namedCodes();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string_view name = nameOf(rows[i]);
    EXPECT_EQ(parseErrorCode(formatErrorCode(rows[i].code)), rows[i].code)
        << name << ": no notation reaches it";
    EXPECT_EQ(parseErrorCode(name), rows[i].code) << name;
    const bool first = i == 0 || rows[i - 1].code != rows[i].code;
    if (first) {
      EXPECT_EQ(lookupError(rows[i].code).name, name) << formatErrorCode(rows[i].code);
    }
  }
}

// The hand-written rows speak of the same codes as the SDK: a mistyped code would show here.
TEST(ErrorNames, AgreeWithTheHandWrittenNames) {
  for (const ErrorRow& row : errorTable()) {
    const auto rows = namedCodes();
    const auto first =
        std::find_if(rows.begin(), rows.end(), [&](const NamedCode& r) { return r.code == row.code; });
    if (first == rows.end()) {
      EXPECT_EQ(row.code & 0xFFF00000, 0x87D00000u)
          << formatErrorCode(row.code) << ": only ConfigMgr codes lack an SDK name";
      continue;
    }
    EXPECT_EQ(row.name, nameOf(*first)) << formatErrorCode(row.code);
  }
}

TEST(ErrorNames, HoldTheCodesSetupMeetsFromEveryHeader) {
  struct Case {
    std::string_view name;
    std::uint32_t code;
  };
  for (const Case c : {Case{"ERROR_IO_DEVICE", 0x8007045D},                   // winerror.h, Win32
                       Case{"E_ACCESSDENIED", 0x80070005},                    // winerror.h, HRESULT alias
                       Case{"E_NOT_SUFFICIENT_BUFFER", 0x8007007A},           // HRESULT_FROM_WIN32(...)
                       Case{"STATUS_ACCESS_VIOLATION", 0xC0000005},           // ntstatus.h
                       Case{"BG_E_NOT_FOUND", 0x80200001},                    // bitsmsg.h
                       Case{"WBEM_E_INVALID_NAMESPACE", 0x8004100E},          // wbemcli.h enum
                       Case{"ERROR_WINHTTP_NAME_NOT_RESOLVED", 0x80072EE7},   // winhttp.h, BASE + 7
                       Case{"ERROR_INTERNET_NAME_NOT_RESOLVED", 0x80072EE7},  // wininet.h alias
                       Case{"WU_E_ALL_UPDATES_FAILED", 0x80240022},           // wuerror.h
                       Case{"NERR_DCNotFound", 0x80070995},                   // lmerr.h, 2453
                       Case{"E_ADS_BAD_PATHNAME", 0x80005000},                // adserr.h
                       Case{"ERROR_INSTALL_FAILURE", 0x80070643},             // winerror.h and msi.h
                       Case{"STATUS_IMAGE_NOT_AT_BASE", 0x40000003}}) {       // a code, not a *_BASE helper
    EXPECT_EQ(parseErrorCode(c.name), c.code) << c.name;
  }
}

TEST(ErrorNames, LeaveOutHelpersAndCodesNoNotationReaches) {
  for (std::string_view name :
       {"FACILITY_WIN32", "WINHTTP_ERROR_BASE", "WSABASEERR", "OLE_E_FIRST", "SEVERITY_ERROR",
        "DNS_ERROR_MASK", "S_FALSE", "STATUS_PENDING", "WBEM_S_FALSE"}) {
    EXPECT_EQ(parseErrorCode(name), std::nullopt) << name;
  }
}

TEST(LookupByName, IgnoresCaseAndSurroundingSpace) {
  for (std::string_view text :
       {"ERROR_ACCESS_DENIED", "error_access_denied", " Error_Access_Denied\n", "E_ACCESSDENIED"}) {
    const auto info = lookupError(text);
    ASSERT_TRUE(info) << text;
    EXPECT_EQ(info->code, 0x80070005u) << text;
    EXPECT_EQ(info->name, "ERROR_ACCESS_DENIED") << text;  // an alias shows the code's first name
  }
  EXPECT_EQ(parseErrorCode("nerr_dcnotfound"), 0x80070995u);
}

TEST(LookupByName, FindsTheHandWrittenConfigMgrNames) {
  const auto info = lookupError(std::string_view("ccm_e_no_client_pki_cert"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->code, 0x87D00454u);
  EXPECT_EQ(info->family, ErrorFamily::ConfigMgr);
}

TEST(LookupByName, RejectsWordsThatNameNoCode) {
  for (std::string_view text : {"ERROR_NO_SUCH_THING", "ERROR_ACCESS", "ERROR_ACCESS_DENIED_", "E_", "_",
                                "ERROR ACCESS DENIED", "ERROR_ACCESS_DENIED 5"}) {
    EXPECT_EQ(parseErrorCode(text), std::nullopt) << text;
    EXPECT_FALSE(lookupError(text)) << text;
  }
}

TEST(ErrorNames, AreListedByNameIgnoringCaseEachRowOnce) {
  const auto rows = namedCodes();
  const auto order = namesInOrder();
  ASSERT_EQ(order.size(), rows.size());
  std::set<std::uint16_t> seen(order.begin(), order.end());
  EXPECT_EQ(seen.size(), rows.size());
  for (std::size_t i = 1; i < order.size(); ++i) {
    EXPECT_LT(upper(nameOf(rows[order[i - 1]])), upper(nameOf(rows[order[i]]))) << nameOf(rows[order[i]]);
  }
}

TEST(Facilities, AreSortedWithOneNameEach) {
  for (const auto facilities : {hresultFacilities(), ntstatusFacilities()}) {
    ASSERT_FALSE(facilities.empty());
    for (std::size_t i = 1; i < facilities.size(); ++i) {
      EXPECT_LT(facilities[i - 1].facility, facilities[i].facility) << facilities[i].name;
    }
  }
}

}  // namespace
}  // namespace ccmlog
