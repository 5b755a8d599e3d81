/*
 * manifest-parse: CSV cargo manifests in, records of the canonical schema
 * out (manifest-parse(1), manifest-records(5)).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt_canon.h"
#include "mt_conv.h"
#include "mt_csvin.h"
#include "mt_csvthread.h"
#include "mt_norm.h"
#include "mt_out.h"
#include "mt_rec.h"
#include "mt_schema.h"
#include "mt_util.h"
#include "mt_progress.h"
#include "mt_zio.h"

/* Mapping files one run may load. */
#define MAX_MAPS	32

/* Messages about unmapped columns shown per file; the rest are counted. */
#define SHOW_COLUMNS	50

/* Messages about rejected rows shown per file; all are counted. */
#define SHOW_REJECTS	100

struct options {
	char delim;
	const char *encoding;
	const char *label;
	const char *output;
	const char *rejects;
	bool stats;
	struct mt_canon_opts canon;
};

struct file_counts {
	unsigned long rows;
	unsigned long records;
	unsigned long rejected;
	unsigned long skipped;		/* blank rows, repeated headers */
};

struct run {
	struct options opt;
	struct mt_canon *canon;
	struct mt_out out;
	FILE *rejects;
	const char *path;	/* file being read, for messages */
	char *source;		/* its name in records, valid UTF-8 */
	bool have_header;	/* header of the current file seen */
	size_t ncols;
	struct mt_buf header;	/* the file's header fields, NUL-separated */
	bool header_written;
	char **extra_names;	/* with --keep-extra: the first file's */
	size_t nextra_names;
	bool skip_file;		/* the file's header is unusable */
	unsigned long notes;	/* columns named on stderr for this file */
	struct file_counts fc;
	struct file_counts total;
	struct mt_zio *z;	/* the input being read, for --progress */
	struct mt_progress progress;
	int status;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: manifest-parse [-d delim] [-m mapfile] [-o file] "
	    "[--date-order order]\n"
	    "                      [--decimal sep] [--encoding name] "
	    "[--keep-extra] [--label name]\n"
	    "                      [--progress[=when]] [--rejects file] "
	    "[--stats] [file ...]\n");
}

static void
help(void)
{
	usage(stdout);
	printf("\nRead CSV cargo manifests (plain or gzip) and write records "
	    "of the canonical\nschema, version %d (manifest-records(5)).\n\n"
	    "  -d, --delimiter C     field delimiter: , ; | or tab "
	    "(default: detected)\n"
	    "  -m, --mapping FILE    map source columns as FILE says "
	    "(repeatable)\n"
	    "  -o, --output FILE     write to FILE, replaced only when "
	    "complete\n"
	    "      --date-order O    dmy (default) or mdy for dates like "
	    "03/04/2026\n"
	    "      --decimal S       auto (default), point or comma\n"
	    "      --encoding NAME   input encoding, e.g. latin1, cp1252 "
	    "(default UTF-8)\n"
	    "      --keep-extra      append unmapped columns after dq\n"
	    "      --label NAME      name the input NAME in the source field "
	    "(one input)\n"
	    "      --progress[=WHEN] bytes, records, rate and time left on "
	    "stderr: auto\n"
	    "                        (default: on a terminal) or always\n"
	    "      --rejects FILE    append the raw text of rejected rows to "
	    "FILE\n"
	    "      --stats           print counts per file on stderr\n"
	    "  -h, --help            print this help and exit\n"
	    "  -V, --version         print the version and exit\n\n"
	    "Exit status: 0 all rows converted, 1 some rows rejected, "
	    "2 error.\n", MT_SCHEMA_VERSION);
}

/*
 * A header name fit for a terminal: at most 60 bytes, cut on a character
 * boundary, control bytes shown as '?', invalid UTF-8 as U+FFFD.
 */
static void
printable(struct mt_str name, char *out, size_t outsz)
{
	char fixed[3 * 60 + 4];
	size_t n = name.n > 60 ? 60 : name.n, i, bad;
	int k;

	/* Back off to the start of a UTF-8 character. */
	while (n < name.n && n > 0 && ((unsigned char)name.p[n] & 0xc0) == 0x80)
		n--;
	k = mt_utf8_repair(name.p, n, fixed, &bad);
	if (k < 0)
		k = 0;
	for (i = 0; i < (size_t)k; i++)
		if ((unsigned char)fixed[i] < 0x20 || fixed[i] == 0x7f)
			fixed[i] = '?';
	snprintf(out, outsz, "%.*s%s", k, fixed, n < name.n ? "..." : "");
}

