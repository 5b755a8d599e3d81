/*
 * mt_expr: lexer, recursive-descent parser and evaluator of the
 * expression language (manifest-expr(7)).
 *
 * The parser has one function per precedence level and builds a tree of
 * tagged-union nodes, each with a static type. Conversions between
 * strings, numbers and conditions are explicit nodes put in at compile
 * time, so the evaluator checks no types. Constant subtrees are folded,
 * and the tree is then flattened into a program of instructions over a
 * stack of values (see run()): numeric comparisons of a field read the
 * number straight from the escaped value, and && and || jump past the
 * operands after the first that decides them.
 *
 * Evaluation allocates nothing once warm: unescaped values and function
 * results go to a scratch arena that is reset before each record.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt_expr.h"
#include "mt_norm.h"
#include "mt_rec.h"

/* Nesting of parentheses and prefix operators the parser recurses into. */
#define MAX_NEST	64
/* Height of the tree, which bounds the recursion of folding and of code
 * generation. */
#define MAX_DEPTH	256
/* Longest token text quoted in a message. */
#define QUOTE_MAX	40

/* --- numbers and dates --------------------------------------------------- */

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* strtod for the rare number the fast path cannot convert exactly. */
static bool
slow_number(const char *p, size_t n, double *out)
{
	char small[64], *buf = small, *end;
	double d;

	if (n >= sizeof(small))
		buf = mt_xmalloc(n + 1);
	memcpy(buf, p, n);
	buf[n] = '\0';
	d = strtod(buf, &end);
	if (buf != small)
		free(buf);
	if (isnan(d) || isinf(d))
		return false;
	*out = d;
	return true;
}

/*
 * Syntax first, then the value: up to 19 significant digits times an
 * exact power of ten is one correctly rounded operation when the digits
 * fit in 53 bits and the power is at most 22; anything else goes to
 * strtod. The check of the syntax keeps strtod's extras ("inf", "0x1p3",
 * leading spaces) out.
 */
bool
mt_expr_parse_number(const char *p, size_t n, double *out)
{
	size_t i = 0;
	uint64_t m = 0;
	int sig = 0, exp10 = 0, e = 0, esign = 1;
	bool neg = false, digits = false, slow = false;
	double d;

	if (i < n && (p[i] == '-' || p[i] == '+'))
		neg = p[i++] == '-';
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
		digits = true;
		if (m == 0 && p[i] == '0')
			continue;
		if (sig++ < 19)
			m = m * 10 + (uint64_t)(p[i] - '0');
		else
			slow = true;
	}
	if (i < n && p[i] == '.') {
		for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
			digits = true;
			if (m == 0 && p[i] == '0') {
				exp10--;
				continue;
			}
			if (sig++ < 19) {
				m = m * 10 + (uint64_t)(p[i] - '0');
				exp10--;
			} else {
				slow = true;
			}
		}
	}
	if (!digits)
		return false;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '-' || p[i] == '+'))
			esign = p[i++] == '-' ? -1 : 1;
		if (i == n || p[i] < '0' || p[i] > '9')
			return false;
		for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			if (e < 100000)
				e = e * 10 + (p[i] - '0');
		exp10 += esign * e;
	}
	if (i != n)
		return false;
	if (m == 0) {
		*out = neg ? -0.0 : 0.0;
		return true;
	}
	if (slow || m > (UINT64_C(1) << 53) || exp10 < -22 || exp10 > 22)
		return slow_number(p, n, out);
	d = (double)m;
	d = exp10 < 0 ? d / pow10_exact[-exp10] : d * pow10_exact[exp10];
	*out = neg ? -d : d;
	return true;
}

/*
 * Shortest text that reads back as the same double: integers as digits,
 * others with 15 significant digits when that is exact, else 17. "Not a
 * number" is the empty string, which is what an unknown value is.
 */
static size_t
format_number(double d, char *buf, size_t size)
{
	double back;
	int len;

	if (isnan(d) || isinf(d)) {
		buf[0] = '\0';
		return 0;
	}
	if (d == 0)
		d = 0;		/* no "-0" */
	if (d > -1e15 && d < 1e15 && d == (double)(int64_t)d)
		len = snprintf(buf, size, "%" PRId64, (int64_t)d);
	else {
		len = snprintf(buf, size, "%.15g", d);
		if (!mt_expr_parse_number(buf, (size_t)len, &back) ||
		    back != d)
			len = snprintf(buf, size, "%.17g", d);
	}
	return len < 0 ? 0 : (size_t)len;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

bool
mt_expr_parse_date(const char *p, size_t n, long *days)
{
	static const unsigned mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	unsigned y = 0, m, d, max;
	size_t i;

	if (n != 10 || p[4] != '-' || p[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9'))
			return false;
	for (i = 0; i < 4; i++)
		y = y * 10 + (unsigned)(p[i] - '0');
	m = (unsigned)(p[5] - '0') * 10 + (unsigned)(p[6] - '0');
	d = (unsigned)(p[8] - '0') * 10 + (unsigned)(p[9] - '0');
	if (m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		max = 29;
	if (d > max)
		return false;
	*days = days_from_civil((long)y, m, d);
	return true;
}

/* --- UTF-8 --------------------------------------------------------------- */

/*
 * Decode one character at p. Bytes that do not start a valid sequence
 * count as one character each, their value the byte itself, so that
 * Latin-1 or broken data still has a length and survives lower() intact.
 */
static size_t
utf8_next(const unsigned char *p, size_t n, uint32_t *cp, bool *valid)
{
	size_t len = mt_utf8_decode((const char *)p, n, cp);

	*valid = len > 0;
	if (len > 0)
		return len;
	*cp = p[0];
	return 1;
}

static size_t
utf8_put(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3f));
	out[2] = (char)(0x80 | (c >> 6 & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static size_t
utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;
	uint32_t c;
	bool valid;

	while (i < n) {
		if (p[i] < 0x80)
			i++;
		else
			i += utf8_next(p + i, n - i, &c, &valid);
		count++;
	}
	return count;
}

/*
 * Case mapping of the letters of ASCII, Latin-1, Latin Extended-A, Greek
 * and Cyrillic whose other case has an encoding of the same length, which
 * covers the party names of most manifests and keeps lower() and upper()
 * from changing lengths. Other characters are left as they are.
 */
static uint32_t
to_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xc0)
		return c;
	if ((c <= 0xde && c != 0xd7) ||
	    (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) ||
	    (c >= 0x410 && c <= 0x42f))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (((c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) ||
	    (c >= 0x14a && c <= 0x177)) && c % 2 == 0)
		return c + 1;
	if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) &&
	    c % 2 == 1)
		return c + 1;
	if (c == 0x178)
		return 0xff;
	return c;
}

static uint32_t
to_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c < 0xe0)
		return c;
	if ((c <= 0xfe && c != 0xf7) ||
	    (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) ||
	    (c >= 0x430 && c <= 0x44f))
		return c - 0x20;
	if (c == 0xff)
		return 0x178;
	if (c == 0x3c2)
		return 0x3a3;
	if (c >= 0x450 && c <= 0x45f)
		return c - 0x50;
	if (((c >= 0x101 && c <= 0x12f) || (c >= 0x133 && c <= 0x137) ||
	    (c >= 0x14b && c <= 0x177)) && c % 2 == 1)
		return c - 1;
	if (((c >= 0x13a && c <= 0x148) || (c >= 0x17a && c <= 0x17e)) &&
	    c % 2 == 0)
		return c - 1;
	return c;
}

/* --- scratch memory ------------------------------------------------------ */

struct chunk {
	struct chunk *next;
	size_t size, used;
	char data[];
};

struct mt_expr_scratch {
	struct chunk *head, *cur;
	size_t chunks;
};

#define CHUNK_MIN 4096

/*
 * Zeroed, because PCRE2's JIT code may read a few bytes past the end of a
 * subject held here; the reads are harmless, but valgrind would report
 * them as uses of uninitialised memory.
 */
static struct chunk *
chunk_new(size_t size)
{
	struct chunk *c = mt_xcalloc(1, sizeof(*c) + size);

	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

char *
mt_expr_alloc(struct mt_expr_scratch *s, size_t n)
{
	struct chunk *c = s->cur;
	size_t size;

	if (n == 0)
		n = 1;
	if (c != NULL && c->size - c->used >= n) {
		c->used += n;
		return c->data + c->used - n;
	}
	/* Chunks never move: strings handed out before stay valid. */
	if (c != NULL && c->next != NULL && c->next->size >= n) {
		c = s->cur = c->next;
		c->used = n;
		return c->data;
	}
	size = c ? c->size * 2 : CHUNK_MIN;
	while (size < n)
		size *= 2;
	if (c == NULL) {
		c = s->head = s->cur = chunk_new(size);
	} else {
		struct chunk *nc = chunk_new(size);

		nc->next = c->next;
		c->next = nc;
		c = s->cur = nc;
	}
	s->chunks++;
	c->used = n;
	return c->data;
}

static void
scratch_free(struct mt_expr_scratch *s)
{
	struct chunk *c, *next;

	for (c = s->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	s->head = s->cur = NULL;
	s->chunks = 0;
}

/*
 * Before each evaluation. A record that needed several chunks leaves one
 * chunk as large as all of them, so that the steady state is one chunk
 * and no allocation.
 */
static void
scratch_reset(struct mt_expr_scratch *s)
{
	struct chunk *c;
	size_t total = 0;

	if (s->chunks <= 1 && (s->head == NULL || s->head->used == 0))
		return;		/* nothing was taken: most evaluations */
	if (s->chunks > 1) {
		for (c = s->head; c != NULL; c = c->next)
			total += c->size;
		scratch_free(s);
		s->head = s->cur = chunk_new(total);
		s->chunks = 1;
	}
	if (s->head != NULL) {
		s->head->used = 0;
		s->cur = s->head;
	}
}

/* --- values shared by the expressions of one record ---------------------- */

struct mt_expr_rec {
	const struct mt_str *vals;
	size_t n;
	uint32_t gen;		/* of the current record; never 0 */
	size_t cap;		/* entries of the arrays below */
	uint32_t *numgen;	/* num[i] is read when numgen[i] == gen */
	double *num;
	uint32_t *strgen;	/* str[i] is unescaped when strgen[i] == gen */
	struct mt_str *str;
	struct mt_expr_scratch scratch;
	const uint32_t *seen;	/* guards: seen[g] == mark, a match may be */
	uint32_t mark;
	uint32_t *keygen;	/* key[i] is field i's list key ... */
	const struct mt_list **keylist;	/* ... by the key of this list */
	size_t *keyat, *keylen;		/* in keybuf, which may move */
	struct mt_buf keybuf;
	uint32_t *callgen;	/* call[i] is made when callgen[i] == gen */
	struct mt_expr_value *call;	/* by the memo's number of a call */
	size_t ncall;
};

void
mt_expr_rec_set_seen(struct mt_expr_rec *r, const uint32_t *seen,
    uint32_t mark)
{
	r->seen = seen;
	r->mark = mark;
}

struct mt_expr_rec *
mt_expr_rec_new(void)
{
	return mt_xcalloc(1, sizeof(struct mt_expr_rec));
}

void
mt_expr_rec_free(struct mt_expr_rec *r)
{
	if (r == NULL)
		return;
	free(r->numgen);
	free(r->num);
	free(r->strgen);
	free(r->str);
	free(r->keygen);
	free(r->keylist);
	free(r->keyat);
	free(r->keylen);
	free(r->callgen);
	free(r->call);
	mt_buf_free(&r->keybuf);
	scratch_free(&r->scratch);
	free(r);
}

void
mt_expr_rec_set(struct mt_expr_rec *r, const struct mt_str *values, size_t n)
{
	if (n > r->cap) {
		r->cap = n;
		r->numgen = mt_xrealloc(r->numgen, n * sizeof(*r->numgen));
		r->num = mt_xrealloc(r->num, n * sizeof(*r->num));
		r->strgen = mt_xrealloc(r->strgen, n * sizeof(*r->strgen));
		r->str = mt_xrealloc(r->str, n * sizeof(*r->str));
		r->keygen = mt_xrealloc(r->keygen, n * sizeof(*r->keygen));
		r->keylist = mt_xrealloc(r->keylist, n * sizeof(*r->keylist));
		r->keyat = mt_xrealloc(r->keyat, n * sizeof(*r->keyat));
		r->keylen = mt_xrealloc(r->keylen, n * sizeof(*r->keylen));
		memset(r->numgen, 0, n * sizeof(*r->numgen));
		memset(r->strgen, 0, n * sizeof(*r->strgen));
		memset(r->keygen, 0, n * sizeof(*r->keygen));
	}
	if (++r->gen == 0) {
		memset(r->numgen, 0, r->cap * sizeof(*r->numgen));
		memset(r->strgen, 0, r->cap * sizeof(*r->strgen));
		memset(r->keygen, 0, r->cap * sizeof(*r->keygen));
		if (r->ncall > 0)
			memset(r->callgen, 0, r->ncall * sizeof(*r->callgen));
		r->gen = 1;
	}
	r->keybuf.len = 0;
	r->vals = values;
	r->n = n;
	scratch_reset(&r->scratch);
}

/* --- calls shared by expressions ------------------------------------------ */

struct mt_expr_memo {
	struct mt_str *sig;	/* what identifies a call, by its number */
	size_t n, cap;
};

struct mt_expr_memo *
mt_expr_memo_new(void)
{
	return mt_xcalloc(1, sizeof(struct mt_expr_memo));
}

void
mt_expr_memo_free(struct mt_expr_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free((char *)m->sig[i].p);
	free(m->sig);
	free(m);
}

/* The number of the call a signature names, new or already given. */
static uint32_t
memo_number(struct mt_expr_memo *m, const struct mt_buf *sig)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->sig[i].n == sig->len &&
		    memcmp(m->sig[i].p, sig->buf, sig->len) == 0)
			return (uint32_t)i;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->sig = mt_xrealloc(m->sig, m->cap * sizeof(*m->sig));
	}
	m->sig[m->n].p = mt_xstrndup(sig->buf, sig->len);
	m->sig[m->n].n = sig->len;
	return (uint32_t)m->n++;
}

