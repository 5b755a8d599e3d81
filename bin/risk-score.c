/*
 * risk-score: score each record of a stream with rules files (risk
 * indicators and watch lists): add score, lane, hits and reasons, so that
 * every point of every score is explained (risk-score(1), risk-rules(5)).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mt_out.h"
#include "mt_rec.h"
#include "mt_rules.h"
#include "mt_rx.h"
#include "mt_schema.h"
#include "mt_score.h"
#include "mt_scorepool.h"
#include "mt_util.h"

/* Rules files one run may combine. */
#define MAX_RULES_FILES	64
/* Scoring threads, at most. */
#define MAX_THREADS	16

/* The fields risk-score writes, in the order they are added. */
enum { OUT_SCORE, OUT_LANE, OUT_HITS, OUT_REASONS, NOUT };
static const char *const out_names[NOUT] = {
	"score", "lane", "hits", "reasons"
};

struct options {
	const char *rules[MAX_RULES_FILES];
	int nrules;
	const char *output;
	char today[11];
	bool check;
	bool stats;
	bool prefilter;
	unsigned threads;
};

struct run {
	struct options opt;
	struct mt_rules *rs;
	struct mt_rx_env *rx;
	struct mt_score *score;
	struct mt_scorepool *pool;	/* with --threads above 1 */
	const char *name;		/* the input being scored */
	struct mt_buf line;		/* an output line */
	struct mt_out out;
	char *header;			/* the first input's header line */
	const char *header_from;
	struct mt_str *names;
	size_t nnames;
	int col[NOUT];			/* where the input has them, or -1 */
	bool replace;			/* the input has some of them */
	size_t span;			/* fields to split */
	unsigned long long read, written;
	bool done;
	int status;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: risk-score [-r rules]... [-j num] [-o file] [--date date] "
	    "[--stats]\n"
	    "                  [--no-prefilter] [file ...]\n"
	    "       risk-score -c [-r rules]... [--date date] [file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf("\nAdd score, lane, hits and reasons to every record of the "
	    "record streams\n(plain or gzip), from rules files "
	    "(risk-rules(5)).\n\n"
	    "  -r, --rules FILE      a rules file; repeat to combine "
	    "(default:\n"
	    "                        %s/rules/default.rules)\n"
	    "  -c, --check           compile and lint the rules, read no "
	    "records (with\n"
	    "                        files: against their headers)\n"
	    "  -o, --output FILE     write to FILE, replaced only when "
	    "complete\n"
	    "      --date DATE       the day of validity windows and today() "
	    "(YYYY-MM-DD)\n"
	    "      --stats           print hits by rule and records by lane "
	    "on stderr\n"
	    "      --no-prefilter    evaluate every rule on every record\n"
	    "  -j, --threads NUM     score in NUM threads (default: one per "
	    "processor, at most\n"
	    "                        %d)\n"
	    "  -h, --help            print this help and exit\n"
	    "  -V, --version         print the version and exit\n\n"
	    "Exit status: 0 success, 2 error.\n", MT_DATADIR, MAX_THREADS);
}

/* --- output --------------------------------------------------------------- */

static void
put_result(struct mt_buf *b, int k, const struct mt_score_result *res)
{
	char num[4];
	size_t i = sizeof num;
	int v = res->score;
	struct mt_str t;

	switch (k) {
	case OUT_SCORE:
		/* 0 to 100, without printf on every record. */
		do
			num[--i] = (char)('0' + v % 10);
		while ((v /= 10) > 0 && i > 0);
		mt_buf_add(b, num + i, sizeof num - i);
		return;
	case OUT_LANE:
		mt_buf_add(b, mt_lane_names[res->lane],
		    strlen(mt_lane_names[res->lane]));
		return;
	case OUT_HITS:
		t = res->hits;
		break;
	default:
		t = res->reasons;
		break;
	}
	mt_buf_reserve(b, 2 * t.n);
	b->len += mt_rec_escape(b->buf + b->len, t.p, t.n);
}

