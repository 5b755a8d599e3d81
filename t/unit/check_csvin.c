/*
 * Unit tests of mt_csvin. Every callback is written into a log of text
 * lines, and a run passes when its log equals the expected one, built
 * from the table with the same formatting. Each input is fed whole, then
 * in every chunk size from 1 to its length (libcsv's test_csv.c habit);
 * every chunk is a block of exactly its size, freed as soon as
 * mt_csvin_feed returns, so that a pointer kept into an old chunk or a
 * read past a chunk shows under valgrind and AddressSanitizer.
 */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt_csvin.h"
#include "mt_util.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A byte string that may hold NUL: B("a\0b") keeps all three bytes. */
struct bytes {
	const char *p;
	size_t n;
};
#define B(s)	{ (s), sizeof(s) - 1 }

/* --- the log ------------------------------------------------------------- */

static void
log_printf(struct mt_buf *log, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* no ck_assert in the paths run per byte: each one costs a write */
	if (n < 0 || (size_t)n >= sizeof buf)
		ck_abort_msg("log line too long");
	mt_buf_add(log, buf, (size_t)n);
}

/* A quoted, escaped byte string: the log stays one line per callback. */
static void
log_bytes(struct mt_buf *log, const char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	mt_buf_addc(log, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		switch (c) {
		case '\n': mt_buf_add(log, "\\n", 2); break;
		case '\r': mt_buf_add(log, "\\r", 2); break;
		case '\t': mt_buf_add(log, "\\t", 2); break;
		case '\\': mt_buf_add(log, "\\\\", 2); break;
		case '"': mt_buf_add(log, "\\\"", 2); break;
		default:
			if (c >= 0x20 && c < 0x7F) {
				mt_buf_addc(log, (char)c);
			} else {
				mt_buf_add(log, "\\x", 2);
				mt_buf_addc(log, hex[c >> 4]);
				mt_buf_addc(log, hex[c & 15]);
			}
		}
	}
	mt_buf_addc(log, '"');
}

static void
log_row(struct mt_buf *log, unsigned long line, const struct mt_str *f,
    size_t n, const char *raw, size_t rawlen)
{
	size_t i;

	log_printf(log, "row %lu:", line);
	for (i = 0; i < n; i++) {
		mt_buf_addc(log, ' ');
		log_bytes(log, f[i].p, f[i].n);
	}
	mt_buf_add(log, " raw ", 5);
	log_bytes(log, raw, rawlen);
	mt_buf_addc(log, '\n');
}

static void
log_bad(struct mt_buf *log, unsigned long line, const char *reason,
    const char *raw, size_t rawlen)
{
	log_printf(log, "bad %lu: %s raw ", line, reason);
	log_bytes(log, raw, rawlen);
	mt_buf_addc(log, '\n');
}

static const char *
delim_name(char d)
{
	switch (d) {
	case ',': return "comma";
	case ';': return "semicolon";
	case '|': return "pipe";
	case '\t': return "tab";
	case 0: return "none";
	default: return "other";
	}
}

static void
log_end(struct mt_buf *log, unsigned long rows, unsigned long bad,
    unsigned long blank, char delim, int finish)
{
	log_printf(log, "end rows=%lu bad=%lu blank=%lu delim=%s finish=%d\n",
	    rows, bad, blank, delim_name(delim), finish);
}

static int
on_row(void *ctx, const struct mt_csv_row *row)
{
	log_row(ctx, row->line, row->fields, row->nfields, row->raw.p,
	    row->raw.n);
	return 0;
}

static int
on_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	log_bad(ctx, line, reason, raw.p, raw.n);
	return 0;
}

/*
 * Feed in[0..n) in chunks of `chunk` bytes (the whole at once when chunk
 * is 0 or n), each chunk copied into a block of exactly its size.
 */
static void
run(char delim, const char *in, size_t n, size_t chunk, bool damaged,
    struct mt_buf *log)
{
	struct mt_csvin *c = mt_csvin_new(delim, on_row, on_bad, log);
	const struct mt_csvin_stats *st;
	size_t off = 0, k;
	char *block;
	int rc;

	if (chunk == 0)
		chunk = n > 0 ? n : 1;
	do {
		k = n - off < chunk ? n - off : chunk;
		if ((block = malloc(k > 0 ? k : 1)) == NULL)
			ck_abort_msg("out of memory");
		if (k > 0)
			memcpy(block, in + off, k);
		rc = mt_csvin_feed(c, block, k);
		free(block);
		if (rc != 0)
			log_printf(log, "feed at byte %zu returned %d\n", off,
			    rc);
		off += k;
	} while (off < n);
	rc = mt_csvin_finish(c, damaged);
	st = mt_csvin_stats(c);
	log_end(log, st->rows, st->bad, st->blank, mt_csvin_delim(c), rc);
	mt_csvin_free(c);
}

/* Printable excerpt of a log line for failure messages. */
static const char *
excerpt(const char *p, size_t n, char *buf, size_t bufsz)
{
	size_t k = n < bufsz - 4 ? n : bufsz - 4;

	memcpy(buf, p, k);
	strcpy(buf + k, n > k ? "..." : "");
	return buf;
}

