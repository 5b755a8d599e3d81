/*
 * mt_rec: record stream reading and writing. Lines are found with memchr
 * in the chunks mt_zio hands out; only a line that spans two chunks is
 * copied.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rec.h"
#include "mt_swar.h"
#include "mt_zio.h"

/* Bytes that need a backslash in a value. */
static const unsigned char needs_escape[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
};

/* Bytes that may need a backslash: controls below 0x0e, and '\\'. */
static inline uint64_t
escape_mask(uint64_t v)
{
	return mt_swar_lt(v, 0x0e) | mt_swar_eq(v, '\\');
}

size_t
mt_rec_escape(char *out, const char *p, size_t n)
{
	char *o = out;
	size_t i = 0, start = 0;
	unsigned char e;

	while (i < n) {
		/* Most values have nothing to escape: skip them 8 bytes a step. */
		while (i + 8 <= n && escape_mask(mt_swar_load(p + i)) == 0)
			i += 8;
		if (i + 8 <= n) {
			i += mt_swar_first(escape_mask(mt_swar_load(p + i)));
		} else {
			while (i < n && needs_escape[(unsigned char)p[i]] == 0)
				i++;
			if (i == n)
				break;
		}
		if ((e = needs_escape[(unsigned char)p[i]]) != 0) {
			memcpy(o, p + start, i - start);
			o += i - start;
			*o++ = '\\';
			*o++ = (char)e;
			start = i + 1;
		}
		i++;
	}
	memcpy(o, p + start, n - start);
	return (size_t)(o - out) + n - start;
}

void
mt_rec_put(struct mt_out *o, const char *p, size_t n)
{
	mt_out_reserve(o, 2 * n);
	o->len += mt_rec_escape(o->buf + o->len, p, n);
}

void
mt_rec_put_header(struct mt_out *o, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			mt_out_putc(o, '\t');
		mt_out_puts(o, names[i]);
	}
	mt_out_putc(o, '\n');
}

size_t
mt_rec_unescape(const char *p, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '\\' || i + 1 == n) {
			out[k++] = p[i];
			continue;
		}
		switch (p[i + 1]) {
		case 't': out[k++] = '\t'; i++; break;
		case 'n': out[k++] = '\n'; i++; break;
		case 'r': out[k++] = '\r'; i++; break;
		case '\\': out[k++] = '\\'; i++; break;
		default: out[k++] = '\\'; break;
		}
	}
	return k;
}

bool
mt_rec_valid_name(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || p[0] < 'a' || p[0] > 'z')
		return false;
	for (i = 1; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return false;
	return true;
}

struct mt_rec_reader {
	struct mt_zio *z;
	const char *chunk;	/* unread part of the current chunk */
	size_t chunklen;
	struct mt_buf carry;	/* a line that spans chunks */
	struct mt_str line;	/* current line, without its LF */
	unsigned long lineno;
	char *header;		/* copy of the header line */
	size_t headerlen;
	struct mt_str *names;
	size_t nnames;
	struct mt_str *fields;
	size_t nfields;
	size_t fieldcap;
	char err[256];
};

struct mt_rec_reader *
mt_rec_open(const char *path, char *err, size_t errsz)
{
	struct mt_rec_reader *r;
	struct mt_zio *z;

	if ((z = mt_zio_open(path, err, errsz)) == NULL)
		return NULL;
	r = mt_xcalloc(1, sizeof *r);
	r->z = z;
	return r;
}

/* Next physical line into r->line; MT_REC_OK, MT_REC_EOF or MT_REC_ERROR. */
static int
read_line(struct mt_rec_reader *r)
{
	const char *nl;
	ssize_t n;

	r->carry.len = 0;
	for (;;) {
		if (r->chunklen > 0) {
			nl = memchr(r->chunk, '\n', r->chunklen);
			if (nl != NULL) {
				size_t len = (size_t)(nl - r->chunk);

				if (r->carry.len > 0) {
					mt_buf_add(&r->carry, r->chunk, len);
					r->line.p = r->carry.buf;
					r->line.n = r->carry.len;
				} else {
					r->line.p = r->chunk;
					r->line.n = len;
				}
				r->chunk = nl + 1;
				r->chunklen -= len + 1;
				r->lineno++;
				return MT_REC_OK;
			}
			mt_buf_add(&r->carry, r->chunk, r->chunklen);
			r->chunklen = 0;
		}
		n = mt_zio_read(r->z, &r->chunk);
		if (n < 0) {
			snprintf(r->err, sizeof r->err, "%s", mt_zio_error(r->z));
			return MT_REC_ERROR;
		}
		if (n == 0) {
			/* A last line without its LF still counts. */
			if (r->carry.len == 0)
				return MT_REC_EOF;
			r->line.p = r->carry.buf;
			r->line.n = r->carry.len;
			r->lineno++;
			return MT_REC_OK;
		}
		r->chunklen = (size_t)n;
	}
}

