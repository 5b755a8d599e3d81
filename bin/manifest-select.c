/*
 * manifest-select: the records of a stream for which an expression holds;
 * a cap on how many, a seeded random sample of the others; the grep of
 * manifest archives (manifest-select(1)).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_norm.h"
#include "mt_out.h"
#include "mt_progress.h"
#include "mt_rec.h"
#include "mt_rules.h"
#include "mt_rx.h"
#include "mt_swar.h"
#include "mt_topn.h"
#include "mt_util.h"
#include "mt_zio.h"

/* Lists one run may load with -l. */
#define MAX_LISTS	64

struct options {
	const char *expr;
	const char *grep;
	const char *output;
	const char *today;
	const char *by;
	bool count_only;
	bool invert;
	bool with_source;
	bool sort;
	bool stats;
	unsigned long long max;		/* -m; 0: no cap */
	size_t top;			/* --top; 0: none */
	double rate;			/* --sample; < 0: none */
	uint64_t seed;
	bool seeded;
};

struct run {
	struct options opt;
	struct mt_lists *lists;
	struct mt_rx_env *rxenv;
	struct mt_rx *grep;
	struct mt_expr *expr;
	size_t span;			/* fields the expression reads */
	struct mt_out out;
	struct mt_str *names;		/* header of the first input */
	size_t nnames;
	char *header;			/* its header line */
	const char *header_from;	/* the file it came from */
	int by_col;			/* --by field, or -1 */
	int sel_col;			/* an input `selection` field, or -1 */
	int src_col;			/* an input `source_file` field, or -1 */
	uint64_t threshold;		/* sample when the hash is below */
	struct mt_topn top;		/* --top: the records kept */
	unsigned long long seq;
	unsigned long long read, targeted, sampled, written;
	struct mt_buf line;		/* an output line being built */
	struct mt_buf esc;
	struct mt_progress progress;
	bool done;			/* -m reached */
	int status;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: manifest-select [-cHv] [-e expr] [-g regex] [-l name=file] "
	    "[-m num]\n"
	    "                       [-o file] [--top num [--by field] [--sort]]\n"
	    "                       [--sample rate [--seed num]] "
	    "[--date date]\n"
	    "                       [--progress[=when]] [--stats]\n"
	    "                       [expr] [file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf("\nWrite the header and every record of the record streams "
	    "(plain or gzip)\nfor which the expression holds "
	    "(manifest-expr(7)).\n\n"
	    "  -c, --count           print only the number of records "
	    "written\n"
	    "  -e, --expr EXPR       the expression (then every operand is "
	    "a file)\n"
	    "  -g, --grep REGEX      keep records whose raw line matches "
	    "REGEX (PCRE2)\n"
	    "  -H, --with-source     add a source_file field: the input "
	    "each record came from\n"
	    "  -l, --list NAME=FILE  load FILE (one entry a line) as @NAME\n"
	    "  -m, --max NUM         stop after NUM records\n"
	    "  -o, --output FILE     write to FILE, replaced only when "
	    "complete\n"
	    "  -v, --invert          select the records the expression "
	    "rejects\n"
	    "      --top NUM         keep the NUM records highest in --by\n"
	    "      --by FIELD        the numeric field of --top "
	    "(default score)\n"
	    "      --sort            with --top: highest first, not in "
	    "input order\n"
	    "      --sample RATE     add a random sample (1%% or 0.01) of "
	    "the other records\n"
	    "      --seed NUM        seed of the sample (default: from the "
	    "clock, printed)\n"
	    "      --date DATE       today() in expressions (YYYY-MM-DD)\n"
	    "      --progress[=WHEN] bytes, records, rate and time left on "
	    "stderr: auto\n"
	    "                        (default: on a terminal) or always\n"
	    "      --stats           print counts on stderr\n"
	    "  -h, --help            print this help and exit\n"
	    "  -V, --version         print the version and exit\n\n"
	    "Exit status: 0 records written, 1 none, 2 error.\n");
}

