/*
 * Fuzz target: the record stream reader. The input is a stream (plain,
 * or gzip when it starts with the gzip magic), read through a memory
 * file: header, records, split whole and split to a span.
 */
#include "config.h"

#define _GNU_SOURCE 1
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mt_rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mt_rec_reader *r;
	struct mt_str line;
	char path[64], err[256];
	size_t span = size > 0 ? data[0] % 8 : 0;
	int fd, rc;

	if ((fd = memfd_create("fuzz_rec", 0)) < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if ((r = mt_rec_open(path, err, sizeof err)) != NULL) {
		if (mt_rec_read_header(r) == MT_REC_OK)
			while ((rc = mt_rec_next_line(r, &line)) == MT_REC_OK) {
				if (line.n % 2)
					(void)mt_rec_split(r);
				else
					(void)mt_rec_split_span(r, span);
			}
		mt_rec_close(r);
	}
	close(fd);
	return 0;
}
