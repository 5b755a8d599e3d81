/*
 * mt_csvthread: CSV reading in a thread of its own. The reading thread
 * copies each row (its fields and raw text) or rejected row into a batch
 * of about 256 KiB; full batches go through a ring of four to the caller's
 * thread, which replays them to its callbacks. Memory stays at the ring's
 * size whatever the input.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_csvthread.h"
#include "mt_util.h"

#define BATCHES		4
#define BATCH_BYTES	(256 * 1024)
#define BATCH_EVENTS	4096

enum { EV_ROW, EV_BAD };

struct event {
	int kind;
	unsigned long line;
	size_t field;		/* first field's index in the batch (EV_ROW) */
	size_t nfields;
	size_t raw, rawlen;	/* raw text in the batch's bytes */
	size_t reason;		/* NUL-terminated reason in the bytes (EV_BAD) */
};

struct batch {
	struct mt_buf bytes;
	size_t *foff, *flen;
	size_t nf, capf;
	struct event *ev;
	size_t nev, capev;
	bool last;		/* the input ended with this batch */
};

struct reader {
	struct mt_zio *z;
	struct mt_conv *conv;
	char delim;
	struct mt_csvthread_result *res;

	pthread_mutex_t lock;
	pthread_cond_t filled;
	pthread_cond_t freed;
	struct batch b[BATCHES];
	unsigned head;		/* next batch the caller takes */
	unsigned count;		/* batches full and not yet taken */
	bool holding;		/* the caller holds the batch before head */
	bool stop;		/* the caller is done: stop reading */
	struct batch *cur;	/* the batch the thread fills, or NULL */
	size_t ncols;		/* fields of the first row, plus one; 0 before */
};

static void
batch_reset(struct batch *b)
{
	b->bytes.len = 0;
	b->nf = 0;
	b->nev = 0;
	b->last = false;
}

static void
batch_free(struct batch *b)
{
	mt_buf_free(&b->bytes);
	free(b->foff);
	free(b->flen);
	free(b->ev);
}

/* The next empty batch for the thread; NULL when the caller stopped. */
static struct batch *
take_empty(struct reader *t)
{
	struct batch *b;

	pthread_mutex_lock(&t->lock);
	while (!t->stop && t->count + t->holding >= BATCHES)
		pthread_cond_wait(&t->freed, &t->lock);
	b = t->stop ? NULL : &t->b[(t->head + t->count) % BATCHES];
	pthread_mutex_unlock(&t->lock);
	if (b != NULL)
		batch_reset(b);
	return b;
}

static void
hand_over(struct reader *t, bool last)
{
	t->cur->last = last;
	pthread_mutex_lock(&t->lock);
	t->count++;
	pthread_cond_signal(&t->filled);
	pthread_mutex_unlock(&t->lock);
	t->cur = NULL;
}

/* Room for one more event; a full batch goes to the caller first. */
static struct event *
new_event(struct reader *t)
{
	struct batch *b = t->cur;

	if (b != NULL && (b->bytes.len >= BATCH_BYTES ||
	    b->nev >= BATCH_EVENTS)) {
		hand_over(t, false);
		b = NULL;
	}
	if (b == NULL && (b = t->cur = take_empty(t)) == NULL)
		return NULL;
	if (b->nev == b->capev) {
		b->capev = b->capev ? 2 * b->capev : 256;
		b->ev = mt_xrealloc(b->ev, b->capev * sizeof *b->ev);
	}
	return &b->ev[b->nev++];
}

static void
copy_raw(struct batch *b, struct event *e, struct mt_str raw)
{
	e->raw = b->bytes.len;
	e->rawlen = raw.n;
	mt_buf_add(&b->bytes, raw.p, raw.n);
}

