#!/bin/sh
# manifest-parse: gzip input by content; every kind of damage is an
# error (exit 2) and the records before it still come out.
. "$top_srcdir/t/lib.sh"

plan 16

cd "$TMP" || exit 1
{ echo 'Shipper,Consignee,Description,Gross Weight'; i=1; while [ $i -le 3000 ]; do
	echo "Shipper $i,Consignee $i,\"GOODS, LOT $i\",$i"; i=$((i + 1)); done; } >m.csv
gzip -9 -n -c m.csv >m.csv.gz
manifest-parse --label m.csv m.csv >plain.tsv

run manifest-parse --label m.csv m.csv.gz
check_rc 0 "gzip input exits 0"
check_file_same plain.tsv out "gzip input gives the same records as plain"
cp m.csv.gz renamed.csv
run manifest-parse --label m.csv renamed.csv
check_file_same plain.tsv out "gzip is detected by content, not by name"
run_in m.csv.gz manifest-parse --label m.csv
check_file_same plain.tsv out "gzip on standard input"

head -n 1500 m.csv >a.csv
{ head -n 1 m.csv; tail -n +1501 m.csv; } >b.csv
gzip -n -c a.csv >ab.gz
tail -n +2 b.csv | gzip -n -c >>ab.gz
run manifest-parse --label m.csv ab.gz
check_file_same plain.tsv out "concatenated gzip members are read in turn"

size=$(wc -c <m.csv.gz)
head -c $((size / 2)) m.csv.gz >cut.gz
run manifest-parse --rejects rej.txt cut.gz
check_rc 2 "truncated gzip exits 2"
check_grep "^manifest-parse: cut.gz: unexpected end of file: gzip data truncated$" err "truncation is reported"
n=$(($(wc -l <out) - 1))
[ "$n" -gt 100 ] && [ "$n" -lt 3000 ] && ok "records before the truncation come out ($n)" ||
	not_ok "records before the truncation come out ($n)"
check_grep "row cut short by the damaged end of the input: row rejected$" err "the row cut in half is rejected, not guessed"
[ "$(wc -l <rej.txt)" -eq 1 ] && ok "the cut row is in --rejects" || not_ok "the cut row is in --rejects"

# Flip a byte of the CRC-32 in the gzip trailer.
cp m.csv.gz crc.gz
b=$(od -An -tu1 -j $((size - 8)) -N 1 crc.gz | tr -d ' ')
printf "$(printf '\\%03o' $(((b + 1) % 256)))" | dd of=crc.gz bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
run manifest-parse crc.gz
check_rc 2 "a bad CRC exits 2"
check_grep "^manifest-parse: crc.gz: corrupt gzip data \(incorrect data check\)$" err "a bad CRC is reported"
[ "$(wc -l <out)" -eq 3001 ] && ok "all records of a file with a bad CRC come out, with the error" ||
	not_ok "all records of a file with a bad CRC come out, with the error"

cp m.csv.gz junk.gz
printf 'this is not gzip' >>junk.gz
run manifest-parse junk.gz
check_rc 2 "data after the gzip stream exits 2"
check_grep "^manifest-parse: junk.gz: trailing garbage after gzip data$" err "trailing garbage is reported"

printf '\037\213' >tiny.gz
run manifest-parse tiny.gz
check_rc 2 "a gzip header alone exits 2"
done_testing
