/*
 * mt_progress: a status line on standard error, written straight to its
 * descriptor so that it never mixes into a half-written message.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_progress.h"
#include "mt_util.h"

/* Read the clock once per this many updates. */
#define TICKS	4096

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
mt_progress_mode(const char *when)
{
	if (when == NULL || strcmp(when, "auto") == 0)
		return MT_PROGRESS_AUTO;
	if (strcmp(when, "always") == 0)
		return MT_PROGRESS_ALWAYS;
	if (strcmp(when, "never") == 0)
		return MT_PROGRESS_OFF;
	return -1;
}

void
mt_progress_init(struct mt_progress *p, enum mt_progress_mode mode,
    char *const *paths, int npaths)
{
	struct stat st;
	int i;

	memset(p, 0, sizeof *p);
	p->tty = isatty(STDERR_FILENO);
	p->on = mode == MT_PROGRESS_ALWAYS ||
	    (mode == MT_PROGRESS_AUTO && p->tty);
	if (!p->on)
		return;
	p->total = npaths > 0 ? 0 : -1;
	for (i = 0; i < npaths && p->total >= 0; i++) {
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 ||
		    !S_ISREG(st.st_mode))
			p->total = -1;
		else
			p->total += st.st_size;
	}
	p->start = p->last = now();
}

/* 123.4 MB */
static void
size_text(char *buf, size_t n, double bytes)
{
	if (bytes >= 1e9)
		snprintf(buf, n, "%.2f GB", bytes / 1e9);
	else
		snprintf(buf, n, "%.1f MB", bytes / 1e6);
}

static void
show(struct mt_progress *p, double t, bool last)
{
	double done = (double)(p->before + p->offset), secs = t - p->start;
	double rate = secs > 0 ? done / secs : 0;
	char line[256], a[32], b[32], eta[64] = "";
	int n;

	size_text(a, sizeof a, done);
	if (p->total > 0) {
		size_text(b, sizeof b, (double)p->total);
		if (!last && rate > 0 && done < (double)p->total) {
			long left = (long)(((double)p->total - done) / rate + 0.5);

			snprintf(eta, sizeof eta, ", %ld:%02ld:%02ld left",
			    left / 3600, left / 60 % 60, left % 60);
		}
		n = snprintf(line, sizeof line, "%s%s: %s of %s (%.0f%%), "
		    "%llu records, %.1f MB/s%s%s%s", p->tty ? "\r" : "",
		    mt_progname(), a, b, 100.0 * done / (double)p->total,
		    p->records, rate / 1e6, eta, last ? ", done" : "",
		    p->tty ? "\033[K" : "\n");
	} else
		n = snprintf(line, sizeof line, "%s%s: %s, %llu records, "
		    "%.1f MB/s%s%s", p->tty ? "\r" : "", mt_progname(), a,
		    p->records, rate / 1e6, last ? ", done" : "",
		    p->tty ? "\033[K" : "\n");
	if (n > 0 && write(STDERR_FILENO, line, (size_t)n < sizeof line ?
	    (size_t)n : sizeof line - 1) > 0)
		p->shown = p->tty;
}

void
mt_progress_update(struct mt_progress *p, off_t offset,
    unsigned long long records)
{
	double t;

	if (!p->on)
		return;
	p->offset = offset;
	p->records = records;
	if (++p->ticks < TICKS)
		return;
	p->ticks = 0;
	t = now();
	if (t - p->last < (p->tty ? 0.25 : 10.0))
		return;
	p->last = t;
	show(p, t, false);
}

void
mt_progress_next_file(struct mt_progress *p, off_t size)
{
	if (!p->on)
		return;
	p->before += size > 0 ? size : p->offset;
	p->offset = 0;
}

void
mt_progress_end(struct mt_progress *p)
{
	if (!p->on)
		return;
	show(p, now(), true);
	if (p->tty && write(STDERR_FILENO, "\n", 1) < 0)
		return;
}