static void
note_column(void *ctx, size_t col, struct mt_str name, const char *why)
{
	struct run *r = ctx;
	char shown[3 * 60 + 8];

	if (++r->notes > SHOW_COLUMNS)
		return;
	printable(name, shown, sizeof shown);
	mt_warn("%s: column %zu '%s' %s%s", r->path, col + 1, shown, why,
	    r->opt.canon.keep_extra ? "" : " (--keep-extra keeps it)");
}

static void
write_reject(struct run *r, struct mt_str raw)
{
	if (r->rejects == NULL)
		return;
	fwrite(raw.p, 1, raw.n, r->rejects);
	/* The last row of a file may lack a line end. */
	if (raw.n == 0 || raw.p[raw.n - 1] != '\n')
		fputc('\n', r->rejects);
}

static int
on_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	struct run *r = ctx;

	if (!r->have_header) {
		/* Without its header no row of the file can be mapped. */
		mt_warn("%s:%lu: header: %s: file skipped", r->path, line,
		    reason);
		r->skip_file = true;
		r->status = 2;
		return -1;
	}
	r->fc.rejected++;
	if (r->fc.rejected <= SHOW_REJECTS)
		mt_warn("%s:%lu: %s: row rejected", r->path, line, reason);
	write_reject(r, raw);
	return 0;
}

static bool
same_extras(struct run *r)
{
	const char *const *names;
	size_t n, i;

	names = mt_canon_names(r->canon, &n);
	if (n - MT_NFIELDS != r->nextra_names)
		return false;
	for (i = 0; i < r->nextra_names; i++)
		if (strcmp(names[MT_NFIELDS + i], r->extra_names[i]) != 0)
			return false;
	return true;
}

static void
write_header(struct run *r)
{
	const char *const *names;
	size_t n, i;

	names = mt_canon_names(r->canon, &n);
	mt_rec_put_header(&r->out, names, n);
	r->nextra_names = n - MT_NFIELDS;
	r->extra_names = mt_xcalloc(r->nextra_names + 1, sizeof(char *));
	for (i = 0; i < r->nextra_names; i++)
		r->extra_names[i] = mt_xstrdup(names[MT_NFIELDS + i]);
	r->header_written = true;
}

static int
on_header(struct run *r, const struct mt_csv_row *row)
{
	size_t mapped, i;

	r->have_header = true;
	r->ncols = row->nfields;
	r->header.len = 0;
	for (i = 0; i < row->nfields; i++) {
		mt_buf_add(&r->header, row->fields[i].p, row->fields[i].n);
		mt_buf_addc(&r->header, '\0');
	}
	r->notes = 0;
	mapped = mt_canon_header(r->canon, row->fields, row->nfields,
	    note_column, r);
	if (r->notes > SHOW_COLUMNS)
		mt_warn("%s: %lu more unmapped columns not listed%s", r->path,
		    r->notes - SHOW_COLUMNS, r->opt.canon.keep_extra ? "" :
		    " (--keep-extra keeps them)");
	if (mapped == 0)
		mt_warn("%s: no column maps to a field of the schema: is line %lu "
		    "the header? (-m maps other names)", r->path, row->line);
	if (!r->header_written) {
		write_header(r);
	} else if (!same_extras(r)) {
		mt_warn("%s: with --keep-extra every input needs the same "
		    "unmapped columns as the first: file skipped", r->path);
		r->skip_file = true;
		r->status = 2;
		return -1;
	}
	return 0;
}

/* The header again, as `cat a.csv b.csv` leaves it. */
static bool
is_header(const struct run *r, const struct mt_csv_row *row)
{
	const char *h = r->header.buf;
	size_t i;

	for (i = 0; i < row->nfields; i++) {
		if (strlen(h) != row->fields[i].n ||
		    memcmp(h, row->fields[i].p, row->fields[i].n) != 0)
			return false;
		h += row->fields[i].n + 1;
	}
	return true;
}

