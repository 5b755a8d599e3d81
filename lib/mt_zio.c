/*
 * mt_zio: plain or gzip input. gzip is decoded with zlib's inflate
 * directly rather than gzread, because gzread ignores data after the last
 * member and reports truncation only through gzerror; here each of these
 * is an error the caller sees.
 *
 * gzip is decoded in a thread of its own, a few buffers ahead of the
 * reader, so that reading years of compressed archives costs about what
 * decompression alone costs: the tool's own work runs beside it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "mt_util.h"
#include "mt_zio.h"

#define ZIO_INSIZE	(256 * 1024)
#define ZIO_OUTSIZE	(256 * 1024)
#define ZIO_SLOTS	4	/* decoded buffers in flight */

/* A decoded buffer passed from the decoding thread to the reader. */
struct zio_slot {
	unsigned char *buf;
	ssize_t len;		/* bytes, 0 at the end, -1 for an error */
};

struct mt_zio {
	int fd;
	bool is_stdin;
	bool gzip;
	bool eof;		/* read(2) returned 0 */
	bool done;		/* all output handed out */
	unsigned char *in;	/* raw bytes from the file */
	size_t inlen;		/* bytes in `in` not yet used */
	size_t inpos;
	unsigned char *out;	/* inflated bytes */
	z_stream zs;
	bool zs_live;		/* inflateInit2 done */
	bool member_ended;	/* last inflate call ended a member */
	bool failed;		/* an error to report after the data before it */
	off_t offset;
	off_t size;
	char err[128];

	/* The decoding thread and the slots it fills, in a ring. */
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled;	/* a slot was filled, or the end came */
	pthread_cond_t freed;	/* a slot was given back, or stop was asked */
	struct zio_slot slot[ZIO_SLOTS];
	unsigned head;		/* next slot the reader takes */
	unsigned count;		/* slots filled and not yet taken */
	bool holding;		/* the reader holds the slot before head */
	bool stop;		/* the reader is gone: stop decoding */
	bool finished;		/* the thread has queued its last slot */
	off_t shared_offset;	/* offset, as the reader may see it */
};

static int start_thread(struct mt_zio *z);

static int
fill(struct mt_zio *z)
{
	ssize_t n;

	if (z->inpos > 0 && z->inlen > 0)
		memmove(z->in, z->in + z->inpos, z->inlen);
	z->inpos = 0;
	for (;;) {
		int old;

		/* The decoding thread may be cancelled only while it waits
		 * for input that may never come. */
		pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
		n = read(z->fd, z->in + z->inlen, ZIO_INSIZE - z->inlen);
		pthread_setcancelstate(old, NULL);
		if (n >= 0)
			break;
		if (errno != EINTR) {
			snprintf(z->err, sizeof z->err, "%s", strerror(errno));
			return -1;
		}
	}
	if (n == 0)
		z->eof = true;
	z->inlen += (size_t)n;
	/* Read by another thread for --progress: one atomic store. */
	__atomic_store_n(&z->offset, z->offset + n, __ATOMIC_RELAXED);
	return 0;
}

struct mt_zio *
mt_zio_open(const char *path, char *err, size_t errsz)
{
	struct mt_zio *z;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errsz, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(err, errsz, "%s", strerror(EISDIR));
		if (fd != STDIN_FILENO)
			close(fd);
		return NULL;
	}
	z = mt_xcalloc(1, sizeof *z);
	z->fd = fd;
	z->is_stdin = fd == STDIN_FILENO;
	z->size = S_ISREG(st.st_mode) ? st.st_size : -1;
	/*
	 * The buffers the records are read from are zeroed: PCRE2's JIT
	 * code may read a few bytes past the end of a value it matches, and
	 * past the end of the input those would be bytes never written.
	 * The reads are harmless, but valgrind would report them.
	 */
	z->in = mt_xcalloc(1, ZIO_INSIZE);
	if (fill(z) < 0) {
		snprintf(err, errsz, "%s", z->err);
		mt_zio_close(z);
		return NULL;
	}
	/* A short first read from a pipe may hold one byte of the magic. */
	while (z->inlen < 2 && !z->eof)
		if (fill(z) < 0) {
			snprintf(err, errsz, "%s", z->err);
			mt_zio_close(z);
			return NULL;
		}
	z->gzip = z->inlen >= 2 && z->in[0] == 0x1f && z->in[1] == 0x8b;
	if (z->gzip) {
		z->out = mt_xcalloc(1, ZIO_OUTSIZE);
		/* 15 + 16: gzip wrapper only, largest window. */
		if (inflateInit2(&z->zs, 15 + 16) != Z_OK) {
			snprintf(err, errsz, "cannot start gzip decoding");
			mt_zio_close(z);
			return NULL;
		}
		z->zs_live = true;
		(void)start_thread(z);	/* else decode in this thread */
	}
	return z;
}

