/* Helpers shared by the two example programs: the input image and writing
 * results. */
#ifndef DEPLOY_C_COMMON_H
#define DEPLOY_C_COMMON_H

#include <stddef.h>

/* Reads `count` floats from the raw file `path` (native byte order), or,
 * when path is NULL, fills a fixed test pattern. Returns 0 on success. */
int load_input(const char *path, float *data, size_t count);

/* Writes `bytes` bytes to DIR/NAME.bin (DIR NULL: nothing). Returns 0 on
 * success. */
int save_output(const char *dir, const char *name, const void *data,
                size_t bytes);

/* Prints `name [shape]: v0 v1 ...` and the index of the largest value. */
void print_scores(const char *name, const long long *shape, int rank,
                  const float *values, size_t count);

#endif
