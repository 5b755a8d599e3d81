#!/bin/sh
# SECURITY, statement by statement: each check pins a claim of the file
# SECURITY at the top of the source tree, under the heading named in the
# comment above it. The checks marked TODO pin its "Known gaps": they
# fail today, as SECURITY says; when one passes, the gap is closed, and
# SECURITY and this file are to be brought up to date.
. "$top_srcdir/t/lib.sh"

plan 146

cd "$TMP" || exit 1
D=--date=2026-11-23
ESC=$(printf '\033')
TAB=$(printf '\t')
C1=$(printf '\302\233')

# todo_check DESC CMD...: a check of a known gap, true once it is closed.
todo_check() {
	local desc=$1
	shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $desc # TODO known gap: closed now, update SECURITY"
	else
		echo "not ok $tap_n - $desc # TODO known gap (SECURITY)"
	fi
}

# check_kept FILE DESC: FILE still reads "old", and no FILE.tmp* is left.
check_kept() {
	if [ "$(cat "$1")" = old ] && ! ls -a | grep -q "^$1\.tmp"; then
		ok "$2"
	else
		not_ok "$2"
		echo "#   $1 reads: $(head -c 60 "$1")"
		ls -a | grep "^$1\.tmp" | sed 's/^/#   left: /'
	fi
}

# now_ms: the wall-clock time in milliseconds, or nothing.
now_ms() {
	local t
	t=$(date +%s%N 2>/dev/null) || return 0
	case $t in
	*[!0-9]*|'') ;;
	*) echo $((t / 1000000)) ;;
	esac
}

# run_timed CMD...: run, with the time taken in $ms (empty when unknown).
run_timed() {
	local t0 t1
	t0=$(now_ms)
	run timeout 60 "$@"
	t1=$(now_ms)
	ms=
	if [ -n "$t0" ] && [ -n "$t1" ]; then
		ms=$((t1 - t0))
	fi
}

check_fast() {
	if [ -z "$ms" ]; then
		ok "$2 # SKIP date cannot time it"
	elif [ "$ms" -lt "$1" ]; then
		ok "$2"
	else
		not_ok "$2"
		echo "#   took $ms ms"
	fi
}

# as N: N a's on a line.
as() {
	head -c "$1" /dev/zero | tr '\0' a
	echo
}

# A memory limit for the checks of memory, unless the tools cannot run
# under one: AddressSanitizer reserves terabytes of address space (and
# its allocator copies a growing field at every step, which takes
# manifest-parse minutes over a field of 64 MiB).
ulimit_ok=false
# (In a shell of its own, which says "Aborted" to /dev/null.)
if sh -c 'ulimit -v 200000 && manifest-select --version; exit $?' >/dev/null 2>&1; then
	ulimit_ok=true
fi

# Records of 40 a's and a b, on which /^(a+)+$/ backtracks for ever.
printf 'a\tb\n%s\tx\n' "$(as 40 | tr -d '\n')b" >evil.tsv

# --- Trusted input: never executed, never expanded ------------------------
mkdir keep.d
cat >shell.csv <<'EOF'
Shipper,Consignee,Description,Marks
"$(touch pwned1)",`touch pwned2`,"; touch pwned3; rm -rf keep.d",$HOME ${PATH} %s%n ~ * ?
EOF
run manifest-parse shell.csv
check_rc 0 "a manifest of shell syntax parses"
cp out shell.tsv
cut -f 17,20,32,33 out >got
printf '%s\t%s\t%s\t%s\n' shipper_name consignee_name description marks \
    '$(touch pwned1)' '`touch pwned2`' '; touch pwned3; rm -rf keep.d' \
    '$HOME ${PATH} %s%n ~ * ?' >want
check_file_same want got "shell syntax and variables in a manifest are carried as data"

cat >shell.rules <<'EOF'
rule SH-01 {
	reason "$(touch pwned4) `touch pwned5` $HOME"
	weight 10
	when   description ~ /rm -rf/ && marks == "$HOME ${PATH} %s%n ~ * ?"
}
EOF
run risk-score -r shell.rules $D shell.tsv
check_rc 0 "risk-score scores the records of shell syntax"
check_field reasons 'SH-01 +10 $(touch pwned4) `touch pwned5` $HOME (matched "rm -rf")' \
    "a rules file's reason and strings are not expanded"
run manifest-select -c 'shipper_name == "$(touch pwned1)" && consignee_name == "`touch pwned2`"' shell.tsv
check_out 1 "manifest-select compares the payloads as text"
if [ -z "$(ls | grep '^pwned')" ] && [ -d keep.d ]; then
	ok "no payload ran: no file made, none removed"
else
	not_ok "no payload ran: no file made, none removed"
	ls | sed 's/^/#   /'
fi