static void
write_header(struct run *r)
{
	int k;

	mt_out_puts(&r->out, r->header);
	for (k = 0; k < NOUT; k++)
		if (r->col[k] < 0) {
			mt_out_putc(&r->out, '\t');
			mt_out_puts(&r->out, out_names[k]);
		}
	mt_out_putc(&r->out, '\n');
}

/*
 * The record with its results, into b: the line as it is and the results
 * after it, or, when the input has some of the fields already, every
 * field with those replaced in place. Runs in scoring threads too.
 */
static void
format_record(struct mt_buf *b, struct mt_str line, const struct mt_str *f,
    size_t nf, const struct mt_score_result *res, const void *arg)
{
	const struct run *r = arg;
	size_t i;
	int k;

	if (!r->replace)
		mt_buf_add(b, line.p, line.n);
	else
		for (i = 0; i < nf; i++) {
			if (i > 0)
				mt_buf_addc(b, '\t');
			for (k = 0; k < NOUT && r->col[k] != (int)i; k++)
				;
			if (k < NOUT)
				put_result(b, k, res);
			else
				mt_buf_add(b, f[i].p, f[i].n);
		}
	for (k = 0; k < NOUT; k++)
		if (r->col[k] < 0) {
			mt_buf_addc(b, '\t');
			put_result(b, k, res);
		}
	mt_buf_addc(b, '\n');
}

/* A scored batch from the threads: its output, then its messages. */
static void
emit_batch(const char *out, size_t n, const char *msgs, size_t nmsgs,
    void *arg)
{
	struct run *r = arg;
	const char *q = msgs, *nl;

	mt_out_write(&r->out, out, n);
	for (; q < msgs + nmsgs; q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(msgs + nmsgs - q));
		mt_warn("%s:%.*s", r->name, (int)(nl - q), q);
		r->status = 2;
	}
}

/* --- input ---------------------------------------------------------------- */

static bool
same_header(const struct run *r, const struct mt_str *names, size_t n)
{
	size_t i;

	if (n != r->nnames)
		return false;
	for (i = 0; i < n; i++)
		if (names[i].n != r->names[i].n ||
		    memcmp(names[i].p, r->names[i].p, names[i].n) != 0)
			return false;
	return true;
}

/* Keep the first header; compile the rules against it. */
static int
first_header(struct run *r, struct mt_rec_reader *rd, const char *name)
{
	const struct mt_str *names;
	struct mt_str hl;
	size_t n, i;
	int k;

	names = mt_rec_names(rd, &n);
	hl = mt_rec_header_line(rd);
	r->header = mt_xstrndup(hl.p, hl.n);
	r->header_from = name;
	r->nnames = n;
	r->names = mt_xcalloc(n ? n : 1, sizeof(*r->names));
	for (i = 0; i < n; i++) {
		r->names[i].p = r->header + (names[i].p - hl.p);
		r->names[i].n = names[i].n;
	}
	for (k = 0; k < NOUT; k++) {
		r->col[k] = -1;
		for (i = 0; i < n; i++)
			if (mt_str_eq(r->names[i], out_names[k]))
				r->col[k] = (int)i;
		if (r->col[k] >= 0)
			r->replace = true;
	}
	if (mt_rules_compile(r->rs, r->names, n, r->opt.today, r->rx) > 0)
		return -1;
	r->score = mt_score_new(r->rs, r->opt.prefilter);
	r->span = r->replace ? n : mt_score_span(r->score);
	if (r->opt.threads > 1)
		r->pool = mt_scorepool_new(r->rs, r->opt.prefilter,
		    r->opt.threads, n, r->span, format_record, r, emit_batch, r);
	write_header(r);
	return 0;
}

