/*
 * Fuzz target: manifest-report's reader and writers. The input's first
 * byte picks the list's limit, the rest is a record stream; the report is
 * written in every format to a memory file, and the target aborts unless
 * what SECURITY promises holds: each format valid UTF-8; text, alert and
 * HTML free of control characters but line feeds; HTML without a script
 * element; JSON without a raw C0 control character.
 */
#include "config.h"

#define _GNU_SOURCE 1
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mt_norm.h"
#include "mt_rec.h"
#include "mt_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef void writer(struct mt_report *, struct mt_out *,
    const struct mt_report_opts *);

/* The bytes written to fd, NUL-terminated; free them. */
static char *
contents(int fd, size_t *n)
{
	off_t end = lseek(fd, 0, SEEK_END);
	char *p = malloc((size_t)end + 1);

	if (p == NULL || pread(fd, p, (size_t)end, 0) != end)
		abort();
	p[end] = '\0';
	*n = (size_t)end;
	return p;
}

/* No C0 control but LF (and tab where allowed), no DEL, no C1. */
static void
check_controls(const char *p, size_t n, int tab_ok)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if ((c < 0x20 && c != '\n' && !(c == '\t' && tab_ok)) ||
		    c == 0x7f)
			abort();
		if (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] >= 0x80 &&
		    (unsigned char)p[i + 1] <= 0x9f)
			abort();
	}
}

static void
write_one(struct mt_report *r, writer *w, const struct mt_report_opts *opt,
    int kind)
{
	struct mt_out o;
	size_t n;
	char *p;
	int fd;

	if ((fd = memfd_create("fuzz_report_out", 0)) < 0)
		return;
	mt_out_stdout(&o);
	o.fd = fd;
	w(r, &o, opt);
	if (mt_out_flush(&o) != 0)
		abort();
	p = contents(fd, &n);
	if (!mt_utf8_valid(p, n))
		abort();
	switch (kind) {
	case 0:		/* text, alert */
		check_controls(p, n, 0);
		break;
	case 1:		/* html */
		check_controls(p, n, 0);
		if (strstr(p, "<script") != NULL || strstr(p, "<SCRIPT") != NULL)
			abort();
		break;
	case 2:		/* json: no C0 control but LF */
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x20 && p[i] != '\n')
				abort();
		break;
	}
	free(p);
	(void)mt_out_close(&o, true);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const inputs[] = { "in<put>.tsv" };
	struct mt_report_opts opt = {
		"Fuzz & <report>", "2026-11-23", inputs, 1, 60, true, true
	};
	struct mt_rec_reader *rd;
	struct mt_report rep;
	const struct mt_str *names;
	size_t limit, nn;
	char path[64], err[256];
	int fd, rc;

	if (size == 0)
		return 0;
	limit = data[0] < 8 ? data[0] : SIZE_MAX;
	if ((fd = memfd_create("fuzz_report", 0)) < 0)
		return 0;
	if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	mt_report_init(&rep, limit);
	if ((rd = mt_rec_open(path, err, sizeof err)) != NULL) {
		if (mt_rec_read_header(rd) == MT_REC_OK) {
			names = mt_rec_names(rd, &nn);
			mt_report_set_header(&rep, names, nn);
			while ((rc = mt_rec_next(rd)) != MT_REC_EOF &&
			    rc != MT_REC_ERROR)
				if (rc == MT_REC_OK)
					mt_report_add(&rep, mt_rec_line(rd),
					    mt_rec_fields(rd), mt_rec_nfields(rd),
					    (mt_rec_lineno(rd) & 3) != 3);
		}
		mt_rec_close(rd);
	}
	close(fd);
	mt_report_finish(&rep);
	opt.color = false;
	write_one(&rep, mt_report_write_text, &opt, 0);
	write_one(&rep, mt_report_write_alert, &opt, 0);
	write_one(&rep, mt_report_write_html, &opt, 1);
	write_one(&rep, mt_report_write_json, &opt, 2);
	write_one(&rep, mt_report_write_csv, &opt, 3);
	mt_report_free(&rep);
	return 0;
}
