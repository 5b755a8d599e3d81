/*
 * mt_zio: input from a file or standard input, plain or gzip, detected by
 * content. Hands out chunks of the decompressed bytes without copying
 * plain input. Unlike gzread, every damaged gzip input is an error:
 * truncation, a bad CRC or length, and anything after the last member
 * that is not another member.
 */
#ifndef MT_ZIO_H
#define MT_ZIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct mt_zio;

/*
 * Open path, or standard input for "-". On failure returns NULL and puts
 * the reason (strerror text, e.g. "No such file or directory") in err.
 */
struct mt_zio *mt_zio_open(const char *path, char *err, size_t errsz);

/*
 * The next chunk of input: *p points to n > 0 bytes valid until the next
 * call. Returns n, 0 at the end of the input, -1 on an error whose reason
 * mt_zio_error gives.
 */
ssize_t mt_zio_read(struct mt_zio *z, const char **p);

const char *mt_zio_error(const struct mt_zio *z);
bool mt_zio_is_gzip(const struct mt_zio *z);
/* Bytes read from the file so far (compressed bytes for gzip input). */
off_t mt_zio_offset(const struct mt_zio *z);
/* Size of the file if it is a regular file, else -1. */
off_t mt_zio_size(const struct mt_zio *z);

/* Close; the descriptor of standard input is left open. */
void mt_zio_close(struct mt_zio *z);

#endif
