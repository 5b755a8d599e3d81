/*
 * mt_scorepool: worker threads that score batches of record lines.
 *
 * The ring has more slots than workers, so that the caller fills one
 * batch while the workers score others. A slot goes FREE -> FILLING (the
 * caller adds lines) -> QUEUED -> WORKING (a worker) -> DONE, and back to
 * FREE once the caller has emitted it; slots are emitted in the order
 * they were filled.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rec.h"
#include "mt_scorepool.h"

#define BATCH_BYTES	(256u << 10)

enum state { FREE, FILLING, QUEUED, WORKING, DONE };

struct slot {
	enum state state;
	unsigned long long seq;
	struct mt_buf in;		/* lines, each ending in LF */
	unsigned long *lineno;
	size_t nlines, caplines;
	struct mt_buf out;
	struct mt_buf msgs;
};

struct worker {
	struct mt_scorepool *pool;
	pthread_t thread;
	struct mt_score *score;
	struct mt_str *fields;
	unsigned long long records;
	bool failed;
};

struct mt_scorepool {
	struct mt_rules *rs;
	size_t nnames, span;
	mt_scorepool_format_fn *format;
	const void *format_arg;
	mt_scorepool_emit_fn *emit;
	void *emit_arg;
	struct slot *slots;
	size_t nslots;
	size_t fill;			/* the slot being filled */
	unsigned long long next_seq;	/* of the next slot queued */
	struct worker *workers;
	unsigned nworkers;
	pthread_mutex_t lock;
	pthread_cond_t queued;		/* a slot was queued, or stop */
	pthread_cond_t done;		/* a slot is done */
	bool stop;
};

/* Score the lines of one slot into its output. */
static void
score_slot(struct worker *w, struct slot *s)
{
	struct mt_scorepool *p = w->pool;
	struct mt_score_result res;
	struct mt_str line;
	const char *q = s->in.buf, *nl;
	size_t i, nf;
	char msg[600];
	int len;

	for (i = 0; i < s->nlines; i++, q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(s->in.buf + s->in.len - q));
		line.p = q;
		line.n = (size_t)(nl - q);
		nf = mt_rec_split_line(line.p, line.n, w->fields, p->span);
		if (nf != p->nnames) {
			len = snprintf(msg, sizeof msg, "%lu: %zu field%s, "
			    "header has %zu\n", s->lineno[i], nf,
			    nf == 1 ? "" : "s", p->nnames);
			mt_buf_add(&s->msgs, msg, (size_t)len);
			w->failed = true;
			continue;
		}
		w->records++;
		if (mt_score_record(w->score, w->fields, p->span, &res) < 0) {
			len = snprintf(msg, sizeof msg, "%lu: %s\n",
			    s->lineno[i], mt_score_error(w->score));
			mt_buf_add(&s->msgs, msg, (size_t)len < sizeof msg ?
			    (size_t)len : sizeof msg - 1);
			w->failed = true;
		}
		p->format(&s->out, line, w->fields, p->span, &res,
		    p->format_arg);
	}
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct mt_scorepool *p = w->pool;
	struct slot *s;
	size_t i;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		s = NULL;
		for (i = 0; i < p->nslots; i++)
			if (p->slots[i].state == QUEUED &&
			    (s == NULL || p->slots[i].seq < s->seq))
				s = &p->slots[i];
		if (s == NULL) {
			if (p->stop)
				break;
			pthread_cond_wait(&p->queued, &p->lock);
			continue;
		}
		s->state = WORKING;
		pthread_mutex_unlock(&p->lock);
		score_slot(w, s);
		pthread_mutex_lock(&p->lock);
		s->state = DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct mt_scorepool *
mt_scorepool_new(struct mt_rules *rs, bool prefilter, unsigned nthreads,
    size_t nnames, size_t span, mt_scorepool_format_fn *format,
    const void *format_arg, mt_scorepool_emit_fn *emit, void *emit_arg)
{
	struct mt_scorepool *p = mt_xcalloc(1, sizeof(*p));
	unsigned i;

	if (nthreads == 0)
		nthreads = 1;
	p->rs = rs;
	p->nnames = nnames;
	/* Fields the rules read beyond the header's are empty: not split. */
	p->span = span < nnames ? span : nnames;
	p->format = format;
	p->format_arg = format_arg;
	p->emit = emit;
	p->emit_arg = emit_arg;
	p->nslots = 2 * (size_t)nthreads + 2;
	p->slots = mt_xcalloc(p->nslots, sizeof(*p->slots));
	p->slots[0].state = FILLING;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->queued, NULL);
	pthread_cond_init(&p->done, NULL);
	p->workers = mt_xcalloc(nthreads, sizeof(*p->workers));
	for (i = 0; i < nthreads; i++) {
		struct worker *w = &p->workers[i];

		w->pool = p;
		w->score = mt_score_new_private(rs, prefilter, true);
		w->fields = mt_xcalloc(nnames ? nnames : 1, sizeof(*w->fields));
		if (pthread_create(&w->thread, NULL, work, w) != 0)
			mt_die("cannot start a thread");
		p->nworkers++;
	}
	return p;
}