/* what: the input and how it was fed, for the failure message. */
static void
assert_same_log(const char *what, const struct mt_buf *want,
    const struct mt_buf *got)
{
	size_t i = 0, line = 1, start = 0, wend, gend;
	char wb[400], gb[400];

	if (want->len == got->len && memcmp(want->buf, got->buf, got->len) == 0)
		return;
	while (i < want->len && i < got->len && want->buf[i] == got->buf[i]) {
		if (want->buf[i] == '\n') {
			line++;
			start = i + 1;
		}
		i++;
	}
	for (wend = start; wend < want->len && want->buf[wend] != '\n'; wend++)
		continue;
	for (gend = start; gend < got->len && got->buf[gend] != '\n'; gend++)
		continue;
	ck_abort_msg("%s: log line %zu, column %zu differs\n"
	    "want: %s\ngot:  %s", what, line, i - start + 1,
	    excerpt(want->buf + start, wend - start, wb, sizeof wb),
	    excerpt(got->buf + start, gend - start, gb, sizeof gb));
}

/* --- the table ----------------------------------------------------------- */

/* An expected callback: a row when reason is NULL, else a rejected row. */
struct ev {
	unsigned long line;		/* 0 ends the list */
	const char *raw;
	const char *reason;
	const char *f[9];		/* the fields, NULL after the last */
};
#define ROW(line, raw, ...)	{ line, raw, NULL, { __VA_ARGS__ } }
#define BAD(line, raw, why)	{ line, raw, why, { NULL } }

struct csv_case {
	const char *name;
	char delim;			/* -d, or 0 to detect */
	bool damaged;			/* finish with damaged true */
	struct bytes in;
	struct ev ev[10];
	char want_delim;
	unsigned long blank;
};

#define QUOTE_IN_FIELD	": quote inside an unquoted field (quote the " \
	"whole field and double the quote)"
#define AFTER_QUOTE	": text after the closing quote of a quoted field"
#define NOT_CLOSED	"quoted field not closed before the end of the input"
#define CUT_SHORT	"row cut short by the damaged end of the input"

