#!/usr/bin/env python3
"""Checks that ccmlog's HTML pages are well-formed and that nothing a log says
can become markup in them: no element, attribute or URL the pages do not write
themselves.

    check_pages.py check PAGE...                  check pages
    check_pages.py selftest                       the checker rejects each kind of injection
    check_pages.py all CCMLOG TESTDATA WORKDIR    write and check every page: analyze on
                                                  every testdata machine, scan on the fleet,
                                                  both on a hostile machine made here

A page passes when it is strict UTF-8 with no control characters, starts with
<!DOCTYPE html>, has the Content-Security-Policy of html/page.cpp in its head,
and every element is on the allowlist below, closed in order, with only the
attributes listed for it, each value of the shape ccmlog writes (numbers,
colours, class names, inline CSS without url() or escapes). There are no
comments and no URL-bearing attributes (href, src, ...): the only URL is the
SVG namespace. Text holds no raw '<' or '>' and no '&' that starts no entity.
"""
import html.parser
import os
import pathlib
import re
import subprocess
import sys

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
SVG_NS = "http://www.w3.org/2000/svg"

NUMBER = r"-?[0-9]+(?:\.[0-9]+)?%?"
COLOR = r"#[0-9a-f]{3}|#[0-9a-f]{6}|none"
CSS_PROPERTIES = {"background", "border-color", "border-top", "color", "width", "max-width", "height", "margin",
                  "table-layout", "overflow-wrap", "content-visibility", "contain-intrinsic-size"}
CSS_VALUE = re.compile(r"[#a-z0-9 .%-]+")  # no parentheses, quotes, slashes or escapes: no url()

ATTRIBUTE_VALUES = {
    "class": r"[a-z][a-z -]*",
    "colspan": r"[0-9]+",
    "lang": r"en",
    "role": r"img",
    "x": NUMBER, "y": NUMBER, "x1": NUMBER, "x2": NUMBER, "y1": NUMBER, "y2": NUMBER,
    "width": NUMBER, "height": NUMBER, "rx": NUMBER, "stroke-width": NUMBER,
    "viewbox": rf"{NUMBER} {NUMBER} {NUMBER} {NUMBER}",
    "fill": COLOR, "stroke": COLOR,
    "stroke-dasharray": rf"{NUMBER}(?:[ ,]{NUMBER})*",
    "d": r"[MmLlHhVvZz0-9 .,-]+",
    "text-anchor": r"start|middle|end",
    "font-weight": r"bold",
    "xmlns": re.escape(SVG_NS),
}

