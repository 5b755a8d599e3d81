/*
 * mt_conv: input in another character encoding (Latin-1, Windows-1252,
 * UTF-16...) converted to UTF-8 with iconv, chunk by chunk. A byte that
 * is not valid in the source encoding becomes U+FFFD, which manifest-parse
 * then flags in dq; conversion never stops on bad data.
 */
#ifndef MT_CONV_H
#define MT_CONV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct mt_conv;

/* NULL with a reason in err if iconv does not know the encoding. */
struct mt_conv *mt_conv_open(const char *from, char *err, size_t errsz);

/*
 * Convert n bytes; *out gets UTF-8 bytes valid until the next call.
 * A sequence cut at the end of a chunk waits for the next chunk; with
 * last true, it is replaced. Returns the number of bytes in *out.
 */
size_t mt_conv_run(struct mt_conv *c, const char *in, size_t n, bool last,
    const char **out);

/* Bytes replaced by U+FFFD so far. */
unsigned long mt_conv_replaced(const struct mt_conv *c);

void mt_conv_close(struct mt_conv *c);

#endif
