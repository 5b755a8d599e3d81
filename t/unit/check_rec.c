/*
 * Unit tests of mt_rec: escaping and unescaping over every byte value,
 * field names, and the reader over temporary files (plain, gzip, and a
 * pipe written in pieces of every size), whose results are written into
 * a log of text lines and compared with the expected log.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "mt_out.h"
#include "mt_rec.h"
#include "mt_util.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A byte string that may hold NUL: B("a\0b") keeps all three bytes. */
struct bytes {
	const char *p;
	size_t n;
};
#define B(s)	{ (s), sizeof(s) - 1 }

/* --- helpers ------------------------------------------------------------- */

/* Printable form of a byte string for failure messages. */
static const char *
show(const char *s, size_t n)
{
	static char buf[4][512];
	static int which;
	char *b = buf[which++ % 4];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(buf[0]) - 5; i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7F && c != '\\')
			b[k++] = c;
		else
			k += snprintf(b + k, 5, "\\x%02X", c);
	}
	b[k] = '\0';
	return b;
}

static unsigned long
next_random(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/*
 * Allocation for the loops that run many times: ck_assert writes a
 * message on every success, which would dominate their time.
 */
static void *
xmalloc(size_t n)
{
	void *p = malloc(n > 0 ? n : 1);

	if (p == NULL)
		ck_abort_msg("out of memory");
	return p;
}

static char *
block_copy(const char *s, size_t n)
{
	char *b = xmalloc(n);

	if (n > 0)
		memcpy(b, s, n);
	return b;
}

/* The escaping of manifest-records(5), one byte at a time. */
static size_t
ref_escape(char *out, const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		switch (p[i]) {
		case '\t': out[k++] = '\\'; out[k++] = 't'; break;
		case '\n': out[k++] = '\\'; out[k++] = 'n'; break;
		case '\r': out[k++] = '\\'; out[k++] = 'r'; break;
		case '\\': out[k++] = '\\'; out[k++] = '\\'; break;
		default: out[k++] = p[i]; break;
		}
	return k;
}

/*
 * Escape p through mt_rec_escape into a block of exactly 2 * n bytes,
 * check the result against ref_escape, unescape it into a block of
 * exactly its length and check that gives p back.
 */
static void
check_round_trip(const char *p, size_t n)
{
	char *in = block_copy(p, n), *out = xmalloc(2 * n), *ref, *back;
	size_t len, reflen, backlen;

	ref = xmalloc(2 * n);
	len = mt_rec_escape(out, in, n);
	reflen = ref_escape(ref, p, n);
	if (len != reflen || memcmp(out, ref, len) != 0)
		ck_abort_msg("escape(\"%s\") = \"%s\", want \"%s\"",
		    show(p, n), show(out, len), show(ref, reflen));
	back = xmalloc(len);
	backlen = mt_rec_unescape(out, len, back);
	if (backlen != n || memcmp(back, p, n) != 0)
		ck_abort_msg("unescape(escape(\"%s\")) = \"%s\"", show(p, n),
		    show(back, backlen));
	free(in);
	free(out);
	free(ref);
	free(back);
}

/* --- escaping ------------------------------------------------------------ */

/* Each byte value alone and between others, at every alignment of 8. */
START_TEST(test_escape_each_byte)
{
	char s[24];
	size_t pre, post;
	int c;

	for (c = 0; c < 256; c++)
		for (pre = 0; pre < 9; pre++)
			for (post = 0; post < 9; post++) {
				memset(s, 'a', pre);
				s[pre] = (char)c;
				memset(s + pre + 1, 'z', post);
				check_round_trip(s, pre + 1 + post);
			}
}
END_TEST

/* All 256 byte values in one value, starting at each offset. */
START_TEST(test_escape_all_bytes)
{
	char s[512];
	size_t off;
	int i;

	for (i = 0; i < 512; i++)
		s[i] = (char)(i & 0xFF);
	for (off = 0; off < 256; off++)
		check_round_trip(s + off, 256);
	check_round_trip(s, 512);
	check_round_trip(s, 0);
}
END_TEST

/* Values made only of the bytes that matter, of every length to 40. */
START_TEST(test_escape_awkward_mix)
{
	static const char alpha[] = { '\\', 't', 'n', 'r', '\t', '\n', '\r',
	    'a', '\0', (char)0xFF, 0x0B, 0x0E };
	char s[40];
	unsigned long x = 12345;
	size_t len, i;
	int round;

	for (round = 0; round < 400; round++)
		for (len = 0; len <= sizeof s; len++) {
			for (i = 0; i < len; i++)
				s[i] = alpha[next_random(&x) % sizeof alpha];
			check_round_trip(s, len);
		}
}
END_TEST

static const struct {
	struct bytes in, want;
} escape_cases[] = {
	{ B(""), B("") },
	{ B("plain"), B("plain") },
	{ B("a\tb"), B("a\\tb") },
	{ B("line\nbreak"), B("line\\nbreak") },
	{ B("cr\r\n"), B("cr\\r\\n") },
	{ B("back\\slash"), B("back\\\\slash") },
	{ B("ends with \\"), B("ends with \\\\") },
	{ B("\\t"), B("\\\\t") },		/* a literal backslash-t */
	{ B("\\\\"), B("\\\\\\\\") },
	{ B("\t\t\t\t\t\t\t\t\t"), B("\\t\\t\\t\\t\\t\\t\\t\\t\\t") },
	{ B("\v\f\x01\x7f\x80\xff"), B("\v\f\x01\x7f\x80\xff") },
	{ B("nul\0byte"), B("nul\0byte") },
	{ B("caf\xc3\xa9\t\xe2\x82\xac"), B("caf\xc3\xa9\\t\xe2\x82\xac") },
};

START_TEST(test_escape_cases)
{
	const struct bytes *in = &escape_cases[_i].in;
	const struct bytes *want = &escape_cases[_i].want;
	char *p = block_copy(in->p, in->n);
	char *out = malloc(2 * in->n > 0 ? 2 * in->n : 1);
	size_t len;

	ck_assert_ptr_nonnull(out);
	len = mt_rec_escape(out, p, in->n);
	ck_assert_msg(len == want->n && memcmp(out, want->p, len) == 0,
	    "escape(\"%s\") = \"%s\", want \"%s\"", show(in->p, in->n),
	    show(out, len), show(want->p, want->n));
	free(p);
	free(out);
}
END_TEST

/* Unescaping what no writer produces: kept as it is. */
static const struct {
	struct bytes in, want;
} unescape_cases[] = {
	{ B(""), B("") },
	{ B("\\"), B("\\") },
	{ B("abc\\"), B("abc\\") },
	{ B("\\\\\\"), B("\\\\") },
	{ B("\\x"), B("\\x") },
	{ B("\\T\\N\\0"), B("\\T\\N\\0") },
	{ B("\\t\\n\\r\\\\"), B("\t\n\r\\") },
	{ B("\\\\t"), B("\\t") },
	{ B("\\\\\\t"), B("\\\t") },
	{ B("a\\tb\\"), B("a\tb\\") },
};

START_TEST(test_unescape_cases)
{
	const struct bytes *in = &unescape_cases[_i].in;
	const struct bytes *want = &unescape_cases[_i].want;
	char *p = block_copy(in->p, in->n);
	char *out = malloc(in->n > 0 ? in->n : 1);
	size_t len;

	ck_assert_ptr_nonnull(out);
	len = mt_rec_unescape(p, in->n, out);
	ck_assert_msg(len == want->n && memcmp(out, want->p, len) == 0,
	    "unescape(\"%s\") = \"%s\", want \"%s\"", show(in->p, in->n),
	    show(out, len), show(want->p, want->n));
	free(p);
	free(out);
}
END_TEST

/* --- temporary files ----------------------------------------------------- */

static char *
temp_name(int *fd)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	size_t n;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + 32;
	path = malloc(n);
	ck_assert_ptr_nonnull(path);
	snprintf(path, n, "%s/check_rec.XXXXXX", dir);
	*fd = mkstemp(path);
	ck_assert_msg(*fd >= 0, "mkstemp %s: %s", path, strerror(errno));
	return path;
}