static const struct csv_case cases[] = {
	/* plain rows */
	{ "simple", 0, false, B("a,b,c\n1,2,3\n4,5,6\n"), {
		ROW(1, "a,b,c\n", "a", "b", "c"),
		ROW(2, "1,2,3\n", "1", "2", "3"),
		ROW(3, "4,5,6\n", "4", "5", "6"),
	}, ',', 0 },
	{ "spaces are kept", 0, false, B(" a , b \n 1 ,2\t\n"), {
		ROW(1, " a , b \n", " a ", " b "),
		ROW(2, " 1 ,2\t\n", " 1 ", "2\t"),
	}, ',', 0 },
	{ "empty fields", 0, false, B("a,b,c\n,,x\nx,,\n"), {
		ROW(1, "a,b,c\n", "a", "b", "c"),
		ROW(2, ",,x\n", "", "", "x"),
		ROW(3, "x,,\n", "x", "", ""),
	}, ',', 0 },
	{ "UTF-8 text", 0, false,
	    B("name,city\n\"M\xc3\xbcller\",Z\xc3\xbcrich \xe2\x82\xac\n"), {
		ROW(1, "name,city\n", "name", "city"),
		ROW(2, "\"M\xc3\xbcller\",Z\xc3\xbcrich \xe2\x82\xac\n",
		    "M\xc3\xbcller", "Z\xc3\xbcrich \xe2\x82\xac"),
	}, ',', 0 },

	/* quoting */
	{ "quoted delimiters", 0, false,
	    B("name,addr\n\"Smith, J\",\"1 Road; Town|X\tY\"\n"), {
		ROW(1, "name,addr\n", "name", "addr"),
		ROW(2, "\"Smith, J\",\"1 Road; Town|X\tY\"\n", "Smith, J",
		    "1 Road; Town|X\tY"),
	}, ',', 0 },
	{ "doubled quotes", 0, false,
	    B("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n\"\",x\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "\"say \"\"hi\"\"\",\"\"\"\"\n", "say \"hi\"", "\""),
		ROW(3, "\"\",x\n", "", "x"),
	}, ',', 0 },
	{ "LF inside quotes", 0, false,
	    B("id,desc\n1,\"line one\nline two\"\n2,x\n"), {
		ROW(1, "id,desc\n", "id", "desc"),
		ROW(2, "1,\"line one\nline two\"\n", "1", "line one\nline two"),
		ROW(4, "2,x\n", "2", "x"),
	}, ',', 0 },
	{ "blank lines inside quotes", 0, false,
	    B("a,b\n1,\"x\n\n\ny\"\n2,z\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,\"x\n\n\ny\"\n", "1", "x\n\n\ny"),
		ROW(6, "2,z\n", "2", "z"),
	}, ',', 0 },
	/* Quoted bytes are kept as they are, CR included. */
	{ "CRLF inside quotes of an LF file", 0, false,
	    B("a,b\n1,\"x\r\ny\"\n2,z\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,\"x\r\ny\"\n", "1", "x\r\ny"),
		ROW(4, "2,z\n", "2", "z"),
	}, ',', 0 },
	{ "quoted field over three lines, then more fields", 0, false,
	    B("a,b,c\n\"1\n2\n3\",mid,\"e\nf\"\nz,y,x\n"), {
		ROW(1, "a,b,c\n", "a", "b", "c"),
		ROW(2, "\"1\n2\n3\",mid,\"e\nf\"\n", "1\n2\n3", "mid", "e\nf"),
		ROW(6, "z,y,x\n", "z", "y", "x"),
	}, ',', 0 },

	/* line ends */
	/*
	 * In an LF file CR is data inside a field and inside quotes, and
	 * dropped at the ends of an unquoted field and after a closing
	 * quote, so that CRLF line ends still read.
	 */
	{ "CR inside a field of an LF file", 0, false,
	    B("a,b\n1,x\ry\n\"\r\",z\r\r\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,x\ry\n", "1", "x\ry"),
		ROW(3, "\"\r\",z\r\r\n", "\r", "z"),
	}, ',', 0 },
	{ "CR at the ends of unquoted fields of an LF file", 0, false,
	    B("a,b\n\rx\r,\r\ny\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "\rx\r,\r\n", "x", ""),
		ROW(3, "y\n", "y"),
	}, ',', 0 },
	{ "CRLF lines in an LF file", 0, false,
	    B("a,b\n1,2\r\n\"3\",\"4\"\r\n5,6\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,2\r\n", "1", "2"),
		ROW(3, "\"3\",\"4\"\r\n", "3", "4"),
		ROW(4, "5,6\n", "5", "6"),
	}, ',', 0 },
	{ "CR after a closing quote in an LF file", 0, false,
	    B("a,b\n1,\"x\"\r,\n2,3\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,\"x\"\r,\n", "1", "x", ""),
		ROW(3, "2,3\n", "2", "3"),
	}, ',', 0 },
	{ "CRLF file", 0, false, B("a,b\r\n1,2\r\n3,4\r\n"), {
		ROW(1, "a,b\r\n", "a", "b"),
		ROW(2, "1,2\r\n", "1", "2"),
		ROW(3, "3,4\r\n", "3", "4"),
	}, ',', 0 },
	{ "CRLF inside quotes of a CRLF file", 0, false,
	    B("id,desc\r\n1,\"a\r\nb\"\r\n2,c\r\n"), {
		ROW(1, "id,desc\r\n", "id", "desc"),
		ROW(2, "1,\"a\r\nb\"\r\n", "1", "a\r\nb"),
		ROW(4, "2,c\r\n", "2", "c"),
	}, ',', 0 },
	{ "LF inside quotes of a CRLF file", 0, false,
	    B("a,b\r\n1,\"x\ny\"\r\n2,z\r\n"), {
		ROW(1, "a,b\r\n", "a", "b"),
		ROW(2, "1,\"x\ny\"\r\n", "1", "x\ny"),
		ROW(4, "2,z\r\n", "2", "z"),
	}, ',', 0 },
	{ "CR-only file", 0, false, B("a,b\r1,2\r3,4\r"), {
		ROW(1, "a,b\r", "a", "b"),
		ROW(2, "1,2\r", "1", "2"),
		ROW(3, "3,4\r", "3", "4"),
	}, ',', 0 },
	{ "CR inside quotes of a CR-only file", 0, false,
	    B("a,b\r1,\"x\ry\"\r2,z\r"), {
		ROW(1, "a,b\r", "a", "b"),
		ROW(2, "1,\"x\ry\"\r", "1", "x\ry"),
		ROW(4, "2,z\r", "2", "z"),
	}, ',', 0 },
	{ "CR-only file without a last CR", 0, false, B("a;b\r1;2"), {
		ROW(1, "a;b\r", "a", "b"),
		ROW(2, "1;2", "1", "2"),
	}, ';', 0 },
	{ "CRLF file without a last CRLF", 0, false, B("a,b\r\n1,2"), {
		ROW(1, "a,b\r\n", "a", "b"),
		ROW(2, "1,2", "1", "2"),
	}, ',', 0 },
	{ "last line without a line end", 0, false, B("a,b\n1,2"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,2", "1", "2"),
	}, ',', 0 },
	{ "quoted last field without a line end", 0, false,
	    B("a,b\n1,\"x,\"\"y\"\"\""), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,\"x,\"\"y\"\"\"", "1", "x,\"y\""),
	}, ',', 0 },
	{ "last quoted field spans the last lines", 0, false,
	    B("a,b\n1,\"x\ny\""), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,\"x\ny\"", "1", "x\ny"),
	}, ',', 0 },

	/* byte order mark */
	{ "UTF-8 BOM", 0, false, B("\xef\xbb\xbf" "a;b\n1;2\n"), {
		ROW(1, "a;b\n", "a", "b"),
		ROW(2, "1;2\n", "1", "2"),
	}, ';', 0 },
	{ "UTF-8 BOM before a quoted field, CRLF", 0, false,
	    B("\xef\xbb\xbf\"x\",y\r\n1,2\r\n"), {
		ROW(1, "\"x\",y\r\n", "x", "y"),
		ROW(2, "1,2\r\n", "1", "2"),
	}, ',', 0 },
	{ "UTF-8 BOM and nothing else", 0, false, B("\xef\xbb\xbf"), {
		{ 0 },
	}, ',', 0 },
	{ "UTF-8 BOM and a header without a line end", 0, false,
	    B("\xef\xbb\xbf" "a|b"), {
		ROW(1, "a|b", "a", "b"),
	}, '|', 0 },
	{ "BOM bytes after the start are data", 0, false,
	    B("a,b\n\xef\xbb\xbf" "1,2\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "\xef\xbb\xbf" "1,2\n", "\xef\xbb\xbf" "1", "2"),
	}, ',', 0 },
	{ "start of a BOM, then other bytes", 0, false,
	    B("\xef\xbb" "a,b\n"), {
		ROW(1, "\xef\xbb" "a,b\n", "\xef\xbb" "a", "b"),
	}, ',', 0 },
	/* Only a whole BOM is one: nothing may be lost. */
	{ "the start of a BOM at the end of the input is data", 0, false,
	    B("\xef\xbb"), {
		ROW(1, "\xef\xbb", "\xef\xbb"),
	}, ',', 0 },

	/* delimiter detection and -d */
	{ "semicolon detected", 0, false, B("a;b;c\n1,5;2;3\n"), {
		ROW(1, "a;b;c\n", "a", "b", "c"),
		ROW(2, "1,5;2;3\n", "1,5", "2", "3"),
	}, ';', 0 },
	{ "pipe detected", 0, false, B("a|b|c\n1|2,5|x;y\n"), {
		ROW(1, "a|b|c\n", "a", "b", "c"),
		ROW(2, "1|2,5|x;y\n", "1", "2,5", "x;y"),
	}, '|', 0 },
	{ "tab detected", 0, false, B("a\tb\tc\n1\t2, 3\t\"x\ty\"\n"), {
		ROW(1, "a\tb\tc\n", "a", "b", "c"),
		ROW(2, "1\t2, 3\t\"x\ty\"\n", "1", "2, 3", "x\ty"),
	}, '\t', 0 },
	{ "quoted delimiters do not count", 0, false,
	    B("\"a,b,c\";d;e\n1;2;3\n"), {
		ROW(1, "\"a,b,c\";d;e\n", "a,b,c", "d", "e"),
		ROW(2, "1;2;3\n", "1", "2", "3"),
	}, ';', 0 },
	{ "a tie goes to the comma", 0, false, B("a,b;c\n1,2;3\n"), {
		ROW(1, "a,b;c\n", "a", "b;c"),
		ROW(2, "1,2;3\n", "1", "2;3"),
	}, ',', 0 },
	{ "only the first line counts", 0, false, B("a;b\n1|2|3|4\n"), {
		ROW(1, "a;b\n", "a", "b"),
		ROW(2, "1|2|3|4\n", "1|2|3|4"),
	}, ';', 0 },
	{ "no delimiter at all: comma", 0, false, B("abc\ndef\n"), {
		ROW(1, "abc\n", "abc"),
		ROW(2, "def\n", "def"),
	}, ',', 0 },
	{ "-d ; on text with commas", ';', false, B("a,b,c;d\n1,2;3\n"), {
		ROW(1, "a,b,c;d\n", "a,b,c", "d"),
		ROW(2, "1,2;3\n", "1,2", "3"),
	}, ';', 0 },
	{ "-d TAB on a comma file", '\t', false, B("a,b\n1,2\n"), {
		ROW(1, "a,b\n", "a,b"),
		ROW(2, "1,2\n", "1,2"),
	}, '\t', 0 },
	{ "-d , on a semicolon file", ',', false, B("a;b;c\n1;2;3\n"), {
		ROW(1, "a;b;c\n", "a;b;c"),
		ROW(2, "1;2;3\n", "1;2;3"),
	}, ',', 0 },
	{ "-d | on a CR-only file", '|', false, B("a|b,c\r1|2\r"), {
		ROW(1, "a|b,c\r", "a", "b,c"),
		ROW(2, "1|2\r", "1", "2"),
	}, '|', 0 },

	/* blank lines and empty rows */
	{ "blank lines and all-empty rows", 0, false,
	    B("a,b\n\n1,2\n,\n  \n\"\",\"\"\n3,4\n\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(3, "1,2\n", "1", "2"),
		ROW(7, "3,4\n", "3", "4"),
	}, ',', 5 },
	{ "blank lines and all-empty rows, CRLF", 0, false,
	    B("a,b\r\n\r\n1,2\r\n \t\r\n,\r\n\" \",\r\n5,6\r\n"), {
		ROW(1, "a,b\r\n", "a", "b"),
		ROW(3, "1,2\r\n", "1", "2"),
		ROW(7, "5,6\r\n", "5", "6"),
	}, ',', 4 },
	{ "blank lines, CR-only", 0, false, B("a,b\r\r1,2\r,\r"), {
		ROW(1, "a,b\r", "a", "b"),
		ROW(3, "1,2\r", "1", "2"),
	}, ',', 2 },
	{ "blank lines before the header", 0, false, B("\n\na,b\n1,2\n"), {
		ROW(3, "a,b\n", "a", "b"),
		ROW(4, "1,2\n", "1", "2"),
	}, ',', 2 },
	/* The delimiter comes from the header, not from a blank line. */
	{ "blank line before a semicolon header", 0, false,
	    B("\na;b\n1;2\n"), {
		ROW(2, "a;b\n", "a", "b"),
		ROW(3, "1;2\n", "1", "2"),
	}, ';', 1 },
	{ "blank lines before a pipe header, CRLF", 0, false,
	    B("\r\n \t\r\na|b|c,d\r\n1|2|3\r\n"), {
		ROW(3, "a|b|c,d\r\n", "a", "b", "c,d"),
		ROW(4, "1|2|3\r\n", "1", "2", "3"),
	}, '|', 2 },
	{ "blank lines before a semicolon header, CR-only", 0, false,
	    B("\r\ra;b\r1;2\r"), {
		ROW(3, "a;b\r", "a", "b"),
		ROW(4, "1;2\r", "1", "2"),
	}, ';', 2 },
	{ "BOM, blank line, tab header", 0, false,
	    B("\xef\xbb\xbf\na\tb\n"), {
		ROW(2, "a\tb\n", "a", "b"),
	}, '\t', 1 },
	/*
	 * The dialect settled only at the end of the input: what was held
	 * back is still read line by line.
	 */
	{ "blank line, then a header without a line end", 0, false,
	    B("\n a;b"), {
		ROW(2, " a;b", " a", "b"),
	}, ';', 1 },
	{ "blank lines only", 0, false, B("\n \n\n"), {
		{ 0 },
	}, ',', 3 },
	/* A line break typed into a spreadsheet cell of the header. */
	{ "line break inside a quoted header name", 0, false,
	    B("\"Gross\nWeight\";\"HS\";Port\n1;2;3\n"), {
		ROW(1, "\"Gross\nWeight\";\"HS\";Port\n", "Gross\nWeight",
		    "HS", "Port"),
		ROW(3, "1;2;3\n", "1", "2", "3"),
	}, ';', 0 },
	{ "an all-empty header is still the header", 0, false,
	    B(",\n1,2\n"), {
		ROW(1, ",\n", "", ""),
		ROW(2, "1,2\n", "1", "2"),
	}, ',', 0 },
	{ "last line blank without a line end", 0, false, B("a,b\n1,2\n  "), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,2\n", "1", "2"),
	}, ',', 1 },

	/* rejected rows */
	{ "quote inside an unquoted field", 0, false,
	    B("a,b\n1,x\"y\n2,z\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,x\"y\n", "line 2, byte 4" QUOTE_IN_FIELD),
		ROW(3, "2,z\n", "2", "z"),
	}, ',', 0 },
	{ "quote inside an unquoted field, CRLF", 0, false,
	    B("a,b\r\n1,x\"y\"\r\n2,z\r\n"), {
		ROW(1, "a,b\r\n", "a", "b"),
		BAD(2, "1,x\"y\"\r\n", "line 2, byte 4" QUOTE_IN_FIELD),
		ROW(3, "2,z\r\n", "2", "z"),
	}, ',', 0 },
	{ "text after the closing quote", 0, false,
	    B("a,b\n1,\"x\"y\n2,z\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,\"x\"y\n", "line 2, byte 6" AFTER_QUOTE),
		ROW(3, "2,z\n", "2", "z"),
	}, ',', 0 },
	{ "space after the closing quote", 0, false,
	    B("a,b\n\"x\" ,y\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "\"x\" ,y\n", "line 2, byte 4" AFTER_QUOTE),
	}, ',', 0 },
	{ "text after the closing quote on the row's third line", 0, false,
	    B("a,b\n1,\"x\ny\nz\" w\n2,v\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,\"x\ny\nz\" w\n", "line 4, byte 3" AFTER_QUOTE),
		ROW(5, "2,v\n", "2", "v"),
	}, ',', 0 },
	{ "two bad rows in a row", 0, false,
	    B("a,b\nx\"\n\"y\"z\n3,4\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "x\"\n", "line 2, byte 2" QUOTE_IN_FIELD),
		BAD(3, "\"y\"z\n", "line 3, byte 4" AFTER_QUOTE),
		ROW(4, "3,4\n", "3", "4"),
	}, ',', 0 },
	{ "bad header", 0, false, B("a,b\"\n1,2\n"), {
		BAD(1, "a,b\"\n", "line 1, byte 4" QUOTE_IN_FIELD),
		ROW(2, "1,2\n", "1", "2"),
	}, ',', 0 },
	{ "bad last line without a line end", 0, false, B("a,b\n1,\"2\"3"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,\"2\"3", "line 2, byte 6" AFTER_QUOTE),
	}, ',', 0 },
	{ "unterminated quote at the end", 0, false,
	    B("a,b\n1,\"open\n2,z\n"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,\"open\n2,z\n", NOT_CLOSED),
	}, ',', 0 },
	{ "unterminated quote at the end, no line end", 0, false,
	    B("a,b\r\n1,2\r\n3,\"open"), {
		ROW(1, "a,b\r\n", "a", "b"),
		ROW(2, "1,2\r\n", "1", "2"),
		BAD(3, "3,\"open", NOT_CLOSED),
	}, ',', 0 },
	{ "unterminated quote in the header", 0, false, B("\"a,b\n"), {
		BAD(1, "\"a,b\n", NOT_CLOSED),
	}, ',', 0 },

	/* damaged input: what is left of a row is rejected */
	{ "damaged end inside quotes", 0, true, B("a,b\n1,\"x\ny"), {
		ROW(1, "a,b\n", "a", "b"),
		BAD(2, "1,\"x\ny", CUT_SHORT),
	}, ',', 0 },
	{ "damaged end in a line", 0, true, B("a,b\n1,2\n3,"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,2\n", "1", "2"),
		BAD(3, "3,", CUT_SHORT),
	}, ',', 0 },
	{ "damaged end after a line end", 0, true, B("a,b\n1,2\n"), {
		ROW(1, "a,b\n", "a", "b"),
		ROW(2, "1,2\n", "1", "2"),
	}, ',', 0 },

	/* tiny inputs */
	{ "empty input", 0, false, B(""), {
		{ 0 },
	}, ',', 0 },
	{ "empty input, -d ;", ';', false, B(""), {
		{ 0 },
	}, ';', 0 },
	{ "a line end only", 0, false, B("\n"), {
		{ 0 },
	}, ',', 1 },
	{ "CRLF only", 0, false, B("\r\n"), {
		{ 0 },
	}, ',', 1 },
	{ "header only", 0, false, B("a,b,c\n"), {
		ROW(1, "a,b,c\n", "a", "b", "c"),
	}, ',', 0 },
	{ "header only, no line end", 0, false, B("a\tb\tc"), {
		ROW(1, "a\tb\tc", "a", "b", "c"),
	}, '\t', 0 },
	{ "one byte", 0, false, B("x"), {
		ROW(1, "x", "x"),
	}, ',', 0 },
	{ "one quote", 0, false, B("\""), {
		BAD(1, "\"", NOT_CLOSED),
	}, ',', 0 },
	{ "empty quoted field", 0, false, B("\"\"\n"), {
		ROW(1, "\"\"\n", ""),
	}, ',', 0 },
};

