#!/bin/bash
# nightly.sh: screen one day's cargo manifests, as a cron job.
#
# usage: nightly.sh [-d DATE] [-r RULES]... [-o OUTDIR] INDIR
#
# The day's manifest files are the files of INDIR whose names hold DATE
# (YYYY-MM-DD, by default today) and end in .csv or .csv.gz, such as
# sea-2026-11-23.csv and air-2026-11-23.csv.gz. Each is parsed with
# manifest-parse, with the options that INDIR/sources.conf gives for its
# name, and scored with risk-score for DATE, with the rules files given
# with -r or else the default rule set. The script writes, under OUTDIR
# (by default the current directory):
#
#   archive/DATE.tsv.gz   every scored record of the day, one header
#   reports/DATE.html     manifest-report -f html: the inspection list of
#                         the red and yellow lanes, and the summary of
#                         every record of the day
#   alerts/DATE.txt       manifest-report -f alert: one line per red-lane
#                         consignment, to share with other units
#   rejects/DATE.csv      the raw text of the rows manifest-parse rejected,
#                         only when there were any
#   nightly.log           one line per run, appended, with a time stamp
#
# and prints the same line, without the time stamp, on standard error:
#
#   nightly.sh: 2026-11-23: files=3 records=899 rejected=0 red=12 yellow=24 green=863
#
# Each output is written under a temporary name in its own folder, and
# renamed only when every stage of the run has succeeded: a failed run
# leaves no half archive or report, and leaves the outputs of an earlier
# run for the same day as they were.
#
# sources.conf, if INDIR has one, says how to read each source's files.
# One line per source, "PATTERN OPTIONS...": PATTERN is a shell pattern
# matched against the file's name, OPTIONS are manifest-parse options for
# the file's layout (-d, -m, --date-order, --decimal, --encoding), split
# at white space, without quoting. The first line whose pattern matches
# counts; a file that no line matches is read with no options. Blank
# lines, and lines whose first character other than white space is #,
# are ignored. The script works inside INDIR, so that the records' source
# field holds the files' names, and paths in OPTIONS, such as mapping
# files, are relative to INDIR. As in examples/manifests/sources.conf:
#
#   # Hamburg port community system: semicolon-separated Latin-1, German
#   # headings, decimal comma (gzip or plain).
#   hamburg-*.csv*  --encoding latin1 --decimal comma -m hamburg.map
#
# The tools are found on PATH; MANIFEST_TOOLS_BIN, if set, is put in
# front of it. MANIFEST_TOOLS_DATADIR, if set, is where risk-score finds
# its default rule set (risk-score(1)).
#
# Exit status:
#   0  the day was screened and every output written; rows that
#      manifest-parse rejected are a warning, in the log line
#      (rejected=N WARNING: ...) and in rejects/DATE.csv, and so is a
#      file of which no column maps to a field of the schema
#   1  INDIR holds no manifest file for DATE: nothing is written but the
#      log line (a day without manifests may be a broken feed)
#   2  a usage error, such as a date that does not exist (not logged),
#      or a failure: a tool that failed (exit status 2 of any stage),
#      rules that do not compile, an output that cannot be written; the
#      messages name the stage and the file, the log line says FAILED,
#      and no output of the day is written
# A run stopped by SIGINT or SIGTERM is logged as failed too, and exits
# with status 130 or 143.
#
# Run it each night from cron, after the day's manifests have arrived
# and before the shift that inspects them, as a user who can read INDIR
# and write OUTDIR; cron mails what it prints. Cron's PATH is short, so
# name the folder of the tools (crontab(5) needs % written \%):
#
#   30 2 * * * MANIFEST_TOOLS_BIN=/usr/local/bin /srv/screening/nightly.sh -o /srv/screening /srv/manifests/inbox
#
# and to screen the day before instead:
#
#   30 2 * * * MANIFEST_TOOLS_BIN=/usr/local/bin /srv/screening/nightly.sh -d "$(date -d yesterday +\%F)" -o /srv/screening /srv/manifests/inbox

set -euo pipefail