static int
queue_row(void *ctx, const struct mt_csv_row *row)
{
	struct reader *t = ctx;
	struct event *e;
	struct batch *b;
	const char *base;
	size_t i, start, span;

	if ((e = new_event(t)) == NULL)
		return -1;
	b = t->cur;
	e->kind = EV_ROW;
	e->line = row->line;
	e->field = b->nf;
	e->nfields = row->nfields;
	if (b->nf + row->nfields > b->capf) {
		while (b->nf + row->nfields > b->capf)
			b->capf = b->capf ? 2 * b->capf : 1024;
		b->foff = mt_xrealloc(b->foff, b->capf * sizeof *b->foff);
		b->flen = mt_xrealloc(b->flen, b->capf * sizeof *b->flen);
	}
	/* mt_csvin keeps a row's fields end to end: one copy for all. */
	base = row->nfields > 0 ? row->fields[0].p : "";
	span = row->nfields > 0 ? (size_t)(row->fields[row->nfields - 1].p -
	    base) + row->fields[row->nfields - 1].n : 0;
	start = b->bytes.len;
	mt_buf_add(&b->bytes, base, span);
	for (i = 0; i < row->nfields; i++) {
		b->foff[b->nf] = start + (size_t)(row->fields[i].p - base);
		b->flen[b->nf++] = row->fields[i].n;
	}
	/*
	 * The raw text serves only to reject a row whose field count is not
	 * the header's (the first row): other rows go without it.
	 */
	if (t->ncols == 0)
		t->ncols = row->nfields + 1;
	if (row->nfields + 1 != t->ncols)
		copy_raw(b, e, row->raw);
	else
		e->raw = e->rawlen = 0;
	return 0;
}

static int
queue_bad(void *ctx, unsigned long line, const char *reason, struct mt_str raw)
{
	struct reader *t = ctx;
	struct event *e;
	struct batch *b;

	if ((e = new_event(t)) == NULL)
		return -1;
	b = t->cur;
	e->kind = EV_BAD;
	e->line = line;
	e->reason = b->bytes.len;
	mt_buf_add(&b->bytes, reason, strlen(reason) + 1);
	copy_raw(b, e, raw);
	return 0;
}

static void *
read_thread(void *arg)
{
	struct reader *t = arg;
	struct mt_csvin *csv;
	const char *p, *u;
	ssize_t n;
	size_t un;
	bool stopped = false;

	/* Cancelled only inside mt_zio's read(2), where it enables it. */
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	csv = mt_csvin_new(t->delim, queue_row, queue_bad, t);
	for (;;) {
		n = mt_zio_read(t->z, &p);
		if (n < 0) {
			t->res->damaged = true;
			snprintf(t->res->error, sizeof t->res->error, "%s",
			    mt_zio_error(t->z));
		}
		if (n <= 0)
			break;
		if (t->conv != NULL) {
			un = mt_conv_run(t->conv, p, (size_t)n, false, &u);
			stopped = mt_csvin_feed(csv, u, un) < 0;
		} else
			stopped = mt_csvin_feed(csv, p, (size_t)n) < 0;
		if (stopped)
			break;
	}
	if (!stopped && t->conv != NULL && n == 0) {
		un = mt_conv_run(t->conv, "", 0, true, &u);
		stopped = mt_csvin_feed(csv, u, un) < 0;
	}
	if (!stopped)
		stopped = mt_csvin_finish(csv, t->res->damaged) < 0;
	t->res->stats = *mt_csvin_stats(csv);
	mt_csvin_free(csv);
	/* A last batch, empty or not, says the input ended. */
	if (!stopped && (t->cur != NULL || (t->cur = take_empty(t)) != NULL))
		hand_over(t, true);
	return NULL;
}

/* The next full batch, after giving back the one held; NULL: none left. */
static struct batch *
take_full(struct reader *t)
{
	struct batch *b;

	pthread_mutex_lock(&t->lock);
	if (t->holding) {
		t->holding = false;
		pthread_cond_signal(&t->freed);
	}
	while (t->count == 0)
		pthread_cond_wait(&t->filled, &t->lock);
	b = &t->b[t->head];
	t->head = (t->head + 1) % BATCHES;
	t->count--;
	t->holding = true;
	pthread_mutex_unlock(&t->lock);
	return b;
}

/* Replay a batch; false when a callback asked to stop. */
static bool
replay(struct batch *b, mt_csv_row_fn row, mt_csv_bad_fn bad, void *ctx,
    struct mt_buf *fields)
{
	struct mt_csv_row r;
	struct mt_str *f, raw;
	struct event *e;
	size_t i, k;

