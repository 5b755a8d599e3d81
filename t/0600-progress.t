#!/bin/sh
# --progress of manifest-parse and manifest-select: the last line, auto
# quiet off a terminal, always, never, standard input, bad values, and
# records unchanged by it.
. "$top_srcdir/t/lib.sh"

plan 20

cd "$TMP" || exit 1
CSV="$DATA/sea-basic.csv"
TSV="$DATA/select.tsv"
rows=$(($(manifest-parse "$CSV" 2>/dev/null | wc -l) - 1))

run manifest-parse "$CSV"
cp out plain.tsv
run manifest-parse --progress=always "$CSV"
check_rc 0 "parse --progress=always exits 0"
check_file_same plain.tsv out "parse --progress: the records are the same"
check_grep "^manifest-parse: [0-9]+\\.[0-9] MB of [0-9]+\\.[0-9] MB \\(100%\\), $rows records, [0-9]+\\.[0-9] MB/s, done\$" err \
    "parse: a last line with bytes of the size, records, rate"
n=$(wc -l <err)
[ "$n" -eq 1 ] && ok "parse: one line on a short run" || not_ok "parse: one line on a short run ($n)"
run manifest-parse --progress "$CSV"
check_err "" "parse --progress (auto): quiet when stderr is not a terminal"
run manifest-parse --progress=never "$CSV"
check_err "" "parse --progress=never: quiet"
run_in "$CSV" manifest-parse --progress=always
check_grep "^manifest-parse: [0-9]+\\.[0-9] MB, $rows records, [0-9]+\\.[0-9] MB/s, done\$" err \
    "parse from standard input: no size, so no percentage"
run manifest-parse --progress=sometimes "$CSV"
check_rc 2 "parse --progress with a bad value exits 2"
check_err "manifest-parse: --progress: expected auto, always or never, not 'sometimes'" \
    "parse: the message"

run manifest-select 'score > 50' "$TSV"
cp out sel.tsv
run manifest-select --progress=always 'score > 50' "$TSV"
check_rc 0 "select --progress=always exits 0"
check_file_same sel.tsv out "select --progress: the records are the same"
n=$(($(wc -l <"$TSV") - 1))
check_grep "^manifest-select: [0-9]+\\.[0-9] MB of [0-9]+\\.[0-9] MB \\(100%\\), $n records, [0-9]+\\.[0-9] MB/s, done\$" err \
    "select: a last line with records read"
gzip -c "$TSV" >s.tsv.gz
run manifest-select --progress=always 'score > 50' s.tsv.gz "$TSV"
check_grep "^manifest-select: [0-9]+\\.[0-9] MB of [0-9]+\\.[0-9] MB \\(100%\\), $((2 * n)) records, " err \
    "select: two inputs, gzip and plain, counted together"
run manifest-select --progress 'score > 50' "$TSV"
check_err "" "select --progress (auto): quiet when stderr is not a terminal"
run manifest-select --progress=loud 'score > 50' "$TSV"
check_rc 2 "select --progress with a bad value exits 2"

# On a terminal: redrawn in place, erased to the end of the line.
if command -v script >/dev/null 2>&1 &&
    script -qc true /dev/null >/dev/null 2>&1; then
	script -qc "manifest-parse --progress '$CSV' >/dev/null" /dev/null >tty.txt 2>&1
	if grep -q "$(printf '\r')manifest-parse: .*, done$(printf '\033')\\[K" tty.txt; then
		ok "parse --progress on a terminal: the line redrawn with CR and erase"
	else
		not_ok "parse --progress on a terminal: the line redrawn with CR and erase"
		od -c tty.txt | head -n 10 | sed 's/^/#   /'
	fi
	script -qc "manifest-select --progress 'score > 50' '$TSV' >/dev/null" /dev/null >tty.txt 2>&1
	if grep -q "manifest-select: .*, done" tty.txt; then
		ok "select --progress (auto) on a terminal: shown"
	else
		not_ok "select --progress (auto) on a terminal: shown"
	fi
	script -qc "manifest-parse '$CSV' >/dev/null" /dev/null >tty.txt 2>&1
	if [ -s tty.txt ]; then not_ok "no --progress, on a terminal: nothing"; else ok "no --progress, on a terminal: nothing"; fi
else
	ok "# SKIP no script(1) to make a terminal"
	ok "# SKIP no script(1) to make a terminal"
	ok "# SKIP no script(1) to make a terminal"
fi
run manifest-parse --help
check_grep '^      --progress\[=WHEN\] ' out "parse --help names --progress"
run manifest-select --help
check_grep '^      --progress\[=WHEN\] ' out "select --help names --progress"