/*
 * The sample decision depends on the record and the seed only, never on
 * its position, so a stream split across processes samples the same
 * records: a 64-bit hash of the line, eight bytes a step.
 */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static uint64_t
line_hash(const char *p, size_t n, uint64_t seed)
{
	uint64_t h = mix(seed ^ (n * 0x9e3779b97f4a7c15ULL));
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		h = mix(h ^ mt_swar_load(p + i));
	if (i < n)
		h = mix(h ^ mt_swar_load_tail(p + i, n - i, 0));
	return h;
}

/* --- output --------------------------------------------------------------- */

/*
 * The output line of a record: the input line as it is, unless fields
 * are added (source_file, selection) or replaced because the input had
 * them already.
 */
static void
build_line(struct run *r, struct mt_rec_reader *rd, const char *file,
    const char *selection, struct mt_str *out)
{
	struct mt_str line = mt_rec_line(rd);
	const struct mt_str *f;
	bool add_src = r->opt.with_source, add_sel = selection != NULL;
	size_t i, nf;

	if (!add_src && !add_sel) {
		out->p = line.p;
		out->n = line.n;
		return;
	}
	r->line.len = 0;
	if ((add_src && r->src_col >= 0) || (add_sel && r->sel_col >= 0)) {
		/* Replace the field in place: split the whole line. */
		(void)mt_rec_split_span(rd, r->nnames);
		f = mt_rec_fields(rd);
		nf = mt_rec_nfields(rd);
		for (i = 0; i < nf; i++) {
			if (i > 0)
				mt_buf_addc(&r->line, '\t');
			if (add_sel && (int)i == r->sel_col)
				mt_buf_add(&r->line, selection, strlen(selection));
			else if (add_src && (int)i == r->src_col) {
				r->esc.len = 0;
				mt_buf_reserve(&r->esc, 2 * strlen(file));
				r->esc.len = mt_rec_escape(r->esc.buf, file,
				    strlen(file));
				mt_buf_add(&r->line, r->esc.buf, r->esc.len);
			} else
				mt_buf_add(&r->line, f[i].p, f[i].n);
		}
	} else
		mt_buf_add(&r->line, line.p, line.n);
	if (add_src && r->src_col < 0) {
		mt_buf_addc(&r->line, '\t');
		mt_buf_reserve(&r->line, 2 * strlen(file));
		r->line.len += mt_rec_escape(r->line.buf + r->line.len, file,
		    strlen(file));
	}
	if (add_sel && r->sel_col < 0) {
		mt_buf_addc(&r->line, '\t');
		mt_buf_add(&r->line, selection, strlen(selection));
	}
	out->p = r->line.buf;
	out->n = r->line.len;
}

/* A number as the expression language reads it, or NaN. */
static double
field_number(struct mt_str s)
{
	double v;

	return mt_expr_parse_number(s.p, s.n, &v) ? v : NAN;
}

static void
top_offer(struct run *r, struct mt_rec_reader *rd, struct mt_str line)
{
	const struct mt_str *f;
	double key;

	(void)mt_rec_split_span(rd, (size_t)r->by_col + 1);
	f = mt_rec_fields(rd);
	key = field_number(f[r->by_col]);
	if (isnan(key))
		return;		/* no rank: never among the highest */
	(void)mt_topn_offer(&r->top, key, r->seq, line.p, line.n);
}

static void
top_flush(struct run *r)
{
	size_t i;

	mt_topn_sort(&r->top, r->opt.sort);
	for (i = 0; i < r->top.n; i++)
		if (r->opt.max == 0 || r->written < r->opt.max) {
			if (!r->opt.count_only) {
				mt_out_write(&r->out, r->top.v[i].data,
				    r->top.v[i].len);
				mt_out_putc(&r->out, '\n');
			}
			r->written++;
		}
}

static void
emit(struct run *r, struct mt_str line)
{
	r->written++;
	if (r->opt.count_only)
		return;
	mt_out_reserve(&r->out, line.n + 1);
	memcpy(r->out.buf + r->out.len, line.p, line.n);
	r->out.len += line.n;
	r->out.buf[r->out.len++] = '\n';
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
		    memcmp(names[i].p, r->names[i].p, n ? names[i].n : 0) != 0)
			return false;
	return true;
}