SVG_SHAPES = {"rect", "path", "line"}
ELEMENTS = {
    "html": {"lang"}, "head": set(), "title": set(), "style": set(), "body": set(),
    "meta": {"charset", "http-equiv", "content", "name"},
    "h1": set(), "h2": set(), "h3": set(), "p": {"class"}, "b": {"style"}, "br": set(), "span": {"class"},
    "div": {"class", "style"}, "pre": set(), "details": set(), "summary": set(),
    "table": {"style"}, "colgroup": set(), "col": {"style"}, "thead": set(), "tbody": {"style"},
    "tr": set(), "th": {"colspan", "style"}, "td": {"class", "colspan"},
    "svg": {"role", "style", "width", "height", "viewbox", "xmlns"}, "g": set(),
    "rect": {"x", "y", "width", "height", "rx", "fill", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "text": {"x", "y", "fill", "font-weight", "text-anchor"},
}
VOID = {"meta", "br", "col"}
HEAD_ONLY = {"meta", "style", "title"}
STYLE_FORBIDDEN = re.compile(r"url\(|@import|expression|javascript:|\\|</|behavior|binding", re.I)
BAD_AMPERSAND = re.compile(r"&(?!(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PageChecker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.problems = []
        self.stack = []
        self.csp = 0
        self.doctype = False

    def problem(self, text):
        line, column = self.getpos()
        self.problems.append(f"line {line}:{column}: {text}")

    def handle_decl(self, decl):
        if decl.lower() != "doctype html" or self.doctype or self.stack:
            self.problem(f"unexpected declaration <!{decl}>")
        self.doctype = True

    def unknown_decl(self, data):
        self.problem(f"unexpected <![{data[:40]}")

    def handle_comment(self, data):
        self.problem("a comment")

    def handle_pi(self, data):
        self.problem("a processing instruction")

    def check_attributes(self, tag, attrs):
        names = [name for name, _ in attrs]
        if len(set(names)) != len(names):
            self.problem(f"<{tag}> repeats an attribute")
        for name, value in attrs:
            if name not in ELEMENTS[tag]:
                self.problem(f"attribute {name} not allowed on <{tag}>")
                continue
            if value is None:
                self.problem(f"attribute {name} of <{tag}> has no value")
                continue
            if name == "style":
                for declaration in filter(None, (d.strip() for d in value.split(";"))):
                    prop, _, css = declaration.partition(":")
                    if prop.strip() not in CSS_PROPERTIES or not CSS_VALUE.fullmatch(css.strip()):
                        self.problem(f"style declaration {declaration!r} on <{tag}>")
            elif tag == "meta":
                self.check_meta(name, value)
            elif name == "xmlns" and tag != "svg":
                self.problem(f"xmlns on <{tag}>")
            elif not re.fullmatch(ATTRIBUTE_VALUES[name], value):
                self.problem(f"value {value[:60]!r} of {name} on <{tag}>")

    def check_meta(self, name, value):
        expected = {"charset": "utf-8", "name": "viewport", "http-equiv": "Content-Security-Policy"}
        if name == "content":
            if value == CSP:
                self.csp += 1
            elif value != "width=device-width, initial-scale=1":
                self.problem(f"meta content {value[:60]!r}")
        elif value != expected[name]:
            self.problem(f"meta {name}={value[:60]!r}")

    def handle_starttag(self, tag, attrs):
        if not self.doctype:
            self.problem("content before <!DOCTYPE html>")
            self.doctype = True
        if tag not in ELEMENTS:
            self.problem(f"element <{tag}> not allowed")
            return
        if tag in HEAD_ONLY and "head" not in self.stack and not (tag == "title" and "svg" in self.stack):
            self.problem(f"<{tag}> outside <head>")
        if tag == "html" and self.stack or tag != "html" and not self.stack:
            self.problem(f"<{tag}> where it cannot be")
        self.check_attributes(tag, attrs)
        if tag == "body" and self.csp != 1:
            self.problem(f"the head holds {self.csp} Content-Security-Policy, not 1")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in SVG_SHAPES and tag not in VOID:
            self.problem(f"<{tag}/> cannot close itself")
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag in ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem(f"</{tag}> of a void element")
        elif not self.stack or self.stack[-1] != tag:
            self.problem(f"</{tag}> closes {'<' + self.stack[-1] + '>' if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        in_style = self.stack and self.stack[-1] == "style"
        if in_style and STYLE_FORBIDDEN.search(data):
            self.problem("a style sheet that can fetch or run")
        if "<" in data or (">" in data and not in_style):  # a style sheet's selectors may hold '>'
            self.problem(f"raw markup character in text {data.strip()[:60]!r}")
        if not self.stack and data.strip():
            self.problem(f"text outside the document {data.strip()[:60]!r}")

    def handle_entityref(self, name):
        if name not in {"amp", "lt", "gt", "quot"}:
            self.problem(f"entity &{name};")

    def handle_charref(self, name):
        if not re.fullmatch(r"[0-9]+|x[0-9a-fA-F]+", name):
            self.problem(f"character reference &#{name};")


def problems(page: bytes):
    """What is wrong with the page: an empty list when it passes."""
    try:
        text = page.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"]
    found = []
    if not text.startswith("<!DOCTYPE html>"):
        found.append("does not start with <!DOCTYPE html>")
    if CONTROL.search(text):
        found.append(f"control character {CONTROL.search(text).group()!r}")
    if BAD_AMPERSAND.search(text):
        found.append(f"'&' that starts no entity: {text[BAD_AMPERSAND.search(text).start():][:30]!r}")
    checker = PageChecker()
    checker.feed(text)
    checker.close()
    if checker.rawdata:
        found.append(f"unfinished markup at the end: {checker.rawdata[:40]!r}")
    if checker.stack:
        found.append(f"unclosed elements: {checker.stack}")
    return found + checker.problems


def check(paths):
    failed = 0
    for path in paths:
        found = problems(pathlib.Path(path).read_bytes())
        for p in found[:20]:
            print(f"{path}: {p}")
        failed += bool(found)
    print(f"check_pages: {len(paths) - failed} of {len(paths)} pages pass")
    return 1 if failed else 0


GOOD = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        "<title>t</title><style>\nbody{color:#222}\n</style></head><body>\n"
        "<h1>PC &lt;1&gt; &amp; &#39;x&#39;</h1><div class=\"finding\" style=\"border-color:#c62828\"><p>x</p></div>\n"
        "<svg role=\"img\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">"
        "<title>t</title><rect x=\"0\" y=\"0\" width=\"5\" height=\"5\" fill=\"#c62828\"/>BODY</svg>\n"
        "</body></html>\n")

BAD = {
    "script element": "<script>alert(1)</script>",
    "event attribute": "<text x=\"1\" y=\"1\" onclick=\"alert(1)\">t</text>",
    "link": "<a href=\"javascript:alert(1)\">x</a>",
    "image": "<img src=x onerror=alert(1)>",
    "URL in style": "<text x=\"1\" y=\"1\" style=\"background:url(javascript:alert(1))\">t</text>",
    "URL in fill": "<rect x=\"0\" y=\"0\" width=\"1\" height=\"1\" fill=\"url(#evil)\"/>",
    "foreign namespace": "<svg xmlns=\"http://evil.example/\"></svg>",
    "unclosed element": "<g>",
    "stray end tag": "</g></g>",
    "raw '<'": "<text x=\"1\" y=\"1\">a < b</text>",
    "bare '&'": "<text x=\"1\" y=\"1\">a & b</text>",
    "control character": "<text x=\"1\" y=\"1\">\x1b[31m</text>",
    "comment": "<!-- x -->",
    "style element in body": "<style>@import url(x)</style>",
    "unknown element": "<foreignObject></foreignObject>",
}


def selftest():
    failures = []
    if problems(GOOD.replace("BODY", "").encode()):
        failures.append(f"a good page fails: {problems(GOOD.replace('BODY', '').encode())}")
    for name, snippet in BAD.items():
        if not problems(GOOD.replace("BODY", snippet).encode()):
            failures.append(f"not caught: {name}: {snippet!r}")
    for name, page in {"invalid UTF-8": GOOD.replace("BODY", "").encode().replace(b"PC ", b"PC \xff"),
                       "no Content-Security-Policy": GOOD.replace(CSP, "default-src *").replace("BODY", "").encode(),
                       "no doctype": GOOD.replace("<!DOCTYPE html>\n", "").replace("BODY", "").encode()}.items():
        if not problems(page):
            failures.append(f"not caught: {name}")
    for f in failures:
        print(f"check_pages selftest: {f}")
    print(f"check_pages selftest: {len(BAD) + 4 - len(failures)} of {len(BAD) + 4} cases right")
    return 1 if failures else 0


# A machine whose logs and names hold markup, quotes, URLs, control characters
# and bytes that are not UTF-8, in every place a page shows.
HOSTILE_USER = "CONTOSO\\<script>alert(\"user\")</script>'"
HOSTILE_SHARE = "\\\\srv\\\"><img src=x onerror=alert(1)>"
HOSTILE_FOLDER = b"PC-<svg onload=alert(1)>\"'&amp;javascript:alert(2)\x01\x1b[31m\xff\xfe"


def hostile_machine(testdata: pathlib.Path, fleet: pathlib.Path) -> pathlib.Path:
    log = (testdata / "machines" / "service-context-2009" / "ccmsetup.log").read_bytes()
    log = log.replace(b"CONTOSO\\helpdesk-admin", HOSTILE_USER.encode())
    log = log.replace(b"\\\\fileserver\\sccm$", HOSTILE_SHARE.encode())
    log = log.replace(b"Error 0x80070005]LOG]!>",
                      b"Error 0x80070005 <a href=\"javascript:alert(3)\">x</a> \x00\x07\x1b]0;t\x07 \xc3\x28 \xed\xa0\x80"
                      b" \xc2\x85 &amp; &#x3c;]LOG]!>", 1)
    log = log.replace(b"component=\"ccmsetup\"", b"component=\"<b onmouseover=alert(4)>\"", 3)
    machine = fleet / os.fsdecode(HOSTILE_FOLDER)
    machine.mkdir(parents=True, exist_ok=True)
    (machine / "ccmsetup.log").write_bytes(log)
    (fleet / "PC-empty<script>").mkdir(exist_ok=True)  # no-logs, its reason names the folder
    return machine


def run_all(ccmlog, testdata, work):
    testdata, work = pathlib.Path(testdata), pathlib.Path(work)
    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    hostile = hostile_machine(testdata, work / "hostile-fleet")
    jobs = [(f"analyze-{m.name}.html", ["analyze", "--format", "html", str(m)])
            for m in sorted((testdata / "machines").iterdir()) if m.is_dir()]
    jobs += [("analyze-utc.html", ["analyze", "--format", "html", "--time", "utc",
                                   str(testdata / "machines" / "service-context-2009")]),
             ("scan-fleet.html", ["scan", "--format", "html", "--progress", "never", str(testdata / "fleet")]),
             ("scan-fleet-summary.html", ["scan", "--format", "html", "--summary", str(testdata / "fleet")]),
             ("analyze-hostile.html", ["analyze", "--format", "html", str(hostile)]),
             ("scan-hostile.html", ["scan", "--format", "html", "--progress", "never", str(work / "hostile-fleet")])]
    written = []
    for name, args in jobs:
        result = subprocess.run([ccmlog, *args], capture_output=True, timeout=120)
        if result.returncode not in (0, 1, 3) or not result.stdout:
            print(f"check_pages: ccmlog {' '.join(args)} exited {result.returncode}: {result.stderr[:300]!r}")
            return 1
        (pages / name).write_bytes(result.stdout)
        written.append(pages / name)
    failed = check([str(p) for p in written])
    # The hostile text reached the pages, as text: the check is not vacuous.
    for name in ("analyze-hostile.html", "scan-hostile.html"):
        page = (pages / name).read_text(encoding="utf-8")
        for shown in ("&lt;script&gt;alert(&quot;user&quot;)&lt;/script&gt;&#39;",
                      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                      "&lt;a href=&quot;javascript:alert(3)&quot;&gt;"):
            if shown not in page:
                print(f"check_pages: {name} does not show {shown!r}: the hostile log did not reach the page")
                failed = 1
    scan = (pages / "scan-hostile.html").read_text(encoding="utf-8")
    for shown in ("PC-&lt;svg onload=alert(1)&gt;&quot;&#39;&amp;amp;javascript:alert(2)\\x01\\x1b[31m\ufffd\ufffd",
                  "PC-empty&lt;script&gt;"):
        if shown not in scan:
            print(f"check_pages: scan-hostile.html does not show the folder name {shown!r}")
            failed = 1
    return failed


def main(argv):
    if len(argv) >= 2 and argv[1] == "check":
        return check(argv[2:])
    if len(argv) == 2 and argv[1] == "selftest":
        return selftest()
    if len(argv) == 5 and argv[1] == "all":
        return run_all(*argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
