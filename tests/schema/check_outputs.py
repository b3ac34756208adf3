#!/usr/bin/env python3
"""Validates ccmlog's JSON outputs against the published schemas (schema/).

  check_outputs.py goldens SCHEMA_DIR GOLDEN_DIR
      every .json and .ndjson golden output; one with no schema is an error
  check_outputs.py fleets SCHEMA_DIR CCMLOG TESTDATA WORK SEED...
      fleets generated from testdata (one per seed), scanned, analyzed,
      looked up and listed record by record

Each schema is also shown to reject its first instance with a key added, so a
schema that lets anything through fails too. Needs python3-jsonschema (Debian);
exits 77 (ctest's skip) without it.
"""
import copy
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: apt-get install python3-jsonschema")
    sys.exit(77)

SCHEMAS = ("report.v2", "scan-machine.v1", "scan-summary.v1", "lookup.v1", "record.v1")


class Checker:
    def __init__(self, schema_dir):
        self.schemas = {}
        for name in SCHEMAS:
            with open(Path(schema_dir) / f"{name}.schema.json", encoding="utf-8") as f:
                self.schemas[name] = json.load(f)
        # The schemas refer to each other by file name, as installed side by side.
        uri = {name: (Path(schema_dir).resolve() / f"{name}.schema.json").as_uri() for name in SCHEMAS}
        store = {uri[name]: schema for name, schema in self.schemas.items()}
        self.validators = {}
        for name, schema in self.schemas.items():
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            resolver = jsonschema.RefResolver(uri[name], schema, store=store)
            self.validators[name] = cls(schema, resolver=resolver)
        self.failures = []
        self.checked = {name: 0 for name in SCHEMAS}
        self.first = {}

    def check(self, schema, instance, where):
        errors = sorted(self.validators[schema].iter_errors(instance), key=lambda e: list(e.path))
        for e in errors[:3]:
            path = "/".join(str(p) for p in e.path)
            self.failures.append(f"{where}: {schema}: at /{path}: {e.message[:300]}")
        self.checked[schema] += 1
        self.first.setdefault(schema, instance)

    def check_text(self, schema, text, where, ndjson):
        try:
            if ndjson:
                for n, line in enumerate(text.splitlines(), 1):  # an empty log has none
                    self.check(schema, json.loads(line), f"{where}:{n}")
            else:
                self.check(schema, json.loads(text), where)
        except json.JSONDecodeError as e:
            self.failures.append(f"{where}: not JSON: {e}")

    def check_strictness(self):
        """A schema must refuse an output that gained a key it does not describe."""
        for schema, instance in self.first.items():
            grown = copy.deepcopy(instance)
            target = grown[0] if isinstance(grown, list) else grown
            target["key_no_schema_describes"] = 1
            if self.validators[schema].is_valid(grown):
                self.failures.append(f"{schema}: accepts an instance with an unknown key")

    def finish(self):
        self.check_strictness()
        for f in self.failures:
            print(f)
        print("checked: " + ", ".join(f"{n} {s}" for s, n in self.checked.items()))
        return 1 if self.failures else 0


def schema_of_golden(rel):
    """The schema a golden output follows, from its folder and name."""
    parts = rel.parts
    if parts[0] == "analyze" and rel.suffix == ".json":
        return "report.v2", False
    if parts[0] == "lookup" and rel.suffix == ".json":
        return "lookup.v1", False
    if parts[0] == "records" and rel.suffix == ".ndjson":
        return "record.v1", True
    if parts[0] == "scan" and rel.suffix == ".ndjson":
        return ("scan-summary.v1" if rel.stem.endswith("summary") else "scan-machine.v1"), True
    return None, False


