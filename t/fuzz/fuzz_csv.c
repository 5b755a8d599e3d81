/*
 * Fuzz target: the CSV reader with column mapping and normalisation. The
 * first byte picks the dialect options, the rest is a CSV file fed in
 * chunks whose sizes the input also decides.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt_canon.h"
#include "mt_csvin.h"
#include "mt_out.h"

struct fuzz_run {
	struct mt_canon *canon;
	struct mt_out out;
	bool have_header;
	size_t ncols;
};

static void
note(void *ctx, size_t col, struct mt_str name, const char *why)
{
	(void)ctx;
	(void)col;
	(void)name;
	(void)why;
}

static int
on_row(void *ctx, const struct mt_csv_row *row)
{
	struct fuzz_run *r = ctx;

	if (!r->have_header) {
		r->have_header = true;
		r->ncols = row->nfields;
		mt_canon_header(r->canon, row->fields, row->nfields, note, r);
		return 0;
	}
	if (row->nfields == r->ncols)
		mt_canon_row(r->canon, row->fields, "fuzz", row->line, &r->out);
	/* Keep memory flat: drop what was written. */
	r->out.len = 0;
	return 0;
}

static int
on_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	(void)ctx;
	(void)line;
	(void)reason;
	(void)raw;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { 0, ',', ';', '\t' };
	struct mt_canon_opts opts;
	struct fuzz_run r;
	struct mt_csvin *csv;
	size_t pos, chunk;

	if (size < 2)
		return 0;
	memset(&opts, 0, sizeof opts);
	opts.keep_extra = data[0] & 1;
	opts.decimal = (enum mt_decimal)((data[0] >> 1) % 3);
	opts.date_order = (enum mt_date_order)((data[0] >> 3) % 3);
	memset(&r, 0, sizeof r);
	r.canon = mt_canon_new(&opts);
	mt_out_stdout(&r.out);
	csv = mt_csvin_new(delims[(data[0] >> 5) & 3], on_row, on_bad, &r);
	chunk = (size_t)data[1] + 1;
	for (pos = 2; pos < size; pos += chunk) {
		size_t n = size - pos < chunk ? size - pos : chunk;

		mt_csvin_feed(csv, (const char *)data + pos, n);
	}
	mt_csvin_finish(csv, false);
	mt_csvin_free(csv);
	mt_canon_free(r.canon);
	r.out.len = 0;
	free(r.out.buf);
	return 0;
}
