/*
 * mt_csvthread: read a CSV input in a thread of its own. The thread runs
 * mt_zio, the optional mt_conv decoding and mt_csvin, and hands the rows
 * and rejected rows, in order, in batches to the caller's thread, which
 * sees them through the same callbacks mt_csvin takes. Parsing then runs
 * beside what the caller does with the rows.
 */
#ifndef MT_CSVTHREAD_H
#define MT_CSVTHREAD_H

#include <stdbool.h>

#include "mt_conv.h"
#include "mt_csvin.h"
#include "mt_zio.h"

/* How reading ended. */
struct mt_csvthread_result {
	bool stopped;			/* a callback returned -1 */
	bool damaged;			/* the input ended in an error */
	char error[128];		/* mt_zio's reason, when damaged */
	struct mt_csvin_stats stats;	/* as mt_csvin counted */
};

/*
 * Read z (decoded by conv when not NULL; both stay the caller's) with
 * delimiter delim, or 0 to detect it, and call row and bad for every
 * row in order, in this thread. Returns when the input has ended or a
 * callback returned -1; fills *res.
 */
void mt_csvthread_run(struct mt_zio *z, struct mt_conv *conv, char delim,
    mt_csv_row_fn row, mt_csv_bad_fn bad, void *ctx,
    struct mt_csvthread_result *res);

#endif