prog=${0##*/}
logfile=
work=
tmpfiles=()

usage() {
	echo "usage: $prog [-d DATE] [-r RULES]... [-o OUTDIR] INDIR"
}

# Before the log exists: a message on standard error, exit status 2.
usage_error() {
	printf '%s: %s\n' "$prog" "$1" >&2
	usage >&2
	exit 2
}

fatal() {
	printf '%s: %s\n' "$prog" "$1" >&2
	exit 2
}

# log MESSAGE: on standard error, and with a time stamp in nightly.log.
log() {
	printf '%s: %s\n' "$prog" "$1" >&2
	[ -n "$logfile" ] || return 0
	if ! printf '%s %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "$1" \
	    2>/dev/null >>"$logfile"; then
		printf '%s: %s: cannot append to the log\n' "$prog" "$logfile" >&2
		return 1
	fi
}

# fail MESSAGE: log the failure of the run and exit with status 2; the
# EXIT trap removes the temporary files.
fail() {
	log "$DATE: FAILED: $1; outputs not written" || true
	exit 2
}

# Run by the EXIT trap, which shellcheck does not follow.
# shellcheck disable=SC2317
cleanup() {
	local t
	for t in ${tmpfiles[@]+"${tmpfiles[@]}"}; do
		rm -f -- "$t"
	done
	[ -z "$work" ] || rm -rf -- "$work"
}
# interrupted SIGNAL STATUS: a run stopped by a signal is logged as failed.
# shellcheck disable=SC2317
interrupted() {
	log "${DATE:-}: FAILED: stopped by SIG$1; outputs not written" || true
	exit "$2"
}
trap cleanup EXIT
trap 'interrupted INT 130' INT
trap 'interrupted TERM 143' TERM

# valid_date YYYY-MM-DD: true for a real date so written.
valid_date() {
	local y m d last
	[[ $1 =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]] || return 1
	y=$((10#${BASH_REMATCH[1]}))
	m=$((10#${BASH_REMATCH[2]}))
	d=$((10#${BASH_REMATCH[3]}))
	case $m in
	1 | 3 | 5 | 7 | 8 | 10 | 12) last=31 ;;
	4 | 6 | 9 | 11) last=30 ;;
	2) if ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))); then
		last=29
	else
		last=28
	fi ;;
	*) return 1 ;;
	esac
	((d >= 1 && d <= last))
}

# absolute PATH: PATH made absolute against the current folder, as the
# script later works inside INDIR.
absolute() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "$1" ;;
	esac
}

# make_temp FINAL: a new empty file beside FINAL, removed on exit unless
# renamed to FINAL; its name on standard output.
make_temp() {
	local dir=${1%/*} base=${1##*/}
	mktemp "$dir/.$base.XXXXXX"
}

# --- options ---------------------------------------------------------------

DATE=$(date +%F)
outdir=.
rules=()
while getopts ':d:ho:r:' opt; do
	case $opt in
	d) DATE=$OPTARG ;;
	h)
		usage
		exit 0
		;;
	o) outdir=$OPTARG ;;
	r) rules+=(-r "$(absolute "$OPTARG")") ;;
	:) usage_error "-$OPTARG needs a value" ;;
	*) usage_error "unknown option -$OPTARG" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage_error "expected one folder of manifests, INDIR"
indir=$1
valid_date "$DATE" || usage_error "-d: expected a date YYYY-MM-DD, not '$DATE'"
[ -n "$outdir" ] || usage_error "-o: expected a folder"
outdir=$(absolute "$outdir")

if [ -n "${MANIFEST_TOOLS_BIN:-}" ]; then
	PATH=$(absolute "$MANIFEST_TOOLS_BIN"):$PATH
	export PATH
fi
if [ -n "${MANIFEST_TOOLS_DATADIR:-}" ]; then
	MANIFEST_TOOLS_DATADIR=$(absolute "$MANIFEST_TOOLS_DATADIR")
	export MANIFEST_TOOLS_DATADIR
fi
for tool in manifest-parse risk-score manifest-select manifest-report gzip tail; do
	command -v "$tool" >/dev/null ||
	    fatal "$tool: not found on PATH (MANIFEST_TOOLS_BIN names the tools' folder)"
done

# --- the output folders and the log --------------------------------------

mkdir -p -- "$outdir" 2>/dev/null || fatal "$outdir: cannot create the folder"
logfile=$outdir/nightly.log
for sub in archive reports alerts rejects; do
	mkdir -p -- "$outdir/$sub" 2>/dev/null ||
	    fail "$outdir/$sub: cannot create the folder"
	[ -w "$outdir/$sub" ] || fail "$outdir/$sub: folder not writable"
done
# Outputs get the mode that the umask gives a new file, not mktemp's 0600.
mode=$(printf '%o' $((0666 & ~$(umask))))