static char *
write_temp(const char *p, size_t n)
{
	int fd;
	char *path = temp_name(&fd);
	ssize_t w;
	size_t off = 0;

	while (off < n) {
		w = write(fd, p + off, n - off);
		ck_assert_msg(w > 0, "write %s: %s", path, strerror(errno));
		off += (size_t)w;
	}
	ck_assert_int_eq(close(fd), 0);
	return path;
}

static char *
write_temp_gz(const char *p, size_t n)
{
	int fd;
	char *path = temp_name(&fd);
	gzFile gz;
	size_t off = 0, k;

	ck_assert_int_eq(close(fd), 0);
	gz = gzopen(path, "wb");
	ck_assert_ptr_nonnull(gz);
	while (off < n) {
		k = n - off < 65536 ? n - off : 65536;
		ck_assert_int_eq(gzwrite(gz, p + off, (unsigned)k), (int)k);
		off += k;
	}
	ck_assert_int_eq(gzclose(gz), Z_OK);
	return path;
}

static void
remove_temp(char *path)
{
	ck_assert_int_eq(unlink(path), 0);
	free(path);
}

/* --- reading into a log -------------------------------------------------- */

static void
log_printf(struct mt_buf *log, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf)
		ck_abort_msg("log line too long");
	mt_buf_add(log, buf, (size_t)n);
}

/* A quoted, escaped byte string. */
static void
log_bytes(struct mt_buf *log, const char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	mt_buf_addc(log, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7F && c != '"') {
			mt_buf_addc(log, (char)c);
		} else {
			mt_buf_add(log, "\\x", 2);
			mt_buf_addc(log, hex[c >> 4]);
			mt_buf_addc(log, hex[c & 15]);
		}
	}
	mt_buf_addc(log, '"');
}

static void
log_fields(struct mt_buf *log, const struct mt_str *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		mt_buf_addc(log, ' ');
		log_bytes(log, f[i].p, f[i].n);
	}
	mt_buf_addc(log, '\n');
}

/*
 * Read a whole stream: the header, then every record until EOF or an
 * error, one log line each.
 */
static void
read_log(struct mt_rec_reader *r, struct mt_buf *log)
{
	const struct mt_str *names;
	size_t nnames;
	int rc;

	rc = mt_rec_read_header(r);
	if (rc == MT_REC_EOF) {
		log_printf(log, "empty\n");
		return;
	}
	if (rc != MT_REC_OK) {
		log_printf(log, "header error %d: %s\n", rc, mt_rec_error(r));
		return;
	}
	names = mt_rec_names(r, &nnames);
	log_printf(log, "header %lu:", mt_rec_lineno(r));
	log_fields(log, names, nnames);
	for (;;) {
		rc = mt_rec_next(r);
		if (rc == MT_REC_OK) {
			struct mt_str line = mt_rec_line(r);

			log_printf(log, "ok %lu:", mt_rec_lineno(r));
			log_fields(log, mt_rec_fields(r), mt_rec_nfields(r));
			/* the line is the fields joined with tabs */
			if (line.p != mt_rec_fields(r)[0].p)
				ck_abort_msg("line %lu: fields outside the "
				    "line", mt_rec_lineno(r));
		} else if (rc == MT_REC_BAD) {
			log_printf(log, "bad %lu: %s\n", mt_rec_lineno(r),
			    mt_rec_error(r));
		} else if (rc == MT_REC_EOF) {
			log_printf(log, "eof %lu\n", mt_rec_lineno(r));
			break;
		} else {
			log_printf(log, "error %d: %s\n", rc, mt_rec_error(r));
			break;
		}
	}
}

