/*
 * manifest-report: a record stream (scored, selected or plain parsed)
 * turned into an inspection list and a summary for people (text, HTML)
 * and other systems (CSV, JSON Lines, alert lines): manifest-report(1).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "mt_expr.h"
#include "mt_norm.h"
#include "mt_out.h"
#include "mt_rec.h"
#include "mt_report.h"
#include "mt_rules.h"
#include "mt_rx.h"
#include "mt_util.h"

enum format { F_TEXT, F_HTML, F_CSV, F_JSON, F_ALERT };

static const char *const format_names[] = {
	"text", "html", "csv", "json", "alert", NULL
};

struct run {
	enum format format;
	const char *inspect;		/* -i */
	const char *output;
	const char *today;
	struct mt_rx_env *rxenv;
	struct mt_expr *expr;
	struct mt_report rep;
	const char *header_from;	/* the file of the first header */
	bool have_header;
	bool failed;			/* no report: -i does not compile */
	int status;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: manifest-report [-f format] [-i expr] [-n num] "
	    "[-o file] [--title text]\n"
	    "                       [--date date] [--bom] [--color[=when]] "
	    "[--width num]\n"
	    "                       [file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf("\nWrite the inspection list of the record streams (plain or "
	    "gzip), highest\nscore first, and a summary of every record "
	    "read.\n\n"
	    "  -f, --format FORMAT   text (default), html, csv, json or "
	    "alert\n"
	    "  -i, --inspect EXPR    list only the records for which EXPR "
	    "holds\n"
	    "  -n, --limit NUM       list only the NUM highest-scoring "
	    "records\n"
	    "  -o, --output FILE     write to FILE, replaced only when "
	    "complete\n"
	    "      --title TEXT      the report's title (default "
	    "\"Inspection list\")\n"
	    "      --date DATE       the report's date and today() "
	    "(YYYY-MM-DD)\n"
	    "      --bom             csv: begin with a byte order mark "
	    "(for Excel)\n"
	    "      --color[=WHEN]    text: lanes in colour: auto "
	    "(default), always, never\n"
	    "      --width NUM       text: columns (default: the "
	    "terminal's, or 100)\n"
	    "  -h, --help            print this help and exit\n"
	    "  -V, --version         print the version and exit\n\n"
	    "Exit status: 0 success, 2 error.\n");
}

static unsigned long long
parse_number(const char *opt, const char *s, unsigned long long min,
    unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v < min ||
	    v > max) {
		mt_warn("%s: expected a whole number from %llu to %llu, not "
		    "'%s'", opt, min, max, s);
		exit(2);
	}
	return v;
}

/* Compile -i against the first header. */
static int
compile_inspect(struct run *r, const struct mt_str *names, size_t n)
{
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	char prefix[64];

	memset(&ctx, 0, sizeof ctx);
	ctx.source = "expression";
	ctx.fields = names;
	ctx.nfields = n;
	ctx.rx = r->rxenv;
	ctx.today = r->today;
	memset(&err, 0, sizeof err);
	r->expr = mt_expr_compile(r->inspect, strlen(r->inspect), &ctx, &err);
	if (r->expr != NULL)
		return 0;
	snprintf(prefix, sizeof prefix, "%s: ", mt_progname());
	mt_expr_error_print(&err, prefix, stderr);
	mt_expr_error_free(&err);
	return -1;
}

static bool
same_header(const struct mt_report *rep, const struct mt_str *names,
    size_t n)
{
	size_t i;

	if (n != rep->nnames)
		return false;
	for (i = 0; i < n; i++)
		if (names[i].n != rep->names[i].n ||
		    memcmp(names[i].p, rep->names[i].p, names[i].n) != 0)
			return false;
	return true;
}