/* Split r->line at tabs into r->fields. */
static void
split(struct mt_rec_reader *r)
{
	const char *p = r->line.p, *end = p + r->line.n, *tab;
	size_t k = 0;

	for (;;) {
		if (k == r->fieldcap) {
			r->fieldcap = r->fieldcap ? r->fieldcap * 2 : 64;
			r->fields = mt_xrealloc(r->fields,
			    r->fieldcap * sizeof *r->fields);
		}
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL) {
			r->fields[k].p = p;
			r->fields[k++].n = (size_t)(end - p);
			break;
		}
		r->fields[k].p = p;
		r->fields[k++].n = (size_t)(tab - p);
		p = tab + 1;
	}
	r->nfields = k;
}

static bool
same_name(const struct mt_str *x, const struct mt_str *y)
{
	return x->n == y->n && memcmp(x->p, y->p, x->n) == 0;
}

/* By name, then by place in the header (the names are one array). */
static int
cmp_name(const void *a, const void *b)
{
	const struct mt_str *x = *(const struct mt_str *const *)a;
	const struct mt_str *y = *(const struct mt_str *const *)b;
	int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);

	if (c != 0)
		return c;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x < y ? -1 : x > y;
}

int
mt_rec_read_header(struct mt_rec_reader *r)
{
	const struct mt_str **order;
	size_t i, bad, dup;
	int rc;

	if ((rc = read_line(r)) != MT_REC_OK) {
		/* Header errors name their line, as the others below do. */
		if (rc == MT_REC_ERROR) {
			char msg[sizeof r->err];

			snprintf(msg, sizeof msg, "%s", r->err);
			snprintf(r->err, sizeof r->err, "1: %.*s",
			    (int)(sizeof r->err - 4), msg);
		}
		return rc;
	}
	r->header = mt_xstrndup(r->line.p, r->line.n);
	r->headerlen = r->line.n;
	r->line.p = r->header;
	split(r);
	r->names = mt_xmalloc(r->nfields * sizeof *r->names);
	memcpy(r->names, r->fields, r->nfields * sizeof *r->names);
	r->nnames = r->nfields;
	/*
	 * The first bad name in the header wins: an invalid one, or the
	 * second of two equal ones, found in sorted order (by name, then
	 * place) so that a wide header costs n log n, not n squared.
	 */
	for (bad = 0; bad < r->nnames; bad++)
		if (!mt_rec_valid_name(r->names[bad].p, r->names[bad].n))
			break;
	order = mt_xmalloc((r->nnames ? r->nnames : 1) * sizeof *order);
	for (i = 0; i < r->nnames; i++)
		order[i] = &r->names[i];
	qsort(order, r->nnames, sizeof *order, cmp_name);
	dup = r->nnames;
	for (i = 1; i < r->nnames; i++)
		if (same_name(order[i - 1], order[i]) &&
		    (size_t)(order[i] - r->names) < dup)
			dup = (size_t)(order[i] - r->names);
	free(order);
	if (bad < r->nnames && bad < dup) {
		char shown[41];
		size_t k, len = r->names[bad].n > 40 ? 40 : r->names[bad].n;

		/*
		 * Not sent to the terminal as they are: control bytes, and
		 * bytes outside ASCII (a byte order mark would not show).
		 */
		for (k = 0; k < len; k++) {
			unsigned char c = (unsigned char)r->names[bad].p[k];

			shown[k] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
		}
		shown[len] = '\0';
		snprintf(r->err, sizeof r->err,
		    "1: field %zu: invalid name '%s' (names are "
		    "[a-z][a-z0-9_]*): is this a record stream?", bad + 1,
		    shown);
		return MT_REC_ERROR;
	}
	if (dup < r->nnames) {
		snprintf(r->err, sizeof r->err,
		    "1: field name '%.*s' appears twice",
		    (int)r->names[dup].n, r->names[dup].p);
		return MT_REC_ERROR;
	}
	return MT_REC_OK;
}

const struct mt_str *
mt_rec_names(const struct mt_rec_reader *r, size_t *n)
{
	*n = r->nnames;
	return r->names;
}

struct mt_str
mt_rec_header_line(const struct mt_rec_reader *r)
{
	struct mt_str s = { r->header, r->headerlen };

	return s;
}

int
mt_rec_next_line(struct mt_rec_reader *r, struct mt_str *line)
{
	int rc;

	do {
		if ((rc = read_line(r)) != MT_REC_OK)
			return rc;
	} while (r->line.n == r->headerlen &&
	    memcmp(r->line.p, r->header, r->headerlen) == 0);
	*line = r->line;
	return MT_REC_OK;
}

/*
 * Split the first span fields of a line and count all its tabs, in one
 * pass: the tabs of each block of bytes come as a bit mask (SSE2's 16
 * bytes where the machine has it, eight bytes in a word elsewhere); the
 * fields wanted are cut at its bits, the rest only counted.
 */
