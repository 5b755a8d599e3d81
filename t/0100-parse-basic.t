#!/bin/sh
# manifest-parse: the canonical record of a small sea manifest, field by
# field, and the normalisation of each kind of value.
. "$top_srcdir/t/lib.sh"

plan 43

HEADER='source	line	doc_type	doc_no	master_doc_no	mode	carrier	conveyance	voyage	departure_date	arrival_date	origin_country	destination_country	loading_place	transit_places	discharge_place	shipper_name	shipper_address	shipper_country	consignee_name	consignee_address	consignee_country	notify_name	container_no	seal_no	container_type	packages	package_type	gross_weight_kg	volume_m3	hs_code	description	marks	value	currency	freight_terms	un_number	dq'

cd "$DATA" || exit 1
run manifest-parse sea-basic.csv
check_rc 0 "a clean manifest exits 0"
check_file_same "$DATA/sea-basic.tsv" "$TMP/out" "every field of every record as expected"
check_err "" "nothing on stderr when every column maps"
head -n 1 "$TMP/out" >"$TMP/h"
printf '%s\n' "$HEADER" >"$TMP/hx"
check_file_same "$TMP/hx" "$TMP/h" "header is canonical schema version 1"

run_in sea-basic.csv manifest-parse --label day1.csv
check_field source "day1.csv
day1.csv" "--label names standard input in source"
run_in sea-basic.csv manifest-parse -
check_field source "-
-" "standard input is - without --label"
run manifest-parse --label x a.csv b.csv
check_rc 2 "--label with two inputs is a usage error"

run manifest-parse sea-basic.csv sea-basic.csv
check_rc 0 "two files exit 0"
[ "$(grep -c '^source	' "$TMP/out")" -eq 1 ] && [ "$(wc -l <"$TMP/out")" -eq 5 ] &&
	ok "two files: one header, four records" || not_ok "two files: one header, four records"

run manifest-parse --stats sea-basic.csv
check_err "manifest-parse: sea-basic.csv: 2 rows read, 2 records written, 0 rejected, 0 skipped (blank or repeated header)" "--stats counts per file"
run manifest-parse --stats sea-basic.csv sea-basic.csv
check_grep "^manifest-parse: total: 4 rows read, 4 records written, 0 rejected, 0 skipped \\(blank or repeated header\\)$" "$TMP/err" "--stats totals for several files"

run manifest-parse </dev/null
check_rc 0 "empty standard input exits 0"
check_out "$HEADER" "empty input still writes the header"
check_err "manifest-parse: (standard input): empty input: no header, no rows" "empty input is named on stderr"

run manifest-parse --help
check_rc 0 "--help exits 0"
check_grep "^usage: manifest-parse " "$TMP/out" "--help prints the usage"
run manifest-parse --version
check_out "manifest-parse (manifest-tools) 0.1.0" "--version"

# One column at a time: name, values, and what comes out.
# parse_col HEADER VALUE...: a CSV of one column, then its records.
parse_col() {
	h=$1
	shift
	{ printf '"%s"\n' "$h"; for v in "$@"; do printf '"%s"\n' "$v"; done; } >"$TMP/col.csv"
	run manifest-parse "$TMP/col.csv"
}

parse_col "Departure Date" 2026-11-23 23/11/2026 23.11.2026 20261123 23-Nov-2026 "23 NOV 2026" "2026-11-23T08:00:00" 2026-02-30 soon
check_field departure_date "2026-11-23
2026-11-23
2026-11-23
2026-11-23
2026-11-23
2026-11-23
2026-11-23

" "dates to ISO 8601; impossible or unreadable dates emptied"
field dq | cut -d, -f1 >"$TMP/got"
[ "$(sed -n 8p "$TMP/got")" = departure_date_invalid ] && [ "$(sed -n 9p "$TMP/got")" = departure_date_invalid ] &&
	ok "bad dates flagged departure_date_invalid" || not_ok "bad dates flagged departure_date_invalid"
printf '"ETA"\n"03/04/2026"\n' >"$TMP/d.csv"
run manifest-parse --date-order mdy "$TMP/d.csv"
check_field arrival_date "2026-03-04" "--date-order mdy reads month first"
run manifest-parse --date-order dym "$TMP/d.csv"
check_rc 2 "--date-order with an unknown order is a usage error"