run manifest-select 'system("touch pwned6")' shell.tsv
check_err "manifest-select: expression:1:1: unknown function 'system': the functions are abs, contains, count, days, empty, endswith, hs_chapter, len, lower, max, min, num, startswith, substr, today, trim, upper, word_count, words
  system(\"touch pwned6\")
  ^" "the expression language has no function that runs a command, and lists those it has"
check_rc 2 "an unknown function is an error (exit 2)"
printf 'rule G {\n\treason "g"\n\tweight 1\n\twhen getenv("HOME") == ""\n}\n' >getenv.rules
run risk-score --check -r getenv.rules
check_grep "^risk-score: getenv.rules:4:7: unknown function 'getenv': the functions are abs, " err \
    "nor one that reads the environment, in a rules file"

# What the programs call: nothing that starts a program or a connection;
# getenv in risk-score for MANIFEST_TOOLS_DATADIR and in manifest-report
# for COLUMNS and NO_COLOR, nowhere else.
if command -v nm >/dev/null 2>&1 &&
    nm -D --undefined-only "$top_builddir/bin/risk-score" >/dev/null 2>&1; then
	: >bad
	for tool in manifest-parse risk-score manifest-select manifest-report; do
		nm -D --undefined-only "$top_builddir/bin/$tool" |
		    awk '{ sub(/@.*/, "", $NF); print $NF }' >"imports.$tool"
		grep -E -x 'system|popen|fork|vfork|execl|execle|execlp|execv|execve|execvp|execvpe|fexecve|posix_spawnp?|socket|connect|getaddrinfo|gethostbyname' \
		    "imports.$tool" | sed "s/^/$tool: /" >>bad
	done
	if [ ! -s bad ]; then
		ok "no tool calls system, popen, fork, exec*, posix_spawn, socket or connect"
	else
		not_ok "no tool calls system, popen, fork, exec*, posix_spawn, socket or connect"
		diag_file bad
	fi
	cat imports.manifest-parse imports.manifest-select |
	    grep -E -x 'getenv|secure_getenv|environ|__environ' >bad
	cat imports.risk-score imports.manifest-report |
	    grep -E -x 'secure_getenv|environ|__environ' >>bad
	if [ ! -s bad ]; then
		ok "manifest-parse and manifest-select read no environment variable"
	else
		not_ok "manifest-parse and manifest-select read no environment variable"
		diag_file bad
	fi
else
	ok "no tool calls system, popen, fork, exec*, posix_spawn, socket or connect # SKIP no nm -D"
	ok "manifest-parse and manifest-select read no environment variable # SKIP no nm -D"
fi
grep -n 'getenv' "$top_srcdir"/bin/*.c "$top_srcdir"/lib/*.c >got
if [ "$(wc -l <got)" -eq 3 ] &&
    grep -q '^[^:]*/risk-score.c:.*getenv("MANIFEST_TOOLS_DATADIR")' got &&
    grep -q '^[^:]*/manifest-report.c:.*getenv("COLUMNS")' got &&
    grep -q '^[^:]*/manifest-report.c:.*getenv("NO_COLOR")' got; then
	ok "the sources read MANIFEST_TOOLS_DATADIR, COLUMNS and NO_COLOR, and no other variable"
else
	not_ok "the sources read MANIFEST_TOOLS_DATADIR, COLUMNS and NO_COLOR, and no other variable"
	diag_file got
fi

# A path in a record is never opened: a FIFO there would block the tool.
mkfifo trap
mkdir -p prules/lists
printf 'trap\n' >prules/lists/l.txt
cat >prules/p.rules <<'EOF'
list l = "lists/l.txt"
rule P {
	reason "p"
	weight 1
	when   description in @l || marks ~ /trap/
}
EOF
printf 'source\tline\tshipper_name\tdescription\tmarks\n%s\t2\t%s\ttrap\t./trap\n' \
    "$TMP/trap" "$TMP/trap" >paths.tsv
run timeout 20 risk-score -r prules/p.rules $D paths.tsv
check_rc 0 "risk-score opens no path found in a record"
check_field hits "P" "and compares such values as text"
run timeout 20 manifest-select -H -l l=prules/lists/l.txt 'description in @l && source ~ /trap$/' paths.tsv
check_rc 0 "manifest-select opens no path found in a record"
printf 'Shipper,Description,Source\n%s,trap,./trap\n' "$TMP/trap" >paths.csv
run timeout 20 manifest-parse --keep-extra paths.csv
check_rc 0 "manifest-parse opens no path found in a manifest"

# --- What the tools read: list paths --------------------------------------
mkdir -p rules/lists lists
printf 'Shipper From Rules Dir\n' >rules/lists/watch.txt
printf 'Decoy In Current Dir\n' >lists/watch.txt
cat >rules/op.rules <<'EOF'
list watch = "lists/watch.txt"
rule W {
	reason "w"
	weight 50
	when   shipper_name in @watch
}
EOF
printf 'shipper_name\tdescription\nShipper From Rules Dir\tx\nDecoy In Current Dir\ty\n' >recs.tsv
run risk-score -r rules/op.rules $D recs.tsv
check_field hits "W
" "a list path is taken from the folder of the rules file, not the current directory"

mkdir -p 'lit/$MT_LISTS' 'lit/~' decoy
printf 'Literal Dollar\n' >'lit/$MT_LISTS/w.txt'
printf 'Literal Tilde\n' >'lit/~/w.txt'
printf 'Decoy Name\n' >decoy/w.txt
cat >lit/x.rules <<'EOF'
list d = "$MT_LISTS/w.txt"
list t = "~/w.txt"
rule D {
	reason "d"
	weight 1
	when   shipper_name in @d
}
rule T {
	reason "t"
	weight 1
	when   shipper_name in @t
}
EOF
printf 'shipper_name\nLiteral Dollar\nLiteral Tilde\nDecoy Name\n' >names.tsv
run env MT_LISTS="$TMP/decoy" HOME="$TMP/decoy" risk-score -r lit/x.rules $D names.tsv
check_field hits "D
T
" "neither \$VARIABLES nor ~ are expanded in a list path"

printf 'TOPSECRET-4711\n' >secret.txt
{
	printf 'list s = "../secret.txt"\n'
	printf 'list a = "%s/secret.txt"\n' "$TMP"
	printf 'rule S {\n\treason "s"\n\tweight 1\n\twhen shipper_name in @s\n}\n'
	printf 'rule A {\n\treason "a"\n\tweight 1\n\twhen shipper_name in @a\n}\n'
} >rules/peek.rules
printf 'shipper_name\nTOPSECRET-4711\n' >peek.tsv
run risk-score -r rules/peek.rules $D peek.tsv
check_field hits "S,A" "a rules file can have any file read as a list, by .. or an absolute path"
run risk-score -r rules/peek.rules $D --stats recs.tsv
cp out peek.out
cp err peek.err
run risk-score --check -r rules/peek.rules $D
if ! cat peek.out peek.err out err | grep -q TOPSECRET; then
	ok "the lines of a list file are printed neither in records nor in messages"
else
	not_ok "the lines of a list file are printed neither in records nor in messages"
fi

run env MANIFEST_TOOLS_DATADIR="$TMP/nodata" risk-score -r rules/op.rules $D recs.tsv
check_rc 0 "with -r, MANIFEST_TOOLS_DATADIR is not used"
run env MANIFEST_TOOLS_DATADIR="$TMP/nodata" risk-score $D recs.tsv
check_err "risk-score: $TMP/nodata/rules/default.rules: No such file or directory" \
    "without -r, the default rule set is \$MANIFEST_TOOLS_DATADIR/rules/default.rules"
installed=$(risk-score --help | tr -d '\n' | grep -o '/[^ )]*/rules/default\.rules')
run env MANIFEST_TOOLS_DATADIR= risk-score --check $D
if [ "$rc" -eq 0 ] ||
    [ "$(cat err)" = "risk-score: $installed: No such file or directory" ]; then
	ok "unset, the installed one ($installed)"
else
	not_ok "unset, the installed one ($installed)"
	diag_file err
fi
east=$(TZ=XXX-14 date +%Y-%m-%d)
west=$(TZ=YYY+12 date +%Y-%m-%d)
run env TZ=XXX-14 manifest-select -c "today() == \"$east\"" evil.tsv
r1=$(cat out)
run env TZ=YYY+12 manifest-select -c "today() == \"$west\"" evil.tsv
if [ "$east" != "$west" ] && [ "$r1" = 1 ] && [ "$(cat out)" = 1 ]; then
	ok "TZ sets today's date"
else
	not_ok "TZ sets today's date"
	echo "#   $east: $r1; $west: $(cat out)"
fi

# --- What the tools read and write, system call by system call -------------
# trace CMD...: run CMD under strace; what it opened (read, write, append,
# new), renamed, removed or made, and any program or connection it
# started, one line each, sorted, into trace.txt, leaving out the C
# library's files (/etc, /usr, /lib, /proc, /sys, /dev, *.so).
strace_ok=false
if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
	strace_ok=true
fi
trace() {
	rc=0
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f -qq -o strace.log -e trace=%file,%network,%process \
	    "$@" >out 2>err || rc=$?
	awk '
		{ line = $0; sub(/^[0-9]+ +/, "", line) }
		line ~ /^<\.\.\./ { next }
		{
			name = line; sub(/\(.*/, "", name)
			n = 0; s = line
			while (match(s, /"([^"\\]|\\.)*"/)) {
				a[++n] = substr(s, RSTART + 1, RLENGTH - 2)
				s = substr(s, RSTART + RLENGTH)
			}
		}
		name ~ /^(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg)$/ {
			print "net " name; next
		}
		name ~ /^execve/ { if (execs++) print "exec " a[1]; next }
		name ~ /^v?fork$/ { print name; next }
		name ~ /^clone/ { if (line !~ /CLONE_THREAD/) print "process"; next }
		n == 0 || a[1] ~ /^\/(etc|usr|lib|lib32|lib64|proc|sys|dev)\// ||
		    a[1] ~ /\.so(\.[0-9.]*)?$/ { next }
		name ~ /^(open|openat|openat2|creat)$/ {
			m = "read"
			if (line ~ /O_EXCL/) m = "new"
			else if (line ~ /O_APPEND/) m = "append"
			else if (line ~ /O_CREAT|O_TRUNC|O_WRONLY|O_RDWR/) m = "write"
			print "open " a[1] " " m; next
		}
		name ~ /^rename/ { print "rename " a[1] " " a[2]; next }
		name ~ /^(unlink|unlinkat|rmdir|mkdir|mkdirat|link|linkat|symlink|symlinkat|truncate|chmod|fchmodat|chown|lchown|fchownat)$/ {
			print name " " a[1]
		}
	' strace.log | sed 's/\.tmp[A-Za-z0-9]\{6\}/.tmpXXXXXX/g' | sort >trace.txt
}

# Records whose values name files: none of them is opened.
printf 'shipper_name\tdescription\tmarks\nShipper From Rules Dir\tsecret.txt\t%s/secret.txt\nrules/op.rules\tlists/watch.txt\t../secret.txt\n' \
    "$TMP" >recs2.tsv
printf 'Shipper,Consignee,Note\nA,secret.txt,%s/secret.txt\nB,C\n' "$TMP" >paths2.csv
printf 'Consignee = consignee_name\n' >map.txt
if $strace_ok; then
	trace risk-score -r rules/op.rules $D -o st.tsv recs2.tsv
	printf '%s\n' 'open recs2.tsv read' 'open rules/lists/watch.txt read' \
	    'open rules/op.rules read' 'open st.tsv.tmpXXXXXX new' \
	    'rename st.tsv.tmpXXXXXX st.tsv' >want
	check_file_same want trace.txt \
	    "risk-score opens its rules, their lists, its input and a new file renamed to -o; nothing else"
	trace manifest-parse -m map.txt --rejects rej.txt --keep-extra -o sp.tsv paths2.csv
	printf '%s\n' 'open map.txt read' 'open paths2.csv read' \
	    'open rej.txt append' 'open sp.tsv.tmpXXXXXX new' \
	    'rename sp.tsv.tmpXXXXXX sp.tsv' >want
	check_file_same want trace.txt \
	    "manifest-parse opens its mapping file, its input, --rejects to append, and -o; nothing else"
	trace manifest-select -l w=lists/watch.txt -o ss.tsv 'description == "secret.txt" || shipper_name in @w' recs2.tsv
	printf '%s\n' 'open lists/watch.txt read' 'open recs2.tsv read' \
	    'open ss.tsv.tmpXXXXXX new' 'rename ss.tsv.tmpXXXXXX ss.tsv' >want
	check_file_same want trace.txt \
	    "manifest-select opens its list, its input and -o; nothing else"
	trace manifest-report -f html -o sr.html recs2.tsv
	printf '%s\n' 'open recs2.tsv read' 'open sr.html.tmpXXXXXX new' \
	    'rename sr.html.tmpXXXXXX sr.html' >want
	check_file_same want trace.txt \
	    "manifest-report opens its input and -o; nothing else"
else
	ok "risk-score opens its rules, their lists, its input and -o; nothing else # SKIP no strace"
	ok "manifest-parse opens its mapping file, its input, --rejects and -o; nothing else # SKIP no strace"
	ok "manifest-select opens its list, its input and -o; nothing else # SKIP no strace"
	ok "manifest-report opens its input and -o; nothing else # SKIP no strace"
fi

# --- Writes: -o --------------------------------------------------------------
printf 'old\n' >keep.tsv
run manifest-parse -o keep.tsv missing.csv
check_err "manifest-parse: missing.csv: No such file or directory" \
    "manifest-parse: an input that cannot be read"
check_rc 2 "is exit status 2"
check_kept keep.tsv "manifest-parse -o: the old file is left as it was, no temporary file behind"
printf 'rule CAT {\n\treason "c"\n\tweight 10\n\twhen a ~ /^(a+)+$/\n}\nrule ONE {\n\treason "o"\n\tweight 5\n\twhen a != ""\n}\n' >cat.rules
run risk-score -r cat.rules $D -o keep.tsv evil.tsv
check_rc 2 "risk-score: a regular expression at its limit is exit status 2"
check_kept keep.tsv "risk-score -o: the old file is left as it was, no temporary file behind"
run manifest-select -o keep.tsv 'a ~ /^(a+)+$/' evil.tsv
check_rc 2 "manifest-select: a regular expression at its limit is exit status 2"
check_kept keep.tsv "manifest-select -o: the old file is left as it was, no temporary file behind"

printf 'victim\n' >victim.txt
ln -s victim.txt link.tsv
rc=0
(umask 027 && exec manifest-select -o link.tsv 1 recs.tsv) >out 2>err || rc=$?
check_rc 0 "-o over a symbolic link succeeds"
if [ "$(cat victim.txt)" = victim ] && [ ! -h link.tsv ] && cmp -s link.tsv recs.tsv; then
	ok "a symbolic link at -o FILE is replaced, not followed"
else
	not_ok "a symbolic link at -o FILE is replaced, not followed"
fi
case $(ls -l link.tsv) in
-rw-r-----*) ok "the new file has the permissions 0666 less the umask" ;;
*) not_ok "the new file has the permissions 0666 less the umask"; ls -l link.tsv | sed 's/^/#   /' ;;
esac
cp recs.tsv self.tsv
run manifest-select -o self.tsv 'shipper_name != ""' self.tsv
if [ "$rc" -eq 0 ] && cmp -s self.tsv recs.tsv && ! ls -a | grep -q '^self\.tsv\.tmp'; then
	ok "-o FILE may be one of the inputs"
