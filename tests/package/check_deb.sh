#!/usr/bin/env bash
# Installs a ccmlog .deb into a fresh Debian 12 root, as a user would: apt
# resolves its dependencies from the archive this machine uses. Then checks
# that ccmlog analyzes the example it ships, that the viewer starts (its Qt
# libraries resolve) and that the library's files are in place.
#   tests/package/check_deb.sh ccmlog_VERSION_ARCH.deb
# The root is made in $CCMLOG_DEB_ROOT (default /var/tmp/ccmlog-deb-root),
# anew each time. Needs root, debootstrap and the network to the archive.
set -euo pipefail
deb=$(realpath "$1")
target=${CCMLOG_DEB_ROOT:-/var/tmp/ccmlog-deb-root}
fail() { echo "check_deb: FAILED: $*" >&2; exit 1; }

# The archive apt already uses here (deb822 sources or the classic list).
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || fail "no Debian archive in this machine's apt sources"

start=$SECONDS
rm -rf "$target"
echo "check_deb: debootstrap bookworm into $target" >&2
debootstrap --variant=minbase bookworm "$target" "$mirror" >"$target.debootstrap.log" 2>&1 ||
  fail "debootstrap (see $target.debootstrap.log)"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp "$deb" "$target/tmp/"
in_root() { chroot "$target" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
echo "check_deb: apt-get install ./$(basename "$deb")" >&2
{ in_root apt-get update -qq &&
  in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")"; } \
  >"$target.apt.log" 2>&1 || fail "apt-get install (see $target.apt.log)"

set +e
out=$(in_root ccmlog analyze --color=never /usr/share/doc/ccmlog/examples/service-context-2009)
status=$?
set -e
echo "$out" | head -n 3
[ $status -eq 1 ] || fail "ccmlog analyze exited $status, expected 1 (the example's install failed)"
grep -q "runs as SYSTEM and cannot read" <<<"$out" || fail "ccmlog analyze did not tell the SYSTEM story"
in_root env QT_QPA_PLATFORM=offscreen ccmlog-viewer --version 2>/dev/null | grep -q "ccmlog" ||
  fail "ccmlog-viewer --version"
for f in /usr/include/ccmlog/ccmlog.h /usr/include/ccmlog/ccmlog_c.h \
         /usr/lib/x86_64-linux-gnu/cmake/ccmlog/ccmlogConfig.cmake \
         /usr/lib/x86_64-linux-gnu/pkgconfig/ccmlog.pc /usr/share/applications/ccmlog-viewer.desktop \
         /usr/share/icons/hicolor/scalable/apps/ccmlog-viewer.svg; do
  [ -e "$target$f" ] || fail "$f is not installed"
done
grep -q "^prefix=/usr$" "$target/usr/lib/x86_64-linux-gnu/pkgconfig/ccmlog.pc" || fail "ccmlog.pc's prefix is not /usr"
rm -rf "$target" "$target.debootstrap.log" "$target.apt.log"
echo "check_deb: passed in $((SECONDS - start)) s"
