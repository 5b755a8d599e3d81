/*
 * mt_progress: --progress of manifest-parse and manifest-select: bytes
 * read of the inputs' total size, records, rate and time left, on
 * standard error. On a terminal the line is redrawn in place four times a
 * second; elsewhere (a log file, when forced) a full line is written
 * every ten seconds. A last line is written when the run ends.
 */
#ifndef MT_PROGRESS_H
#define MT_PROGRESS_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

struct mt_progress {
	bool on;
	bool tty;			/* redraw in place */
	off_t total;			/* all inputs' size; -1: unknown */
	off_t before;			/* bytes of the inputs done */
	off_t offset;			/* in the current input */
	unsigned long long records;
	unsigned long long ticks;	/* calls since the clock was read */
	double start, last;		/* seconds */
	bool shown;			/* a line is on the terminal */
};

/* Whether --progress is on: auto only on a terminal, always, never. */
enum mt_progress_mode { MT_PROGRESS_OFF, MT_PROGRESS_AUTO,
	MT_PROGRESS_ALWAYS };

/* The value of --progress[=WHEN] (NULL: none given); -1 if unknown. */
int mt_progress_mode(const char *when);
/*
 * Start: the sizes of the paths (regular files; - or anything else makes
 * the total unknown: no percentage, no time left).
 */
void mt_progress_init(struct mt_progress *p, enum mt_progress_mode mode,
    char *const *paths, int npaths);
/* An input is done: its bytes count in full. */
void mt_progress_next_file(struct mt_progress *p, off_t size);
/* Where the reading is; cheap enough to call for every record. */
void mt_progress_update(struct mt_progress *p, off_t offset,
    unsigned long long records);
/* The last line. */
void mt_progress_end(struct mt_progress *p);

#endif
