/*
 * mt_topn: the items of a stream highest in a numeric key, for
 * manifest-select --top and the list of manifest-report: every item, or
 * the N highest in a min-heap, with a copy of each kept item's bytes. On
 * equal keys the earlier item ranks higher.
 */
#ifndef MT_TOPN_H
#define MT_TOPN_H

#include <stdbool.h>
#include <stddef.h>

struct mt_topn_item {
	double key;
	unsigned long long seq;		/* place in the stream */
	char *data;			/* a copy of the bytes offered */
	size_t len;
};

struct mt_topn {
	size_t limit;			/* SIZE_MAX: keep every item */
	struct mt_topn_item *v;		/* a min-heap while limited */
	size_t n, cap;
};

void mt_topn_init(struct mt_topn *t, size_t limit);
/*
 * Offer an item, its key not NaN; false when it is not kept (the N
 * kept all rank higher). seq must grow from one offer to the next.
 */
bool mt_topn_offer(struct mt_topn *t, double key, unsigned long long seq,
    const char *data, size_t len);
/* Sort the kept items: highest key first (by_key), or by seq. */
void mt_topn_sort(struct mt_topn *t, bool by_key);
void mt_topn_free(struct mt_topn *t);

#endif