/* The records of a file, scored here, one at a time. */
static void
score_here(struct run *r, struct mt_rec_reader *rd, const char *name)
{
	struct mt_score_result res;
	struct mt_str raw;
	int rc;

	while ((rc = mt_rec_next_line(rd, &raw)) == MT_REC_OK) {
		if (mt_rec_split_span(rd, r->span) == MT_REC_BAD) {
			mt_warn("%s:%s", name, mt_rec_error(rd));
			r->status = 2;
			continue;
		}
		r->read++;
		if (mt_score_record(r->score, mt_rec_fields(rd),
		    mt_rec_nfields(rd), &res) < 0) {
			mt_warn("%s:%lu: %s", name, mt_rec_lineno(rd),
			    mt_score_error(r->score));
			r->status = 2;
		}
		r->line.len = 0;
		format_record(&r->line, raw, mt_rec_fields(rd),
		    mt_rec_nfields(rd), &res, r);
		mt_out_write(&r->out, r->line.buf, r->line.len);
		if (r->out.failed) {
			r->done = true;
			return;
		}
	}
	if (rc == MT_REC_ERROR) {
		mt_warn("%s: %s", name, mt_rec_error(rd));
		r->status = 2;
	}
}

/*
 * The records of a file, scored by the threads of the pool, this thread
 * reading and writing; a file's batches are all written before the next
 * file is read, so that messages name the right file.
 */
static void
score_pooled(struct run *r, struct mt_rec_reader *rd, const char *name)
{
	struct mt_str raw;
	int rc;

	r->name = name;
	while ((rc = mt_rec_next_line(rd, &raw)) == MT_REC_OK) {
		mt_scorepool_add(r->pool, raw.p, raw.n, mt_rec_lineno(rd));
		if (r->out.failed)
			break;
	}
	mt_scorepool_drain(r->pool);
	if (r->out.failed)
		r->done = true;
	else if (rc == MT_REC_ERROR) {
		mt_warn("%s: %s", name, mt_rec_error(rd));
		r->status = 2;
	}
}

static void
score_file(struct run *r, const char *path)
{
	struct mt_rec_reader *rd;
	const struct mt_str *names;
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	char err[256];
	size_t n;
	int rc;

	if ((rd = mt_rec_open(path, err, sizeof err)) == NULL) {
		mt_warn("%s: %s", name, err);
		r->status = 2;
		return;
	}
	rc = mt_rec_read_header(rd);
	if (rc != MT_REC_OK) {
		if (rc != MT_REC_EOF) {
			mt_warn("%s:%s", name, mt_rec_error(rd));
			r->status = 2;
		}
		mt_rec_close(rd);
		return;
	}
	names = mt_rec_names(rd, &n);
	if (r->header == NULL) {
		if (first_header(r, rd, name) < 0) {
			r->status = 2;
			r->done = true;
			mt_rec_close(rd);
			return;
		}
	} else if (!same_header(r, names, n)) {
		mt_warn("%s: header differs from the header of %s: file skipped",
		    name, r->header_from);
		r->status = 2;
		mt_rec_close(rd);
		return;
	}
	if (r->pool != NULL)
		score_pooled(r, rd, name);
	else
		score_here(r, rd, name);
	mt_rec_close(rd);
}

/* --- --check and --stats -------------------------------------------------- */

static struct mt_str *
canonical_names(size_t *n)
{
	struct mt_str *v = mt_xcalloc(MT_NFIELDS, sizeof(*v));
	size_t i;

	for (i = 0; i < MT_NFIELDS; i++) {
		v[i].p = mt_field_names[i];
		v[i].n = strlen(mt_field_names[i]);
	}
	*n = MT_NFIELDS;
	return v;
}

/* Compile and lint against one header; returns the errors. */
static size_t
check_against(struct run *r, const struct mt_str *names, size_t n,
    size_t *warnings)
{
	size_t errors = mt_rules_compile(r->rs, names, n, r->opt.today, r->rx);

	*warnings += mt_rules_lint(r->rs);
	return errors;
}

