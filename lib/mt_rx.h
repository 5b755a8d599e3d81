/*
 * mt_rx: regular expressions of the expression language, on PCRE2.
 * A pattern is compiled once, in UTF-8 mode with Unicode properties,
 * JIT-compiled where the library and platform allow it, and matched with
 * limits so that a pathological pattern ends in an error instead of
 * running for hours. Invalid UTF-8 in a subject never makes an error: it
 * simply matches no character class that needs valid UTF-8.
 *
 * What a match needs at run time (match context, JIT stack, match data)
 * lives in a struct mt_rx_env that any number of patterns share, as long
 * as they are matched one at a time.
 */
#ifndef MT_RX_H
#define MT_RX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Pattern flags, as the letters after /regex/ name them. */
enum {
	MT_RX_CASELESS = 1 << 0,	/* i */
	MT_RX_MULTILINE = 1 << 1,	/* m: ^ and $ at line ends */
	MT_RX_DOTALL = 1 << 2,		/* s: . matches a newline */
	MT_RX_EXTENDED = 1 << 3		/* x: spaces and # comments ignored */
};

/* Limits of one match; zero in a field means the default, given after ';'. */
struct mt_rx_limits {
	uint32_t match;		/* PCRE2 match limit; 1,000,000 */
	uint32_t depth;		/* backtracking depth, interpreter; 10,000 */
	uint32_t heap_kib;	/* interpreter backtracking memory; 4096 KiB */
	size_t jit_stack;	/* largest JIT stack in bytes; 1 MiB */
};

struct mt_rx;
struct mt_rx_env;

/*
 * A matching environment with the given limits, or the defaults when lim
 * is NULL. NULL if PCRE2 cannot allocate it.
 */
struct mt_rx_env *mt_rx_env_new(const struct mt_rx_limits *lim);
void mt_rx_env_free(struct mt_rx_env *env);

/*
 * Flags from their letters ("imsx", in any order, repeats allowed).
 * Returns 0, or -1 with *bad set to the offset of the first letter that
 * is not a flag.
 */
int mt_rx_parse_flags(const char *s, size_t n, unsigned *flags, size_t *bad);

/*
 * Compile n bytes of pattern. On failure NULL, PCRE2's message in err and
 * in *erroff the offset in the pattern where the error was found.
 */
struct mt_rx *mt_rx_compile(const char *pat, size_t n, unsigned flags,
    char *err, size_t errsz, size_t *erroff);
void mt_rx_free(struct mt_rx *rx);

/* Whether matches of rx run JIT code. */
bool mt_rx_jit(const struct mt_rx *rx);

/* The pattern and flags as compiled. */
const char *mt_rx_pattern(const struct mt_rx *rx, size_t *n);
unsigned mt_rx_flags(const struct mt_rx *rx);

/*
 * Match rx anywhere in the n bytes at s. Returns 1 with the offset and
 * length of the matched text in *start and *len (either may be NULL),
 * 0 for no match, or -1 when the match could not be completed: *why then
 * says what happened, in words that follow "regular expression /.../":
 * "hit its match limit", "hit its heap limit", and so on. The message
 * stays valid until the next match in env.
 */
int mt_rx_match(struct mt_rx_env *env, const struct mt_rx *rx,
    const char *s, size_t n, size_t *start, size_t *len, const char **why);

#endif