else
	not_ok "-o FILE may be one of the inputs"
fi

# The temporary file, seen while a run waits for its input; a run that
# is killed leaves FILE as it was, and the temporary file behind.
mkdir outdir
mkfifo slow.fifo
printf 'old\n' >outdir/killed.tsv
manifest-select -o outdir/killed.tsv 1 slow.fifo >/dev/null 2>&1 &
pid=$!
# Read and write, so that opening it does not wait for the reader.
exec 3<>slow.fifo
printf 'a\nx\n' >&3
i=0
while [ "$i" -lt 100 ] && ! ls -a outdir | grep -q '^killed\.tsv\.tmp'; do
	sleep 0.1
	i=$((i + 1))
done
ls -a outdir | grep '^killed\.tsv\.' >tmpname
kill -TERM "$pid"
rc=0
{ wait "$pid"; } 2>/dev/null || rc=$?
exec 3>&-
if grep -Eqx 'killed\.tsv\.tmp[A-Za-z0-9]{6}' tmpname; then
	ok "-o FILE writes FILE.tmpXXXXXX in the folder of FILE"
else
	not_ok "-o FILE writes FILE.tmpXXXXXX in the folder of FILE"
	diag_file tmpname
fi
if [ "$rc" -eq 143 ] && [ "$(cat outdir/killed.tsv)" = old ] &&
    [ -f "outdir/$(cat tmpname)" ]; then
	ok "a run killed by a signal leaves -o FILE as it was, and FILE.tmpXXXXXX behind"
