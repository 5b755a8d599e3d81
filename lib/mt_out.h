/*
 * mt_out: buffered output to standard output or to a file that appears
 * only when complete. Writes go out in blocks of about 64 KiB, and a pipe
 * on standard output is enlarged to 1 MiB where the kernel allows, so that
 * the stages of a pipeline run together instead of taking turns.
 */
#ifndef MT_OUT_H
#define MT_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define MT_OUT_BLOCK	(64 * 1024)

struct mt_out {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	bool failed;		/* a write failed; errno text in err */
	char *path;		/* final name with -o, else NULL */
	char *tmppath;		/* temporary file renamed to path at close */
	char err[128];
};

/* Standard output. Never fails. */
void mt_out_stdout(struct mt_out *o);

/*
 * A file written atomically: a temporary file in the same folder, renamed
 * to path by mt_out_close. Returns -1 with errno set when the temporary
 * file cannot be made.
 */
int mt_out_file(struct mt_out *o, const char *path);

/* Write the buffer out; -1 once any write has failed. */
int mt_out_flush(struct mt_out *o);

/*
 * Flush, close, and for a file rename it into place (commit true) or
 * remove it (commit false). Returns 0, or -1 with the reason in o->err.
 */
int mt_out_close(struct mt_out *o, bool commit);

/* Make room for n more bytes, writing a full block out first. */
void mt_out_grow(struct mt_out *o, size_t n);

static inline void
mt_out_reserve(struct mt_out *o, size_t n)
{
	if (o->cap - o->len < n || o->len >= MT_OUT_BLOCK)
		mt_out_grow(o, n);
}

static inline void
mt_out_write(struct mt_out *o, const void *p, size_t n)
{
	mt_out_reserve(o, n);
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static inline void
mt_out_putc(struct mt_out *o, char c)
{
	mt_out_reserve(o, 1);
	o->buf[o->len++] = c;
}

void mt_out_puts(struct mt_out *o, const char *s);

#endif
