#!/bin/sh
# risk-score: scores, lanes, hits and reasons; validity windows; party
# lists; several rules files; re-scoring; input errors.
. "$top_srcdir/t/lib.sh"

plan 70

cd "$TMP" || exit 1
mkdir -p rules/lists

# A small stream: the fields the rules read, and one they do not.
{
	printf 'doc_no\tshipper_name\tconsignee_name\tdescription\tgross_weight_kg\tpackages\ttransit_places\tdq\n'
	printf 'B1\tAcme Trading Co., Ltd.\tNorth Imports\tSAID TO CONTAIN GENERAL CARGO\t25000\t10\tAEJEA\t\n'
	printf 'B2\tBlue Fish AB\tACME TRADING\tFROZEN FISH\t18000\t900\t\t\n'
	printf 'B3\tGamma GmbH\tDelta SARL\tMACHINE PARTS\t\t\tSGSIN\tcontainer_check_digit\n'
	printf 'B4\tEpsilon Ltd\tZeta Co\tLADIES\\tSHOES AND GENERAL CARGO\t500\t\t\t\n'
} >s.tsv

printf '# watch list\nAcme Trading Co., Ltd.\n' >rules/lists/watch.txt
cat >rules/op.rules <<'EOF'
# An operation's rules.
threshold red 70
threshold yellow 30

parties watch = "lists/watch.txt"
list hubs {
	AEJEA
	SGSIN
}

rule VAGUE {
	reason   "Vague description"
	weight   20
	category data-quality
	when     description ~ /said to contain|general cargo/i
}

rule HEAVY {
	reason "Heavy consignment"
	weight 25
	when   gross_weight_kg > 20000
}

rule WATCH {
	reason   "Party on the watch list"
	weight   40
	category narcotics
	lane     red
	when     shipper_name in @watch
	         || consignee_name in @watch
}

rule HUB {
	reason "Transit through a hub"
	weight 15
	lane   yellow
	when   transit_places ~ /\b(AEJEA|SGSIN)\b/ && transit_places ~ /S|A/
}

rule DQ {
	reason "Container number fails its check digit"
	weight -5
	when   dq ~ /container_check_digit/
}
EOF

