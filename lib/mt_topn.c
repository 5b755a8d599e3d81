/*
 * mt_topn: a bounded min-heap on (key, -seq): its root is the item that
 * goes first when a higher one comes.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mt_topn.h"
#include "mt_util.h"

void
mt_topn_init(struct mt_topn *t, size_t limit)
{
	memset(t, 0, sizeof *t);
	t->limit = limit;
}

static bool
lower(const struct mt_topn_item *a, const struct mt_topn_item *b)
{
	if (a->key != b->key)
		return a->key < b->key;
	return a->seq > b->seq;
}

static void
sift_down(struct mt_topn_item *h, size_t n, size_t i)
{
	struct mt_topn_item x;
	size_t c;

	for (;;) {
		c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && lower(&h[c + 1], &h[c]))
			c++;
		if (!lower(&h[c], &h[i]))
			return;
		x = h[i];
		h[i] = h[c];
		h[c] = x;
		i = c;
	}
}

static void
sift_up(struct mt_topn_item *h, size_t i)
{
	struct mt_topn_item x;

	while (i > 0 && lower(&h[i], &h[(i - 1) / 2])) {
		x = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = x;
		i = (i - 1) / 2;
	}
}

bool
mt_topn_offer(struct mt_topn *t, double key, unsigned long long seq,
    const char *data, size_t len)
{
	struct mt_topn_item it = { key, seq, NULL, len };
	bool heap = t->limit != SIZE_MAX;

	if (t->limit == 0)
		return false;
	if (heap && t->n == t->limit) {
		if (!lower(&t->v[0], &it))
			return false;
		free(t->v[0].data);
		t->v[0] = t->v[--t->n];
		sift_down(t->v, t->n, 0);
	}
	if (t->n == t->cap) {
		/* Grow as items come, never past the limit. */
		t->cap = t->cap ? 2 * t->cap : 64;
		if (t->cap > t->limit)
			t->cap = t->limit;
		t->v = mt_xrealloc(t->v, t->cap * sizeof *t->v);
	}
	it.data = mt_xmalloc(len ? len : 1);
	if (len > 0)
		memcpy(it.data, data, len);
	t->v[t->n] = it;
	if (heap)
		sift_up(t->v, t->n);
	t->n++;
	return true;
}

static int
by_seq(const void *a, const void *b)
{
	const struct mt_topn_item *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
by_key_desc(const void *a, const void *b)
{
	const struct mt_topn_item *x = a, *y = b;

	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return by_seq(a, b);
}

void
mt_topn_sort(struct mt_topn *t, bool by_key)
{
	if (t->n > 1)
		qsort(t->v, t->n, sizeof *t->v, by_key ? by_key_desc : by_seq);
}

void
mt_topn_free(struct mt_topn *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].data);
	free(t->v);
	memset(t, 0, sizeof *t);
}
