#!/bin/sh
# --stats when standard error is a pipe that no one reads any more: the
# records are all written before the counts, so a tool killed by SIGPIPE
# on its counts leaves its output whole.
. "$top_srcdir/t/lib.sh"

plan 12

cd "$TMP" || exit 1
CSV="$DATA/sea-basic.csv"
TSV="$DATA/select.tsv"
RULES="$top_srcdir/examples/rules/default.rules"

# gone CMD...: run with standard error a pipe whose reading end is
# closed, stdout to $TMP/out.
gone() {
	rc=0
	perl -e 'pipe(my $r, my $w) or die "pipe: $!";
	    close $r; open(STDERR, ">&", $w) or die "dup: $!";
	    exec @ARGV or die "exec: $!"' -- "$@" >"$TMP/out" || rc=$?
}

manifest-parse "$CSV" >parse.tsv 2>/dev/null
gone manifest-parse --stats "$CSV"
check_rc 141 "parse --stats: SIGPIPE on the counts"
check_file_same parse.tsv out "parse --stats: the records are all written first"

cp "$CSV" second.csv
gone manifest-parse --stats "$CSV" second.csv
check_rc 141 "parse --stats, two files: SIGPIPE on the first file's counts"
check_file_same parse.tsv out "parse --stats, two files: the first file's records are written before its counts"

risk-score --date 2026-11-23 -r "$RULES" parse.tsv >score.tsv 2>/dev/null
gone risk-score --stats --date 2026-11-23 -r "$RULES" parse.tsv
check_rc 141 "score --stats: SIGPIPE on the counts"
check_file_same score.tsv out "score --stats: the records are all written first"

gone risk-score --stats -j 1 --date 2026-11-23 -r "$RULES" parse.tsv
check_rc 141 "score --stats -j 1: SIGPIPE on the counts"
check_file_same score.tsv out "score --stats -j 1: the records are all written first"

manifest-select 'score > 50' "$TSV" >sel.tsv 2>/dev/null
gone manifest-select --stats 'score > 50' "$TSV"
check_rc 141 "select --stats: SIGPIPE on the counts"
check_file_same sel.tsv out "select --stats: the records are all written first"

gone manifest-select --stats -c 'score > 50' "$TSV"
check_rc 141 "select --stats -c: SIGPIPE on the counts"
check_out "$(manifest-select -c 'score > 50' "$TSV")" "select --stats -c: the count is written first"

done_testing