else
	not_ok "a run killed by a signal leaves -o FILE as it was, and FILE.tmpXXXXXX behind"
	echo "#   exit status $rc; killed.tsv: $(cat outdir/killed.tsv)"
fi

printf 'Shipper,Consignee\nA,B\nC\n' >rej.csv
rm -f rejects.txt
run manifest-parse --rejects rejects.txt rej.csv
check_rc 1 "a rejected row is exit status 1"
run manifest-parse --rejects rejects.txt rej.csv
printf 'C\nC\n' >want
check_file_same want rejects.txt "--rejects appends the rejected rows to its file"
run manifest-parse -o one.tsv rej.csv
if [ "$rc" -eq 1 ] && [ "$(wc -l <one.tsv)" -eq 2 ]; then
	ok "manifest-parse -o: exit status 1 (rows rejected) writes FILE"
else
	not_ok "manifest-parse -o: exit status 1 (rows rejected) writes FILE"
fi
run manifest-select -o none.tsv 'shipper_name == "nobody"' recs.tsv
if [ "$rc" -eq 1 ] && [ "$(cat none.tsv)" = "$(head -n 1 recs.tsv)" ]; then
	ok "manifest-select -o: exit status 1 (nothing selected) writes FILE"
else
	not_ok "manifest-select -o: exit status 1 (nothing selected) writes FILE"
fi

# --- How output is escaped ---------------------------------------------------
printf 'Shipper,Description,Note\n"A\tB","x\ty\nz\\w","t\tn\nr\rb\\e"\n' >esc.csv
run manifest-parse --keep-extra esc.csv
check_rc 0 "values with tabs, line ends and backslashes parse"
cp out esc.tsv
check_field note 't\tn\nr\rb\\e' "a kept column: tab, line feed, CR and backslash escaped"
check_field description 'x y z\\w' "free text: white space folded to one space, backslash escaped"
awk -F '\t' '{ print NF }' out >got
printf '39\n39\n' >want
check_file_same want got "no value adds a field or a record"

fname="a${TAB}b
c"
cp esc.csv "$fname.csv"
run manifest-parse "$fname.csv"
check_field source 'a\tb\nc.csv' "a file name in the source field is escaped"
cp recs.tsv "$fname.tsv"
run manifest-select -H 1 "$fname.tsv"
check_field source_file 'a\tb\nc.tsv
a\tb\nc.tsv' "a file name in the source_file field of -H is escaped"

run risk-score -r rules/op.rules $D esc.tsv
check_field note 't\tn\nr\rb\\e' "risk-score writes the fields it reads as it read them"
printf 'rule TAB {\n\treason "tab"\n\tweight 1\n\twhen note ~ /t\\tn/\n}\n' >tab.rules
run risk-score -r tab.rules $D esc.tsv
check_field reasons 'TAB +1 tab (matched "t\tn")' "a quoted text with a tab is escaped in reasons"

run manifest-select -c 'note == "t\tn\nr\rb\\e" && len(note) == 9' esc.tsv
check_out 1 "to an expression, the escapes are undone"
run manifest-select -c 'note ~ /^t\tn\nr\rb\\e$/' esc.tsv
check_out 1 "to a regular expression of an expression, too"
run manifest-select -c -g 't\\tn\\nr\\rb\\\\e' esc.tsv
check_out 1 "manifest-select -g matches the line as stored, escapes included"

printf 'Shipper,Note\nA,x\033[31my\n' >ctl.csv
run manifest-parse --keep-extra ctl.csv
check_field note "x${ESC}[31my" "other control characters, such as ESC, are written as they are"

printf 'Shipper,"Bad\001Na\tm\ne\033[31m"\nA,B\n' >ctlh.csv
run manifest-parse ctlh.csv
check_err "manifest-parse: ctlh.csv: column 2 'Bad?Na?m?e?[31m' maps to no field (--keep-extra keeps it)" \
    "control characters in a CSV header name, tab and line feed too, become ? in messages"
