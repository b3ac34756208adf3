#!/usr/bin/env python3
"""Why did the ConfigMgr client install fail? ccmlog from Python, via ctypes.

    python3 examples/ctypes_analyze.py LIBRARY LOG_FOLDER_OR_FILE...

LIBRARY is libccmlog_c, the shared library that exports only the C API of
<ccmlog/ccmlog_c.h> and needs nothing else loaded: after `cmake --install`
it is <prefix>/lib/libccmlog_c.so (in a build tree: libccmlog/libccmlog_c.so).
Pass "libccmlog_c.so.0" to let the system's loader find an installed one.

Prints the outcome, the runs and the findings (exit status 1 when the
install failed or an error was found, 3 when nothing could be analyzed), then
looks up the outcome's error code. The report is the JSON of
`ccmlog analyze --format json` (schema ccmlog.report.v2).
"""
import ctypes
import json
import sys


class Ccmlog:
    """The four functions of ccmlog_c.h. Every returned string is freed with ccmlog_free."""

    def __init__(self, library):
        lib = ctypes.CDLL(library)
        # Results are char* we must free: declare them as void* so that ctypes
        # hands back the pointer, not a copy of the text.
        lib.ccmlog_analyze_json.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                            ctypes.POINTER(ctypes.c_void_p)]
        lib.ccmlog_analyze_json.restype = ctypes.c_void_p
        lib.ccmlog_lookup_json.argtypes = [ctypes.c_char_p]
        lib.ccmlog_lookup_json.restype = ctypes.c_void_p
        lib.ccmlog_free.argtypes = [ctypes.c_void_p]
        lib.ccmlog_free.restype = None
        lib.ccmlog_version.argtypes = []
        lib.ccmlog_version.restype = ctypes.c_char_p
        self._lib = lib

    def version(self):
        return self._lib.ccmlog_version().decode()

    def _take(self, pointer):
        """The UTF-8 text at pointer, which is then freed."""
        try:
            return ctypes.string_at(pointer).decode("utf-8")
        finally:
            self._lib.ccmlog_free(pointer)

    def analyze(self, paths):
        """The report as a dict; raises RuntimeError when there is nothing to analyze."""
        encoded = [p.encode("utf-8") for p in paths]
        array = (ctypes.c_char_p * len(encoded))(*encoded)
        error = ctypes.c_void_p()
        result = self._lib.ccmlog_analyze_json(array, len(encoded), ctypes.byref(error))
        if not result:
            raise RuntimeError(self._take(error.value) if error.value else "ccmlog failed")
        return json.loads(self._take(result))

    def lookup(self, code):
        """What an error code means: a dict, with an "error" key for a text that is no code."""
        result = self._lib.ccmlog_lookup_json(str(code).encode("utf-8"))
        if not result:
            raise MemoryError("ccmlog_lookup_json")
        return json.loads(self._take(result))


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ccmlog = Ccmlog(argv[1])
    try:
        report = ccmlog.analyze(argv[2:])
    except RuntimeError as error:
        print(f"ccmlog: {error}", file=sys.stderr)
        return 3

    outcome = report["outcome"]
    print(f"ccmlog {ccmlog.version()}, schema {report['schema']}")
    print(f"outcome: {outcome['status']} {outcome['error_code'] or ''}".rstrip())
    if outcome["operation"]:
        print(f"operation: {outcome['operation']}")
    for number, run in enumerate(report["runs"], 1):
        who = run["user"] or "?"
        if run["error_code"]:
            end = f"error {run['error_code']}"
        elif run["exit_code"] is not None:
            end = f"exit {run['exit_code']}"
        else:
            end = "no exit logged"
        print(f"run {number}: pid {run['pid']}, {who}{' (service)' if run['service'] else ''}, {end}")
    for finding in report["findings"]:
        # A consequence is shown under the finding that explains it.
        indent, because = ("  ", f" (follows from {finding['caused_by']})") if finding["caused_by"] else ("", "")
        print(f"{indent}[{finding['severity']}] {finding['rule']}: {finding['title']}{because}")
    for file in report["files"]:
        if file["error"] is not None:
            print(f"unreadable: {file['error']}", file=sys.stderr)

    if outcome["error_code"]:
        info = ccmlog.lookup(outcome["error_code"])
        print(f"{info['code']}: {info['name'] or '(no name)'}: {info['text'] or '(unknown)'}")
    failed = outcome["status"] == "failed" or any(f["severity"] == "error" for f in report["findings"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