static int
on_row(void *ctx, const struct mt_csv_row *row)
{
	struct run *r = ctx;
	char why[96];

	if (!r->have_header)
		return on_header(r, row);
	if (row->nfields != r->ncols) {
		snprintf(why, sizeof why, "%zu field%s, header has %zu",
		    row->nfields, row->nfields == 1 ? "" : "s", r->ncols);
		return on_bad(ctx, row->line, why, row->raw);
	}
	if (is_header(r, row)) {
		r->fc.skipped++;
		return 0;
	}
	r->fc.rows++;
	mt_canon_row(r->canon, row->fields, r->source, row->line, &r->out);
	r->fc.records++;
	if (r->progress.on)
		mt_progress_update(&r->progress, mt_zio_offset(r->z),
		    r->total.records + r->fc.records);
	if (r->out.failed)
		return -1;
	return 0;
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
print_counts(const char *name, const struct file_counts *c)
{
	unsigned long read = c->rows + c->rejected + c->skipped;

	mt_warn("%s: %lu %s read, %lu %s written, %lu rejected, %lu skipped "
	    "(blank or repeated header)", name, read, plural(read, "row", "rows"),
	    c->records, plural(c->records, "record", "records"), c->rejected,
	    c->skipped);
}

static void
add_counts(struct file_counts *to, const struct file_counts *c)
{
	to->rows += c->rows;
	to->records += c->records;
	to->rejected += c->rejected;
	to->skipped += c->skipped;
}

/* The file's name in records: the stream is UTF-8, file names may not be. */
static void
set_source(struct run *r, const char *name)
{
	size_t n = strlen(name), bad;
	int k;

	free(r->source);
	r->source = mt_xmalloc(3 * n + 4);
	k = mt_utf8_repair(name, n, r->source, &bad);
	r->source[k < 0 ? 0 : k] = '\0';
}

/*
 * Read one input through the converter and the CSV reader, which run in a
 * thread of their own while this one maps, normalises and writes.
 */
static void
parse_file(struct run *r, const char *path)
{
	struct mt_csvthread_result res;
	struct mt_zio *z;
	struct mt_conv *conv = NULL;
	char err[256];
	bool damaged;

	r->path = strcmp(path, "-") == 0 ? "(standard input)" : path;
	set_source(r, r->opt.label ? r->opt.label : path);
	r->have_header = false;
	r->skip_file = false;
	memset(&r->fc, 0, sizeof r->fc);
	if ((z = mt_zio_open(path, err, sizeof err)) == NULL) {
		mt_warn("%s: %s", r->path, err);
		r->status = 2;
		return;
	}
	if (r->opt.encoding != NULL &&
	    (conv = mt_conv_open(r->opt.encoding, err, sizeof err)) == NULL)
		mt_die("%s", err);
	r->z = z;
	mt_csvthread_run(z, conv, r->opt.delim, on_row, on_bad, r, &res);
	mt_progress_next_file(&r->progress, mt_zio_size(z));
	if (res.damaged) {
		mt_warn("%s: %s", r->path, res.error);
		r->status = 2;
	}
	damaged = res.damaged;
	if (!r->have_header && !damaged && !r->skip_file && !r->out.failed)
		mt_warn("%s: empty input: no header, no rows", r->path);
	r->fc.skipped += res.stats.blank;
	if (r->fc.rejected > SHOW_REJECTS)
		mt_warn("%s: %lu rows rejected in all, %d shown", r->path,
		    r->fc.rejected, SHOW_REJECTS);
	if (r->opt.stats) {
		/* The file's records out before its counts: a reader of
		 * stderr gone (SIGPIPE) leaves no record behind. */
		(void)mt_out_flush(&r->out);
		print_counts(r->path, &r->fc);
	}
	add_counts(&r->total, &r->fc);
	mt_conv_close(conv);
	mt_zio_close(z);
}

static char
parse_delim(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 ||
	    strcmp(s, "\t") == 0)
		return '\t';
	if (strlen(s) == 1 && strchr(",;|", s[0]) != NULL)
		return s[0];
	mt_warn("-d: delimiter must be , ; | or tab, not '%s'", s);
	usage(stderr);
	exit(2);
}

