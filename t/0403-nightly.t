#!/bin/sh
# examples/nightly.sh, the cron job of the examples: the day's example
# manifests screened into a temporary folder; the archive, the report,
# the alerts and the log; a second run of the day; a failing input; a
# day without files; a bad date.
. "$top_srcdir/t/lib.sh"

plan 28

if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP no bash"
	exit 0
fi
NIGHTLY="$top_srcdir/examples/nightly.sh"
IN="$top_srcdir/examples/manifests"
MANIFEST_TOOLS_BIN="$top_builddir/bin"
export MANIFEST_TOOLS_BIN
cd "$TMP" || exit 1
D=2026-11-23
O="$TMP/screening"

run bash "$NIGHTLY" -d $D -o "$O" "$IN"
check_rc 0 "the example day is screened: exit 0"
check_err "nightly.sh: $D: files=3 records=899 rejected=0 red=12 yellow=24 green=863" \
    "the counts on stderr: three files, every row a record, the lanes"
check_grep "^$D"'T[0-9:]*[-+][0-9]* '"$D: files=3 records=899 rejected=0 red=12 yellow=24 green=863\$" \
    "$O/nightly.log" "the same line in the log, with a time stamp"

# The archive: every scored record, gzip, one header.
A="$O/archive/$D.tsv.gz"
if gzip -t "$A" 2>/dev/null; then ok "the archive is gzip"; else not_ok "the archive is gzip"; fi
gzip -dc "$A" >archive.tsv
head -n 1 archive.tsv | tr '\t' '\n' | tail -n 5 >got
printf '%s\n' dq score lane hits reasons >expected
check_file_same expected got "the archive's records are scored: score lane hits reasons after dq"
n=$(grep -c "^source	" archive.tsv)
[ "$n" -eq 1 ] && ok "the archive has one header" || not_ok "the archive has one header ($n)"
n=$(($(wc -l <archive.tsv) - 1))
[ "$n" -eq 899 ] && ok "the archive holds all 899 records" || not_ok "the archive holds all 899 records ($n)"
cut -f 1 archive.tsv | sed 1d | sort | uniq -c | awk '{ print $2, $1 }' >got
printf '%s\n' 'air-2026-11-23.csv.gz 232' 'hamburg-2026-11-23.csv 332' \
    'sea-2026-11-23.csv 335' >expected
check_file_same expected got "each record's source is its file's name"
run manifest-select -c 'source == "hamburg-2026-11-23.csv" && doc_no != "" && gross_weight_kg > 0 && arrival_date ~ /^2026-11-/' archive.tsv
check_out 332 "the Latin-1 file is read with its options from sources.conf: documents, weights, dates"
run manifest-select -c 'source == "hamburg-2026-11-23.csv" && (shipper_address ~ /[äöüß]/ || consignee_address ~ /[äöüß]/ || consignee_name ~ /[äöüß]/)' archive.tsv
if [ "$(cat out)" -gt 100 ]; then ok "its umlauts arrive as UTF-8 ($(cat out) records)"; else not_ok "its umlauts arrive as UTF-8 ($(cat out) records)"; fi
run manifest-select -c 'lane == "red"' archive.tsv
check_out 12 "12 records in the red lane"

# The report: the red and yellow lanes, the summary of the whole day.
R="$O/reports/$D.html"
check_grep '^<title>Inspection list: red and yellow lanes, 2026-11-23</title>$' "$R" "the report's title names the day"
check_grep "899 records screened · 36 listed" "$R" "the summary counts the day, the list the red and yellow lanes"
n=$(grep -c '^<tr class="\(red\|yellow\)">' "$R")
[ "$n" -eq 36 ] && ok "36 rows in the inspection list" || not_ok "36 rows in the inspection list ($n)"
if grep -q '^<tr class="green">' "$R"; then not_ok "no green row listed"; else ok "no green row listed"; fi
check_grep '<figure id="chart-rules">' "$R" "the report has its charts"

# The alerts: one line per red-lane consignment.
n=$(wc -l <"$O/alerts/$D.txt")
[ "$n" -eq 12 ] && ok "12 alert lines" || not_ok "12 alert lines ($n)"
if grep -vq '^date=2026-11-23 lane=red ' "$O/alerts/$D.txt"; then not_ok "every alert line is a red one"; else ok "every alert line is a red one"; fi
if [ -e "$O/rejects/$D.csv" ]; then not_ok "no rejects file when no row is rejected"; else ok "no rejects file when no row is rejected"; fi

# A second run of the day replaces the outputs; the log grows.
run bash "$NIGHTLY" -d $D -o "$O" "$IN"
check_rc 0 "a second run of the day: exit 0"
n=$(wc -l <"$O/nightly.log")
[ "$n" -eq 2 ] && ok "the log has a line per run" || not_ok "the log has a line per run ($n)"

# A failing stage: a truncated gzip file among the day's files.
mkdir inbox
cp "$IN"/* inbox/
head -c 8000 "$IN/air-$D.csv.gz" >inbox/cut-$D.csv.gz
cp "$R" before.html
run bash "$NIGHTLY" -d $D -o "$O" inbox
if [ "$rc" -ne 0 ]; then ok "a truncated gzip input fails the run (exit $rc)"; else not_ok "a truncated gzip input fails the run"; fi
check_grep "cut-$D.csv.gz" "$TMP/err" "the message names the file"
check_file_same before.html "$R" "a failed run leaves the day's report as it was"
check_grep "^$D"'T[^ ]* '"$D: FAILED: " "$O/nightly.log" "the log says FAILED"
if ls -a "$O"/*/ | grep -q '\.tmp'; then not_ok "a failed run leaves no temporary file"; else ok "a failed run leaves no temporary file"; fi

# A day without files; a bad date.
run bash "$NIGHTLY" -d 2026-11-24 -o "$O" "$IN"
check_rc 1 "a day without manifest files: exit 1"
run bash "$NIGHTLY" -d 2026-02-30 -o "$O" "$IN"
check_rc 2 "a date that does not exist: exit 2"
