/* ccmlog/ccmlog_c.h: the C API, for C programs and foreign-function
 * interfaces (Python ctypes, .NET P/Invoke, PowerShell, Go cgo, ...).
 *
 *   const char* paths[] = {"C:/logs/PC042"};        // folders or files, UTF-8
 *   char* error = NULL;
 *   char* json = ccmlog_analyze_json(paths, 1, &error);
 *   if (!json) { fprintf(stderr, "%s\n", error); ccmlog_free(error); return 3; }
 *   puts(json);                                      // schema "ccmlog.report.v2"
 *   ccmlog_free(json);
 *
 * Every result is a JSON document in a string the library allocated; release
 * it with ccmlog_free (never with your own free(): the library may use another
 * heap). Strings in and out are UTF-8. No C++ exception crosses this API; a
 * failure inside is reported like any other error. All functions may be called
 * from several threads at once.
 *
 * Two libraries carry these functions: libccmlog itself (with the C++ API;
 * a static libccmlog needs a C++ link, e.g. link with c++ or add -lstdc++), and
 * libccmlog_c, a shared library that exports only these four functions and
 * needs nothing else loaded: the one to give to ctypes or P/Invoke
 * (examples/ctypes_analyze.py shows the Python side). */
#ifndef CCMLOG_CCMLOG_C_H
#define CCMLOG_CCMLOG_C_H

#include <stddef.h>

#include "ccmlog/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Analyzes one machine's logs, exactly as `ccmlog analyze --format json`
 * does, and returns the same text (indented, ending with a newline): files,
 * runs, phases, outcome and findings, most serious first (see
 * <ccmlog/json.h> for the schema). `paths` holds `count` files or
 * folders; a folder stands for the setup logs directly in it.
 * A file that cannot be read (missing, unreadable) beside readable ones does
 * not fail the call: it appears in "files" with an "error" and the others are
 * analyzed. On failure (nothing to analyze: no paths, a folder without logs
 * or one that cannot be listed, not one file readable; paths NULL while
 * count > 0; out of memory) returns NULL
 * and, when `error` is not NULL, sets *error to a message a person can act on
 * (free it with ccmlog_free; it may be NULL when even that allocation
 * failed). On success *error is set to NULL. */
CCMLOG_EXPORT char* ccmlog_analyze_json(const char* const* paths, size_t count, char** error);

/* What an error code means, as one JSON object of the shape
 * `ccmlog lookup --format json` prints per code:
 *   {"input": "5", "code": "0x80070005", "decimal": -2147024891, "win32": 5,
 *    "family": "win32", "name": "ERROR_ACCESS_DENIED", "text": "Access is denied.",
 *    "facility": 7, "facility_name": "FACILITY_WIN32", "hint": null}
 * `code` may be written in any notation <ccmlog/error_codes.h> accepts
 * (0x80070005, 80070005, -2147024891, 2147942405, 5, ERROR_ACCESS_DENIED).
 * "win32", "name", "text", "facility_name" and "hint" are null when they do
 * not apply or are not known.
 * A text that is no error code in any notation still gives an object, with the
 * message under "error" and no other key but "input":
 *   {"input": "banana", "error": "not an error code: 'banana' (...)"}
 * so callers can tell a bad code from a failure by the "error" key.
 * Returns NULL only when `code` is NULL or memory runs out. Free the result
 * with ccmlog_free. */
CCMLOG_EXPORT char* ccmlog_lookup_json(const char* code);

/* Releases a string returned by this API. NULL is allowed and does nothing. */
CCMLOG_EXPORT void ccmlog_free(void* p);

/* The version of the library loaded, "MAJOR.MINOR.PATCH" (static storage,
 * never freed). Compare with CCMLOG_VERSION_STRING of <ccmlog/version.h> to
 * detect a mismatch between headers and a shared library. */
CCMLOG_EXPORT const char* ccmlog_version(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CCMLOG_CCMLOG_C_H */
