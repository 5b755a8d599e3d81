/*
 * mt_report: what manifest-report shows, gathered from a record stream:
 * the inspection list (the listed records, highest score first, or the
 * N highest) and a summary of every record read (lanes, score
 * distribution, categories, rules hit, data-quality flags, routes of the
 * listed records). The writers (mt_report_text.c, _html.c, _csv.c,
 * _json.c) turn it into each format; the helpers here are what they
 * share: the fields of a listed record, its reasons one by one, values
 * cleaned for display.
 */
#ifndef MT_REPORT_H
#define MT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_out.h"
#include "mt_tally.h"
#include "mt_topn.h"
#include "mt_util.h"

/* The fields a report reads by name; any may be absent from a stream. */
enum mt_report_field {
	MT_RF_DOC_TYPE, MT_RF_DOC_NO, MT_RF_CONTAINER_NO, MT_RF_SHIPPER,
	MT_RF_CONSIGNEE, MT_RF_LOADING, MT_RF_TRANSIT, MT_RF_DISCHARGE,
	MT_RF_DESCRIPTION, MT_RF_SCORE, MT_RF_LANE, MT_RF_HITS, MT_RF_REASONS,
	MT_RF_DQ, MT_RF_COUNT
};

enum mt_report_lane {
	MT_RL_RED, MT_RL_YELLOW, MT_RL_GREEN, MT_RL_NONE, MT_RL_COUNT
};

/* Distinct keys each summary table keeps; the rest count as "other". */
#define MT_REPORT_MAX_KEYS	4096

struct mt_report {
	char *header;			/* the header line, copied */
	struct mt_str *names;		/* into header */
	size_t nnames;
	int col[MT_RF_COUNT];		/* index in the header, or -1 */
	struct mt_topn list;		/* listed records: their lines */
	unsigned long long seq;
	/* Summary of every record read. */
	unsigned long long records, listed;
	unsigned long long lanes[MT_RL_COUNT];
	unsigned long long scores[10];	/* 0-9, 10-19, ..., 90 and up */
	unsigned long long unscored;	/* no number in score */
	struct mt_tally rules;		/* records per rule hit */
	struct mt_tally categories;	/* records per category of a hit */
	struct mt_tally dq;		/* records per data-quality flag */
	struct mt_tally routes;		/* listed records per route */
	/* Scratch space. */
	struct mt_str *fields;		/* a listed record, split */
	struct mt_buf buf;
};

/* What the writers show besides the records. */
struct mt_report_opts {
	const char *title;
	const char *date;		/* YYYY-MM-DD */
	const char *const *inputs;	/* the files read, for provenance */
	size_t ninputs;
	unsigned width;			/* text: columns */
	bool color;			/* text: lanes in colour */
	bool bom;			/* csv: byte order mark first */
};

/* A report listing at most limit records (SIZE_MAX: all). */
void mt_report_init(struct mt_report *r, size_t limit);
void mt_report_free(struct mt_report *r);
/* The stream's header: copied, its known fields looked up. */
void mt_report_set_header(struct mt_report *r, const struct mt_str *names,
    size_t n);
/*
 * Count a record in the summary and, when listed, offer it to the list.
 * fields are its nf values split from line (escaped, as in the stream).
 */
void mt_report_add(struct mt_report *r, struct mt_str line,
    const struct mt_str *fields, size_t nf, bool listed);
/* Sort the list: highest score first, ties in input order. */
void mt_report_finish(struct mt_report *r);
/* After mt_report_finish: does any listed record have a score? */
bool mt_report_scored(const struct mt_report *r);

/* The fields of listed record i (r->nnames values, escaped). */
const struct mt_str *mt_report_entry(struct mt_report *r, size_t i);
/* One of its fields by name; empty when the stream lacks it. */
struct mt_str mt_report_get(const struct mt_report *r,
    const struct mt_str *fields, enum mt_report_field f);
enum mt_report_lane mt_report_lane_of(struct mt_str lane);
extern const char *const mt_report_lane_names[MT_RL_COUNT];
/* The share n of total, in percent; 0 when total is 0. */
double mt_report_pct(unsigned long long n, unsigned long long total);

/*
 * The reasons field of risk-score holds one entry per hit, "ID +W
 * [category] text", joined by "; ". Step through them: *pos starts at 0;
 * each call gives the next entry and returns false at the end. An entry
 * ends only where "; " is followed by the id of a hit and its weight, so a
 * "; " inside a reason's text does not split it.
 */
bool mt_report_next_reason(struct mt_str reasons, struct mt_str hits,
    size_t *pos, struct mt_str *entry);
/* The category of an entry ("[wildlife]" gives wildlife), or empty. */
struct mt_str mt_report_reason_category(struct mt_str entry);

/*
 * Append a record's route to b: its loading place, transit places and
 * discharge place joined by sep, each cleaned as mt_report_clean does
 * with flags; ? for a missing end; nothing when it has no place at all.
 */
void mt_report_route(const struct mt_report *r, const struct mt_str *fields,
    size_t nf, struct mt_buf *b, const char *sep, unsigned flags);

/* How mt_report_clean treats characters. */
enum {
	MT_CLEAN_CONTROLS = 1,	/* C0 (but tab, LF, CR), DEL, C1 -> U+FFFD */
	MT_CLEAN_ONELINE = 2,	/* tab, LF, CR -> space */
	MT_CLEAN_RAW = 4	/* the value is not escaped as in a stream */
};
/*
 * Append an escaped stream value to b unescaped (as it is with
 * MT_CLEAN_RAW: a title, a file name), every invalid UTF-8
 * sequence replaced by U+FFFD, controls treated as flags say. The result
 * is valid UTF-8.
 */
void mt_report_clean(struct mt_buf *b, struct mt_str value, unsigned flags);
/* Columns a valid UTF-8 string takes on a terminal. */
size_t mt_report_width(const char *p, size_t n);
/*
 * The longest prefix of valid UTF-8 p that takes at most cols columns;
 * its width in *w.
 */
size_t mt_report_fit(const char *p, size_t n, size_t cols, size_t *w);

/* The writers. Each writes the whole report to o. */
void mt_report_write_text(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt);
void mt_report_write_alert(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt);
void mt_report_write_html(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt);
void mt_report_write_csv(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt);
void mt_report_write_json(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt);

#endif