def goldens(checker, golden_dir):
    root = Path(golden_dir)
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".json", ".ndjson"):
            continue
        rel = path.relative_to(root)
        schema, ndjson = schema_of_golden(rel)
        if schema is None:
            checker.failures.append(f"{rel}: no schema describes this output (see check_outputs.py)")
            continue
        checker.check_text(schema, path.read_text(encoding="utf-8"), str(rel), ndjson)
    for schema, n in checker.checked.items():
        if n == 0:
            checker.failures.append(f"{schema}: no golden output follows it")


def make_fleet(testdata, fleet, rng):
    """Machines from testdata's, some logs cut short or swapped for odd formats,
    an empty machine folder, an empty log and one of binary bytes."""
    machines = sorted(p for p in (testdata / "machines").iterdir() if p.is_dir())
    formats = sorted((testdata / "formats").glob("*.log"))
    for i in range(rng.randint(6, 12)):
        source = rng.choice(machines)
        target = fleet / f"site-{i % 3}" / f"PC{i:03d}"
        target.mkdir(parents=True)
        for log in sorted(source.iterdir()):
            data = log.read_bytes()
            if rng.random() < 0.3:
                data = data[: rng.randint(0, len(data))]  # collection cut the copy short
            (target / log.name).write_bytes(data)
        if rng.random() < 0.3:
            shutil.copy(rng.choice(formats), target / "client.msi.log")
    (fleet / "site-0" / "PC-EMPTY").mkdir(parents=True, exist_ok=True)
    (fleet / "site-1" / "PC-NOLOG").mkdir(parents=True, exist_ok=True)
    (fleet / "site-1" / "PC-NOLOG" / "collection.txt").write_text("collection failed\n")
    (fleet / "site-2" / "PC-ZERO").mkdir(parents=True, exist_ok=True)
    (fleet / "site-2" / "PC-ZERO" / "ccmsetup.log").write_bytes(b"")
    (fleet / "site-2" / "PC-BINARY").mkdir(parents=True, exist_ok=True)
    (fleet / "site-2" / "PC-BINARY" / "ccmsetup.log").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    return sorted(p for p in fleet.rglob("PC*") if p.is_dir())


def run(ccmlog, *args):
    done = subprocess.run([ccmlog, *args], capture_output=True, timeout=120)
    if done.returncode not in (0, 1, 2, 3):
        raise RuntimeError(f"ccmlog {' '.join(args)} exited {done.returncode}: {done.stderr[:500]!r}")
    return done.stdout.decode("utf-8")


def fleets(checker, ccmlog, testdata, work, seeds):
    testdata, work = Path(testdata), Path(work)
    for seed in seeds:
        rng = random.Random(int(seed))
        fleet = work / f"fleet-{seed}"
        shutil.rmtree(fleet, ignore_errors=True)
        machines = make_fleet(testdata, fleet, rng)
        checker.check_text("scan-machine.v1", run(ccmlog, "scan", "--format", "ndjson", str(fleet)),
                           f"scan {fleet}", True)
        checker.check_text("scan-summary.v1", run(ccmlog, "scan", "--summary", "--format", "ndjson", str(fleet)),
                           f"scan --summary {fleet}", True)
        for machine in machines:
            out = run(ccmlog, "analyze", "--format", "json", str(machine))
            if out:  # nothing on stdout when no log could be read
                checker.check_text("report.v2", out, f"analyze {machine}", False)
            out = run(ccmlog, "records", str(machine))
            if out:
                checker.check_text("record.v1", out, f"records {machine}", True)
        checker.check_text("lookup.v1", run(ccmlog, "lookup", "--format", "json", "0x80070005", "garbage",
                                            str(rng.randrange(1 << 32)), "7", ""), "lookup", False)
        shutil.rmtree(fleet, ignore_errors=True)


def main(argv):
    if len(argv) >= 4 and argv[1] == "goldens":
        checker = Checker(argv[2])
        goldens(checker, argv[3])
    elif len(argv) >= 7 and argv[1] == "fleets":
        checker = Checker(argv[2])
        fleets(checker, argv[3], argv[4], argv[5], argv[6:])
    else:
        print(__doc__)
        return 2
    return checker.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