parse_col "Gross Weight (KG)" "12,345.50" "12.345,5" "1.234,5 kg" "2,000 LBS" "12.5 t" "0" "-5" "heavy"
check_field gross_weight_kg "12345.5
12345.5
1234.5
907.185
12500
0
-5
" "weights in kg from separators, decimal commas and units"
field dq >"$TMP/got"
printf '%s\n' "missing_shipper,missing_consignee,missing_description" >"$TMP/ok"
sed -n 6p "$TMP/got" | grep -q weight_nonpositive && sed -n 7p "$TMP/got" | grep -q weight_nonpositive &&
	sed -n 8p "$TMP/got" | grep -q weight_invalid && ok "zero, negative and unreadable weights flagged" ||
	not_ok "zero, negative and unreadable weights flagged"

parse_col "Weight LBS" 100
check_field gross_weight_kg "45.359" "a weight column in pounds is converted"

printf 'Gross Weight,Weight Unit\n100,LB\n100,KG\n2,MT\n5,stone\n' >"$TMP/u.csv"
run manifest-parse "$TMP/u.csv"
check_field gross_weight_kg "45.359
100
2000
" "a weight unit column applies to its row"

printf 'Value,Weight\n"1,234",5\n' >"$TMP/dec.csv"
run manifest-parse --decimal comma "$TMP/dec.csv"
check_field value "1.234" "--decimal comma reads 1,234 as a decimal"
run manifest-parse --decimal point "$TMP/dec.csv"
check_field value "1234" "--decimal point reads 1,234 with a thousands separator"

parse_col "Packages" "120 CTNS" "1,200" 0 -3 many
check_field packages "120
1200
0
-3
" "package counts"
check_field package_type "CTNS



" "a kind of package after the count fills package_type"

parse_col "Container No" "CSQU 305438-3" "csqu3054383" CSQU3054384 CSQU3054Z83 "TASU117.000.0"
check_field container_no "CSQU3054383
CSQU3054383
CSQU3054384
CSQU3054Z83
TASU1170000" "container numbers upper case without spaces, dashes, dots"
field dq | sed 's/,missing.*//; s/^missing.*//' >"$TMP/got"
printf '\n\ncontainer_check_digit\ncontainer_invalid\n\n' >"$TMP/ok"
check_file_same "$TMP/ok" "$TMP/got" "ISO 6346 check digit and format flagged"

printf 'AWB No,Master AWB,Mode\n123-12345675,,\n123 1234567 4,,\n933-34099074,,\n' >"$TMP/awb.csv"
run manifest-parse "$TMP/awb.csv"
check_field doc_type "AWB
AWB
AWB" "an AWB column implies doc_type AWB"
check_field mode "air
air
air" "the document type implies the mode"
check_field doc_no "123-12345675
123-12345674
933-34099074" "air waybill numbers written ddd-dddddddd"
field dq | cut -d, -f1 >"$TMP/got"
printf 'missing_shipper\nawb_check_digit\nmissing_shipper\n' >"$TMP/ok"
check_file_same "$TMP/ok" "$TMP/got" "air waybill mod-7 check digit flagged"

parse_col "HS Code" 4011.20.00 "8471 30 00 00" 8471 7701.10 9999
check_field hs_code "40112000
8471300000
8471
770110
9999" "HS codes digits only"
field dq | cut -d, -f1 >"$TMP/got"
printf 'missing_shipper\nmissing_shipper\nhs_invalid\nhs_invalid\nhs_invalid\n' >"$TMP/ok"
check_file_same "$TMP/ok" "$TMP/got" "short codes and unreal chapters flagged hs_invalid"

parse_col "Country of Origin" CN chn China "Korea, Republic of" Narnia
check_field origin_country "CN
CN
CN
KR
NARNIA" "countries by alpha-2, alpha-3 or name"
field dq | cut -d, -f1 | tail -n 1 >"$TMP/got"
[ "$(cat "$TMP/got")" = origin_country_invalid ] && ok "an unknown country is kept and flagged" ||
	not_ok "an unknown country is kept and flagged"

parse_col "Port of Loading" "NL RTM" nlrtm "NL-RTM" ROTTERDAM
check_field loading_place "NLRTM
NLRTM
NLRTM
ROTTERDAM" "UN/LOCODEs without the space"

parse_col "Container Type" 40HC "20'GP" 45G1 22R1 "40 RF" BIG
check_field container_type "45G1
22G1
45G1
22R1
42R1
BIG" "usual container type names mapped to ISO 6346 codes"

parse_col "Freight Terms" PP "Freight Collect" prepaid cc maybe
check_field freight_terms "prepaid
collect
prepaid
collect
" "freight terms to prepaid or collect"

parse_col "Description of Goods" "  LED   LAMPS	(WARM)  " "PARTS
AND ACCESSORIES"
check_field description "LED LAMPS (WARM)
PARTS AND ACCESSORIES" "free text trimmed, white space folded"
done_testing