static int
find_name(const struct mt_str *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (mt_str_eq(names[i], name))
			return (int)i;
	return -1;
}

static void
write_header(struct run *r)
{
	struct mt_str h = { r->header, strlen(r->header) };

	if (r->opt.count_only)
		return;
	mt_out_write(&r->out, h.p, h.n);
	if (r->opt.with_source && r->src_col < 0)
		mt_out_puts(&r->out, "\tsource_file");
	if (r->opt.rate >= 0 && r->sel_col < 0)
		mt_out_puts(&r->out, "\tselection");
	mt_out_putc(&r->out, '\n');
}

/* Compile the expression against the first input's header. */
static int
first_header(struct run *r, struct mt_rec_reader *rd, const char *path)
{
	const struct mt_str *names;
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	struct mt_str hl;
	size_t n, i;
	char *p;

	names = mt_rec_names(rd, &n);
	hl = mt_rec_header_line(rd);
	r->header = mt_xstrndup(hl.p, hl.n);
	r->header_from = path;
	r->nnames = n;
	r->names = mt_xmalloc((n ? n : 1) * sizeof *r->names);
	for (i = 0, p = r->header; i < n; i++) {
		r->names[i].p = r->header + (names[i].p - hl.p);
		r->names[i].n = names[i].n;
	}
	(void)p;
	r->sel_col = r->opt.rate >= 0 ? find_name(r->names, n, "selection") : -1;
	r->src_col = r->opt.with_source ?
	    find_name(r->names, n, "source_file") : -1;
	r->by_col = -1;
	if (r->opt.top > 0 &&
	    (r->by_col = find_name(r->names, n, r->opt.by)) < 0) {
		mt_warn("%s: --by: no field '%s' in the header", path, r->opt.by);
		return -1;
	}
	if (r->opt.expr != NULL) {
		memset(&ctx, 0, sizeof ctx);
		ctx.source = "expression";
		ctx.fields = r->names;
		ctx.nfields = n;
		ctx.lists = r->lists;
		ctx.rx = r->rxenv;
		ctx.today = r->opt.today;
		memset(&err, 0, sizeof err);
		r->expr = mt_expr_compile(r->opt.expr, strlen(r->opt.expr), &ctx,
		    &err);
		if (r->expr == NULL) {
			char prefix[64];

			snprintf(prefix, sizeof prefix, "%s: ", mt_progname());
			mt_expr_error_print(&err, prefix, stderr);
			mt_expr_error_free(&err);
			return -1;
		}
		r->span = mt_expr_field_span(r->expr);
	}
	write_header(r);
	return 0;
}

/* One record: decide, then write, keep or drop it. */
static int
record(struct run *r, struct mt_rec_reader *rd, const char *path,
    const char *label, struct mt_str raw)
{
	const char *selection = NULL;
	struct mt_str line;
	bool yes = true;
	int rc;

	r->read++;
	r->seq++;
	if (r->grep != NULL) {
		const char *why;

		rc = mt_rx_match(r->rxenv, r->grep, raw.p, raw.n, NULL, NULL,
		    &why);
		if (rc < 0) {
			mt_warn("%s:%lu: -g: regular expression /%s/ %s", path,
			    mt_rec_lineno(rd), r->opt.grep, why);
			return -1;
		}
		yes = rc == 1;
	}
	if (yes && r->expr != NULL) {
		rc = mt_rec_split_span(rd, r->span);
		if (rc == MT_REC_BAD) {
			mt_warn("%s:%s", path, mt_rec_error(rd));
			r->status = 2;
			r->read--;
			return 0;
		}
		rc = mt_expr_eval(r->expr, mt_rec_fields(rd), mt_rec_nfields(rd));
		if (rc < 0) {
			mt_warn("%s:%lu: %s", path, mt_rec_lineno(rd),
			    mt_expr_errmsg(r->expr));
			return -1;
		}
		yes = rc == 1;
	} else if (mt_rec_split_span(rd, 0) == MT_REC_BAD) {
		mt_warn("%s:%s", path, mt_rec_error(rd));
		r->status = 2;
		r->read--;
		return 0;
	}
	if (r->opt.invert)
		yes = !yes;
	if (yes) {
		r->targeted++;
		selection = r->opt.rate >= 0 ? "targeted" : NULL;
	} else if (r->opt.rate >= 0 &&
	    line_hash(raw.p, raw.n, r->opt.seed) < r->threshold) {
		r->sampled++;
		selection = "random";
	} else
		return 0;
	build_line(r, rd, label, selection, &line);
	if (r->opt.top > 0 && selection != NULL && strcmp(selection,
	    "random") == 0)
		emit(r, line);		/* the sample is not ranked */
	else if (r->opt.top > 0)
		top_offer(r, rd, line);
	else
		emit(r, line);
	if (r->opt.max > 0 && r->written >= r->opt.max)
		r->done = true;
	return r->out.failed ? -1 : 0;
}