static void
read_path_log(const char *path, struct mt_buf *log)
{
	char err[256];
	struct mt_rec_reader *r = mt_rec_open(path, err, sizeof err);

	ck_assert_msg(r != NULL, "mt_rec_open %s: %s", path, err);
	read_log(r, log);
	mt_rec_close(r);
}

static void
assert_log(const char *what, const struct mt_buf *got, const char *want)
{
	size_t n = strlen(want);

	ck_assert_msg(got->len == n && memcmp(got->buf, want, n) == 0,
	    "%s: got\n%.*s\nwant\n%s", what, (int)(got->len > 4000 ? 4000 :
	    got->len), got->buf, want);
}

/* Read content from a plain file and from a gzip file. */
static void
check_stream(const char *what, const char *content, size_t n,
    const char *want)
{
	struct mt_buf log = { 0 };
	char *path, name[200];

	path = write_temp(content, n);
	read_path_log(path, &log);
	snprintf(name, sizeof name, "%s (plain)", what);
	assert_log(name, &log, want);
	remove_temp(path);

	log.len = 0;
	path = write_temp_gz(content, n);
	read_path_log(path, &log);
	snprintf(name, sizeof name, "%s (gzip)", what);
	assert_log(name, &log, want);
	remove_temp(path);
	mt_buf_free(&log);
}

#define BADNAME(i, name) "header error -2: 1: field " #i ": invalid " \
	"name '" name "' (names are [a-z][a-z0-9_]*): is this a record " \
	"stream?\n"

