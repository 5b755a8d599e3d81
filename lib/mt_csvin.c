/*
 * mt_csvin: libcsv fed one physical line at a time, so that every row's
 * first line and raw text are known without libcsv reporting positions.
 * A line split across two chunks is the only one copied before parsing.
 */
#include "config.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_csvin.h"

struct mt_csvin {
	struct csv_parser p;
	char delim;
	char eol;		/* '\n', or '\r' for CR-only files; 0 unknown */
	bool lf_only;		/* LF files: a lone CR is data, not a line end */
	bool cr_data;		/* the parser is set so (see lone_cr_mode) */
	size_t scanned;		/* bytes held back already looked at */
	size_t hdr_start;	/* where the header may start in them */
	bool hdr_quoted;	/* the scan is inside quotes */
	bool hdr_text;		/* the header has begun */
	unsigned hdr_breaks;	/* line breaks inside its quotes so far */
	bool started;		/* byte order mark and dialect settled */
	bool stopped;		/* a callback returned -1 */
	struct mt_buf pending;	/* a line not yet complete */
	size_t blk;		/* libcsv's growth step for field buffers */
	unsigned long line;	/* line being fed */
	bool in_row;
	unsigned long row_line;
	struct mt_buf raw;	/* lines of a row that spans several */
	struct mt_str line_now;	/* the line being parsed */
	struct mt_buf arena;	/* field bytes of the row */
	size_t *off;
	struct mt_str *fields;
	size_t nfields;
	size_t fieldcap;
	mt_csv_row_fn row_fn;
	mt_csv_bad_fn bad_fn;
	void *ctx;
	struct mt_csvin_stats stats;
};

/* No trimming in the parser: values stay byte-exact. */
static int
never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int
is_lf(unsigned char c)
{
	return c == '\n';
}

/*
 * In LF files CR is the only "space" libcsv sees: trimmed at the ends of
 * an unquoted field and after a closing quote (so CRLF line ends still
 * read), kept inside a field and everywhere inside quotes.
 */
static int
is_cr(unsigned char c)
{
	return c == '\r';
}

static void
parser_start(struct mt_csvin *c)
{
	csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&c->p, (unsigned char)c->delim);
	csv_set_space_func(&c->p, never_space);
	c->cr_data = false;
	/*
	 * libcsv grows a field's buffer by a fixed step: 4 KiB, raised to
	 * the length of a long line, or of the buffer, before a line is
	 * fed, so that a 64 MiB field costs a few reallocations, not
	 * 16,000.
	 */
	c->blk = 4096;
	csv_set_blk_size(&c->p, c->blk);
}

struct mt_csvin *
mt_csvin_new(char delim, mt_csv_row_fn row, mt_csv_bad_fn bad, void *ctx)
{
	struct mt_csvin *c = mt_xcalloc(1, sizeof *c);

	c->delim = delim;
	mt_buf_reserve(&c->arena, 4096);	/* fields always point into it */
	c->row_fn = row;
	c->bad_fn = bad;
	c->ctx = ctx;
	c->line = 1;
	return c;
}

static void
row_reset(struct mt_csvin *c)
{
	c->in_row = false;
	c->nfields = 0;
	c->arena.len = 0;
	c->raw.len = 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct mt_csvin *c = data;

	if (c->stopped)
		return;
	if (!c->in_row) {
		/* A row that began after a bare CR inside a line. */
		c->in_row = true;
		c->row_line = c->line;
	}
	if (c->nfields == c->fieldcap) {
		c->fieldcap = c->fieldcap ? 2 * c->fieldcap : 64;
		c->off = mt_xrealloc(c->off, c->fieldcap * sizeof *c->off);
		c->fields = mt_xrealloc(c->fields,
		    c->fieldcap * sizeof *c->fields);
	}
	c->off[c->nfields] = c->arena.len;
	c->fields[c->nfields].n = len;
	c->nfields++;
	/* Called for every field: append in place when there is room. */
	if (len > c->arena.cap - c->arena.len)
		mt_buf_reserve(&c->arena, len);
	if (len > 0)
		memcpy(c->arena.buf + c->arena.len, s, len);
	c->arena.len += len;
}

