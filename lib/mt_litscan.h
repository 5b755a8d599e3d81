/*
 * mt_litscan: many literals searched for at once, for the prefilter of
 * risk-score. Each rule yields literals one of which must occur in a
 * field for the rule to possibly hit; the literals of all rules on one
 * field go into one scanner, which runs once over the field of every
 * record and marks the ids (rule guards) that can fire. Matching is
 * ASCII-caseless: A-Z equal a-z, other bytes (UTF-8 included) exact.
 *
 * Use: new, add every literal, build once, then run as often as wanted;
 * a built scanner is only read, so threads may share it.
 */
#ifndef MT_LITSCAN_H
#define MT_LITSCAN_H

#include <stddef.h>
#include <stdint.h>

struct mt_litscan;

struct mt_litscan *mt_litscan_new(void);
void mt_litscan_free(struct mt_litscan *s);

/*
 * Add a literal of n >= 1 bytes (any bytes) for id, id < UINT32_MAX.
 * The same literal may be added for several ids, and one id may have
 * several literals. Only before mt_litscan_build.
 */
void mt_litscan_add(struct mt_litscan *s, const char *p, size_t n,
    uint32_t id);

/*
 * Build the automaton after the last add; only once. Returns 0, or -1
 * when it would need more than maxbytes of tables (the caller then does
 * without the prefilter; run on such a scanner marks nothing).
 */
int mt_litscan_build(struct mt_litscan *s, size_t maxbytes);

/* The number of ids: one more than the highest id added. */
uint32_t mt_litscan_ids(const struct mt_litscan *s);

/*
 * Scan the n bytes at p: for every id one of whose literals occurs in
 * them, set seen[id] = mark. seen has mt_litscan_ids() entries; the
 * others are left alone. With a mark that changes per record, seen
 * need not be cleared between records.
 */
void mt_litscan_run(const struct mt_litscan *s, const char *p, size_t n,
    uint32_t *seen, uint32_t mark);

/* Bytes of tables, for the caller's memory accounting. */
size_t mt_litscan_size(const struct mt_litscan *s);

#endif
