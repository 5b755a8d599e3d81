/*
 * mt_rules: rules files (risk-rules(5)): lane thresholds, named lists
 * (inline or from files, plain or of party names) and rules, each with an
 * id, a reason, a weight, an optional category, validity window and
 * forced lane, and a `when` expression in the language of mt_expr.
 *
 * Loading parses the files and reads the list files; compiling turns
 * every rule's expression into an mt_expr against a header. Mistakes are
 * written to the diagnostics stream as "FILE:LINE:COL: message", as many
 * as are found, and counted.
 */
#ifndef MT_RULES_H
#define MT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_rx.h"
#include "mt_util.h"

enum mt_lane { MT_LANE_GREEN, MT_LANE_YELLOW, MT_LANE_RED };

/* "green", "yellow", "red", by enum mt_lane. */
extern const char *const mt_lane_names[3];

/* The categories a rule may name, in risk-rules(5) order. */
#define MT_RULE_NCATEGORIES 8
extern const char *const mt_rule_categories[MT_RULE_NCATEGORIES];

struct mt_rule {
	char *id;
	char *reason;
	int weight;		/* -100 to 100 */
	int category;		/* index into mt_rule_categories, or -1 */
	long from, until;	/* days since 1970-01-01; LONG_MIN, LONG_MAX: open */
	enum mt_lane lane;	/* the lane the rule forces; GREEN: none */
	const char *file;	/* the rules file, as named */
	unsigned long line;	/* of its `rule` line */
	char *when;		/* the expression text */
	size_t nwhen;
	unsigned long when_line, when_col;
	struct mt_expr *expr;	/* after mt_rules_compile */
	bool absent;		/* reads a field the header does not have */
};

struct mt_rules;

/* Diagnostics go to diag (stderr when NULL), prefixed "PROGNAME: ". */
struct mt_rules *mt_rules_new(FILE *diag);
void mt_rules_free(struct mt_rules *rs);

/*
 * Parse the rules file at path (and read its list files). Returns the
 * number of errors written, 0 when the file is good.
 */
size_t mt_rules_load(struct mt_rules *rs, const char *path);

/*
 * The same for size bytes of text in memory, named name in messages;
 * list files are read relative to name's folder.
 */
size_t mt_rules_load_text(struct mt_rules *rs, const char *name,
    const char *text, size_t size);

/*
 * Compile every rule against a header; fields the header lacks but the
 * canonical schema has read as empty and set the rule's `absent`. today
 * (YYYY-MM-DD) is the day of the validity windows and of today(). Also
 * checks what needs all files: the thresholds. Returns the number of
 * errors written. rx is shared by the expressions (may be NULL).
 */
size_t mt_rules_compile(struct mt_rules *rs, const struct mt_str *fields,
    size_t nfields, const char *today, struct mt_rx_env *rx);

/*
 * After compiling: the expression of rule r compiled once more, for a
 * thread of its own (NULL if it did not compile the first time).
 */
struct mt_expr *mt_rules_compile_rule(const struct mt_rules *rs,
    const struct mt_rule *r, struct mt_rx_env *rx);

/*
 * After compiling: write the warnings of risk-rules(5) (expired or not
 * yet valid rules, rules that read absent fields, plain lists compared
 * with party names) and return how many.
 */
size_t mt_rules_lint(struct mt_rules *rs);

/* Errors written so far, by every load and compile. */
size_t mt_rules_errors(const struct mt_rules *rs);

size_t mt_rules_count(const struct mt_rules *rs);
struct mt_rule *mt_rules_at(const struct mt_rules *rs, size_t i);
struct mt_lists *mt_rules_lists(const struct mt_rules *rs);

/* Whether rule applies on the compile day. */
bool mt_rule_in_force(const struct mt_rules *rs, const struct mt_rule *r);

/* The lowest score of a lane (yellow or red). */
int mt_rules_threshold(const struct mt_rules *rs, enum mt_lane lane);

/* A YYYY-MM-DD date that exists; false for anything else. */
bool mt_rules_valid_date(const char *s);

#endif
