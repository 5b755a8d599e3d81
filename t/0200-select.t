#!/bin/sh
# manifest-select: filter, invert, count, cap, grep, lists, several
# files, top N, seeded sample, errors.
. "$top_srcdir/t/lib.sh"

plan 67

S="$DATA/select.tsv"
H='doc_no	gross_weight_kg	description	score	lane'
cd "$TMP" || exit 1

run manifest-select 'gross_weight_kg > 20000' "$S"
check_rc 0 "records selected exit 0"
check_out "$H
B1	25000	SAID TO CONTAIN PARTS	80	red
B5	30000.5	TABLE\\tTOP\\\\CHAIRS	80	red" "header and matching records, byte for byte"

run manifest-select 'gross_weight_kg > 20000 && description ~ /said to contain|general cargo/i' "$S"
check_field doc_no "B1" "the benchmark filter"

run manifest-select '!(gross_weight_kg > 20000)' "$S"
check_field doc_no "B2
B3
B4
B6" "empty and non-numeric values: a numeric comparison is false, its negation true"
run manifest-select -v 'gross_weight_kg > 20000' "$S"
check_field doc_no "B2
B3
B4
B6" "-v selects what the expression rejects"

run manifest-select 'gross_weight_kg > 99999' "$S"
check_rc 1 "nothing selected exits 1"
check_out "$H" "nothing selected still writes the header"
run manifest-select -c 'lane == "red"' "$S"
check_out "2" "-c prints the count only"
check_rc 0 "-c with records exits 0"
run manifest-select -c 'lane == "blue"' "$S"
check_out "0" "-c prints 0"
check_rc 1 "-c with no records exits 1"

run manifest-select -m 2 'score >= 10' "$S"
check_field doc_no "B1
B2" "-m stops after N records"

run manifest-select -g 'GENERAL CARGO' "$S"
check_field doc_no "B3" "-g matches the raw line, no expression needed"
run manifest-select -g '(?i)general cargo' -e 'score > 50' "$S"
check_field doc_no "B6" "-g and -e together: both must hold"
run manifest-select 'description ~ /TABLE\tTOP\\CHAIRS/' "$S"
check_field doc_no "B5" "values are unescaped before matching"

printf '# red-flag documents\nB2\n\nB4\n' >docs.list
run manifest-select -l docs=docs.list 'doc_no in @docs' "$S"
check_field doc_no "B2
B4" "-l loads a list for in @name"
run manifest-select -l docs=missing.list 'doc_no in @docs' "$S"
check_rc 2 "a missing list file exits 2"
check_grep "missing.list" err "a missing list file is named"
run manifest-select -l 1x=docs.list 'doc_no in @docs' "$S"
check_rc 2 "a bad list name exits 2"

gzip -c "$S" >s.tsv.gz
run manifest-select 'lane == "red"' s.tsv.gz "$S"
check_field doc_no "B1
B5
B1
B5" "several files, plain and gzip, one header"
run manifest-select -H 'lane == "red"' s.tsv.gz "$S"
check_field source_file "s.tsv.gz
s.tsv.gz
$S
$S" "-H adds the file each record came from"

cat "$S" "$S" >twice.tsv
run manifest-select -c 'lane == "red"' twice.tsv
check_out "4" "a repeated header line inside a stream is skipped"

printf 'doc_no\tlane\nB9\tred\n' >other.tsv
run manifest-select 'lane == "red"' "$S" other.tsv
check_rc 2 "a file with another header exits 2"
check_grep "^manifest-select: other.tsv: header differs from the header of $S: file skipped$" err \
	"the two files are named"
check_field doc_no "B1
B5" "records of the first file still come out"

{ cat "$S"; printf 'B7\t1\tshort\n'; printf 'B8\t1\tOK\t90\tred\n'; } >ragged.tsv
run manifest-select 'lane == "red"' ragged.tsv
check_rc 2 "a line with the wrong field count exits 2"
check_err "manifest-select: ragged.tsv:8: 3 fields, header has 5" "file, line and counts named"
check_field doc_no "B1
B5
B8" "the records after it are still read"

run manifest-select --top 2 --by score 'score >= 0' "$S"
check_field doc_no "B1
B5" "--top keeps the highest, ties to the earlier, in input order"
run manifest-select --top 3 --by gross_weight_kg --sort 'score >= 0' "$S"
check_field doc_no "B5
B1
B6" "--top --sort: highest first"
run manifest-select --top 10 --by gross_weight_kg 'lane != "x"' "$S"
check_field doc_no "B1
B2
B5
B6" "--top never keeps a record whose field is empty or not a number"
run manifest-select --top 2 --by nosuch 'score > 0' "$S"
check_rc 2 "--by an unknown field exits 2"

run manifest-select --sample 50% --seed 7 'lane == "red"' "$S"
cp out sample1
cut -f 1,6 out >got
printf 'doc_no\tselection\nB1\ttargeted\nB3\trandom\nB5\ttargeted\nB6\trandom\n' >want
check_file_same want got "--sample adds a selection field; seed 7 picks B3 and B6 on any machine"
run manifest-select --sample 50% --seed 7 'lane == "red"' "$S"
check_file_same sample1 out "the same seed gives the same sample"
check_err "" "a given seed is not printed"
{ head -n 4 "$S"; } >part1.tsv
{ head -n 1 "$S"; tail -n +5 "$S"; } >part2.tsv
{ manifest-select --sample 50% --seed 7 'lane == "red"' part1.tsv
  manifest-select --sample 50% --seed 7 'lane == "red"' part2.tsv | tail -n +2; } >split.tsv
