/*
 * mt_csvin: CSV input through libcsv in strict mode, without trimming:
 * delimiter detection, UTF-8 byte order mark, LF, CRLF or CR line ends,
 * and for every row the physical line it starts on and its raw text, so
 * that a bad row can be reported and kept. Bytes are pushed in with
 * mt_csvin_feed; rows come out through callbacks.
 */
#ifndef MT_CSVIN_H
#define MT_CSVIN_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_util.h"

struct mt_csv_row {
	const struct mt_str *fields;	/* valid during the callback; end to
					 * end in memory, in order */
	size_t nfields;
	unsigned long line;		/* line the row starts on, from 1 */
	struct mt_str raw;		/* the row's lines as read */
};

/* A row (the first one is the header). Return 0, or -1 to stop. */
typedef int (*mt_csv_row_fn)(void *ctx, const struct mt_csv_row *row);

/* A row that cannot be read: reason and raw text. Return 0 or -1. */
typedef int (*mt_csv_bad_fn)(void *ctx, unsigned long line,
    const char *reason, struct mt_str raw);

struct mt_csvin_stats {
	unsigned long rows;		/* rows handed to the row callback */
	unsigned long bad;		/* rows handed to the bad callback */
	unsigned long blank;		/* blank or all-empty rows skipped */
};

struct mt_csvin;

/* delim: ',', ';', '|', '\t', or 0 to detect it from the first line. */
struct mt_csvin *mt_csvin_new(char delim, mt_csv_row_fn row, mt_csv_bad_fn bad,
    void *ctx);

/* Feed bytes; 0, or -1 when a callback asked to stop. */
int mt_csvin_feed(struct mt_csvin *c, const char *p, size_t n);

/*
 * End of input. With damaged true (the input ended in an error), a row in
 * progress is reported bad rather than completed. 0 or -1 as for feed.
 */
int mt_csvin_finish(struct mt_csvin *c, bool damaged);

/* The delimiter in use (0 before the first line is complete). */
char mt_csvin_delim(const struct mt_csvin *c);
const struct mt_csvin_stats *mt_csvin_stats(const struct mt_csvin *c);
void mt_csvin_free(struct mt_csvin *c);

#endif