/* --- built-in functions -------------------------------------------------- */

static const struct mt_str empty_str = { "", 0 };

static void
fn_len(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	ret->num = (double)utf8_count(a[0].str.p, a[0].str.n);
}

static void
map_case(struct mt_expr_value *ret, struct mt_str in,
    struct mt_expr_scratch *s, uint32_t (*map)(uint32_t))
{
	const unsigned char *p = (const unsigned char *)in.p;
	char *out = mt_expr_alloc(s, in.n);
	size_t i = 0, k = 0, len;
	uint32_t c;
	bool valid;

	while (i < in.n) {
		len = utf8_next(p + i, in.n - i, &c, &valid);
		if (valid)
			k += utf8_put(map(c), out + k);
		else
			out[k++] = (char)p[i];
		i += len;
	}
	ret->str.p = out;
	ret->str.n = k;
}

static void
fn_lower(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	map_case(ret, a[0].str, s, to_lower);
}

static void
fn_upper(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	map_case(ret, a[0].str, s, to_upper);
}

/* The conversion of its argument to a number does all the work. */
static void
fn_num(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	ret->num = a[0].num;
}

static void
fn_empty(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	ret->b = a[0].str.n == 0;
}

static bool
has_at(struct mt_str s, size_t at, struct mt_str t)
{
	return memcmp(s.p + at, t.p, t.n) == 0;
}

static void
fn_contains(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	ret->b = a[1].str.n == 0 ||
	    memmem(a[0].str.p, a[0].str.n, a[1].str.p, a[1].str.n) != NULL;
}

static void
fn_startswith(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	ret->b = a[1].str.n <= a[0].str.n && has_at(a[0].str, 0, a[1].str);
}

static void
fn_endswith(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	ret->b = a[1].str.n <= a[0].str.n &&
	    has_at(a[0].str, a[0].str.n - a[1].str.n, a[1].str);
}

/* Byte offset of character number k (0-based) of s, or s.n past its end. */
static size_t
char_offset(struct mt_str s, size_t k)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	uint32_t c;
	bool valid;

	for (; k > 0 && i < s.n; k--)
		i += utf8_next(p + i, s.n - i, &c, &valid);
	return i;
}

/*
 * A position or length for substr, rounded to the nearest integer (halves
 * up) and kept within what a string can hold. Not libm's round(): the
 * library links without libm.
 */
static int64_t
whole(double x)
{
	int64_t r;

	if (x < -1e15)
		return (int64_t)-1e15;
	if (x > 1e15)
		return (int64_t)1e15;
	r = (int64_t)x;		/* toward zero */
	if (x - (double)r >= 0.5)
		r++;
	else if ((double)r - x > 0.5)
		r--;
	return r;
}

/*
 * substr(s, start[, len]): as in awk, characters numbered from 1, those
 * from start to start + len - 1 that exist.
 */
static void
fn_substr(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	struct mt_str v = a[0].str, rest;
	int64_t start, end;
	size_t from;

	ret->str = empty_str;
	if (isnan(a[1].num) || (n > 2 && isnan(a[2].num)))
		return;
	start = whole(a[1].num);
	end = n > 2 ? start + whole(a[2].num) : INT64_MAX;
	if (start < 1)
		start = 1;
	if (end <= start)
		return;
	from = char_offset(v, (size_t)(start - 1));
	rest.p = v.p + from;
	rest.n = v.n - from;
	ret->str.p = rest.p;
	ret->str.n = end - start >= (int64_t)rest.n ? rest.n :
	    char_offset(rest, (size_t)(end - start));
}

static void
fn_days(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	long d1, d2;

	if (mt_expr_parse_date(a[0].str.p, a[0].str.n, &d1) &&
	    mt_expr_parse_date(a[1].str.p, a[1].str.n, &d2))
		ret->num = (double)(d2 - d1);
	else
		ret->num = NAN;
}

static void
fn_hs_chapter(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	struct mt_str v = a[0].str;

	ret->str = empty_str;
	if (v.n >= 2 && v.p[0] >= '0' && v.p[0] <= '9' && v.p[1] >= '0' &&
	    v.p[1] <= '9') {
		ret->str.p = v.p;
		ret->str.n = 2;
	}
}

