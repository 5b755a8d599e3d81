/*
 * mt_score: scoring records with compiled rules (risk-rules(5)): which
 * rules hit, the bounded score, the lane, and the hits and reasons
 * fields.
 *
 * A prefilter keeps the work per record in step with the rules that can
 * hit: from each rule's regular expressions it takes literals one of
 * which a field must contain for the rule to be true (mt_expr_needs,
 * mt_rxlit), scans each such field once for the literals of all rules
 * (mt_litscan), and evaluates a guarded rule only when one was found.
 */
#ifndef MT_SCORE_H
#define MT_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_rules.h"
#include "mt_util.h"

struct mt_score;

/* The outcome of the last record scored. */
struct mt_score_result {
	int score;
	enum mt_lane lane;
	struct mt_str hits;	/* rule ids, comma-separated, unescaped */
	struct mt_str reasons;	/* "; "-separated, unescaped */
};

/*
 * A scorer for compiled rules (mt_rules_compile without errors); rules
 * out of force on the compile day are skipped. prefilter false
 * evaluates every rule on every record.
 */
struct mt_score *mt_score_new(struct mt_rules *rs, bool prefilter);

/*
 * The same, with own copies of the expressions when own is true: scorers
 * made so may run in threads of their own, one record at a time each.
 */
struct mt_score *mt_score_new_private(struct mt_rules *rs, bool prefilter,
    bool own);
void mt_score_free(struct mt_score *s);

/* One more than the highest field index scoring reads. */
size_t mt_score_span(const struct mt_score *s);

/*
 * Score a record's values (escaped, as in the record stream). Returns 0,
 * or -1 when a rule could not be evaluated (a regular expression hit its
 * limit): mt_score_error then says which rule and why, and the result
 * counts the rules that could.
 */
int mt_score_record(struct mt_score *s, const struct mt_str *values,
    size_t n, struct mt_score_result *res);
const char *mt_score_error(const struct mt_score *s);

/* Counts so far: records by lane, hits by rule (index as in mt_rules). */
unsigned long long mt_score_lane_count(const struct mt_score *s,
    enum mt_lane lane);
unsigned long long mt_score_rule_hits(const struct mt_score *s, size_t i);

/* Rules that have a prefilter, and rules evaluated so far (for --stats). */
size_t mt_score_guarded(const struct mt_score *s);
unsigned long long mt_score_evaluated(const struct mt_score *s);

#endif
