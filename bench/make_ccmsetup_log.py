#!/usr/bin/env python3
"""Writes a large, realistic ccmsetup-style CMTrace log for benchmarks.

Usage: make_ccmsetup_log.py OUT.log [SIZE_MB]   (default 200)

It replays the CMTrace records of every scenario in testdata/machines (the
2009 service-context failure, BITS 404, PKI, MSI 1603, prerequisites,
reboot, retry loops, successes) one after another, each replay a day later,
until the file has the requested size: the real mix of multi-line XML
messages, verbose download progress and ordinary lines, with a UTF-8 BOM and
CRLF line ends.
"""
import datetime
import pathlib
import re
import sys

out_path = sys.argv[1]
size = int(sys.argv[2] if len(sys.argv) > 2 else 200) * 1024 * 1024
root = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "machines"

RECORD = re.compile(rb'(<!\[LOG\[.*?\]LOG\]!><time=")([^"]*)(" date=")(\d\d)-(\d\d)-(\d{4})(".*?>\r?\n?)', re.S)

stories = []
for log in sorted(root.glob("*/ccmsetup.log")):
    data = log.read_bytes().lstrip(b"\xef\xbb\xbf")
    records = RECORD.findall(data)
    if records:
        stories.append(records)

with open(out_path, "wb") as out:
    out.write(b"\xef\xbb\xbf")
    written, day = 0, 0
    base = datetime.date(2023, 1, 1)
    while written < size:
        for records in stories:
            date = base + datetime.timedelta(days=day)
            stamp = b"%02d-%02d-%04d" % (date.month, date.day, date.year)
            for head, time, mid, _m, _d, _y, tail in records:
                rec = head + time + mid + stamp + tail
                out.write(rec)
                written += len(rec)
            day += 1
