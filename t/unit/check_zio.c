/*
 * Unit tests of mt_zio: plain and gzip input give the same bytes; every
 * kind of damaged gzip input (truncated at many points, a flipped byte,
 * a bad CRC or length, trailing garbage) ends in an error after the data
 * before the damage, never in a quiet end or a crash; pipes written a
 * byte at a time, so that the two-byte magic arrives in two reads.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "mt_util.h"
#include "mt_zio.h"

#define TRUNCATED	"unexpected end of file: gzip data truncated"

/* --- temporary files ----------------------------------------------------- */

static char *
temp_name(int *fd)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	size_t n;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + 32;
	path = malloc(n);
	ck_assert_ptr_nonnull(path);
	snprintf(path, n, "%s/check_zio.XXXXXX", dir);
	*fd = mkstemp(path);
	ck_assert_msg(*fd >= 0, "mkstemp %s: %s", path, strerror(errno));
	return path;
}

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w <= 0)
			ck_abort_msg("write: %s", strerror(errno));
		p += w;
		n -= (size_t)w;
	}
}

static char *
write_temp(const char *p, size_t n)
{
	int fd;
	char *path = temp_name(&fd);

	write_all(fd, p, n);
	ck_assert_int_eq(close(fd), 0);
	return path;
}

/* Append one gzip member holding p to path (mode "wb" or "ab"). */
static void
gz_member(const char *path, const char *mode, const char *p, size_t n)
{
	gzFile gz = gzopen(path, mode);
	size_t off = 0, k;

	ck_assert_ptr_nonnull(gz);
	while (off < n) {
		k = n - off < 65536 ? n - off : 65536;
		ck_assert_int_eq(gzwrite(gz, p + off, (unsigned)k), (int)k);
		off += k;
	}
	ck_assert_int_eq(gzclose(gz), Z_OK);
}

static char *
write_temp_gz(const char *p, size_t n)
{
	int fd;
	char *path = temp_name(&fd);

	ck_assert_int_eq(close(fd), 0);
	gz_member(path, "wb", p, n);
	return path;
}