static int
check(struct run *r, int argc, char **argv)
{
	struct mt_rec_reader *rd;
	struct mt_str *names;
	size_t n, i, errors = 0, warnings = 0, active = 0;
	const char *name;
	char err[256];
	int k, rc;

	if (argc == 0) {
		names = canonical_names(&n);
		errors += check_against(r, names, n, &warnings);
		free(names);
	}
	for (k = 0; k < argc; k++) {
		name = strcmp(argv[k], "-") == 0 ? "(standard input)" : argv[k];
		if ((rd = mt_rec_open(argv[k], err, sizeof err)) == NULL) {
			mt_warn("%s: %s", name, err);
			errors++;
			continue;
		}
		if ((rc = mt_rec_read_header(rd)) == MT_REC_OK) {
			const struct mt_str *hdr = mt_rec_names(rd, &n);

			errors += check_against(r, hdr, n, &warnings);
		} else if (rc == MT_REC_EOF) {
			mt_warn("%s: empty: no header to check against", name);
			errors++;
		} else {
			mt_warn("%s:%s", name, mt_rec_error(rd));
			errors++;
		}
		mt_rec_close(rd);
	}
	if (errors > 0 || mt_rules_errors(r->rs) > 0)
		return 2;
	for (i = 0; i < mt_rules_count(r->rs); i++)
		active += mt_rule_in_force(r->rs, mt_rules_at(r->rs, i));
	printf("%zu %s, %zu in force on %s; %zu %s; thresholds yellow %d, "
	    "red %d; %zu %s\n", mt_rules_count(r->rs),
	    mt_rules_count(r->rs) == 1 ? "rule" : "rules", active, r->opt.today,
	    mt_lists_count(mt_rules_lists(r->rs)),
	    mt_lists_count(mt_rules_lists(r->rs)) == 1 ? "list" : "lists",
	    mt_rules_threshold(r->rs, MT_LANE_YELLOW),
	    mt_rules_threshold(r->rs, MT_LANE_RED), warnings,
	    warnings == 1 ? "warning" : "warnings");
	return mt_close_stdout();
}

static double
share(unsigned long long part, unsigned long long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* Counts of the scorer here or of the pool's threads. */
static unsigned long long
lanes(const struct run *r, enum mt_lane lane)
{
	return r->pool ? mt_scorepool_lane_count(r->pool, lane) :
	    mt_score_lane_count(r->score, lane);
}

static unsigned long long
rule_hits(const struct run *r, size_t i)
{
	return r->pool ? mt_scorepool_rule_hits(r->pool, i) :
	    mt_score_rule_hits(r->score, i);
}

static void
print_stats(struct run *r)
{
	const struct mt_rule *rule;
	unsigned long long c[3] = { 0, 0, 0 }, read = r->read;
	size_t i, w = 4;
	int k;

	if (r->pool != NULL)
		read = mt_scorepool_records(r->pool);
	if (r->score != NULL)
		for (k = 0; k < 3; k++)
			c[k] = lanes(r, (enum mt_lane)k);
	mt_warn("%llu %s scored: red %llu (%.1f%%), yellow %llu (%.1f%%), "
	    "green %llu (%.1f%%)", read, read == 1 ? "record" : "records",
	    c[MT_LANE_RED], share(c[MT_LANE_RED], read), c[MT_LANE_YELLOW],
	    share(c[MT_LANE_YELLOW], read), c[MT_LANE_GREEN],
	    share(c[MT_LANE_GREEN], read));
	if (r->score == NULL)
		return;
	for (i = 0; i < mt_rules_count(r->rs); i++)
		if (strlen(mt_rules_at(r->rs, i)->id) > w)
			w = strlen(mt_rules_at(r->rs, i)->id);
	mt_warn("%-*s %10s %7s  %s", (int)w, "rule", "hits", "share", "where");
	for (i = 0; i < mt_rules_count(r->rs); i++) {
		rule = mt_rules_at(r->rs, i);
		if (mt_rule_in_force(r->rs, rule))
			mt_warn("%-*s %10llu %6.1f%%  %s:%lu", (int)w, rule->id,
			    rule_hits(r, i), share(rule_hits(r, i), read),
			    rule->file, rule->line);
		else
			mt_warn("%-*s %10s %7s  %s:%lu (not in force)", (int)w,
			    rule->id, "-", "-", rule->file, rule->line);
	}
	mt_warn("%zu of %zu rules prefiltered; %llu rule evaluations",
	    mt_score_guarded(r->score), mt_rules_count(r->rs),
	    r->pool ? mt_scorepool_evaluated(r->pool) :
	    mt_score_evaluated(r->score));
}

/* --- options -------------------------------------------------------------- */

static const char *
default_rules(char *buf, size_t size)
{
	const char *dir = getenv("MANIFEST_TOOLS_DATADIR");

	if (dir == NULL || *dir == '\0')
		dir = MT_DATADIR;
	snprintf(buf, size, "%s/rules/default.rules", dir);
	return buf;
}

/* One scoring thread per processor, at most MAX_THREADS. */
static unsigned
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

static unsigned
parse_threads(const char *s)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 ||
	    v > MAX_THREADS) {
		mt_warn("--threads: expected a whole number from 1 to %d, not "
		    "'%s'", MAX_THREADS, s);
		exit(2);
	}
	return (unsigned)v;
}

