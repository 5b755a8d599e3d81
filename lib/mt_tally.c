/*
 * mt_tally: counts per key in an open-addressing hash table kept at most
 * half full, items in order of first appearance.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mt_tally.h"
#include "mt_util.h"

static uint64_t
hash_key(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

void
mt_tally_init(struct mt_tally *t, size_t max_keys)
{
	memset(t, 0, sizeof *t);
	t->max_keys = max_keys;
}

void
mt_tally_free(struct mt_tally *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free((char *)t->items[i].key);
	free(t->items);
	free(t->table);
	memset(t, 0, sizeof *t);
}

/* The slot of key, or of the free slot where it would go. */
static size_t
probe(const struct mt_tally *t, const char *key, size_t len)
{
	size_t mask = t->tsize - 1, j = (size_t)hash_key(key, len) & mask;
	const struct mt_tally_item *it;

	while (t->table[j] != 0) {
		it = &t->items[t->table[j] - 1];
		if (it->len == len && memcmp(it->key, key, len) == 0)
			break;
		j = (j + 1) & mask;
	}
	return j;
}

static void
grow(struct mt_tally *t)
{
	size_t i, j;

	free(t->table);
	t->tsize = t->tsize ? 2 * t->tsize : 16;
	t->table = mt_xcalloc(t->tsize, sizeof *t->table);
	for (i = 0; i < t->n; i++) {
		j = probe(t, t->items[i].key, t->items[i].len);
		t->table[j] = i + 1;
	}
}

void
mt_tally_add(struct mt_tally *t, const char *key, size_t len,
    unsigned long long n)
{
	size_t j;

	if (2 * (t->n + 1) > t->tsize)
		grow(t);
	j = probe(t, key, len);
	if (t->table[j] != 0) {
		t->items[t->table[j] - 1].count += n;
		return;
	}
	if (t->n == t->max_keys) {
		t->other += n;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->items = mt_xrealloc(t->items, t->cap * sizeof *t->items);
	}
	t->items[t->n].key = mt_xstrndup(key, len);
	t->items[t->n].len = len;
	t->items[t->n].count = n;
	t->table[j] = ++t->n;
}

unsigned long long
mt_tally_get(const struct mt_tally *t, const char *key, size_t len)
{
	size_t j;

	if (t->n == 0)
		return 0;
	j = probe(t, key, len);
	return t->table[j] ? t->items[t->table[j] - 1].count : 0;
}

static int
by_count(const void *a, const void *b)
{
	const struct mt_tally_item *x = *(const struct mt_tally_item *const *)a;
	const struct mt_tally_item *y = *(const struct mt_tally_item *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if ((c = memcmp(x->key, y->key, n)) != 0)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

const struct mt_tally_item **
mt_tally_sorted(const struct mt_tally *t)
{
	const struct mt_tally_item **v;
	size_t i;

	v = mt_xmalloc((t->n ? t->n : 1) * sizeof *v);
	for (i = 0; i < t->n; i++)
		v[i] = &t->items[i];
	qsort(v, t->n, sizeof *v, by_count);
	return v;
}