static void
want_log(const struct csv_case *tc, struct mt_buf *log)
{
	const struct ev *e;
	unsigned long rows = 0, bad = 0;
	struct mt_str f[9];
	size_t n;

	for (e = tc->ev; e->line != 0; e++) {
		if (e->reason != NULL) {
			log_bad(log, e->line, e->reason, e->raw,
			    strlen(e->raw));
			bad++;
			continue;
		}
		for (n = 0; e->f[n] != NULL; n++) {
			f[n].p = e->f[n];
			f[n].n = strlen(e->f[n]);
		}
		log_row(log, e->line, f, n, e->raw, strlen(e->raw));
		rows++;
	}
	log_end(log, rows, bad, tc->blank, tc->want_delim, 0);
}

START_TEST(test_table)
{
	const struct csv_case *tc = &cases[_i];
	struct mt_buf want = { 0 }, got = { 0 };
	size_t chunk;
	char what[160];

	want_log(tc, &want);
	run(tc->delim, tc->in.p, tc->in.n, 0, tc->damaged, &got);
	snprintf(what, sizeof what, "%s, fed whole", tc->name);
	assert_same_log(what, &want, &got);
	for (chunk = 1; chunk <= tc->in.n; chunk++) {
		got.len = 0;
		run(tc->delim, tc->in.p, tc->in.n, chunk, tc->damaged, &got);
		snprintf(what, sizeof what, "%s, chunks of %zu", tc->name,
		    chunk);
		assert_same_log(what, &want, &got);
	}
	mt_buf_free(&want);
	mt_buf_free(&got);
}
END_TEST

