/*
 * Unit tests of mt_out: files that appear only when committed, existing
 * files left alone otherwise, no temporary file left behind, output in
 * blocks that arrives intact, write errors (/dev/full) reported, and the
 * pipe on standard output enlarged.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt_out.h"
#include "mt_util.h"

/* --- a scratch directory ------------------------------------------------- */

static char *
make_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;
	size_t n;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	n = strlen(tmp) + 32;
	dir = malloc(n);
	ck_assert_ptr_nonnull(dir);
	snprintf(dir, n, "%s/check_out.XXXXXX", tmp);
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp: %s", strerror(errno));
	return dir;
}

static char *
path_in(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* Names in dir, sorted, each followed by a space ("" when empty). */
static void
list_dir(const char *dir, char *out, size_t outsz)
{
	char names[16][256];
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0, i, j;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		ck_assert_int_lt(n, 16);
		snprintf(names[n++], sizeof names[0], "%s", e->d_name);
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char t[256];

			memcpy(t, names[j], sizeof t);
			memcpy(names[j], names[j - 1], sizeof t);
			memcpy(names[j - 1], t, sizeof t);
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		strncat(out, names[i], outsz - strlen(out) - 1);
		strncat(out, " ", outsz - strlen(out) - 1);
	}
}

static void
remove_dir(char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	char *p;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = path_in(dir, e->d_name);
		ck_assert_int_eq(unlink(p), 0);
		free(p);
	}
	closedir(d);
	ck_assert_int_eq(rmdir(dir), 0);
	free(dir);
}

static struct mt_buf
slurp(const char *path)
{
	struct mt_buf b = { 0 };
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;

	ck_assert_msg(fp != NULL, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		mt_buf_add(&b, chunk, n);
	ck_assert(!ferror(fp));
	fclose(fp);
	return b;
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_ne(fputs(text, fp), EOF);
	ck_assert_int_eq(fclose(fp), 0);
}

static void
assert_file(const char *path, const char *want)
{
	struct mt_buf b = slurp(path);

	ck_assert_msg(b.len == strlen(want) && memcmp(b.buf, want, b.len) == 0,
	    "%s: \"%.*s\", want \"%s\"", path, (int)b.len, b.buf, want);
	mt_buf_free(&b);
}

/* --- atomic files -------------------------------------------------------- */

START_TEST(test_commit)
{
	char *dir = make_dir(), *path = path_in(dir, "report.html");
	char list[512], want[512];
	struct mt_out o;
	struct stat st;
	mode_t old = umask(022);

	ck_assert_int_eq(mt_out_file(&o, path), 0);
	mt_out_puts(&o, "<p>hello</p>\n");
	/* only the temporary file, named after the final one */
	ck_assert_int_eq(stat(path, &st), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_nonnull(o.tmppath);
	ck_assert_uint_eq(strlen(o.tmppath), strlen(path) + 10);
	ck_assert(strncmp(o.tmppath, path, strlen(path)) == 0);
	ck_assert(strncmp(o.tmppath + strlen(path), ".tmp", 4) == 0);
	snprintf(want, sizeof want, "%s ", o.tmppath + strlen(dir) + 1);
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, want);
	/* flushed bytes go to the temporary file */
	ck_assert_int_eq(mt_out_flush(&o), 0);
	assert_file(o.tmppath, "<p>hello</p>\n");
	ck_assert_int_eq(stat(path, &st), -1);

	ck_assert_int_eq(mt_out_close(&o, true), 0);
	assert_file(path, "<p>hello</p>\n");
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "report.html ");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	ck_assert_ptr_null(o.buf);
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmppath);
	umask(old);
	free(path);
	remove_dir(dir);
}
END_TEST

/* The mode follows the umask, as for a file created with open(2). */
START_TEST(test_commit_mode)
{
	char *dir = make_dir(), *path = path_in(dir, "out.tsv");
	struct mt_out o;
	struct stat st;
	mode_t old = umask(077);

	ck_assert_int_eq(mt_out_file(&o, path), 0);
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(st.st_size, 0);
	umask(002);
	ck_assert_int_eq(mt_out_file(&o, path), 0);
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0664);
	umask(old);
	free(path);
	remove_dir(dir);
}
END_TEST

START_TEST(test_no_commit)
{
	char *dir = make_dir(), *path = path_in(dir, "out.tsv");
	char list[512];
	struct mt_out o;
	size_t i;

	ck_assert_int_eq(mt_out_file(&o, path), 0);
	for (i = 0; i < 200000; i++)
		mt_out_putc(&o, 'x');
	list_dir(dir, list, sizeof list);
	ck_assert_str_ne(list, "");
	ck_assert_int_eq(mt_out_close(&o, false), 0);
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "");
	free(path);
	remove_dir(dir);
}
END_TEST

