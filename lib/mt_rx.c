/*
 * mt_rx: PCRE2 patterns compiled once, matched with limits.
 *
 * Every match goes through one match context that carries the match,
 * depth and heap limits and a JIT stack of bounded size, so that a
 * catastrophic pattern such as ^(a+)+$ ends in PCRE2_ERROR_MATCHLIMIT (or
 * runs out of its JIT stack) within a fraction of a second. JIT code
 * honours the match limit but ignores the depth limit; the heap limit
 * applies to the interpreter, the JIT stack size bounds the JIT code.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rx.h"
#include "mt_util.h"

#define DEFAULT_MATCH_LIMIT	1000000
#define DEFAULT_DEPTH_LIMIT	10000
#define DEFAULT_HEAP_KIB	4096
#define DEFAULT_JIT_STACK	(1024 * 1024)
#define JIT_STACK_START		(32 * 1024)

struct mt_rx {
	pcre2_code *code;
	bool jit;
	unsigned flags;
	char *pattern;		/* NUL-terminated copy, for messages */
	size_t patlen;
};

struct mt_rx_env {
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;	/* NULL without JIT support */
	pcre2_match_data *md;
	char why[160];
};

struct mt_rx_env *
mt_rx_env_new(const struct mt_rx_limits *lim)
{
	struct mt_rx_env *env;
	uint32_t match = DEFAULT_MATCH_LIMIT, depth = DEFAULT_DEPTH_LIMIT;
	uint32_t heap = DEFAULT_HEAP_KIB;
	size_t stack = DEFAULT_JIT_STACK;
	uint32_t have_jit = 0;

	if (lim != NULL) {
		if (lim->match)
			match = lim->match;
		if (lim->depth)
			depth = lim->depth;
		if (lim->heap_kib)
			heap = lim->heap_kib;
		if (lim->jit_stack)
			stack = lim->jit_stack;
	}
	env = calloc(1, sizeof(*env));
	if (env == NULL)
		return NULL;
	env->mctx = pcre2_match_context_create(NULL);
	/* One pair is enough: only the whole match is ever reported. */
	env->md = pcre2_match_data_create(1, NULL);
	if (env->mctx == NULL || env->md == NULL)
		goto fail;
	pcre2_set_match_limit(env->mctx, match);
	pcre2_set_depth_limit(env->mctx, depth);
	pcre2_set_heap_limit(env->mctx, heap);
	if (pcre2_config(PCRE2_CONFIG_JIT, &have_jit) == 0 && have_jit) {
		env->stack = pcre2_jit_stack_create(
		    stack < JIT_STACK_START ? stack : JIT_STACK_START, stack,
		    NULL);
		/* Without its own stack JIT code uses 32 KiB of the C stack. */
		if (env->stack != NULL)
			pcre2_jit_stack_assign(env->mctx, NULL, env->stack);
	}
	return env;
fail:
	mt_rx_env_free(env);
	return NULL;
}

void
mt_rx_env_free(struct mt_rx_env *env)
{
	if (env == NULL)
		return;
	pcre2_match_data_free(env->md);
	pcre2_jit_stack_free(env->stack);
	pcre2_match_context_free(env->mctx);
	free(env);
}

int
mt_rx_parse_flags(const char *s, size_t n, unsigned *flags, size_t *bad)
{
	size_t i;

	*flags = 0;
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case 'i': *flags |= MT_RX_CASELESS; break;
		case 'm': *flags |= MT_RX_MULTILINE; break;
		case 's': *flags |= MT_RX_DOTALL; break;
		case 'x': *flags |= MT_RX_EXTENDED; break;
		default:
			*bad = i;
			return -1;
		}
	}
	return 0;
}

struct mt_rx *
mt_rx_compile(const char *pat, size_t n, unsigned flags, char *err,
    size_t errsz, size_t *erroff)
{
	struct mt_rx *rx;
	pcre2_code *code;
	uint32_t opts;
	int rc;
	PCRE2_SIZE off = 0;
	PCRE2_UCHAR msg[256];

	/*
	 * UCP so that \w, \d, \b and caseless matching follow Unicode;
	 * MATCH_INVALID_UTF so that a stray Latin-1 byte in the data is no
	 * error; no \C, which could split a character.
	 */
	opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
	    PCRE2_NEVER_BACKSLASH_C;
	if (flags & MT_RX_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & MT_RX_MULTILINE)
		opts |= PCRE2_MULTILINE;
	if (flags & MT_RX_DOTALL)
		opts |= PCRE2_DOTALL;
	if (flags & MT_RX_EXTENDED)
		opts |= PCRE2_EXTENDED;
	code = pcre2_compile((PCRE2_SPTR)(n ? pat : ""), n, opts, &rc, &off,
	    NULL);
	if (code == NULL) {
		if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
			snprintf((char *)msg, sizeof(msg), "error %d", rc);
		snprintf(err, errsz, "%s", (char *)msg);
		*erroff = off;
		return NULL;
	}
	rx = mt_xcalloc(1, sizeof(*rx));
	rx->code = code;
	rx->flags = flags;
	rx->pattern = mt_xstrndup(n ? pat : "", n);
	rx->patlen = n;
	/* Without JIT the interpreter gives the same answers, slower. */
	if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0) {
		size_t size = 0;

		pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size);
		rx->jit = size > 0;
	}
	return rx;
}

void
mt_rx_free(struct mt_rx *rx)
{
	if (rx == NULL)
		return;
	pcre2_code_free(rx->code);
	free(rx->pattern);
	free(rx);
}

bool
mt_rx_jit(const struct mt_rx *rx)
{
	return rx->jit;
}

const char *
mt_rx_pattern(const struct mt_rx *rx, size_t *n)
{
	if (n != NULL)
		*n = rx->patlen;
	return rx->pattern;
}

unsigned
mt_rx_flags(const struct mt_rx *rx)
{
	return rx->flags;
}

static const char *
describe(struct mt_rx_env *env, int rc)
{
	PCRE2_UCHAR msg[120];

	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
		return "hit its match limit";
	case PCRE2_ERROR_DEPTHLIMIT:
		return "hit its depth limit";
	case PCRE2_ERROR_HEAPLIMIT:
		return "hit its heap limit";
	case PCRE2_ERROR_JIT_STACKLIMIT:
		return "ran out of JIT stack";
	case PCRE2_ERROR_NOMEMORY:
		return "ran out of memory";
	}
	if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
		snprintf(env->why, sizeof(env->why), "failed (error %d)", rc);
	else
		snprintf(env->why, sizeof(env->why), "failed: %s",
		    (char *)msg);
	return env->why;
}

int
mt_rx_match(struct mt_rx_env *env, const struct mt_rx *rx, const char *s,
    size_t n, size_t *start, size_t *len, const char **why)
{
	PCRE2_SIZE *ov;
	int rc;

	/* A zero-length subject may come with a NULL pointer. */
	if (s == NULL)
		s = "";
	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, 0, 0, env->md,
	    env->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		if (why != NULL)
			*why = describe(env, rc);
		return -1;
	}
	/* rc == 0 only says the ovector was too small for the groups. */
	ov = pcre2_get_ovector_pointer(env->md);
	if (start != NULL)
		*start = ov[0];
	if (len != NULL)
		*len = ov[1] >= ov[0] ? ov[1] - ov[0] : 0;
	return 1;
}
