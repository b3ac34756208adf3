#include "classify/event_patterns.h"

namespace ccmlog::detail {
namespace {

// An error code in any notation ccmsetup writes: 0x80070005, 8007042C, -2145844844.
#define CODE R"((?P<code>(?:0x[0-9a-f]+|-?\d[0-9a-f]*)\b))"
// Optionally, later on the same line, "error[:] CODE".
#define TRAILING_CODE R"((?:[^\r\n]*?\berror:?\s*)" CODE ")?"

// Samples are the product's lines as docs/ccmsetup-logs.md quotes them. Where the
// notes elide ("…") or name a placeholder for a value the pattern captures, the
// row fills in a value of the same shape and says "filled". Rows marked
// "unconfirmed" have no real line behind them; their wording comes from the EventKind comments in timeline.h.
constexpr EventPattern kPatterns[] = {
    // Known-harmless errors first, so that no failure row claims them.
    {EventKind::Benign, R"(Failed to connect to policy namespace\. Error 0x8004100e\b)",
     "Failed to connect to policy namespace. Error 0x8004100e"},
    {EventKind::Benign, R"(Failed to revoke client upgrade local policy\. Error 0x8004100e\b)",
     "Failed to revoke client upgrade local policy. Error 0x8004100e"},
    {EventKind::Benign, R"(Failed to get client version for sending state messages\. Error 0x8004100e\b)",
     "Failed to get client version for sending state messages. Error 0x8004100e"},
    {EventKind::Benign, R"(Failed to get site version from AD with error 0x80004005\b)",
     "Failed to get site version from AD with error 0x80004005"},
    {EventKind::Benign, R"(Unexpected row count \(0\) retrieved from AD)",
     "Unexpected row count (0) retrieved from AD."},
    {EventKind::Benign, R"(Local machine is not a member of an AD domain)",
     "Local machine is not a member of an AD domain"},
    {EventKind::Benign, R"(SetInitialCommandLine failed with 0x80070002\b)",
     "SetInitialCommandLine failed with 0x80070002"},

    // Run start and context.
    {EventKind::RunStarted, R"(ccmsetup started in process (?P<pid>\d+))",
     "==========[ ccmsetup started in process 476 ]==========", scanRunStarted},
    // Anchored: "version:" alone is too common to search for anywhere in a message.
    {EventKind::Version, R"(^CcmSetup version: (?P<version>\d+(?:\.\d+)+))",
     "CcmSetup version: 5.0.8458.1007", scanCcmSetupVersion},
    {EventKind::Version, R"(^Version: (?P<version>\d+(?:\.\d+)+))", "Version: 4.0.6221.1000", scanVersion},
    {EventKind::LaunchFolder, R"(Launch from folder (?P<folder>[^\r\n]*\S))",
     R"(Launch from folder C:\Install\sccm client\)", scanLaunchFolder},
    {EventKind::CommandLine, R"(Ccmsetup command line: (?P<commandline>[^\r\n]*\S))",
     R"(Ccmsetup command line: "C:\Windows\ccmsetup\ccmsetup.exe" /runservice "/mp:server.dmz" FSP="primary.lan" SMSSITECODE="abc")",
     scanCommandLine},
    {EventKind::RunningAsUser, R"~(Running as user "(?P<user>[^"\r\n]+)")~", R"(Running as user "SYSTEM")",
     scanRunningAsUser},
    {EventKind::InServiceMain, R"(^In ServiceMain\b)", "In ServiceMain"},
    {EventKind::FreeDiskSpace, R"(Detected (?P<mb>\d+) MB free disk space)",
     "Detected 40960 MB free disk space on system drive.", scanFreeDiskSpace},

    // Service hand-off.
    {EventKind::ServiceCreated, R"(Successfully created the ccmsetup service)",
     "Successfully created the ccmsetup service"},
    {EventKind::ServiceStarted, R"(Successfully started the ccmsetup service)",
     "Successfully started the ccmsetup service"},
    {EventKind::ServiceStopped, R"(ccmsetup service is stopped)", "ccmsetup service is stopped."},
    {EventKind::ServiceDeleted, R"(Successfully deleted the ccmsetup service)",
     "Successfully deleted the ccmsetup service"},

    // Downloads. The source is greedy: a source path containing " to " still
    // splits at the last one (the destination is ccmsetup's own folder).
    {EventKind::DownloadStarted, R"(^Downloading (?P<source>[^\r\n]+) to (?P<destination>[^\r\n]*\S))",
     R"(Downloading C:\Install\sccm client\ccmsetup.exe to C:\Windows\ccmsetup\ccmsetup.exe)",
     scanDownloadStarted},
    {EventKind::DownloadProgress,
     R"(File download (?P<percent>\d+)% complete \((?P<done>\d+) of (?P<total>\d+) bytes\))",
     "File download 43% complete (262144 of 602112 bytes).", scanDownloadProgress},
    {EventKind::DownloadComplete, R"(^Download complete\b)", "Download complete."},
    {EventKind::BitsFileAdded,
     R"(Adding file '(?P<url>[^\r\n]+?)' to BITS job, saving as '(?P<destination>[^\r\n]+)')",
     R"(Adding file 'HTTP://server.dmz:80/CCM_Client/x64/client.msi' to BITS job, saving as 'C:\Windows\ccmsetup\client.msi'.)",
     scanBitsFileAdded},
    {EventKind::BitsDownloadStarted, R"(Starting BITS download)",
     "Starting BITS download for client deployment files."},
    // The description may continue on the next physical line, hence (?s).
    {EventKind::DownloadFailed,
     R"((?s)Failed to download files through BITS\. Error:?\s*)" CODE
     R"(,?\s*Description:?\s*(?P<text>.*\S))",
     "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: …",
     scanFilesThroughBitsFailed},
    {EventKind::DownloadFailed, R"(Failed to download client files by BITS\. Error:?\s*)" CODE,
     "Failed to download client files by BITS. Error 0x80190194",
     scanClientFilesByBitsFailed},  // filled: code
    {EventKind::BitsUnavailable, R"(CreateInstance of CLSID_BackgroundCopyManager failed with )" CODE,
     "CreateInstance of CLSID_BackgroundCopyManager failed with 8007042C"},
    {EventKind::BitsUnavailable, R"(does not contain the correct version of BITS)",
     "This operating system does not contain the correct version of BITS"},

    // Finding a distribution point.
    {EventKind::LocationSearch, R"(Searching for DP locations from MP)",
     "Searching for DP locations from MP(s)..."},
    {EventKind::NoGoodDpLocation, R"(Enumerated all \d+ DP locations? but none of them is good)",
     "Enumerated all 1 DP locations but none of them is good. Fallback to MP."},
    {EventKind::DpLocationFailed,
     R"(Failed to get DP locations as the expected version from MP '(?P<mp>[^'\r\n]*)'\. Error:?\s*)" CODE,
     // filled: MP name and code
     "Failed to get DP locations as the expected version from MP 'HTTP://server.dmz'. Error 0x87d00215"},
    {EventKind::DpLocationFailed, R"(GetDPLocations failed with error )" CODE,
     "GetDPLocations failed with error 0x87d00215"},  // filled: code
    {EventKind::AllMpsTried, R"(Have already tried all MPs)",
     "Have already tried all MPs. Couldn't find DP locations."},
    {EventKind::HttpAuthChallenge, R"(Got 401 challenge)", "Got 401 challenge Retrying with Windows Auth..."},
    // Unconfirmed shape: the notes only have "Failed to check url … 401";
    // the status is the first three-digit HTTP status after the URL, if any.
    {EventKind::UrlCheckFailed,
     R"(Failed to check url '?(?P<url>[^\s']*[^\s'.,])'?(?:[^\r\n]*?\b(?P<status>[1-5]\d\d)\b)?)",
     "Failed to check url HTTP://server.dmz:80/CCM_Client … 401", scanUrlCheckFailed},  // filled: url

    // Source access and the retry loop. Source rows come before WaitingForRetry:
    // the 2009 line carries both phrases and is a source failure first.
    {EventKind::SourceAccessFailed, R"(Failed to access source file \((?P<path>[^\r\n]*)\))" TRAILING_CODE,
     "Failed to access source file (…). Waiting for retry...", scanSourceFileFailed},
    {EventKind::SourceAccessFailed, R"(Source '?(?P<path>[^\r\n]+?)'? is inaccessible)" TRAILING_CODE,
     R"(Source \\srv\share is inaccessible)", scanSourceInaccessible},  // filled: path
    {EventKind::WaitingForRetry, R"(Waiting for retry)", "Waiting for retry..."},
    {EventKind::NextRetry, R"(Next retry in (?P<minutes>\d+) minute)", "Next retry in 10 minute(s)...",
     scanNextRetryIn},
    {EventKind::NextRetry, R"(Retry time:\s*(?P<minutes>\d+) minute)", "Retry time:       10 minute(s)",
     scanRetryTime},
    {EventKind::RetryTaskScheduled,
     R"(Retry Task' is scheduled to run at (?P<local>[^()\r\n]*[^()\s]) \(local\) (?P<utc>[^()\r\n]*[^()\s]) \(UTC\))",
     "'Configuration Manager Client Retry Task' is scheduled to run at 01/17/2023 04:15:43 PM "
     "(local) 01/17/2023 09:15:43 PM (UTC) time with arguments ' … /RetryWinTask:1'."},

    // MSI and prerequisites. The reboot row comes first: "Installation succeeded.
    // Windows Installer has requested a reboot." is one message, and the reboot
    // is its news. client.msi comes before the row for any other file.
    {EventKind::RebootRequired, R"(Windows Installer has requested a reboot)",
     "Windows Installer has requested a reboot"},
    {EventKind::MsiAction, R"(MSI: Action [\d:]+: (?P<action>\w+)\.)",
     "MSI: Action 11:16:40: InstallFiles. …", scanMsiAction},  // unconfirmed
    {EventKind::MsiInstallFailed,
     R"(File '?(?P<file>[^\r\n]*?\bclient\.msi)'? installation failed\. Error text: ExitCode: (?P<exitcode>\d+))",
     R"(File C:\Windows\ccmsetup\client.msi installation failed. Error text: ExitCode: 1603)"},
    {EventKind::MsiInstallSucceeded, R"(File '?(?P<file>[^\r\n]+?)'? installation succeeded)",
     R"(File C:\Windows\ccmsetup\client.msi installation succeeded.)", scanInstallSucceeded},   // unconfirmed
    {EventKind::MsiInstallSucceeded, R"(^Installation succeeded)", "Installation succeeded."},  // unconfirmed
    {EventKind::MsiReturnValue3, R"(Action ended [\d:]+: (?P<action>\w+)\. Return value 3\b)",
     "Action ended 7:33:32: InstallFinalize. Return value 3."},
    {EventKind::MsiExitCode, R"(MainEngineThread is returning (?P<exitcode>\d+))",
     "MainEngineThread is returning 1603"},
    // Windows Installer's last word, at the end of a long "Windows Installer
    // installed the product. Product Name: X. …" message (docs/ccmsetup-logs.md#msi-only).
    {EventKind::MsiStatus,
     R"((?:Product Name: (?P<product>[^\r\n]*?)\. [^\r\n]*?)?\b(?P<operation>\w+) success or error status: (?P<exitcode>-?\d+))",
     "Installation success or error status: 1603"},
    // Only its result line: "Product: X -- Error 25150. …" is an MsiError.
    {EventKind::MsiProduct,
     R"(^Product: (?P<product>[^\r\n]*?\S) -- (?:Installation|Removal|Configuration) )",
     "Product: Configuration Manager Client -- Installation operation failed."},
    {EventKind::PrerequisiteFailed,
     R"(File '?(?P<file>[^\r\n]+?)'? returned failure exit code (?P<exitcode>\d+))",
     R"(File 'C:\Windows\ccmsetup\vcredist_x64.exe' returned failure exit code 1603. Fail the installation.)"},
    {EventKind::PrerequisiteFailed,
     R"(File '?(?P<file>[^\r\n]+?)'? installation failed\. Error text: ExitCode: (?P<exitcode>\d+))",
     // filled: "File C:\Windows\ccmsetup\" where the notes elide the start
     R"(File C:\Windows\ccmsetup\MicrosoftPolicyPlatformSetup.msi installation failed. Error text: ExitCode: 1603)"},

    // Signatures and certificates.
    {EventKind::SignatureInvalid,
     R"(Could(?:n't| not) verify '(?P<file>[^\r\n]+?)' authenticode signature\. Return code )" CODE,
     "Couldn't verify '…MicrosoftPolicyPlatformSetup.msi' authenticode signature. Return code 0x800b0101"},
    // The file, when quoted before "hash", is optional: the exact wording is unconfirmed.
    {EventKind::HashMismatch,
     R"((?:'(?P<file>[^'\r\n]+)'[^\r\n]*?)?\bhash\b[^\r\n]*?\bfrom manifest does(?:n't| not) match)",
     "… hash … from manifest doesn't match"},
    {EventKind::CertificateMissing, R"(Unable to find any Certificate based on Certificate Issuers)",
     "Unable to find any Certificate based on Certificate Issuers"},
    {EventKind::CertificateMissing, R"(CCMHTTPSSTATE:\s*63\b)", "CCMHTTPSSTATE: 63"},
    {EventKind::CertificateMissing, R"(CCM_E_NO_CLIENT_PKI_CERT)", "Text=CCM_E_NO_CLIENT_PKI_CERT"},
    // Current branch, listing content over HTTPS without a certificate
    // (docs/ccmsetup-logs.md#other-wordings).
    {EventKind::CertificateMissing,
     R"(GetDirectoryList failed with a non-recoverable failure, (?P<code>(?:0x)?87d00454)\b)",
     "GetDirectoryList failed with a non-recoverable failure, 0x87d00454"},

    // Outcome.
    {EventKind::AlreadyRunning, R"(another instance of ccmsetup is already running)",
     "another instance of ccmsetup is already running"},  // unconfirmed
    {EventKind::ExitCode, R"(CcmSetup is exiting with return code (?P<code>-?\d+))",
     "CcmSetup is exiting with return code 0", scanExitCode},
    {EventKind::SetupFailed, R"(CcmSetup failed with error code )" CODE,
     "CcmSetup failed with error code 0x80190194", scanSetupFailed},
    // ConfigMgr 2007 and 2012 clients: the MSI exit code in decimal
    // (docs/ccmsetup-logs.md#other-wordings).
    {EventKind::SetupFailed, R"(\bInstallation failed with error code )" CODE,
     "Installation failed with error code 1603"},
    // After a prerequisite failed, the final code, often the run's last word
    // (docs/ccmsetup-logs.md#other-wordings).
    {EventKind::SetupFailed, R"(\bInstallFromManifest failed )" CODE,
     "InstallFromManifest failed 0x8007064c"},
    {EventKind::UninstallSucceeded, R"(\bUninstall succeeded)", "Uninstall succeeded."},
    {EventKind::UninstallSucceeded, R"(\bUninstall of product '[^'\r\n]*' succeeded)",
     "Uninstall of product '{…}' succeeded."},
    {EventKind::DeploymentStatus, R"~(ClientDeploymentMessage\b[^>]*?\bErrorCode="(?P<code>-?\d+)")~",
     R"(ClientDeploymentMessage ErrorCode="-2145844844")"},

    // Generic rows last: they match words that more specific rows also contain.
    {EventKind::CertificateMissing, R"(\berror:? (?P<code>(?:0x)?87d00454)\b)", "… error 0x87d00454"},
    {EventKind::MsiError, R"(\bError (?P<number>\d{4,5})\. (?P<text>[^\r\n]*\S))",
     // filled: the period MSI writes after the number (the notes abbreviate the line)
     "Error 25150. … CCM_Service_HostingConfiguration"},
};

#undef TRAILING_CODE
#undef CODE

}  // namespace

std::span<const EventPattern> eventPatterns() { return kPatterns; }

RE2::Options eventPatternOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

}  // namespace ccmlog::detail