/*
 * Every split of each input into three chunks: the boundaries that one
 * chunk size cannot reach (a CR at the end of one chunk and its LF at the
 * start of the next, wherever the header ends).
 */
START_TEST(test_table_two_cuts)
{
	const struct csv_case *tc = &cases[_i];
	struct mt_buf want = { 0 }, got = { 0 };
	struct mt_csvin *c;
	const struct mt_csvin_stats *st;
	size_t i, j, n = tc->in.n, cut[4];
	int k, rc;
	char *block, name[160];

	want_log(tc, &want);
	for (i = 0; i <= n; i++)
		for (j = i; j <= n; j++) {
			got.len = 0;
			cut[0] = 0;
			cut[1] = i;
			cut[2] = j;
			cut[3] = n;
			c = mt_csvin_new(tc->delim, on_row, on_bad, &got);
			for (k = 0; k < 3; k++) {
				size_t len = cut[k + 1] - cut[k];

				if (len == 0)
					continue;
				if ((block = malloc(len)) == NULL)
					ck_abort_msg("out of memory");
				memcpy(block, tc->in.p + cut[k], len);
				rc = mt_csvin_feed(c, block, len);
				free(block);
				if (rc != 0)
					log_printf(&got, "feed at byte %zu "
					    "returned %d\n", cut[k], rc);
			}
			rc = mt_csvin_finish(c, tc->damaged);
			st = mt_csvin_stats(c);
			log_end(&got, st->rows, st->bad, st->blank,
			    mt_csvin_delim(c), rc);
			mt_csvin_free(c);
			snprintf(name, sizeof name, "%s, cut at %zu and %zu",
			    tc->name, i, j);
			assert_same_log(name, &want, &got);
		}
	mt_buf_free(&want);
	mt_buf_free(&got);
}
END_TEST

