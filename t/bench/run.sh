#!/bin/bash
# The benchmark behind `make bench`: generates a manifest (1,000,000 rows,
# about 290 MB of CSV), then times each command on it and prints a table
# of median wall time, MB/s of CSV and peak RSS, with ratios against the
# yardsticks measured in the same run and the targets the issues set.
# A benchmark, not a test: a missed target is reported, not fatal. The
# exit status is 1 when the harness cannot run or a command fails.
#
# Run it from the top build directory (make bench does). Environment:
#   BENCH_ROWS  rows to generate (default 1000000)
#   BENCH_RUNS  runs of each command; the median is reported (default 5)
#   BENCH_SEED  generator seed (default 1)
#   BENCH_ONLY  sections to run, space-separated, from csv gzip select
#               score e2e memory (default: all)
#   BENCH_MEM_MB  input sizes of the memory section, in MB of CSV
#               (default "10 300 3000")
#   TMPDIR      where the generated files go (removed at exit)
#
# To add a row, add a `row` line below and, for a target, a `ratio` or
# `rss` line; see "The rows".

# make runs this with $(SHELL), which may be a plain POSIX sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi

set -u
set -o pipefail

rows=${BENCH_ROWS:-1000000}
runs=${BENCH_RUNS:-5}
seed=${BENCH_SEED:-1}
builddir=$PWD
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
only=${BENCH_ONLY:-csv gzip select score e2e memory}
mem_sizes=${BENCH_MEM_MB:-10 300 3000}
log=$builddir/bench.log
time_bin=/usr/bin/time

die() {
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

progress() {
	printf 'bench: %s\n' "$*" >&2
}

case $rows$runs$seed in
*[!0-9]*) die "BENCH_ROWS, BENCH_RUNS and BENCH_SEED must be numbers" ;;
esac
if [ "$rows" -eq 0 ] || [ "$runs" -eq 0 ]; then
	die "BENCH_ROWS and BENCH_RUNS must be positive"
fi
[ -f "$builddir/Makefile" ] ||
	die "run from the top build directory (where 'make bench' runs)"

# GNU time gives wall time and peak RSS of one command: Debian's `time`.
if ! "$time_bin" -f '%e %M' -o /dev/null true 2>/dev/null; then
	die "needs GNU time as $time_bin: apt-get install time"
fi

progress "building the generator and the yardsticks"
${MAKE:-make} -s --no-print-directory -C "$builddir" \
	t/bench/gen-manifest t/bench/csv2tsv t/bench/gzcat >&2 ||
	die "cannot build t/bench/gen-manifest t/bench/csv2tsv t/bench/gzcat"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mt-bench.XXXXXX") ||
	die "cannot make a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

csv=$tmp/manifest.csv
gz=$tmp/manifest.csv.gz
tsv=$tmp/manifest.tsv

# Results by row name.
declare -A WALL RSS NOTE CPU

# mb BYTES SECONDS: throughput in MB/s (10^6 bytes).
mb() {
	# A run under the 10 ms resolution of time(1) has no rate.
	awk -v b="$1" -v s="$2" 'BEGIN {
		if (s > 0)
			printf "%.1f", b / 1e6 / s
		else
			print "-"
	}'
}

# mib KIB: kibibytes as MiB.
mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'
}