/* Wait for slot s to be done, emit it and make it free. */
static void
finish(struct mt_scorepool *p, struct slot *s)
{
	pthread_mutex_lock(&p->lock);
	while (s->state != DONE)
		pthread_cond_wait(&p->done, &p->lock);
	pthread_mutex_unlock(&p->lock);
	p->emit(s->out.buf ? s->out.buf : "", s->out.len,
	    s->msgs.buf ? s->msgs.buf : "", s->msgs.len, p->emit_arg);
	s->in.len = s->out.len = s->msgs.len = 0;
	s->nlines = 0;
	pthread_mutex_lock(&p->lock);
	s->state = FREE;
	pthread_mutex_unlock(&p->lock);
}

/* Queue the slot being filled and take the next one. */
static void
submit(struct mt_scorepool *p)
{
	struct slot *s = &p->slots[p->fill];
	bool busy;

	pthread_mutex_lock(&p->lock);
	s->seq = p->next_seq++;
	s->state = QUEUED;
	pthread_cond_signal(&p->queued);
	pthread_mutex_unlock(&p->lock);
	p->fill = (p->fill + 1) % p->nslots;
	s = &p->slots[p->fill];
	pthread_mutex_lock(&p->lock);
	busy = s->state != FREE;
	pthread_mutex_unlock(&p->lock);
	if (busy)
		finish(p, s);		/* the oldest batch: emit it first */
	pthread_mutex_lock(&p->lock);
	s->state = FILLING;
	pthread_mutex_unlock(&p->lock);
}

void
mt_scorepool_add(struct mt_scorepool *p, const char *line, size_t n,
    unsigned long lineno)
{
	struct slot *s = &p->slots[p->fill];

	mt_buf_reserve(&s->in, n + 1);
	memcpy(s->in.buf + s->in.len, line, n);
	s->in.len += n;
	s->in.buf[s->in.len++] = '\n';
	if (s->nlines == s->caplines) {
		s->caplines = s->caplines ? 2 * s->caplines : 1024;
		s->lineno = mt_xrealloc(s->lineno, s->caplines *
		    sizeof(*s->lineno));
	}
	s->lineno[s->nlines++] = lineno;
	if (s->in.len >= BATCH_BYTES)
		submit(p);
}

void
mt_scorepool_drain(struct mt_scorepool *p)
{
	size_t i, k;

	if (p->slots[p->fill].nlines > 0)
		submit(p);
	/* The slots after the one being filled are the oldest. */
	for (k = 1; k <= p->nslots; k++) {
		enum state st;

		i = (p->fill + k) % p->nslots;
		pthread_mutex_lock(&p->lock);
		st = p->slots[i].state;
		pthread_mutex_unlock(&p->lock);
		if (st != FREE && st != FILLING)
			finish(p, &p->slots[i]);
	}
}

void
mt_scorepool_free(struct mt_scorepool *p)
{
	size_t i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->queued);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nworkers; i++) {
		pthread_join(p->workers[i].thread, NULL);
		mt_score_free(p->workers[i].score);
		free(p->workers[i].fields);
	}
	for (i = 0; i < p->nslots; i++) {
		mt_buf_free(&p->slots[i].in);
		mt_buf_free(&p->slots[i].out);
		mt_buf_free(&p->slots[i].msgs);
		free(p->slots[i].lineno);
	}
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->queued);
	pthread_cond_destroy(&p->done);
	free(p->workers);
	free(p->slots);
	free(p);
}

unsigned long long
mt_scorepool_records(const struct mt_scorepool *p)
{
	unsigned long long n = 0;
	unsigned i;

	for (i = 0; i < p->nworkers; i++)
		n += p->workers[i].records;
	return n;
}

unsigned long long
mt_scorepool_lane_count(const struct mt_scorepool *p, enum mt_lane lane)
{
	unsigned long long n = 0;
	unsigned i;

	for (i = 0; i < p->nworkers; i++)
		n += mt_score_lane_count(p->workers[i].score, lane);
	return n;
}

unsigned long long
mt_scorepool_rule_hits(const struct mt_scorepool *p, size_t r)
{
	unsigned long long n = 0;
	unsigned i;

	for (i = 0; i < p->nworkers; i++)
		n += mt_score_rule_hits(p->workers[i].score, r);
	return n;
}

unsigned long long
mt_scorepool_evaluated(const struct mt_scorepool *p)
{
	unsigned long long n = 0;
	unsigned i;

	for (i = 0; i < p->nworkers; i++)
		n += mt_score_evaluated(p->workers[i].score);
	return n;
}

size_t
mt_scorepool_guarded(const struct mt_scorepool *p)
{
	return mt_score_guarded(p->workers[0].score);
}

bool
mt_scorepool_failed(const struct mt_scorepool *p)
{
	unsigned i;

	for (i = 0; i < p->nworkers; i++)
		if (p->workers[i].failed)
			return true;
	return false;
}