/* Read one input into the report; false to stop reading altogether. */
static bool
read_file(struct run *r, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	const struct mt_str *names;
	struct mt_rec_reader *rd;
	char err[256];
	bool listed;
	size_t n;
	int rc;

	if ((rd = mt_rec_open(path, err, sizeof err)) == NULL) {
		mt_warn("%s: %s", name, err);
		r->status = 2;
		return true;
	}
	rc = mt_rec_read_header(rd);
	if (rc != MT_REC_OK) {
		if (rc != MT_REC_EOF) {
			mt_warn("%s:%s", name, mt_rec_error(rd));
			r->status = 2;
		}
		mt_rec_close(rd);
		return true;
	}
	names = mt_rec_names(rd, &n);
	if (!r->have_header) {
		mt_report_set_header(&r->rep, names, n);
		r->have_header = true;
		r->header_from = path;
		if (r->inspect != NULL &&
		    compile_inspect(r, r->rep.names, r->rep.nnames) < 0) {
			r->status = 2;
			r->failed = true;
			mt_rec_close(rd);
			return false;
		}
	} else if (!same_header(&r->rep, names, n)) {
		mt_warn("%s: header differs from the header of %s: file skipped",
		    name, strcmp(r->header_from, "-") == 0 ?
		    "(standard input)" : r->header_from);
		r->status = 2;
		mt_rec_close(rd);
		return true;
	}
	while ((rc = mt_rec_next(rd)) != MT_REC_EOF && rc != MT_REC_ERROR) {
		if (rc == MT_REC_BAD) {
			mt_warn("%s:%s", name, mt_rec_error(rd));
			r->status = 2;
			continue;
		}
		listed = true;
		if (r->expr != NULL) {
			rc = mt_expr_eval(r->expr, mt_rec_fields(rd),
			    mt_rec_nfields(rd));
			if (rc < 0) {
				/* Undecided: listed, so that it is seen. */
				mt_warn("%s:%lu: %s", name, mt_rec_lineno(rd),
				    mt_expr_errmsg(r->expr));
				r->status = 2;
			} else
				listed = rc == 1;
		}
		mt_report_add(&r->rep, mt_rec_line(rd), mt_rec_fields(rd),
		    mt_rec_nfields(rd), listed);
	}
	if (rc == MT_REC_ERROR) {
		mt_warn("%s: %s", name, mt_rec_error(rd));
		r->status = 2;
	}
	mt_rec_close(rd);
	return true;
}

/*
 * No input had a header (all were empty), so -i was never compiled: check
 * its syntax at least, so that a mistake in a cron job shows on a quiet
 * day too.
 */
static bool
inspect_syntax_ok(struct run *r)
{
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	char prefix[64];

	memset(&ctx, 0, sizeof ctx);
	ctx.source = "expression";
	ctx.rx = r->rxenv;
	ctx.today = r->today;
	memset(&err, 0, sizeof err);
	if (mt_expr_syntax_ok(r->inspect, strlen(r->inspect), &ctx, &err))
		return true;
	snprintf(prefix, sizeof prefix, "%s: ", mt_progname());
	mt_expr_error_print(&err, prefix, stderr);
	mt_expr_error_free(&err);
	return false;
}

/*
 * Text width: COLUMNS, else the terminal's, else 100; never below 60,
 * where the list's columns no longer fit, nor above 1000.
 */