printf 'Shipper,"\377%s"\nA,B\n' "$(as 70 | tr -d '\n')" >longh.csv
run manifest-parse longh.csv
check_err "manifest-parse: longh.csv: column 2 '$(printf '\357\277\275')$(as 59 | tr -d '\n')...' maps to no field (--keep-extra keeps it)" \
    "invalid UTF-8 becomes U+FFFD, and a header name is cut at 60 bytes"
run manifest-select "a == \"${ESC}[31m\" && zz" evil.tsv
check_err "manifest-select: expression:1:17: unknown field 'zz': the fields are a, b
  a == \"?[31m\" && zz
                  ^" "the line of an expression under an error shows control characters as ?"
printf 'Shipper,Consignee\nA,B\nC,D\033[31m,E\nF,G"\033[31m\n' >rowc.csv
run manifest-parse rowc.csv
check_err "manifest-parse: rowc.csv:3: 3 fields, header has 2: row rejected
manifest-parse: rowc.csv:4: line 4, byte 4: quote inside an unquoted field (quote the whole field and double the quote): row rejected" \
    "messages about a CSV row give its file, line and counts, never its text"
printf 'a\tb\nx\ty\n1\t2\t3\033[31m\n' >rowc.tsv
run manifest-select 1 rowc.tsv
check_err "manifest-select: rowc.tsv:3: 3 fields, header has 2" \
    "messages about a record give its file, line and counts, never its text"

printf 'a\tb\033[31m%s\nx\ty\n' "$C1" >ctlr.tsv
run manifest-select 1 ctlr.tsv
check_err "manifest-select: ctlr.tsv:1: field 2: invalid name 'b?[31m??' (names are [a-z][a-z0-9_]*): is this a record stream?" \
    "an invalid field name of a record stream header: control bytes and bytes outside ASCII as ?"
printf 'a\tB%s\nx\ty\n' "$(as 50 | tr -d '\n')" >longr.tsv
run risk-score -r rules/op.rules $D longr.tsv
check_err "risk-score: longr.tsv:1: field 2: invalid name 'B$(as 39 | tr -d '\n')' (names are [a-z][a-z0-9_]*): is this a record stream?" \
    "at most its first 40 bytes"

# Text quoted from the input: terminal controls (C0 but tab and line
# feed, DEL, C1) as ?, in every kind of message.
printf 'rule R {\n\treason "r"\n\tweight 1\n\twh\033[31men a ~ /x/\n}\n' >ctl1.rules
run risk-score --check -r ctl1.rules
check_err "risk-score: ctl1.rules:4:2: unknown attribute 'wh?[31men' (reason, weight, category, from, until, lane, when)" \
    "a word of a rules file: ESC as ?"
printf 'rule R\033[31m {\n\treason "r"\n\tweight 1\n\twhen description ~ /x/\n}\n' >ctl2.rules
run risk-score --check -r ctl2.rules
check_err "risk-score: ctl2.rules:1:6: 'R?[31m' is not a rule id (a letter or digit, then letters, digits, '_', '.', '-'; at most 64)" \
    "a rule identifier: ESC as ?"
printf 'list x = "li\033[31m%s.txt"\n' "$C1" >ctl3.rules
run risk-score --check -r ctl3.rules
check_err "risk-score: ctl3.rules:1:10: list file: li?[31m?.txt: No such file or directory" \
    "a list path: ESC and C1 as ?"
run manifest-select "a ~ /^(a+)+\$${ESC}?/" evil.tsv
check_err "manifest-select: evil.tsv:2: regular expression /^(a+)+\$??/ hit its match limit" \
    "a pattern: ESC as ?"
run manifest-parse "nofile${ESC}[31m.csv"
check_err "manifest-parse: nofile?[31m.csv: No such file or directory" \
    "a file name: ESC as ?"
printf 'Shipper,"N%sx"\nA,B\n' "$C1" >c1.csv
run manifest-parse c1.csv
check_err "manifest-parse: c1.csv: column 2 'N?x' maps to no field (--keep-extra keeps it)" \
    "a CSV header name: C1 (U+009B) as ?"
run manifest-select "a == \"$C1\" && zz" evil.tsv
check_err "manifest-select: expression:1:13: unknown field 'zz': the fields are a, b
  a == \"?\" && zz
              ^" "the line of an expression: C1 as ?"

run manifest-select "--bad${ESC}"
head -n 1 err >got
printf '%s\n' "manifest-select: unrecognized option '--bad${ESC}'" >want
check_file_same want got "getopt_long's message about an unknown option quotes it as it is"

# A line feed in a quoted text is shown as ?: every message is one line.
run manifest-parse "no
file.csv"
check_err "manifest-parse: no?file.csv: No such file or directory" \
    "a line feed in a file name does not start a line of its own"

# --- How reports are escaped -------------------------------------------------
# One record with every kind of hostile value, in each format.
{
	printf 'doc_no\tshipper_name\tconsignee_name\tdescription\tvalue\tscore\tlane\n'
	printf 'D1\t<script>alert(1)</script>\t=HYPERLINK("http://x.invalid")\t'
	printf 'a\\tb\\nc%s[2J%sd\377\t-12.5\t90\tred\n' "$ESC" "$C1"
	printf 'D2\t+1+cmd\t@SUM(A1)\t\\tx\t5\t10\tgreen\n'
} >hostile.tsv
FFFD=$(printf '\357\277\275')
run manifest-report -f text --color=never $D hostile.tsv
check_grep "^   goods     a b c${FFFD}\\[2J${FFFD}d${FFFD}\$" out \
    "text: tab and line feed as a space, ESC, C1 and invalid UTF-8 as U+FFFD"
if grep -q "$ESC" out; then not_ok "text: no ESC from a value reaches the terminal"; else ok "text: no ESC from a value reaches the terminal"; fi
run manifest-report -f html $D --title '<i>"T" & '"'"'t'"'"'</i>' hostile.tsv
check_grep '<td class="text">&lt;script&gt;alert\(1\)&lt;/script&gt;</td>' out \
    "html: a shipper named <script> shows as text"
if grep -q '<script' out; then not_ok "html: the page holds no script element"; else ok "html: the page holds no script element"; fi
check_grep '^<h1>&lt;i&gt;&quot;T&quot; &amp; &#39;t&#39;&lt;/i&gt;</h1>$' out \
    "html: & < > \" ' escaped, in the title too"