/* --- stopping ------------------------------------------------------------ */

struct stopper {
	struct mt_buf log;
	int rows_left;		/* return -1 when it reaches 0 */
	int bad_left;
};

static int
stop_row(void *ctx, const struct mt_csv_row *row)
{
	struct stopper *s = ctx;

	on_row(&s->log, row);
	return --s->rows_left == 0 ? -1 : 0;
}

static int
stop_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	struct stopper *s = ctx;

	on_bad(&s->log, line, reason, raw);
	return --s->bad_left == 0 ? -1 : 0;
}

static const char stop_input[] = "a,b\n1,2\nx\"\n3,4\n5,6\n";

static void
stop_run(size_t chunk, int rows_left, int bad_left, const char *want)
{
	struct stopper s = { { 0 }, rows_left, bad_left };
	struct mt_csvin *c = mt_csvin_new(0, stop_row, stop_bad, &s);
	size_t n = sizeof stop_input - 1, off, k;
	int rc = 0, first = -1;

	for (off = 0; off < n; off += k) {
		k = n - off < chunk ? n - off : chunk;
		rc = mt_csvin_feed(c, stop_input + off, k);
		ck_assert(rc == 0 || rc == -1);
		if (rc == -1 && first < 0)
			first = (int)off;
		/* once stopped, it stays stopped */
		ck_assert(first < 0 || rc == -1);
	}
	rc = mt_csvin_finish(c, false);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_ge(first, 0);
	mt_buf_addc(&s.log, '\0');
	ck_assert_msg(strcmp(s.log.buf, want) == 0,
	    "chunk %zu: got\n%s\nwant\n%s", chunk, s.log.buf, want);
	mt_buf_free(&s.log);
	mt_csvin_free(c);
}

