/*
 * mt_out: block-buffered output with checked writes and atomic files.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_out.h"
#include "mt_util.h"

static void
init(struct mt_out *o, int fd)
{
	memset(o, 0, sizeof *o);
	o->fd = fd;
	o->cap = 2 * MT_OUT_BLOCK;
	o->buf = mt_xmalloc(o->cap);
}

void
mt_out_stdout(struct mt_out *o)
{
	struct stat st;

	init(o, STDOUT_FILENO);
#ifdef F_SETPIPE_SZ
	/* Failure is fine: the pipe keeps its size. */
	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode))
		(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1024 * 1024);
#else
	(void)st;
#endif
}

static mode_t
file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/*
 * The temporary file of -o, while there is one: a run that ends in
 * exit(2) without closing it (out of memory, in mt_xmalloc) removes it
 * at exit, leaving FILE as it was. One -o a process.
 */
static char *pending_tmp;

static void
remove_pending(void)
{
	if (pending_tmp != NULL)
		(void)unlink(pending_tmp);
}

int
mt_out_file(struct mt_out *o, const char *path)
{
	size_t n = strlen(path);
	char *tmp = mt_xmalloc(n + 16);
	int fd;

	/* Same folder, so that rename(2) is atomic. */
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return -1;
	}
	(void)fchmod(fd, file_mode());
	init(o, fd);
	o->path = mt_xstrdup(path);
	o->tmppath = tmp;
	if (pending_tmp == NULL) {
		static bool registered;

		if (!registered && atexit(remove_pending) == 0)
			registered = true;
		pending_tmp = tmp;
	}
	return 0;
}

int
mt_out_flush(struct mt_out *o)
{
	size_t off = 0;
	ssize_t n;

	if (o->failed) {
		o->len = 0;
		return -1;
	}
	while (off < o->len) {
		n = write(o->fd, o->buf + off, o->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(o->err, sizeof o->err, "%s", strerror(errno));
			o->failed = true;
			o->len = 0;
			return -1;
		}
		off += (size_t)n;
	}
	o->len = 0;
	return 0;
}

void
mt_out_grow(struct mt_out *o, size_t n)
{
	if (o->len >= MT_OUT_BLOCK)
		(void)mt_out_flush(o);
	if (o->cap - o->len < n) {
		while (o->cap - o->len < n)
			o->cap *= 2;
		o->buf = mt_xrealloc(o->buf, o->cap);
	}
}

void
mt_out_puts(struct mt_out *o, const char *s)
{
	mt_out_write(o, s, strlen(s));
}

int
mt_out_close(struct mt_out *o, bool commit)
{
	int rc = mt_out_flush(o);

	if (o->path != NULL) {
		if (rc == 0 && commit && fsync(o->fd) != 0 && errno != EINVAL) {
			snprintf(o->err, sizeof o->err, "%s", strerror(errno));
			rc = -1;
		}
		if (close(o->fd) != 0 && rc == 0) {
			snprintf(o->err, sizeof o->err, "%s", strerror(errno));
			rc = -1;
		}
		if (rc == 0 && commit && rename(o->tmppath, o->path) != 0) {
			snprintf(o->err, sizeof o->err, "%s", strerror(errno));
			rc = -1;
		}
		if (rc != 0 || !commit)
			(void)unlink(o->tmppath);
	} else if (close(o->fd) != 0 && rc == 0) {
		snprintf(o->err, sizeof o->err, "%s", strerror(errno));
		rc = -1;
	}
	if (o->tmppath != NULL && o->tmppath == pending_tmp)
		pending_tmp = NULL;
	free(o->buf);
	free(o->path);
	free(o->tmppath);
	o->buf = o->path = o->tmppath = NULL;
	o->len = o->cap = 0;
	return rc;
}