static bool
all_blank(const struct mt_str *f, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < f[i].n; j++)
			if (f[i].p[j] != ' ' && f[i].p[j] != '\t' &&
			    f[i].p[j] != '\r' && f[i].p[j] != '\n')
				return false;
	return true;
}

static void
on_row(int term, void *data)
{
	struct mt_csvin *c = data;
	struct mt_csv_row row;
	size_t i;

	(void)term;
	if (c->stopped)
		return;
	for (i = 0; i < c->nfields; i++)
		c->fields[i].p = c->arena.buf + c->off[i];
	if (c->stats.rows > 0 && all_blank(c->fields, c->nfields)) {
		c->stats.blank++;
	} else {
		row.fields = c->fields;
		row.nfields = c->nfields;
		row.line = c->row_line;
		if (c->raw.len > 0) {
			row.raw.p = c->raw.buf;
			row.raw.n = c->raw.len;
		} else
			row.raw = c->line_now;
		c->stats.rows++;
		if (c->row_fn(c->ctx, &row) < 0)
			c->stopped = true;
	}
	row_reset(c);
}

static void
reject(struct mt_csvin *c, const char *reason)
{
	struct mt_str raw = c->line_now;

	if (c->raw.len > 0) {
		raw.p = c->raw.buf;
		raw.n = c->raw.len;
	}

	c->stats.bad++;
	if (c->bad_fn(c->ctx, c->row_line, reason, raw) < 0)
		c->stopped = true;
	row_reset(c);
}

static bool
blank_line(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return false;
	return true;
}

/*
 * In an LF file, a line with a CR that is not part of its CRLF end is
 * parsed with LF as the only line end and CR as libcsv's only "space"
 * (see is_cr); other lines keep libcsv's own tests, which are inline and
 * so cheaper than a call per byte.
 */
static void
lone_cr_mode(struct mt_csvin *c, const char *p, size_t n)
{
	const char *cr = memchr(p, '\r', n);
	bool lone = cr != NULL && !(cr + 2 == p + n && cr[1] == '\n');

	if (lone == c->cr_data)
		return;
	csv_set_term_func(&c->p, lone ? is_lf : NULL);
	csv_set_space_func(&c->p, lone ? is_cr : never_space);
	c->cr_data = lone;
}

/* One physical line, with its line end if it has one. */
static void
feed_line(struct mt_csvin *c, const char *p, size_t n, bool has_eol)
{
	size_t used;
	char reason[160];

	if (!c->in_row) {
		if (blank_line(p, n)) {
			if (n > 0)
				c->stats.blank++;
			if (has_eol)
				c->line++;
			return;
		}
		c->in_row = true;
		c->row_line = c->line;
	} else
		mt_buf_add(&c->raw, p, n);	/* the row goes on */
	c->line_now.p = p;
	c->line_now.n = n;
	if (c->lf_only)
		lone_cr_mode(c, p, n);
	/*
	 * Steps as long as the line, or as the buffer already is: a field
	 * over many lines grows geometrically too.
	 */
	if (n > c->blk || csv_get_buffer_size(&c->p) > c->blk) {
		size_t want = n > csv_get_buffer_size(&c->p) ? n :
		    csv_get_buffer_size(&c->p);

		while (c->blk < want)
			c->blk *= 2;
		csv_set_blk_size(&c->p, c->blk);
	}
	used = csv_parse(&c->p, p, n, on_field, on_row, c);
	if (used < n && !c->stopped) {
		if (p[used] == '"')
			snprintf(reason, sizeof reason,
			    "line %lu, byte %zu: quote inside an unquoted field "
			    "(quote the whole field and double the quote)",
			    c->line, used + 1);
		else
			snprintf(reason, sizeof reason,
			    "line %lu, byte %zu: text after the closing quote of "
			    "a quoted field", c->line, used + 1);
		if (!c->in_row) {
			c->in_row = true;
			c->row_line = c->line;
		}
		reject(c, reason);
		csv_free(&c->p);
		parser_start(c);
	}
	/* A row that goes on to the next line keeps this one's text, which
	 * is valid only until the next chunk arrives. */
	if (c->in_row && c->raw.len == 0)
		mt_buf_add(&c->raw, p, n);
	if (has_eol)
		c->line++;
}