static struct mt_buf
slurp(const char *path)
{
	struct mt_buf b = { 0 };
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;

	ck_assert_ptr_nonnull(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		mt_buf_add(&b, chunk, n);
	ck_assert(!ferror(fp));
	fclose(fp);
	return b;
}

static void
remove_temp(char *path)
{
	ck_assert_int_eq(unlink(path), 0);
	free(path);
}

/* --- contents ------------------------------------------------------------ */

static unsigned long
next_random(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/* Manifest-like text that compresses the way real files do. */
static void
make_text(struct mt_buf *b, size_t n)
{
	static const char *const words[] = {
	    "MSCU1234565", "CONTAINER", "FROZEN FISH", "SHANGHAI", "\t",
	    "ROTTERDAM", "\n", "1,234.50", "KGS", "\"", "SAID TO CONTAIN",
	    "caf\xc3\xa9", "\\t", "HS 030389", " ", "2026-11-23", ",", ";"
	};
	unsigned long x = 42;
	const char *w;
	size_t k;

	while (b->len < n) {
		w = words[next_random(&x) % (sizeof words / sizeof words[0])];
		k = strlen(w);
		if (k > n - b->len)
			k = n - b->len;
		mt_buf_add(b, w, k);
	}
}

/* Bytes that do not compress: gzip output larger than one read. */
static void
make_noise(struct mt_buf *b, size_t n)
{
	unsigned long x = 7;

	while (b->len < n)
		mt_buf_addc(b, (char)(next_random(&x) & 0xFF));
}

/* --- reading ------------------------------------------------------------- */

struct result {
	struct mt_buf data;	/* everything handed out */
	int end;		/* 0 for the end, -1 for an error */
	char err[256];
	bool gzip;
	off_t offset;		/* mt_zio_offset at the end */
	off_t size;
};

static void
read_zio(struct mt_zio *z, struct result *res)
{
	const char *p;
	ssize_t n;

	res->data.len = 0;
	res->gzip = mt_zio_is_gzip(z);
	res->size = mt_zio_size(z);
	while ((n = mt_zio_read(z, &p)) > 0)
		mt_buf_add(&res->data, p, (size_t)n);
	if (n < -1)
		ck_abort_msg("mt_zio_read returned %zd", n);
	res->end = (int)n;
	snprintf(res->err, sizeof res->err, "%s", n < 0 ? mt_zio_error(z) : "");
	res->offset = mt_zio_offset(z);
	/* the end, or the error, stays */
	if (mt_zio_read(z, &p) != n)
		ck_abort_msg("a second read after the end gave another result");
}

static void
read_path(const char *path, struct result *res)
{
	char err[256] = "";
	struct mt_zio *z = mt_zio_open(path, err, sizeof err);

	ck_assert_msg(z != NULL, "mt_zio_open %s: %s", path, err);
	read_zio(z, res);
	mt_zio_close(z);
}

static void
assert_data(const char *what, const struct mt_buf *got, const char *want,
    size_t n)
{
	size_t i;

	if (got->len == n && (n == 0 || memcmp(got->buf, want, n) == 0))
		return;
	for (i = 0; i < n && i < got->len && got->buf[i] == want[i]; i++)
		continue;
	ck_abort_msg("%s: %zu bytes, want %zu; first difference at %zu",
	    what, got->len, n, i);
}

static bool
is_prefix(const struct mt_buf *got, const char *want, size_t n)
{
	return got->len <= n &&
	    (got->len == 0 || memcmp(got->buf, want, got->len) == 0);
}

/* --- plain and gzip ------------------------------------------------------ */

START_TEST(test_plain_and_gzip_same)
{
	static const size_t sizes[] = { 1, 2, 3, 100, 262143, 262144, 262145,
	    700001 };
	struct mt_buf text = { 0 }, gz;
	struct result res = { 0 };
	char *path;
	size_t i;

	make_text(&text, 700001);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		path = write_temp(text.buf, sizes[i]);
		read_path(path, &res);
		ck_assert_int_eq(res.end, 0);
		ck_assert(!res.gzip);
		ck_assert_int_eq(res.size, (off_t)sizes[i]);
		ck_assert_int_eq(res.offset, (off_t)sizes[i]);
		assert_data("plain", &res.data, text.buf, sizes[i]);
		remove_temp(path);

		path = write_temp_gz(text.buf, sizes[i]);
		gz = slurp(path);
		read_path(path, &res);
		ck_assert_msg(res.end == 0, "gzip of %zu bytes: %s", sizes[i],
		    res.err);
		ck_assert(res.gzip);
		ck_assert_int_eq(res.size, (off_t)gz.len);
		ck_assert_int_eq(res.offset, (off_t)gz.len);
		assert_data("gzip", &res.data, text.buf, sizes[i]);
		remove_temp(path);
		mt_buf_free(&gz);
	}
	mt_buf_free(&text);
	mt_buf_free(&res.data);
}
END_TEST

/* A gzip file larger than a read, of data larger than the output. */
START_TEST(test_gzip_big_noise)
{
	struct mt_buf noise = { 0 };
	struct result res = { 0 };
	char *path;

	make_noise(&noise, 1000003);
	path = write_temp_gz(noise.buf, noise.len);
	read_path(path, &res);
	ck_assert_msg(res.end == 0, "%s", res.err);
	assert_data("gzip noise", &res.data, noise.buf, noise.len);
	remove_temp(path);
	mt_buf_free(&noise);
	mt_buf_free(&res.data);
}
END_TEST

START_TEST(test_multi_member)
{
	struct mt_buf a = { 0 }, b = { 0 }, both = { 0 };
	struct result res = { 0 };
	char *path;
	int fd;

	make_text(&a, 300000);
	make_noise(&b, 5000);
	mt_buf_add(&both, a.buf, a.len);
	mt_buf_add(&both, b.buf, b.len);
	mt_buf_add(&both, "end\n", 4);
	path = temp_name(&fd);
	close(fd);
	gz_member(path, "wb", a.buf, a.len);
	gz_member(path, "ab", "", 0);		/* an empty member */
	gz_member(path, "ab", b.buf, b.len);
	gz_member(path, "ab", "end\n", 4);
	read_path(path, &res);
	ck_assert_msg(res.end == 0, "%s", res.err);
	ck_assert(res.gzip);
	assert_data("members", &res.data, both.buf, both.len);
	remove_temp(path);
	mt_buf_free(&a);
	mt_buf_free(&b);
	mt_buf_free(&both);
	mt_buf_free(&res.data);
}
END_TEST

START_TEST(test_empty_file)
{
	struct result res = { 0 };
	char *path = write_temp("", 0);

	read_path(path, &res);
	ck_assert_int_eq(res.end, 0);
	ck_assert(!res.gzip);
	ck_assert_uint_eq(res.data.len, 0);
	ck_assert_int_eq(res.size, 0);
	remove_temp(path);
	mt_buf_free(&res.data);
}
END_TEST

/* One byte, and a 0x1f without 0x8b: plain input. */
START_TEST(test_not_quite_magic)
{
	static const struct {
		const char *p;
		size_t n;
	} cases[] = {
		{ "\x1f", 1 }, { "x", 1 }, { "\x1f" "A", 2 },
		{ "\x8b\x1f", 2 }, { "\x1f\x8c\x08", 3 },
	};
	struct result res = { 0 };
	char *path;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		path = write_temp(cases[i].p, cases[i].n);
		read_path(path, &res);
		ck_assert_int_eq(res.end, 0);
		ck_assert(!res.gzip);
		assert_data("not gzip", &res.data, cases[i].p, cases[i].n);
		remove_temp(path);
	}
	mt_buf_free(&res.data);
}
END_TEST