#if defined(__SSE2__)
#include <emmintrin.h>

#define BLOCK 16

static inline unsigned
tab_mask(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('\t')));
}

static inline size_t
bits(unsigned m)
{
	/* No POPCNT in the x86-64 baseline: fold the bits by hand. */
	m = m - ((m >> 1) & 0x5555);
	m = (m & 0x3333) + ((m >> 2) & 0x3333);
	m = (m + (m >> 4)) & 0x0f0f;
	return (m + (m >> 8)) & 0x1f;
}

static inline unsigned
first_bit(unsigned m)
{
	return (unsigned)__builtin_ctz(m);
}
#else
#define BLOCK 8

static inline uint64_t
tab_mask(const char *p)
{
	return mt_swar_eq(mt_swar_load(p), '\t');
}

static inline size_t
bits(uint64_t m)
{
	return (size_t)(((m >> 7) * MT_SWAR_ONES) >> 56);
}

static inline unsigned
first_bit(uint64_t m)
{
	return mt_swar_first(m);
}
#endif

static size_t
split_count(const char *p, size_t n, struct mt_str *f, size_t span)
{
	size_t i = 0, k = 0, tabs = 0, start = 0, j;
#if defined(__SSE2__)
	unsigned m;
#else
	uint64_t m;
#endif

	if (span > 0) {
		for (; i + BLOCK <= n && k + 1 < span; i += BLOCK) {
			m = tab_mask(p + i);
			while (m != 0 && k + 1 < span) {
				j = i + first_bit(m);
				f[k].p = p + start;
				f[k++].n = j - start;
				start = j + 1;
				tabs++;
				m &= m - 1;
			}
			if (m != 0) {	/* tabs past the last field wanted */
				tabs += bits(m);
				i += BLOCK;
				break;
			}
		}
		for (; i < n && k + 1 < span; i++)
			if (p[i] == '\t') {
				f[k].p = p + start;
				f[k++].n = i - start;
				start = i + 1;
				tabs++;
			}
	}
	for (; i + BLOCK <= n; i += BLOCK)
		tabs += bits(tab_mask(p + i));
	for (; i < n; i++)
		tabs += p[i] == '\t';
	if (span > 0) {
		/* The last field wanted ends at the next tab or the line end. */
		const char *e = memchr(p + start, '\t', n - start);

		f[k].p = p + start;
		f[k].n = (e ? (size_t)(e - p) : n) - start;
	}
	return tabs;
}

size_t
mt_rec_split_line(const char *p, size_t n, struct mt_str *fields, size_t span)
{
	return split_count(p, n, fields, span) + 1;
}

int
mt_rec_split_span(struct mt_rec_reader *r, size_t span)
{
	size_t tabs;

	if (span > r->nnames)
		span = r->nnames;
	if (r->fieldcap < r->nnames) {
		r->fieldcap = r->nnames;
		r->fields = mt_xrealloc(r->fields,
		    r->fieldcap * sizeof *r->fields);
	}
	tabs = split_count(r->line.p, r->line.n, r->fields, span);
	if (tabs + 1 != r->nnames) {
		snprintf(r->err, sizeof r->err,
		    "%lu: %zu field%s, header has %zu", r->lineno,
		    tabs + 1, tabs == 0 ? "" : "s", r->nnames);
		return MT_REC_BAD;
	}
	r->nfields = span;
	return MT_REC_OK;
}

int
mt_rec_split(struct mt_rec_reader *r)
{
	split(r);
	if (r->nfields != r->nnames) {
		snprintf(r->err, sizeof r->err,
		    "%lu: %zu field%s, header has %zu", r->lineno,
		    r->nfields, r->nfields == 1 ? "" : "s", r->nnames);
		return MT_REC_BAD;
	}
	return MT_REC_OK;
}

int
mt_rec_next(struct mt_rec_reader *r)
{
	struct mt_str line;
	int rc;

	if ((rc = mt_rec_next_line(r, &line)) != MT_REC_OK)
		return rc;
	return mt_rec_split(r);
}

const struct mt_str *
mt_rec_fields(const struct mt_rec_reader *r)
{
	return r->fields;
}

size_t
mt_rec_nfields(const struct mt_rec_reader *r)
{
	return r->nfields;
}

struct mt_str
mt_rec_line(const struct mt_rec_reader *r)
{
	return r->line;
}

unsigned long
mt_rec_lineno(const struct mt_rec_reader *r)
{
	return r->lineno;
}

const char *
mt_rec_error(const struct mt_rec_reader *r)
{
	return r->err;
}

struct mt_zio *
mt_rec_zio(const struct mt_rec_reader *r)
{
	return r->z;
}

void
mt_rec_close(struct mt_rec_reader *r)
{
	if (r == NULL)
		return;
	mt_zio_close(r->z);
	mt_buf_free(&r->carry);
	free(r->header);
	free(r->names);
	free(r->fields);
	free(r);
}