static void
fn_count(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	struct mt_str v = a[0].str, sep = a[1].str;
	const char *p = v.p, *end = v.p + v.n, *q;
	double count = 0;

	if (sep.n == 0) {
		ret->num = v.n > 0;
		return;
	}
	while (p < end) {
		q = memmem(p, (size_t)(end - p), sep.p, sep.n);
		if (q == NULL)
			q = end;
		if (q > p)
			count++;
		p = q == end ? end : q + sep.n;
	}
	ret->num = count;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static void
fn_word_count(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	struct mt_str v = a[0].str;
	size_t i;
	double count = 0;

	for (i = 0; i < v.n; i++)
		if (!is_space(v.p[i]) && (i == 0 || is_space(v.p[i - 1])))
			count++;
	ret->num = count;
}

/* words(s) is s; `words(s) in @list` tests each word (parse_in). */
static void
fn_words(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	(void)n;
	(void)s;
	(void)data;
	ret->str = a[0].str;
}

static void
fn_trim(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	struct mt_str v = a[0].str;

	while (v.n > 0 && is_space(v.p[0]))
		v.p++, v.n--;
	while (v.n > 0 && is_space(v.p[v.n - 1]))
		v.n--;
	ret->str = v;
}

static void
fn_abs(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	ret->num = a[0].num < 0 ? -a[0].num : a[0].num;
}

/* An unknown operand makes the result unknown, as in arithmetic. */
static void
fn_min(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	ret->num = isnan(a[0].num) || isnan(a[1].num) ? NAN :
	    a[0].num < a[1].num ? a[0].num : a[1].num;
}

static void
fn_max(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	ret->num = isnan(a[0].num) || isnan(a[1].num) ? NAN :
	    a[0].num > a[1].num ? a[0].num : a[1].num;
}

/* Sorted by name, for the list in messages. today() has no fn: it is a
 * constant the parser puts in. */
static const struct mt_expr_func builtins[] = {
	{ "abs", MT_EXPR_NUM, "n", fn_abs, NULL, true },
	{ "contains", MT_EXPR_BOOL, "ss", fn_contains, NULL, true },
	{ "count", MT_EXPR_NUM, "ss", fn_count, NULL, true },
	{ "days", MT_EXPR_NUM, "ss", fn_days, NULL, true },
	{ "empty", MT_EXPR_BOOL, "s", fn_empty, NULL, true },
	{ "endswith", MT_EXPR_BOOL, "ss", fn_endswith, NULL, true },
	{ "hs_chapter", MT_EXPR_STR, "s", fn_hs_chapter, NULL, true },
	{ "len", MT_EXPR_NUM, "s", fn_len, NULL, true },
	{ "lower", MT_EXPR_STR, "s", fn_lower, NULL, true },
	{ "max", MT_EXPR_NUM, "nn", fn_max, NULL, true },
	{ "min", MT_EXPR_NUM, "nn", fn_min, NULL, true },
	{ "num", MT_EXPR_NUM, "n", fn_num, NULL, true },
	{ "startswith", MT_EXPR_BOOL, "ss", fn_startswith, NULL, true },
	{ "substr", MT_EXPR_STR, "sn|n", fn_substr, NULL, true },
	{ "today", MT_EXPR_STR, "", NULL, NULL, true },
	{ "trim", MT_EXPR_STR, "s", fn_trim, NULL, true },
	{ "upper", MT_EXPR_STR, "s", fn_upper, NULL, true },
	{ "word_count", MT_EXPR_NUM, "s", fn_word_count, NULL, true },
	{ "words", MT_EXPR_STR, "s", fn_words, NULL, true },
};
#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

/* --- the syntax tree ----------------------------------------------------- */

enum op {
	OP_CONST,		/* a constant of the node's type */
	OP_FIELD,		/* a field's value, unescaped */
	OP_FIELDNUM,		/* a field read as a number */
	OP_TONUM,		/* string to number */
	OP_TOSTR,		/* number to string */
	OP_TRUTH,		/* string or number as a condition */
	OP_NEG, OP_ADD, OP_SUB, OP_MUL, OP_DIV,
	OP_NUMCMP, OP_STRCMP,
	OP_MATCH, OP_IN,
	OP_NOT, OP_AND, OP_OR,
	OP_CALL
};

enum cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

struct node {
	enum op op;
	enum mt_expr_type type;
	size_t start;		/* byte offset where its text starts */
	size_t pos, len;	/* its token: operator, name or literal */
	unsigned depth;
	union {
		struct mt_expr_value k;		/* OP_CONST; owns k.str */
		size_t field;			/* OP_FIELD, OP_FIELDNUM */
		struct node *kid;		/* conversions, NEG, NOT */
		struct {
			struct node *l, *r;
			enum cmp cmp;
		} bin;				/* arithmetic, comparisons */
		struct {
			struct node *kid;
			struct mt_rx *rx;
			bool neg;
			uint32_t guard;		/* see mt_expr_guard_matches */
		} match;
		struct {
			struct node *kid;
			struct mt_list *list;
			bool neg;
			bool set;		/* written in the expression */
			bool words;		/* any word of the value */
		} in;
		struct {
			struct node **v;
			size_t n;
		} kids;				/* OP_AND, OP_OR */
		struct {
			const struct mt_expr_func *f;
			struct node **args;
			size_t n;
			struct mt_expr_value *vals;
		} call;
	} u;
};

static void node_free(struct node *n);

struct mt_expr {
	char *text;		/* the source, NUL-terminated */
	struct node *root;
	struct mt_rx_env *rx;
	bool own_rx;
	struct mt_lists *sets;	/* lists written in the expression */
	struct mt_expr_scratch scratch;
	struct insn *prog;	/* the tree, compiled: see run() */
	union slot *stack;
	const struct mt_str *vals;
	size_t nvals;
	struct mt_expr_rec *rec;	/* shared by this evaluation, or NULL */
	struct mt_buf key;		/* list keys: lists are shared */
	struct mt_expr_match *matches;
	size_t nmatches, cmatches;
	size_t *fields;
	size_t nfields;
	char errmsg[256];
};

/* Free what a node owns, not the node: folding reuses it as a constant. */
static void
node_free_kids(struct node *n)
{
	size_t i;

	switch (n->op) {
	case OP_CONST:
		if (n->type == MT_EXPR_STR)
			free((char *)n->u.k.str.p);
		break;
	case OP_FIELD:
	case OP_FIELDNUM:
		break;
	case OP_TONUM:
	case OP_TOSTR:
	case OP_TRUTH:
	case OP_NEG:
	case OP_NOT:
		node_free(n->u.kid);
		break;
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_DIV:
	case OP_NUMCMP:
	case OP_STRCMP:
		node_free(n->u.bin.l);
		node_free(n->u.bin.r);
		break;
	case OP_MATCH:
		node_free(n->u.match.kid);
		mt_rx_free(n->u.match.rx);
		break;
	case OP_IN:
		node_free(n->u.in.kid);
		break;
	case OP_AND:
	case OP_OR:
		for (i = 0; i < n->u.kids.n; i++)
			node_free(n->u.kids.v[i]);
		free(n->u.kids.v);
		break;
	case OP_CALL:
		for (i = 0; i < n->u.call.n; i++)
			node_free(n->u.call.args[i]);
		free(n->u.call.args);
		free(n->u.call.vals);
		break;
	}
}

static void
node_free(struct node *n)
{
	if (n == NULL)
		return;
	node_free_kids(n);
	free(n);
}

/* --- the evaluator ------------------------------------------------------- */

/*
 * A compiled expression runs as a program: the tree flattened, children
 * before parents, into an array of instructions over a stack of values.
 * && and || jump past the rest of their operands once one decides them.
 * Common shapes have instructions of their own: a field against a
 * constant, a field matched or looked up in a list, a function of fields
 * and constants. The loop neither recurses nor calls for most
 * instructions, and a rule set's programs fit in the first-level cache.
 */
enum vop {
	V_END,
	V_BOOL, V_NUM, V_STR,		/* a constant */
	V_FIELD,			/* field a, unescaped */
	V_FIELDNUM,			/* field a as a number */
	V_TONUM, V_TOSTR,		/* convert the top */
	V_TRUTH_FIELD,			/* field a is not empty */
	V_TRUTH_STR, V_TRUTH_NUM,	/* the top as a condition */
	V_NEG, V_ADD, V_SUB, V_MUL, V_DIV,
	V_NUMCMP, V_STRCMP,		/* the two on top, by cmp */
	V_NUMCMP_FK, V_STRCMP_FK,	/* field a against constant k */
	V_MATCH, V_MATCH_F,		/* node k.n on the top, or its field */
	V_IN, V_IN_F,			/* node k.n on the top, or its field */
	V_NOT,
	V_AND,				/* top <= 0: jump to a with it */
	V_OR,				/* top != 0: jump to a with it */
	V_CALL,				/* node k.n, a arguments on top */
	V_CALL_DIRECT,			/* node k.n of fields and constants;
					   a > 0: the memo's call a - 1 */
	V_EMPTY_FIELD			/* empty(field a) */
};

struct insn {
	uint8_t op;		/* enum vop */
	uint8_t cmp;		/* enum cmp */
	uint32_t a;		/* field, jump target or argument count */
	union {
		double num;
		struct mt_str str;
		const struct node *n;
		int b;
	} k;
};

union slot {
	double num;
	struct mt_str str;
	int b;			/* 1 true, 0 false, -1 an error */
};

/* A field's value, unescaped only when it holds a backslash. */
static struct mt_str
field_value(struct mt_expr *e, size_t i)
{
	struct mt_str v;
	char *out;

	if (i >= e->nvals)
		return empty_str;
	if (e->rec != NULL && e->rec->strgen[i] == e->rec->gen)
		return e->rec->str[i];
	v = e->vals[i];
	if (v.n > 0 && memchr(v.p, '\\', v.n) != NULL) {
		out = mt_expr_alloc(e->rec ? &e->rec->scratch : &e->scratch,
		    v.n);
		v.n = mt_rec_unescape(v.p, v.n, out);
		v.p = out;
	}
	if (e->rec != NULL) {
		e->rec->strgen[i] = e->rec->gen;
		e->rec->str[i] = v;
	}
	return v;
}

/*
 * A field read as a number. The escaped value will do: a value with a
 * backslash is no number either way.
 */
static inline double
field_num(struct mt_expr *e, size_t i)
{
	struct mt_str s;
	double d;

	if (i >= e->nvals)
		return NAN;
	if (e->rec != NULL && e->rec->numgen[i] == e->rec->gen)
		return e->rec->num[i];
	s = e->vals[i];
	if (!mt_expr_parse_number(s.p, s.n, &d))
		d = NAN;
	if (e->rec != NULL) {
		e->rec->numgen[i] = e->rec->gen;
		e->rec->num[i] = d;
	}
	return d;
}

/* Call n's function with vals filled in; the result by its type. */
static void
call(const struct node *n, struct mt_expr_scratch *scratch,
    struct mt_expr_value *ret)
{
	ret->num = NAN;
	ret->str = empty_str;
	ret->b = false;
	n->u.call.f->fn(ret, n->u.call.vals, n->u.call.n, scratch,
	    n->u.call.f->data);
}

/* A call whose arguments are all constants and fields. */
static void
call_direct(struct mt_expr *e, const struct node *n,
    struct mt_expr_scratch *scratch, struct mt_expr_value *ret)
{
	struct mt_expr_value *vals = n->u.call.vals;
	size_t i;

	for (i = 0; i < n->u.call.n; i++) {
		const struct node *a = n->u.call.args[i];

		if (a->op == OP_CONST)
			vals[i] = a->u.k;
		else if (a->op == OP_FIELD)
			vals[i].str = field_value(e, a->u.field);
		else
			vals[i].num = field_num(e, a->u.field);
	}
	call(n, scratch, ret);
}

/*
 * A call of the memo's number k: made once a record for all the
 * expressions of the record, its strings in the record's scratch.
 */
static void
call_shared(struct mt_expr *e, const struct node *n, uint32_t k,
    struct mt_expr_value *ret)
{
	struct mt_expr_rec *r = e->rec;
	size_t ncall;

	if (k >= r->ncall) {
		ncall = r->ncall ? 2 * r->ncall : 16;
		while (ncall <= k)
			ncall *= 2;
		r->callgen = mt_xrealloc(r->callgen,
		    ncall * sizeof(*r->callgen));
		r->call = mt_xrealloc(r->call, ncall * sizeof(*r->call));
		memset(r->callgen + r->ncall, 0,
		    (ncall - r->ncall) * sizeof(*r->callgen));
		r->ncall = ncall;
	}
	if (r->callgen[k] != r->gen) {
		call_direct(e, n, &r->scratch, &r->call[k]);
		r->callgen[k] = r->gen;
	}
	*ret = r->call[k];
}

static double
arith(enum vop op, double a, double b)
{
	double r;

	switch (op) {
	case V_ADD: r = a + b; break;
	case V_SUB: r = a - b; break;
	case V_MUL: r = a * b; break;
	default:
		if (b == 0)
			return NAN;
		r = a / b;
		break;
	}
	/* An overflow is no more a number than a division by zero. */
	return isinf(r) ? NAN : r;
}

static int
compare_num(enum cmp cmp, double a, double b)
{
	/* Not a number on either side: false, whatever the operator. */
	if (isnan(a) || isnan(b))
		return 0;
	switch (cmp) {
	case CMP_EQ: return a == b;
	case CMP_NE: return a != b;
	case CMP_LT: return a < b;
	case CMP_LE: return a <= b;
	case CMP_GT: return a > b;
	default: return a >= b;
	}
}

static int
compare_str(enum cmp cmp, struct mt_str a, struct mt_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n ? memcmp(a.p, b.p, n) : 0;

	if (c == 0)
		c = a.n < b.n ? -1 : a.n > b.n;
	switch (cmp) {
	case CMP_EQ: return c == 0;
	case CMP_NE: return c != 0;
	case CMP_LT: return c < 0;
	case CMP_LE: return c <= 0;
	case CMP_GT: return c > 0;
	default: return c >= 0;
	}
}

/* The letters of a pattern's flags, in a fixed order: "imsx" at most. */
static void
flag_letters(unsigned f, char *out)
{
	if (f & MT_RX_CASELESS)
		*out++ = 'i';
	if (f & MT_RX_MULTILINE)
		*out++ = 'm';
	if (f & MT_RX_DOTALL)
		*out++ = 's';
	if (f & MT_RX_EXTENDED)
		*out++ = 'x';
	*out = '\0';
}

/* The pattern for a message: /pattern/flags, a long pattern shortened. */
static void
pattern_text(const struct mt_rx *rx, char *buf, size_t size)
{
	size_t n;
	const char *p = mt_rx_pattern(rx, &n);
	char flags[5];

	flag_letters(mt_rx_flags(rx), flags);
	snprintf(buf, size, "/%.*s%s/%s", n > 40 ? 40 : (int)n, p,
	    n > 40 ? "..." : "", flags);
}

/* A guard whose literals the field lacks: no match is possible. */
static inline bool
guarded_out(const struct mt_expr *e, const struct node *n)
{
	return n->u.match.guard != UINT32_MAX && e->rec != NULL &&
	    e->rec->seen != NULL &&
	    e->rec->seen[n->u.match.guard] != e->rec->mark;
}

/* Match node n's regular expression against s. */
static int
match(struct mt_expr *e, const struct node *n, struct mt_str s)
{
	struct mt_expr_match *m;
	const char *why = "failed";
	size_t start, len;
	char pat[64];
	int rc;

	rc = mt_rx_match(e->rx, n->u.match.rx, s.p, s.n, &start, &len, &why);
	if (rc < 0) {
		pattern_text(n->u.match.rx, pat, sizeof(pat));
		snprintf(e->errmsg, sizeof(e->errmsg),
		    "regular expression %s %s", pat, why);
		return -1;
	}
	if (rc == 1 && !n->u.match.neg && e->nmatches < e->cmatches) {
		m = &e->matches[e->nmatches++];
		m->field = n->u.match.kid->op == OP_FIELD ?
		    n->u.match.kid->u.field : SIZE_MAX;
		m->rx = n->u.match.rx;
		m->text.p = s.p + start;
		m->text.n = len;
	}
	return n->u.match.neg ? !rc : rc;
}

/* Whether a word of s (split at white space) is in the list. */
static int
any_word_in(struct mt_list *l, struct mt_str s, struct mt_buf *key)
{
	size_t i = 0, start;

	while (i < s.n) {
		while (i < s.n && is_space(s.p[i]))
			i++;
		start = i;
		while (i < s.n && !is_space(s.p[i]))
			i++;
		if (i > start && mt_list_contains_r(l, s.p + start, i - start,
		    key))
			return 1;
	}
	return 0;
}

/*
 * A field in a list with a key function, the key made once a record for
 * all the lists of that key function (party names against watch lists
 * and trusted-trader lists).
 */
static int
in_keyed(struct mt_expr *e, size_t f, const struct mt_list *l)
{
	struct mt_expr_rec *r = e->rec;
	struct mt_str v;

	if (f >= e->nvals)
		return mt_list_contains_r(l, "", 0, &e->key);
	if (r->keygen[f] != r->gen || !mt_list_same_key(r->keylist[f], l)) {
		v = field_value(e, f);
		r->keyat[f] = r->keybuf.len;
		mt_list_key_of(l, &r->keybuf, v.p, v.n);
		r->keylen[f] = r->keybuf.len - r->keyat[f];
		r->keygen[f] = r->gen;
		r->keylist[f] = l;
	}
	return mt_list_contains_key(l, r->keybuf.buf ? r->keybuf.buf +
	    r->keyat[f] : "", r->keylen[f]);
}

/* Node n's list lookup of s. */
static int
in_list(struct mt_expr *e, const struct node *n, struct mt_str s)
{
	int r = n->u.in.words ? any_word_in(n->u.in.list, s, &e->key) :
	    mt_list_contains_r(n->u.in.list, s.p, s.n, &e->key);

	return n->u.in.neg ? !r : r;
}

/* Node n's list lookup of its field. */
static int
in_field(struct mt_expr *e, const struct node *n)
{
	int r;

	if (n->u.in.words || e->rec == NULL ||
	    !mt_list_has_key(n->u.in.list))
		return in_list(e, n, field_value(e, n->u.in.kid->u.field));
	r = in_keyed(e, n->u.in.kid->u.field, n->u.in.list);
	return n->u.in.neg ? !r : r;
}

/* The result of a call, on the stack by its type. */
static inline void
put_result(const struct node *n, const struct mt_expr_value *v,
    union slot *s)
{
	switch (n->type) {
	case MT_EXPR_BOOL: s->b = v->b; break;
	case MT_EXPR_NUM: s->num = v->num; break;
	default: s->str = v->str; break;
	}
}

/*
 * Run a program. The value left on top is the result: of the type of the
 * tree it was made from.
 */
static union slot
run(struct mt_expr *e, const struct insn *prog, union slot *stack)
{
	const struct insn *p;
	union slot *sp = stack;
	struct mt_expr_value v;
	struct mt_str s;
	double d;
	char *buf;
	size_t i;

	/*
	 * Where the compiler has labels as values (GCC, Clang), each
	 * instruction ends with a jump of its own to the next one's code:
	 * the processor then predicts each from where it is, which a
	 * single switch's jump does not let it. Elsewhere, or built with
	 * -DMT_EXPR_SWITCH, a switch.
	 */
#if defined(__GNUC__) && !defined(MT_EXPR_SWITCH)
	static const void *const dispatch[] = {
		[V_END] = &&L_V_END,
		[V_BOOL] = &&L_V_BOOL,
		[V_NUM] = &&L_V_NUM,
		[V_STR] = &&L_V_STR,
		[V_FIELD] = &&L_V_FIELD,
		[V_FIELDNUM] = &&L_V_FIELDNUM,
		[V_TONUM] = &&L_V_TONUM,
		[V_TOSTR] = &&L_V_TOSTR,
		[V_TRUTH_FIELD] = &&L_V_TRUTH_FIELD,
		[V_TRUTH_STR] = &&L_V_TRUTH_STR,
		[V_TRUTH_NUM] = &&L_V_TRUTH_NUM,
		[V_NEG] = &&L_V_NEG,
		[V_ADD] = &&L_V_ADD,
		[V_SUB] = &&L_V_SUB,
		[V_MUL] = &&L_V_MUL,
		[V_DIV] = &&L_V_DIV,
		[V_NUMCMP] = &&L_V_NUMCMP,
		[V_STRCMP] = &&L_V_STRCMP,
		[V_NUMCMP_FK] = &&L_V_NUMCMP_FK,
		[V_STRCMP_FK] = &&L_V_STRCMP_FK,
		[V_MATCH] = &&L_V_MATCH,
		[V_MATCH_F] = &&L_V_MATCH_F,
		[V_IN] = &&L_V_IN,
		[V_IN_F] = &&L_V_IN_F,
		[V_NOT] = &&L_V_NOT,
		[V_AND] = &&L_V_AND,
		[V_OR] = &&L_V_OR,
		[V_CALL] = &&L_V_CALL,
		[V_CALL_DIRECT] = &&L_V_CALL_DIRECT,
		[V_EMPTY_FIELD] = &&L_V_EMPTY_FIELD,
	};
#define CASE(op)	L_##op:
#define NEXT		goto *dispatch[(++p)->op]
	p = prog;
	goto *dispatch[p->op];
	{
		{
#else
#define CASE(op)	case op:
#define NEXT		break
	for (p = prog;; p++) {
		switch ((enum vop)p->op) {
#endif
		CASE(V_END)
			return sp[-1];
		CASE(V_BOOL)
			(sp++)->b = p->k.b;
			NEXT;
		CASE(V_NUM)
			(sp++)->num = p->k.num;
			NEXT;
		CASE(V_STR)
			(sp++)->str = p->k.str;
			NEXT;
		CASE(V_FIELD)
			(sp++)->str = field_value(e, p->a);
			NEXT;
		CASE(V_FIELDNUM)
			(sp++)->num = field_num(e, p->a);
			NEXT;
		CASE(V_TONUM)
			s = sp[-1].str;
			sp[-1].num = mt_expr_parse_number(s.p, s.n, &d) ? d :
			    NAN;
			NEXT;
		CASE(V_TOSTR)
			buf = mt_expr_alloc(&e->scratch, 32);
			s.n = format_number(sp[-1].num, buf, 32);
			s.p = buf;
			sp[-1].str = s;
			NEXT;
		CASE(V_TRUTH_FIELD)
			/* Unescaping never empties a value: no need to. */
			(sp++)->b = p->a < e->nvals && e->vals[p->a].n > 0;
			NEXT;
		CASE(V_TRUTH_STR)
			sp[-1].b = sp[-1].str.n > 0;
			NEXT;
		CASE(V_TRUTH_NUM)
			d = sp[-1].num;
			sp[-1].b = !isnan(d) && d != 0;
			NEXT;
		CASE(V_NEG)
			sp[-1].num = -sp[-1].num;
			NEXT;
		CASE(V_ADD)
		CASE(V_SUB)
		CASE(V_MUL)
		CASE(V_DIV)
			sp--;
			sp[-1].num = arith((enum vop)p->op, sp[-1].num,
			    sp[0].num);
			NEXT;
		CASE(V_NUMCMP)
			sp--;
			sp[-1].b = compare_num(p->cmp, sp[-1].num, sp[0].num);
			NEXT;
		CASE(V_STRCMP)
			sp--;
			sp[-1].b = compare_str(p->cmp, sp[-1].str, sp[0].str);
			NEXT;
		CASE(V_NUMCMP_FK)
			(sp++)->b = compare_num(p->cmp, field_num(e, p->a),
			    p->k.num);
			NEXT;
		CASE(V_STRCMP_FK)
			(sp++)->b = compare_str(p->cmp, field_value(e, p->a),
			    p->k.str);
			NEXT;
		CASE(V_MATCH)
			sp[-1].b = guarded_out(e, p->k.n) ?
			    p->k.n->u.match.neg : match(e, p->k.n, sp[-1].str);
			NEXT;
		CASE(V_MATCH_F)
			(sp++)->b = guarded_out(e, p->k.n) ?
			    p->k.n->u.match.neg : match(e, p->k.n,
			    field_value(e, p->k.n->u.match.kid->u.field));
			NEXT;
		CASE(V_IN)
			sp[-1].b = in_list(e, p->k.n, sp[-1].str);
			NEXT;
		CASE(V_IN_F)
			(sp++)->b = in_field(e, p->k.n);
			NEXT;
		CASE(V_NOT)
			if (sp[-1].b >= 0)
				sp[-1].b = !sp[-1].b;
			NEXT;
		CASE(V_AND)
			if (sp[-1].b <= 0)
				p = prog + p->a - 1;
			else
				sp--;
			NEXT;
		CASE(V_OR)
			if (sp[-1].b != 0)
				p = prog + p->a - 1;
			else
				sp--;
			NEXT;
		CASE(V_CALL)
			sp -= p->a;
			for (i = 0; i < p->a; i++) {
				if (p->k.n->u.call.args[i]->type ==
				    MT_EXPR_NUM)
					p->k.n->u.call.vals[i].num = sp[i].num;
				else
					p->k.n->u.call.vals[i].str = sp[i].str;
			}
			call(p->k.n, &e->scratch, &v);
			put_result(p->k.n, &v, sp++);
			NEXT;
		CASE(V_CALL_DIRECT)
			if (p->a != 0 && e->rec != NULL)
				call_shared(e, p->k.n, p->a - 1, &v);
			else
				call_direct(e, p->k.n, &e->scratch, &v);
			put_result(p->k.n, &v, sp++);
			NEXT;
		CASE(V_EMPTY_FIELD)
			/* Unescaping never empties a value: no need to. */
			(sp++)->b = p->a >= e->nvals || e->vals[p->a].n == 0;
			NEXT;
		}
	}
}
#undef CASE
#undef NEXT

/* --- making the program -------------------------------------------------- */

struct gen {
	struct insn *v;
	size_t n, cap;
	size_t depth, max;	/* of the stack, now and at most */
	struct mt_expr_memo *memo;	/* NULL: no call shared */
	struct mt_buf sig;
};

static struct insn *
emit(struct gen *g, enum vop op, size_t pushed, size_t popped)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->v = mt_xrealloc(g->v, g->cap * sizeof(*g->v));
	}
	memset(&g->v[g->n], 0, sizeof(g->v[g->n]));
	g->v[g->n].op = (uint8_t)op;
	g->depth -= popped;
	g->depth += pushed;
	if (g->depth > g->max)
		g->max = g->depth;
	return &g->v[g->n++];
}

static bool
is_direct_arg(const struct node *a)
{
	return a->op == OP_CONST || a->op == OP_FIELD || a->op == OP_FIELDNUM;
}

/*
 * The memo's number, plus one, of a pure call of fields and constants
 * (n, direct); 0 when it is not shared. What identifies the call: the
 * function and its data, then each argument's kind and field or value.
 */
static uint32_t
shared_call(struct gen *g, const struct node *n)
{
	const struct mt_expr_func *f = n->u.call.f;
	const struct node *a;
	size_t i;
	char kind;

	if (g->memo == NULL || !f->pure)
		return 0;
	g->sig.len = 0;
	mt_buf_add(&g->sig, &f->fn, sizeof(f->fn));
	mt_buf_add(&g->sig, &f->data, sizeof(f->data));
	for (i = 0; i < n->u.call.n; i++) {
		a = n->u.call.args[i];
		kind = a->op == OP_FIELD ? 'f' : a->op == OP_FIELDNUM ? 'n' :
		    a->type == MT_EXPR_NUM ? 'N' : 'S';
		mt_buf_addc(&g->sig, kind);
		if (a->op != OP_CONST)
			mt_buf_add(&g->sig, &a->u.field, sizeof(a->u.field));
		else if (a->type == MT_EXPR_NUM)
			mt_buf_add(&g->sig, &a->u.k.num, sizeof(a->u.k.num));
		else {
			mt_buf_add(&g->sig, &a->u.k.str.n,
			    sizeof(a->u.k.str.n));
			mt_buf_add(&g->sig, a->u.k.str.p, a->u.k.str.n);
		}
	}
	return memo_number(g->memo, &g->sig) + 1;
}

static void
gen_node(struct gen *g, const struct node *n)
{
	struct insn *in;
	size_t i, *jumps;
	uint32_t k;
	bool direct;

	switch (n->op) {
	case OP_CONST:
		if (n->type == MT_EXPR_BOOL)
			emit(g, V_BOOL, 1, 0)->k.b = n->u.k.b;
		else if (n->type == MT_EXPR_NUM)
			emit(g, V_NUM, 1, 0)->k.num = n->u.k.num;
		else
			emit(g, V_STR, 1, 0)->k.str = n->u.k.str;
		break;
	case OP_FIELD:
		emit(g, V_FIELD, 1, 0)->a = (uint32_t)n->u.field;
		break;
	case OP_FIELDNUM:
		emit(g, V_FIELDNUM, 1, 0)->a = (uint32_t)n->u.field;
		break;
	case OP_TONUM:
		gen_node(g, n->u.kid);
		emit(g, V_TONUM, 1, 1);
		break;
	case OP_TOSTR:
		gen_node(g, n->u.kid);
		emit(g, V_TOSTR, 1, 1);
		break;
	case OP_TRUTH:
		if (n->u.kid->op == OP_FIELD) {
			emit(g, V_TRUTH_FIELD, 1, 0)->a =
			    (uint32_t)n->u.kid->u.field;
			break;
		}
		gen_node(g, n->u.kid);
		emit(g, n->u.kid->type == MT_EXPR_STR ? V_TRUTH_STR :
		    V_TRUTH_NUM, 1, 1);
		break;
	case OP_NEG:
		gen_node(g, n->u.kid);
		emit(g, V_NEG, 1, 1);
		break;
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_DIV:
		gen_node(g, n->u.bin.l);
		gen_node(g, n->u.bin.r);
		emit(g, n->op == OP_ADD ? V_ADD : n->op == OP_SUB ? V_SUB :
		    n->op == OP_MUL ? V_MUL : V_DIV, 1, 2);
		break;
	case OP_NUMCMP:
		if (n->u.bin.l->op == OP_FIELDNUM &&
		    n->u.bin.r->op == OP_CONST) {
			in = emit(g, V_NUMCMP_FK, 1, 0);
			in->a = (uint32_t)n->u.bin.l->u.field;
			in->k.num = n->u.bin.r->u.k.num;
		} else {
			gen_node(g, n->u.bin.l);
			gen_node(g, n->u.bin.r);
			in = emit(g, V_NUMCMP, 1, 2);
		}
		in->cmp = (uint8_t)n->u.bin.cmp;
		break;
	case OP_STRCMP:
		if (n->u.bin.l->op == OP_FIELD && n->u.bin.r->op == OP_CONST) {
			in = emit(g, V_STRCMP_FK, 1, 0);
			in->a = (uint32_t)n->u.bin.l->u.field;
			in->k.str = n->u.bin.r->u.k.str;
		} else {
			gen_node(g, n->u.bin.l);
			gen_node(g, n->u.bin.r);
			in = emit(g, V_STRCMP, 1, 2);
		}
		in->cmp = (uint8_t)n->u.bin.cmp;
		break;
	case OP_MATCH:
		if (n->u.match.kid->op == OP_FIELD) {
			emit(g, V_MATCH_F, 1, 0)->k.n = n;
			break;
		}
		gen_node(g, n->u.match.kid);
		emit(g, V_MATCH, 1, 1)->k.n = n;
		break;
	case OP_IN:
		if (n->u.in.kid->op == OP_FIELD) {
			emit(g, V_IN_F, 1, 0)->k.n = n;
			break;
		}
		gen_node(g, n->u.in.kid);
		emit(g, V_IN, 1, 1)->k.n = n;
		break;
	case OP_NOT:
		gen_node(g, n->u.kid);
		emit(g, V_NOT, 1, 1);
		break;
	case OP_AND:
	case OP_OR:
		/* Each operand but the last jumps to the end when it decides. */
		jumps = mt_xcalloc(n->u.kids.n, sizeof(*jumps));
		for (i = 0; i < n->u.kids.n; i++) {
			gen_node(g, n->u.kids.v[i]);
			if (i + 1 < n->u.kids.n) {
				emit(g, n->op == OP_AND ? V_AND : V_OR, 0, 1);
				jumps[i] = g->n - 1;
			}
		}
		for (i = 0; i + 1 < n->u.kids.n; i++)
			g->v[jumps[i]].a = (uint32_t)g->n;
		free(jumps);
		break;
	case OP_CALL:
		direct = true;
		for (i = 0; i < n->u.call.n; i++)
			direct = direct && is_direct_arg(n->u.call.args[i]);
		if (direct && n->u.call.f->fn == fn_empty &&
		    n->u.call.args[0]->op == OP_FIELD) {
			emit(g, V_EMPTY_FIELD, 1, 0)->a =
			    (uint32_t)n->u.call.args[0]->u.field;
			break;
		}
		if (direct) {
			k = shared_call(g, n);
			in = emit(g, V_CALL_DIRECT, 1, 0);
			in->k.n = n;
			in->a = k;
			break;
		}
		for (i = 0; i < n->u.call.n; i++)
			gen_node(g, n->u.call.args[i]);
		in = emit(g, V_CALL, 1, n->u.call.n);
		in->a = (uint32_t)n->u.call.n;
		in->k.n = n;
		break;
	}
}

/* The program of the tree at n, and the stack it needs. */
static struct insn *
gen_program(const struct node *n, struct mt_expr_memo *memo, size_t *depth)
{
	struct gen g = { 0 };

	g.memo = memo;
	gen_node(&g, n);
	emit(&g, V_END, 0, 0);
	mt_buf_free(&g.sig);
	*depth = g.max;
	return g.v;
}

/* Evaluate the tree at n once, with a program made for it. */
static union slot
run_tree(struct mt_expr *e, const struct node *n)
{
	union slot *stack, r;
	struct insn *prog;
	size_t depth;

	prog = gen_program(n, NULL, &depth);
	stack = mt_xcalloc(depth ? depth : 1, sizeof(*stack));
	r = run(e, prog, stack);
	free(stack);
	free(prog);
	return r;
}

/* --- the lexer ----------------------------------------------------------- */

enum tok {
	T_EOF, T_ERROR, T_NUM, T_STR, T_NAME, T_REGEX, T_LIST,
	T_LPAREN, T_RPAREN, T_COMMA,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_MATCH, T_NMATCH,
	T_AND, T_OR, T_NOT, T_IN,
	T_PLUS, T_MINUS, T_STAR, T_SLASH
};

struct token {
	enum tok t;
	size_t pos, len;	/* the token's text */
	double num;		/* T_NUM */
	unsigned flags;		/* T_REGEX */
	size_t pat, patlen;	/* T_REGEX: the pattern's text */
};

struct parser {
	const char *text;
	size_t n, i;		/* the text, the lexer's position */
	struct token tok;	/* the current token */
	enum tok prev;		/* the one before, which tells '/' apart */
	struct mt_buf sbuf;	/* the current T_STR, decoded */
	const struct mt_expr_ctx *ctx;
	struct mt_expr *e;
	unsigned nest;
	size_t nmatch;
	bool failed;
	bool any_field;		/* a syntax check: every name is a field */
	size_t errpos;
	char *errmsg;
};

static void fail(struct parser *ps, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Only the first error counts: the rest follow from it. */
static void
fail(struct parser *ps, size_t pos, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (ps->failed)
		return;
	ps->failed = true;
	ps->errpos = pos;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	ps->errmsg = mt_xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	va_start(ap, fmt);
	vsnprintf(ps->errmsg, (size_t)(len < 0 ? 0 : len) + 1, fmt, ap);
	va_end(ap);
}

static bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Whether a '/' here starts a regular expression: no operand just ended. */
static bool
operand_expected(enum tok prev)
{
	switch (prev) {
	case T_NUM:
	case T_STR:
	case T_NAME:
	case T_REGEX:
	case T_LIST:
	case T_RPAREN:
		return false;
	default:
		return true;
	}
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static enum tok
lex_string(struct parser *ps, struct token *t)
{
	const char *s = ps->text;
	size_t i = t->pos + 1;
	uint32_t c;
	char out[4];
	int k, h;

	ps->sbuf.len = 0;
	for (;;) {
		if (i >= ps->n || s[i] == '\n') {
			fail(ps, t->pos, "unterminated string");
			return T_ERROR;
		}
		if (s[i] == '"')
			break;
		if (s[i] != '\\') {
			mt_buf_addc(&ps->sbuf, s[i++]);
			continue;
		}
		if (i + 1 >= ps->n) {
			fail(ps, t->pos, "unterminated string");
			return T_ERROR;
		}
		switch (s[i + 1]) {
		case '"': mt_buf_addc(&ps->sbuf, '"'); break;
		case '\\': mt_buf_addc(&ps->sbuf, '\\'); break;
		case 'n': mt_buf_addc(&ps->sbuf, '\n'); break;
		case 't': mt_buf_addc(&ps->sbuf, '\t'); break;
		case 'r': mt_buf_addc(&ps->sbuf, '\r'); break;
		case 'u':
			c = 0;
			for (k = 0; k < 4; k++) {
				if (i + 2 + (size_t)k >= ps->n ||
				    (h = hexval(s[i + 2 + k])) < 0) {
					fail(ps, i, "invalid \\u escape: "
					    "expected four hexadecimal digits");
					return T_ERROR;
				}
				c = c << 4 | (uint32_t)h;
			}
			if (c == 0 || (c >= 0xd800 && c <= 0xdfff)) {
				fail(ps, i, "invalid \\u escape: U+%04X is "
				    "not a character", (unsigned)c);
				return T_ERROR;
			}
			mt_buf_add(&ps->sbuf, out, utf8_put(c, out));
			i += 4;
			break;
		default:
			fail(ps, i, "invalid escape '\\%c' in string: the "
			    "escapes are \\\" \\\\ \\n \\t \\r and \\uXXXX",
			    s[i + 1] >= ' ' && s[i + 1] < 127 ? s[i + 1] : '?');
			return T_ERROR;
		}
		i += 2;
	}
	t->len = i + 1 - t->pos;
	return T_STR;
}

static enum tok
lex_regex(struct parser *ps, struct token *t)
{
	const char *s = ps->text;
	size_t i = t->pos + 1, bad, f;

	/* \/ stands for a slash; PCRE2 reads "\/" as "/" too. */
	for (;;) {
		if (i >= ps->n || s[i] == '\n') {
			fail(ps, t->pos, "unterminated regular expression");
			return T_ERROR;
		}
		if (s[i] == '/')
			break;
		if (s[i] == '\\' && i + 1 < ps->n && s[i + 1] != '\n')
			i++;
		i++;
	}
	t->pat = t->pos + 1;
	t->patlen = i - t->pat;
	for (f = ++i; i < ps->n && is_name_char(s[i]); i++)
		;
	if (mt_rx_parse_flags(s + f, i - f, &t->flags, &bad) < 0) {
		fail(ps, f + bad, "unknown regular expression flag '%c': "
		    "the flags are i, m, s and x", s[f + bad]);
		return T_ERROR;
	}
	t->len = i - t->pos;
	return T_REGEX;
}

static enum tok
lex_number(struct parser *ps, struct token *t)
{
	const char *s = ps->text;
	size_t i = t->pos, end;

	while (i < ps->n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i < ps->n && s[i] == '.')
		for (i++; i < ps->n && s[i] >= '0' && s[i] <= '9'; i++)
			;
	if (i < ps->n && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;

		if (j < ps->n && (s[j] == '+' || s[j] == '-'))
			j++;
		if (j < ps->n && s[j] >= '0' && s[j] <= '9')
			for (i = j; i < ps->n && s[i] >= '0' && s[i] <= '9';)
				i++;
	}
	/* 12abc or 1.2.3 is a typo, not a number then a name. */
	end = i;
	while (i < ps->n && (is_name_char(s[i]) || s[i] == '.'))
		i++;
	t->len = i - t->pos;
	if (!mt_expr_parse_number(s + t->pos, t->len, &t->num)) {
		fail(ps, t->pos, "%s '%.*s'", i == end ?
		    "number out of range" : "invalid number",
		    t->len > QUOTE_MAX ? QUOTE_MAX : (int)t->len, s + t->pos);
		return T_ERROR;
	}
	return T_NUM;
}

static enum tok
keyword(const char *p, size_t n)
{
	if (n == 3 && memcmp(p, "and", 3) == 0)
		return T_AND;
	if (n == 2 && memcmp(p, "or", 2) == 0)
		return T_OR;
	if (n == 3 && memcmp(p, "not", 3) == 0)
		return T_NOT;
	if (n == 2 && memcmp(p, "in", 2) == 0)
		return T_IN;
	return T_NAME;
}

static void
unexpected_char(struct parser *ps, size_t i)
{
	const unsigned char *s = (const unsigned char *)ps->text;
	uint32_t c;
	bool valid;
	size_t len;

	switch (s[i]) {
	case '=':
		fail(ps, i, "unexpected '=': use '==' to compare");
		return;
	case '&':
		fail(ps, i, "unexpected '&': use '&&' or 'and'");
		return;
	case '|':
		fail(ps, i, "unexpected '|': use '||' or 'or'");
		return;
	case '\'':
		fail(ps, i, "unexpected \"'\": strings are in double quotes");
		return;
	}
	len = utf8_next(s + i, ps->n - i, &c, &valid);
	if (valid && c >= 0x20 && c != 0x7f)
		fail(ps, i, "unexpected character '%.*s'", (int)len,
		    ps->text + i);
	else
		fail(ps, i, "unexpected byte 0x%02x", s[i]);
}

/* Read the next token into ps->tok. */
static void
next(struct parser *ps)
{
	const char *s = ps->text;
	struct token *t = &ps->tok;
	size_t i = ps->i;
	enum tok k;
	char c, d;

	if (ps->failed) {
		t->t = T_ERROR;
		return;
	}
	ps->prev = t->t;
	while (i < ps->n && is_space(s[i]))
		i++;
	t->pos = i;
	t->len = 1;
	if (i >= ps->n) {
		t->t = T_EOF;
		t->len = 0;
		ps->i = i;
		return;
	}
	c = s[i];
	d = i + 1 < ps->n ? s[i + 1] : '\0';
	switch (c) {
	case '(': k = T_LPAREN; break;
	case ')': k = T_RPAREN; break;
	case ',': k = T_COMMA; break;
	case '+': k = T_PLUS; break;
	case '-': k = T_MINUS; break;
	case '*': k = T_STAR; break;
	case '~': k = T_MATCH; break;
	case '"': k = lex_string(ps, t); break;
	case '/':
		k = operand_expected(ps->prev) ? lex_regex(ps, t) : T_SLASH;
		break;
	case '=':
		if (d != '=') {
			unexpected_char(ps, i);
			k = T_ERROR;
			break;
		}
		k = T_EQ;
		t->len = 2;
		break;
	case '!':
		k = d == '=' ? T_NE : d == '~' ? T_NMATCH : T_NOT;
		t->len = k == T_NOT ? 1 : 2;
		break;
	case '<':
		k = d == '=' ? T_LE : T_LT;
		t->len = k == T_LE ? 2 : 1;
		break;
	case '>':
		k = d == '=' ? T_GE : T_GT;
		t->len = k == T_GE ? 2 : 1;
		break;
	case '&':
	case '|':
		if (d != c) {
			unexpected_char(ps, i);
			k = T_ERROR;
			break;
		}
		k = c == '&' ? T_AND : T_OR;
		t->len = 2;
		break;
	case '@':
		for (t->len = 1; i + t->len < ps->n &&
		    is_name_char(s[i + t->len]); t->len++)
			;
		if (t->len == 1 || !is_name_start(s[i + 1])) {
			fail(ps, i, "expected a list name after '@'");
			k = T_ERROR;
		} else {
			k = T_LIST;
		}
		break;
	default:
		if ((c >= '0' && c <= '9') ||
		    (c == '.' && d >= '0' && d <= '9')) {
			k = lex_number(ps, t);
		} else if (is_name_start(c)) {
			for (t->len = 1; i + t->len < ps->n &&
			    is_name_char(s[i + t->len]); t->len++)
				;
			k = keyword(s + i, t->len);
		} else {
			unexpected_char(ps, i);
			k = T_ERROR;
		}
		break;
	}
	t->t = k;
	ps->i = t->pos + t->len;
}

/* The current token for a message: 'text' or "end of expression". */
static const char *
found(struct parser *ps, char *buf, size_t size)
{
	const struct token *t = &ps->tok;

	if (t->t == T_EOF)
		return "end of expression";
	if (t->len > QUOTE_MAX)
		snprintf(buf, size, "'%.*s...'", QUOTE_MAX, ps->text + t->pos);
	else
		snprintf(buf, size, "'%.*s'", (int)t->len, ps->text + t->pos);
	return buf;
}

/* --- the parser ---------------------------------------------------------- */

static struct node *
node_new(enum op op, enum mt_expr_type type, size_t start,
    const struct token *t)
{
	struct node *n = mt_xcalloc(1, sizeof(*n));

	n->op = op;
	n->type = type;
	n->start = start;
	n->pos = t->pos;
	n->len = t->len;
	n->depth = 1;
	return n;
}

/* A node above kid: one level higher, bounded. */
static void
set_depth(struct parser *ps, struct node *n, const struct node *kid)
{
	if (kid->depth + 1 > n->depth)
		n->depth = kid->depth + 1;
	if (n->depth > MAX_DEPTH)
		fail(ps, n->pos, "expression nested too deeply");
}

/* A conversion or prefix operator over kid, placed at t. */
static struct node *
unary_node(struct parser *ps, enum op op, enum mt_expr_type type,
    struct node *kid, const struct token *t)
{
	struct node *n = node_new(op, type, t ? t->pos : kid->start,
	    t ? t : &(struct token){ .pos = kid->pos, .len = kid->len });

	n->u.kid = kid;
	set_depth(ps, n, kid);
	return n;
}

static struct node *fold(struct parser *ps, struct node *n);

/* Conversions the operators need, put in as nodes. */
static struct node *
as_num(struct parser *ps, struct node *n)
{
	struct node *c;

	if (n == NULL || n->type == MT_EXPR_NUM)
		return n;
	if (n->type == MT_EXPR_BOOL) {
		fail(ps, n->start, "expected a value, found a condition");
		return n;
	}
	if (n->op == OP_FIELD) {
		n->op = OP_FIELDNUM;
		n->type = MT_EXPR_NUM;
		return n;
	}
	c = unary_node(ps, OP_TONUM, MT_EXPR_NUM, n, NULL);
	return fold(ps, c);
}

static struct node *
as_str(struct parser *ps, struct node *n)
{
	if (n == NULL || n->type == MT_EXPR_STR)
		return n;
	if (n->type == MT_EXPR_BOOL) {
		fail(ps, n->start, "expected a value, found a condition");
		return n;
	}
	return fold(ps, unary_node(ps, OP_TOSTR, MT_EXPR_STR, n, NULL));
}

static struct node *
as_bool(struct parser *ps, struct node *n)
{
	if (n == NULL || n->type == MT_EXPR_BOOL)
		return n;
	return fold(ps, unary_node(ps, OP_TRUTH, MT_EXPR_BOOL, n, NULL));
}

static bool
is_const(const struct node *n)
{
	return n->op == OP_CONST;
}

/*
 * Evaluate a subtree of constants once, now. The evaluator runs with no
 * record; a string result is copied out of the scratch arena.
 */
static struct node *
fold(struct parser *ps, struct node *n)
{
	struct mt_expr *e = ps->e;
	struct mt_expr_value k = { 0 };
	union slot r;
	size_t i;
	bool all = true;

	if (n == NULL || ps->failed)
		return n;
	switch (n->op) {
	case OP_TONUM:
	case OP_TOSTR:
	case OP_TRUTH:
	case OP_NEG:
	case OP_NOT:
		all = is_const(n->u.kid);
		break;
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_DIV:
	case OP_NUMCMP:
	case OP_STRCMP:
		all = is_const(n->u.bin.l) && is_const(n->u.bin.r);
		break;
	case OP_CALL:
		all = n->u.call.f->pure;
		for (i = 0; i < n->u.call.n; i++)
			all = all && is_const(n->u.call.args[i]);
		break;
	default:
		return n;
	}
	if (!all)
		return n;
	e->vals = NULL;
	e->nvals = 0;
	scratch_reset(&e->scratch);
	r = run_tree(e, n);
	switch (n->type) {
	case MT_EXPR_BOOL:
		/* Constants never reach a regular expression: no error. */
		k.b = r.b == 1;
		break;
	case MT_EXPR_NUM:
		k.num = r.num;
		break;
	case MT_EXPR_STR:
		k.str.p = mt_xstrndup(r.str.p, r.str.n);
		k.str.n = r.str.n;
		break;
	}
	node_free_kids(n);
	n->op = OP_CONST;
	n->u.k = k;
	n->depth = 1;
	return n;
}

static struct node *parse_or(struct parser *ps);

static bool
accept(struct parser *ps, enum tok t)
{
	if (ps->tok.t != t)
		return false;
	next(ps);
	return true;
}

/* Line and column (1-based, in characters) of a byte offset of the text. */
static void
locate(const char *text, size_t pos, const struct mt_expr_ctx *ctx,
    unsigned long *line, unsigned long *col, size_t *linestart)
{
	size_t i, ls = 0;
	unsigned long nl = 0;

	for (i = 0; i < pos; i++)
		if (text[i] == '\n') {
			nl++;
			ls = i + 1;
		}
	*line = (ctx->line ? ctx->line : 1) + nl;
	*col = (nl == 0 && ctx->col ? ctx->col : 1) +
	    utf8_count(text + ls, pos - ls);
	if (linestart != NULL)
		*linestart = ls;
}

static unsigned long
column(struct parser *ps, size_t pos)
{
	unsigned long line, col;

	locate(ps->text, pos, ps->ctx, &line, &col, NULL);
	return col;
}

/* Free n and return NULL if anything failed while building it. */
static struct node *
checked(struct parser *ps, struct node *n)
{
	if (ps->failed) {
		node_free(n);
		return NULL;
	}
	return n;
}

static struct node *
binary(struct parser *ps, enum op op, enum mt_expr_type type,
    const struct token *t, struct node *l, struct node *r, enum cmp cmp)
{
	struct node *n = node_new(op, type, l->start, t);

	n->u.bin.l = l;
	n->u.bin.r = r;
	n->u.bin.cmp = cmp;
	set_depth(ps, n, l);
	set_depth(ps, n, r);
	return checked(ps, fold(ps, n));
}

/* Edit distance, for "did you mean"; names longer than 64 are not tried. */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t row[65], i, j, prev, cur;

	if (na > 64 || nb > 64)
		return SIZE_MAX;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			cur = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev :
			    1 + (prev < row[j - 1] ?
			    (prev < row[j] ? prev : row[j]) :
			    (row[j - 1] < row[j] ? row[j - 1] : row[j]));
			prev = cur;
		}
	}
	return row[nb];
}