START_TEST(test_existing_file)
{
	char *dir = make_dir(), *path = path_in(dir, "out.tsv");
	char list[512];
	struct mt_out o;
	size_t i;

	write_file(path, "old\n");
	ck_assert_int_eq(mt_out_file(&o, path), 0);
	for (i = 0; i < 100000; i++)
		mt_out_puts(&o, "new ");
	ck_assert_int_eq(mt_out_flush(&o), 0);
	assert_file(path, "old\n");
	ck_assert_int_eq(mt_out_close(&o, false), 0);
	assert_file(path, "old\n");
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "out.tsv ");

	/* committed, it replaces the old one */
	ck_assert_int_eq(mt_out_file(&o, path), 0);
	mt_out_puts(&o, "new\n");
	assert_file(path, "old\n");
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	assert_file(path, "new\n");
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "out.tsv ");
	free(path);
	remove_dir(dir);
}
END_TEST

START_TEST(test_file_errors)
{
	char *dir = make_dir(), *path, list[512];
	struct mt_out o;

	/* no such directory: nothing made */
	path = path_in(dir, "none/out.tsv");
	errno = 0;
	ck_assert_int_eq(mt_out_file(&o, path), -1);
	ck_assert_int_eq(errno, ENOENT);
	free(path);

	/* the final name is a directory: the rename fails, nothing left */
	path = path_in(dir, "sub");
	ck_assert_int_eq(mkdir(path, 0755), 0);
	ck_assert_int_eq(mt_out_file(&o, path), 0);
	mt_out_puts(&o, "data\n");
	ck_assert_int_eq(mt_out_close(&o, true), -1);
	ck_assert_str_eq(o.err, "Is a directory");
	list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "sub ");
	ck_assert_int_eq(rmdir(path), 0);
	free(path);
	remove_dir(dir);
}
END_TEST

/* --- data ---------------------------------------------------------------- */

static unsigned long
next_random(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/*
 * More than 1 MiB in a mix of putc, puts and writes of every size up to
 * well past the block (one of 1 MiB), checked byte for byte.
 */
START_TEST(test_big_mixed)
{
	char *dir = make_dir(), *path = path_in(dir, "big.tsv");
	struct mt_buf want = { 0 }, got, chunk = { 0 };
	struct mt_out o;
	unsigned long x = 1;
	size_t i, n;
	char s[64];

	ck_assert_int_eq(mt_out_file(&o, path), 0);
	for (i = 0; i < 3 * 1024 * 1024 + 5; i++)
		mt_buf_addc(&chunk, (char)(next_random(&x) & 0xFF));
	i = 0;
	while (want.len < 5 * 1024 * 1024) {
		switch (next_random(&x) % 5) {
		case 0:
			mt_out_putc(&o, (char)i);
			mt_buf_addc(&want, (char)i);
			break;
		case 1:
			n = (size_t)snprintf(s, sizeof s, "line %zu\t", i);
			mt_out_puts(&o, s);
			mt_buf_add(&want, s, n);
			break;
		case 2:
			n = next_random(&x) % 200;
			mt_out_write(&o, chunk.buf + i % 1000, n);
			mt_buf_add(&want, chunk.buf + i % 1000, n);
			break;
		case 3:
			n = next_random(&x) % 140000;
			mt_out_write(&o, chunk.buf + i % 1000, n);
			mt_buf_add(&want, chunk.buf + i % 1000, n);
			break;
		default:
			if (i % 50 == 0) {
				n = 1024 * 1024 + i % 7;
				mt_out_write(&o, chunk.buf + i % 1000, n);
				mt_buf_add(&want, chunk.buf + i % 1000, n);
			}
			break;
		}
		i++;
	}
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	got = slurp(path);
	ck_assert_uint_eq(got.len, want.len);
	ck_assert(memcmp(got.buf, want.buf, want.len) == 0);
	mt_buf_free(&want);
	mt_buf_free(&got);
	mt_buf_free(&chunk);
	free(path);
	remove_dir(dir);
}
END_TEST

/* Output leaves in blocks: nothing before a block fills, then blocks. */
START_TEST(test_blocks)
{
	char *dir = make_dir(), *path = path_in(dir, "out");
	struct mt_out o;
	struct stat st;
	size_t i;

	ck_assert_int_eq(mt_out_file(&o, path), 0);
	for (i = 0; i < MT_OUT_BLOCK - 1; i++)
		mt_out_putc(&o, 'a');
	ck_assert_int_eq(fstat(o.fd, &st), 0);
	ck_assert_int_eq(st.st_size, 0);
	mt_out_putc(&o, 'b');
	mt_out_putc(&o, 'c');
	ck_assert_int_eq(fstat(o.fd, &st), 0);
	ck_assert_int_eq(st.st_size, MT_OUT_BLOCK);
	for (i = 0; i < 10 * MT_OUT_BLOCK; i++)
		mt_out_putc(&o, 'd');
	ck_assert_int_eq(fstat(o.fd, &st), 0);
	ck_assert_int_ge(st.st_size, 10 * MT_OUT_BLOCK);
	ck_assert_int_le(st.st_size, 11 * MT_OUT_BLOCK);
	ck_assert_int_eq(st.st_size % MT_OUT_BLOCK, 0);
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 11 * MT_OUT_BLOCK + 1);
	free(path);
	remove_dir(dir);
}
END_TEST

