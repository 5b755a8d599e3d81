/*
 * mt_zio: plain or gzip input. gzip is decoded with zlib's inflate
 * directly rather than gzread, because gzread ignores data after the last
 * member and reports truncation only through gzerror; here each of these
 * is an error the caller sees.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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
};

static int
fill(struct mt_zio *z)
{
	ssize_t n;

	if (z->inpos > 0 && z->inlen > 0)
		memmove(z->in, z->in + z->inpos, z->inlen);
	z->inpos = 0;
	for (;;) {
		n = read(z->fd, z->in + z->inlen, ZIO_INSIZE - z->inlen);
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
	z->offset += n;
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
	z->in = mt_xmalloc(ZIO_INSIZE);
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
		z->out = mt_xmalloc(ZIO_OUTSIZE);
		/* 15 + 16: gzip wrapper only, largest window. */
		if (inflateInit2(&z->zs, 15 + 16) != Z_OK) {
			snprintf(err, errsz, "cannot start gzip decoding");
			mt_zio_close(z);
			return NULL;
		}
		z->zs_live = true;
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

ssize_t
mt_zio_read(struct mt_zio *z, const char **p)
{
	return z->gzip ? read_gzip(z, p) : read_plain(z, p);
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
	return z->offset;
}

off_t
mt_zio_size(const struct mt_zio *z)
{
	return z->size;
}

void
mt_zio_close(struct mt_zio *z)
{
	if (z == NULL)
		return;
	if (z->zs_live)
		inflateEnd(&z->zs);
	if (!z->is_stdin)
		close(z->fd);
	free(z->in);
	free(z->out);
	free(z);
}