static struct node *
field_node(struct parser *ps, const struct token *t)
{
	const struct mt_expr_ctx *ctx = ps->ctx;
	const char *name = ps->text + t->pos;
	struct mt_buf list = { 0 };
	size_t i, d, best = SIZE_MAX, besti = 0;
	struct node *n;

	for (i = 0; i < ctx->nfields; i++)
		if (ctx->fields[i].n == t->len &&
		    memcmp(ctx->fields[i].p, name, t->len) == 0) {
			n = node_new(OP_FIELD, MT_EXPR_STR, t->pos, t);
			n->u.field = i;
			return n;
		}
	if (ps->any_field) {
		/* Never evaluated: the first field stands for every name. */
		n = node_new(OP_FIELD, MT_EXPR_STR, t->pos, t);
		n->u.field = 0;
		return n;
	}
	for (i = 0; i < ctx->nfields; i++) {
		if (i > 0)
			mt_buf_add(&list, ", ", 2);
		mt_buf_add(&list, ctx->fields[i].p, ctx->fields[i].n);
		d = distance(name, t->len, ctx->fields[i].p, ctx->fields[i].n);
		if (d < best) {
			best = d;
			besti = i;
		}
	}
	mt_buf_addc(&list, '\0');
	/* A slip of a letter or two, not a different name. */
	if (best <= 2 && best < t->len)
		fail(ps, t->pos, "unknown field '%.*s' (did you mean '%.*s'?): "
		    "the fields are %s", (int)t->len, name,
		    (int)ctx->fields[besti].n, ctx->fields[besti].p, list.buf);
	else if (ctx->nfields > 0)
		fail(ps, t->pos, "unknown field '%.*s': the fields are %s",
		    (int)t->len, name, list.buf);
	else
		fail(ps, t->pos, "unknown field '%.*s': there are no fields",
		    (int)t->len, name);
	mt_buf_free(&list);
	return NULL;
}