START_TEST(test_stop)
{
	size_t chunk;

	for (chunk = 1; chunk <= sizeof stop_input - 1; chunk++) {
		stop_run(chunk, 2, 100,
		    "row 1: \"a\" \"b\" raw \"a,b\\n\"\n"
		    "row 2: \"1\" \"2\" raw \"1,2\\n\"\n");
		stop_run(chunk, 100, 1,
		    "row 1: \"a\" \"b\" raw \"a,b\\n\"\n"
		    "row 2: \"1\" \"2\" raw \"1,2\\n\"\n"
		    "bad 3: line 3, byte 2" QUOTE_IN_FIELD
		    " raw \"x\\\"\\n\"\n");
	}
}
END_TEST

/* --- big inputs ---------------------------------------------------------- */

static const size_t big_chunks[] = {
	1, 2, 3, 7, 64, 4095, 4096, 4097, 65536, 0
};

static void
check_big(const char *name, char delim, const char *in, size_t n,
    const struct mt_buf *want)
{
	struct mt_buf got = { 0 };
	size_t i;
	char what[160];

	for (i = 0; i < NELEM(big_chunks); i++) {
		got.len = 0;
		run(delim, in, n, big_chunks[i], false, &got);
		if (big_chunks[i] == 0)
			snprintf(what, sizeof what, "%s, fed whole", name);
		else
			snprintf(what, sizeof what, "%s, chunks of %zu", name,
			    big_chunks[i]);
		assert_same_log(what, want, &got);
	}
	mt_buf_free(&got);
}

/*
 * A 1 MiB quoted field with delimiters, doubled quotes and LFs in it,
 * between ordinary rows.
 */
START_TEST(test_big_field)
{
	const size_t fieldlen = 1024 * 1024;
	static const char alphabet[] = "abcdefghij ,;|\t0123456789";
	struct mt_buf in = { 0 }, field = { 0 }, want = { 0 }, raw = { 0 };
	struct mt_str f[3];
	unsigned long lines = 0;
	size_t i, rowstart;
	char ch;

	for (i = 0; i < fieldlen; i++) {
		if (i % 4099 == 4098)
			ch = '"';
		else if (i % 65536 == 65535)
			ch = '\n';
		else
			ch = alphabet[i % (sizeof alphabet - 1)];
		if (ch == '\n')
			lines++;
		mt_buf_addc(&field, ch);
	}
	ck_assert_uint_eq(field.len, fieldlen);

	mt_buf_add(&in, "id,desc,n\n", 10);
	rowstart = in.len;
	mt_buf_add(&in, "1,\"", 3);
	for (i = 0; i < field.len; i++) {
		if (field.buf[i] == '"')
			mt_buf_addc(&in, '"');
		mt_buf_addc(&in, field.buf[i]);
	}
	mt_buf_add(&in, "\",x\n", 4);
	mt_buf_add(&raw, in.buf + rowstart, in.len - rowstart);
	mt_buf_add(&in, "2,\"end\",y", 9);

	f[0].p = "id"; f[0].n = 2;
	f[1].p = "desc"; f[1].n = 4;
	f[2].p = "n"; f[2].n = 1;
	log_row(&want, 1, f, 3, "id,desc,n\n", 10);
	f[0].p = "1"; f[0].n = 1;
	f[1].p = field.buf; f[1].n = field.len;
	f[2].p = "x"; f[2].n = 1;
	log_row(&want, 2, f, 3, raw.buf, raw.len);
	f[0].p = "2"; f[0].n = 1;
	f[1].p = "end"; f[1].n = 3;
	f[2].p = "y"; f[2].n = 1;
	log_row(&want, 3 + lines, f, 3, "2,\"end\",y", 9);
	log_end(&want, 3, 0, 0, ',', 0);

	check_big("1 MiB field", 0, in.buf, in.len, &want);
	mt_buf_free(&in);
	mt_buf_free(&field);
	mt_buf_free(&want);
	mt_buf_free(&raw);
}
END_TEST

#define WIDE	100000

/* "f0;f1;...;f99999" (with delim between), followed by end. */
static void
wide_header(struct mt_buf *in, char delim, const char *end)
{
	char name[16];
	size_t i;
	int n;

	for (i = 0; i < WIDE; i++) {
		if (i > 0)
			mt_buf_addc(in, delim);
		n = snprintf(name, sizeof name, "f%zu", i);
		mt_buf_add(in, name, (size_t)n);
	}
	mt_buf_add(in, end, strlen(end));
}

START_TEST(test_wide_header)
{
	struct mt_buf in = { 0 }, want = { 0 }, names = { 0 };
	struct mt_str *f = calloc(WIDE, sizeof *f);
	size_t i, *off = calloc(WIDE, sizeof *off), hlen;
	char name[16];
	int n;

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(off);
	wide_header(&in, ';', "\r\n");
	hlen = in.len;
	mt_buf_add(&in, "1;2\r\n", 5);
	for (i = 0; i < WIDE; i++) {
		n = snprintf(name, sizeof name, "f%zu", i);
		off[i] = names.len;
		mt_buf_add(&names, name, (size_t)n);
		f[i].n = (size_t)n;
	}
	for (i = 0; i < WIDE; i++)
		f[i].p = names.buf + off[i];
	log_row(&want, 1, f, WIDE, in.buf, hlen);
	f[0].p = "1"; f[0].n = 1;
	f[1].p = "2"; f[1].n = 1;
	log_row(&want, 2, f, 2, "1;2\r\n", 5);
	log_end(&want, 2, 0, 0, ';', 0);

	check_big("100,000-field header", 0, in.buf, in.len, &want);
	free(f);
	free(off);
	mt_buf_free(&in);
	mt_buf_free(&want);
	mt_buf_free(&names);
}
END_TEST