START_TEST(test_open_errors)
{
	char err[256] = "", dir[64];
	const char *tmp = getenv("TMPDIR");

	ck_assert_ptr_null(mt_zio_open("/nonexistent/check_zio", err,
	    sizeof err));
	ck_assert_str_eq(err, "No such file or directory");
	err[0] = '\0';
	ck_assert_ptr_null(mt_zio_open("/", err, sizeof err));
	ck_assert_str_eq(err, "Is a directory");
	err[0] = '\0';
	snprintf(dir, sizeof dir, "%s",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	ck_assert_ptr_null(mt_zio_open(dir, err, sizeof err));
	ck_assert_str_eq(err, "Is a directory");
	/* the message is cut to the room given */
	ck_assert_ptr_null(mt_zio_open("/nonexistent", err, 6));
	ck_assert_str_eq(err, "No su");
}
END_TEST

/* --- damage -------------------------------------------------------------- */

/*
 * Cut a gzip file at the given points, the longest first: every cut of
 * two or more bytes reads as gzip, hands out a prefix of the data and
 * ends in the truncation error.
 */
static void
check_cuts(const char *data, size_t n, size_t step, size_t near)
{
	struct result res = { 0 };
	struct mt_buf gz;
	char *path = write_temp_gz(data, n), what[96];
	size_t cut;

	gz = slurp(path);
	for (cut = gz.len; cut-- > 0;) {
		if (cut % step != 0 && cut >= near && cut + near < gz.len &&
		    (cut < 262144 - near || cut > 262144 + near))
			continue;
		if (truncate(path, (off_t)cut) != 0)
			ck_abort_msg("truncate: %s", strerror(errno));
		read_path(path, &res);
		snprintf(what, sizeof what, "cut at %zu of %zu", cut, gz.len);
		if (cut < 2) {
			/* too short to be told from plain input */
			if (res.end != 0 || res.gzip)
				ck_abort_msg("%s: not plain", what);
			assert_data(what, &res.data, gz.buf, cut);
			continue;
		}
		if (res.end != -1 || !res.gzip ||
		    strcmp(res.err, TRUNCATED) != 0)
			ck_abort_msg("%s: end %d, gzip %d, error \"%s\"", what,
			    res.end, res.gzip, res.err);
		if (!is_prefix(&res.data, data, n))
			ck_abort_msg("%s: %zu bytes that are not the data",
			    what, res.data.len);
		/* a cut in the trailer loses no data */
		if (cut + 8 >= gz.len && cut < gz.len)
			assert_data(what, &res.data, data, n);
	}
	remove_temp(path);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}

START_TEST(test_truncated_text)
{
	struct mt_buf text = { 0 };

	make_text(&text, 60000);
	check_cuts(text.buf, text.len, 97, 24);
	mt_buf_free(&text);
}
END_TEST

START_TEST(test_truncated_big)
{
	struct mt_buf noise = { 0 };

	make_noise(&noise, 400000);
	check_cuts(noise.buf, noise.len, 4099, 5);
	mt_buf_free(&noise);
}
END_TEST

START_TEST(test_truncated_empty_member)
{
	check_cuts("", 0, 1, 0);
}
END_TEST

/* Change the byte at off of the file at path; returns the old one. */
static unsigned char
poke(const char *path, off_t off, unsigned char v)
{
	int fd = open(path, O_RDWR);
	unsigned char old;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pread(fd, &old, 1, off), 1);
	ck_assert_int_eq(pwrite(fd, &v, 1, off), 1);
	ck_assert_int_eq(close(fd), 0);
	return old;
}