static const struct mt_expr_func *
find_func(struct parser *ps, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < ps->ctx->nfuncs; i++)
		if (strlen(ps->ctx->funcs[i].name) == n &&
		    memcmp(ps->ctx->funcs[i].name, name, n) == 0)
			return &ps->ctx->funcs[i];
	for (i = 0; i < NBUILTINS; i++)
		if (strlen(builtins[i].name) == n &&
		    memcmp(builtins[i].name, name, n) == 0)
			return &builtins[i];
	return NULL;
}

static void
unknown_func(struct parser *ps, const struct token *t)
{
	struct mt_buf list = { 0 };
	size_t i;
	const char *name;

	for (i = 0; i < NBUILTINS + ps->ctx->nfuncs; i++) {
		name = i < NBUILTINS ? builtins[i].name :
		    ps->ctx->funcs[i - NBUILTINS].name;
		if (i > 0)
			mt_buf_add(&list, ", ", 2);
		mt_buf_add(&list, name, strlen(name));
	}
	mt_buf_addc(&list, '\0');
	fail(ps, t->pos, "unknown function '%.*s': the functions are %s",
	    (int)t->len, ps->text + t->pos, list.buf);
	mt_buf_free(&list);
}

static void
arity_error(struct parser *ps, const struct token *t, size_t min,
    size_t max, size_t got)
{
	char want[64];

	if (max == 0)
		snprintf(want, sizeof(want), "no arguments");
	else if (min == max)
		snprintf(want, sizeof(want), "%zu argument%s", min,
		    min == 1 ? "" : "s");
	else if (max == min + 1)
		snprintf(want, sizeof(want), "%zu or %zu arguments", min, max);
	else
		snprintf(want, sizeof(want), "%zu to %zu arguments", min, max);
	fail(ps, t->pos, "%.*s() takes %s, found %zu", (int)t->len,
	    ps->text + t->pos, want, got);
}