check_grep "<td class=\"text\">a b c${FFFD}\\[2J${FFFD}d${FFFD}</td>" out \
    "html: controls and invalid UTF-8 as U+FFFD"
if grep -Eq '(src|href)=|@import|url\(' out; then not_ok "html: loads nothing from elsewhere"; else ok "html: loads nothing from elsewhere"; fi
run manifest-report -f csv hostile.tsv
check_grep "^\"D1\",\"<script>alert\(1\)</script>\",\"'=HYPERLINK\(\"\"http://x.invalid\"\"\)\",\"a	b\$" out \
    "csv: = gets an apostrophe, quotes doubled"
check_grep "^\"D2\",\"'\+1\+cmd\",\"'@SUM\(A1\)\",\"'	x\",5,10,\"green\"" out \
    "csv: + @ and tab get an apostrophe; numbers stay numbers"
check_grep ',-12.5,90,"red"' out "csv: a negative number is left as it is"
run manifest-report -f json hostile.tsv
printf '%s\n' '{"doc_no":"D1","shipper_name":"<script>alert(1)</script>","consignee_name":"=HYPERLINK(\"http://x.invalid\")","description":"a\tb\nc\u001b[2J'"$C1"'d'"$FFFD"'","value":-12.5,"score":90,"lane":"red"}' >want
head -n 1 out >got
check_file_same want got "json: strings escaped as RFC 8259 asks, invalid UTF-8 as U+FFFD"
run manifest-report -f alert $D hostile.tsv
check_out 'date=2026-11-23 lane=red score=90 doc_type="" doc_no=D1 container_no="" route="" shipper=<script>alert(1)</script> consignee="=HYPERLINK(\"http://x.invalid\")" hits="" reasons=""' \
    "alert: one line, quoted where needed" 

# --- Regular expressions ---------------------------------------------------
run_timed manifest-select 'a ~ /^(a+)+$/' evil.tsv
check_rc 2 "a catastrophic pattern in an expression is exit status 2"
check_err 'manifest-select: evil.tsv:2: regular expression /^(a+)+$/ hit its match limit' \
    "the message names input, line, pattern and limit"
check_fast 1000 "and it stops within a second"
run_timed manifest-select -g '^(a+)+$' evil.tsv
check_err 'manifest-select: evil.tsv:2: -g: regular expression /^(a+)+$/ hit its match limit' \
    "the same with -g"
check_fast 1000 "within a second"
run_timed risk-score -r cat.rules $D evil.tsv
check_err 'risk-score: evil.tsv:2: rule CAT (cat.rules:1): regular expression /^(a+)+$/ hit its match limit' \
    "in a rules file: the message names input, line, rule, where it starts, pattern and limit"
check_rc 2 "and risk-score exits with status 2"
check_out "a	b	score	lane	hits	reasons
$(as 40 | tr -d '\n')b	x	5	green	ONE	ONE +5 o" \
    "the record is written with the results of the other rules"
check_fast 1000 "within a second"
run manifest-select -v 'a ~ /^(a+)+$/' evil.tsv
check_rc 2 "a limit is not a non-match under -v"
check_out "a	b" "and -v selects nothing"
run manifest-select 'a !~ /^(a+)+$/' evil.tsv
check_rc 2 "nor under !~"
run manifest-select 'not (a ~ /^(a+)+$/)' evil.tsv
check_rc 2 "nor under not"
{ cat evil.tsv; printf 'bbb\ty\n'; } >evil2.tsv
run manifest-select 'b == "y" || a ~ /^(a+)+$/' evil2.tsv
check_out "a	b" "manifest-select stops at the record where a limit is hit"
run risk-score -r cat.rules $D evil2.tsv
[ "$rc" -eq 2 ] && [ "$(tail -n 1 out)" = "bbb	y	5	green	ONE	ONE +5 o" ] &&
    ok "risk-score reads on, and exits with status 2 at the end" ||
    not_ok "risk-score reads on, and exits with status 2 at the end"

{ echo a; as 20000; } >depth.tsv
run manifest-select 'a ~ /(*NO_JIT)^(a|b)*$/' depth.tsv
check_err 'manifest-select: depth.tsv:2: regular expression /(*NO_JIT)^(a|b)*$/ hit its depth limit' \
    "the interpreter's depth limit"
groups=$(i=0; while [ $i -lt 300 ]; do printf '()'; i=$((i + 1)); done)
run manifest-select "a ~ /(*NO_JIT)^(?:$groups(a|b))*\$/" depth.tsv
check_grep '^manifest-select: depth\.tsv:2: regular expression /\(\*NO_JIT\)\^\(\?:\(\)\(\)[()]*\.\.\./ hit its heap limit$' err \
    "the interpreter's heap limit"
{ echo a; as 200000; } >jit.tsv
run manifest-select 'a ~ /^(a|b)*$/' jit.tsv
check_grep '^manifest-select: jit\.tsv:2: regular expression /\^\(a\|b\)\*\$/ (ran out of JIT stack|hit its depth limit)$' err \
    "the JIT stack (or, without JIT, the depth limit)"

run manifest-select 'a ~ /(*LIMIT_MATCH=4000000000)^(a+)+$/' evil.tsv
check_err 'manifest-select: evil.tsv:2: regular expression /(*LIMIT_MATCH=4000000000)^(a+)+$/ hit its match limit' \
    "(*LIMIT_MATCH=) cannot raise the match limit"
run manifest-select 'a ~ /(*NO_JIT)(*LIMIT_DEPTH=1000000000)^(a|b)*$/' depth.tsv
check_grep 'hit its depth limit$' err "(*LIMIT_DEPTH=) cannot raise the depth limit"
run manifest-select "a ~ /(*NO_JIT)(*LIMIT_HEAP=4000000)^(?:$groups(a|b))*\$/" depth.tsv
check_grep 'hit its heap limit$' err "(*LIMIT_HEAP=) cannot raise the heap limit"

# The limits exactly. /^a*c/ on N a's takes the interpreter N + 2 match
# steps, one more for each a; /^(a|b)*?$/ goes N + 3 deep.
match='(*NO_JIT)(*NO_AUTO_POSSESS)(*NO_START_OPT)^a*c'
{ echo a; as 999998; } >m1.tsv
{ echo a; as 999999; } >m2.tsv
run manifest-select -c "a ~ /(*LIMIT_MATCH=1000000)$match/" m1.tsv
r1=$rc
run manifest-select -c "a ~ /(*LIMIT_MATCH=999999)$match/" m1.tsv
if [ "$r1" -eq 1 ] && [ "$rc" -eq 2 ]; then
	ok "999,998 a's take 1,000,000 match steps"
