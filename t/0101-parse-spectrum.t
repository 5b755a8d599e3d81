#!/bin/sh
# manifest-parse against the csv-spectrum conformance suite: with
# --keep-extra, the columns after dq are exactly the expected rows.
. "$top_srcdir/t/lib.sh"

SPECTRUM="$DATA/csv-spectrum"
if ! command -v jq >/dev/null; then
	echo "1..0 # SKIP jq is not installed (apt-get install jq)"
	exit 0
fi

plan 13
for csv in "$SPECTRUM"/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	json="$SPECTRUM/json/$name.json"
	{
		jq -r '.[0] | keys_unsorted | @tsv' "$json"
		jq -r '.[] | [.[]] | @tsv' "$json"
	} >"$TMP/expected.tsv"
	run manifest-parse --keep-extra "$csv"
	cut -f 39- "$TMP/out" >"$TMP/extra.tsv"
	if [ "$rc" -eq 0 ] && cmp -s "$TMP/expected.tsv" "$TMP/extra.tsv"; then
		ok "$name: rows as expected"
	else
		not_ok "$name: rows as expected (exit $rc)"
		diff -u "$TMP/expected.tsv" "$TMP/extra.tsv" | sed 's/^/#   /'
	fi
done

# Provenance counts the lines inside quoted fields.
run manifest-parse --keep-extra "$SPECTRUM/csvs/newlines.csv"
check_field line "2
3
5" "newlines: each record's line is where its row starts"
run manifest-parse --keep-extra "$SPECTRUM/csvs/quotes_and_newlines.csv"
check_field line "2
5" "quotes_and_newlines: line after a three-line row"
done_testing