# say FORMAT ARG...: printf and a newline, without trailing blanks.
say() {
	local s
	# shellcheck disable=SC2059
	printf -v s "$@"
	printf '%s\n' "${s%"${s##*[! ]}"}"
}

line() {
	say '%-28s %9s %9s %7s %11s   %s' "$@"
}

# want SECTION: whether BENCH_ONLY names it.
want() {
	[[ " $only " == *" $1 "* ]]
}

section() {
	printf '\n%s\n' "$*"
	line command "median s" "MB/s" "CPU s" "peak RSS" ""
}

# row NAME INPUT CMD [ARG...]: run CMD $runs times with INPUT on standard
# input and standard output to /dev/null; report the median wall time,
# MB/s of the CSV and the largest peak RSS. A CMD with a slash is a path in
# the build directory; without, a command on PATH. Either missing skips
# the row with a note. A non-zero exit fails the row.
row() {
	local name=$1 input=$2 cmd=$3 i t m u k peak=0 status med cpu
	local -a times=() cpus=()
	shift 3

	if [[ $cmd == */* ]]; then
		if [ ! -x "$builddir/$cmd" ]; then
			NOTE[$name]="skipped: $cmd not built"
			line "$name" - - - - "${NOTE[$name]}"
			return
		fi
		cmd=$builddir/$cmd
	elif ! command -v "$cmd" >/dev/null; then
		NOTE[$name]="skipped: $cmd not installed"
		line "$name" - - - - "${NOTE[$name]}"
		return
	fi
	progress "timing $name ($runs runs)"
	for ((i = 0; i < runs; i++)); do
		"$time_bin" -f '%e %M %U %S' -o "$tmp/time" \
			"$cmd" "$@" <"$input" >/dev/null 2>"$tmp/stderr"
		status=$?
		if [ "$status" -ne 0 ]; then
			NOTE[$name]="FAILED: exit $status:"
			NOTE[$name]+=" $(head -n 1 "$tmp/stderr")"
			line "$name" - - - - "${NOTE[$name]}"
			failed=1
			return
		fi
		read -r t m u k <"$tmp/time"
		times+=("$t")
		cpus+=("$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')")
		if [ "$m" -gt "$peak" ]; then
			peak=$m
		fi
	done
	# The median, or the lower of the two middle runs for an even count.
	med=$(printf '%s\n' "${times[@]}" | sort -n |
		sed -n "$(((runs + 1) / 2))p")
	cpu=$(printf '%s\n' "${cpus[@]}" | sort -n |
		sed -n "$(((runs + 1) / 2))p")
	WALL[$name]=$med
	CPU[$name]=$cpu
	RSS[$name]=$peak
	NOTE[$name]=
	line "$name" "$med" "$(mb "${row_bytes:-$csv_bytes}" "$med")" "$cpu" \
		"$(mib "$peak")"
}

# ratio NAME REF [MIN]: NAME's speed as a multiple of REF's, both from
# this run; with MIN, a target marked ok or MISSED.
ratio() {
	local name=$1 ref=$2 min=${3:-} r verdict target=
	if [ -n "$min" ]; then
		target=">= ${min}x"
	fi
	if [ -z "${WALL[$name]:-}" ] || [ -z "${WALL[$ref]:-}" ]; then
		say '%-28s %-26s %-14s %s' "$name" "- vs $ref" "$target" \
			"no figure: ${NOTE[$name]:-${NOTE[$ref]:-not run}}"
		return
	fi
	r=$(awk -v a="${WALL[$ref]}" -v b="${WALL[$name]}" \
		'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	verdict=
	if [ -n "$min" ]; then
		verdict=$(awk -v r="$r" -v m="$min" \
			'BEGIN { print (r >= m ? "ok" : "MISSED") }')
	fi
	say '%-28s %-26s %-14s %s' "$name" "${r}x $ref" "$target" "$verdict"
}

# cpu_ratio NAME REF: NAME's CPU time per byte against REF's, for tools
# that read in a thread of their own (no target: the speed target is on
# wall time).
cpu_ratio() {
	local name=$1 ref=$2 r
	[ -n "${CPU[$name]:-}" ] && [ -n "${CPU[$ref]:-}" ] || return 0
	r=$(awk -v a="${CPU[$name]}" -v b="${CPU[$ref]}" \
		'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')
	say '%-28s %-26s %-14s %s' "$name" "${r}x $ref" "in CPU time" ""
}

# rss NAME MAX_MIB: NAME's peak RSS against a target.
rss() {
	local name=$1 max=$2 verdict
	if [ -z "${RSS[$name]:-}" ]; then
		say '%-28s %-26s %-14s %s' "$name" "- peak RSS" \
			"<= $max MiB" "no figure: ${NOTE[$name]:-not run}"
		return
	fi
	verdict=MISSED
	if [ "${RSS[$name]}" -le $((max * 1024)) ]; then
		verdict=ok
	fi
	say '%-28s %-26s %-14s %s' "$name" "$(mib "${RSS[$name]}") peak RSS" \
		"<= $max MiB" "$verdict"
}

# rate NAME MIN_MBS: NAME's MB/s of the record stream against a target.
rate() {
	local name=$1 min=$2 r verdict
	if [ -z "${WALL[$name]:-}" ]; then
		say '%-28s %-26s %-14s %s' "$name" "- MB/s" ">= $min MB/s" \
			"no figure: ${NOTE[$name]:-not run}"
		return
	fi
	r=$(mb "$stream_bytes" "${WALL[$name]}")
	verdict=$(awk -v r="$r" -v m="$min" \
		'BEGIN { print (r + 0 >= m ? "ok" : "MISSED") }')
	say '%-28s %-26s %-14s %s' "$name" "$r MB/s of the stream" \
		">= $min MB/s" "$verdict"
}

# rate_csv NAME MIN_MBS: NAME's MB/s of the CSV against a target.
rate_csv() {
	local name=$1 min=$2 r verdict
	if [ -z "${WALL[$name]:-}" ]; then
		say '%-28s %-26s %-14s %s' "$name" "- MB/s" ">= $min MB/s" \
			"no figure: ${NOTE[$name]:-not run}"
		return
	fi
	r=$(mb "$csv_bytes" "${WALL[$name]}")
	verdict=$(awk -v r="$r" -v m="$min" \
		'BEGIN { print (r + 0 >= m ? "ok" : "MISSED") }')
	say '%-28s %-26s %-14s %s' "$name" "$r MB/s of CSV" ">= $min MB/s" \
		"$verdict"
}

# memory_section: each tool's peak RSS on generated input of each size of
# BENCH_MEM_MB, piped from the generator and never stored: the tool under
# GNU time inside the pipeline, so that the figure is its own.
memory_section() {
	local mbs n tool cmd k verdict max hdr
	local -A peak=()
	local b=$builddir/bin per_row
	per_row=$(awk -v b="$csv_bytes" -v r="$rows" 'BEGIN { print b / r }')
	printf '\npeak RSS by input size (CSV generated and piped, one run each)\n'
	hdr=$(printf '%-28s' tool)
	for mbs in $mem_sizes; do
		hdr+=$(printf ' %11s' "$mbs MB")
	done
	say '%s' "$hdr"
	for tool in manifest-parse risk-score manifest-select "manifest-report -n 100"; do
		for mbs in $mem_sizes; do
			n=$(awk -v m="$mbs" -v p="$per_row" 'BEGIN { printf "%d", m * 1e6 / p }')
			progress "memory: $tool on $mbs MB ($n rows)"
			case $tool in
			manifest-parse)
				cmd="$b/gen-x | T $b/manifest-parse" ;;
			risk-score)
				cmd="$b/gen-x | $b/manifest-parse | T $b/risk-score -j 1 --date 2026-11-23 -r '$srcdir/examples/rules/default.rules'" ;;
			manifest-select)
				cmd="$b/gen-x | $b/manifest-parse | T $b/manifest-select 'gross_weight_kg > 20000'" ;;
			*)
				cmd="$b/gen-x | $b/manifest-parse | T $b/manifest-report -f json -n 100" ;;
			esac
			cmd=${cmd/$b\/gen-x/$builddir/t/bench/gen-manifest -n $n -s $seed}
			cmd=${cmd/T /$time_bin -f %M -o $tmp/mem.rss }
			rm -f "$tmp/mem.rss"
			bash -c "set -o pipefail; $cmd" >/dev/null 2>"$tmp/stderr"
			if [ -s "$tmp/mem.rss" ]; then
				peak[$mbs]=$(tail -n 1 "$tmp/mem.rss")
			else
				peak[$mbs]=
			fi
		done
		max=0
		for mbs in $mem_sizes; do
			k=${peak[$mbs]:-0}
			[ "$k" -gt "$max" ] && max=$k
		done
		verdict=MISSED
		[ "$max" -gt 0 ] && [ "$max" -le $((16 * 1024)) ] && verdict="ok (<= 16 MiB)"
		hdr=$(printf '%-28s' "$tool")
		for mbs in $mem_sizes; do
			if [ -n "${peak[$mbs]}" ]; then
				hdr+=$(printf ' %11s' "$(mib "${peak[$mbs]}")")
			else
				hdr+=$(printf ' %11s' -)
			fi
		done
		say '%s   %s' "$hdr" "$verdict"
	done
}

# CPU of each stage inside the CSV pipeline of the e2e rows: each tool
# timed by GNU time within the pipeline, medians of the runs. Where the
# CPU goes tells which stage to make cheaper: on two cores the whole job
# can go no faster than half its CPU time.
stages_section() {
	local b=$builddir/bin i k total med
	local -a names=(manifest-parse risk-score manifest-select
		"manifest-report -f json")
	local -A cpus=()
	local T="$time_bin -f '%U %S' -o $tmp/stage"
	progress "timing the stages of the pipeline ($runs runs)"
	for ((i = 0; i < runs; i++)); do
		rm -f "$tmp"/stage.*
		bash -c "set -o pipefail; $T.0 $b/manifest-parse '$csv' |
			$T.1 $b/risk-score --date 2026-11-23 -r '$srcdir/examples/rules/default.rules' |
			$T.2 $b/manifest-select 'lane != \"green\"' |
			$T.3 $b/manifest-report -f json --date 2026-11-23" \
			>/dev/null 2>"$tmp/stderr" || { failed=1; return; }
		for k in 0 1 2 3; do
			cpus[$k]+="$(awk '{ printf "%.2f", $1 + $2 }' \
				"$tmp/stage.$k") "
		done
	done
	printf '\nCPU of each stage inside the pipeline on the CSV (median of %d runs)\n' "$runs"
	say '%-28s %8s %7s' stage "CPU s" share
	total=0
	for k in 0 1 2 3; do
		med=$(printf '%s\n' ${cpus[$k]} | sort -n |
			sed -n "$(((runs + 1) / 2))p")
		cpus[m$k]=$med
		total=$(awk -v t="$total" -v m="$med" 'BEGIN { print t + m }')
	done
	for k in 0 1 2 3; do
		say '%-28s %8.2f %6.0f%%' "${names[$k]}" "${cpus[m$k]}" \
			"$(awk -v m="${cpus[m$k]}" -v t="$total" \
			'BEGIN { print (t > 0 ? 100 * m / t : 0) }')"
	done
	say '%-28s %8.2f' "the four" "$total"
}

progress "generating $rows rows"
"$time_bin" -f '%e' -o "$tmp/gen.time" \
	"$builddir/t/bench/gen-manifest" -n "$rows" -s "$seed" >"$csv" ||
	die "t/bench/gen-manifest failed"
gen_s=$(tail -n 1 "$tmp/gen.time")
csv_bytes=$(wc -c <"$csv")
progress "compressing it (gzip -1)"
gzip -1 -c "$csv" >"$gz" || die "gzip failed"
gz_bytes=$(wc -c <"$gz")
# Read both once so that every command finds them in the page cache.
cat "$csv" "$gz" >/dev/null
failed=0

report() {
	printf 'manifest-tools benchmark, %s, %s, %s CPUs\n' \
		"$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -srm)" "$(nproc)"
	printf 'input: %s rows (gen-manifest -s %s), %s bytes = %s MB\n' \
		"$rows" "$seed" "$csv_bytes" "$(mb "$csv_bytes" 1)"
	printf 'of CSV, generated in %s s; %s MB as gzip -1\n' \
		"$gen_s" "$(mb "$gz_bytes" 1)"
	cat <<EOF
each figure: median wall time of $runs runs reading the file, output to
/dev/null; MB/s counts the CSV bytes (for .gz input too), MB = 10^6 bytes;
CPU s is the median user + system time (above the wall time when a tool
reads in a thread of its own); peak RSS is the largest of the runs.
References: csv2tsv, a bare libcsv loop writing the record stream; gzcat,
zlib gzread alone.
EOF

	# ---- The rows ----------------------------------------------------
	# A tool that reads the record stream can take its input from a file
	# made once here, e.g. bin/manifest-parse "$csv" >"$tmp/manifest.tsv".
	if want csv; then
		section "CSV input"
		row csv2tsv "$csv" t/bench/csv2tsv
		row manifest-parse /dev/null bin/manifest-parse "$csv"
		row "mlr --icsv --otsv cat" "$csv" mlr --icsv --otsv cat
	fi
	if want gzip; then
		section "gzip input"
		row gzcat /dev/null t/bench/gzcat "$gz"
		row "manifest-parse .gz" /dev/null bin/manifest-parse "$gz"
	fi

	# The record stream: manifest-parse's output, made once.
	progress "making the record stream"
	"$builddir/bin/manifest-parse" "$csv" >"$tsv" 2>/dev/null ||
		die "bin/manifest-parse failed on the generated CSV"
	gzip -1 -c "$tsv" >"$tsv.gz" || die "gzip failed"
	cat "$tsv" "$tsv.gz" >/dev/null
	row_bytes=$(wc -c <"$tsv")
	stream_bytes=$row_bytes
	if want select; then
		section "record stream input ($(mb "$row_bytes" 1) MB; MB/s of it)"
		filter='gross_weight_kg > 20000 && description ~ /said to contain|general cargo/i'
		row "mawk filter" "$tsv" mawk -F '\t' \
			'NR == 1 || ($29 > 20000 && tolower($32) ~ /said to contain|general cargo/)'
		row manifest-select /dev/null bin/manifest-select "$filter" "$tsv"
		row "gzcat .tsv.gz" /dev/null t/bench/gzcat "$tsv.gz"
		row "manifest-select .gz" /dev/null bin/manifest-select "$filter" "$tsv.gz"
	fi
	if want score; then
		# The 50-rule set of t/bench/bench.rules (30 regex, 20 numeric);
		# the naive way is the same binary evaluating every rule.
		rules=$srcdir/t/bench/bench.rules
		section "risk-score, 50 rules ($(mb "$row_bytes" 1) MB stream; MB/s of it)"
		row "risk-score --no-prefilter" /dev/null bin/risk-score \
			--no-prefilter --date 2026-11-23 -r "$rules" "$tsv"
		row risk-score /dev/null bin/risk-score --date 2026-11-23 \
			-r "$rules" "$tsv"
		row "risk-score -j1 --no-prefilter" /dev/null bin/risk-score \
			-j 1 --no-prefilter --date 2026-11-23 -r "$rules" "$tsv"
		row "risk-score -j1" /dev/null bin/risk-score -j 1 \
			--date 2026-11-23 -r "$rules" "$tsv"
		row "risk-score default rules" /dev/null bin/risk-score \
			--date 2026-11-23 -r "$srcdir/examples/rules/default.rules" \
			"$tsv"
		row "risk-score -j1 default rules" /dev/null bin/risk-score \
			-j 1 --date 2026-11-23 \
			-r "$srcdir/examples/rules/default.rules" "$tsv"
	fi
	if want e2e; then
		# The whole job on the CSV, as a shell pipeline of the four
		# tools with the default rule set, against the same screening
		# written for Miller: six of the rules, as one filter.
		row_bytes=$csv_bytes
		b=$builddir/bin
		job="risk-score --date 2026-11-23 -r '$srcdir/examples/rules/default.rules'"
		job="$job | $b/manifest-select 'lane != \"green\"'"
		job="$job | $b/manifest-report -f json --date 2026-11-23"
		section "the whole job: parse | score | select | report -f json (MB/s of CSV)"
		row "pipeline" /dev/null bash -c "$b/manifest-parse '$csv' | $b/$job"
		row "pipeline .gz" /dev/null bash -c "$b/manifest-parse '$gz' | $b/$job"
		row "mlr filter, 6 rules" "$csv" mlr --icsv --otsv filter \
			-f "$srcdir/t/bench/screen.mlr"
	fi
	if want e2e; then
		stages_section
	fi
	row_bytes=

	if want memory; then
		memory_section
	fi

	printf '\nratios in this run, and targets\n'
	if want csv; then
		ratio manifest-parse csv2tsv 0.8
		cpu_ratio manifest-parse csv2tsv
		rss manifest-parse 16
		ratio "mlr --icsv --otsv cat" csv2tsv
	fi
	if want gzip; then
		ratio "manifest-parse .gz" gzcat
		rss "manifest-parse .gz" 16
	fi
	if want select; then
		ratio manifest-select "mawk filter" 3
		rss manifest-select 16
		ratio "manifest-select .gz" "gzcat .tsv.gz" 0.9
		rss "manifest-select .gz" 16
	fi
	if want e2e; then
		ratio pipeline "mlr filter, 6 rules" 6
		rate_csv pipeline 150
		rate_csv "pipeline .gz" 150
	fi
	if want score; then
		ratio risk-score "risk-score --no-prefilter" 2
		ratio "risk-score -j1" "risk-score -j1 --no-prefilter" 2
		rate risk-score 300
		rate "risk-score -j1" 300
		rss risk-score 16
		rss "risk-score -j1" 16
		rss "risk-score default rules" 16
	fi
	return "$failed"
}

report | tee "$log"
status=$?
progress "saved to $log"
exit "$status"
