#!/bin/sh
# make fuzz: run each libFuzzer target for SECONDS from a copy of its seed
# corpus (t/fuzz/corpus/NAME, NAME the target without "fuzz_"). Crashes
# and the grown corpus stay in fuzz/ of the build directory. Exit status
# 1 when a target found something.
set -u
seconds=$1
shift
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for target in "$@"; do
	name=$(basename "$target")
	seeds="$srcdir/t/fuzz/corpus/${name#fuzz_}"
	work="fuzz/$name"
	mkdir -p "$work/corpus" "$work/found"
	cp "$seeds"/* "$work/corpus/" 2>/dev/null
	echo "fuzz: $name for $seconds s"
	if ! "./$target" -max_total_time="$seconds" -timeout=10 \
	    -artifact_prefix="$work/found/" -print_final_stats=1 \
	    "$work/corpus" >"$work/log" 2>&1; then
		echo "fuzz: $name FOUND something: see $work/log and $work/found/"
		status=1
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/log" |
		sed "s/^/fuzz: $name: /"
done
exit "$status"