/*
 * Whether a quote at i opens a quoted field: it starts the header or
 * follows a candidate delimiter or a blank. A quote inside a name
 * ("Size 20\"") opens nothing.
 */
static bool
opens_field(const char *p, size_t start, size_t i)
{
	char prev;

	if (i == start)
		return true;
	prev = p[i - 1];
	return prev == ',' || prev == ';' || prev == '\t' || prev == '|' ||
	    prev == ' ';
}

/* The delimiter seen most often outside quotes (ties: , ; TAB |). */
static char
count_delimiters(const char *p, size_t n)
{
	static const char cand[] = { ',', ';', '\t', '|' };
	size_t count[4] = { 0 }, i, k, best = 0;
	bool quoted = false;

	for (i = 0; i < n; i++) {
		if (p[i] == '"' && (quoted || opens_field(p, 0, i)))
			quoted = !quoted;
		else if (!quoted)
			for (k = 0; k < 4; k++)
				if (p[i] == cand[k])
					count[k]++;
	}
	for (k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

/* Line breaks a quoted header name may hold before the quote is taken
 * for a stray one. */
#define MAX_HEADER_BREAKS	8

/*
 * The dialect, from the start of the input: the line end from the first
 * line end, the delimiter from the header, the first row that is not
 * blank (a quoted header name may hold a line break). False while more
 * input is needed to tell. The scan resumes where it stopped (c->scanned
 * and the header state), so input fed a byte at a time is read once.
 */
static bool
settle(struct mt_csvin *c, const char *p, size_t n, bool at_end)
{
	char ch;

	if (c->eol == 0) {
		for (; c->scanned < n; c->scanned++)
			if (p[c->scanned] == '\n' || p[c->scanned] == '\r')
				break;
		if (c->scanned == n && !at_end)
			return false;
		if (c->scanned < n && p[c->scanned] == '\r') {
			if (c->scanned + 1 == n && !at_end)
				return false;	/* CRLF or CR: the next byte tells */
			c->eol = c->scanned + 1 < n && p[c->scanned + 1] == '\n' ?
			    '\n' : '\r';
		} else {
			c->eol = '\n';
			c->lf_only = true;
		}
		c->scanned = 0;
	}
	if (c->delim == 0) {
		for (; c->scanned < n; c->scanned++) {
			ch = p[c->scanned];
			if (ch == '"' && (c->hdr_quoted ||
			    opens_field(p, c->hdr_start, c->scanned))) {
				c->hdr_quoted = !c->hdr_quoted;
				c->hdr_text = true;
			} else if (ch == c->eol && c->hdr_quoted &&
			    ++c->hdr_breaks > MAX_HEADER_BREAKS) {
				/* A stray quote, not a quoted name: the
				 * header is its first line. */
				c->scanned = (size_t)((const char *)memchr(p +
				    c->hdr_start, c->eol, n - c->hdr_start) - p);
				break;
			} else if (ch == c->eol && !c->hdr_quoted) {
				if (c->hdr_text)
					break;
				c->hdr_start = c->scanned + 1;	/* blank */
			} else if (ch != ' ' && ch != '\t' && ch != '\r' &&
			    ch != '\n')
				c->hdr_text = true;
		}
		if (c->scanned == n && !at_end)
			return false;
		c->delim = count_delimiters(p + c->hdr_start,
		    c->scanned - c->hdr_start);
	}
	parser_start(c);
	c->started = true;
	return true;
}

/* Feed whole lines from p; keep an incomplete last line in pending. */
static void
feed_lines(struct mt_csvin *c, const char *p, size_t n)
{
	const char *end = p + n, *e;

	while (p < end && !c->stopped) {
		e = memchr(p, c->eol, (size_t)(end - p));
		if (e == NULL) {
			mt_buf_add(&c->pending, p, (size_t)(end - p));
			return;
		}
		feed_line(c, p, (size_t)(e + 1 - p), true);
		p = e + 1;
	}
}

int
mt_csvin_feed(struct mt_csvin *c, const char *p, size_t n)
{
	const char *e;
	size_t k;

	if (c->stopped)
		return -1;
	if (!c->started) {
		mt_buf_add(&c->pending, p, n);
		if (c->pending.len == 0)
			return 0;
		k = 0;
		if (c->pending.len >= 3 &&
		    memcmp(c->pending.buf, "\xef\xbb\xbf", 3) == 0)
			k = 3;
		else if (c->pending.len < 3 &&
		    memcmp(c->pending.buf, "\xef\xbb\xbf", c->pending.len) == 0)
			return 0;	/* maybe a byte order mark: wait */
		if (!settle(c, c->pending.buf + k, c->pending.len - k, false))
			return 0;
		/* Replay what was held back, as ordinary input. */
		{
			struct mt_buf held = c->pending;

			memset(&c->pending, 0, sizeof c->pending);
			feed_lines(c, held.buf + k, held.len - k);
			mt_buf_free(&held);
		}
		return c->stopped ? -1 : 0;
	}
	if (c->pending.len > 0) {
		size_t len;

		e = memchr(p, c->eol, n);
		if (e == NULL) {
			mt_buf_add(&c->pending, p, n);
			return 0;
		}
		k = (size_t)(e + 1 - p);
		mt_buf_add(&c->pending, p, k);
		len = c->pending.len;
		c->pending.len = 0;	/* bytes stay valid until the next add */
		feed_line(c, c->pending.buf, len, true);
		p += k;
		n -= k;
	}
	feed_lines(c, p, n);
	return c->stopped ? -1 : 0;
}

int
mt_csvin_finish(struct mt_csvin *c, bool damaged)
{
	size_t len;
	char reason[128];

	if (c->stopped)
		return -1;
	if (!c->started) {
		struct mt_buf held = c->pending;
		size_t k = 0;

		memset(&c->pending, 0, sizeof c->pending);
		/* Only a whole byte order mark is one: a part of it is data. */
		if (held.len >= 3 && memcmp(held.buf, "\xef\xbb\xbf", 3) == 0)
			k = 3;
		settle(c, held.len ? held.buf + k : "", held.len - k, true);
		/* The input held back for the dialect, line by line. */
		if (held.len > k)
			feed_lines(c, held.buf + k, held.len - k);
		mt_buf_free(&held);
	}
	if (c->pending.len > 0 && !c->stopped) {
		len = c->pending.len;
		c->pending.len = 0;
		feed_line(c, c->pending.buf, len, false);
	}
	if (c->stopped)
		return -1;
	if (!c->in_row)
		return 0;
	if (damaged) {
		reject(c, "row cut short by the damaged end of the input");
	} else if (csv_fini(&c->p, on_field, on_row, c) != 0) {
		snprintf(reason, sizeof reason,
		    "quoted field not closed before the end of the input");
		reject(c, reason);
	}
	return c->stopped ? -1 : 0;
}

char
mt_csvin_delim(const struct mt_csvin *c)
{
	return c->started ? c->delim : 0;
}

const struct mt_csvin_stats *
mt_csvin_stats(const struct mt_csvin *c)
{
	return &c->stats;
}

void
mt_csvin_free(struct mt_csvin *c)
{
	if (c == NULL)
		return;
	if (c->started)
		csv_free(&c->p);
	mt_buf_free(&c->pending);
	mt_buf_free(&c->raw);
	mt_buf_free(&c->arena);
	free(c->off);
	free(c->fields);
	free(c);
}
