#!/usr/bin/env python3
"""Writes a large, realistic ccmsetup-style CMTrace log for benchmarks.

Usage: make_ccmsetup_log.py OUT.log [SIZE_MB]   (default 200)

The file repeats install stories (bootstrap + service run, downloads with
progress, retries, MSI actions, failures, successes) with increasing times,
multi-line XML messages, a UTF-8 BOM and CRLF line ends; records average about
200 bytes, as in real ccmsetup.log files.
"""
import random
import sys

out_path = sys.argv[1]
size = int(sys.argv[2] if len(sys.argv) > 2 else 200) * 1024 * 1024
rng = random.Random(42)

STORY = [
    (1, "==========[ ccmsetup started in process {pid} ]=========="),
    (1, "Launch from folder \\\\fileserver\\sccm$\\client\\"),
    (1, "CcmSetup version: 5.0.9122.1000"),
    (1, "Ccmsetup command line: \"C:\\Windows\\ccmsetup\\ccmsetup.exe\" /runservice \"/mp:MP01.contoso.com\" SMSSITECODE=PS1 FSP=FSP01.contoso.com"),
    (1, "Running as user \"SYSTEM\""),
    (0, "In ServiceMain"),
    (1, "Detected 40960 MB free disk space on system drive."),
    (1, "Searching for DP locations from MP(s)..."),
    (1, "Got 401 challenge Retrying with Windows Auth..."),
    (1, "Adding file 'HTTP://MP01.contoso.com:80/CCM_Client/x64/client.msi' to BITS job, saving as 'C:\\Windows\\ccmsetup\\client.msi'."),
    (1, "Starting BITS download for client deployment files."),
    (0, "File download {pct}% complete ({done} of 602112 bytes)."),
    (0, "File download {pct}% complete ({done} of 602112 bytes)."),
    (0, "File download {pct}% complete ({done} of 602112 bytes)."),
    (3, "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404:\nThe requested URL does not exist on the server."),
    (2, "Next retry in 10 minute(s)..."),
    (3, "Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error 0x80070005"),
    (1, "Download complete."),
    (1, "Sending Fallback Status Point message to 'FSP01.contoso.com', STATEID='100'.\r\n<ClientDeploymentMessage ErrorCode=\"-2145844844\">\r\n  <Client Baseline=\"1\" Platform=\"2\" />\r\n  <![CDATA[x]]>\r\n</ClientDeploymentMessage>"),
    (0, "MSI: Action 11:16:40: InstallFiles. Copying new files"),
    (0, "MSI: Action 11:16:41: WriteRegistryValues. Writing system registry values"),
    (0, "MSI: Action 11:16:42: CcmRegisterHostingConfiguration."),
    (1, "Installing version 5.00.9122.1000 of the client with product code {{B6C3E6E0-5F3B-4E21-9D2C-6A1F7B0C8E35}}"),
    (3, "Failed to connect to policy namespace. Error 0x8004100e"),
    (1, "CcmSetup failed with error code 0x80070643"),
    (1, "CcmSetup is exiting with return code 0"),
]

with open(out_path, "wb") as out:
    out.write(b"\xef\xbb\xbf")
    written = 0
    seconds = 9 * 3600
    day = 17
    pid = 1000
    while written < size:
        pid += 4
        for typ, text in STORY:
            seconds += rng.randint(0, 3)
            if seconds >= 86400:
                seconds -= 86400
                day = day % 28 + 1
            pct = rng.randint(1, 99)
            msg = text.format(pid=pid, pct=pct, done=602112 * pct // 100)
            rec = ('<![LOG[%s]LOG]!><time="%02d:%02d:%02d.%03d+300" date="01-%02d-2023" '
                   'component="ccmsetup" context="" type="%d" thread="%d" file="ccmsetup.cpp:%d">\r\n'
                   % (msg, seconds // 3600, seconds // 60 % 60, seconds % 60, rng.randint(0, 999),
                      day, typ, pid + 4, rng.randint(100, 12000))).encode()
            out.write(rec)
            written += len(rec)
