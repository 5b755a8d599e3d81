/*
 * mt_litscan: Aho-Corasick compiled to a full DFA.
 *
 * Bytes go through a class table first: A-Z fold to a-z, every byte that
 * occurs in a literal has a class of its own, and all others share class
 * 0, so that a row of the transition table has as many entries as the
 * literals have distinct bytes (some 40) rather than 256.
 *
 * Rows hold the offsets of the next rows (state number times row width),
 * so the scan is one load and one add per byte, no multiply. Entries are
 * 16 bits when the offsets fit, else 32: the smaller table stays in the
 * nearer cache, and a scan over 300 literals was 20% faster so. Two
 * entries at the end of each row give the range of the state's ids in
 * one flat array: the ids of the literals ending there and of those that
 * end there as suffixes (the failure chain, merged at build time). The
 * states that have ids are numbered last, so that the test for them is a
 * compare with a value held in a register, not one more load per byte.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt_litscan.h"
#include "mt_util.h"

struct lit {
	size_t n;		/* bytes, which follow those of the one before */
	uint32_t id;
};

struct mt_litscan {
	struct mt_buf bytes;	/* of the literals, until build */
	struct lit *lits;
	size_t nlits, clits;
	uint32_t nids;
	int built;

	uint8_t cls[256];	/* byte to class */
	size_t ncls, w;		/* row width: ncls, then the id range */
	void *delta;		/* uint16_t or, when wide, uint32_t; or NULL */
	int wide;
	size_t nstates;
	uint32_t out_min;	/* offset of the first state with ids */
	uint32_t *ids;
	size_t nflat, cflat;
};

/* What a build needs only while it runs. */
struct build {
	uint32_t *delta;	/* rows of w entries, next state numbers */
	size_t n, max;		/* states */
	uint32_t *fail, *queue;	/* these four in one block */
	uint32_t *off, *cnt;	/* each state's range in ids */
	uint64_t *ends;		/* per literal: state << 32 | id */
};

struct mt_litscan *
mt_litscan_new(void)
{
	return mt_xcalloc(1, sizeof(struct mt_litscan));
}

void
mt_litscan_free(struct mt_litscan *s)
{
	if (s == NULL)
		return;
	mt_buf_free(&s->bytes);
	free(s->lits);
	free(s->delta);
	free(s->ids);
	free(s);
}

void
mt_litscan_add(struct mt_litscan *s, const char *p, size_t n, uint32_t id)
{
	if (s->nlits == s->clits) {
		s->clits = s->clits ? s->clits * 2 : 32;
		s->lits = mt_xrealloc(s->lits, s->clits * sizeof s->lits[0]);
	}
	s->lits[s->nlits].n = n;
	s->lits[s->nlits++].id = id;
	mt_buf_add(&s->bytes, p, n);
	if (id >= s->nids)
		s->nids = id + 1;
}

static unsigned
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Folding leaves 230 distinct bytes at most: classes always fit a byte. */
static void
make_classes(struct mt_litscan *s)
{
	const unsigned char *b = (const unsigned char *)s->bytes.buf;
	size_t i, next = 1;
	unsigned c;

	memset(s->cls, 0, sizeof s->cls);
	for (i = 0; i < s->bytes.len; i++) {
		c = fold(b[i]);
		if (s->cls[c] == 0)
			s->cls[c] = (uint8_t)next++;
	}
	for (c = 'A'; c <= 'Z'; c++)
		s->cls[c] = s->cls[fold((unsigned char)c)];
	s->ncls = next;
	s->w = next + 2;
}

/*
 * The trie; 0 stands for "no edge", as no edge leads to the root. A
 * state per literal byte is the most there can be, and saves growing.
 */
static int
build_trie(struct mt_litscan *s, struct build *b)
{
	const unsigned char *p = (const unsigned char *)s->bytes.buf;
	size_t i, j, k;
	uint32_t st;

	b->ends = mt_xmalloc(s->nlits * sizeof b->ends[0]);
	b->n = 1;
	if (b->max > s->bytes.len + 1)
		b->max = s->bytes.len + 1;
	b->delta = mt_xcalloc(b->max * s->w, sizeof b->delta[0]);
	for (i = 0; i < s->nlits; i++) {
		for (st = 0, j = 0; j < s->lits[i].n; j++) {
			k = st * s->w + s->cls[*p++];
			if (b->delta[k] == 0) {
				if (b->n == b->max)
					return -1;
				b->delta[k] = (uint32_t)b->n++;
			}
			st = b->delta[k];
		}
		b->ends[i] = (uint64_t)st << 32 | s->lits[i].id;
	}
	return 0;
}

