#!/bin/sh
# manifest-report -f html in a real browser: headless Chromium loads the
# page, and the checks read its DOM: the inspection table, the four
# charts, a hostile value still text, no script. A screenshot and a PDF
# through the print stylesheet are saved in the build's t/ folder.
. "$top_srcdir/t/lib.sh"

browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then
		browser=$b
		break
	fi
done
if [ -z "$browser" ]; then
	echo "1..0 # SKIP no Chromium installed (./setup.sh check installs Debian's chromium)"
	exit 0
fi

plan 13

cd "$TMP" || exit 1
cp "$DATA/report.tsv" report.tsv
shot="$top_builddir/t/report-chromium.png"
pdf="$top_builddir/t/report-chromium.pdf"
mkdir -p "$top_builddir/t"
rm -f "$shot" "$pdf"

# chrome URL: the page, run headless with its own profile in $TMP.
chrome() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
	    --no-first-run --user-data-dir="$TMP/profile" "$@" \
	    2>>"$TMP/chrome.log"
}

run manifest-report -f html --date 2026-11-23 -o page.html report.tsv
check_rc 0 "the page is written"
chrome --dump-dom "file://$TMP/page.html" >dom.html
rc=$?
if [ "$rc" -eq 0 ] && grep -q '</html>' dom.html; then
	ok "Chromium loads the page and gives its DOM"
else
	not_ok "Chromium loads the page and gives its DOM (exit $rc)"
	diag_file "$TMP/chrome.log"
fi

# The DOM as one tag per line, for counting.
sed 's/</\n</g' dom.html >tags
n=$(grep -c '^<table id="inspections"' tags)
[ "$n" -eq 1 ] && ok "the inspection table is there" || not_ok "the inspection table is there ($n)"
n=$(awk '/^<tbody/ { on = 1 } /^<\/tbody/ { on = 0 } on && /^<tr / { n++ } END { print n + 0 }' tags)
[ "$n" -eq 7 ] && ok "it has a row for each of the 7 records" || not_ok "it has a row for each of the 7 records ($n)"
for id in chart-scores chart-lanes chart-rules chart-routes; do
	n=$(awk -v id="$id" '$0 ~ "^<figure id=\"" id "\"" { on = 1 } /^<\/figure/ { on = 0 } on && /^<rect / { n++ } END { print n + 0 }' tags)
	[ "$n" -gt 0 ] && ok "chart $id has bars ($n)" || not_ok "chart $id has bars"
done
n=$(grep -c '^<script' tags)
[ "$n" -eq 0 ] && ok "no script element in the DOM" || not_ok "no script element in the DOM ($n)"
check_grep '&lt;script&gt;alert\(1\)&lt;/script&gt;' dom.html "the hostile shipper is text in the DOM"
check_grep "^<td class=\"text\">Caf$(printf '\357\277\275') Ltd" tags "invalid UTF-8 shows as U+FFFD"

chrome --screenshot="$shot" --window-size=1280,1800 "file://$TMP/page.html" >/dev/null
if [ -s "$shot" ] && [ "$(head -c 4 "$shot" | od -An -c | tr -d ' ')" = '211PNG' ]; then
	ok "a screenshot is saved: t/report-chromium.png"
else
	not_ok "a screenshot is saved"
	diag_file "$TMP/chrome.log"
fi
chrome --print-to-pdf="$pdf" --no-pdf-header-footer "file://$TMP/page.html" >/dev/null
if [ -s "$pdf" ] && [ "$(head -c 5 "$pdf")" = '%PDF-' ]; then
	ok "the page prints to PDF: t/report-chromium.pdf"
else
	not_ok "the page prints to PDF"
	diag_file "$TMP/chrome.log"
fi
