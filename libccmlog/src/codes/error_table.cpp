// error_table.cpp: message texts and hints of the error codes seen around client setup.
//
// Texts are the standard Windows/ConfigMgr wording (some the first sentence of a
// longer Windows text); the codes met most around setup are pinned by
// error_codes_test.cpp (docs/ccmsetup-logs.md#error-codes). A code whose wording
// we could not state with confidence is left out: it still gets its SDK name
// (codes/error_names.h) and family, a wrong text would mislead.
// A row's name is the SDK's first name for the code (the test checks it) or, for
// ConfigMgr, its published name. Hints say where to look next, after the failure
// signatures of docs/ccmsetup-logs.md#failure-signatures.
// Rows stay sorted by code (the test checks it); Win32 rows are written in decimal.
#include "codes/error_table.h"

namespace ccmlog {
namespace {

constexpr ErrorRow win32(std::uint32_t error, std::string_view name, std::string_view text,
                         std::string_view hint = {}) {
  return ErrorRow{hresultFromWin32(error), name, text, hint};
}

constexpr ErrorRow kRows[]{
    win32(0, "ERROR_SUCCESS", "The operation completed successfully."),
    // COM and OLE
    ErrorRow{0x80004001, "E_NOTIMPL", "Not implemented"},
    ErrorRow{0x80004002, "E_NOINTERFACE", "No such interface supported"},
    ErrorRow{0x80004003, "E_POINTER", "Invalid pointer"},
    ErrorRow{0x80004004, "E_ABORT", "Operation aborted"},
    ErrorRow{0x80004005, "E_FAIL", "Unspecified error"},
    ErrorRow{0x8000FFFF, "E_UNEXPECTED", "Catastrophic failure"},
    ErrorRow{0x80010105, "RPC_E_SERVERFAULT", "The server threw an exception."},
    ErrorRow{0x8001010E, "RPC_E_WRONG_THREAD",
             "The application called an interface that was marshalled for a different thread."},
    ErrorRow{0x80040154, "REGDB_E_CLASSNOTREG", "Class not registered"},
    ErrorRow{0x80040155, "REGDB_E_IIDNOTREG", "Interface not registered"},
    ErrorRow{0x800401F0, "CO_E_NOTINITIALIZED", "CoInitialize has not been called."},
    // WMI
    ErrorRow{0x80041001, "WBEM_E_FAILED", "Call failed."},
    ErrorRow{0x80041002, "WBEM_E_NOT_FOUND", "Object cannot be found (WMI)."},
    ErrorRow{0x80041003, "WBEM_E_ACCESS_DENIED",
             "Current user does not have permission to perform the action."},
    ErrorRow{0x80041004, "WBEM_E_PROVIDER_FAILURE",
             "Provider has failed at some time other than during initialization."},
    ErrorRow{0x80041005, "WBEM_E_TYPE_MISMATCH", "Type mismatch occurred."},
    ErrorRow{0x80041006, "WBEM_E_OUT_OF_MEMORY", "Not enough memory for the operation."},
    ErrorRow{0x80041007, "WBEM_E_INVALID_CONTEXT", "The IWbemContext object is not valid."},
    ErrorRow{0x80041008, "WBEM_E_INVALID_PARAMETER", "One of the parameters to the call is not correct."},
    ErrorRow{0x80041009, "WBEM_E_NOT_AVAILABLE",
             "Resource, typically a remote server, is not currently available."},
    ErrorRow{0x8004100A, "WBEM_E_CRITICAL_ERROR",
             "Internal, critical, and unexpected error occurred. Report the error to Microsoft "
             "Technical Support."},
    ErrorRow{0x8004100B, "WBEM_E_INVALID_STREAM",
             "One or more network packets were corrupted during a remote session."},
    ErrorRow{0x8004100C, "WBEM_E_NOT_SUPPORTED", "Feature or operation is not supported."},
    ErrorRow{0x8004100D, "WBEM_E_INVALID_SUPERCLASS", "Parent class specified is not valid."},
    ErrorRow{0x8004100E, "WBEM_E_INVALID_NAMESPACE", "Invalid namespace (WMI).",
             "Benign in a first install on the policy namespace lines (\"Failed to connect to "
             "policy namespace\"): the namespace does not exist yet."},
    ErrorRow{0x8004100F, "WBEM_E_INVALID_OBJECT", "Specified instance is not valid."},
    ErrorRow{0x80041010, "WBEM_E_INVALID_CLASS", "Specified class is not valid."},
    // Win32 (HRESULT_FROM_WIN32)
    win32(1, "ERROR_INVALID_FUNCTION", "Incorrect function."),
    win32(2, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."),
    win32(3, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified."),
    win32(4, "ERROR_TOO_MANY_OPEN_FILES", "The system cannot open the file."),
    win32(5, "ERROR_ACCESS_DENIED", "Access is denied."),
    win32(6, "ERROR_INVALID_HANDLE", "The handle is invalid."),
    win32(7, "ERROR_ARENA_TRASHED", "The storage control blocks were destroyed."),
    win32(8, "ERROR_NOT_ENOUGH_MEMORY", "Not enough memory resources are available to process this command."),
    win32(9, "ERROR_INVALID_BLOCK", "The storage control block address is invalid."),
    win32(10, "ERROR_BAD_ENVIRONMENT", "The environment is incorrect."),
    win32(11, "ERROR_BAD_FORMAT", "An attempt was made to load a program with an incorrect format."),
    win32(12, "ERROR_INVALID_ACCESS", "The access code is invalid."),
    win32(13, "ERROR_INVALID_DATA", "The data is invalid."),
    win32(14, "ERROR_OUTOFMEMORY", "Not enough memory resources are available to complete this operation."),
    win32(15, "ERROR_INVALID_DRIVE", "The system cannot find the drive specified."),
    win32(16, "ERROR_CURRENT_DIRECTORY", "The directory cannot be removed."),
    win32(17, "ERROR_NOT_SAME_DEVICE", "The system cannot move the file to a different disk drive."),
    win32(18, "ERROR_NO_MORE_FILES", "There are no more files."),
    win32(19, "ERROR_WRITE_PROTECT", "The media is write protected."),
    win32(20, "ERROR_BAD_UNIT", "The system cannot find the device specified."),
    win32(21, "ERROR_NOT_READY", "The device is not ready."),
    win32(22, "ERROR_BAD_COMMAND", "The device does not recognize the command."),
    win32(23, "ERROR_CRC", "Data error (cyclic redundancy check)."),
    win32(24, "ERROR_BAD_LENGTH", "The program issued a command but the command length is incorrect."),
    win32(25, "ERROR_SEEK", "The drive cannot locate a specific area or track on the disk."),
    win32(26, "ERROR_NOT_DOS_DISK", "The specified disk or diskette cannot be accessed."),
    win32(27, "ERROR_SECTOR_NOT_FOUND", "The drive cannot find the sector requested."),
    win32(29, "ERROR_WRITE_FAULT", "The system cannot write to the specified device."),
    win32(30, "ERROR_READ_FAULT", "The system cannot read from the specified device."),
    win32(31, "ERROR_GEN_FAILURE", "A device attached to the system is not functioning."),
    win32(32, "ERROR_SHARING_VIOLATION",
          "The process cannot access the file because it is being used by another process."),
    win32(33, "ERROR_LOCK_VIOLATION",
          "The process cannot access the file because another process has locked a portion of "
          "the file."),
    win32(36, "ERROR_SHARING_BUFFER_EXCEEDED", "Too many files opened for sharing."),
    win32(38, "ERROR_HANDLE_EOF", "Reached the end of the file."),
    win32(39, "ERROR_HANDLE_DISK_FULL", "The disk is full."),
    win32(50, "ERROR_NOT_SUPPORTED", "The request is not supported."),
    win32(51, "ERROR_REM_NOT_LIST", "Windows cannot find the network path."),
    win32(53, "ERROR_BAD_NETPATH", "The network path was not found."),
    win32(54, "ERROR_NETWORK_BUSY", "The network is busy."),
    win32(55, "ERROR_DEV_NOT_EXIST", "The specified network resource or device is no longer available."),
    win32(58, "ERROR_BAD_NET_RESP", "The specified server cannot perform the requested operation."),
    win32(59, "ERROR_UNEXP_NET_ERR", "An unexpected network error occurred."),
    win32(64, "ERROR_NETNAME_DELETED", "The specified network name is no longer available."),
    win32(65, "ERROR_NETWORK_ACCESS_DENIED", "Network access is denied."),
    win32(66, "ERROR_BAD_DEV_TYPE", "The network resource type is not correct."),
    win32(67, "ERROR_BAD_NET_NAME", "The network name cannot be found."),
    win32(70, "ERROR_SHARING_PAUSED",
          "The remote server has been paused or is in the process of being started."),
    win32(71, "ERROR_REQ_NOT_ACCEP",
          "No more connections can be made to this remote computer at this time because there "
          "are already as many connections as the computer can accept."),
    win32(80, "ERROR_FILE_EXISTS", "The file exists."),
    win32(82, "ERROR_CANNOT_MAKE", "The directory or file cannot be created."),
    win32(86, "ERROR_INVALID_PASSWORD", "The specified network password is not correct."),
    win32(87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
    win32(109, "ERROR_BROKEN_PIPE", "The pipe has been ended."),
    win32(110, "ERROR_OPEN_FAILED", "The system cannot open the device or file specified."),
    win32(111, "ERROR_BUFFER_OVERFLOW", "The file name is too long."),
    win32(112, "ERROR_DISK_FULL", "There is not enough space on the disk."),
    win32(120, "ERROR_CALL_NOT_IMPLEMENTED", "This function is not supported on this system."),
    win32(122, "ERROR_INSUFFICIENT_BUFFER", "The data area passed to a system call is too small."),
    win32(123, "ERROR_INVALID_NAME", "The filename, directory name, or volume label syntax is incorrect."),
    win32(126, "ERROR_MOD_NOT_FOUND", "The specified module could not be found."),
    win32(127, "ERROR_PROC_NOT_FOUND", "The specified procedure could not be found."),
    win32(145, "ERROR_DIR_NOT_EMPTY", "The directory is not empty."),
    win32(161, "ERROR_BAD_PATHNAME", "The specified path is invalid."),
    win32(170, "ERROR_BUSY", "The requested resource is in use."),
    win32(183, "ERROR_ALREADY_EXISTS", "Cannot create a file when that file already exists."),
    win32(206, "ERROR_FILENAME_EXCED_RANGE", "The filename or extension is too long."),
    win32(232, "ERROR_NO_DATA", "The pipe is being closed."),
    win32(234, "ERROR_MORE_DATA", "More data is available."),
    win32(258, "WAIT_TIMEOUT", "The wait operation timed out."),
    win32(259, "ERROR_NO_MORE_ITEMS", "No more data is available."),
    win32(267, "ERROR_DIRECTORY", "The directory name is invalid."),
    win32(995, "ERROR_OPERATION_ABORTED",
          "The I/O operation has been aborted because of either a thread exit or an application "
          "request."),
    win32(997, "ERROR_IO_PENDING", "Overlapped I/O operation is in progress."),
    win32(1003, "ERROR_CAN_NOT_COMPLETE", "Cannot complete this function."),
    win32(1009, "ERROR_BADDB", "The configuration registry database is corrupt."),
    win32(1010, "ERROR_BADKEY", "The configuration registry key is invalid."),
    win32(1011, "ERROR_CANTOPEN", "The configuration registry key could not be opened."),
    win32(1012, "ERROR_CANTREAD", "The configuration registry key could not be read."),
    win32(1013, "ERROR_CANTWRITE", "The configuration registry key could not be written."),
    win32(1051, "ERROR_DEPENDENT_SERVICES_RUNNING",
          "A stop control has been sent to a service that other running services are dependent "
          "on."),
    win32(1052, "ERROR_INVALID_SERVICE_CONTROL", "The requested control is not valid for this service."),
    win32(1053, "ERROR_SERVICE_REQUEST_TIMEOUT",
          "The service did not respond to the start or control request in a timely fashion."),
    win32(1054, "ERROR_SERVICE_NO_THREAD", "A thread could not be created for the service."),
    win32(1055, "ERROR_SERVICE_DATABASE_LOCKED", "The service database is locked."),
    win32(1056, "ERROR_SERVICE_ALREADY_RUNNING", "An instance of the service is already running."),
    win32(1057, "ERROR_INVALID_SERVICE_ACCOUNT",
          "The account name is invalid or does not exist, or the password is invalid for the "
          "account name specified."),
    win32(1058, "ERROR_SERVICE_DISABLED", "The service cannot be started, because it is disabled."),
    win32(1059, "ERROR_CIRCULAR_DEPENDENCY", "Circular service dependency was specified."),
    win32(1060, "ERROR_SERVICE_DOES_NOT_EXIST",
          "The specified service does not exist as an installed service."),
    win32(1061, "ERROR_SERVICE_CANNOT_ACCEPT_CTRL",
          "The service cannot accept control messages at this time."),
    win32(1062, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started."),
    win32(1063, "ERROR_FAILED_SERVICE_CONTROLLER_CONNECT",
          "The service process could not connect to the service controller."),
    win32(1064, "ERROR_EXCEPTION_IN_SERVICE",
          "An exception occurred in the service when handling the control request."),
    win32(1065, "ERROR_DATABASE_DOES_NOT_EXIST", "The database specified does not exist."),
    win32(1066, "ERROR_SERVICE_SPECIFIC_ERROR", "The service has returned a service-specific error code."),
    win32(1067, "ERROR_PROCESS_ABORTED", "The process terminated unexpectedly."),
    win32(1068, "ERROR_SERVICE_DEPENDENCY_FAIL", "The dependency service or group failed to start."),
    win32(1069, "ERROR_SERVICE_LOGON_FAILED", "The service did not start due to a logon failure."),
    win32(1070, "ERROR_SERVICE_START_HANG", "After starting, the service hung in a start-pending state."),
    win32(1072, "ERROR_SERVICE_MARKED_FOR_DELETE", "The specified service has been marked for deletion."),
    win32(1073, "ERROR_SERVICE_EXISTS", "The specified service already exists."),
    win32(1075, "ERROR_SERVICE_DEPENDENCY_DELETED",
          "The dependency service does not exist or has been marked for deletion."),
    win32(1115, "ERROR_SHUTDOWN_IN_PROGRESS", "A system shutdown is in progress."),
    win32(1150, "ERROR_OLD_WIN_VERSION", "The specified program requires a newer version of Windows."),
    win32(1155, "ERROR_NO_ASSOCIATION",
          "No application is associated with the specified file for this operation."),
    win32(1167, "ERROR_DEVICE_NOT_CONNECTED", "The device is not connected."),
    win32(1168, "ERROR_NOT_FOUND", "Element not found."),
    win32(1203, "ERROR_NO_NET_OR_BAD_PATH",
          "The network path was either typed incorrectly, does not exist, or the network "
          "provider is not currently available. Please try retyping the path or contact your "
          "network administrator."),
    win32(1208, "ERROR_EXTENDED_ERROR", "An extended error has occurred."),
    win32(1219, "ERROR_SESSION_CREDENTIAL_CONFLICT",
          "Multiple connections to a server or shared resource by the same user, using more than "
          "one user name, are not allowed. Disconnect all previous connections to the server or "
          "shared resource and try again."),
    win32(1222, "ERROR_NO_NETWORK", "The network is not present or not started."),
    win32(1223, "ERROR_CANCELLED", "The operation was canceled by the user."),
    win32(1231, "ERROR_NETWORK_UNREACHABLE",
          "The network location cannot be reached. For information about network "
          "troubleshooting, see Windows Help."),
    win32(1232, "ERROR_HOST_UNREACHABLE",
          "The network location cannot be reached. For information about network "
          "troubleshooting, see Windows Help."),
    win32(1237, "ERROR_RETRY", "The operation could not be completed. A retry should be performed."),
    win32(1244, "ERROR_NOT_AUTHENTICATED",
          "The operation being requested was not performed because the user has not been "
          "authenticated."),
    win32(1260, "ERROR_ACCESS_DISABLED_BY_POLICY",
          "This program is blocked by group policy. For more information, contact your system "
          "administrator."),
    win32(1314, "ERROR_PRIVILEGE_NOT_HELD", "A required privilege is not held by the client."),
    win32(1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."),
    win32(1355, "ERROR_NO_SUCH_DOMAIN",
          "The specified domain either does not exist or could not be contacted."),
    win32(1385, "ERROR_LOGON_TYPE_NOT_GRANTED",
          "Logon failure: the user has not been granted the requested logon type at this "
          "computer."),
    win32(1392, "ERROR_FILE_CORRUPT", "The file or directory is corrupted and unreadable."),
    win32(1450, "ERROR_NO_SYSTEM_RESOURCES",
          "Insufficient system resources exist to complete the requested service."),
    win32(1455, "ERROR_COMMITMENT_LIMIT", "The paging file is too small for this operation to complete."),
    win32(1460, "ERROR_TIMEOUT", "This operation returned because the timeout period expired."),
    // Windows Installer
    win32(1601, "ERROR_INSTALL_SERVICE_FAILURE", "The Windows Installer Service could not be accessed."),
    win32(1602, "ERROR_INSTALL_USEREXIT", "User cancelled installation."),
    win32(1603, "ERROR_INSTALL_FAILURE", "Fatal error during installation.",
          "Open client.msi.log (in %windir%\\ccmsetup\\Logs) at the first \"Return value 3\": "
          "the lines just above it give the reason."),
    win32(1604, "ERROR_INSTALL_SUSPEND", "Installation suspended, incomplete."),
    win32(1605, "ERROR_UNKNOWN_PRODUCT",
          "This action is only valid for products that are currently installed."),
    win32(1606, "ERROR_UNKNOWN_FEATURE", "Feature ID not registered."),
    win32(1607, "ERROR_UNKNOWN_COMPONENT", "Component ID not registered."),
    win32(1608, "ERROR_UNKNOWN_PROPERTY", "Unknown property."),
    win32(1609, "ERROR_INVALID_HANDLE_STATE", "Handle is in an invalid state."),
    win32(1610, "ERROR_BAD_CONFIGURATION",
          "The configuration data for this product is corrupt. Contact your support personnel."),
    win32(1611, "ERROR_INDEX_ABSENT", "Component qualifier not present."),
    win32(1612, "ERROR_INSTALL_SOURCE_ABSENT", "The installation source for this product is not available."),
    win32(1613, "ERROR_INSTALL_PACKAGE_VERSION",
          "This installation package cannot be installed by the Windows Installer service. You "
          "must install a Windows service pack that contains a newer version of the Windows "
          "Installer service."),
    win32(1614, "ERROR_PRODUCT_UNINSTALLED", "Product is uninstalled."),
    win32(1615, "ERROR_BAD_QUERY_SYNTAX", "SQL query syntax invalid or unsupported."),
    win32(1616, "ERROR_INVALID_FIELD", "Record field does not exist."),
    win32(1617, "ERROR_DEVICE_REMOVED", "The device has been removed."),
    win32(1618, "ERROR_INSTALL_ALREADY_RUNNING", "Another installation is already in progress.",
          "Another ccmsetup or Windows Installer run is busy (ccmsetup return code 8): let it "
          "finish, then try again."),
    win32(1619, "ERROR_INSTALL_PACKAGE_OPEN_FAILED",
          "This installation package could not be opened. Verify that the package exists and "
          "that you can access it, or contact the application vendor to verify that this is a "
          "valid Windows Installer package."),
    win32(1620, "ERROR_INSTALL_PACKAGE_INVALID",
          "This installation package could not be opened. Contact the application vendor to "
          "verify that this is a valid Windows Installer package."),
    win32(1621, "ERROR_INSTALL_UI_FAILURE",
          "There was an error starting the Windows Installer service user interface. Contact "
          "your support personnel."),
    win32(1622, "ERROR_INSTALL_LOG_FAILURE",
          "Error opening installation log file. Verify that the specified log file location "
          "exists and that you can write to it."),
    win32(1623, "ERROR_INSTALL_LANGUAGE_UNSUPPORTED",
          "The language of this installation package is not supported by your system."),
    win32(1624, "ERROR_INSTALL_TRANSFORM_FAILURE",
          "Error applying transforms. Verify that the specified transform paths are valid."),
    win32(1625, "ERROR_INSTALL_PACKAGE_REJECTED",
          "This installation is forbidden by system policy. Contact your system administrator."),
    win32(1626, "ERROR_FUNCTION_NOT_CALLED", "Function could not be executed."),
    win32(1627, "ERROR_FUNCTION_FAILED", "Function failed during execution."),
    win32(1628, "ERROR_INVALID_TABLE", "Invalid or unknown table specified."),
    win32(1629, "ERROR_DATATYPE_MISMATCH", "Data supplied is of wrong type."),
    win32(1630, "ERROR_UNSUPPORTED_TYPE", "Data of this type is not supported."),
    win32(1631, "ERROR_CREATE_FAILED",
          "The Windows Installer service failed to start. Contact your support personnel."),
    win32(1632, "ERROR_INSTALL_TEMP_UNWRITABLE",
          "The Temp folder is on a drive that is full or is inaccessible. Free up space on the "
          "drive or verify that you have write permission on the Temp folder."),
    win32(1633, "ERROR_INSTALL_PLATFORM_UNSUPPORTED",
          "This installation package is not supported by this processor type. Contact your "
          "product vendor."),
    win32(1634, "ERROR_INSTALL_NOTUSED", "Component not used on this computer."),
    win32(1635, "ERROR_PATCH_PACKAGE_OPEN_FAILED",
          "This update package could not be opened. Verify that the update package exists and "
          "that you can access it, or contact the application vendor to verify that this is a "
          "valid Windows Installer update package."),
    win32(1636, "ERROR_PATCH_PACKAGE_INVALID",
          "This update package could not be opened. Contact the application vendor to verify "
          "that this is a valid Windows Installer update package."),
    win32(1637, "ERROR_PATCH_PACKAGE_UNSUPPORTED",
          "This update package cannot be processed by the Windows Installer service. You must "
          "install a Windows service pack that contains a newer version of the Windows Installer "
          "service."),
    win32(1638, "ERROR_PRODUCT_VERSION",
          "Another version of this product is already installed. Installation of this version "
          "cannot continue. To configure or remove the existing version of this product, use "
          "Add/Remove Programs on the Control Panel."),
    win32(1639, "ERROR_INVALID_COMMAND_LINE",
          "Invalid command line argument. Consult the Windows Installer SDK for detailed command "
          "line help."),
    win32(1640, "ERROR_INSTALL_REMOTE_DISALLOWED",
          "Only administrators have permission to add, remove, or configure server software "
          "during a Terminal services remote session. If you want to install or configure "
          "software on the server, contact your network administrator."),
    win32(1641, "ERROR_SUCCESS_REBOOT_INITIATED",
          "The requested operation completed successfully. The system will be restarted so the "
          "changes can take effect."),
    win32(1642, "ERROR_PATCH_TARGET_NOT_FOUND",
          "The upgrade cannot be installed by the Windows Installer service because the program "
          "to be upgraded may be missing, or the upgrade may update a different version of the "
          "program. Verify that the program to be upgraded exists on your computer and that you "
          "have the correct upgrade."),
    // RPC, domain, reboot
    win32(1722, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."),
    win32(1723, "RPC_S_SERVER_TOO_BUSY", "The RPC server is too busy to complete this operation."),
    win32(1726, "RPC_S_CALL_FAILED", "The remote procedure call failed."),
    win32(1727, "RPC_S_CALL_FAILED_DNE", "The remote procedure call failed and did not execute."),
    win32(1753, "EPT_S_NOT_REGISTERED", "There are no more endpoints available from the endpoint mapper."),
    win32(1789, "ERROR_TRUSTED_RELATIONSHIP_FAILURE",
          "The trust relationship between this workstation and the primary domain failed."),
    win32(1909, "ERROR_ACCOUNT_LOCKED_OUT",
          "The referenced account is currently locked out and may not be logged on to."),
    win32(2250, "ERROR_NOT_CONNECTED", "This network connection does not exist."),
    win32(3010, "ERROR_SUCCESS_REBOOT_REQUIRED",
          "The requested operation is successful. Changes will not be effective until the system "
          "is rebooted."),
    win32(3011, "ERROR_SUCCESS_RESTART_REQUIRED",
          "The requested operation is successful. Changes will not be effective until the "
          "service is restarted."),
    // Winsock
    win32(10054, "WSAECONNRESET", "An existing connection was forcibly closed by the remote host."),
    win32(10060, "WSAETIMEDOUT",
          "A connection attempt failed because the connected party did not properly respond "
          "after a period of time, or established connection failed because connected host has "
          "failed to respond."),
    win32(10061, "WSAECONNREFUSED",
          "No connection could be made because the target machine actively refused it."),
    win32(11001, "WSAHOST_NOT_FOUND", "No such host is known."),
    // WinHTTP
    win32(12002, "ERROR_WINHTTP_TIMEOUT", "The operation timed out."),
    win32(12005, "ERROR_WINHTTP_INVALID_URL", "The URL is invalid."),
    win32(12006, "ERROR_WINHTTP_UNRECOGNIZED_SCHEME", "The URL does not use a recognized protocol."),
    win32(12007, "ERROR_WINHTTP_NAME_NOT_RESOLVED", "The server name or address could not be resolved."),
    win32(12029, "ERROR_WINHTTP_CANNOT_CONNECT", "A connection with the server could not be established."),
    win32(12030, "ERROR_WINHTTP_CONNECTION_ERROR",
          "The connection with the server was terminated abnormally."),
    win32(12037, "ERROR_WINHTTP_SECURE_CERT_DATE_INVALID",
          "The date in the certificate is invalid or has expired."),
    win32(12038, "ERROR_WINHTTP_SECURE_CERT_CN_INVALID",
          "The host name in the certificate is invalid or does not match."),
    win32(12045, "ERROR_WINHTTP_SECURE_INVALID_CA", "The certificate authority is invalid or incorrect."),
    win32(12152, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE",
          "The server returned an invalid or unrecognized response.",
          "Often a proxy between the client and the management or distribution point that "
          "mangles the answer."),
    win32(12175, "ERROR_WINHTTP_SECURE_FAILURE", "A security error occurred."),
    // COM server, crypto, trust
    ErrorRow{0x80080005, "CO_E_SERVER_EXEC_FAILURE", "Server execution failed"},
    ErrorRow{0x80090016, "NTE_BAD_KEYSET", "Keyset does not exist"},
    ErrorRow{0x80092004, "CRYPT_E_NOT_FOUND", "Cannot find object or property."},
    ErrorRow{0x80092012, "CRYPT_E_NO_REVOCATION_CHECK",
             "The revocation function was unable to check revocation for the certificate."},
    ErrorRow{0x80092013, "CRYPT_E_REVOCATION_OFFLINE",
             "The revocation function was unable to check revocation because the revocation "
             "server was offline."},
    ErrorRow{0x80096010, "TRUST_E_BAD_DIGEST", "The digital signature of the object did not verify."},
    ErrorRow{0x800B0100, "TRUST_E_NOSIGNATURE", "No signature was present in the subject."},
    ErrorRow{0x800B0101, "CERT_E_EXPIRED", "A required certificate is not within its validity period.",
             "On a signature check of a setup file: its signing certificate expired, or the "
             "content on the server does not match."},
    ErrorRow{0x800B0109, "CERT_E_UNTRUSTEDROOT",
             "A certificate chain processed, but terminated in a root certificate which is not "
             "trusted by the trust provider."},
    ErrorRow{0x800B010A, "CERT_E_CHAINING",
             "A certificate chain could not be built to a trusted root authority."},
    ErrorRow{0x800B010B, "TRUST_E_FAIL", "Generic trust failure."},
    ErrorRow{0x800B010C, "CERT_E_REVOKED", "A certificate was explicitly revoked by its issuer."},
    ErrorRow{0x800B010E, "CERT_E_REVOCATION_FAILURE",
             "The revocation process could not continue - the certificate(s) could not be checked."},
    ErrorRow{0x800B010F, "CERT_E_CN_NO_MATCH", "The certificate's CN name does not match the passed value."},
    ErrorRow{0x800B0110, "CERT_E_WRONG_USAGE", "The certificate is not valid for the requested usage."},
    ErrorRow{0x800B0111, "TRUST_E_EXPLICIT_DISTRUST",
             "The certificate was explicitly marked as untrusted by the user."},
    // BITS: HTTP status (0x8019) and job errors (0x8020)
    ErrorRow{0x80190190, "BG_E_HTTP_ERROR_400",
             "HTTP status 400: The request could not be processed by the server due to invalid "
             "syntax."},
    ErrorRow{0x80190191, "BG_E_HTTP_ERROR_401",
             "HTTP status 401: The requested resource requires user authentication."},
    ErrorRow{0x80190193, "BG_E_HTTP_ERROR_403",
             "HTTP status 403: The client does not have sufficient access rights to the requested "
             "server object."},
    ErrorRow{0x80190194, "BG_E_HTTP_ERROR_404",
             "HTTP status 404: The requested URL does not exist on the server.",
             "The content is missing at the management or distribution point URL of the "
             "download line."},
    ErrorRow{0x80190197, "BG_E_HTTP_ERROR_407", "HTTP status 407: Proxy authentication is required."},
    ErrorRow{0x80190198, "BG_E_HTTP_ERROR_408",
             "HTTP status 408: The server timed out waiting for the request."},
    ErrorRow{0x801901F4, "BG_E_HTTP_ERROR_500",
             "HTTP status 500: An unexpected condition prevented the server from fulfilling the "
             "request."},
    ErrorRow{0x801901F6, "BG_E_HTTP_ERROR_502",
             "HTTP status 502: The server, while acting as a gateway or proxy to fulfill the "
             "request, received an invalid response from the upstream server it accessed."},
    ErrorRow{0x801901F7, "BG_E_HTTP_ERROR_503", "HTTP status 503: The service is temporarily overloaded."},
    ErrorRow{0x801901F8, "BG_E_HTTP_ERROR_504",
             "HTTP status 504: The request was timed out waiting for a gateway."},
    ErrorRow{0x80200001, "BG_E_NOT_FOUND", "The requested job was not found."},
    ErrorRow{0x80200002, "BG_E_INVALID_STATE",
             "The requested action is not allowed in the current job state. The job might have "
             "been canceled or completed transferring. It is in a read-only state now."},
    ErrorRow{0x80200003, "BG_E_EMPTY",
             "There are no files attached to this job. Attach files to the job, and then try "
             "again."},
    ErrorRow{0x8020000B, "BG_E_ERROR_CONTEXT_GENERAL_TRANSPORT",
             "The error occurred in the transport layer. The client could not connect to the "
             "server."},
    ErrorRow{0x80200010, "BG_E_NETWORK_DISCONNECTED", "There are currently no active network connections."},
    ErrorRow{0x80200011, "BG_E_MISSING_FILE_SIZE",
             "The server did not return the file size. The URL might point to dynamic content. "
             "The Content-Length header is not available in the server's HTTP reply."},
    ErrorRow{0x80200012, "BG_E_INSUFFICIENT_HTTP_SUPPORT", "The server does not support HTTP 1.1."},
    ErrorRow{0x80200013, "BG_E_INSUFFICIENT_RANGE_SUPPORT",
             "The server does not support the necessary HTTP protocol. Background Intelligent "
             "Transfer Service (BITS) requires that the server support the Range protocol "
             "header."},
    // ConfigMgr: these codes have no published symbolic name except where given
    ErrorRow{0x87D00213, "", "Timeout occurred"},
    ErrorRow{0x87D00215, "", "Item not found",
             "From a DP lookup (GetDPLocations): the client package is on no distribution point "
             "the client can reach; from another step it means something else."},
    ErrorRow{0x87D00324, "", "The application was not detected after installation completed."},
    ErrorRow{0x87D00325, "", "The application was still detected after uninstall completed."},
    ErrorRow{0x87D00454, "CCM_E_NO_CLIENT_PKI_CERT", "No client PKI certificate is available.",
             "The management point takes HTTPS only and the client has no client-authentication "
             "certificate from the listed issuers: enrol one, fix CCMCERTISSUERS, or use Enhanced "
             "HTTP."},
    ErrorRow{0x87D00607, "", "Content not found"},
    ErrorRow{0x87D00668, "", "Software update still detected as actionable after apply"},
    ErrorRow{0x87D00692, "", "Group policy conflict"},
    ErrorRow{0x87D01106, "",
             "Failed to verify the executable file is valid or to construct the associated "
             "command line."},
};

}  // namespace

std::span<const ErrorRow> errorTable() { return kRows; }

}  // namespace ccmlog