check_file_same sample1 split.tsv "a split stream samples the same records"
run manifest-select --sample 0.5 'lane == "red"' "$S"
check_grep "^manifest-select: sample seed [0-9]+ \(--seed [0-9]+ repeats this sample\)$" err \
	"without --seed the seed drawn is printed"
run manifest-select --sample 100% 'lane == "red"' "$S"
[ "$(grep -c random out)" -eq 4 ] && ok "--sample 100% adds every other record" || not_ok "--sample 100% adds every other record"
run manifest-select --sample 0.5 --seed 1 'lane == "red"' sample1
[ "$(head -n 1 out | tr '\t' '\n' | grep -c '^selection$')" -eq 1 ] && ok "re-sampling replaces the selection field" ||
	not_ok "re-sampling replaces the selection field"
run manifest-select --sample 150% 'lane == "red"' "$S"
check_rc 2 "a rate above 100% is a usage error"

printf 'eta\n2026-11-20\n2026-12-30\n' >dates.tsv
run manifest-select --date 2026-11-23 'days(eta, today()) > 0' dates.tsv
check_field eta "2026-11-20" "--date fixes today()"
run manifest-select --date 2026-02-30 'eta == ""' dates.tsv
check_rc 2 "--date with an impossible date exits 2"

printf 'description\n%s\n' "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" >evil.tsv
run manifest-select 'description ~ /^(a+)+$/' evil.tsv
check_rc 2 "a regular expression that hits its limit exits 2"
check_grep "^manifest-select: evil.tsv:2: regular expression /\^\(a\+\)\+\\$/ hit its match limit" err \
	"the limit is an error naming file and line, not a silent miss"

run manifest-select 'wieght > 1' "$S"
check_rc 2 "an unknown field exits 2"
check_err "manifest-select: expression:1:1: unknown field 'wieght': the fields are doc_no, gross_weight_kg, description, score, lane
  wieght > 1
  ^" "the error shows where, what exists, and a caret"

run manifest-select
check_rc 2 "no expression is a usage error"
run manifest-select --sort 'score > 1' "$S"
check_rc 2 "--sort without --top is a usage error"

run manifest-select --top 3 --by score -m 1 'score >= 0' "$S"
check_field doc_no "B1" "-m caps what --top writes"
printf 'doc_no\tscore\nA\t0x10\nB\t 7\nC\t5\n' >hex.tsv
run manifest-select --top 3 --by score 'doc_no != ""' hex.tsv
check_field doc_no "C" "--by reads numbers as the expression language does"
run manifest-select --by score 'score > 1' "$S"
check_rc 2 "--by without --top is a usage error"
run manifest-select --seed 3 'score > 1' "$S"
check_rc 2 "--seed without --sample is a usage error"
run manifest-select --sample ' 1%' 'score > 1' "$S"
check_rc 2 "a rate with a space is not a rate"
run_in "$S" manifest-select -H 'lane == "green"'
check_field source_file "-" "-H names standard input -"
{ head -n 2 "$S"; printf 'B9\t1\t%s\t99\tred\n' "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"; } >evil2.tsv
run manifest-select --top 5 --by score 'description ~ /^(a+)+$/ || score > 0' evil2.tsv
[ "$rc" -eq 2 ] && [ "$(wc -l <out)" -eq 1 ] && ok "after a limit error, --top writes nothing it kept" ||
	not_ok "after a limit error, --top writes nothing it kept"

: >empty.tsv
run manifest-select '(((' empty.tsv
check_rc 2 "with no header to read, a syntax error is still an error"
check_err "manifest-select: expression:1:4: expected a value, found end of expression
  (((
     ^" "and it is shown"
run manifest-select 'weight > 1 && description ~ /(/' empty.tsv
check_rc 2 "with no header to read, an error after a field name is found too"
check_grep '^manifest-select: expression:1:31: ' err "and shown"
run manifest-select 'weight > 1 && description ~ /x/' empty.tsv
check_rc 1 "with no header to read, field names are no error"
run manifest-select 'weight > 1' empty.tsv
check_rc 1 "with no header, field names cannot be checked: nothing selected"

run manifest-select --help
check_rc 0 "--help exits 0"
check_grep "^usage: manifest-select " out "--help prints the usage on stdout"
run manifest-select --version
check_out "manifest-select (manifest-tools) 0.1.0" "--version"
run manifest-select --stats 'lane == "red"' "$S"
check_err "manifest-select: 6 records read, 2 selected, 0 sampled, 2 written" "--stats counts on stderr"

run manifest-select -o sel.tsv 'lane == "red"' "$S"
[ "$(wc -l <sel.tsv)" -eq 3 ] && [ ! -s out ] && ok "-o writes the file" || not_ok "-o writes the file"
rc=0
manifest-select 'lane == "red"' "$S" >/dev/full 2>err || rc=$?
check_rc 2 "a write error exits 2"
done_testing
