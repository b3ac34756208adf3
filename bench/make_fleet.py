#!/usr/bin/env python3
"""Writes a fleet of machine folders for benchmarking 'ccmlog scan'.

    bench/make_fleet.py OUT_DIR [MACHINES] [--seed N]

Each machine folder OUT_DIR/site-XX/PC-NNNNN holds the logs of one scenario of
testdata/machines, drawn with the weights below (most installs succeed; the
failures are the ones helpdesk sees most). About one machine in five has its
ccmsetup.log rotated: the first part becomes ccmsetup.lo_, cut at a record
boundary, as ccmsetup does when the log grows too big. Every machine also
holds a log that is not a setup log (CcmExec.log), which scan must leave out.
The same seed gives the same fleet.
"""
import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
MACHINES = ROOT / "testdata" / "machines"

# scenario folder: relative weight
WEIGHTS = {
    "service-success": 30,
    "noservice-success": 20,
    "retry-loop-recovers": 5,
    "reboot-required": 8,
    "service-context-2009": 9,
    "bits-404-after-dp-401": 7,
    "msi-1603": 7,
    "pki-certificate-missing": 5,
    "prerequisite-failed": 6,
    "service-context-2009-pasted": 3,
}
ROTATED_SHARE = 0.2
CCMEXEC = (b'<![LOG[CcmExec service is starting.]LOG]!><time="10:00:00.000+300" date="01-17-2023" '
           b'component="CcmExec" context="" type="1" thread="1204" file="ccmexec.cpp:1093">\r\n') * 40


def rotate(data: bytes, rng: random.Random):
    """Splits a CMTrace log at a record start in its middle half: (history, current)."""
    starts = [m.start() for m in re.finditer(rb"<!\[LOG\[", data)]
    middle = [s for s in starts if len(data) // 4 < s < 3 * len(data) // 4]
    if not middle:
        return None
    cut = rng.choice(middle)
    return data[:cut], data[cut:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("machines", type=int, nargs="?", default=2000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    scenarios = {name: {f.name: f.read_bytes() for f in sorted((MACHINES / name).iterdir())} for name in WEIGHTS}
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    total = 0
    for n in range(args.machines):
        folder = args.out / f"site-{n % 20:02d}" / f"PC-{n:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        files = dict(scenarios[rng.choices(names, weights)[0]])
        if rng.random() < ROTATED_SHARE and (parts := rotate(files["ccmsetup.log"], rng)):
            files["ccmsetup.lo_"], files["ccmsetup.log"] = parts
        files["CcmExec.log"] = CCMEXEC
        for name, data in files.items():
            (folder / name).write_bytes(data)
            total += len(data)
    print(f"{args.machines} machines, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