static void
select_file(struct run *r, const char *path)
{
	struct mt_rec_reader *rd;
	struct mt_str raw;
	const struct mt_str *names;
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	/* Records name standard input "-", as manifest-parse's source does. */
	const char *label = path;
	char err[256];
	size_t n;
	int rc;

	if ((rd = mt_rec_open(path, err, sizeof err)) == NULL) {
		mt_warn("%s: %s", name, err);
		r->status = 2;
		return;
	}
	rc = mt_rec_read_header(rd);
	if (rc == MT_REC_EOF) {
		mt_rec_close(rd);
		return;		/* an empty input selects nothing */
	}
	if (rc != MT_REC_OK) {
		mt_warn("%s:%s", name, mt_rec_error(rd));
		r->status = 2;
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
	while (!r->done && (rc = mt_rec_next_line(rd, &raw)) == MT_REC_OK) {
		if (record(r, rd, name, label, raw) < 0) {
			r->status = 2;
			r->done = true;
		}
		if (r->progress.on)
			mt_progress_update(&r->progress,
			    mt_zio_offset(mt_rec_zio(rd)), r->read);
	}
	mt_progress_next_file(&r->progress, mt_zio_size(mt_rec_zio(rd)));
	if (rc == MT_REC_ERROR) {
		mt_warn("%s: %s", name, mt_rec_error(rd));
		r->status = 2;
	}
	mt_rec_close(rd);
}

/* --- options -------------------------------------------------------------- */

static unsigned long long
parse_number(const char *opt, const char *s, unsigned long long min)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v < min) {
		mt_warn("%s: expected a whole number%s, not '%s'", opt,
		    min > 0 ? " above 0" : "", s);
		exit(2);
	}
	return v;
}

/* "1%", "0.5%", "0.01": a rate from 0 to 1. */
static double
parse_rate(const char *s)
{
	char *end;
	double v;
	size_t digits = strspn(s, "0123456789.");

	/* Plain decimals only: strtod would also take " 1", "0x1p-4". */
	if (digits == 0 || (s[digits] != '\0' && strcmp(s + digits, "%") != 0)) {
		mt_warn("--sample: expected a rate such as 1%% or 0.01, not '%s'",
		    s);
		exit(2);
	}
	errno = 0;
	v = strtod(s, &end);
	if (end != s && *end == '%' && end[1] == '\0')
		v /= 100;
	else if (end == s || *end != '\0')
		v = -1;
	if (errno != 0 || !(v >= 0 && v <= 1)) {
		mt_warn("--sample: expected a rate such as 1%% or 0.01, not '%s'",
		    s);
		exit(2);
	}
	return v;
}