static const struct {
	const char *name;
	struct bytes in;
	const char *want;
} stream_cases[] = {
	{ "header and records", B("a\tb\tc\n1\t2\t3\n\t\t\n"),
	    "header 1: \"a\" \"b\" \"c\"\n"
	    "ok 2: \"1\" \"2\" \"3\"\n"
	    "ok 3: \"\" \"\" \"\"\n"
	    "eof 3\n" },
	{ "values stay escaped", B("a\tb\nx\\ty\t\\\\\\n\\\n"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"x\\ty\" \"\\\\\\n\\\"\n"
	    "eof 2\n" },
	{ "empty input", B(""), "empty\n" },
	{ "header only", B("source\tline\n"),
	    "header 1: \"source\" \"line\"\n"
	    "eof 1\n" },
	{ "header only, no LF", B("dq"),
	    "header 1: \"dq\"\n"
	    "eof 1\n" },
	{ "last line without LF", B("a\tb\n1\t2\n3\t4"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"1\" \"2\"\n"
	    "ok 3: \"3\" \"4\"\n"
	    "eof 3\n" },
	{ "repeated header lines skipped",
	    B("a\tb\n1\t2\na\tb\na\tb\n3\t4\n"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"1\" \"2\"\n"
	    "ok 5: \"3\" \"4\"\n"
	    "eof 5\n" },
	{ "a header line at the end", B("a\tb\n1\t2\na\tb"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"1\" \"2\"\n"
	    "eof 3\n" },
	{ "a line like the header is a record when it differs",
	    B("a\tb\n1\t2\na\tb \n"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"1\" \"2\"\n"
	    "ok 3: \"a\" \"b \"\n"
	    "eof 3\n" },
	{ "wrong field counts, reading goes on",
	    B("a\tb\tc\n1\t2\n4\t5\t6\n7\n8\t9\t10\t11\n\n12\t13\t14\n"),
	    "header 1: \"a\" \"b\" \"c\"\n"
	    "bad 2: 2: 2 fields, header has 3\n"
	    "ok 3: \"4\" \"5\" \"6\"\n"
	    "bad 4: 4: 1 field, header has 3\n"
	    "bad 5: 5: 4 fields, header has 3\n"
	    "bad 6: 6: 1 field, header has 3\n"
	    "ok 7: \"12\" \"13\" \"14\"\n"
	    "eof 7\n" },
	{ "one-field header: an empty line is an empty value",
	    B("dq\n\nx\n"),
	    "header 1: \"dq\"\n"
	    "ok 2: \"\"\n"
	    "ok 3: \"x\"\n"
	    "eof 3\n" },
	{ "CR is data", B("a\tb\n1\t2\r\n"),
	    "header 1: \"a\" \"b\"\n"
	    "ok 2: \"1\" \"2\\x0D\"\n"
	    "eof 2\n" },
	{ "all name characters",
	    B("abcdefghijklm\tnopqrstuvwxyz\tz0123456789_\n"),
	    "header 1: \"abcdefghijklm\" \"nopqrstuvwxyz\" \"z0123456789_\"\n"
	    "eof 1\n" },
	{ "upper-case name", B("a\tB\n1\t2\n"), BADNAME(2, "B") },
	{ "name with a digit first", B("1a\n"), BADNAME(1, "1a") },
	{ "name with an underscore first", B("_a\n"), BADNAME(1, "_a") },
	{ "name with a hyphen", B("ok\tgross-weight\n"),
	    BADNAME(2, "gross-weight") },
	{ "empty name", B("a\t\tb\n"), BADNAME(2, "") },
	{ "empty header line", B("\na\n"), BADNAME(1, "") },
	{ "a CSV file", B("a,b,c\n1,2,3\n"), BADNAME(1, "a,b,c") },
	{ "a long bad name is cut at 40 bytes",
	    B("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"),
	    BADNAME(1, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") },
	{ "duplicate name", B("a\tb\ta\n"),
	    "header error -2: 1: field name 'a' appears twice\n" },
	{ "duplicate name, last two", B("x\ty\tz\tz\n"),
	    "header error -2: 1: field name 'z' appears twice\n" },
	{ "first bad thing wins", B("a\ta\tB\n"),
	    "header error -2: 1: field name 'a' appears twice\n" },
};

START_TEST(test_stream_cases)
{
	check_stream(stream_cases[_i].name, stream_cases[_i].in.p,
	    stream_cases[_i].in.n, stream_cases[_i].want);
}
END_TEST

START_TEST(test_open_missing)
{
	char err[256] = "";
	struct mt_rec_reader *r;

	r = mt_rec_open("/nonexistent/check_rec/none.tsv", err, sizeof err);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(err, "No such file or directory");
}
END_TEST

/* mt_rec_next_line and mt_rec_split, the two halves of mt_rec_next. */
START_TEST(test_next_line_split)
{
	static const char content[] = "a\tb\n1\t2\na\tb\nx\n3\t4";
	char *path = write_temp(content, sizeof content - 1), err[256];
	struct mt_rec_reader *r = mt_rec_open(path, err, sizeof err);
	struct mt_str line, hl;

	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(mt_rec_read_header(r), MT_REC_OK);
	hl = mt_rec_header_line(r);
	ck_assert(mt_str_eq(hl, "a\tb"));
	ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_OK);
	ck_assert(mt_str_eq(line, "1\t2"));
	ck_assert_int_eq(mt_rec_split(r), MT_REC_OK);
	ck_assert_uint_eq(mt_rec_nfields(r), 2);
	ck_assert(mt_str_eq(mt_rec_fields(r)[1], "2"));
	ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_OK);
	ck_assert(mt_str_eq(line, "x"));
	ck_assert_uint_eq(mt_rec_lineno(r), 4);
	ck_assert_int_eq(mt_rec_split(r), MT_REC_BAD);
	ck_assert_str_eq(mt_rec_error(r), "4: 1 field, header has 2");
	ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_OK);
	ck_assert(mt_str_eq(line, "3\t4"));
	ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_EOF);
	ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_EOF);
	mt_rec_close(r);
	remove_temp(path);
}
END_TEST

/* A generated line: its fields, as offsets into one buffer of values. */
struct gen_line {
	size_t nf;
	size_t off[41];
	size_t len[41];
};

/* Check mt_rec_split_span for every span on the reader's current line. */
static void
check_spans(struct mt_rec_reader *r, size_t width, const struct gen_line *g,
    const char *vals)
{
	const struct mt_str *got;
	unsigned long line = mt_rec_lineno(r);
	size_t span, f, want;
	char msg[128];
	int rc;

	snprintf(msg, sizeof msg, "%lu: %zu field%s, header has %zu", line,
	    g->nf, g->nf == 1 ? "" : "s", width);
	for (span = 0; span <= width + 1; span++) {
		rc = mt_rec_split_span(r, span);
		if (g->nf != width) {
			if (rc != MT_REC_BAD ||
			    strcmp(mt_rec_error(r), msg) != 0)
				ck_abort_msg("line %lu, span %zu: %d \"%s\"",
				    line, span, rc, mt_rec_error(r));
			continue;
		}
		want = span < width ? span : width;
		if (rc != MT_REC_OK || mt_rec_nfields(r) != want)
			ck_abort_msg("line %lu, span %zu: %d, %zu fields", line,
			    span, rc, mt_rec_nfields(r));
		got = mt_rec_fields(r);
		for (f = 0; f < want; f++)
			if (got[f].n != g->len[f] ||
			    memcmp(got[f].p, vals + g->off[f], g->len[f]) != 0)
				ck_abort_msg("line %lu, span %zu, field %zu: "
				    "\"%.*s\"", line, span, f, (int)got[f].n,
				    got[f].p);
	}
	/* and mt_rec_split agrees */
	rc = mt_rec_split(r);
	if (rc != (g->nf == width ? MT_REC_OK : MT_REC_BAD) ||
	    mt_rec_nfields(r) != g->nf)
		ck_abort_msg("line %lu: split %d", line, rc);
	if (rc == MT_REC_BAD && strcmp(mt_rec_error(r), msg) != 0)
		ck_abort_msg("\"%s\", want \"%s\"", mt_rec_error(r), msg);
}

/*
 * mt_rec_split_span against mt_rec_split: headers of several widths,
 * fields of every length from 0 to 20 so that tabs fall at every place
 * of the block-at-a-time scan, lines with one field too few and too
 * many, and every span from 0 to past the width.
 */
START_TEST(test_split_span)
{
	static const size_t widths[] = { 1, 2, 3, 5, 17, 40 };
	static const char alpha[] = "abc\\xyz ,;\"|";
	enum { NLINES = 300 };
	struct gen_line *g = calloc(NLINES, sizeof *g);
	struct mt_buf in = { 0 }, vals = { 0 };
	struct mt_rec_reader *r;
	struct mt_str line;
	unsigned long x = 99;
	size_t w, width, i, f, k;
	char *path, err[256], name[32];

	ck_assert_ptr_nonnull(g);
	mt_buf_reserve(&vals, 1);
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		width = widths[w];
		in.len = 0;
		vals.len = 0;
		for (i = 0; i < width; i++) {
			snprintf(name, sizeof name, "%sf%zu", i ? "\t" : "", i);
			mt_buf_add(&in, name, strlen(name));
		}
		mt_buf_addc(&in, '\n');
		for (i = 0; i < NLINES; i++) {
			k = next_random(&x) % 5;
			g[i].nf = k == 0 ? width + 1 :
			    k == 1 && width > 1 ? width - 1 : width;
			for (f = 0; f < g[i].nf; f++) {
				g[i].off[f] = vals.len;
				g[i].len[f] = next_random(&x) % 21;
				for (k = 0; k < g[i].len[f]; k++) {
					size_t a = next_random(&x) %
					    (sizeof alpha - 1);

					mt_buf_addc(&vals, alpha[a]);
				}
				if (f > 0)
					mt_buf_addc(&in, '\t');
				mt_buf_add(&in, vals.buf + g[i].off[f],
				    g[i].len[f]);
			}
			mt_buf_addc(&in, '\n');
		}
		path = write_temp(in.buf, in.len);
		r = mt_rec_open(path, err, sizeof err);
		ck_assert_ptr_nonnull(r);
		ck_assert_int_eq(mt_rec_read_header(r), MT_REC_OK);
		for (i = 0; i < NLINES; i++) {
			ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_OK);
			check_spans(r, width, &g[i], vals.buf);
		}
		ck_assert_int_eq(mt_rec_next_line(r, &line), MT_REC_EOF);
		mt_rec_close(r);
		remove_temp(path);
	}
	free(g);
	mt_buf_free(&in);
	mt_buf_free(&vals);
}
END_TEST

