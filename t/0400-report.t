#!/bin/sh
# manifest-report: each format against its golden output, the escaping of
# hostile values (HTML, CSV formulas, controls, invalid UTF-8), -i, -n,
# -o, colour, width, inputs and errors.
. "$top_srcdir/t/lib.sh"

plan 101

G="$DATA/report"
cd "$TMP" || exit 1
cp "$DATA/report.tsv" report.tsv
R=report.tsv
version=$(manifest-report -V | sed 's/.* //')

# --- golden outputs -------------------------------------------------------
for f in text html csv json alert; do
	run manifest-report --date 2026-11-23 --width 80 \
	    --title "Port of Example, night shift" -f "$f" "$R"
	check_rc 0 "-f $f exits 0"
	sed "s/@VERSION@/$version/g" "$G/expected.$f" >"$TMP/golden"
	check_file_same "$TMP/golden" "$TMP/out" "-f $f: the golden output"
	check_err "" "-f $f: nothing on stderr"
done

# --- text -----------------------------------------------------------------
run manifest-report --date 2026-11-23 "$R"
check_grep '^Inspection list, 2026-11-23$' "$TMP/out" "the default title, then the date"
run manifest-report --date 2026-11-23 --width 80 "$R"
if grep -q ' $' "$TMP/out"; then not_ok "no line ends in a space"; else ok "no line ends in a space"; fi
# Width: the longest line in characters is at most the width.
for w in 60 80 120; do
	run manifest-report --date 2026-11-23 --width "$w" "$R"
	longest=$(LC_ALL=C.UTF-8 wc -L <"$TMP/out")
	if [ "$longest" -le "$w" ]; then
		ok "--width $w: no line is longer ($longest)"
	else
		not_ok "--width $w: a line of $longest characters"
	fi
done
COLUMNS=60 run manifest-report --date 2026-11-23 "$R"
cp "$TMP/out" "$TMP/cols60"
run manifest-report --date 2026-11-23 --width 60 "$R"
check_file_same "$TMP/out" "$TMP/cols60" "COLUMNS sets the width when it is not given"
run manifest-report --date 2026-11-23 --width 60 "$R"
grep -A1 '^   shipper   Great' "$TMP/out" >"$TMP/got"
printf '%s\n' '   shipper   Great Lakes Curios and Carvings Import Export' \
    '               Trading Company Limited of the Republic' >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "a long shipper wraps at a space, under its label"
check_grep '^   goods      cmd\|' "$TMP/out" "a tab in a value shows as a space"
check_grep "^   goods     PARTS AND MORE$(printf '\357\277\275')\$" "$TMP/out" "newline and control in a value: one line, control replaced"
check_grep "^   consignee Caf$(printf '\357\277\275') Ltd\$" "$TMP/out" "invalid UTF-8 shows as U+FFFD"

esc=$(printf '\033')
run manifest-report --date 2026-11-23 "$R"
if grep -q "$esc" "$TMP/out"; then not_ok "no colour when stdout is not a terminal"; else ok "no colour when stdout is not a terminal"; fi
run manifest-report --date 2026-11-23 --color=always "$R"
check_grep "${esc}\\[1;31mred" "$TMP/out" "--color=always: the red lane in red"
run manifest-report --date 2026-11-23 --color "$R"
check_grep "${esc}\\[33myellow" "$TMP/out" "--color alone means always"
NO_COLOR=1 run manifest-report --date 2026-11-23 --color=always "$R"
if grep -q "$esc" "$TMP/out"; then not_ok "NO_COLOR: no colour, not even with --color=always"; else ok "NO_COLOR: no colour, not even with --color=always"; fi
run manifest-report --date 2026-11-23 --color=never "$R"
if grep -q "$esc" "$TMP/out"; then not_ok "--color=never: no colour"; else ok "--color=never: no colour"; fi
run manifest-report --color=sometimes "$R"
check_rc 2 "--color with a bad value exits 2"
check_err "manifest-report: --color: expected auto, always or never, not 'sometimes'" "--color: the message"

# --- ordering, -i, -n -----------------------------------------------------
run manifest-report -f json "$R"
jq -r 'select(.summary == null) | .doc_no' "$TMP/out" >"$TMP/got"
printf '%s\n' MEDU4471203 176-12345675 HAM00012 MEDU7777777 KLN0008 \
    MEDU0000001 ZIMU5555555 >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "highest score first, ties in input order, unscored last"
