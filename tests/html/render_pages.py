#!/usr/bin/env python3
"""Renders ccmlog's two pages in headless Chromium and checks what a person would see.

    render_pages.py CCMLOG TESTDATA WORKDIR [--docs DOCS]

The analyze page of testdata/machines/service-context-2009 and the scan page
of testdata/fleet are written, drawn by 'chromium --headless --screenshot' in a
window 1200 px wide (both pages also 760 px wide, a narrow window), and the
PNGs read with Pillow: each must have the window's size,
be no blank page (many colours, a good share of the pixels not white, dark
text), show the verdict colour (the failed red #c62828 of the banner, the
bars, the outcome words) and the success green on the fleet page, and have
nothing cut off at its right edge (a page wider than the window).

With --docs, also writes the screenshots README shows: DOCS/report-page.png and
DOCS/fleet-page.png (its first machine unfolded, as after a click), reduced
to 64 colours to stay small.

Exits 77 (ctest's skip) when Chromium or Pillow is missing, saying what to
install: scripts/setup browser.
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

FAILED_RED = (0xC6, 0x28, 0x28)
SUCCESS_GREEN = (0x2E, 0x7D, 0x32)


def skip(why):
    print(f"render_pages: SKIP: {why}; 'scripts/setup browser' installs Chromium and Pillow (Debian's chromium, "
          "python3-pil)")
    sys.exit(77)


def screenshot(chromium, page: pathlib.Path, png: pathlib.Path, size, profile: pathlib.Path):
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size[0]},{size[1]}",
               page.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    if result.returncode != 0 or not png.exists():
        raise SystemExit(f"render_pages: chromium failed on {page} ({result.returncode}): {result.stderr[-600:]!r}")


def problems(png: pathlib.Path, size, colours: dict):
    from PIL import Image
    image = Image.open(png).convert("RGB")
    found = []
    if image.size != size:
        found.append(f"size {image.size}, not {size}")
    width, height = image.size
    counts = {rgb: n for n, rgb in image.getcolors(maxcolors=width * height)}
    total = image.size[0] * image.size[1]
    white = counts.get((255, 255, 255), 0)
    if len(counts) < 50 or white > 0.97 * total:
        found.append(f"looks blank: {len(counts)} colours, {white * 100 // total}% white")
    dark = sum(n for rgb, n in counts.items() if max(rgb) < 0x50)
    if dark < 2000:
        found.append(f"hardly any text: {dark} dark pixels")
    for name, (rgb, least) in colours.items():
        if counts.get(rgb, 0) < least:
            found.append(f"{name} #{bytes(rgb).hex()} in {counts.get(rgb, 0)} pixels, fewer than {least}")
    edge = image.crop((width - 6, 0, width, height))
    drawn = sum(n for n, rgb in edge.getcolors(maxcolors=6 * height) if rgb != (255, 255, 255))
    if drawn:
        found.append(f"{drawn} pixels drawn at the right edge: the page is wider than {width} px")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ccmlog")
    parser.add_argument("testdata", type=pathlib.Path)
    parser.add_argument("work", type=pathlib.Path)
    parser.add_argument("--docs", type=pathlib.Path)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        skip("no chromium on PATH")
    try:
        import PIL  # noqa: F401
    except ImportError:
        skip(f"no Pillow for {sys.executable}")

    args.work.mkdir(parents=True, exist_ok=True)
    analyze = ["analyze", "--format", "html", str(args.testdata / "machines" / "service-context-2009")]
    scan = ["scan", "--format", "html", "--progress", "never", str(args.testdata / "fleet")]
    fleet_colours = {"the failed bar and words": (FAILED_RED, 3000), "the success bar": (SUCCESS_GREEN, 1500)}
    pages = {  # name: command, window, colours that must show
        "report-page": (analyze, (1200, 1400), {"the failed verdict": (FAILED_RED, 20000)}),
        "report-page-narrow": (analyze, (760, 1000), {"the failed verdict": (FAILED_RED, 10000)}),
        "fleet-page": (scan, (1200, 1400), fleet_colours),
        "fleet-page-narrow": (scan, (760, 1000), fleet_colours),
    }
    failed = False
    with tempfile.TemporaryDirectory(dir=args.work) as profile:
        for name, (command, size, colours) in pages.items():
            result = subprocess.run([args.ccmlog, *command], capture_output=True, timeout=120)
            html = args.work / f"{name}.html"
            html.write_bytes(result.stdout)
            png = args.work / f"{name}.png"
            png.unlink(missing_ok=True)
            screenshot(chromium, html, png, size, pathlib.Path(profile))
            found = problems(png, size, colours)
            for p in found:
                print(f"render_pages: {png}: {p}")
            failed = failed or bool(found)
            print(f"render_pages: {name}: {'FAILED' if found else 'looks right'} ({png})")
            if args.docs and not found and size[0] == 1200:
                if name == "fleet-page":  # one machine unfolded, as after a click
                    html.write_bytes(result.stdout.replace(b"<details>", b"<details open>", 1))
                    screenshot(chromium, html, png, size, pathlib.Path(profile))
                from PIL import Image
                Image.open(png).convert("RGB").quantize(colors=64).save(args.docs / f"{name}.png", optimize=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