static int
count_row(void *ctx, const struct mt_csv_row *row)
{
	(*(unsigned long *)ctx)++;
	return 0;
}

static int
count_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	return 0;
}

/* CPU seconds to feed in one byte at a time. */
static double
bytewise_seconds(const char *in, size_t n, unsigned long *rows)
{
	struct mt_csvin *c = mt_csvin_new(0, count_row, count_bad, rows);
	clock_t t0 = clock();
	size_t i;

	for (i = 0; i < n; i++)
		if (mt_csvin_feed(c, in + i, 1) != 0)
			ck_abort_msg("feed at byte %zu failed", i);
	ck_assert_int_eq(mt_csvin_finish(c, false), 0);
	mt_csvin_free(c);
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/*
 * The dialect is settled from the first line, which may arrive a byte at
 * a time: the bytes held back must not be scanned again at every feed
 * (quadratic: seconds for this 600 KB header). The first line must cost
 * about what the same line costs as a data row.
 */
START_TEST(test_first_line_linear)
{
	struct mt_buf hdr = { 0 }, row = { 0 };
	unsigned long hrows = 0, rrows = 0;
	double th, tr;

	wide_header(&hdr, ',', "\n");
	mt_buf_add(&row, "x\n", 2);
	mt_buf_add(&row, hdr.buf, hdr.len);
	tr = bytewise_seconds(row.buf, row.len, &rrows);
	th = bytewise_seconds(hdr.buf, hdr.len, &hrows);
	ck_assert_uint_eq(rrows, 2);
	ck_assert_uint_eq(hrows, 1);
	ck_assert_msg(th <= 10 * tr + 0.25,
	    "a %zu-byte first line fed byte by byte took %.2f s of CPU, "
	    "the same line as the second row %.2f s", hdr.len, th, tr);
	mt_buf_free(&hdr);
	mt_buf_free(&row);
}
END_TEST

/* The same after a blank line, where the header's start moves. */
START_TEST(test_header_after_blank_line_linear)
{
	struct mt_buf hdr = { 0 }, row = { 0 };
	unsigned long hrows = 0, rrows = 0;
	double th, tr;

	mt_buf_add(&hdr, "\n", 1);
	wide_header(&hdr, ',', "\n");
	mt_buf_add(&row, "x\n", 2);
	mt_buf_add(&row, hdr.buf + 1, hdr.len - 1);
	tr = bytewise_seconds(row.buf, row.len, &rrows);
	th = bytewise_seconds(hdr.buf, hdr.len, &hrows);
	ck_assert_uint_eq(rrows, 2);
	ck_assert_uint_eq(hrows, 1);
	ck_assert_msg(th <= 10 * tr + 0.25,
	    "a %zu-byte header after a blank line, fed byte by byte, took "
	    "%.2f s of CPU, the same line as the second row %.2f s",
	    hdr.len - 1, th, tr);
	mt_buf_free(&hdr);
	mt_buf_free(&row);
}
END_TEST

static int
count_bad_calls(void *ctx, unsigned long line, const char *reason,
    struct mt_str raw)
{
	(*(unsigned long *)ctx)++;
	return 0;
}

/*
 * A header with an unbalanced quote (a stray quote in a name) must not
 * look like a header that never ends: the input would be held back to
 * mt_csvin_finish, with memory growing with it. Whatever the delimiter
 * chosen, rows come out as the input goes in.
 */
START_TEST(test_stray_quote_in_header_streams)
{
	static const char header[] = "Shipper's \"Ref;Weight\n";
	const unsigned long nrows = 1000000;
	unsigned long calls = 0, i;
	struct mt_csvin *c = mt_csvin_new(0, count_row, count_bad_calls,
	    &calls);

	ck_assert_int_eq(mt_csvin_feed(c, header, sizeof header - 1), 0);
	for (i = 0; i < nrows; i++)
		if (mt_csvin_feed(c, "1;2\n", 4) != 0)
			ck_abort_msg("feed failed");
	ck_assert_msg(calls >= nrows / 2, "%lu of %lu rows handed out before "
	    "the end of the input", calls, nrows + 1);
	ck_assert_int_eq(mt_csvin_finish(c, false), 0);
	ck_assert_uint_eq(calls, nrows + 1);
	mt_csvin_free(c);
}
END_TEST

static Suite *
csvin_suite(void)
{
	Suite *s = suite_create("csvin");
	TCase *tc;

	tc = tcase_create("table");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_table, 0, NELEM(cases));
	tcase_add_loop_test(tc, test_table_two_cuts, 0, NELEM(cases));
	tcase_add_test(tc, test_stop);
	suite_add_tcase(s, tc);

	tc = tcase_create("big");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_big_field);
	tcase_add_test(tc, test_stray_quote_in_header_streams);
	suite_add_tcase(s, tc);

	tc = tcase_create("wide");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_wide_header);
	tcase_add_test(tc, test_first_line_linear);
	tcase_add_test(tc, test_header_after_blank_line_linear);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(csvin_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