run manifest-report -f json -n 3 "$R"
jq -r 'select(.summary == null) | .doc_no' "$TMP/out" >"$TMP/got"
printf '%s\n' MEDU4471203 176-12345675 HAM00012 >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "-n 3: the three highest"
run manifest-report -f json -n 0 "$R"
check_out '{"summary":{"title":"Inspection list","date":"2026-11-23","inputs":["report.tsv"],"records":7,"listed":7,"shown":0,"lanes":{"red":2,"yellow":2,"green":2,"none":1},"scores":[1,1,0,0,2,0,0,1,1,0],"unscored":1,"categories":[{"category":"tobacco","records":2,"percent":28.6},{"category":"counterfeit","records":1,"percent":14.3},{"category":"data-quality","records":1,"percent":14.3},{"category":"narcotics","records":1,"percent":14.3},{"category":"wildlife","records":1,"percent":14.3}],"rules":[{"rule":"TOB-COVER","records":2,"percent":28.6},{"rule":"CFT-ECOM","records":1,"percent":14.3},{"rule":"DQ-FLAGS","records":1,"percent":14.3},{"rule":"NARC-REEFER","records":1,"percent":14.3},{"rule":"PARTY-WATCH","records":1,"percent":14.3},{"rule":"ROUTE-HUB","records":1,"percent":14.3},{"rule":"WILD-PRODUCTS","records":1,"percent":14.3}],"dq":[{"flag":"hs_invalid","records":2,"percent":28.6},{"flag":"container_check_digit","records":1,"percent":14.3},{"flag":"weight_nonpositive","records":1,"percent":14.3}],"routes":[{"route":"CNNGB → ITGOA","records":1},{"route":"CNSHA → SGSIN → AEJEA → DEHAM","records":1},{"route":"CNSZX → NLAMS","records":1},{"route":"DEHAM → USNYC","records":1},{"route":"ECGYE → PAMIT → NLRTM","records":1},{"route":"ZAJNB → AEDXB → BEBRU","records":1}]}}' \
    "-n 0: the summary alone, of every record" </dev/null
run manifest-report -f json -i 'lane == "red"' "$R"
jq -r 'select(.summary == null) | .doc_no' "$TMP/out" >"$TMP/got"
printf '%s\n' MEDU4471203 176-12345675 >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "-i: only the records the expression selects are listed"
jq -r 'select(.summary) | .summary | "\(.records) \(.listed) \(.shown) \(.lanes.green)"' "$TMP/out" >"$TMP/got"
echo "7 2 2 2" >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "-i: the summary still counts every record"
run manifest-report -i 'lane == ' "$R"
check_rc 2 "-i with a syntax error exits 2"
check_grep '^manifest-report: expression:1:9: ' "$TMP/err" "-i: the error names the place"
run manifest-report -i 'colour == "red"' "$R"
check_rc 2 "-i with an unknown field exits 2"
run manifest-report -n many "$R"
check_rc 2 "-n with a non-number exits 2"
check_err "manifest-report: -n: expected a whole number from 0 to 100000000, not 'many'" "-n: the message"

# --- json -----------------------------------------------------------------
run manifest-report -f json "$R"
if jq -e . "$TMP/out" >/dev/null 2>&1; then ok "every JSON line parses"; else not_ok "every JSON line parses"; fi
jq -r 'select(.doc_no == "HAM00012") | [.value, .score, (.hits | length), .dq[0], .shipper_name] | @tsv' "$TMP/out" >"$TMP/got"
printf '%s\n' '-12.5	45	2	hs_invalid	=HYPERLINK("http://example.invalid")' >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "JSON: numbers as numbers, lists as arrays, text as it is"
jq -r 'select(.doc_no == "MEDU0000001") | .description' "$TMP/out" >"$TMP/got"
printf 'PARTS\tAND\nMORE\001\n' >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "JSON: escapes unescaped, controls kept as \\u escapes"
jq -r 'select(.doc_no == "ZIMU5555555") | [.score, .lane, (.hits|length)] | @json' "$TMP/out" >"$TMP/got"
echo '[null,null,0]' >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "JSON: an empty value is null, an empty list []"

# --- csv ------------------------------------------------------------------
run manifest-report -f csv "$R"
check_grep "^\"day.csv\",3,\"HBL\",\"HAM00012\",\"TGHU7654321\",\"CNSHA\",\"SGSIN AEJEA\",\"DEHAM\",\"'=HYPERLINK\(\"\"http://example.invalid\"\"\)\",\"'\+41 22 555 01 01\",\"'-2\+3\",-12.5,45," "$TMP/out" \
    "CSV: = + - neutralised with an apostrophe, numbers left as numbers"
