/*
 * mt_scorepool: score record lines in worker threads, each with a scorer
 * of its own (mt_score_new_private), and hand the output back in input
 * order. Lines go in batches of about 256 KiB through a ring of slots;
 * the calling thread reads and writes while the workers score.
 */
#ifndef MT_SCOREPOOL_H
#define MT_SCOREPOOL_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_rules.h"
#include "mt_score.h"
#include "mt_util.h"

/*
 * Append the output line of a record (with its LF) to out: line is the
 * record as read, fields its first span fields (escaped), res its score.
 * Runs in a worker thread: it may read arg, not change it.
 */
typedef void mt_scorepool_format_fn(struct mt_buf *out, struct mt_str line,
    const struct mt_str *fields, size_t nfields,
    const struct mt_score_result *res, const void *arg);

/*
 * Emit a finished batch, in input order: its output bytes, then the
 * messages of its records (each line "LINE: message", in line order).
 */
typedef void mt_scorepool_emit_fn(const char *out, size_t n,
    const char *msgs, size_t nmsgs, void *arg);

struct mt_scorepool;

/*
 * nthreads workers (at least 1) for records of nnames fields, split to
 * span fields each.
 */
struct mt_scorepool *mt_scorepool_new(struct mt_rules *rs, bool prefilter,
    unsigned nthreads, size_t nnames, size_t span,
    mt_scorepool_format_fn *format, const void *format_arg,
    mt_scorepool_emit_fn *emit, void *emit_arg);

/* Queue a record line (no LF) read at line lineno. */
void mt_scorepool_add(struct mt_scorepool *p, const char *line, size_t n,
    unsigned long lineno);

/* Score and emit everything queued; returns when all is emitted. */
void mt_scorepool_drain(struct mt_scorepool *p);

/* Stop the workers and free; counts stay readable until then. */
void mt_scorepool_free(struct mt_scorepool *p);

/* Sums over the workers, as mt_score's counts. */
unsigned long long mt_scorepool_records(const struct mt_scorepool *p);
unsigned long long mt_scorepool_lane_count(const struct mt_scorepool *p,
    enum mt_lane lane);
unsigned long long mt_scorepool_rule_hits(const struct mt_scorepool *p,
    size_t i);
unsigned long long mt_scorepool_evaluated(const struct mt_scorepool *p);
size_t mt_scorepool_guarded(const struct mt_scorepool *p);
/* Whether any record had an error (a message was emitted). */
bool mt_scorepool_failed(const struct mt_scorepool *p);

#endif
