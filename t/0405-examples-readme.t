#!/bin/sh
# examples/README against the tools: every command it shows ("    $ ...")
# runs, in order, in a copy of examples/ with the tools on PATH and
# MANIFEST_TOOLS_DATADIR naming that folder, as the README says, and
# prints what the README shows under it.
. "$top_srcdir/t/lib.sh"

README="$top_srcdir/examples/README"
CMDS="$TMP/cmds"
WORK="$TMP/examples"
mkdir "$CMDS" || exit 1
cp -R "$top_srcdir/examples" "$WORK" || exit 1
chmod -R u+w "$WORK"
PATH="$top_builddir/bin:$PATH"
MANIFEST_TOOLS_DATADIR=$WORK
tab=$(printf '\t')
# A reader's terminal: column(1) shows UTF-8 only in a UTF-8 locale.
LC_ALL=C.UTF-8
export PATH MANIFEST_TOOLS_DATADIR tab LC_ALL

# A command is a line "    $ CMD"; what it prints, the lines indented by
# four spaces after it, blank lines between them included, up to the next
# command or the next line of text.
awk -v dir="$CMDS" '
	function flush_to(f) { for (; blank > 0; blank--) print "" >> f }
	/^    \$ / {
		n++
		cur = n
		blank = 0
		print substr($0, 7) > (dir "/cmd." n ".sh")
		close(dir "/cmd." n ".sh")
		printf "" > (dir "/out." n ".txt")
		close(dir "/out." n ".txt")
		next
	}
	cur && /^$/ { blank++; next }
	cur && /^    / {
		f = dir "/out." cur ".txt"
		flush_to(f)
		print substr($0, 5) >> f
		close(f)
		next
	}
	{ cur = 0; blank = 0 }
	END { print n + 0 > (dir "/count") }
' "$README"
man_count=$(cat "$CMDS/count")

plan $((man_count + 1))

if [ "$man_count" -ge 20 ]; then
	ok "the README shows $man_count commands"
else
	not_ok "the README shows $man_count commands (20 or more expected)"
fi
if ! command -v column >/dev/null || ! command -v iconv >/dev/null; then
	i=1
	while [ "$i" -le "$man_count" ]; do
		echo "ok $((i + 1)) # SKIP column(1) or iconv(1) is not installed (apt-get install bsdextrautils)"
		i=$((i + 1))
	done
	exit 0
fi
man_run_examples "$CMDS" "$WORK"
done_testing