	for (i = 0; i < b->nev; i++) {
		e = &b->ev[i];
		raw.p = b->bytes.buf + e->raw;
		raw.n = e->rawlen;
		if (e->kind == EV_BAD) {
			if (bad(ctx, e->line, b->bytes.buf + e->reason, raw) < 0)
				return false;
			continue;
		}
		fields->len = 0;
		mt_buf_reserve(fields, (e->nfields + 1) * sizeof *f);
		f = (struct mt_str *)(void *)fields->buf;
		for (k = 0; k < e->nfields; k++) {
			f[k].p = b->bytes.buf + b->foff[e->field + k];
			f[k].n = b->flen[e->field + k];
		}
		r.fields = f;
		r.nfields = e->nfields;
		r.line = e->line;
		r.raw = raw;
		if (row(ctx, &r) < 0)
			return false;
	}
	return true;
}

static void
read_here(struct mt_zio *z, struct mt_conv *conv, char delim,
    mt_csv_row_fn row, mt_csv_bad_fn bad, void *ctx,
    struct mt_csvthread_result *res)
{
	struct mt_csvin *csv = mt_csvin_new(delim, row, bad, ctx);
	const char *p, *u;
	ssize_t n;
	size_t un;

	for (;;) {
		n = mt_zio_read(z, &p);
		if (n < 0) {
			res->damaged = true;
			snprintf(res->error, sizeof res->error, "%s",
			    mt_zio_error(z));
		}
		if (n <= 0)
			break;
		if (conv != NULL) {
			un = mt_conv_run(conv, p, (size_t)n, false, &u);
			res->stopped = mt_csvin_feed(csv, u, un) < 0;
		} else
			res->stopped = mt_csvin_feed(csv, p, (size_t)n) < 0;
		if (res->stopped)
			break;
	}
	if (!res->stopped && conv != NULL && n == 0) {
		un = mt_conv_run(conv, "", 0, true, &u);
		res->stopped = mt_csvin_feed(csv, u, un) < 0;
	}
	if (!res->stopped)
		res->stopped = mt_csvin_finish(csv, res->damaged) < 0;
	res->stats = *mt_csvin_stats(csv);
	mt_csvin_free(csv);
}

void
mt_csvthread_run(struct mt_zio *z, struct mt_conv *conv, char delim,
    mt_csv_row_fn row, mt_csv_bad_fn bad, void *ctx,
    struct mt_csvthread_result *res)
{
	struct reader t;
	struct mt_buf fields = { 0 };
	pthread_t thread;
	struct batch *b;
	unsigned i;
	bool go = true, last = false;

	memset(res, 0, sizeof *res);
	memset(&t, 0, sizeof t);
	t.z = z;
	t.conv = conv;
	t.delim = delim;
	t.res = res;
	pthread_mutex_init(&t.lock, NULL);
	pthread_cond_init(&t.filled, NULL);
	pthread_cond_init(&t.freed, NULL);
	if (pthread_create(&thread, NULL, read_thread, &t) != 0) {
		/* No thread to be had: read in this one. */
		pthread_mutex_destroy(&t.lock);
		pthread_cond_destroy(&t.filled);
		pthread_cond_destroy(&t.freed);
		read_here(z, conv, delim, row, bad, ctx, res);
		return;
	}
	while (go && !last) {
		b = take_full(&t);
		last = b->last;
		go = replay(b, row, bad, ctx, &fields);
	}
	if (!go) {
		res->stopped = true;
		pthread_mutex_lock(&t.lock);
		t.stop = true;
		pthread_cond_broadcast(&t.freed);
		pthread_mutex_unlock(&t.lock);
		/*
		 * A thread waiting in read(2) on a pipe that stays open. A
		 * regular file never keeps it waiting: it sees the stop.
		 */
		if (mt_zio_size(z) < 0)
			pthread_cancel(thread);
	}
	pthread_join(thread, NULL);
	pthread_mutex_destroy(&t.lock);
	pthread_cond_destroy(&t.filled);
	pthread_cond_destroy(&t.freed);
	for (i = 0; i < BATCHES; i++)
		batch_free(&t.b[i]);
	mt_buf_free(&fields);
}
