/*
 * mt_rxlit: required literals of a regular expression, for the prefilter
 * of risk-score. For a pattern it finds a set of byte strings such that
 * every string the pattern can match contains at least one of them,
 * compared ASCII-caselessly; a rule whose field contains none of them
 * cannot hit, and its regular expression need not run.
 *
 * A set that misses a possible match would be a wrong answer, so the
 * analysis is conservative: whatever it does not fully understand
 * (inline options, \Q...\E, back references, verbs, x mode ...) makes it
 * give up, and giving up only costs time.
 */
#ifndef MT_RXLIT_H
#define MT_RXLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_rx.h"

/* The literals one of which every match of a pattern contains. */
struct mt_rxlit {
	char **lit;		/* each malloc'd, NUL-terminated for convenience */
	size_t *len;
	size_t n;
};

/* Most literals in one set; a pattern that needs more gets none. */
#define MT_RXLIT_MAX	64

/*
 * Find such a set for the n bytes of pattern pat compiled with flags
 * (MT_RX_*), each literal at least minlen bytes (at least 1), at most
 * MT_RXLIT_MAX literals. Literals are returned with ASCII letters
 * lower-cased and never hold a backslash or a control character, which
 * the escaped form of a value does not keep as they are. Returns true and
 * fills out, or false (out empty) when no such set can be proved. A
 * pattern PCRE2 would reject may get either answer.
 */
bool mt_rxlit_required(const char *pat, size_t n, unsigned flags,
    size_t minlen, struct mt_rxlit *out);

/* Free the literals; l is left empty, and may be freed again. */
void mt_rxlit_free(struct mt_rxlit *l);

#endif