static ssize_t
read_plain(struct mt_zio *z, const char **p)
{
	size_t n;

	if (z->inlen == 0) {
		if (z->eof)
			return 0;
		if (fill(z) < 0)
			return -1;
		if (z->inlen == 0)
			return 0;
	}
	*p = (const char *)z->in + z->inpos;
	n = z->inlen;
	z->inpos += n;
	z->inlen = 0;
	return (ssize_t)n;
}

/* After a member ends: another member, the end, or garbage. */
static int
next_member(struct mt_zio *z)
{
	while (z->inlen < 2 && !z->eof)
		if (fill(z) < 0)
			return -1;
	if (z->inlen == 0) {
		z->done = true;
		return 0;
	}
	if (z->inlen >= 2 && z->in[z->inpos] == 0x1f &&
	    z->in[z->inpos + 1] == 0x8b) {
		inflateReset(&z->zs);
		z->member_ended = false;
		return 0;
	}
	snprintf(z->err, sizeof z->err,
	    "trailing garbage after gzip data");
	return -1;
}

static ssize_t
read_gzip(struct mt_zio *z, const char **p)
{
	int rc;
	size_t have;

	for (;;) {
		if (z->failed)
			return -1;
		if (z->done)
			return 0;
		if (z->member_ended) {
			if (next_member(z) < 0)
				return -1;
			continue;
		}
		if (z->inlen == 0) {
			if (z->eof) {
				snprintf(z->err, sizeof z->err,
				    "unexpected end of file: gzip data truncated");
				return -1;
			}
			if (fill(z) < 0)
				return -1;
			continue;
		}
		z->zs.next_in = z->in + z->inpos;
		z->zs.avail_in = (uInt)z->inlen;
		z->zs.next_out = z->out;
		z->zs.avail_out = ZIO_OUTSIZE;
		rc = inflate(&z->zs, Z_NO_FLUSH);
		z->inpos += z->inlen - z->zs.avail_in;
		z->inlen = z->zs.avail_in;
		have = ZIO_OUTSIZE - z->zs.avail_out;
		switch (rc) {
		case Z_STREAM_END:
			z->member_ended = true;
			break;
		case Z_OK:
			break;
		case Z_BUF_ERROR:
			/* No progress: more input is needed. */
			if (z->inlen > 0) {
				snprintf(z->err, sizeof z->err,
				    "corrupt gzip data");
				return -1;
			}
			break;
		case Z_MEM_ERROR:
			snprintf(z->err, sizeof z->err, "out of memory");
			return -1;
		default:
			snprintf(z->err, sizeof z->err, "corrupt gzip data (%s)",
			    z->zs.msg ? z->zs.msg : "inflate failed");
			/* Hand out what came before the damage first. */
			z->failed = true;
			if (have == 0)
				return -1;
			break;
		}
		if (have > 0) {
			*p = (const char *)z->out;
			return (ssize_t)have;
		}
	}
}

static void *
decode_thread(void *arg)
{
	struct mt_zio *z = arg;
	struct zio_slot *s;
	const char *p;
	ssize_t n;
	unsigned tail;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	for (;;) {
		pthread_mutex_lock(&z->lock);
		/* One slot may be held by the reader besides those queued. */
		while (!z->stop && z->count + z->holding >= ZIO_SLOTS)
			pthread_cond_wait(&z->freed, &z->lock);
		if (z->stop) {
			pthread_mutex_unlock(&z->lock);
			return NULL;
		}
		tail = (z->head + z->count) % ZIO_SLOTS;
		pthread_mutex_unlock(&z->lock);

		s = &z->slot[tail];
		z->out = s->buf;
		n = read_gzip(z, &p);
		s->len = n;

		pthread_mutex_lock(&z->lock);
		z->count++;
		z->shared_offset = z->offset;
		if (n <= 0)
			z->finished = true;
		pthread_cond_signal(&z->filled);
		pthread_mutex_unlock(&z->lock);
		if (n <= 0)
			return NULL;
	}
}

