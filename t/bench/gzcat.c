/*
 * gzcat: the benchmark's yardstick for gzip input. zlib's gzread into a
 * buffer and nothing else: no output but the byte count at the end, so
 * that it measures how fast a tool could at best read a .gz file.
 *
 * A truncated or corrupt file is an error (exit 2): gzread returns 0 at a
 * truncated end, and only gzerror and gzclose tell.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define BUF_SIZE	(256 * 1024)

static void
fail(const char *name, const char *why)
{
	fprintf(stderr, "gzcat: %s: %s\n", name, why);
	exit(2);
}

int
main(int argc, char *argv[])
{
	const char *name = argc > 1 ? argv[1] : "-";
	unsigned long long total = 0;
	const char *msg;
	gzFile z;
	char *buf;
	int fd, n, zerr;

	if (argc > 2) {
		fputs("usage: gzcat [FILE]\n", stderr);
		return 2;
	}
	if (strcmp(name, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(name, O_RDONLY);
	if (fd < 0)
		fail(name, strerror(errno));
	if ((z = gzdopen(fd, "rb")) == NULL)
		fail(name, "cannot open");
	/* A larger buffer than zlib's 8 KiB default: fewer read(2) calls. */
	if (gzbuffer(z, BUF_SIZE) != 0)
		fail(name, "gzbuffer failed");
	if ((buf = malloc(BUF_SIZE)) == NULL)
		fail("malloc", strerror(errno));

	while ((n = gzread(z, buf, BUF_SIZE)) > 0)
		total += (unsigned long long)n;
	msg = gzerror(z, &zerr);
	if (n < 0 || zerr != Z_OK)
		fail(name, zerr == Z_ERRNO ? strerror(errno) : msg);
	if ((zerr = gzclose(z)) != Z_OK)
		fail(name, zerr == Z_BUF_ERROR ? "unexpected end of file" :
		    "read error");
	free(buf);
	printf("%llu\n", total);
	if (fflush(stdout) != 0 || ferror(stdout))
		fail("stdout", strerror(errno));
	return 0;
}
