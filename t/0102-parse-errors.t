#!/bin/sh
# manifest-parse: bad rows are rejected loudly and every good record
# still comes out; errors exit 2 with a message naming the file.
. "$top_srcdir/t/lib.sh"

plan 36

cd "$TMP" || exit 1
printf 'Shipper,Consignee,Description\nA,B,C\nD,E\nF,G,H\nI,J"K,L\nM,"N"O,P\nQ,R,S\n' >bad.csv
run manifest-parse --rejects rej.txt bad.csv
check_rc 1 "rejected rows make the exit status 1"
check_field shipper_name "A
F
Q" "every good record still comes out"
check_field line "2
4
7" "records keep their source lines"
check_err "manifest-parse: bad.csv:3: 2 fields, header has 3: row rejected
manifest-parse: bad.csv:5: line 5, byte 4: quote inside an unquoted field (quote the whole field and double the quote): row rejected
manifest-parse: bad.csv:6: line 6, byte 6: text after the closing quote of a quoted field: row rejected" \
	"each rejected row named with file, line and reason"
printf 'D,E\nI,J"K,L\nM,"N"O,P\n' >rej.expected
check_file_same rej.expected rej.txt "--rejects holds the raw text of each rejected row"

printf 'Shipper,Description\nA,"tyres\nB,x\n' >open.csv
run manifest-parse --rejects rej2.txt open.csv
check_rc 1 "an unterminated quote at the end exits 1"
check_err 'manifest-parse: open.csv:2: quoted field not closed before the end of the input: row rejected' \
	"an unterminated quote names the line where the row starts"
printf 'A,"tyres\nB,x\n' >rej2.expected
check_file_same rej2.expected rej2.txt "the unterminated row's lines go to --rejects"

printf 'Shipper,Description\nA,x\nB,"no end' >noeol.csv
run manifest-parse --rejects rej3.txt noeol.csv
printf 'B,"no end\n' >rej3.expected
check_file_same rej3.expected rej3.txt "a rejected last row without a line end gets one in --rejects"

{ echo 'Shipper,Description'; i=0; while [ $i -lt 105 ]; do echo 'x'; i=$((i + 1)); done; echo 'A,B'; } >many.csv
run manifest-parse --stats many.csv
check_rc 1 "many rejected rows exit 1"
[ "$(grep -c 'row rejected$' err)" -eq 100 ] && ok "at most 100 rejected rows shown per file" ||
	not_ok "at most 100 rejected rows shown per file"
check_grep "^manifest-parse: many.csv: 105 rows rejected in all, 100 shown$" err "the count of all rejected rows"
check_grep "^manifest-parse: many.csv: 106 rows read, 1 record written, 105 rejected, 0 skipped \\(blank or repeated header\\)$" err \
	"--stats accounts for every row"

run manifest-parse nonexistent.csv bad.csv
check_rc 2 "a missing file exits 2"
check_grep "^manifest-parse: nonexistent.csv: No such file or directory$" err "a missing file is named"
check_field shipper_name "A
F
Q" "the files after a missing one are still read"
run manifest-parse .
check_rc 2 "a directory exits 2"
check_err "manifest-parse: .: Is a directory" "a directory is named"

run manifest-parse --no-such-option
check_rc 2 "an unknown option exits 2"
check_grep "^usage: manifest-parse " err "an unknown option prints the usage on stderr"
run manifest-parse -d x bad.csv
check_rc 2 "a delimiter other than , ; | tab exits 2"
run manifest-parse --decimal dot bad.csv
check_rc 2 "--decimal with an unknown value exits 2"
run manifest-parse --encoding NO-SUCH-CHARSET bad.csv
check_err "manifest-parse: --encoding: unknown encoding 'NO-SUCH-CHARSET' (iconv -l lists the known ones)" \
	"an unknown encoding is an error"

rc=0
manifest-parse bad.csv >/dev/full 2>err || rc=$?
check_rc 2 "a full disk on standard output exits 2"
check_grep "^manifest-parse: write error: No space left on device$" err "a write error is reported"

# The pipe closes early: the default SIGPIPE ends the tool quietly.
{ echo 'Shipper,Description'; i=0; while [ $i -lt 30000 ]; do echo "s$i,goods"; i=$((i + 1)); done; } >big.csv
manifest-parse big.csv 2>err | head -n 1 >/dev/null
check_err "" "a reader that stops early leaves nothing on stderr"

run manifest-parse -o out.tsv bad.csv
check_rc 1 "-o writes the records"
[ -f out.tsv ] && [ "$(wc -l <out.tsv)" -eq 4 ] && [ ! -s out ] && ok "-o FILE holds the stream, stdout is empty" ||
	not_ok "-o FILE holds the stream, stdout is empty"
cp out.tsv before.tsv
run manifest-parse -o out.tsv bad.csv nonexistent.csv
check_rc 2 "-o with an error exits 2"
check_file_same before.tsv out.tsv "-o leaves the old file in place when the run fails"
[ -z "$(ls | grep 'out.tsv.tmp')" ] && ok "no temporary file is left behind" || not_ok "no temporary file is left behind"

printf 'BL Ref = doc_no\nGross = weight_kg\n' >map.txt
run manifest-parse -m map.txt bad.csv
check_err "manifest-parse: map.txt:2: unknown field (see manifest-records(5) for the canonical fields)" \
	"a mapping file error names file and line"
check_rc 2 "a mapping file error exits 2"
# Invalid UTF-8 grows threefold when repaired, then again in a normaliser:
# the row's working space must hold both.
{ printf 'UN Number,Shipper\n'; i=0; while [ $i -lt 200 ]; do printf '\377'; i=$((i + 1)); done; printf ',A\n'; } >grow.csv
run manifest-parse grow.csv
check_rc 0 "a long invalid UTF-8 value is repaired, not fatal"
field un_number | awk '{ print length($0) }' >len
[ "$(cat len)" = 600 ] && ok "200 bad bytes become 200 U+FFFD" || not_ok "200 bad bytes become 200 U+FFFD ($(cat len))"
check_field dq "un_number_invalid,missing_consignee,missing_description,missing_weight,encoding_invalid" "the repaired value is flagged"
done_testing
