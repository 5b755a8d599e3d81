#!/bin/sh
# Set up manifest-tools on Debian 12 and run it.
#
#   ./setup.sh          install what is missing, build, and run the nightly
#                       job (examples/nightly.sh) on the example manifests:
#                       parse, score, archive, report; prints the report's
#                       path
#   ./setup.sh check    install what is missing, build, run every test,
#                       then again in a build with ASan and UBSan, the
#                       tools' tests under valgrind, and each fuzz target
#                       for a minute (FUZZ_SECONDS)
#
# Packages come from Debian with apt-get (as root, or through sudo). The
# build goes to build/ inside the source tree, the sanitizer build to
# build-san/.
set -eu

top=$(cd "$(dirname "$0")" && pwd)
build="$top/build"
what=${1:-run}

case $what in
run|check) ;;
*) echo "usage: ./setup.sh [check]" >&2; exit 2 ;;
esac

# bsdextrautils: column(1), which examples/README uses, and its test.
packages="gcc make autoconf automake pkg-config libcsv-dev libpcre2-dev
zlib1g-dev check jq gzip time bsdextrautils"
# The checks also run the tools under valgrind, fuzz with clang and open
# the HTML report in headless Chromium, and split the job with GNU parallel.
if [ "$what" = check ]; then
	packages="$packages valgrind clang libclang-rt-14-dev chromium parallel"
fi

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	echo "setup: installing:$missing"
	if [ "$(id -u)" -eq 0 ]; then
		sudo=""
	elif command -v sudo >/dev/null; then
		sudo=sudo
	else
		echo "setup: need root (or sudo) to install:$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt configure ]; then
	autoreconf -fi
fi
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
	"$top/configure" -q
fi
make -s -j2

# summary LOG: the counts of one make check, and the log when it failed.
summary() {
	log=$1
	[ -f "$log" ] || return 0
	pass=$(sed -n 's/^# PASS: *//p' "$log")
	fail=$(sed -n 's/^# FAIL: *//p' "$log")
	err=$(sed -n 's/^# ERROR: *//p' "$log")
	skip=$(sed -n 's/^# SKIP: *//p' "$log")
	echo "tests: ${pass:-0} passed, $(( ${fail:-0} + ${err:-0} )) failed, ${skip:-0} skipped"
	if [ $(( ${fail:-0} + ${err:-0} )) -gt 0 ]; then
		tail -n 60 "$log"
	fi
}

case $what in
run)
	# The nightly job of examples/ on the example manifests of one day,
	# with the tools just built and the default rules of the tree.
	out="$build/examples"
	MANIFEST_TOOLS_BIN="$build/bin" MANIFEST_TOOLS_DATADIR="$top/examples" \
	    bash "$top/examples/nightly.sh" -d 2026-11-23 -o "$out" \
	    "$top/examples/manifests"
	echo "setup: the inspection report is $out/reports/2026-11-23.html"
	echo "setup: the scored records are in $out/archive/2026-11-23.tsv.gz"
	;;
check)
	status=0
	make -s -j2 check || status=$?
	summary "$build/test-suite.log"
	# The same tests with AddressSanitizer and UndefinedBehaviorSanitizer.
	san="$top/build-san"
	mkdir -p "$san"
	cd "$san"
	if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
		"$top/configure" -q --enable-sanitizers
	fi
	make -s -j2 check || status=$?
	summary "$san/test-suite.log"
	# The tools' tests with every tool under valgrind.
	cd "$build"
	make -s check-valgrind || status=$?
	# Each fuzz target for a minute, built with clang and libFuzzer.
	fuzz="$top/build-fuzz"
	mkdir -p "$fuzz"
	cd "$fuzz"
	if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
		"$top/configure" -q --enable-fuzz CC=clang
	fi
	make -s -j2 fuzz FUZZ_SECONDS=${FUZZ_SECONDS:-60} || status=$?
	exit "$status"
	;;
esac