run risk-score -r rules/op.rules --date 2026-11-23 s.tsv
check_rc 0 "scoring exits 0"
check_out "doc_no	shipper_name	consignee_name	description	gross_weight_kg	packages	transit_places	dq	score	lane	hits	reasons
B1	Acme Trading Co., Ltd.	North Imports	SAID TO CONTAIN GENERAL CARGO	25000	10	AEJEA		100	red	VAGUE,HEAVY,WATCH,HUB	VAGUE +20 [data-quality] Vague description (matched \"SAID TO CONTAIN\"); HEAVY +25 Heavy consignment; WATCH +40 [narcotics] Party on the watch list [lane red]; HUB +15 Transit through a hub (matched \"AEJEA\", \"A\") [lane yellow]
B2	Blue Fish AB	ACME TRADING	FROZEN FISH	18000	900			40	red	WATCH	WATCH +40 [narcotics] Party on the watch list [lane red]
B3	Gamma GmbH	Delta SARL	MACHINE PARTS			SGSIN	container_check_digit	10	yellow	HUB,DQ	HUB +15 Transit through a hub (matched \"SGSIN\", \"S\") [lane yellow]; DQ -5 Container number fails its check digit (matched \"container_check_digit\")
B4	Epsilon Ltd	Zeta Co	LADIES\\tSHOES AND GENERAL CARGO	500				20	green	VAGUE	VAGUE +20 [data-quality] Vague description (matched \"GENERAL CARGO\")" \
    "score, lane, hits and reasons, byte for byte"
check_err "" "nothing on stderr"

run risk-score -r rules/op.rules --date 2026-11-23 --no-prefilter s.tsv
cp out plain.out
run risk-score -r rules/op.rules --date 2026-11-23 s.tsv
check_file_same plain.out out "--no-prefilter gives the same output"

# The score is clamped: weights over 100 give 100, below 0 give 0.
cat >clamp.rules <<'EOF'
rule P1 {
	reason "a"
	weight 100
	when doc_no == "B1"
}
rule P2 {
	reason "b"
	weight 30
	when doc_no == "B1"
}
rule N1 {
	reason "c"
	weight -100
	when doc_no == "B2"
}
rule Q {
	reason "d"
	weight 1
	when doc_no == "B2" || doc_no == "B3"
}
EOF
run risk-score -r clamp.rules s.tsv
check_field score "100
0
1
0" "the sum of weights is clamped to 0-100"
check_field lane "red
green
green
green" "default thresholds: red 70, yellow 40"

# Regex text is unescaped for matching and escaped again in reasons;
# long matches are cut at 40 characters.
printf 'rule T {\n reason "tab"\n weight 1\n when description ~ /ladies\\tshoes.*/i\n}\n' >tab.rules
run risk-score -r tab.rules s.tsv
check_field reasons "


T +1 tab (matched \"LADIES\\tSHOES AND GENERAL CARGO\")" \
    "a matched tab is escaped as \\t in reasons"
printf 'rule L {\n reason "long"\n weight 1\n when description ~ /said.*/i\n}\n' >long.rules
printf 'description\nSAID TO CONTAIN 1234567890123456789012345678901234567890\n' >long.tsv
run risk-score -r long.rules long.tsv
check_field reasons 'L +1 long (matched "SAID TO CONTAIN 123456789012345678901234...")' \
    "matched text cut at 40 characters with ..."

# Validity windows and --date.
cat >window.rules <<'EOF'
rule OP {
	reason "Operation window"
	weight 50
	from  2026-11-01
	until 2026-11-30
	when  doc_no == "B1"
}
EOF
run risk-score -r window.rules --date 2026-11-30 s.tsv
check_field hits "OP


" "a rule applies on its until day"
run risk-score -r window.rules --date 2026-12-01 s.tsv
check_field hits "


" "a rule is skipped after its until day"
run risk-score -r window.rules --date 2026-10-31 s.tsv
check_field hits "


" "a rule is skipped before its from day"
run risk-score -r window.rules --date 2026-02-30 s.tsv
check_rc 2 "--date with no such day exits 2"
check_err "risk-score: --date: expected a date YYYY-MM-DD, not '2026-02-30'" \
    "--date names what is wrong"

# Forced lanes raise, never lower.
cat >force.rules <<'EOF'
threshold yellow 10
rule HIGH {
	reason "high"
	weight 90
	when doc_no == "B1"
}
rule LOWLANE {
	reason "forces yellow"
	weight 0
	lane yellow
	when doc_no == "B1" || doc_no == "B2"
}
EOF
run risk-score -r force.rules s.tsv
check_field lane "red
yellow
green
green" "a forced yellow raises green and leaves red"

# Several rules files: lists are shared, ids must differ.
printf 'rule EXTRA {\n reason "uses the list of op.rules"\n weight 5\n when consignee_name in @watch\n}\n' >extra.rules
run risk-score -r rules/op.rules -r extra.rules --date 2026-11-23 s.tsv
check_rc 0 "two rules files combine"
check_field hits "VAGUE,HEAVY,WATCH,HUB
WATCH,EXTRA
HUB,DQ
VAGUE" "a later file uses the lists of an earlier one; rules in file order"
printf 'rule HEAVY {\n reason "again"\n weight 5\n when 1\n}\n' >dup.rules
run risk-score -r rules/op.rules -r dup.rules s.tsv
check_rc 2 "a duplicate rule id exits 2"
check_err "risk-score: dup.rules:1:6: rule id HEAVY is used twice: first at rules/op.rules:18" \
    "a duplicate rule id names both places"
check_file_same /dev/null out "no records are written when the rules are wrong"
printf 'list hubs {\n X\n}\n' >duplist.rules
run risk-score -r rules/op.rules -r duplist.rules s.tsv
check_err "risk-score: duplist.rules:1:6: list 'hubs' is declared twice: first at rules/op.rules:6" \
    "a duplicate list name names both places"

# List files are found next to the rules file, from any folder.
mkdir elsewhere
(cd elsewhere && risk-score -r ../rules/op.rules --date 2026-11-23 ../s.tsv >../out 2>../err) && rc=0 || rc=$?
check_rc 0 "list paths are relative to the rules file"
check_field hits "VAGUE,HEAVY,WATCH,HUB
WATCH
HUB,DQ
VAGUE" "the same hits from another folder"

# Re-scoring replaces the four fields where they stand.
run risk-score -r rules/op.rules --date 2026-11-23 s.tsv
awk -F '\t' 'BEGIN { OFS = "\t" } { print $1, (NR > 1 ? 0 : $9),
    (NR > 1 ? "green" : $10), (NR > 1 ? "OLD" : $11),
    (NR > 1 ? "old reason" : $12), $2, $3, $4, $5, $6, $7, $8 }' out >stale.tsv
run risk-score -r rules/op.rules --date 2026-11-23 stale.tsv
check_field hits "VAGUE,HEAVY,WATCH,HUB
WATCH
HUB,DQ
VAGUE" "re-scoring replaces hits"
head -n 1 out >got.txt
printf 'doc_no\tscore\tlane\thits\treasons\tshipper_name\tconsignee_name\tdescription\tgross_weight_kg\tpackages\ttransit_places\tdq\n' >want.txt
check_file_same want.txt got.txt "re-scoring keeps the header: no second set of fields"
run risk-score -r rules/op.rules --date 2026-11-23 stale.tsv
risk-score -r rules/op.rules --date 2026-11-23 out >twice.tsv 2>/dev/null
check_file_same out twice.tsv "scoring a scored stream again changes nothing"

# Default rules: used when no -r is given.
MANIFEST_TOOLS_DATADIR="$TMP/data"
export MANIFEST_TOOLS_DATADIR
mkdir -p data/rules
printf 'rule DEFAULT-ONE {\n reason "from the default set"\n weight 5\n when doc_no == "B3"\n}\n' >data/rules/default.rules
run risk-score s.tsv
check_field hits "

DEFAULT-ONE
" "without -r, DATADIR/rules/default.rules is used"
MANIFEST_TOOLS_DATADIR="$TMP/none"
run risk-score s.tsv
check_rc 2 "a missing default rule set exits 2"
check_err "risk-score: $TMP/none/rules/default.rules: No such file or directory" \
    "a missing default rule set is named"
unset MANIFEST_TOOLS_DATADIR

# Bad input: a ragged line is reported, the other records come out.
{
	head -n 2 s.tsv
	printf 'B9\tonly three\tfields\n'
	tail -n 2 s.tsv
} >ragged.tsv
run risk-score -r rules/op.rules --date 2026-11-23 ragged.tsv
check_rc 2 "a ragged line exits 2"
check_err "risk-score: ragged.tsv:3: 3 fields, header has 8" \
    "the ragged line is named with its counts"
check_field doc_no "B1
B3
B4" "every good record still comes out"

# A regular expression that hits its limit: an error, not a miss.
printf 'doc_no\tdescription\nC1\t%s!\nC2\tok\n' \
    "$(printf 'a%.0s' $(seq 1 30))" >cat.tsv
printf 'rule CAT {\n reason "catastrophic"\n weight 5\n when description ~ /^(a|a)*$/\n}\n' >cat.rules
run risk-score -r cat.rules cat.tsv
check_rc 2 "a regular expression over its limit exits 2"
check_grep '^risk-score: cat.tsv:2: rule CAT \(cat.rules:1\): regular expression /\^\(a\|a\)\*\$/ hit its match limit' err \
    "the record, the rule and the limit are named"
check_field doc_no "C1
C2" "the records still come out"

# Gzip input, several files, one header.
gzip -c s.tsv >s.tsv.gz
run risk-score -r clamp.rules s.tsv s.tsv.gz
check_rc 0 "plain and gzip inputs"
check_field doc_no "B1
B2
B3
B4
B1
B2
B3
B4" "several files, one header"
printf 'doc_no\tother\nX\t1\n' >other.tsv
run risk-score -r clamp.rules s.tsv other.tsv
check_rc 2 "a file with another header exits 2"
check_err "risk-score: other.tsv: header differs from the header of s.tsv: file skipped" \
    "the file with another header is named"

# Empty input: no records, and the rules are still checked.
: >empty.tsv
run risk-score -r clamp.rules empty.tsv
check_rc 0 "empty input exits 0"
check_file_same /dev/null out "empty input writes nothing"
printf 'rule X {\n reason "x"\n weight 5\n when descripton ~ /x/\n}\n' >typo.rules
run risk-score -r typo.rules empty.tsv
check_rc 2 "a mistake in the rules shows with empty input too"

# -o writes atomically; a failed run leaves the old file.
run risk-score -r clamp.rules -o scored.tsv s.tsv
check_rc 0 "-o exits 0"
check_file_same /dev/null out "-o writes nothing on stdout"
check_grep '^B1	' scored.tsv "-o writes the file"
run risk-score -r clamp.rules -o scored.tsv s.tsv missing.tsv
check_rc 2 "a missing input exits 2"
check_err "risk-score: missing.tsv: No such file or directory" "the missing input is named"
check_grep '^B1	' scored.tsv "the old file stays after a failed run"
rc=0
risk-score -r clamp.rules s.tsv >/dev/full 2>err || rc=$?
check_rc 2 "a write error exits 2"
check_grep '^risk-score: write error: No space left on device$' err "a write error is reported"

# --stats: hits by rule and records by lane.
run risk-score -r rules/op.rules -r window.rules --date 2026-11-23 --stats s.tsv
check_err "risk-score: 4 records scored: red 2 (50.0%), yellow 1 (25.0%), green 1 (25.0%)
risk-score: rule        hits   share  where
risk-score: VAGUE          2   50.0%  rules/op.rules:11
risk-score: HEAVY          1   25.0%  rules/op.rules:18
risk-score: WATCH          2   50.0%  rules/op.rules:24
risk-score: HUB            2   50.0%  rules/op.rules:33
risk-score: DQ             1   25.0%  rules/op.rules:40
risk-score: OP             1   25.0%  window.rules:1
risk-score: 3 of 6 rules prefiltered; 17 rule evaluations" "--stats prints hits by rule and lanes"
run risk-score -r rules/op.rules -r window.rules --date 2027-01-01 --stats s.tsv
check_grep '^risk-score: OP +- +-  window.rules:1 \(not in force\)$' err \
    "--stats marks rules not in force"

# Usage.
run risk-score --bogus
check_rc 2 "an unknown option exits 2"
run risk-score --check -o x.tsv
check_rc 2 "-o with --check exits 2"
check_err "risk-score: -o goes with scoring, not with --check" "-o with --check is named"
run risk-score --version
check_grep '^risk-score \(manifest-tools\) ' out "--version"
run risk-score --help
check_grep '^usage: risk-score' out "--help prints the usage"

# A party name of punctuation only has an empty key: it matches nothing,
# not even an empty consignee. An empty match is not quoted.
printf 'parties p {\n ---\n}\nrule PL {\n reason "l"\n weight 5\n when consignee_name in @p\n}\nrule PX {\n reason "x"\n weight 5\n when description ~ /x*/\n}\n' >empty.rules
printf 'doc_no\tconsignee_name\tdescription\nE1\t\tABC\n' >e.tsv
run risk-score -r empty.rules e.tsv
check_field reasons "PX +5 x" "an empty key matches nothing; an empty match is not quoted"

# Threads: the same bytes whatever their number, messages in input order.
awk -F '\t' 'BEGIN { OFS = "\t" } NR == 1 { print; next }
	{ for (i = 0; i < 2000; i++) { $1 = "D" NR "-" i; print } }' s.tsv >many.tsv
printf 'D9\tone\ttwo\n' >>many.tsv
awk 'NR > 1 && NR % 1000 == 0 { print "X\ttoo few" } { print }' many.tsv >many2.tsv
run risk-score -j 1 -r rules/op.rules --date 2026-11-23 many2.tsv
cp out one.out
cp err one.err
check_rc 2 "ragged lines in a large input exit 2 (-j 1)"
run risk-score -j 3 -r rules/op.rules --date 2026-11-23 many2.tsv
check_rc 2 "and with -j 3"
check_file_same one.out out "-j 3 writes what -j 1 writes, byte for byte"
check_file_same one.err err "-j 3 reports what -j 1 reports, in the same order"
[ "$(wc -l <err)" -eq 9 ] && [ "$(wc -l <out)" -eq 8001 ] &&
	ok "every record of several batches comes out" ||
	not_ok "every record of several batches comes out ($(wc -l <out) lines, $(wc -l <err) messages)"
run risk-score -j 0 s.tsv
check_rc 2 "--threads 0 is a usage error"
check_err "risk-score: --threads: expected a whole number from 1 to 16, not '0'" \
    "--threads names what is wrong"

# A regular expression the prefilter knows cannot match (the value lacks
# "bab") is not run; without the prefilter it runs and hits its match
# limit, and its rule does not hit (risk-score(1), --no-prefilter).
printf 'rule NOT-BAB {\n reason "No bab"\n weight 10\n when !(description ~ /^(a+)+$bab/)\n}\n' >bab.rules
printf 'doc_no\tdescription\nB1\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\nB2\tplain\n' >bab.tsv
run risk-score -j 1 -r bab.rules bab.tsv
check_rc 0 "a pattern the prefilter rules out is not run: exit 0"
check_out "$(printf 'doc_no\tdescription\tscore\tlane\thits\treasons\nB1\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\t10\tgreen\tNOT-BAB\tNOT-BAB +10 No bab\nB2\tplain\t10\tgreen\tNOT-BAB\tNOT-BAB +10 No bab')" \
    "with the prefilter, the rule is decided as if the match failed"
check_err "" "with the prefilter, no message"
run risk-score -j 1 --no-prefilter -r bab.rules bab.tsv
check_rc 2 "--no-prefilter: the pattern runs and hits its limit: exit 2"
check_out "$(printf 'doc_no\tdescription\tscore\tlane\thits\treasons\nB1\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\t0\tgreen\t\t\nB2\tplain\t10\tgreen\tNOT-BAB\tNOT-BAB +10 No bab')" \
    "--no-prefilter: the rule does not hit the record it erred on"
check_err "risk-score: bab.tsv:2: rule NOT-BAB (bab.rules:1): regular expression /^(a+)+\$bab/ hit its match limit" \
    "--no-prefilter: the message names the file, line, rule and pattern"

done_testing