static void
check_trailer_damage(const char *data, size_t n)
{
	struct result res = { 0 };
	char *path = write_temp_gz(data, n);
	struct mt_buf gz = slurp(path);
	unsigned char old;
	size_t i;

	/* CRC-32 in the 4 bytes before the length, length last */
	for (i = 0; i < 8; i++) {
		off_t off = (off_t)(gz.len - 8 + i);

		old = poke(path, off, (unsigned char)(gz.buf[off] ^ 0x01));
		read_path(path, &res);
		ck_assert_int_eq(res.end, -1);
		ck_assert_str_eq(res.err, i < 4 ?
		    "corrupt gzip data (incorrect data check)" :
		    "corrupt gzip data (incorrect length check)");
		/* all the data first, then the error */
		assert_data("bad trailer", &res.data, data, n);
		poke(path, off, old);
	}
	read_path(path, &res);
	ck_assert_int_eq(res.end, 0);
	assert_data("repaired", &res.data, data, n);
	remove_temp(path);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}

START_TEST(test_bad_crc)
{
	struct mt_buf text = { 0 }, noise = { 0 };

	make_text(&text, 70000);
	check_trailer_damage(text.buf, text.len);
	/* data that fills several output buffers before the check */
	make_noise(&noise, 600000);
	check_trailer_damage(noise.buf, noise.len);
	check_trailer_damage("", 0);
	mt_buf_free(&text);
	mt_buf_free(&noise);
}
END_TEST

/* A bad CRC in the first of two members: the second is never reached. */
START_TEST(test_bad_crc_first_member)
{
	struct result res = { 0 };
	char *path;
	struct mt_buf gz;
	int fd;

	path = temp_name(&fd);
	close(fd);
	gz_member(path, "wb", "first\n", 6);
	gz = slurp(path);
	gz_member(path, "ab", "second\n", 7);
	poke(path, (off_t)(gz.len - 8), (unsigned char)(gz.buf[gz.len - 8] ^
	    0x80));
	read_path(path, &res);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err, "corrupt gzip data (incorrect data check)");
	assert_data("first member", &res.data, "first\n", 6);
	remove_temp(path);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}
END_TEST