/* --- write errors -------------------------------------------------------- */

/* An mt_out on /dev/full in place of standard output. */
static void
open_full(struct mt_out *o)
{
	int fd = open("/dev/full", O_WRONLY);

	ck_assert_int_ge(fd, 0);
	mt_out_stdout(o);
	o->fd = fd;
}

START_TEST(test_dev_full_at_close)
{
	struct mt_out o;

	open_full(&o);
	mt_out_puts(&o, "short\n");
	ck_assert(!o.failed);
	ck_assert_int_eq(mt_out_close(&o, true), -1);
	ck_assert_str_eq(o.err, "No space left on device");
}
END_TEST

START_TEST(test_dev_full_on_the_way)
{
	struct mt_out o;
	size_t i;

	open_full(&o);
	for (i = 0; i < 3 * MT_OUT_BLOCK; i++)
		mt_out_putc(&o, 'x');
	ck_assert(o.failed);
	ck_assert_str_eq(o.err, "No space left on device");
	/* the buffer does not grow once writes fail */
	ck_assert_uint_le(o.len, MT_OUT_BLOCK + 1);
	ck_assert_int_eq(mt_out_flush(&o), -1);
	mt_out_write(&o, "more", 4);
	ck_assert_int_eq(mt_out_close(&o, false), -1);
	ck_assert_str_eq(o.err, "No space left on device");
}
END_TEST

START_TEST(test_dev_full_flush)
{
	struct mt_out o;

	open_full(&o);
	mt_out_write(&o, "abc", 3);
	ck_assert_int_eq(mt_out_flush(&o), -1);
	ck_assert_str_eq(o.err, "No space left on device");
	ck_assert_int_eq(mt_out_flush(&o), -1);
	ck_assert_int_eq(mt_out_close(&o, true), -1);
	ck_assert_str_eq(o.err, "No space left on device");
}
END_TEST

/* --- standard output ----------------------------------------------------- */

/* A pipe on standard output is enlarged to 1 MiB where allowed. */
START_TEST(test_stdout_pipe)
{
	struct mt_out o;
	int fds[2], probe[2], saved, allowed;
	char buf[16];

	ck_assert_int_eq(pipe(probe), 0);
	allowed = fcntl(probe[1], F_SETPIPE_SZ, 1024 * 1024) >= 1024 * 1024;
	close(probe[0]);
	close(probe[1]);

	ck_assert_int_eq(pipe(fds), 0);
	saved = dup(STDOUT_FILENO);
	ck_assert_int_ge(saved, 0);
	ck_assert_int_eq(dup2(fds[1], STDOUT_FILENO), STDOUT_FILENO);
	close(fds[1]);
	mt_out_stdout(&o);
	if (allowed)
		ck_assert_int_ge(fcntl(STDOUT_FILENO, F_GETPIPE_SZ),
		    1024 * 1024);
	mt_out_puts(&o, "records\n");
	ck_assert_int_eq(mt_out_close(&o, true), 0);
	ck_assert_int_eq(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	ck_assert_int_eq(read(fds[0], buf, sizeof buf), 8);
	ck_assert(memcmp(buf, "records\n", 8) == 0);
	ck_assert_int_eq(read(fds[0], buf, sizeof buf), 0);
	close(fds[0]);
}
END_TEST

static Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc;

	tc = tcase_create("file");
	tcase_add_test(tc, test_commit);
	tcase_add_test(tc, test_commit_mode);
	tcase_add_test(tc, test_no_commit);
	tcase_add_test(tc, test_existing_file);
	tcase_add_test(tc, test_file_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("data");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_big_mixed);
	tcase_add_test(tc, test_blocks);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_dev_full_at_close);
	tcase_add_test(tc, test_dev_full_on_the_way);
	tcase_add_test(tc, test_dev_full_flush);
	tcase_add_test(tc, test_stdout_pipe);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(out_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