/* --- lines split across chunks ------------------------------------------- */

static const char split_content[] =
    "source\tline\tdesc\n"
    "a.csv\t2\tplain\n"
    "b.csv\t3\ttab\\there\\\\ \\n\n"
    "source\tline\tdesc\n"
    "c.csv\t4\n"
    "\t\t\n"
    "d.csv\t5\tno line end";

static const char split_want[] =
    "header 1: \"source\" \"line\" \"desc\"\n"
    "ok 2: \"a.csv\" \"2\" \"plain\"\n"
    "ok 3: \"b.csv\" \"3\" \"tab\\there\\\\ \\n\"\n"
    "bad 5: 5: 2 fields, header has 3\n"
    "ok 6: \"\" \"\" \"\"\n"
    "ok 7: \"d.csv\" \"5\" \"no line end\"\n"
    "eof 7\n";

/*
 * Write p to fd in pieces of `piece` bytes, each only once the one
 * before has been read, so that every read(2) at the other end returns
 * exactly one piece.
 */
static void
write_pieces(int fd, const char *p, size_t n, size_t piece)
{
	size_t off, k;
	int avail;

	for (off = 0; off < n; off += k) {
		k = n - off < piece ? n - off : piece;
		if (write(fd, p + off, k) != (ssize_t)k)
			_exit(1);
		do {
			if (ioctl(fd, FIONREAD, &avail) != 0)
				_exit(1);
			if (avail > 0)
				usleep(50);
		} while (avail > 0);
	}
}

/*
 * Read p through a pipe written by a child process: the first `first`
 * bytes as one piece, then the rest in pieces of `piece` bytes. Returns
 * the writer's wait status, to check after the log.
 */
static int
read_pipe_log(const char *p, size_t n, size_t first, size_t piece,
    struct mt_buf *log)
{
	int fds[2], status;
	pid_t pid;
	char path[64];

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		if (first > 0)
			write_pieces(fds[1], p, first, first);
		write_pieces(fds[1], p + first, n - first, piece);
		_exit(0);
	}
	ck_assert_int_eq(close(fds[1]), 0);
	snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
	read_path_log(path, log);
	ck_assert_int_eq(close(fds[0]), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return status;
}

START_TEST(test_split_plain_and_gzip)
{
	check_stream("split content", split_content, sizeof split_content - 1,
	    split_want);
}
END_TEST