static int
start_thread(struct mt_zio *z)
{
	unsigned i;

	for (i = 0; i < ZIO_SLOTS; i++)
		z->slot[i].buf = mt_xcalloc(1, ZIO_OUTSIZE);
	free(z->out);
	z->out = NULL;
	pthread_mutex_init(&z->lock, NULL);
	pthread_cond_init(&z->filled, NULL);
	pthread_cond_init(&z->freed, NULL);
	if (pthread_create(&z->thread, NULL, decode_thread, z) != 0) {
		pthread_mutex_destroy(&z->lock);
		pthread_cond_destroy(&z->filled);
		pthread_cond_destroy(&z->freed);
		z->out = z->slot[0].buf;	/* decode in this thread */
		z->slot[0].buf = NULL;
		for (i = 1; i < ZIO_SLOTS; i++) {
			free(z->slot[i].buf);
			z->slot[i].buf = NULL;
		}
		return -1;
	}
	z->threaded = true;
	return 0;
}

static ssize_t
read_threaded(struct mt_zio *z, const char **p)
{
	struct zio_slot *s;
	ssize_t n;

	pthread_mutex_lock(&z->lock);
	if (z->holding) {
		/* The caller is done with the last buffer: give it back. */
		z->holding = false;
		pthread_cond_signal(&z->freed);
	}
	while (z->count == 0)
		pthread_cond_wait(&z->filled, &z->lock);
	s = &z->slot[z->head];
	n = s->len;
	if (n > 0) {
		z->head = (z->head + 1) % ZIO_SLOTS;
		z->count--;
		z->holding = true;
		*p = (const char *)s->buf;
	}
	/* The end or an error stays queued: every later call sees it too. */
	pthread_mutex_unlock(&z->lock);
	return n;
}

ssize_t
mt_zio_read(struct mt_zio *z, const char **p)
{
	if (!z->gzip)
		return read_plain(z, p);
	return z->threaded ? read_threaded(z, p) : read_gzip(z, p);
}

const char *
mt_zio_error(const struct mt_zio *z)
{
	return z->err;
}

bool
mt_zio_is_gzip(const struct mt_zio *z)
{
	return z->gzip;
}

off_t
mt_zio_offset(const struct mt_zio *z)
{
	off_t o;

	if (!z->threaded)
		return __atomic_load_n(&z->offset, __ATOMIC_RELAXED);
	pthread_mutex_lock((pthread_mutex_t *)&z->lock);
	o = z->shared_offset;
	pthread_mutex_unlock((pthread_mutex_t *)&z->lock);
	return o;
}

off_t
mt_zio_size(const struct mt_zio *z)
{
	return z->size;
}

static void
stop_thread(struct mt_zio *z)
{
	unsigned i;
	bool finished;

	pthread_mutex_lock(&z->lock);
	z->stop = true;
	finished = z->finished;
	pthread_cond_broadcast(&z->freed);
	pthread_mutex_unlock(&z->lock);
	/* A thread waiting in read(2) for a pipe that stays open would keep
	 * the reader waiting for nothing: cancel it there. Reads of a
	 * regular file end: the thread sees the stop. */
	if (!finished && mt_zio_size(z) < 0)
		pthread_cancel(z->thread);
	pthread_join(z->thread, NULL);
	pthread_mutex_destroy(&z->lock);
	pthread_cond_destroy(&z->filled);
	pthread_cond_destroy(&z->freed);
	for (i = 0; i < ZIO_SLOTS; i++)
		free(z->slot[i].buf);
	z->out = NULL;
}

void
mt_zio_close(struct mt_zio *z)
{
	if (z == NULL)
		return;
	if (z->threaded)
		stop_thread(z);
	if (z->zs_live)
		inflateEnd(&z->zs);
	if (!z->is_stdin)
		close(z->fd);
	free(z->in);
	free(z->out);
	free(z);
}
