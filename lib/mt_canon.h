/*
 * mt_canon: one source row to one record of the canonical schema: the
 * columns mapped by mt_schema, each value normalised by mt_norm and
 * checked by mt_check, the problems found listed in `dq`.
 */
#ifndef MT_CANON_H
#define MT_CANON_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_norm.h"
#include "mt_out.h"
#include "mt_schema.h"
#include "mt_util.h"

struct mt_canon_opts {
	enum mt_date_order date_order;
	enum mt_decimal decimal;
	bool keep_extra;
	const struct mt_mapping *mapping;	/* may be NULL */
};

struct mt_canon;

struct mt_canon *mt_canon_new(const struct mt_canon_opts *opts);
void mt_canon_free(struct mt_canon *c);

/* What mt_canon_header says about each source column it does not map. */
typedef void (*mt_canon_note_fn)(void *ctx, size_t col, struct mt_str name,
    const char *why);

/*
 * Learn a source header. Each column that maps to nothing, or to a field
 * an earlier column already took, is passed to note. Returns the number
 * of columns mapped to canonical fields.
 */
size_t mt_canon_header(struct mt_canon *c, const struct mt_str *names,
    size_t n, mt_canon_note_fn note, void *ctx);

/* Output field names: the canonical schema, then with keep_extra the
 * unmapped columns, named from their headers ([a-z][a-z0-9_]*). */
const char *const *mt_canon_names(const struct mt_canon *c, size_t *n);

/*
 * Convert a row of exactly as many fields as the header and write the
 * record to o. source and line are its provenance.
 */
void mt_canon_row(struct mt_canon *c, const struct mt_str *fields,
    const char *source, unsigned long line, struct mt_out *o);

#endif