START_TEST(test_split_every_piece_size)
{
	struct mt_buf log = { 0 };
	size_t piece, n = sizeof split_content - 1;
	char what[64];
	int status;

	for (piece = 1; piece <= n; piece++) {
		log.len = 0;
		status = read_pipe_log(split_content, n, 0, piece, &log);
		snprintf(what, sizeof what, "pipe, pieces of %zu", piece);
		assert_log(what, &log, split_want);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	mt_buf_free(&log);
}
END_TEST

/* Every split of the content into two pieces at each byte. */
START_TEST(test_split_every_point)
{
	struct mt_buf log = { 0 };
	size_t cut, n = sizeof split_content - 1;
	char what[64];
	int status;

	for (cut = 1; cut < n; cut++) {
		log.len = 0;
		status = read_pipe_log(split_content, n, cut, n - cut, &log);
		snprintf(what, sizeof what, "pipe, cut at %zu", cut);
		assert_log(what, &log, split_want);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	mt_buf_free(&log);
}
END_TEST

/* A gzip file cut inside its trailer: the lines before, then the error. */
START_TEST(test_truncated_gzip)
{
	char *path = write_temp_gz(split_content, sizeof split_content - 1);
	struct mt_buf log = { 0 };
	FILE *fp = fopen(path, "rb");
	long size;

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	fclose(fp);
	ck_assert_int_eq(truncate(path, size - 4), 0);
	read_path_log(path, &log);
	assert_log("truncated gzip", &log,
	    "header 1: \"source\" \"line\" \"desc\"\n"
	    "ok 2: \"a.csv\" \"2\" \"plain\"\n"
	    "ok 3: \"b.csv\" \"3\" \"tab\\there\\\\ \\n\"\n"
	    "bad 5: 5: 2 fields, header has 3\n"
	    "ok 6: \"\" \"\" \"\"\n"
	    "error -2: unexpected end of file: gzip data truncated\n");
	remove_temp(path);
	mt_buf_free(&log);
}
END_TEST

/*
 * A stream whose filler records end exactly `at` bytes in, followed by
 * tail; returns the number of lines before the tail.
 */
static unsigned long
filler_then(struct mt_buf *in, size_t at, const char *tail)
{
	unsigned long lines = 1;
	size_t fill, i;

	in->len = 0;
	mt_buf_add(in, "source\tline\tdesc\n", 17);
	while (in->len + 64 < at) {
		mt_buf_add(in, "x\ty\tz\n", 6);
		lines++;
	}
	fill = at - in->len;
	mt_buf_add(in, "x\ty\t", 4);
	for (i = 0; i + 5 < fill; i++)
		mt_buf_addc(in, 'z');
	mt_buf_addc(in, '\n');
	lines++;
	ck_assert_uint_eq(in->len, at);
	mt_buf_add(in, tail, strlen(tail));
	return lines;
}

/* Read past `lines` filler lines, then log the rest. */
static void
read_tail_log(const char *path, unsigned long lines, struct mt_buf *log)
{
	struct mt_rec_reader *r;
	unsigned long i;
	char err[256];
	int rc;

	r = mt_rec_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(mt_rec_read_header(r), MT_REC_OK);
	for (i = 2; i <= lines; i++)
		if (mt_rec_next(r) != MT_REC_OK || mt_rec_nfields(r) != 3)
			ck_abort_msg("filler line %lu", i);
	for (;;) {
		rc = mt_rec_next(r);
		if (rc == MT_REC_OK) {
			log_printf(log, "ok %lu:", mt_rec_lineno(r));
			log_fields(log, mt_rec_fields(r), mt_rec_nfields(r));
		} else if (rc == MT_REC_BAD) {
			log_printf(log, "bad %lu: %s\n", mt_rec_lineno(r),
			    mt_rec_error(r));
		} else {
			log_printf(log, "end %d %lu\n", rc, mt_rec_lineno(r));
			break;
		}
	}
	mt_rec_close(r);
}

/*
 * Lines that straddle the end of a read: input is read in chunks of a
 * fixed size (256 KiB now), so the tail is put at every place around
 * several such sizes, in a plain and in a gzip file.
 */
START_TEST(test_split_at_chunk_ends)
{
	static const size_t bounds[] = { 65536, 131072, 262144, 524288 };
	static const char tail[] = "b.csv\t3\ttab\\there\\\\ \\n\n"
	    "source\tline\tdesc\n" "c.csv\t4\n" "\t\t\n" "d.csv\t5\tend";
	struct mt_buf in = { 0 }, log = { 0 }, want = { 0 };
	unsigned long lines;
	size_t b, d;
	char *path, what[64];
	int gz;

	for (b = 0; b < NELEM(bounds); b++)
		for (d = 0; d < sizeof tail + 2; d++) {
			lines = filler_then(&in, bounds[b] - d, tail);
			want.len = 0;
			log_printf(&want, "ok %lu: \"b.csv\" \"3\" "
			    "\"tab\\there\\\\ \\n\"\n", lines + 1);
			log_printf(&want, "bad %lu: %lu: 2 fields, header "
			    "has 3\n", lines + 3, lines + 3);
			log_printf(&want, "ok %lu: \"\" \"\" \"\"\n",
			    lines + 4);
			log_printf(&want, "ok %lu: \"d.csv\" \"5\" \"end\"\n",
			    lines + 5);
			log_printf(&want, "end 0 %lu\n", lines + 5);
			mt_buf_addc(&want, '\0');
			for (gz = 0; gz < 2; gz++) {
				path = gz ? write_temp_gz(in.buf, in.len) :
				    write_temp(in.buf, in.len);
				log.len = 0;
				read_tail_log(path, lines, &log);
				remove_temp(path);
				snprintf(what, sizeof what, "%s, tail %zu "
				    "bytes before %zu", gz ? "gzip" : "plain",
				    d, bounds[b]);
				assert_log(what, &log, want.buf);
			}
		}
	mt_buf_free(&in);
	mt_buf_free(&log);
	mt_buf_free(&want);
}
END_TEST

/* --- big lines ----------------------------------------------------------- */

/* 1 MiB values, longer than any read, one with its LF and one without. */
START_TEST(test_big_field)
{
	const size_t len = 1024 * 1024 + 3;
	struct mt_buf in = { 0 }, v = { 0 }, log = { 0 }, want = { 0 };
	size_t i;

	for (i = 0; i < len; i++)
		mt_buf_addc(&v, i % 1000 == 999 ? '\\' :
		    "abc\\ndef,\"x "[i % 12]);
	mt_buf_add(&in, "id\tvalue\n", 9);
	mt_buf_add(&in, "1\t", 2);
	mt_buf_add(&in, v.buf, v.len);
	mt_buf_add(&in, "\n2\t", 3);
	mt_buf_add(&in, v.buf, v.len);

	log_printf(&want, "header 1: \"id\" \"value\"\n");
	log_printf(&want, "ok 2: \"1\" ");
	log_bytes(&want, v.buf, v.len);
	log_printf(&want, "\nok 3: \"2\" ");
	log_bytes(&want, v.buf, v.len);
	log_printf(&want, "\neof 3\n");
	mt_buf_addc(&want, '\0');

	check_stream("1 MiB values", in.buf, in.len, want.buf);
	mt_buf_free(&in);
	mt_buf_free(&v);
	mt_buf_free(&log);
	mt_buf_free(&want);
}
END_TEST

#define WIDE	100000

static void
wide_line(struct mt_buf *b, const char *prefix)
{
	char s[24];
	size_t i;
	int n;

	for (i = 0; i < WIDE; i++) {
		n = snprintf(s, sizeof s, "%s%s%zu", i ? "\t" : "", prefix, i);
		mt_buf_add(b, s, (size_t)n);
	}
	mt_buf_addc(b, '\n');
}

START_TEST(test_wide_header)
{
	struct mt_buf in = { 0 };
	const struct mt_str *names, *f;
	struct mt_rec_reader *r;
	char *path, err[256], s[24];
	size_t n, i;
	int gz;

	wide_line(&in, "f");
	wide_line(&in, "");
	mt_buf_add(&in, "x\ty\n", 4);
	for (gz = 0; gz < 2; gz++) {
		path = gz ? write_temp_gz(in.buf, in.len) :
		    write_temp(in.buf, in.len);
		r = mt_rec_open(path, err, sizeof err);
		ck_assert_ptr_nonnull(r);
		ck_assert_int_eq(mt_rec_read_header(r), MT_REC_OK);
		names = mt_rec_names(r, &n);
		ck_assert_uint_eq(n, WIDE);
		for (i = 0; i < WIDE; i++) {
			snprintf(s, sizeof s, "f%zu", i);
			if (!mt_str_eq(names[i], s))
				ck_abort_msg("name %zu", i);
		}
		ck_assert_int_eq(mt_rec_next(r), MT_REC_OK);
		ck_assert_uint_eq(mt_rec_nfields(r), WIDE);
		f = mt_rec_fields(r);
		for (i = 0; i < WIDE; i++) {
			snprintf(s, sizeof s, "%zu", i);
			if (!mt_str_eq(f[i], s))
				ck_abort_msg("field %zu", i);
		}
		ck_assert_int_eq(mt_rec_next(r), MT_REC_BAD);
		ck_assert_str_eq(mt_rec_error(r),
		    "3: 2 fields, header has 100000");
		ck_assert_int_eq(mt_rec_next(r), MT_REC_EOF);
		mt_rec_close(r);
		remove_temp(path);
	}
	mt_buf_free(&in);
}
END_TEST

/* A duplicate name at the end of a 100,000-name header. */
START_TEST(test_wide_header_duplicate)
{
	struct mt_buf in = { 0 }, log = { 0 };
	char *path;

	wide_line(&in, "f");
	in.len--;
	mt_buf_add(&in, "\tf77777\n", 8);
	path = write_temp(in.buf, in.len);
	read_path_log(path, &log);
	assert_log("wide duplicate", &log,
	    "header error -2: 1: field name 'f77777' appears twice\n");
	remove_temp(path);
	mt_buf_free(&in);
	mt_buf_free(&log);
}
END_TEST

/*
 * Looking for duplicate names must not compare every name with every
 * other (5 * 10^9 comparisons here, seconds): reading the header must
 * cost about what splitting a record of the same width costs.
 */
START_TEST(test_wide_header_linear)
{
	struct mt_buf in = { 0 };
	struct mt_rec_reader *r;
	char *path, err[256];
	clock_t t0;
	double th, tr;

	wide_line(&in, "name_");
	wide_line(&in, "value_");
	path = write_temp(in.buf, in.len);
	r = mt_rec_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(r);
	t0 = clock();
	ck_assert_int_eq(mt_rec_read_header(r), MT_REC_OK);
	th = (double)(clock() - t0) / CLOCKS_PER_SEC;
	t0 = clock();
	ck_assert_int_eq(mt_rec_next(r), MT_REC_OK);
	tr = (double)(clock() - t0) / CLOCKS_PER_SEC;
	mt_rec_close(r);
	remove_temp(path);
	mt_buf_free(&in);
	ck_assert_msg(th <= 20 * tr + 0.25,
	    "reading a 100,000-name header took %.2f s of CPU, a record of "
	    "the same width %.3f s", th, tr);
}
END_TEST

/* --- names --------------------------------------------------------------- */

static const struct {
	struct bytes name;
	bool valid;
} name_cases[] = {
	{ B("a"), true },
	{ B("z"), true },
	{ B("source"), true },
	{ B("gross_weight_kg"), true },
	{ B("a1_"), true },
	{ B("z9"), true },
	{ B("a__"), true },
	{ B("x0123456789"), true },
	{ B(""), false },
	{ B("A"), false },
	{ B("Source"), false },
	{ B("sourcE"), false },
	{ B("1a"), false },
	{ B("_a"), false },
	{ B("a-b"), false },
	{ B("a b"), false },
	{ B("a.b"), false },
	{ B(" a"), false },
	{ B("a "), false },
	{ B("a\t"), false },
	{ B("a\0"), false },
	{ B("\0a"), false },
	{ B("`"), false },		/* 'a' - 1 */
	{ B("{"), false },		/* 'z' + 1 */
	{ B("a/"), false },		/* '0' - 1 */
	{ B("a:"), false },		/* '9' + 1 */
	{ B("a^"), false },		/* '_' - 1 */
	{ B("a`"), false },		/* '_' + 1 */
	{ B("caf\xc3\xa9"), false },
	{ B("\xe1"), false },
};

START_TEST(test_valid_name)
{
	char *p = block_copy(name_cases[_i].name.p, name_cases[_i].name.n);

	ck_assert_msg(mt_rec_valid_name(p, name_cases[_i].name.n) ==
	    name_cases[_i].valid, "mt_rec_valid_name(\"%s\")",
	    show(name_cases[_i].name.p, name_cases[_i].name.n));
	free(p);
}
END_TEST

/* Every single byte as a one-byte name, and after an 'a'. */
START_TEST(test_valid_name_bytes)
{
	char s[2] = { 'a', 0 };
	int c;
	bool first, later;

	for (c = 0; c < 256; c++) {
		first = c >= 'a' && c <= 'z';
		later = first || (c >= '0' && c <= '9') || c == '_';
		s[0] = (char)c;
		ck_assert_msg(mt_rec_valid_name(s, 1) == first, "byte %d", c);
		s[0] = 'a';
		s[1] = (char)c;
		ck_assert_msg(mt_rec_valid_name(s, 2) == later, "a + byte %d",
		    c);
	}
}
END_TEST

/* --- writing ------------------------------------------------------------- */

static struct mt_buf
slurp(const char *path)
{
	struct mt_buf b = { 0 };
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;

	ck_assert_ptr_nonnull(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		mt_buf_add(&b, chunk, n);
	ck_assert(!ferror(fp));
	fclose(fp);
	return b;
}

/*
 * mt_rec_put and mt_rec_put_header through mt_out into a file: every byte
 * value, then enough values to pass several output blocks; the file
 * read back gives the same header and values.
 */
START_TEST(test_put)
{
	static const char *const names[] = { "id", "value", "dq" };
	struct mt_out o;
	struct mt_buf want = { 0 }, got, log = { 0 }, wantlog = { 0 };
	char *path, all[256], esc[512], num[32];
	int fd, i;
	size_t n;

	path = temp_name(&fd);
	close(fd);
	ck_assert_int_eq(mt_out_file(&o, path), 0);
	mt_rec_put_header(&o, names, 3);
	mt_buf_add(&want, "id\tvalue\tdq\n", 12);
	log_printf(&wantlog, "header 1: \"id\" \"value\" \"dq\"\n");
	for (i = 0; i < 256; i++)
		all[i] = (char)i;
	for (i = 0; i < 3000; i++) {
		size_t k = (size_t)(i % 257);

		n = (size_t)snprintf(num, sizeof num, "%d", i);
		mt_rec_put(&o, num, n);
		mt_out_putc(&o, '\t');
		mt_rec_put(&o, all, k);
		mt_out_putc(&o, '\t');
		mt_rec_put(&o, "\\t", 2);
		mt_out_putc(&o, '\n');

		mt_buf_add(&want, num, n);
		mt_buf_addc(&want, '\t');
		n = ref_escape(esc, all, k);
		mt_buf_add(&want, esc, n);
		mt_buf_add(&want, "\t\\\\t\n", 5);

		log_printf(&wantlog, "ok %d: \"%d\" ", i + 2, i);
		log_bytes(&wantlog, esc, n);
		log_printf(&wantlog, " \"\\\\t\"\n");
	}
	log_printf(&wantlog, "eof 3001\n");
	mt_buf_addc(&wantlog, '\0');
	ck_assert_int_eq(mt_out_close(&o, true), 0);

	got = slurp(path);
	ck_assert_uint_eq(got.len, want.len);
	ck_assert(memcmp(got.buf, want.buf, want.len) == 0);
	read_path_log(path, &log);
	assert_log("records written", &log, wantlog.buf);
	remove_temp(path);
	mt_buf_free(&want);
	mt_buf_free(&got);
	mt_buf_free(&log);
	mt_buf_free(&wantlog);
}
END_TEST

static Suite *
rec_suite(void)
{
	Suite *s = suite_create("rec");
	TCase *tc;

	tc = tcase_create("escape");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_escape_each_byte);
	tcase_add_test(tc, test_escape_all_bytes);
	tcase_add_test(tc, test_escape_awkward_mix);
	tcase_add_loop_test(tc, test_escape_cases, 0, NELEM(escape_cases));
	tcase_add_loop_test(tc, test_unescape_cases, 0,
	    NELEM(unescape_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_loop_test(tc, test_valid_name, 0, NELEM(name_cases));
	tcase_add_test(tc, test_valid_name_bytes);
	suite_add_tcase(s, tc);

	tc = tcase_create("reader");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_stream_cases, 0, NELEM(stream_cases));
	tcase_add_test(tc, test_open_missing);
	tcase_add_test(tc, test_next_line_split);
	tcase_add_test(tc, test_split_span);
	tcase_add_test(tc, test_split_plain_and_gzip);
	tcase_add_test(tc, test_split_every_piece_size);
	tcase_add_test(tc, test_split_every_point);
	tcase_add_test(tc, test_truncated_gzip);
	tcase_add_test(tc, test_split_at_chunk_ends);
	suite_add_tcase(s, tc);

	tc = tcase_create("big");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_big_field);
	suite_add_tcase(s, tc);

	tc = tcase_create("wide");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_wide_header);
	tcase_add_test(tc, test_wide_header_duplicate);
	tcase_add_test(tc, test_wide_header_linear);
	suite_add_tcase(s, tc);

	tc = tcase_create("writer");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_put);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(rec_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
