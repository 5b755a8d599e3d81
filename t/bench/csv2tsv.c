/*
 * csv2tsv: the benchmark's yardstick, a bare libcsv loop. It reads CSV on
 * standard input and writes each row as a record-stream line: fields
 * joined by tabs, with tab, newline, carriage return and backslash
 * escaped as \t \n \r \\.
 *
 * The parser options are those manifest-parse uses (CSV_STRICT,
 * CSV_STRICT_FINI, no trimming of spaces), so that the ratio of the two
 * measures what manifest-parse does beyond parsing and escaping, not a
 * different parse. It also serves to prove the generator's output is
 * CSV that a strict parser accepts: any error exits 2.
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_SIZE		(256 * 1024)
#define OUT_FLUSH	(64 * 1024)

struct out {
	char *buf;
	size_t len;
	size_t cap;
	size_t nfield;		/* fields written in the current row */
	unsigned long long rows;
};

static void
fail(const char *what, const char *why)
{
	fprintf(stderr, "csv2tsv: %s: %s\n", what, why);
	exit(2);
}

static void
out_flush(struct out *o)
{
	size_t off = 0;
	ssize_t n;

	while (off < o->len) {
		n = write(STDOUT_FILENO, o->buf + off, o->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fail("write", strerror(errno));
		}
		off += (size_t)n;
	}
	o->len = 0;
}

/* Room for n more bytes; a field of any size fits. */
static void
out_reserve(struct out *o, size_t n)
{
	char *p;
	size_t cap;

	cap = o->cap;
	while (cap - o->len < n)
		cap *= 2;
	if ((p = realloc(o->buf, cap)) == NULL)
		fail("realloc", strerror(errno));
	o->buf = p;
	o->cap = cap;
}

/* Bytes the record stream escapes, and the letter after the backslash. */
static const unsigned char escaped[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
};

static void
on_field(void *s, size_t n, void *data)
{
	struct out *o = data;
	const unsigned char *p = s, *end = p + n;
	char *w;

	/* Every byte may double, plus the tab before the field. */
	if (o->cap - o->len < 2 * n + 1)
		out_reserve(o, 2 * n + 1);
	w = o->buf + o->len;
	if (o->nfield++ > 0)
		*w++ = '\t';
	/*
	 * Fields are short (a few bytes on average): a copying loop with one
	 * table look-up per byte beats scanning first and calling memcpy.
	 */
	for (; p < end; p++) {
		if (escaped[*p] == 0) {
			*w++ = (char)*p;
		} else {
			*w++ = '\\';
			*w++ = (char)escaped[*p];
		}
	}
	o->len = (size_t)(w - o->buf);
}

static void
on_row(int c, void *data)
{
	struct out *o = data;

	if (o->cap == o->len)
		out_reserve(o, 1);
	o->buf[o->len++] = '\n';
	o->nfield = 0;
	o->rows++;
	if (o->len >= OUT_FLUSH)
		out_flush(o);
}

/* No trimming: spaces around a field are data. */
static int
no_space(unsigned char c)
{
	return 0;
}

static void
parse_error(struct csv_parser *p, const struct out *o)
{
	char where[64];

	snprintf(where, sizeof(where), "after %llu rows", o->rows);
	fail(where, csv_strerror(csv_error(p)));
}

int
main(int argc, char *argv[])
{
	struct csv_parser p;
	struct out o;
	char *in;
	ssize_t n;

	if (argc != 1) {
		fputs("usage: csv2tsv < CSV > TSV\n", stderr);
		return 2;
	}
	memset(&o, 0, sizeof(o));
	o.cap = 2 * OUT_FLUSH;
	if ((o.buf = malloc(o.cap)) == NULL || (in = malloc(IN_SIZE)) == NULL)
		fail("malloc", strerror(errno));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		fail("csv_init", "out of memory");
	csv_set_space_func(&p, no_space);

	for (;;) {
		n = read(STDIN_FILENO, in, IN_SIZE);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fail("read", strerror(errno));
		}
		if (n == 0)
			break;
		if (csv_parse(&p, in, (size_t)n, on_field, on_row, &o) !=
		    (size_t)n)
			parse_error(&p, &o);
	}
	/* An unterminated quote at the end shows only here. */
	if (csv_fini(&p, on_field, on_row, &o) != 0)
		parse_error(&p, &o);
	out_flush(&o);
	csv_free(&p);
	free(in);
	free(o.buf);
	return 0;
}