/* Any one byte flipped anywhere: an error, never a quiet end. */
START_TEST(test_flipped_bytes)
{
	struct mt_buf text = { 0 }, gz;
	struct result res = { 0 };
	char *path;
	unsigned char old;
	size_t off;

	make_text(&text, 20000);
	path = write_temp_gz(text.buf, text.len);
	gz = slurp(path);
	for (off = 0; off < gz.len; off += off < 16 ? 1 : 37) {
		/*
		 * 3: flags, see test_reserved_flags; 4..9: time, extra
		 * flags and OS, which may hold anything.
		 */
		if (off >= 3 && off <= 9)
			continue;
		old = poke(path, (off_t)off,
		    (unsigned char)(gz.buf[off] ^ 0x10));
		read_path(path, &res);
		if (off < 2) {
			/* no longer gzip: the bytes as they are */
			ck_assert(!res.gzip);
			ck_assert_int_eq(res.end, 0);
		} else if (res.end != -1 || res.err[0] == '\0') {
			ck_abort_msg("byte %zu flipped: end %d, %zu bytes",
			    off, res.end, res.data.len);
		}
		poke(path, (off_t)off, old);
	}
	remove_temp(path);
	mt_buf_free(&text);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}
END_TEST

START_TEST(test_reserved_flags)
{
	struct result res = { 0 };
	char *path = write_temp_gz("data\n", 5);

	poke(path, 3, 0xE0);
	read_path(path, &res);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err,
	    "corrupt gzip data (unknown header flags set)");
	ck_assert_uint_eq(res.data.len, 0);
	poke(path, 3, 0);
	poke(path, 2, 7);
	read_path(path, &res);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err,
	    "corrupt gzip data (unknown compression method)");
	remove_temp(path);
	mt_buf_free(&res.data);
}
END_TEST

static void
check_trailing(const char *tail, size_t tn, const char *want_err)
{
	struct result res = { 0 };
	struct mt_buf text = { 0 };
	char *path;
	int fd;

	make_text(&text, 5000);
	path = write_temp_gz(text.buf, text.len);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	write_all(fd, tail, tn);
	ck_assert_int_eq(close(fd), 0);
	read_path(path, &res);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err, want_err);
	assert_data("before the garbage", &res.data, text.buf, text.len);
	remove_temp(path);
	mt_buf_free(&text);
	mt_buf_free(&res.data);
}

START_TEST(test_trailing_garbage)
{
	check_trailing("garbage\n", 8, "trailing garbage after gzip data");
	check_trailing("x", 1, "trailing garbage after gzip data");
	check_trailing("\x1f", 1, "trailing garbage after gzip data");
	check_trailing("\x1f\x8c", 2, "trailing garbage after gzip data");
	check_trailing("\0\0\0\0\0\0\0\0", 8,
	    "trailing garbage after gzip data");
	check_trailing("\n", 1, "trailing garbage after gzip data");
	/* the start of another member, cut short */
	check_trailing("\x1f\x8b", 2, TRUNCATED);
	check_trailing("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10, TRUNCATED);
}
END_TEST

/* Garbage after a member longer than one read. */
START_TEST(test_trailing_garbage_big)
{
	struct result res = { 0 };
	struct mt_buf noise = { 0 }, gz;
	char *path;
	int fd;

	make_noise(&noise, 600000);
	path = write_temp_gz(noise.buf, noise.len);
	gz = slurp(path);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	write_all(fd, "?", 1);
	ck_assert_int_eq(close(fd), 0);
	read_path(path, &res);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err, "trailing garbage after gzip data");
	assert_data("big", &res.data, noise.buf, noise.len);
	remove_temp(path);
	mt_buf_free(&noise);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}
END_TEST

/* --- pipes --------------------------------------------------------------- */

/*
 * Write p to fd, the first `slow` bytes one at a time, each only once
 * the one before has been read, so that the reader's first reads return
 * one byte each; then the rest at once.
 */
static void
write_slowly(int fd, const char *p, size_t n, size_t slow)
{
	size_t i;
	int avail;

	for (i = 0; i < n && i < slow; i++) {
		if (write(fd, p + i, 1) != 1)
			_exit(1);
		do {
			if (ioctl(fd, FIONREAD, &avail) != 0)
				_exit(1);
			if (avail > 0)
				usleep(50);
		} while (avail > 0);
	}
	if (i < n && write(fd, p + i, n - i) != (ssize_t)(n - i))
		_exit(1);
}