check_grep "^\"day.csv\",8,.*\"'@SUM\(1\+1\)\",\"'	cmd" "$TMP/out" "CSV: @ and tab neutralised"
if head -c 3 "$TMP/out" | od -An -tx1 | grep -q 'ef bb bf'; then not_ok "CSV: no byte order mark by default"; else ok "CSV: no byte order mark by default"; fi
if grep -q "$(printf '\r')\$" "$TMP/out"; then ok "CSV: CRLF line ends"; else not_ok "CSV: CRLF line ends"; fi
run manifest-report -f csv --bom "$R"
if head -c 3 "$TMP/out" | od -An -tx1 | grep -q 'ef bb bf'; then ok "--bom: a byte order mark first"; else not_ok "--bom: a byte order mark first"; fi
run manifest-report --bom "$R"
check_rc 2 "--bom without -f csv exits 2"
check_err "manifest-report: --bom goes with -f csv" "--bom: the message"

# --- html -----------------------------------------------------------------
run manifest-report -f html "$R"
if grep -q '<script' "$TMP/out"; then not_ok "HTML: no script element, not even from a value"; else ok "HTML: no script element, not even from a value"; fi
check_grep '<td class="text">&lt;script&gt;alert\(1\)&lt;/script&gt;</td>' "$TMP/out" "HTML: a hostile shipper is escaped text"
check_grep '<td class="text">Frutas &amp; Co &quot;Ltd&quot;</td>' "$TMP/out" "HTML: & and quotes escaped"
if grep -Eq '(src|href)=|@import|url\(' "$TMP/out"; then not_ok "HTML: nothing fetched from elsewhere"; else ok "HTML: nothing fetched from elsewhere"; fi
check_grep '@media print' "$TMP/out" "HTML: a print stylesheet"
n=$(grep -c '<svg ' "$TMP/out")
if [ "$n" -eq 4 ]; then ok "HTML: four inline SVG charts"; else not_ok "HTML: four inline SVG charts ($n)"; fi
run manifest-report -f html --title '<b>Night & day</b>' "$R"
check_grep '^<h1>&lt;b&gt;Night &amp; day&lt;/b&gt;</h1>$' "$TMP/out" "HTML: the title escaped too"

# --- alert ----------------------------------------------------------------
run manifest-report -f alert --date 2026-11-23 "$R"
check_rc 0 "alert exits 0"
n=$(wc -l <"$TMP/out")
if [ "$n" -eq 2 ]; then ok "alert: one line per red-lane record"; else not_ok "alert: one line per red-lane record ($n)"; fi

# --- inputs ---------------------------------------------------------------
gzip -c "$R" >"$TMP/r.tsv.gz"
run manifest-report -f csv "$TMP/r.tsv.gz"
cp "$TMP/out" "$TMP/gz.csv"
run manifest-report -f csv "$R"
check_file_same "$TMP/out" "$TMP/gz.csv" "gzip input reads the same"
run_in "$R" manifest-report -f csv
check_file_same "$TMP/out" "$TMP/gz.csv" "standard input reads the same"
run manifest-report -f json -n 0 "$R" "$R"
jq -r '.summary.records' "$TMP/out" >"$TMP/got"
echo 14 >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "two files: every record of both counted"
: >"$TMP/empty"
run manifest-report --date 2026-11-23 "$TMP/empty"
check_rc 0 "an empty input exits 0"
check_out "Inspection list, 2026-11-23
0 records screened, 0 listed

Summary
  records screened  0
  listed            0
  red lane          0
  yellow lane       0
  green lane        0" "an empty input: an empty list and a summary of nothing"
printf 'doc_no\tscore\nX1\t5\n' >"$TMP/other.tsv"
run manifest-report -f csv "$R" "$TMP/other.tsv"
check_rc 2 "a second file with another header exits 2"
check_err "manifest-report: $TMP/other.tsv: header differs from the header of $R: file skipped" "another header: the message"
{ cat "$R"; printf 'x\ty\n'; } >"$TMP/ragged.tsv"
run manifest-report -f json "$TMP/ragged.tsv"
check_rc 2 "a ragged line exits 2"
check_err "manifest-report: $TMP/ragged.tsv:9: 2 fields, header has 17" "a ragged line: file, line and counts"
n=$(jq -r 'select(.summary) | .summary.records' "$TMP/out")
if [ "$n" -eq 7 ]; then ok "a ragged line: every good record still reported"; else not_ok "a ragged line: every good record still reported ($n)"; fi
run manifest-report "$TMP/missing.tsv"
check_rc 2 "a missing file exits 2"
check_err "manifest-report: $TMP/missing.tsv: No such file or directory" "a missing file: the message"