else
	not_ok "999,998 a's take 1,000,000 match steps"
	echo "#   exit status $r1 with 1,000,000, $rc with 999,999"
fi
run manifest-select -c "a ~ /$match/" m1.tsv
check_rc 1 "the match limit allows 1,000,000 steps"
run manifest-select -c "a ~ /$match/" m2.tsv
check_grep 'hit its match limit$' err "and stops the 1,000,001st"
depth='(*NO_JIT)^(a|b)*?$'
{ echo a; as 9997; } >d1.tsv
{ echo a; as 9998; } >d2.tsv
run manifest-select -c "a ~ /(*LIMIT_DEPTH=10000)$depth/" d1.tsv
r1=$rc
run manifest-select -c "a ~ /(*LIMIT_DEPTH=9999)$depth/" d1.tsv
if [ "$r1" -eq 0 ] && [ "$rc" -eq 2 ]; then
	ok "9,997 a's go 10,000 deep"
else
	not_ok "9,997 a's go 10,000 deep"
	echo "#   exit status $r1 with 10,000, $rc with 9,999"
fi
run manifest-select -c "a ~ /$depth/" d1.tsv
check_rc 0 "the depth limit allows 10,000"
run manifest-select -c "a ~ /$depth/" d2.tsv
check_grep 'hit its depth limit$' err "and stops at 10,001"
if grep -q '^#define DEFAULT_MATCH_LIMIT	1000000$' "$top_srcdir/lib/mt_rx.c" &&
    grep -q '^#define DEFAULT_DEPTH_LIMIT	10000$' "$top_srcdir/lib/mt_rx.c" &&
    grep -q '^#define DEFAULT_HEAP_KIB	4096$' "$top_srcdir/lib/mt_rx.c" &&
    grep -q '^#define DEFAULT_JIT_STACK	(1024 \* 1024)$' "$top_srcdir/lib/mt_rx.c" &&
    grep -Eq '^ +match limit +1,000,000 ' "$top_srcdir/SECURITY" &&
    grep -Eq '^ +depth limit +10,000 ' "$top_srcdir/SECURITY" &&
    grep -Eq '^ +heap limit +4096 KiB ' "$top_srcdir/SECURITY" &&
    grep -Eq '^ +JIT stack +1 MiB ' "$top_srcdir/SECURITY"; then
	ok "the limits of SECURITY are those of lib/mt_rx.c"
else
	not_ok "the limits of SECURITY are those of lib/mt_rx.c"
fi

run manifest-select 'a ~ /\C/' evil.tsv
check_err 'manifest-select: expression:1:8: invalid regular expression: using \C is disabled by the application
  a ~ /\C/
         ^' "\\C is refused"
printf 'a\nx\377y\n' >badutf.tsv
run manifest-select -c 'a ~ /y/ && !(a ~ /x.y/)' badutf.tsv
check_out 1 "invalid UTF-8 in a value matches nothing, and is no error"

deep=$(i=0; while [ $i -lt 100000 ]; do printf '('; i=$((i + 1)); done)
run manifest-select -e "${deep}a" evil.tsv
check_grep '^manifest-select: expression:1:65: expression nested too deeply$' err \
    "an expression nested 100,000 parentheses deep is an error"
check_rc 2 "exit status 2"
paren64=$(i=0; while [ $i -lt 64 ]; do printf '('; i=$((i + 1)); done)
close64=$(i=0; while [ $i -lt 64 ]; do printf ')'; i=$((i + 1)); done)
run manifest-select -c "${paren64}a$close64" evil.tsv
check_rc 0 "64 parentheses deep is allowed"
ops=$(i=0; while [ $i -lt 254 ]; do printf ' + 1'; i=$((i + 1)); done)
run manifest-select -c "a$ops > 0" evil.tsv
check_rc 1 "255 operators deep is allowed"
run manifest-select -c "a$ops + 1 > 0" evil.tsv
check_grep '^manifest-select: expression:1:1023: expression nested too deeply$' err \
    "256 operators deep is an error"
printf 'rule D {\n\treason "d"\n\tweight 1\n\twhen %sdescription\n}\n' "$deep" >deep.rules
run risk-score --check -r deep.rules
check_grep '^risk-score: deep\.rules:4:71: expression nested too deeply$' err \
    "in a rules file too"
truncate -s 67108865 huge.rules
run risk-score --check -r huge.rules
check_err "risk-score: huge.rules: larger than 64 MiB: not a rules file" \
    "a rules file larger than 64 MiB is refused"

# --- Memory ------------------------------------------------------------------
# Fields by number below: awk takes seconds to split a line of 64 MiB.
if $ulimit_ok; then
	{
		printf 'Shipper,Description,Note\nA,SAID TO CONTAIN,'
		head -c 67108864 /dev/zero | tr '\0' x
		printf '\n'
	} >big.csv
	run manifest-parse --keep-extra big.csv
	check_rc 0 "manifest-parse reads a 64 MiB field"
	[ "$(cut -f 39 out | tail -n 1 | wc -c)" -eq 67108865 ] &&
	    ok "and writes it whole" || not_ok "and writes it whole"
	rm -f big.csv
else
	ok "manifest-parse reads a 64 MiB field # SKIP slow under a sanitizer's allocator"
	ok "and writes it whole # SKIP slow under a sanitizer's allocator"
fi
{
	printf 'description\tnote\nSAID TO CONTAIN\t'
	head -c 67108864 /dev/zero | tr '\0' x
	printf '\n'
} >big.tsv
printf 'rule BIG {\n\treason "big"\n\tweight 1\n\twhen note ~ /^x+$/ && len(note) == 67108864\n}\n' >big.rules
run risk-score -j 1 -r big.rules $D big.tsv
check_rc 0 "risk-score scores a record with a 64 MiB field"
[ "$(head -n 1 out | cut -f 5)" = hits ] && [ "$(tail -n 1 out | cut -f 5)" = BIG ] &&
    [ "$(tail -n 1 out | cut -f 2 | wc -c)" -eq 67108865 ] &&
    ok "and reads and writes the field whole" || not_ok "and reads and writes the field whole"
mv out big2.tsv
run manifest-select -c 'len(note) == 67108864 && hits == "BIG"' big2.tsv
check_out 1 "manifest-select reads it whole"
rm -f big2.tsv