static void
set_today(char *out)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "rules", required_argument, NULL, 'r' },
		{ "version", no_argument, NULL, 'V' },
		{ "date", required_argument, NULL, 'Y' },
		{ "stats", no_argument, NULL, 'T' },
		{ "no-prefilter", no_argument, NULL, 'P' },
		{ "threads", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct run r;
	char path[4096];
	size_t errors = 0;
	int ch, i;

	mt_set_progname(argv[0]);
	argv[0] = (char *)mt_progname();
	memset(&r, 0, sizeof r);
	r.opt.prefilter = true;
	set_today(r.opt.today);
	r.opt.threads = default_threads();
	while ((ch = getopt_long(argc, argv, "chj:o:r:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			r.opt.check = true;
			break;
		case 'h':
			help();
			return mt_close_stdout();
		case 'o':
			r.opt.output = optarg;
			break;
		case 'r':
			if (r.opt.nrules == MAX_RULES_FILES) {
				mt_warn("-r: at most %d rules files",
				    MAX_RULES_FILES);
				return 2;
			}
			r.opt.rules[r.opt.nrules++] = optarg;
			break;
		case 'V':
			printf("risk-score (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			return mt_close_stdout();
		case 'Y':
			if (!mt_rules_valid_date(optarg)) {
				mt_warn("--date: expected a date YYYY-MM-DD, "
				    "not '%s'", optarg);
				return 2;
			}
			memcpy(r.opt.today, optarg, 11);
			break;
		case 'T':
			r.opt.stats = true;
			break;
		case 'P':
			r.opt.prefilter = false;
			break;
		case 'j':
			r.opt.threads = parse_threads(optarg);
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (r.opt.check && r.opt.output != NULL) {
		mt_warn("-o goes with scoring, not with --check");
		return 2;
	}
	if (r.opt.nrules == 0)
		r.opt.rules[r.opt.nrules++] = default_rules(path, sizeof path);
	if ((r.rx = mt_rx_env_new(NULL)) == NULL)
		mt_die("out of memory");
	r.rs = mt_rules_new(stderr);
	for (i = 0; i < r.opt.nrules; i++)
		errors += mt_rules_load(r.rs, r.opt.rules[i]);
	if (r.opt.check) {
		/* Compile even after a mistake: show every mistake at once. */
		r.status = check(&r, argc, argv);
		if (errors > 0)
			r.status = 2;
	} else if (errors > 0)
		r.status = 2;
	else {
		if (r.opt.output != NULL) {
			if (mt_out_file(&r.out, r.opt.output) < 0)
				mt_die("%s:", r.opt.output);
		} else
			mt_out_stdout(&r.out);
		if (argc == 0)
			score_file(&r, "-");
		for (i = 0; i < argc && !r.done; i++)
			score_file(&r, argv[i]);
		/* No header came: check the rules all the same. */
		if (r.header == NULL && r.status == 0) {
			struct mt_str *names;
			size_t n;

			names = canonical_names(&n);
			if (mt_rules_compile(r.rs, names, n, r.opt.today,
			    r.rx) > 0)
				r.status = 2;
			free(names);
		}
		/* The records out before the counts (see manifest-parse). */
		if (mt_out_close(&r.out, r.status != 2) < 0) {
			mt_warn("write error: %s", r.out.err);
			r.status = 2;
		}
		if (r.opt.stats)
			print_stats(&r);
	}
	mt_scorepool_free(r.pool);
	mt_score_free(r.score);
	mt_buf_free(&r.line);
	mt_rules_free(r.rs);
	mt_rx_env_free(r.rx);
	free(r.names);
	free(r.header);
	return r.status;
}