static void
load_list(struct run *r, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct mt_list *l;
	char err[512];

	if (eq == NULL || eq == arg || eq[1] == '\0') {
		mt_warn("-l: expected NAME=FILE, not '%s'", arg);
		exit(2);
	}
	if (!mt_lists_valid_name(arg, (size_t)(eq - arg))) {
		mt_warn("-l: '%.*s' is not a list name (a letter or _, then "
		    "letters, digits, _)", (int)(eq - arg), arg);
		exit(2);
	}
	if ((l = mt_lists_add(r->lists, arg, (size_t)(eq - arg))) == NULL) {
		mt_warn("-l: list '%.*s' given twice", (int)(eq - arg), arg);
		exit(2);
	}
	if (mt_list_load(l, eq + 1, err, sizeof err) < 0) {
		mt_warn("%s", err);
		exit(2);
	}
}

/*
 * No input had a header (all were empty), so the expression was never
 * compiled: check at least its syntax, so that a mistake in a cron job
 * shows on a quiet day too. Without a header every field is unknown,
 * and that error alone is not one.
 */
static bool
syntax_ok(struct run *r)
{
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	char prefix[64];

	memset(&ctx, 0, sizeof ctx);
	ctx.source = "expression";
	ctx.lists = r->lists;
	ctx.rx = r->rxenv;
	ctx.today = r->opt.today;
	memset(&err, 0, sizeof err);
	if (mt_expr_syntax_ok(r->opt.expr, strlen(r->opt.expr), &ctx, &err))
		return true;
	snprintf(prefix, sizeof prefix, "%s: ", mt_progname());
	mt_expr_error_print(&err, prefix, stderr);
	mt_expr_error_free(&err);
	return false;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "count", no_argument, NULL, 'c' },
		{ "expr", required_argument, NULL, 'e' },
		{ "grep", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "with-source", no_argument, NULL, 'H' },
		{ "list", required_argument, NULL, 'l' },
		{ "max", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "invert", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ "by", required_argument, NULL, 'B' },
		{ "sample", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, 'D' },
		{ "sort", no_argument, NULL, 'O' },
		{ "stats", no_argument, NULL, 'T' },
		{ "date", required_argument, NULL, 'Y' },
		{ "top", required_argument, NULL, 'N' },
		{ "progress", optional_argument, NULL, 'G' },
		{ NULL, 0, NULL, 0 }
	};
	struct run r;
	const char *lists[MAX_LISTS];
	char err[512];
	int ch, i, nlists = 0, progress = MT_PROGRESS_OFF;
	bool any = false, by_given = false;

	mt_set_progname(argv[0]);
	argv[0] = (char *)mt_progname();
	memset(&r, 0, sizeof r);
	r.opt.rate = -1;
	r.opt.by = "score";
	while ((ch = getopt_long(argc, argv, "ce:g:hHl:m:o:vV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			r.opt.count_only = true;
			break;
		case 'e':
			r.opt.expr = optarg;
			break;
		case 'g':
			r.opt.grep = optarg;
			break;
		case 'h':
			help();
			return mt_close_stdout();
		case 'H':
			r.opt.with_source = true;
			break;
		case 'l':
			if (nlists == MAX_LISTS) {
				mt_warn("-l: at most %d lists", MAX_LISTS);
				return 2;
			}
			lists[nlists++] = optarg;
			break;
		case 'm':
			r.opt.max = parse_number("-m", optarg, 1);
			break;
		case 'o':
			r.opt.output = optarg;
			break;
		case 'v':
			r.opt.invert = true;
			break;
		case 'V':
			printf("manifest-select (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			return mt_close_stdout();
		case 'B':
			r.opt.by = optarg;
			by_given = true;
			break;
		case 'S':
			r.opt.rate = parse_rate(optarg);
			break;
		case 'D':
			r.opt.seed = parse_number("--seed", optarg, 0);
			r.opt.seeded = true;
			break;
		case 'O':
			r.opt.sort = true;
			break;
		case 'T':
			r.opt.stats = true;
			break;
		case 'Y':
			if (!mt_rules_valid_date(optarg)) {
				mt_warn("--date: expected a date YYYY-MM-DD, "
				    "not '%s'", optarg);
				return 2;
			}
			r.opt.today = optarg;
			break;
		case 'N':
			r.opt.top = (size_t)parse_number("--top", optarg, 1);
			break;
		case 'G':
			if ((progress = mt_progress_mode(optarg)) < 0) {
				mt_warn("--progress: expected auto, always or "
				    "never, not '%s'", optarg);
				return 2;
			}
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (r.opt.expr == NULL && r.opt.grep == NULL) {
		if (argc == 0) {
			mt_warn("no expression");
			usage(stderr);
			return 2;
		}
		r.opt.expr = *argv++;
		argc--;
	}
	if ((r.opt.sort || by_given) && r.opt.top == 0) {
		mt_warn("%s goes with --top", r.opt.sort ? "--sort" : "--by");
		return 2;
	}
	if (r.opt.seeded && r.opt.rate < 0) {
		mt_warn("--seed goes with --sample");
		return 2;
	}
	if (r.opt.rate >= 0) {
		if (!r.opt.seeded) {
			r.opt.seed = mix((uint64_t)time(NULL) ^
			    ((uint64_t)getpid() << 32)) % 1000000000;
			if (r.opt.seed == 0)
				r.opt.seed = 1;
			mt_warn("sample seed %llu (--seed %llu repeats this "
			    "sample)", (unsigned long long)r.opt.seed,
			    (unsigned long long)r.opt.seed);
		}
		/* 2^64 * rate, exactly 0 or all for the ends. */
		r.threshold = r.opt.rate >= 1 ? UINT64_MAX :
		    (uint64_t)ldexp(r.opt.rate, 64);
	}
	r.lists = mt_lists_new();
	for (i = 0; i < nlists; i++)
		load_list(&r, lists[i]);
	if ((r.rxenv = mt_rx_env_new(NULL)) == NULL)
		mt_die("out of memory");
	if (r.opt.grep != NULL) {
		size_t off;

		r.grep = mt_rx_compile(r.opt.grep, strlen(r.opt.grep), 0, err,
		    sizeof err, &off);
		if (r.grep == NULL) {
			mt_warn("-g: %s at offset %zu of /%s/", err, off,
			    r.opt.grep);
			return 2;
		}
	}
	if (r.opt.output != NULL) {
		if (mt_out_file(&r.out, r.opt.output) < 0)
			mt_die("%s:", r.opt.output);
	} else
		mt_out_stdout(&r.out);

	mt_topn_init(&r.top, r.opt.top);
	mt_progress_init(&r.progress, (enum mt_progress_mode)progress, argv,
	    argc);
	if (argc == 0)
		select_file(&r, "-");
	for (i = 0; i < argc && !r.done; i++)
		select_file(&r, argv[i]);
	mt_progress_end(&r.progress);
	if (r.header == NULL && r.opt.expr != NULL && r.status == 0 &&
	    !syntax_ok(&r))
		r.status = 2;
	if (r.opt.top > 0 && r.status != 2)
		top_flush(&r);
	mt_topn_free(&r.top);
	any = r.written > 0;
	if (r.opt.count_only && r.status != 2) {
		char num[32];

		snprintf(num, sizeof num, "%llu\n", r.written);
		mt_out_puts(&r.out, num);
	}
	/* The records out before the counts (see manifest-parse). */
	if (mt_out_close(&r.out, r.status != 2) < 0) {
		mt_warn("write error: %s", r.out.err);
		r.status = 2;
	}
	if (r.opt.stats)
		mt_warn("%llu %s read, %llu selected, %llu sampled, %llu written",
		    r.read, r.read == 1 ? "record" : "records", r.targeted,
		    r.sampled, r.written);
	mt_expr_free(r.expr);
	mt_rx_free(r.grep);
	mt_rx_env_free(r.rxenv);
	mt_lists_free(r.lists);
	free(r.names);
	free(r.header);
	mt_buf_free(&r.line);
	mt_buf_free(&r.esc);
	if (r.status != 0)
		return r.status;
	return any ? 0 : 1;
}
