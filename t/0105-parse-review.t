#!/bin/sh
# manifest-parse: behaviour that was once wrong, pinned so that it stays
# right (column mapping, value rules, header handling, messages).
. "$top_srcdir/t/lib.sh"

plan 34

cd "$TMP" || exit 1

printf 'Shipper,Exporter,Consignee\nA,B,C\n' >dup.csv
run manifest-parse dup.csv
check_err "manifest-parse: dup.csv: column 2 'Exporter' maps to a field an earlier column already gives (--keep-extra keeps it)" \
	"a second column for a field is named once"
check_field shipper_name "A" "the first column for a field wins"
run manifest-parse --keep-extra dup.csv
check_field exporter "B" "with --keep-extra the second column is kept as an extra"

printf 'Shipper,Note\nA,x\377y\n' >xutf.csv
run manifest-parse --keep-extra xutf.csv
check_field note "x�y" "invalid UTF-8 in an extra column is repaired"
field dq | grep -q encoding_invalid && ok "and flagged encoding_invalid" || not_ok "and flagged encoding_invalid"

printf 'Shipper,"Cons"ignee\nA,B\nC,D\n' >badhead.csv
run manifest-parse badhead.csv
check_rc 2 "a malformed header is an error for the file"
check_err "manifest-parse: badhead.csv:1: header: line 1, byte 15: text after the closing quote of a quoted field: file skipped" \
	"the malformed header is named with its line"
[ "$(wc -l <out)" -eq 1 ] && ok "no row of a file without a header comes out" || not_ok "no row of a file without a header comes out"

printf 'Shipper,Consignee\nA,B\n' >a.csv
cat a.csv a.csv >twice.csv
run manifest-parse --stats twice.csv
check_field shipper_name "A
A" "a repeated header row is not a record"
check_grep "twice.csv: 3 rows read, 2 records written, 0 rejected, 1 skipped \(blank or repeated header\)$" err \
	"the repeated header is counted as skipped"

printf 'Shipper Address,Shipper\nBldg 3\rLonghua,A\nx,"B"\r\n' >cr.csv
run manifest-parse cr.csv
check_field shipper_address "Bldg 3 Longhua
x" "in an LF file a lone CR is data, and a CRLF line end reads as LF"
check_rc 0 "no row rejected for CR in an LF file"

printf 'TARIC Code,Origin,Destination,Freight\n8471300000,FRA,CAN,1200\n' >syn.csv
run manifest-parse syn.csv
check_field hs_code "8471300000" "TARIC Code maps to hs_code"
check_grep "column 2 'Origin' maps to no field" err "Origin is not taken for a country (airport codes)"
check_grep "column 4 'Freight' maps to no field" err "Freight is not taken for freight terms (charges)"

printf 'BL Ref = doc_no\n' >m1.txt
printf 'BL Ref = master_doc_no\n' >m2.txt
printf 'BL Ref,Shipper\nX1,A\n' >m.csv
run manifest-parse -m m1.txt -m m2.txt m.csv
check_field master_doc_no "X1" "the last mapping for a column wins"

run manifest-parse --date-order ymd m.csv
check_rc 2 "--date-order ymd is not an order"

printf 'Packages,Value,Volume,Container Type\n"1,5",usd 12,0,20FT\n12 Kisten,-5 EUR,-1,22G1\n' >v.csv
run manifest-parse --decimal point v.csv
check_field packages "
12" "a count followed by anything but a word is unreadable"
check_field currency "USD
EUR" "a currency in the value in any case"
field dq >dq
sed -n 1p dq | grep -q '^container_type_invalid,packages_invalid,volume_nonpositive,' && ok "1,5 and 0 and 20FT flagged" ||
	{ not_ok "1,5 and 0 and 20FT flagged"; diag_file dq; }
sed -n 2p dq | grep -q 'volume_nonpositive,value_negative' && ok "negative volume and value flagged" ||
	{ not_ok "negative volume and value flagged"; diag_file dq; }

printf 'Packages,Shipper\n1e5,A\n12 CTNS,B\n' >pk.csv
run manifest-parse pk.csv
check_field packages "
12" "a count followed by a word with digits (1e5) is unreadable"

printf 'Shipper,Note\nA,x\201y\n' >cp.csv
run manifest-parse --keep-extra --encoding cp1252 cp.csv
field dq | grep -q encoding_invalid && ok "an undecodable byte in an extra column is flagged" ||
	not_ok "an undecodable byte in an extra column is flagged"

# Values that repeat down a manifest are normalised once, flags and all.
printf 'ETD,Port of Loading,Country of Origin,Shipper\n2026-02-30,NL RTM,China,A\n2026-02-30,NL RTM,China,B\n23/11/2026,XX123,Narnia,C\n23/11/2026,XX123,Narnia,D\n2026-02-30,NL RTM,China,E\n' >rep.csv
run manifest-parse rep.csv
check_field departure_date "

2026-11-23
2026-11-23
" "a repeated value gives the same value on every row"
field dq | sed 's/,missing.*//' >got
printf 'departure_date_invalid\ndeparture_date_invalid\norigin_country_invalid,loading_place_invalid\norigin_country_invalid,loading_place_invalid\ndeparture_date_invalid\n' >want
check_file_same want got "and the same flags on every row"

printf 'Shipper,Note\nA\000B,x\000y\n' >nul.csv
run manifest-parse --keep-extra nul.csv
check_field shipper_name "A�B" "a NUL byte becomes U+FFFD"
check_field note "x�y" "in extra columns too"
field dq | grep -q encoding_invalid && ok "and is flagged encoding_invalid" || not_ok "and is flagged encoding_invalid"

# Wide headers: every unmapped column named, but not on stderr past 50.
awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "c%d%s", i, i < 20000 ? "," : "\n";
	for (i = 1; i <= 20000; i++) printf "%d%s", i, i < 20000 ? "," : "\n" }' >wide.csv
run manifest-parse wide.csv
[ "$(wc -l <err)" -eq 52 ] && ok "50 unmapped columns named, then a count" || not_ok "50 unmapped columns named, then a count"
check_grep "^manifest-parse: wide.csv: 19950 more unmapped columns not listed \(--keep-extra keeps them\)$" err "the count of the others"
run manifest-parse --keep-extra wide.csv
[ "$(head -n 1 out | tr '\t' '\n' | wc -l)" -eq 20038 ] && [ "$(field c20000)" = 20000 ] &&
	ok "--keep-extra keeps 20,000 columns" || not_ok "--keep-extra keeps 20,000 columns"

printf 'Shipper,"Bad\001Name\033[31m"\nA,B\n' >ctl.csv
run manifest-parse ctl.csv
check_err "manifest-parse: ctl.csv: column 2 'Bad?Name?[31m' maps to no field (--keep-extra keeps it)" \
	"control characters in a header name are not sent to the terminal"
# Volumes are written to the litre: one point or comma is the decimal
# separator, where the rule for weights reads a thousands separator.
printf 'B/L No,Volume (M3),Gross Weight (KG)\nA,2.362,1.234\nB,"2,362",10\nC,1.234.567,5\nD,"12,5 cbm",1\n' >vol.csv
run manifest-parse vol.csv
check_field volume_m3 "2.362
2.362
1234567
12.5" "a volume's one separator is its decimal point"
check_field gross_weight_kg "1234
10
5
1" "a weight's 1.234 is still 1234 kg under --decimal auto"
done_testing