# --- -o -------------------------------------------------------------------
run manifest-report -f html -o "$TMP/report.html" "$R"
check_rc 0 "-o exits 0"
check_file_same "$TMP/empty" "$TMP/out" "-o: nothing on stdout"
check_grep '</html>' "$TMP/report.html" "-o: the whole report in the file"
echo old >"$TMP/keep.html"
run manifest-report -f html -o "$TMP/keep.html" "$TMP/ragged.tsv"
check_rc 2 "-o with a bad input exits 2"
check_file_same "$TMP/empty" "$TMP/out" "-o with a bad input: nothing on stdout"
check_grep '^old$' "$TMP/keep.html" "-o with a bad input: the old report stays"
if ls "$TMP" | grep -q '^\.keep.html'; then not_ok "-o: no temporary file left"; else ok "-o: no temporary file left"; fi
run manifest-report -o "$TMP/nodir/r.txt" "$R"
check_rc 2 "-o into a missing folder exits 2"
check_grep "^manifest-report: $TMP/nodir/r.txt: " "$TMP/err" "-o into a missing folder: the message names the file"

# --- options --------------------------------------------------------------
run manifest-report -f pdf "$R"
check_rc 2 "an unknown format exits 2"
check_err "manifest-report: -f: expected text, html, csv, json or alert, not 'pdf'" "an unknown format: the message"
run manifest-report --date 2026-02-30 "$R"
check_rc 2 "--date 2026-02-30 exits 2"
check_err "manifest-report: --date: expected a date YYYY-MM-DD, not '2026-02-30'" "--date: the message"
run manifest-report --width 59 "$R"
check_rc 2 "--width below 60 exits 2"
check_err "manifest-report: --width: expected a whole number from 60 to 1000, not '59'" "--width: the message"
COLUMNS=30 run manifest-report --date 2026-11-23 "$R"
cp "$TMP/out" "$TMP/cols30"
run manifest-report --date 2026-11-23 --width 60 "$R"
check_file_same "$TMP/out" "$TMP/cols30" "COLUMNS below 60 gives 60"

# --- found by reading the page and the code ---------------------------------
# A summary label longer than the label column: two spaces, not a wrap
# of size_t into billions of them.
long=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
printf 'doc_no\tdq\nX1\t%s\n' "$long" >"$TMP/long.tsv"
run timeout 10 manifest-report --date 2026-11-23 "$TMP/long.tsv"
check_rc 0 "a 64-character flag: exit 0"
check_grep "^  $long  1  100.0%\$" "$TMP/out" "a 64-character flag: its row, two spaces after it"
run manifest-report -i 'lane ==' "$R"
check_rc 2 "-i that does not compile exits 2"
check_file_same "$TMP/empty" "$TMP/out" "-i that does not compile: no report at all"
run_in "$TMP/empty" manifest-report -i 'lane =='
check_rc 2 "-i with a syntax error and no header to read: still exit 2"
check_grep '^manifest-report: expression:1:8: expected a value' "$TMP/err" "and the message"
run_in "$TMP/empty" manifest-report -i 'any_name == 1 && other ~ /x/'
check_rc 0 "-i with no header to read: any name is taken for a field"
printf 'doc_no\nA\nB\n' >"$TMP/plain.tsv"
run manifest-report "$TMP/plain.tsv"
check_grep '^2 records screened, 2 listed$' "$TMP/out" "no score at all: not said to be sorted by score"
run manifest-report -n 2 "$R"
check_grep '^7 records screened, 7 listed, the 2 highest shown$' "$TMP/out" "-n: screened, listed and shown told apart"
{
	printf 'doc_no\thits\treasons\tdq\n'
	printf 'A\tR1,R2,R1\tR1 +1 [c] x; R2 +1 [c] y; R1 +1 [c] z\tf,g,f\n'
} >"$TMP/dup.tsv"
run manifest-report -f json -n 0 "$TMP/dup.tsv"
jq -c '.summary | [.categories, .rules, .dq]' "$TMP/out" >"$TMP/got"
echo '[[{"category":"c","records":1,"percent":100}],[{"rule":"R1","records":1,"percent":100},{"rule":"R2","records":1,"percent":100}],[{"flag":"f","records":1,"percent":100},{"flag":"g","records":1,"percent":100}]]' >"$TMP/expected"
check_file_same "$TMP/expected" "$TMP/got" "a rule, category or flag twice in a record counts once"
printf 'doc_no\tlane\tloading_place\tdischarge_place\nA\tred\t\tDEHAM\n' >"$TMP/route.tsv"
run manifest-report -f alert --date 2026-11-23 "$TMP/route.tsv"
check_grep ' route=\?>DEHAM ' "$TMP/out" "alert: a missing end of a route is ?"