static int
parse_choice(const char *opt, const char *s, const char *const *names)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	mt_warn("%s: unknown value '%s'", opt, s);
	usage(stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "delimiter", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "mapping", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "version", no_argument, NULL, 'V' },
		{ "date-order", required_argument, NULL, 'D' },
		{ "decimal", required_argument, NULL, 'P' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "keep-extra", no_argument, NULL, 'K' },
		{ "label", required_argument, NULL, 'L' },
		{ "rejects", required_argument, NULL, 'R' },
		{ "stats", no_argument, NULL, 'S' },
		{ "progress", optional_argument, NULL, 'G' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const orders[] = { "dmy", "mdy", NULL };
	static const char *const decimals[] = { "auto", "point", "comma", NULL };
	struct run r;
	struct mt_mapping *mapping;
	const char *maps[MAX_MAPS];
	char err[512];
	int ch, i, nmaps = 0, progress = MT_PROGRESS_OFF;

	mt_set_progname(argv[0]);
	argv[0] = (char *)mt_progname();	/* getopt's messages use it */
	memset(&r, 0, sizeof r);
	while ((ch = getopt_long(argc, argv, "d:hm:o:V", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			r.opt.delim = parse_delim(optarg);
			break;
		case 'h':
			help();
			return mt_close_stdout();
		case 'm':
			if (nmaps < MAX_MAPS)
				maps[nmaps] = optarg;
			nmaps++;
			break;
		case 'o':
			r.opt.output = optarg;
			break;
		case 'V':
			printf("manifest-parse (%s) %s\n", PACKAGE_NAME,
			    PACKAGE_VERSION);
			return mt_close_stdout();
		case 'D':
			r.opt.canon.date_order = (enum mt_date_order)
			    parse_choice("--date-order", optarg, orders);
			break;
		case 'P':
			r.opt.canon.decimal = (enum mt_decimal)
			    parse_choice("--decimal", optarg, decimals);
			break;
		case 'E':
			r.opt.encoding = optarg;
			break;
		case 'K':
			r.opt.canon.keep_extra = true;
			break;
		case 'L':
			r.opt.label = optarg;
			break;
		case 'R':
			r.opt.rejects = optarg;
			break;
		case 'S':
			r.opt.stats = true;
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
	if (nmaps > MAX_MAPS) {
		mt_warn("-m: at most %d mapping files", MAX_MAPS);
		return 2;
	}
	if (r.opt.label != NULL && argc > 1) {
		mt_warn("--label names one input, not %d", argc);
		return 2;
	}
	if (r.opt.encoding != NULL) {
		struct mt_conv *probe = mt_conv_open(r.opt.encoding, err,
		    sizeof err);

		if (probe == NULL)
			mt_die("--encoding: %s", err);
		mt_conv_close(probe);
	}
	mapping = mt_mapping_new();
	r.opt.canon.mapping = mapping;
	for (i = 0; i < nmaps; i++)
		if (mt_mapping_load(mapping, maps[i], err, sizeof err) < 0) {
			mt_warn("%s", err);
			mt_mapping_free(mapping);
			return 2;
		}
	if (r.opt.rejects != NULL &&
	    (r.rejects = fopen(r.opt.rejects, "a")) == NULL)
		mt_die("%s:", r.opt.rejects);
	if (r.opt.output != NULL) {
		if (mt_out_file(&r.out, r.opt.output) < 0)
			mt_die("%s:", r.opt.output);
	} else
		mt_out_stdout(&r.out);
	r.canon = mt_canon_new(&r.opt.canon);
	if (!r.opt.canon.keep_extra) {
		/* The canonical header does not depend on the input. */
		mt_canon_header(r.canon, NULL, 0, note_column, &r);
		write_header(&r);
	}

	mt_progress_init(&r.progress, (enum mt_progress_mode)progress, argv,
	    argc);
	if (argc == 0)
		parse_file(&r, "-");
	for (i = 0; i < argc && !r.out.failed; i++)
		parse_file(&r, argv[i]);
	mt_progress_end(&r.progress);

	if (!r.header_written) {
		/* No input had a header: still a valid, empty stream. */
		mt_canon_header(r.canon, NULL, 0, note_column, &r);
		write_header(&r);
	}
	if (mt_out_close(&r.out, r.status != 2) < 0) {
		mt_warn("write error: %s", r.out.err);
		r.status = 2;
	}
	if (r.opt.stats && argc > 1)
		print_counts("total", &r.total);
	if (r.rejects != NULL && fclose(r.rejects) != 0) {
		mt_warn("%s:", r.opt.rejects);
		r.status = 2;
	}
	for (i = 0; i < (int)r.nextra_names; i++)
		free(r.extra_names[i]);
	free(r.extra_names);
	mt_canon_free(r.canon);
	mt_mapping_free(mapping);
	mt_buf_free(&r.header);
	free(r.source);
	if (r.status == 0 && r.total.rejected > 0)
		r.status = 1;
	return r.status;
}
