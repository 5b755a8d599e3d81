#!/bin/sh
# manifest-parse: CSV dialects (delimiters, byte order mark, line ends)
# and character encodings.
. "$top_srcdir/t/lib.sh"

plan 22

cd "$TMP" || exit 1
for d in ',' ';' '|' '	'; do
	printf 'Shipper%sDescription%sGross Weight\n"A%s B"%s"tyres"%s12\n' \
		"$d" "$d" "$d" "$d" "$d" >d.csv
	run manifest-parse d.csv
	# A tab inside free text is white space, folded to a space.
	[ "$d" = '	' ] && want='A B' || want="A$d B"
	check_field shipper_name "$want" "delimiter '$d' detected, quoted delimiter kept"
done
# One comma and one semicolon: detection picks the comma.
printf 'Shipper, Name;Description\nA, Inc;B\n' >forced.csv
run manifest-parse -d ';' forced.csv
check_field shipper_name "A, Inc" "-d overrides detection"
printf 'Shipper\nA;B,1\n' >one.csv
run manifest-parse -d tab one.csv
check_field shipper_name "A;B,1" "-d tab: one column"

printf '\357\273\277Shipper,Description\nA,B\n' >bom.csv
run manifest-parse bom.csv
check_field shipper_name "A" "a UTF-8 byte order mark is dropped"
check_err "" "no unmapped column after a byte order mark"
printf '\357\273\277' >bomonly.csv
run manifest-parse bomonly.csv
check_rc 0 "a byte order mark alone is an empty input"

printf 'Shipper,Description\r\nA,"two\r\nlines"\r\nB,x\r\n' >crlf.csv
run manifest-parse crlf.csv
check_field description "two lines
x" "CRLF line ends, CRLF inside quotes folded in free text"
check_field line "2
4" "lines counted with CRLF"
printf 'Shipper,Description\rA,x\rB,y\r' >cr.csv
run manifest-parse cr.csv
check_field shipper_name "A
B" "CR-only line ends"
check_field line "2
3" "lines counted with CR-only line ends"

printf 'Shipper,Description\n\nA,x\n   \n,\n\nB,y\n' >blank.csv
run manifest-parse --stats blank.csv
check_field line "3
7" "blank and all-empty rows skipped"
check_grep "blank.csv: 6 rows read, 2 records written, 0 rejected, 4 skipped \\(blank or repeated header\\)$" err "skipped rows counted"

printf 'Shipper;Consignee;Description of Goods;Gross Weight (KG);Value\n"M\374ller GmbH";"Soci\351t\351 G\351n\351rale";"PI\310CES D\311TACH\311ES";"1.234,5";"12.000,00 EUR"\n' >latin1.csv
run manifest-parse --encoding latin1 latin1.csv
check_field consignee_name "Société Générale" "--encoding latin1 decodes to UTF-8"
check_field value "12000" "decimal comma value with currency"
check_field currency "EUR" "currency taken from the value"
check_field dq "" "no flags on a clean Latin-1 row"

run manifest-parse latin1.csv
check_field shipper_name "M�ller GmbH" "invalid UTF-8 becomes U+FFFD"
check_field dq "encoding_invalid" "invalid UTF-8 flagged encoding_invalid"

printf 'Shipper,Consignee,Description,Gross Weight\n"A\200\201B",C,D,1\n' >cp.csv
run manifest-parse --encoding cp1252 cp.csv
check_field shipper_name "A€�B" "a byte undefined in CP1252 becomes U+FFFD"
done_testing