static bool
today_text(const struct mt_expr_ctx *ctx, char *buf)
{
	struct tm tm;
	time_t now;
	long days;

	if (ctx->today != NULL) {
		if (!mt_expr_parse_date(ctx->today, strlen(ctx->today), &days))
			return false;
		memcpy(buf, ctx->today, 11);
		return true;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return false;
	return strftime(buf, 11, "%Y-%m-%d", &tm) == 10;
}

static struct node *
const_str(const char *p, size_t n, const struct token *t)
{
	struct node *c = node_new(OP_CONST, MT_EXPR_STR, t->pos, t);

	c->u.k.str.p = mt_xstrndup(p, n);
	c->u.k.str.n = n;
	return c;
}

static struct node *
call_node(struct parser *ps, const struct token *name)
{
	const struct mt_expr_func *f;
	struct node **args = NULL, *a, *n;
	size_t nargs = 0, cap = 0, min, max, i;
	char today[11], buf[QUOTE_MAX + 8];
	const char *bar;

	if ((f = find_func(ps, ps->text + name->pos, name->len)) == NULL) {
		unknown_func(ps, name);
		return NULL;
	}
	next(ps);		/* the '(' */
	if (ps->tok.t != T_RPAREN) {
		for (;;) {
			if ((a = parse_or(ps)) == NULL)
				goto fail;
			if (nargs == cap) {
				cap = cap ? cap * 2 : 4;
				args = mt_xrealloc(args, cap * sizeof(*args));
			}
			args[nargs++] = a;
			if (accept(ps, T_COMMA))
				continue;
			if (ps->tok.t == T_RPAREN)
				break;
			fail(ps, ps->tok.pos, "expected ',' or ')' after an "
			    "argument of %.*s(), found %s", (int)name->len,
			    ps->text + name->pos, found(ps, buf, sizeof(buf)));
			goto fail;
		}
	}
	next(ps);		/* the ')' */
	bar = strchr(f->args, '|');
	min = bar ? (size_t)(bar - f->args) : strlen(f->args);
	max = strlen(f->args) - (bar != NULL);
	if (nargs < min || nargs > max) {
		arity_error(ps, name, min, max, nargs);
		goto fail;
	}
	if (f->fn == NULL) {
		/* today(): a constant for the whole run. */
		if (!today_text(ps->ctx, today)) {
			fail(ps, name->pos, "today's date '%s' is not a "
			    "valid date (YYYY-MM-DD)", ps->ctx->today ?
			    ps->ctx->today : "");
			goto fail;
		}
		free(args);
		return const_str(today, 10, name);
	}
	n = node_new(OP_CALL, f->type, name->pos, name);
	n->u.call.f = f;
	n->u.call.args = args;
	n->u.call.n = nargs;
	n->u.call.vals = mt_xcalloc(nargs, sizeof(*n->u.call.vals));
	for (i = 0; i < nargs; i++) {
		char want = f->args[i + (bar && f->args + i >= bar)];

		args[i] = want == 'n' ? as_num(ps, args[i]) :
		    as_str(ps, args[i]);
		set_depth(ps, n, args[i]);
	}
	return checked(ps, fold(ps, n));
fail:
	for (i = 0; i < nargs; i++)
		node_free(args[i]);
	free(args);
	return NULL;
}

static struct node *
parse_primary(struct parser *ps)
{
	struct token t = ps->tok;
	struct node *n;
	char buf[QUOTE_MAX + 8];

	switch (t.t) {
	case T_NUM:
		n = node_new(OP_CONST, MT_EXPR_NUM, t.pos, &t);
		n->u.k.num = t.num;
		next(ps);
		return n;
	case T_STR:
		n = const_str(ps->sbuf.buf ? ps->sbuf.buf : "", ps->sbuf.len,
		    &t);
		next(ps);
		return n;
	case T_NAME:
		next(ps);
		if (ps->tok.t == T_LPAREN) {
			if (++ps->nest > MAX_NEST) {
				fail(ps, ps->tok.pos,
				    "expression nested too deeply");
				return NULL;
			}
			n = call_node(ps, &t);
			ps->nest--;
			return n;
		}
		return field_node(ps, &t);
	case T_LPAREN:
		if (++ps->nest > MAX_NEST) {
			fail(ps, t.pos, "expression nested too deeply");
			return NULL;
		}
		next(ps);
		if ((n = parse_or(ps)) == NULL)
			return NULL;
		if (ps->tok.t != T_RPAREN) {
			fail(ps, ps->tok.pos, "expected ')' to close the '(' "
			    "at column %lu, found %s", column(ps, t.pos),
			    found(ps, buf, sizeof(buf)));
			node_free(n);
			return NULL;
		}
		next(ps);
		ps->nest--;
		n->start = t.pos;
		return n;
	case T_REGEX:
		fail(ps, t.pos, "a regular expression can only follow '~' or "
		    "'!~'");
		return NULL;
	case T_LIST:
		fail(ps, t.pos, "a list can only follow 'in'");
		return NULL;
	case T_ERROR:
		return NULL;
	default:
		fail(ps, t.pos, "expected a value, found %s",
		    found(ps, buf, sizeof(buf)));
		return NULL;
	}
}

static struct node *
parse_unary(struct parser *ps)
{
	struct token t = ps->tok;
	struct node *kid;

	if (t.t != T_MINUS)
		return parse_primary(ps);
	if (++ps->nest > MAX_NEST) {
		fail(ps, t.pos, "expression nested too deeply");
		return NULL;
	}
	next(ps);
	kid = parse_unary(ps);
	ps->nest--;
	if (kid == NULL)
		return NULL;
	kid = as_num(ps, kid);
	return checked(ps, fold(ps, unary_node(ps, OP_NEG, MT_EXPR_NUM, kid,
	    &t)));
}

static struct node *
parse_mul(struct parser *ps)
{
	struct node *l, *r;
	struct token t;

	if ((l = parse_unary(ps)) == NULL)
		return NULL;
	while (ps->tok.t == T_STAR || ps->tok.t == T_SLASH) {
		t = ps->tok;
		next(ps);
		if ((r = parse_unary(ps)) == NULL) {
			node_free(l);
			return NULL;
		}
		l = as_num(ps, l);
		r = as_num(ps, r);
		l = binary(ps, t.t == T_STAR ? OP_MUL : OP_DIV, MT_EXPR_NUM,
		    &t, l, r, CMP_EQ);
		if (l == NULL)
			return NULL;
	}
	return l;
}

static struct node *
parse_add(struct parser *ps)
{
	struct node *l, *r;
	struct token t;

	if ((l = parse_mul(ps)) == NULL)
		return NULL;
	while (ps->tok.t == T_PLUS || ps->tok.t == T_MINUS) {
		t = ps->tok;
		next(ps);
		if ((r = parse_mul(ps)) == NULL) {
			node_free(l);
			return NULL;
		}
		l = as_num(ps, l);
		r = as_num(ps, r);
		l = binary(ps, t.t == T_PLUS ? OP_ADD : OP_SUB, MT_EXPR_NUM,
		    &t, l, r, CMP_EQ);
		if (l == NULL)
			return NULL;
	}
	return l;
}

static void
unknown_list(struct parser *ps, const struct token *t)
{
	struct mt_lists *ls = ps->ctx->lists;
	struct mt_buf list = { 0 };
	size_t i, n = ls ? mt_lists_count(ls) : 0;
	const char *name;

	for (i = 0; i < n; i++) {
		name = mt_list_name(mt_lists_at(ls, i));
		if (i > 0)
			mt_buf_add(&list, ", ", 2);
		mt_buf_addc(&list, '@');
		mt_buf_add(&list, name, strlen(name));
	}
	mt_buf_addc(&list, '\0');
	if (n > 0)
		fail(ps, t->pos, "unknown list '%.*s': the lists are %s",
		    (int)t->len, ps->text + t->pos, list.buf);
	else
		fail(ps, t->pos, "unknown list '%.*s': no lists are defined",
		    (int)t->len, ps->text + t->pos);
	mt_buf_free(&list);
}

/* in ("a", "b", ...): a list of its own, anonymous. */
static struct mt_list *
parse_set(struct parser *ps)
{
	struct mt_expr *e = ps->e;
	struct mt_list *l;
	char name[32], buf[QUOTE_MAX + 8];

	if (e->sets == NULL)
		e->sets = mt_lists_new();
	snprintf(name, sizeof(name), "set%zu", mt_lists_count(e->sets) + 1);
	l = mt_lists_add(e->sets, name, strlen(name));
	next(ps);		/* the '(' */
	for (;;) {
		if (ps->tok.t != T_STR) {
			if (ps->tok.t != T_ERROR)
				fail(ps, ps->tok.pos, "expected a string in "
				    "double quotes, found %s",
				    found(ps, buf, sizeof(buf)));
			return NULL;
		}
		mt_list_add(l, ps->sbuf.buf ? ps->sbuf.buf : "", ps->sbuf.len);
		next(ps);
		if (accept(ps, T_COMMA))
			continue;
		if (accept(ps, T_RPAREN))
			return l;
		if (ps->tok.t != T_ERROR)
			fail(ps, ps->tok.pos, "expected ',' or ')' in the list "
			    "after 'in', found %s",
			    found(ps, buf, sizeof(buf)));
		return NULL;
	}
}

static struct node *
parse_in(struct parser *ps, struct node *l, const struct token *op,
    bool neg)
{
	struct mt_list *list = NULL;
	struct node *n;
	char buf[QUOTE_MAX + 8];
	bool set = false;

	if (ps->tok.t == T_LIST) {
		if (ps->ctx->lists != NULL)
			list = mt_lists_get(ps->ctx->lists,
			    ps->text + ps->tok.pos + 1, ps->tok.len - 1);
		if (list == NULL)
			unknown_list(ps, &ps->tok);
		else
			next(ps);
	} else if (ps->tok.t == T_LPAREN) {
		list = parse_set(ps);
		set = true;
	} else if (ps->tok.t != T_ERROR) {
		fail(ps, ps->tok.pos, "expected '@list' or '(' after 'in', "
		    "found %s", found(ps, buf, sizeof(buf)));
	}
	if (list == NULL) {
		node_free(l);
		return NULL;
	}
	n = node_new(OP_IN, MT_EXPR_BOOL, l->start, op);
	if (l->op == OP_CALL && strcmp(l->u.call.f->name, "words") == 0 &&
	    l->u.call.f->fn == fn_words) {
		/* words(x) in @list: x itself, looked up word by word. */
		struct node *x = l->u.call.args[0];

		l->u.call.n = 0;
		node_free(l);
		l = x;
		n->u.in.words = true;
	}
	n->u.in.kid = as_str(ps, l);
	n->u.in.list = list;
	n->u.in.neg = neg;
	n->u.in.set = set;
	set_depth(ps, n, n->u.in.kid);
	return checked(ps, n);
}

static struct node *
parse_match(struct parser *ps, struct node *l, const struct token *op)
{
	const struct token *t = &ps->tok;
	struct mt_rx *rx;
	struct node *n;
	char buf[QUOTE_MAX + 8], err[256];
	size_t off = 0;

	if (t->t != T_REGEX) {
		if (t->t != T_ERROR)
			fail(ps, t->pos, "expected a /regular expression/ "
			    "after '%s', found %s", op->t == T_MATCH ? "~" :
			    "!~", found(ps, buf, sizeof(buf)));
		node_free(l);
		return NULL;
	}
	rx = mt_rx_compile(ps->text + t->pat, t->patlen, t->flags, err,
	    sizeof(err), &off);
	if (rx == NULL) {
		fail(ps, t->pat + (off < t->patlen ? off : t->patlen),
		    "invalid regular expression: %s", err);
		node_free(l);
		return NULL;
	}
	next(ps);
	n = node_new(OP_MATCH, MT_EXPR_BOOL, l->start, op);
	n->u.match.kid = as_str(ps, l);
	n->u.match.rx = rx;
	n->u.match.neg = op->t == T_NMATCH;
	n->u.match.guard = UINT32_MAX;
	set_depth(ps, n, n->u.match.kid);
	return checked(ps, n);
}

static bool
is_comparison(enum tok t)
{
	return t == T_EQ || t == T_NE || t == T_LT || t == T_LE ||
	    t == T_GT || t == T_GE || t == T_MATCH || t == T_NMATCH ||
	    t == T_IN;
}

static struct node *
parse_cmp(struct parser *ps)
{
	static const enum cmp cmps[] = {
		[T_EQ] = CMP_EQ, [T_NE] = CMP_NE, [T_LT] = CMP_LT,
		[T_LE] = CMP_LE, [T_GT] = CMP_GT, [T_GE] = CMP_GE
	};
	struct node *l, *r, *n;
	struct token t;
	char buf[QUOTE_MAX + 8];
	bool numeric;

	if ((l = parse_add(ps)) == NULL)
		return NULL;
	t = ps->tok;
	switch (t.t) {
	case T_EQ:
	case T_NE:
	case T_LT:
	case T_LE:
	case T_GT:
	case T_GE:
		next(ps);
		if ((r = parse_add(ps)) == NULL) {
			node_free(l);
			return NULL;
		}
		/* Numeric as soon as one side is a number. */
		numeric = l->type == MT_EXPR_NUM || r->type == MT_EXPR_NUM;
		l = numeric ? as_num(ps, l) : as_str(ps, l);
		r = numeric ? as_num(ps, r) : as_str(ps, r);
		n = binary(ps, numeric ? OP_NUMCMP : OP_STRCMP, MT_EXPR_BOOL,
		    &t, l, r, cmps[t.t]);
		break;
	case T_MATCH:
	case T_NMATCH:
		next(ps);
		n = parse_match(ps, l, &t);
		break;
	case T_IN:
		next(ps);
		n = parse_in(ps, l, &t, false);
		break;
	case T_NOT:
		next(ps);
		if (ps->tok.t != T_IN) {
			if (ps->tok.t != T_ERROR)
				fail(ps, ps->tok.pos, "expected 'in' after "
				    "'not', found %s",
				    found(ps, buf, sizeof(buf)));
			node_free(l);
			return NULL;
		}
		next(ps);
		n = parse_in(ps, l, &t, true);
		break;
	default:
		return l;
	}
	if (n != NULL && is_comparison(ps->tok.t)) {
		fail(ps, ps->tok.pos, "comparisons do not chain: join them "
		    "with '&&'");
		node_free(n);
		return NULL;
	}
	return n;
}

static struct node *
parse_not(struct parser *ps)
{
	struct token t = ps->tok;
	struct node *kid;

	if (t.t != T_NOT)
		return parse_cmp(ps);
	if (++ps->nest > MAX_NEST) {
		fail(ps, t.pos, "expression nested too deeply");
		return NULL;
	}
	next(ps);
	kid = parse_not(ps);
	ps->nest--;
	if (kid == NULL)
		return NULL;
	kid = as_bool(ps, kid);
	return checked(ps, fold(ps, unary_node(ps, OP_NOT, MT_EXPR_BOOL, kid,
	    &t)));
}

/*
 * An n-ary && or ||. Constant operands go: true ones from &&, false
 * ones from ||; one that decides the result makes the node a constant.
 */
static struct node *
logical(struct parser *ps, enum op op, const struct token *t,
    struct node **kids, size_t nkids)
{
	bool unit = op == OP_AND;	/* the operand that changes nothing */
	struct node *n;
	size_t i, k = 0;
	bool decided = false;

	for (i = 0; i < nkids; i++) {
		if (!is_const(kids[i])) {
			kids[k++] = kids[i];
			continue;
		}
		if (kids[i]->u.k.b != unit)
			decided = true;
		node_free(kids[i]);
	}
	if (decided || k == 0) {
		n = node_new(OP_CONST, MT_EXPR_BOOL, t->pos, t);
		n->u.k.b = decided ? !unit : unit;
		for (i = 0; i < k; i++)
			node_free(kids[i]);
		free(kids);
		return n;
	}
	if (k == 1) {
		n = kids[0];
		free(kids);
		return n;
	}
	n = node_new(op, MT_EXPR_BOOL, kids[0]->start, t);
	n->u.kids.v = kids;
	n->u.kids.n = k;
	for (i = 0; i < k; i++)
		set_depth(ps, n, kids[i]);
	return checked(ps, n);
}

/* One level of && or ||: operands from sub, joined by tok. */
static struct node *
parse_logical(struct parser *ps, enum tok tok, enum op op,
    struct node *(*sub)(struct parser *))
{
	struct node **kids, *l, *r;
	struct token t;
	size_t n = 1, cap = 4, i;

	if ((l = sub(ps)) == NULL)
		return NULL;
	if (ps->tok.t != tok)
		return l;
	t = ps->tok;
	kids = mt_xmalloc(cap * sizeof(*kids));
	kids[0] = as_bool(ps, l);
	while (accept(ps, tok)) {
		if ((r = sub(ps)) == NULL)
			goto fail;
		if (n == cap) {
			cap *= 2;
			kids = mt_xrealloc(kids, cap * sizeof(*kids));
		}
		kids[n++] = as_bool(ps, r);
	}
	if (ps->failed)
		goto fail;
	return logical(ps, op, &t, kids, n);
fail:
	for (i = 0; i < n; i++)
		node_free(kids[i]);
	free(kids);
	return NULL;
}

static struct node *
parse_and(struct parser *ps)
{
	return parse_logical(ps, T_AND, OP_AND, parse_not);
}

static struct node *
parse_or(struct parser *ps)
{
	return parse_logical(ps, T_OR, OP_OR, parse_and);
}

/* --- compiled expressions ------------------------------------------------ */

/* Call fn on n and every node below it, parents first. */
static void
each_node(struct node *n, void (*fn)(struct node *, void *), void *arg)
{
	size_t i;

	fn(n, arg);
	switch (n->op) {
	case OP_CONST:
	case OP_FIELD:
	case OP_FIELDNUM:
		break;
	case OP_TONUM:
	case OP_TOSTR:
	case OP_TRUTH:
	case OP_NEG:
	case OP_NOT:
		each_node(n->u.kid, fn, arg);
		break;
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_DIV:
	case OP_NUMCMP:
	case OP_STRCMP:
		each_node(n->u.bin.l, fn, arg);
		each_node(n->u.bin.r, fn, arg);
		break;
	case OP_MATCH:
		each_node(n->u.match.kid, fn, arg);
		break;
	case OP_IN:
		each_node(n->u.in.kid, fn, arg);
		break;
	case OP_AND:
	case OP_OR:
		for (i = 0; i < n->u.kids.n; i++)
			each_node(n->u.kids.v[i], fn, arg);
		break;
	case OP_CALL:
		for (i = 0; i < n->u.call.n; i++)
			each_node(n->u.call.args[i], fn, arg);
		break;
	}
}

struct walk {
	bool *used;		/* fields read; NULL: not wanted */
	size_t nmatch;		/* regular expression matches */
};

static void
walk_node(struct node *n, void *arg)
{
	struct walk *w = arg;

	if ((n->op == OP_FIELD || n->op == OP_FIELDNUM) && w->used != NULL)
		w->used[n->u.field] = true;
	else if (n->op == OP_MATCH)
		w->nmatch++;
}

/* Count the matches of a tree and, when used is not NULL, mark its fields. */
static size_t
walk(struct node *n, bool *used)
{
	struct walk w = { used, 0 };

	each_node(n, walk_node, &w);
	return w.nmatch;
}

static void
set_error(struct parser *ps, struct mt_expr_error *err)
{
	size_t ls, le;

	memset(err, 0, sizeof(*err));
	err->source = mt_xstrdup(ps->ctx->source ? ps->ctx->source :
	    "expression");
	locate(ps->text, ps->errpos, ps->ctx, &err->line, &err->col, &ls);
	for (le = ls; le < ps->n && ps->text[le] != '\n'; le++)
		;
	err->text = mt_xstrndup(ps->text + ls, le - ls);
	err->caret = ps->errpos - ls;
	err->msg = ps->errmsg;
	ps->errmsg = NULL;
}

static struct mt_expr *
compile(const char *text, size_t n, const struct mt_expr_ctx *ctx,
    struct mt_expr_error *err, bool any_field)
{
	struct parser ps;
	struct mt_expr *e;
	struct node *root;
	bool *used;
	size_t i, depth, nmatch = 0;
	char buf[QUOTE_MAX + 8];

	e = mt_xcalloc(1, sizeof(*e));
	e->text = mt_xstrndup(n ? text : "", n);
	memset(&ps, 0, sizeof(ps));
	ps.text = e->text;
	ps.n = n;
	ps.ctx = ctx;
	ps.e = e;
	ps.any_field = any_field;
	ps.tok.t = T_ERROR;
	next(&ps);
	root = parse_or(&ps);
	if (root != NULL && ps.tok.t != T_EOF) {
		if (ps.tok.t == T_RPAREN)
			fail(&ps, ps.tok.pos, "unexpected ')': no '(' is open");
		else
			fail(&ps, ps.tok.pos, "expected an operator or the "
			    "end of the expression, found %s",
			    found(&ps, buf, sizeof(buf)));
	}
	root = checked(&ps, as_bool(&ps, checked(&ps, root)));
	mt_buf_free(&ps.sbuf);
	if (root != NULL)
		nmatch = walk(root, NULL);
	e->root = root;
	if (root != NULL && nmatch > 0) {
		e->rx = ctx->rx;
		if (e->rx == NULL) {
			e->rx = mt_rx_env_new(NULL);
			e->own_rx = true;
		}
		if (e->rx == NULL)
			fail(&ps, 0, "out of memory for regular expressions");
	}
	if (ps.failed) {
		if (err != NULL)
			set_error(&ps, err);
		free(ps.errmsg);
		mt_expr_free(e);
		return NULL;
	}
	used = mt_xcalloc(ctx->nfields ? ctx->nfields : 1, sizeof(*used));
	nmatch = walk(root, used);
	e->fields = mt_xcalloc(ctx->nfields ? ctx->nfields : 1,
	    sizeof(*e->fields));
	for (i = 0; i < ctx->nfields; i++)
		if (used[i])
			e->fields[e->nfields++] = i;
	free(used);
	e->cmatches = nmatch;
	e->matches = mt_xcalloc(nmatch ? nmatch : 1, sizeof(*e->matches));
	e->prog = gen_program(root, ctx->memo, &depth);
	e->stack = mt_xcalloc(depth ? depth : 1, sizeof(*e->stack));
	return e;
}

bool
mt_expr_syntax_ok(const char *text, size_t n, const struct mt_expr_ctx *ctx,
    struct mt_expr_error *err)
{
	struct mt_expr *e;

	if ((e = compile(text, n, ctx, err, true)) == NULL)
		return false;
	mt_expr_free(e);
	return true;
}

struct mt_expr *
mt_expr_compile(const char *text, size_t n, const struct mt_expr_ctx *ctx,
    struct mt_expr_error *err)
{
	return compile(text, n, ctx, err, false);
}

void
mt_expr_free(struct mt_expr *e)
{
	if (e == NULL)
		return;
	node_free(e->root);
	if (e->own_rx)
		mt_rx_env_free(e->rx);
	mt_lists_free(e->sets);
	scratch_free(&e->scratch);
	mt_buf_free(&e->key);
	free(e->matches);
	free(e->fields);
	free(e->prog);
	free(e->stack);
	free(e->text);
	free(e);
}

int
mt_expr_eval(struct mt_expr *e, const struct mt_str *values, size_t n)
{
	scratch_reset(&e->scratch);
	e->vals = values;
	e->nvals = n;
	e->rec = NULL;
	e->nmatches = 0;
	e->errmsg[0] = '\0';
	return run(e, e->prog, e->stack).b;
}

int
mt_expr_eval_rec(struct mt_expr *e, struct mt_expr_rec *r)
{
	scratch_reset(&e->scratch);
	e->vals = r->vals;
	e->nvals = r->n;
	e->rec = r;
	e->nmatches = 0;
	e->errmsg[0] = '\0';
	return run(e, e->prog, e->stack).b;
}

const char *
mt_expr_errmsg(const struct mt_expr *e)
{
	return e->errmsg;
}

const struct mt_expr_match *
mt_expr_matches(const struct mt_expr *e, size_t *n)
{
	*n = e->nmatches;
	return e->matches;
}

size_t
mt_expr_field_span(const struct mt_expr *e)
{
	return e->nfields ? e->fields[e->nfields - 1] + 1 : 0;
}

const size_t *
mt_expr_fields(const struct mt_expr *e, size_t *n)
{
	*n = e->nfields;
	return e->fields;
}

/* --- what an expression needs to be true --------------------------------- */

struct needs {
	struct mt_expr_need *v;
	size_t n, c;
	mt_expr_usable_fn *usable;
	void *arg;
};

static void
need_add(struct needs *d, size_t field, const struct mt_rx *rx)
{
	if (d->n == d->c) {
		d->c = d->c ? 2 * d->c : 4;
		d->v = mt_xrealloc(d->v, d->c * sizeof(*d->v));
	}
	d->v[d->n].field = field;
	d->v[d->n].rx = rx;
	d->n++;
}

/*
 * Append to d a disjunction of matches one of which must succeed for n to
 * be true; false (d as it was) when no such set is known. Of the kids of
 * an `and`, the first that has one will do; an `or` needs one from each.
 */
static bool
needs_of(const struct node *n, struct needs *d)
{
	size_t i, mark = d->n;

	switch (n->op) {
	case OP_MATCH:
		if (n->u.match.neg || n->u.match.kid->op != OP_FIELD ||
		    !d->usable(n->u.match.rx, d->arg))
			return false;
		need_add(d, n->u.match.kid->u.field, n->u.match.rx);
		return true;
	case OP_AND:
		for (i = 0; i < n->u.kids.n; i++)
			if (needs_of(n->u.kids.v[i], d))
				return true;
		return false;
	case OP_OR:
		for (i = 0; i < n->u.kids.n; i++)
			if (!needs_of(n->u.kids.v[i], d)) {
				d->n = mark;
				return false;
			}
		return true;
	default:
		return false;
	}
}

size_t
mt_expr_needs(const struct mt_expr *e, mt_expr_usable_fn *usable, void *arg,
    struct mt_expr_need **out)
{
	struct needs d = { NULL, 0, 0, usable, arg };

	if (!needs_of(e->root, &d)) {
		free(d.v);
		d.v = NULL;
		d.n = 0;
	}
	*out = d.v;
	return d.n;
}

struct visit {
	mt_expr_list_use_fn *list_fn;
	mt_expr_guard_fn *guard_fn;
	void *arg;
};

static void
list_use(struct node *n, void *arg)
{
	struct visit *v = arg;

	if (n->op == OP_IN && !n->u.in.set)
		v->list_fn(n->u.in.kid->op == OP_FIELD ? n->u.in.kid->u.field :
		    SIZE_MAX, n->u.in.list, n->pos, v->arg);
}

static void
guard_match(struct node *n, void *arg)
{
	struct visit *v = arg;

	if (n->op == OP_MATCH && n->u.match.kid->op == OP_FIELD)
		n->u.match.guard = v->guard_fn(n->u.match.kid->u.field,
		    n->u.match.rx, n->u.match.guard, v->arg);
}

void
mt_expr_guard_matches(struct mt_expr *e, mt_expr_guard_fn *fn, void *arg)
{
	struct visit v = { NULL, fn, arg };

	each_node(e->root, guard_match, &v);
}

void
mt_expr_list_uses(const struct mt_expr *e, mt_expr_list_use_fn *fn, void *arg)
{
	struct visit v = { fn, NULL, arg };

	each_node(e->root, list_use, &v);
}

/* --- the tree as text ---------------------------------------------------- */

static void
dump_str(struct mt_buf *out, struct mt_str s)
{
	char hex[8];
	size_t i;

	mt_buf_addc(out, '"');
	for (i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];

		switch (c) {
		case '"': mt_buf_add(out, "\\\"", 2); break;
		case '\\': mt_buf_add(out, "\\\\", 2); break;
		case '\n': mt_buf_add(out, "\\n", 2); break;
		case '\t': mt_buf_add(out, "\\t", 2); break;
		case '\r': mt_buf_add(out, "\\r", 2); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(hex, sizeof(hex), "\\u%04x", c);
				mt_buf_add(out, hex, 6);
			} else {
				mt_buf_addc(out, (char)c);
			}
		}
	}
	mt_buf_addc(out, '"');
}

