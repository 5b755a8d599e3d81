#!/bin/sh
# The recipe of manifest-tools(7) for GNU parallel: parse one job per
# file, then score and select in blocks of the record stream with 2 jobs;
# the records equal those of one process, as a multiset, and a report of
# either stream says the same.
. "$top_srcdir/t/lib.sh"

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	echo "1..0 # SKIP no GNU parallel (./setup.sh check installs Debian's parallel)"
	exit 0
fi

plan 6

cd "$TMP" || exit 1
M="$top_srcdir/examples/manifests"
cp "$M/sea-2026-11-23.csv" "$M/air-2026-11-23.csv.gz" .
SEL='lane != "green" || score >= 20'

# One process per stage.
manifest-parse sea-2026-11-23.csv air-2026-11-23.csv.gz |
    risk-score -j 1 --date 2026-11-23 |
    manifest-select "$SEL" >single.tsv
rc=$?
[ "$rc" -eq 0 ] && ok "one process per stage: exit 0" || not_ok "one process per stage: exit $rc"

# The recipe: a parse job per file (each keeps its source and line
# numbers), then blocks of records, each with the header, to 2 jobs of
# score | select; select's exit 1 (nothing in a block) is no failure.
parallel --will-cite -k -j 2 manifest-parse ::: sea-2026-11-23.csv air-2026-11-23.csv.gz |
    parallel --will-cite --pipe --header 1 --block 40k -j 2 \
	"risk-score -j 1 --date 2026-11-23 | manifest-select '$SEL'; [ \$? -le 1 ]" \
	>parallel.tsv
rc=$?
[ "$rc" -eq 0 ] && ok "through GNU parallel, 2 jobs: exit 0" || not_ok "through GNU parallel, 2 jobs: exit $rc"

h=$(head -n 1 single.tsv)
n=$(grep -c -x -F "$h" parallel.tsv)
[ "$n" -gt 1 ] && ok "the blocks each wrote the header ($n times)" || not_ok "the blocks each wrote the header ($n times)"
grep -v -x -F "$h" single.tsv | sort >single.sorted
grep -v -x -F "$h" parallel.tsv | sort >parallel.sorted
n=$(wc -l <single.sorted)
[ "$n" -gt 50 ] && ok "the single run selects records ($n)" || not_ok "the single run selects records ($n)"
check_file_same single.sorted parallel.sorted "the same records, as a multiset"

# The repeated headers are skipped by the readers: the report of the
# parallel stream is the report of the single one.
manifest-report -f json -n 0 --date 2026-11-23 single.tsv | sed 's/"inputs":\[[^]]*\]//' >single.json
manifest-report -f json -n 0 --date 2026-11-23 parallel.tsv | sed 's/"inputs":\[[^]]*\]//' >parallel.json
check_file_same single.json parallel.json "a report of either stream: the same summary"