printf 'rule GC {\n\treason "gc"\n\tweight 50\n\twhen description ~ /general cargo/i\n}\n' >stream.rules
if $ulimit_ok; then
	rc=0
	awk 'BEGIN { print "Shipper,Consignee,Description,Weight"
		for (i = 0; i < 1200000; i++)
			print "Acme Trading Co Ltd,North Imports,SAID TO CONTAIN GENERAL CARGO," i }' |
	    (ulimit -v 60000 && exec manifest-parse) 2>err |
	    (ulimit -v 60000 && exec risk-score -j 2 -r stream.rules $D) 2>>err |
	    (ulimit -v 60000 && exec manifest-select -c 'score == 50') >out 2>>err || rc=$?
	if [ "$rc" -eq 0 ] && [ "$(cat out)" = 1200000 ] && [ ! -s err ]; then
		ok "1,200,000 rows (85 MB of CSV) stream through the three tools in 60 MB each"
	else
		not_ok "1,200,000 rows (85 MB of CSV) stream through the three tools in 60 MB each"
		echo "#   exit status $rc, count $(cat out)"
		diag_file err
	fi
	rc=0
	awk 'BEGIN { print "Shipper,Consignee,Description,Weight"
		for (i = 0; i < 1200000; i++)
			print "Acme Trading Co Ltd,North Imports,SAID TO CONTAIN GENERAL CARGO," i }' |
	    (ulimit -v 60000 && exec manifest-parse) 2>err |
	    (ulimit -v 60000 && exec manifest-select --top 3 --by gross_weight_kg --sort 1) >out 2>>err || rc=$?
	cut -f 29 out >got
	printf 'gross_weight_kg\n1199999\n1199998\n1199997\n' >want
	if [ "$rc" -eq 0 ] && cmp -s want got && [ ! -s err ]; then
		ok "manifest-select --top 3 of 1,200,000 records in 60 MB"
	else
		not_ok "manifest-select --top 3 of 1,200,000 records in 60 MB"
		echo "#   exit status $rc"
		diag_file got
		diag_file err
	fi
	printf 'old\n' >oom.tsv
	run sh -c 'ulimit -v 100000 && exec manifest-select -o oom.tsv 1 big.tsv'
	check_err "manifest-select: out of memory" "a record that does not fit is \"out of memory\""
	check_rc 2 "exit status 2"
	[ "$(cat oom.tsv)" = old ] && ok "and -o FILE is left as it was" ||
	    not_ok "and -o FILE is left as it was"
	! ls -a | grep -q "^oom\.tsv\.tmp" &&
	    ok "no FILE.tmp is left after \"out of memory\"" ||
	    not_ok "no FILE.tmp is left after \"out of memory\""
	run sh -c 'ulimit -v 100000 && exec risk-score -j 1 -r big.rules --date=2026-11-23 big.tsv'
	check_err "risk-score: out of memory" "risk-score: \"out of memory\" too"
	run sh -c 'ulimit -v 100000 && exec manifest-parse big.tsv'
	check_rc 2 "manifest-parse: exit status 2 when a row does not fit"
	run sh -c 'ulimit -v 200000 && exec manifest-select -l z=/dev/zero "a in @z" evil.tsv'
	check_rc 2 "a list file line that does not fit in memory is an error (exit 2)"
	check_err "manifest-select: /dev/zero:1: Cannot allocate memory" \
	    "the list file and its line are named"
	run sh -c 'ulimit -v 200000 && exec manifest-parse -m /dev/zero shell.csv'
	check_rc 2 "a mapping file line that does not fit in memory is an error (exit 2)"
else
	i=0
	while [ "$i" -lt 11 ]; do
		ok "memory limits # SKIP the tools do not run under ulimit -v"
		i=$((i + 1))
	done
fi
rm -f big.tsv

# --- Fuzzing -----------------------------------------------------------------
for pair in csv:mt_csvin.h rec:mt_rec.h expr:mt_expr.h rules:mt_rules.h report:mt_report.h; do
	name=${pair%%:*}
	header=${pair#*:}
	src="$top_srcdir/t/fuzz/fuzz_$name.c"
	if [ -f "$src" ] && grep -q '^LLVMFuzzerTestOneInput(' "$src" &&
	    grep -q "#include \"$header\"" "$src" &&
	    [ -n "$(ls "$top_srcdir/t/fuzz/corpus/$name")" ] &&
	    grep -q "t/fuzz/fuzz_$name" "$top_srcdir/Makefile.am"; then
		ok "fuzz_$name: a libFuzzer target of $header, with seeds, built by make fuzz"
	else
		not_ok "fuzz_$name: a libFuzzer target of $header, with seeds, built by make fuzz"
	fi
done
if grep -q '^FUZZ_SECONDS = 60$' "$top_srcdir/Makefile.am" &&
    grep -q 'run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)' "$top_srcdir/Makefile.am" &&
    grep -q 'artifact_prefix="$work/found/"' "$top_srcdir/t/fuzz/run.sh" &&
    grep -q '^	work="fuzz/$name"$' "$top_srcdir/t/fuzz/run.sh" &&
    grep -q 'fsanitize=fuzzer-no-link,address,undefined' "$top_srcdir/configure.ac" &&
    grep -q -- '--enable-sanitizers' "$top_srcdir/setup.sh"; then
	ok "make fuzz runs each target 60 s with ASan and UBSan, keeps finds in fuzz/; setup.sh check runs the tests with both"
else
	not_ok "make fuzz runs each target 60 s with ASan and UBSan, keeps finds in fuzz/; setup.sh check runs the tests with both"
fi

# --- Scope and reporting -----------------------------------------------------
if grep -q '^    manifest-report  the record streams$' "$top_srcdir/SECURITY" &&
    grep -q '^How reports are escaped$' "$top_srcdir/SECURITY"; then
	ok "SECURITY covers manifest-report: what it reads, how it escapes"
else
	not_ok "SECURITY covers manifest-report: what it reads, how it escapes"
fi
if grep -q '^AC_INIT(\[manifest-tools\], \[[^]]*\], \[\]' "$top_srcdir/configure.ac" &&
    [ ! -e "$top_srcdir/AUTHORS" ] &&
    ! grep -Eq '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]+' "$top_srcdir/README" "$top_srcdir/NEWS"; then
	ok "the source tree gives no address to report to yet"
else
	not_ok "the source tree gives an address now: name it in SECURITY"
fi

done_testing