static void
dump_node(const struct mt_expr *e, const struct node *n, struct mt_buf *out)
{
	static const char *const cmps[] = { "==", "!=", "<", "<=", ">", ">=" };
	const char *name = NULL;
	char num[40];
	size_t i, len;

	switch (n->op) {
	case OP_CONST:
		if (n->type == MT_EXPR_BOOL) {
			name = n->u.k.b ? "true" : "false";
			mt_buf_add(out, name, strlen(name));
		} else if (n->type == MT_EXPR_NUM) {
			len = format_number(n->u.k.num, num, sizeof(num));
			if (len == 0)
				mt_buf_add(out, "nan", 3);
			else
				mt_buf_add(out, num, len);
		} else {
			dump_str(out, n->u.k.str);
		}
		return;
	case OP_FIELD:
		mt_buf_add(out, e->text + n->pos, n->len);
		return;
	case OP_FIELDNUM:
		mt_buf_add(out, "(num ", 5);
		mt_buf_add(out, e->text + n->pos, n->len);
		mt_buf_addc(out, ')');
		return;
	case OP_TONUM: name = "num"; break;
	case OP_TOSTR: name = "str"; break;
	case OP_TRUTH: name = "bool"; break;
	case OP_NEG: name = "-"; break;
	case OP_NOT: name = "!"; break;
	case OP_ADD: name = "+"; break;
	case OP_SUB: name = "-"; break;
	case OP_MUL: name = "*"; break;
	case OP_DIV: name = "/"; break;
	case OP_NUMCMP:
	case OP_STRCMP: name = cmps[n->u.bin.cmp]; break;
	case OP_MATCH: name = n->u.match.neg ? "!~" : "~"; break;
	case OP_IN:
		name = n->u.in.words ? (n->u.in.neg ? "not-in-words" :
		    "in-words") : n->u.in.neg ? "not-in" : "in";
		break;
	case OP_AND: name = "&&"; break;
	case OP_OR: name = "||"; break;
	case OP_CALL: name = n->u.call.f->name; break;
	}
	mt_buf_addc(out, '(');
	mt_buf_add(out, name, strlen(name));
	switch (n->op) {
	case OP_TONUM:
	case OP_TOSTR:
	case OP_TRUTH:
	case OP_NEG:
	case OP_NOT:
		mt_buf_addc(out, ' ');
		dump_node(e, n->u.kid, out);
		break;
	case OP_MATCH:
		mt_buf_addc(out, ' ');
		dump_node(e, n->u.match.kid, out);
		mt_buf_addc(out, ' ');
		name = mt_rx_pattern(n->u.match.rx, &len);
		mt_buf_addc(out, '/');
		mt_buf_add(out, name, len);
		mt_buf_addc(out, '/');
		flag_letters(mt_rx_flags(n->u.match.rx), num);
		mt_buf_add(out, num, strlen(num));
		break;
	case OP_IN:
		mt_buf_addc(out, ' ');
		dump_node(e, n->u.in.kid, out);
		if (n->u.in.set) {
			mt_buf_add(out, " (", 2);
			for (i = 0; i < mt_list_size(n->u.in.list); i++) {
				if (i > 0)
					mt_buf_addc(out, ' ');
				dump_str(out, mt_list_entry(n->u.in.list, i));
			}
			mt_buf_addc(out, ')');
		} else {
			mt_buf_add(out, " @", 2);
			name = mt_list_name(n->u.in.list);
			mt_buf_add(out, name, strlen(name));
		}
		break;
	case OP_AND:
	case OP_OR:
		for (i = 0; i < n->u.kids.n; i++) {
			mt_buf_addc(out, ' ');
			dump_node(e, n->u.kids.v[i], out);
		}
		break;
	case OP_CALL:
		for (i = 0; i < n->u.call.n; i++) {
			mt_buf_addc(out, ' ');
			dump_node(e, n->u.call.args[i], out);
		}
		break;
	default:
		mt_buf_addc(out, ' ');
		dump_node(e, n->u.bin.l, out);
		mt_buf_addc(out, ' ');
		dump_node(e, n->u.bin.r, out);
		break;
	}
	mt_buf_addc(out, ')');
}

