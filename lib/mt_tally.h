/*
 * mt_tally: counts per key (rule ids, categories, flags, routes), for the
 * summaries of a report. Keys are copied; past a cap on distinct keys,
 * new keys are counted together as "other", so that a stream of unique
 * values cannot grow memory without end.
 */
#ifndef MT_TALLY_H
#define MT_TALLY_H

#include <stddef.h>

struct mt_tally_item {
	const char *key;	/* NUL-terminated copy */
	size_t len;
	unsigned long long count;
};

struct mt_tally {
	struct mt_tally_item *items;	/* in order of first appearance */
	size_t n, cap;
	size_t *table;			/* item index + 1; 0 is free */
	size_t tsize;			/* a power of two */
	size_t max_keys;
	unsigned long long other;	/* counts of keys past max_keys */
};

/* An empty tally of at most max_keys distinct keys. */
void mt_tally_init(struct mt_tally *t, size_t max_keys);
void mt_tally_free(struct mt_tally *t);
/* Add n to key's count. */
void mt_tally_add(struct mt_tally *t, const char *key, size_t len,
    unsigned long long n);
/* The count of key, 0 when absent. */
unsigned long long mt_tally_get(const struct mt_tally *t, const char *key,
    size_t len);
/*
 * The items sorted by count, highest first, ties by key in byte order:
 * a new array of t->n pointers (free it), valid while t is.
 */
const struct mt_tally_item **mt_tally_sorted(const struct mt_tally *t);

#endif