static pid_t
start_writer(int fds[2], const char *p, size_t n, size_t slow)
{
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		write_slowly(fds[1], p, n, slow);
		_exit(0);
	}
	ck_assert_int_eq(close(fds[1]), 0);
	return pid;
}

static void
end_writer(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void
check_pipe(const char *in, size_t n, const char *want, size_t wantn,
    bool gzip, size_t slow)
{
	struct result res = { 0 };
	char path[64];
	int fds[2];
	pid_t pid;

	pid = start_writer(fds, in, n, slow);
	snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
	read_path(path, &res);
	ck_assert_int_eq(close(fds[0]), 0);
	end_writer(pid);
	ck_assert_msg(res.end == 0, "%s", res.err);
	ck_assert(res.gzip == gzip);
	ck_assert_int_eq(res.size, -1);
	assert_data("pipe", &res.data, want, wantn);
	mt_buf_free(&res.data);
}

START_TEST(test_pipe_gzip_bytewise)
{
	struct mt_buf text = { 0 }, gz;
	char *path;

	make_text(&text, 3000);
	path = write_temp_gz(text.buf, text.len);
	gz = slurp(path);
	check_pipe(gz.buf, gz.len, text.buf, text.len, true, 64);
	check_pipe(gz.buf, gz.len, text.buf, text.len, true, gz.len);
	check_pipe(gz.buf, gz.len, text.buf, text.len, true, 0);
	/* two members, the second one's magic in two reads */
	gz_member(path, "ab", "more\n", 5);
	mt_buf_free(&gz);
	gz = slurp(path);
	mt_buf_add(&text, "more\n", 5);
	check_pipe(gz.buf, gz.len, text.buf, text.len, true, gz.len);
	remove_temp(path);
	mt_buf_free(&text);
	mt_buf_free(&gz);
}
END_TEST

START_TEST(test_pipe_plain_bytewise)
{
	check_pipe("x", 1, "x", 1, false, 1);
	check_pipe("\x1f", 1, "\x1f", 1, false, 1);
	check_pipe("\x1f" "abc", 4, "\x1f" "abc", 4, false, 4);
	check_pipe("a,b\n1,2\n", 8, "a,b\n1,2\n", 8, false, 8);
	check_pipe("", 0, "", 0, false, 0);
}
END_TEST

/* A truncated gzip stream from a pipe. */
START_TEST(test_pipe_truncated)
{
	struct result res = { 0 };
	struct mt_buf text = { 0 }, gz;
	char *path, p[64];
	int fds[2];
	pid_t pid;

	make_text(&text, 3000);
	path = write_temp_gz(text.buf, text.len);
	gz = slurp(path);
	remove_temp(path);
	pid = start_writer(fds, gz.buf, gz.len - 3, 16);
	snprintf(p, sizeof p, "/dev/fd/%d", fds[0]);
	read_path(p, &res);
	ck_assert_int_eq(close(fds[0]), 0);
	end_writer(pid);
	ck_assert_int_eq(res.end, -1);
	ck_assert_str_eq(res.err, TRUNCATED);
	assert_data("pipe", &res.data, text.buf, text.len);
	mt_buf_free(&text);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}
END_TEST

/* "-" reads standard input, which mt_zio_close leaves open. */
START_TEST(test_stdin)
{
	struct result res = { 0 };
	struct mt_buf text = { 0 }, gz;
	struct mt_zio *z;
	char *path, err[256];
	int fds[2], saved;
	pid_t pid;

	make_text(&text, 1000);
	path = write_temp_gz(text.buf, text.len);
	gz = slurp(path);
	remove_temp(path);
	saved = dup(STDIN_FILENO);
	ck_assert_int_ge(saved, 0);
	pid = start_writer(fds, gz.buf, gz.len, 2);
	ck_assert_int_eq(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	ck_assert_int_eq(close(fds[0]), 0);
	z = mt_zio_open("-", err, sizeof err);
	ck_assert_ptr_nonnull(z);
	read_zio(z, &res);
	mt_zio_close(z);
	ck_assert_int_ne(fcntl(STDIN_FILENO, F_GETFD), -1);
	end_writer(pid);
	ck_assert_int_eq(res.end, 0);
	ck_assert(res.gzip);
	assert_data("stdin", &res.data, text.buf, text.len);
	ck_assert_int_eq(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	mt_buf_free(&text);
	mt_buf_free(&gz);
	mt_buf_free(&res.data);
}
END_TEST

/* --- stopping early ------------------------------------------------------ */

/* A reader that stops after `chunks` chunks of a long gzip file. */
START_TEST(test_close_early)
{
	struct mt_buf noise = { 0 };
	struct mt_zio *z;
	char *path, err[256];
	const char *p;
	int chunks;

	make_noise(&noise, 3 * 1024 * 1024);
	path = write_temp_gz(noise.buf, noise.len);
	for (chunks = 0; chunks < 4; chunks++) {
		int i;

		z = mt_zio_open(path, err, sizeof err);
		ck_assert_ptr_nonnull(z);
		for (i = 0; i < chunks; i++)
			ck_assert_int_gt(mt_zio_read(z, &p), 0);
		ck_assert_int_le(mt_zio_offset(z), (off_t)noise.len + 64);
		mt_zio_close(z);
	}
	remove_temp(path);
	mt_buf_free(&noise);
}
END_TEST

/*
 * A pipe whose writer has sent half a gzip stream and then waits, the
 * pipe open: closing the reader must not wait for the rest.
 */
START_TEST(test_close_early_pipe)
{
	struct mt_buf text = { 0 }, gz;
	struct mt_zio *z;
	char *path, p[64], err[256], c;
	const char *chunk;
	int data[2], hold[2], status, reads;
	pid_t pid;

	make_text(&text, 400000);
	path = write_temp_gz(text.buf, text.len);
	gz = slurp(path);
	remove_temp(path);
	for (reads = 0; reads < 2; reads++) {
		ck_assert_int_eq(pipe(data), 0);
		ck_assert_int_eq(pipe(hold), 0);
		pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			close(data[0]);
			close(hold[1]);
			write_slowly(data[1], gz.buf, gz.len / 2, 0);
			/* wait, the pipe open, until the parent lets go */
			(void)read(hold[0], &c, 1);
			_exit(0);
		}
		close(data[1]);
		close(hold[0]);
		snprintf(p, sizeof p, "/dev/fd/%d", data[0]);
		z = mt_zio_open(p, err, sizeof err);
		ck_assert_ptr_nonnull(z);
		ck_assert(mt_zio_is_gzip(z));
		if (reads > 0)
			ck_assert_int_gt(mt_zio_read(z, &chunk), 0);
		mt_zio_close(z);
		close(data[0]);
		close(hold[1]);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	}
	mt_buf_free(&text);
	mt_buf_free(&gz);
}
END_TEST

static Suite *
zio_suite(void)
{
	Suite *s = suite_create("zio");
	TCase *tc;

	tc = tcase_create("read");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_plain_and_gzip_same);
	tcase_add_test(tc, test_gzip_big_noise);
	tcase_add_test(tc, test_multi_member);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_not_quite_magic);
	tcase_add_test(tc, test_open_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("damage");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_truncated_text);
	tcase_add_test(tc, test_truncated_big);
	tcase_add_test(tc, test_truncated_empty_member);
	tcase_add_test(tc, test_bad_crc);
	tcase_add_test(tc, test_bad_crc_first_member);
	tcase_add_test(tc, test_flipped_bytes);
	tcase_add_test(tc, test_reserved_flags);
	tcase_add_test(tc, test_trailing_garbage);
	tcase_add_test(tc, test_trailing_garbage_big);
	suite_add_tcase(s, tc);

	tc = tcase_create("pipe");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_pipe_gzip_bytewise);
	tcase_add_test(tc, test_pipe_plain_bytewise);
	tcase_add_test(tc, test_pipe_truncated);
	tcase_add_test(tc, test_stdin);
	suite_add_tcase(s, tc);

	tc = tcase_create("early");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_close_early);
	tcase_add_test(tc, test_close_early_pipe);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(zio_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