void
mt_expr_dump(const struct mt_expr *e, struct mt_buf *out)
{
	dump_node(e, e->root, out);
}

/* --- errors -------------------------------------------------------------- */

/*
 * The line of the expression and a caret under the error: the caret line
 * repeats the tabs of the text before the error, so that both line up
 * however wide a terminal draws a tab; other characters become one space
 * each, as wide characters are rare in expressions.
 */
static void
error_lines(const struct mt_expr_error *err, struct mt_buf *out)
{
	const unsigned char *p = (const unsigned char *)err->text;
	size_t n = strlen(err->text), i = 0, len;
	uint32_t c;
	bool valid;

	mt_buf_add(out, "  ", 2);
	while (i < n) {
		len = utf8_next(p + i, n - i, &c, &valid);
		if (valid && (c >= 0x20 || c == '\t') && c != 0x7f)
			mt_buf_add(out, p + i, len);
		else
			mt_buf_addc(out, '?');
		i += len;
	}
	mt_buf_add(out, "\n  ", 3);
	for (i = 0; i < err->caret && i < n; i += len) {
		len = utf8_next(p + i, n - i, &c, &valid);
		mt_buf_addc(out, p[i] == '\t' ? '\t' : ' ');
	}
	mt_buf_addc(out, '^');
}

static void
error_text(const struct mt_expr_error *err, struct mt_buf *out)
{
	char pos[64];

	mt_buf_add(out, err->source, strlen(err->source));
	snprintf(pos, sizeof(pos), ":%lu:%lu: ", err->line, err->col);
	mt_buf_add(out, pos, strlen(pos));
	mt_buf_add(out, err->msg, strlen(err->msg));
	mt_buf_addc(out, '\n');
	error_lines(err, out);
}

size_t
mt_expr_error_format(const struct mt_expr_error *err, char *buf,
    size_t size)
{
	struct mt_buf b = { 0 };
	size_t len;

	error_text(err, &b);
	len = b.len;
	if (size > 0) {
		size_t k = len < size - 1 ? len : size - 1;

		memcpy(buf, b.buf, k);
		buf[k] = '\0';
	}
	mt_buf_free(&b);
	return len;
}

void
mt_expr_error_print(const struct mt_expr_error *err, const char *prefix,
    FILE *fp)
{
	struct mt_buf b = { 0 };

	error_text(err, &b);
	fputs(prefix ? prefix : "", fp);
	mt_write_safe(fp, b.buf ? b.buf : "", b.len);
	fputc('\n', fp);
	mt_buf_free(&b);
}

void
mt_expr_error_free(struct mt_expr_error *err)
{
	if (err == NULL)
		return;
	free(err->source);
	free(err->msg);
	free(err->text);
	memset(err, 0, sizeof(*err));
}
