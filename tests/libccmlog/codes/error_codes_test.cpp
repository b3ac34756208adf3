#include "ccmlog/error_codes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>

#include "codes/error_table.h"

namespace ccmlog {
namespace {

TEST(ParseErrorCode, AcceptsPrefixedHexInEitherCase) {
  EXPECT_EQ(parseErrorCode("0x80070005"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("0X80070005"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("0x8007042c"), 0x8007042Cu);
  EXPECT_EQ(parseErrorCode("0x87d00454"), 0x87D00454u);
}

TEST(ParseErrorCode, ReadsEightBareHexDigitsAsHexWhenHighBitOrLetter) {
  EXPECT_EQ(parseErrorCode("80070005"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("8007042C"), 0x8007042Cu);
  EXPECT_EQ(parseErrorCode("0000042c"), 0x8007042Cu);  // a letter: hex 0x42C = Win32 1068
}

TEST(ParseErrorCode, ReadsEightDecimalDigitsWithoutHighBitAsDecimal) {
  EXPECT_EQ(parseErrorCode("12345678"), 12345678u);
  EXPECT_EQ(parseErrorCode("00001603"), 0x80070643u);  // decimal 1603, a Win32 code
}

TEST(ParseErrorCode, AcceptsSignedDecimal) {
  EXPECT_EQ(parseErrorCode("-2147024891"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("-2145844844"), 0x80190194u);
  EXPECT_EQ(parseErrorCode("-2147483648"), 0x80000000u);
}

TEST(ParseErrorCode, AcceptsUnsignedDecimal) {
  EXPECT_EQ(parseErrorCode("2147942405"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("4294967295"), 0xFFFFFFFFu);
}

TEST(ParseErrorCode, TurnsValuesBelow65536IntoWin32HResults) {
  EXPECT_EQ(parseErrorCode("5"), 0x80070005u);
  EXPECT_EQ(parseErrorCode("1603"), 0x80070643u);
  EXPECT_EQ(parseErrorCode("65535"), 0x8007FFFFu);
  EXPECT_EQ(parseErrorCode("0x643"), 0x80070643u);
  EXPECT_EQ(parseErrorCode("65536"), 65536u);  // too big for Win32: kept as is
  EXPECT_EQ(parseErrorCode("0"), 0u);          // HRESULT_FROM_WIN32(ERROR_SUCCESS) is 0
}

TEST(ParseErrorCode, TrimsSurroundingWhitespace) {
  EXPECT_EQ(parseErrorCode("  0x80070005\t\r\n"), 0x80070005u);
  EXPECT_EQ(parseErrorCode(" 5 "), 0x80070005u);
}

TEST(ParseErrorCode, RejectsTextThatIsNoCode) {
  for (std::string_view text :
       {"", "   ", "xyz", "0x", "-", "+5", "5 5", "5.0", "1e3", "0x1G", "0x-5", "0x 5", "8007000Z",
        "0x100000000", "4294967296", "-2147483649", "80070005h"}) {
    EXPECT_EQ(parseErrorCode(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(LookupError, InvalidTextGivesAnErrorNamingTheNotations) {
  const auto info = lookupError(std::string_view("xyz"));
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().message,
            "not an error code: 'xyz' (expected 0x80070005, 80070005, -2147024891, 2147942405, "
            "5 or a name such as ERROR_ACCESS_DENIED)");
}

TEST(LookupError, FindsAWin32RowInEveryNotation) {
  for (std::string_view text :
       {"5", "0x80070005", "0X80070005", "80070005", "-2147024891", "2147942405", " 5\n"}) {
    const auto info = lookupError(text);
    ASSERT_TRUE(info) << text;
    EXPECT_EQ(info->code, 0x80070005u) << text;
    EXPECT_EQ(info->win32, 5u) << text;
    EXPECT_EQ(info->family, ErrorFamily::Win32) << text;
    EXPECT_EQ(info->name, "ERROR_ACCESS_DENIED") << text;
    EXPECT_EQ(info->text, "Access is denied.") << text;
    EXPECT_TRUE(info->known()) << text;
  }
}

TEST(LookupError, NumberIsNormalisedLikeText) {
  EXPECT_EQ(lookupError(std::uint32_t{1603}).code, 0x80070643u);
  EXPECT_EQ(lookupError(std::uint32_t{1603}).name, "ERROR_INSTALL_FAILURE");
  EXPECT_EQ(lookupError(std::uint32_t{0x80070643}).name, "ERROR_INSTALL_FAILURE");
}

TEST(LookupError, ZeroIsErrorSuccess) {
  const ErrorInfo info = lookupError(std::uint32_t{0});
  EXPECT_EQ(info.code, 0u);
  EXPECT_EQ(info.win32, 0u);
  EXPECT_EQ(info.family, ErrorFamily::Win32);
  EXPECT_EQ(info.name, "ERROR_SUCCESS");
}

TEST(LookupError, SevenIsWin32ErrorSevenNotACcmsetupReturnCode) {
  const auto info = lookupError(std::string_view("7"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->code, 0x80070007u);
  EXPECT_EQ(info->name, "ERROR_ARENA_TRASHED");
}

TEST(LookupError, ClassifiesFamiliesByValue) {
  struct Case {
    std::uint32_t code;
    ErrorFamily family;
  };
  for (const Case c : {Case{0x80070005, ErrorFamily::Win32},
                       Case{0x80072EDF, ErrorFamily::Win32},    // 11999
                       Case{0x80072EE0, ErrorFamily::WinHttp},  // 12000
                       Case{0x80072EE7, ErrorFamily::WinHttp},  // 12007
                       Case{0x800732C7, ErrorFamily::WinHttp},  // 12999
                       Case{0x800732C8, ErrorFamily::Win32},    // 13000
                       Case{0x80190194, ErrorFamily::Bits},
                       Case{0x80200010, ErrorFamily::Bits},
                       Case{0x80041002, ErrorFamily::Wmi},
                       Case{0x80040154, ErrorFamily::HResult},  // 0x8004 but not WBEM
                       Case{0x87D00454, ErrorFamily::ConfigMgr},
                       Case{0x87E00000, ErrorFamily::HResult},
                       Case{0x80004005, ErrorFamily::HResult},
                       Case{0x800B0101, ErrorFamily::HResult},
                       Case{0x00040000, ErrorFamily::HResult},
                       Case{0xC0000005, ErrorFamily::NtStatus},    // STATUS_ACCESS_VIOLATION
                       Case{0x40000000, ErrorFamily::NtStatus},    // STATUS_OBJECT_NAME_EXISTS
                       Case{0x80000005, ErrorFamily::NtStatus},    // only ntstatus.h names it
                       Case{0x8000000A, ErrorFamily::HResult},     // E_PENDING and STATUS_HANDLES_CLOSED
                       Case{0xD0000005, ErrorFamily::HResult}}) {  // HRESULT_FROM_NT
    EXPECT_EQ(lookupError(c.code).family, c.family) << formatErrorCode(c.code);
  }
}

TEST(LookupError, KeepsWin32OnlyForWin32AndWinHttpCodes) {
  EXPECT_EQ(lookupError(std::uint32_t{0x80072EE7}).win32, 12007u);
  EXPECT_EQ(lookupError(std::uint32_t{0x80190194}).win32, std::nullopt);
  EXPECT_EQ(lookupError(std::uint32_t{0x80004005}).win32, std::nullopt);
}

TEST(LookupError, UnknownButValidCodeKeepsItsFamily) {
  struct Case {
    std::uint32_t code;
    ErrorFamily family;
  };
  for (const Case c : {Case{0x8007FFFE, ErrorFamily::Win32}, Case{0x80072FFF, ErrorFamily::WinHttp},
                       Case{0x801901FF, ErrorFamily::Bits}, Case{0x80041FFF, ErrorFamily::Wmi},
                       Case{0x87DFFFFF, ErrorFamily::ConfigMgr},
                       Case{0xDEADBEEF, ErrorFamily::HResult},   // bit 30 with bit 28
                       Case{0xC0FFFFFF, ErrorFamily::NtStatus},  // bit 30 without bit 28
                       Case{0x6000FFFF, ErrorFamily::NtStatus}}) {
    const ErrorInfo info = lookupError(c.code);
    EXPECT_EQ(info.code, c.code);
    EXPECT_EQ(info.family, c.family) << formatErrorCode(c.code);
    EXPECT_FALSE(info.known()) << formatErrorCode(c.code);
    EXPECT_TRUE(info.name.empty()) << formatErrorCode(c.code);
    EXPECT_TRUE(info.text.empty()) << formatErrorCode(c.code);
  }
  EXPECT_EQ(lookupError(std::uint32_t{0x8007FFFE}).win32, 0xFFFEu);
}

TEST(ErrorFamily, HasLowerCaseNames) {
  EXPECT_EQ(toString(ErrorFamily::Win32), "win32");
  EXPECT_EQ(toString(ErrorFamily::HResult), "hresult");
  EXPECT_EQ(toString(ErrorFamily::Bits), "bits");
  EXPECT_EQ(toString(ErrorFamily::WinHttp), "winhttp");
  EXPECT_EQ(toString(ErrorFamily::Wmi), "wmi");
  EXPECT_EQ(toString(ErrorFamily::ConfigMgr), "configmgr");
  EXPECT_EQ(toString(ErrorFamily::NtStatus), "ntstatus");
}

// The two examples: CMTrace names both, and 0xC0000005 is no HRESULT.
TEST(LookupError, NamesACodeThatHasNoText) {
  const auto io = lookupError(std::string_view("0x8007045D"));
  ASSERT_TRUE(io);
  EXPECT_EQ(io->name, "ERROR_IO_DEVICE");
  EXPECT_EQ(io->family, ErrorFamily::Win32);
  EXPECT_EQ(io->win32, 1117u);
  EXPECT_FALSE(io->known());
  const auto av = lookupError(std::string_view("0xC0000005"));
  ASSERT_TRUE(av);
  EXPECT_EQ(av->name, "STATUS_ACCESS_VIOLATION");
  EXPECT_EQ(av->family, ErrorFamily::NtStatus);
  EXPECT_EQ(av->win32, std::nullopt);
}

TEST(LookupError, DecodesTheFacilityOfAnyCode) {
  struct Case {
    std::uint32_t code;
    std::uint16_t facility;
    std::string_view name;
  };
  for (const Case c : {Case{0x80070005, 7, "FACILITY_WIN32"}, Case{0x8007045D, 7, "FACILITY_WIN32"},
                       Case{0, 0, "FACILITY_NULL"},
                       Case{0x80240022, 36, "FACILITY_WINDOWSUPDATE"},  // no text, still decoded
                       Case{0x800B0101, 11, "FACILITY_CERT"}, Case{0x80200010, 32, "FACILITY_BACKGROUNDCOPY"},
                       Case{0x8024FFFF, 36, "FACILITY_WINDOWSUPDATE"},          // unnamed code
                       Case{0x87D00454, 0x7D0, ""},                             // the SDK names no 2000
                       Case{0xA0070005, 7, ""},                                 // customer bit
                       Case{0xC0020001, 2, "FACILITY_RPC_RUNTIME"},             // NTSTATUS numbering
                       Case{0xC0000005, 0, ""}, Case{0xE0434352, 0x43, ""}}) {  // customer NTSTATUS (.NET)
    const ErrorInfo info = lookupError(c.code);
    EXPECT_EQ(info.facility, c.facility) << formatErrorCode(c.code);
    EXPECT_EQ(info.facilityName, c.name) << formatErrorCode(c.code);
  }
}

TEST(LookupError, GivesHintsForSetupCodesOnly) {
  const std::string_view msi = lookupError(std::uint32_t{1603}).hint;
  EXPECT_NE(msi.find("client.msi.log"), std::string_view::npos);
  EXPECT_NE(msi.find("\"Return value 3\""), std::string_view::npos);
  EXPECT_NE(lookupError(std::uint32_t{0x87D00454}).hint.find("CCMCERTISSUERS"), std::string_view::npos);
  EXPECT_TRUE(lookupError(std::uint32_t{5}).hint.empty());
  EXPECT_TRUE(lookupError(std::uint32_t{0xC0000005}).hint.empty());
}

TEST(FormatErrorCode, WritesLowerCaseEightDigitHex) {
  EXPECT_EQ(formatErrorCode(0x80070005), "0x80070005");
  EXPECT_EQ(formatErrorCode(0x8007042C), "0x8007042c");
  EXPECT_EQ(formatErrorCode(0), "0x00000000");
  EXPECT_EQ(formatErrorCode(0xFFFFFFFF), "0xffffffff");
}

TEST(ErrorTable, IsSortedWithoutDuplicateCodes) {
  const auto rows = errorTable();
  ASSERT_FALSE(rows.empty());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_LT(rows[i - 1].code, rows[i].code)
        << formatErrorCode(rows[i - 1].code) << " then " << formatErrorCode(rows[i].code);
  }
}

TEST(ErrorTable, EveryRowHasATextAndIsFoundByItsCode) {
  for (const ErrorRow& row : errorTable()) {
    EXPECT_FALSE(row.text.empty()) << formatErrorCode(row.code);
    const ErrorInfo info = lookupError(row.code);
    EXPECT_EQ(info.code, row.code);
    EXPECT_EQ(info.name, row.name) << formatErrorCode(row.code);
    EXPECT_EQ(info.text, row.text) << formatErrorCode(row.code);
  }
}

// The codes met most around setup (docs/ccmsetup-logs.md#error-codes), each with
// its standard Windows name and wording.
TEST(ErrorTable, HoldsTheKnowledgeRowsVerbatim) {
  for (const ErrorRow& want : {
           ErrorRow{0x80070002, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."},
           ErrorRow{0x80070003, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."},
           ErrorRow{0x80070005, "ERROR_ACCESS_DENIED", "Access is denied."},
           ErrorRow{0x80070033, "ERROR_REM_NOT_LIST", "Windows cannot find the network path."},
           ErrorRow{0x80070035, "ERROR_BAD_NETPATH", "The network path was not found."},
           ErrorRow{0x80070043, "ERROR_BAD_NET_NAME", "The network name cannot be found."},
           ErrorRow{0x80070070, "ERROR_DISK_FULL", "There is not enough space on the disk."},
           ErrorRow{0x80070422, "ERROR_SERVICE_DISABLED",
                    "The service cannot be started, because it is disabled."},
           ErrorRow{0x8007042C, "ERROR_SERVICE_DEPENDENCY_FAIL",
                    "The dependency service or group failed to start."},
           ErrorRow{0x80070641, "ERROR_INSTALL_SERVICE_FAILURE",
                    "The Windows Installer Service could not be accessed."},
           ErrorRow{0x80070643, "ERROR_INSTALL_FAILURE", "Fatal error during installation."},
           ErrorRow{0x8007064C, "ERROR_INSTALL_SOURCE_ABSENT",
                    "The installation source for this product is not available."},
           ErrorRow{0x80070652, "ERROR_INSTALL_ALREADY_RUNNING",
                    "Another installation is already in progress."},
           ErrorRow{0x800706BA, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."},
           ErrorRow{0x800706FD, "ERROR_TRUSTED_RELATIONSHIP_FAILURE",
                    "The trust relationship between this workstation and the primary domain "
                    "failed."},
           ErrorRow{0x80004004, "E_ABORT", "Operation aborted"},
           ErrorRow{0x80004005, "E_FAIL", "Unspecified error"},
           ErrorRow{0x8000FFFF, "E_UNEXPECTED", "Catastrophic failure"},
           ErrorRow{0x80040154, "REGDB_E_CLASSNOTREG", "Class not registered"},
           ErrorRow{0x800B0101, "CERT_E_EXPIRED",
                    "A required certificate is not within its validity period."},
           ErrorRow{0x80090016, "NTE_BAD_KEYSET", "Keyset does not exist"},
           ErrorRow{0x80190194, "BG_E_HTTP_ERROR_404",
                    "HTTP status 404: The requested URL does not exist on the server."},
           ErrorRow{0x80200010, "BG_E_NETWORK_DISCONNECTED",
                    "There are currently no active network connections."},
           ErrorRow{0x80072EE7, "ERROR_WINHTTP_NAME_NOT_RESOLVED",
                    "The server name or address could not be resolved."},
           ErrorRow{0x80072EFD, "ERROR_WINHTTP_CANNOT_CONNECT",
                    "A connection with the server could not be established."},
           ErrorRow{0x80072F78, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE",
                    "The server returned an invalid or unrecognized response."},
           ErrorRow{0x80041002, "WBEM_E_NOT_FOUND", "Object cannot be found (WMI)."},
           ErrorRow{0x8004100E, "WBEM_E_INVALID_NAMESPACE", "Invalid namespace (WMI)."},
           ErrorRow{0x87D00215, "", "Item not found"},
           ErrorRow{0x87D00454, "CCM_E_NO_CLIENT_PKI_CERT", "No client PKI certificate is available."},
       }) {
    const ErrorInfo info = lookupError(want.code);
    EXPECT_EQ(info.name, want.name) << formatErrorCode(want.code);
    EXPECT_EQ(info.text, want.text) << formatErrorCode(want.code);
  }
}

}  // namespace
}  // namespace ccmlog