archive=$outdir/archive/$DATE.tsv.gz
report=$outdir/reports/$DATE.html
alerts=$outdir/alerts/$DATE.txt
rejects=$outdir/rejects/$DATE.csv

cd -- "$indir" 2>/dev/null || fail "$indir: cannot enter the folder"

# --- sources.conf ----------------------------------------------------------

# Its lines, as two parallel arrays: pattern, and options as one string.
conf_pat=()
conf_opts=()

# check_options LINE WORD...: the words are manifest-parse options for a
# file's layout. Other options (-o, --rejects, --label, --keep-extra,
# --stats) would take the records out of the archive or change its header.
check_options() {
	local n=$1
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		-d | -m | --delimiter | --mapping | --date-order | --decimal | --encoding)
			[ $# -ge 2 ] || fail "sources.conf:$n: $1 needs a value"
			shift 2
			;;
		-d?* | -m?* | --delimiter=* | --mapping=* | --date-order=* | --decimal=* | --encoding=*)
			shift
			;;
		*)
			fail "sources.conf:$n: '$1' is not an option for a file's layout (-d, -m, --date-order, --decimal, --encoding)"
			;;
		esac
	done
}

if [ -e sources.conf ]; then
	[ -r sources.conf ] || fail "$indir/sources.conf: cannot read it"
	n=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		line=${line%$'\r'}
		read -r pat rest <<<"$line" || true
		case $pat in '' | '#'*) continue ;; esac
		read -r -a words <<<"$rest" || true
		check_options "$n" ${words[@]+"${words[@]}"}
		conf_pat+=("$pat")
		conf_opts+=("$rest")
	done <sources.conf
fi

# parse_options FILE: set the array opts to the options of the first line
# of sources.conf whose pattern matches FILE.
parse_options() {
	local i
	opts=()
	for i in "${!conf_pat[@]}"; do
		# The pattern is unquoted on purpose: it is a shell pattern.
		# shellcheck disable=SC2254
		case $1 in
		${conf_pat[$i]})
			read -r -a opts <<<"${conf_opts[$i]}" || true
			return 0
			;;
		esac
	done
}

# --- the day's files -------------------------------------------------------

files=()
for f in *"$DATE"*; do
	case $f in
	*.csv | *.csv.gz) [ -f "$f" ] && files+=("$f") ;;
	esac
done
if [ ${#files[@]} -eq 0 ]; then
	log "$DATE: files=0: no manifest file *$DATE*.csv or *$DATE*.csv.gz in $indir" ||
	    exit 2
	exit 1
fi

# The rules compile before any manifest is read; their warnings, such as
# a rule whose validity window is over, go to cron's mail.
risk-score --check --date "$DATE" ${rules[@]+"${rules[@]}"} >/dev/null ||
    fail "risk-score --check: the rules cannot be used"

# --- parse and score, into the archive --------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/nightly.XXXXXX") ||
    fail "cannot create a temporary folder in ${TMPDIR:-/tmp}"
for final in "$archive" "$report" "$alerts" "$rejects"; do
	t=$(make_temp "$final") || fail "${final%/*}: cannot create a file there"
	tmpfiles+=("$t")
done
tmp_archive=${tmpfiles[0]}
tmp_report=${tmpfiles[1]}
tmp_alerts=${tmpfiles[2]}
tmp_rejects=${tmpfiles[3]}

# The stats line of manifest-parse --stats, which gives the rejected rows.
stats_re='^manifest-parse: .*: [0-9]+ rows? read, [0-9]+ records? written, ([0-9]+) rejected, [0-9]+ skipped'

# screen_files: each file parsed and scored in a pipeline of its own, so
# that a failure names its file; the records of all files on standard
# output, under the first file's header (the others' are dropped). It runs
# in a subshell of the pipeline below, so it reports through files in
# $work: failures (one message a line) and rejected (one count a line).
screen_files() {
	local i=0 f st from
	set +e
	for f in "${files[@]}"; do
		parse_options "$f"
		from=$((i == 0 ? 1 : 2))
		manifest-parse --stats --rejects "$tmp_rejects" \
		    ${opts[@]+"${opts[@]}"} -- "$f" 2>"$work/parse.err" |
		    risk-score --date "$DATE" ${rules[@]+"${rules[@]}"} |
		    tail -n "+$from"
		st=("${PIPESTATUS[@]}")
		# manifest-parse's messages go on to cron's mail, but for the
		# counts, which are in the log line.
		grep -Ev "$stats_re" "$work/parse.err" >&2
		sed -En "s/$stats_re.*/\\1/p" "$work/parse.err" | tail -n 1 \
		    >>"$work/rejected"
		# A header of which no column maps to a field gives records
		# with nothing but their provenance: most likely a new source,
		# or a new layout, that sources.conf does not know yet.
		grep -q ': no column maps to a field of the schema' "$work/parse.err" &&
		    echo "no column of $f maps to a field (sources.conf?)" >>"$work/warnings"
		case ${st[0]} in
		0 | 1) ;;
		*) echo "manifest-parse exited with status ${st[0]} on $f" >>"$work/failures" ;;
		esac
		[ "${st[1]}" -eq 0 ] ||
		    echo "risk-score exited with status ${st[1]} on the records of $f" >>"$work/failures"
		[ "${st[2]}" -eq 0 ] ||
		    echo "writing the records of $f to the archive failed (tail: status ${st[2]})" >>"$work/failures"
		i=$((i + 1))
	done
	return 0
}