/*
 * Failure links in breadth-first order, and the missing transitions of
 * each state from those of its failure state, which is shallower and so
 * complete already.
 */
static void
fill(struct mt_litscan *s, struct build *b)
{
	size_t head = 0, tail = 1, c;
	uint32_t st, *row, *frow;

	b->fail = mt_xcalloc(4 * b->n, sizeof b->fail[0]);
	b->queue = b->fail + b->n;
	b->off = b->queue + b->n;
	b->cnt = b->off + b->n;
	while (head < tail) {
		st = b->queue[head++];
		row = b->delta + st * s->w;
		frow = b->delta + b->fail[st] * s->w;
		for (c = 0; c < s->ncls; c++) {
			if (row[c] == 0) {
				row[c] = frow[c];
				continue;
			}
			b->fail[row[c]] = st ? frow[c] : 0;
			b->queue[tail++] = row[c];
		}
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Room for n more ids, within the budget. */
static int
reserve_ids(struct mt_litscan *s, size_t n, size_t maxbytes)
{
	if (s->nflat + n >= UINT32_MAX ||
	    (s->nflat + n) * sizeof s->ids[0] > maxbytes)
		return -1;
	if (s->nflat + n > s->cflat) {
		while (s->cflat < s->nflat + n)
			s->cflat = s->cflat ? s->cflat * 2 : 64;
		s->ids = mt_xrealloc(s->ids, s->cflat * sizeof s->ids[0]);
	}
	return 0;
}

/*
 * Each state's ids: its own, merged with those of its failure state, in
 * breadth-first order so that the latter are complete. Both lists are
 * sorted, so the merge drops duplicates in linear time; a state with
 * only one of the two shares that range instead of copying it.
 */
static int
outputs(struct mt_litscan *s, struct build *b, size_t maxbytes)
{
	size_t i, j, na, nb;
	uint32_t st, f, *x, *y, *z;

	qsort(b->ends, s->nlits, sizeof b->ends[0], cmp_u64);
	if (reserve_ids(s, s->nlits, maxbytes) < 0)
		return -1;
	for (i = 0; i < s->nlits; i = j) {
		st = (uint32_t)(b->ends[i] >> 32);
		b->off[st] = (uint32_t)s->nflat;
		for (j = i; j < s->nlits && b->ends[j] >> 32 == st; j++)
			if (j == i || b->ends[j] != b->ends[j - 1])
				s->ids[s->nflat++] = (uint32_t)b->ends[j];
		b->cnt[st] = (uint32_t)(s->nflat - b->off[st]);
	}
	for (i = 1; i < b->n; i++) {
		st = b->queue[i];
		f = b->fail[st];
		if ((nb = b->cnt[f]) == 0)
			continue;
		if ((na = b->cnt[st]) == 0) {
			b->off[st] = b->off[f];
			b->cnt[st] = b->cnt[f];
			continue;
		}
		if (reserve_ids(s, na + nb, maxbytes) < 0)
			return -1;
		x = s->ids + b->off[st], y = s->ids + b->off[f];
		z = s->ids + s->nflat;
		while (na > 0 && nb > 0) {
			if (*x < *y)
				*z++ = *x++, na--;
			else if (*y < *x)
				*z++ = *y++, nb--;
			else
				*z++ = *x++, y++, na--, nb--;
		}
		while (na > 0)
			*z++ = *x++, na--;
		while (nb > 0)
			*z++ = *y++, nb--;
		b->off[st] = (uint32_t)s->nflat;
		b->cnt[st] = (uint32_t)(z - (s->ids + s->nflat));
		s->nflat += b->cnt[st];
	}
	return 0;
}

static void
put(struct mt_litscan *s, size_t i, uint32_t v)
{
	if (s->wide)
		((uint32_t *)s->delta)[i] = v;
	else
		((uint16_t *)s->delta)[i] = (uint16_t)v;
}

/*
 * The final table: states without ids first, then those with; entries
 * become row offsets, and the last two of a row the range of its ids.
 */
static void
renumber(struct mt_litscan *s, struct build *b)
{
	uint32_t *num = b->fail, *row, next = 0;
	size_t st, c, w = s->w;

	for (st = 0; st < b->n; st++)
		if (b->cnt[st] == 0)
			num[st] = next++;
	s->out_min = next * (uint32_t)w;
	for (st = 0; st < b->n; st++)
		if (b->cnt[st] != 0)
			num[st] = next++;
	s->nstates = b->n;
	s->wide = b->n * w > UINT16_MAX || s->nflat > UINT16_MAX;
	s->delta = mt_xmalloc(b->n * w * (s->wide ? 4 : 2));
	for (st = 0; st < b->n; st++) {
		row = b->delta + st * w;
		for (c = 0; c < s->ncls; c++)
			put(s, num[st] * w + c, num[row[c]] * (uint32_t)w);
		put(s, num[st] * w + c, b->off[st]);
		put(s, num[st] * w + c + 1, b->off[st] + b->cnt[st]);
	}
}

int
mt_litscan_build(struct mt_litscan *s, size_t maxbytes)
{
	struct build b = { 0 };
	size_t narrow;
	int rc = -1;

	if (s->built)
		goto out;
	make_classes(s);
	/* As many states as fit narrow or wide, the most of the two. */
	narrow = maxbytes / (s->w * 2);
	if (narrow > UINT16_MAX / s->w)
		narrow = UINT16_MAX / s->w;
	b.max = maxbytes / (s->w * 4);
	if (b.max > UINT32_MAX / s->w)
		b.max = UINT32_MAX / s->w;
	if (b.max < narrow)
		b.max = narrow;
	if (b.max == 0 || build_trie(s, &b) < 0)
		goto out;
	fill(s, &b);
	if (outputs(s, &b, maxbytes) < 0)
		goto out;
	renumber(s, &b);
	rc = mt_litscan_size(s) <= maxbytes ? 0 : -1;
out:
	s->built = 1;
	if (rc < 0) {
		free(s->delta);
		free(s->ids);
		s->delta = s->ids = NULL;
		s->nstates = s->nflat = 0;
	} else if (s->nflat > 0) {
		s->ids = mt_xrealloc(s->ids, s->nflat * sizeof s->ids[0]);
		s->cflat = s->nflat;
	}
	free(b.delta);
	free(b.fail);
	free(b.ends);
	/* The literals are in the automaton now. */
	mt_buf_free(&s->bytes);
	free(s->lits);
	s->lits = NULL;
	s->nlits = s->clits = 0;
	return rc;
}

uint32_t
mt_litscan_ids(const struct mt_litscan *s)
{
	return s->nids;
}

/*
 * The scan, for either width: wide is a constant where this is inlined,
 * so each copy has just its own loads.
 */
static inline __attribute__((always_inline)) void
scan(const struct mt_litscan *s, const unsigned char *b, size_t n,
    uint32_t *seen, uint32_t mark, int wide)
{
	const uint16_t *d16 = s->delta;
	const uint32_t *d32 = s->delta, *ids = s->ids;
	const uint8_t *cls = s->cls;
	uint32_t st = 0, last = 0, out_min = s->out_min, j, end;
	size_t i, ncls = s->ncls;

	for (i = 0; i < n; i++) {
		st = wide ? d32[st + cls[b[i]]] : d16[st + cls[b[i]]];
		/* The root has no ids, so last = 0 matches no state. A state
		 * that repeats ("----" for "-") marks its ids only once. */
		if (__builtin_expect(st >= out_min && st != last, 0)) {
			j = wide ? d32[st + ncls] : d16[st + ncls];
			end = wide ? d32[st + ncls + 1] : d16[st + ncls + 1];
			for (; j < end; j++)
				seen[ids[j]] = mark;
			last = st;
		}
	}
}

void
mt_litscan_run(const struct mt_litscan *s, const char *p, size_t n,
    uint32_t *seen, uint32_t mark)
{
	if (s->delta == NULL)
		return;
	if (s->wide)
		scan(s, (const unsigned char *)p, n, seen, mark, 1);
	else
		scan(s, (const unsigned char *)p, n, seen, mark, 0);
}

size_t
mt_litscan_size(const struct mt_litscan *s)
{
	if (s->delta == NULL)
		return 0;
	return sizeof *s + s->nstates * s->w * (s->wide ? 4 : 2) +
	    s->nflat * sizeof s->ids[0];
}