static unsigned
default_width(bool to_tty)
{
	const char *c = getenv("COLUMNS");
	struct winsize ws;
	long v = 100;
	char *end;

	if (c != NULL && *c >= '0' && *c <= '9' &&
	    (v = strtol(c, &end, 10), *end == '\0'))
		;
	else if (to_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		v = ws.ws_col;
	else
		v = 100;
	return v < 60 ? 60 : v > 1000 ? 1000 : (unsigned)v;
}

int
main(int argc, char **argv)
{
	enum { O_TITLE = 256, O_DATE, O_BOM, O_COLOR, O_WIDTH };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "inspect", required_argument, NULL, 'i' },
		{ "limit", required_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ "version", no_argument, NULL, 'V' },
		{ "title", required_argument, NULL, O_TITLE },
		{ "date", required_argument, NULL, O_DATE },
		{ "bom", no_argument, NULL, O_BOM },
		{ "color", optional_argument, NULL, O_COLOR },
		{ "width", required_argument, NULL, O_WIDTH },
		{ NULL, 0, NULL, 0 }
	};
	struct mt_report_opts opt;
	struct mt_out out;
	struct run r;
	size_t limit = SIZE_MAX;
	const char *color = "auto", *nc;
	char today[16];
	unsigned width = 0;
	bool to_tty;
	time_t now;
	int ch, i;

	mt_set_progname(argv[0]);
	argv[0] = (char *)mt_progname();
	/* Character widths from the C library; numbers stay in C. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "C.utf8");
	memset(&r, 0, sizeof r);
	memset(&opt, 0, sizeof opt);
	opt.title = "Inspection list";
	while ((ch = getopt_long(argc, argv, "f:hi:n:o:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'f':
			for (i = 0; format_names[i] != NULL; i++)
				if (strcmp(optarg, format_names[i]) == 0)
					break;
			if (format_names[i] == NULL) {
				mt_warn("-f: expected text, html, csv, json or "
				    "alert, not '%s'", optarg);
				return 2;
			}
			r.format = (enum format)i;
			break;
		case 'h':
			help();
			return mt_close_stdout();
		case 'i':
			r.inspect = optarg;
			break;
		case 'n':
			limit = (size_t)parse_number("-n", optarg, 0,
			    100000000);
			break;
		case 'o':
			r.output = optarg;
			break;
		case 'V':
			printf("manifest-report (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			return mt_close_stdout();
		case O_TITLE:
			opt.title = optarg;
			break;
		case O_DATE:
			if (!mt_rules_valid_date(optarg)) {
				mt_warn("--date: expected a date YYYY-MM-DD, "
				    "not '%s'", optarg);
				return 2;
			}
			r.today = optarg;
			break;
		case O_BOM:
			opt.bom = true;
			break;
		case O_COLOR:
			color = optarg != NULL ? optarg : "always";
			if (strcmp(color, "auto") != 0 &&
			    strcmp(color, "always") != 0 &&
			    strcmp(color, "never") != 0) {
				mt_warn("--color: expected auto, always or "
				    "never, not '%s'", color);
				return 2;
			}
			break;
		case O_WIDTH:
			width = (unsigned)parse_number("--width", optarg, 60,
			    1000);
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.bom && r.format != F_CSV) {
		mt_warn("--bom goes with -f csv");
		return 2;
	}
	if (r.today == NULL) {
		now = time(NULL);
		strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
		r.today = today;
	}
	opt.date = r.today;
	opt.inputs = argc > 0 ? (const char *const *)argv : NULL;
	opt.ninputs = (size_t)argc;
	to_tty = r.output == NULL && isatty(STDOUT_FILENO);
	opt.width = width ? width : default_width(to_tty);
	/* Never with NO_COLOR set: it outranks even --color=always. */
	nc = getenv("NO_COLOR");
	opt.color = (nc == NULL || *nc == '\0') &&
	    (strcmp(color, "always") == 0 ||
	    (strcmp(color, "auto") == 0 && to_tty));
	if ((r.rxenv = mt_rx_env_new(NULL)) == NULL)
		mt_die("out of memory");
	mt_report_init(&r.rep, limit);

	if (argc == 0)
		(void)read_file(&r, "-");
	for (i = 0; i < argc; i++)
		if (!read_file(&r, argv[i]))
			break;
	if (!r.have_header && r.inspect != NULL && !inspect_syntax_ok(&r)) {
		r.status = 2;
		r.failed = true;
	}
	if (!r.failed) {
		if (r.output != NULL) {
			if (mt_out_file(&out, r.output) < 0)
				mt_die("%s:", r.output);
		} else
			mt_out_stdout(&out);
		mt_report_finish(&r.rep);
		switch (r.format) {
		case F_TEXT:
			mt_report_write_text(&r.rep, &out, &opt);
			break;
		case F_HTML:
			mt_report_write_html(&r.rep, &out, &opt);
			break;
		case F_CSV:
			mt_report_write_csv(&r.rep, &out, &opt);
			break;
		case F_JSON:
			mt_report_write_json(&r.rep, &out, &opt);
			break;
		case F_ALERT:
			mt_report_write_alert(&r.rep, &out, &opt);
			break;
		}
		if (mt_out_close(&out, r.status != 2) < 0) {
			mt_warn("write error: %s", out.err);
			r.status = 2;
		}
	}
	mt_report_free(&r.rep);
	mt_expr_free(r.expr);
	mt_rx_env_free(r.rxenv);
	return r.status;
}