: >"$work/failures"
: >"$work/rejected"
: >"$work/warnings"
set +e
screen_files | gzip -c >"$tmp_archive"
st=("${PIPESTATUS[@]}")
set -e
[ "${st[0]}" -eq 0 ] || echo "screening the files failed (status ${st[0]})" >>"$work/failures"
[ "${st[1]}" -eq 0 ] || echo "gzip exited with status ${st[1]} writing $archive" >>"$work/failures"
mapfile -t failures <"$work/failures"
if [ ${#failures[@]} -gt 0 ]; then
	all=
	for msg in "${failures[@]}"; do
		all=${all:+$all; }$msg
	done
	fail "$all"
fi

rejected=0
while IFS= read -r n; do
	rejected=$((rejected + n))
done <"$work/rejected"

# --- counts, report and alerts, from the archive ----------------------------

# count_lane LANE: set count to the number of records of the archive in
# LANE. manifest-select's status 1, no record in the lane, is no failure.
count_lane() {
	local rc=0
	count=$(manifest-select -c "lane == \"$1\"" "$tmp_archive") || rc=$?
	[ "$rc" -le 1 ] ||
	    fail "manifest-select -c exited with status $rc counting the $1 lane of $archive"
}
count_lane red
red=$count
count_lane yellow
yellow=$count
count_lane green
green=$count
records=$((red + yellow + green))

# The report names its input: it reads the archive under the name it will
# have in OUTDIR, archive/DATE.tsv.gz, not under its temporary name.
mkdir "$work/archive" || fail "cannot create $work/archive"
ln -s -- "$tmp_archive" "$work/archive/$DATE.tsv.gz" ||
    fail "cannot link the archive in $work/archive"
(cd -- "$work" && manifest-report -f html --date "$DATE" \
    --title "Inspection list: red and yellow lanes" \
    --inspect 'lane != "green"' -o "$tmp_report" "archive/$DATE.tsv.gz") ||
    fail "manifest-report -f html exited with status $? writing $report"
(cd -- "$work" && manifest-report -f alert --date "$DATE" \
    -o "$tmp_alerts" "archive/$DATE.tsv.gz") ||
    fail "manifest-report -f alert exited with status $? writing $alerts"

# --- all stages done: put the outputs in place -------------------------------

chmod "$mode" -- "$tmp_archive" "$tmp_report" "$tmp_alerts" "$tmp_rejects" ||
    fail "cannot set the mode of the outputs"
mv -f -- "$tmp_archive" "$archive" || fail "cannot rename the archive to $archive"
mv -f -- "$tmp_report" "$report" || fail "cannot rename the report to $report"
mv -f -- "$tmp_alerts" "$alerts" || fail "cannot rename the alerts to $alerts"
line="$DATE: files=${#files[@]} records=$records rejected=$rejected red=$red yellow=$yellow green=$green"
if [ "$rejected" -gt 0 ]; then
	mv -f -- "$tmp_rejects" "$rejects" || fail "cannot rename the rejected rows to $rejects"
	rows=rows
	[ "$rejected" -ne 1 ] || rows=row
	line="$line WARNING: $rejected $rows rejected, kept in rejects/$DATE.csv"
else
	rm -f -- "$tmp_rejects"
fi
while IFS= read -r msg; do
	line="$line WARNING: $msg"
done <"$work/warnings"
log "$line" || exit 2
exit 0
