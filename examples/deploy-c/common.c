#include "common.h"

#include <stdio.h>
#include <string.h>

int load_input(const char *path, float *data, size_t count) {
  if (!path) {
    for (size_t i = 0; i < count; ++i)
      data[i] = (float)((i * 37) % 101) / 50.0f - 1.0f;
    return 0;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    return 1;
  }
  size_t n = fread(data, sizeof(float), count, f);
  fclose(f);
  if (n != count) {
    fprintf(stderr, "%s: expected %zu floats, read %zu\n", path, count, n);
    return 1;
  }
  return 0;
}

int save_output(const char *dir, const char *name, const void *data,
                size_t bytes) {
  if (!dir)
    return 0;
  char path[4096];
  snprintf(path, sizeof(path), "%s/%s.bin", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, bytes, f) != bytes) {
    fprintf(stderr, "cannot write %s\n", path);
    if (f)
      fclose(f);
    return 1;
  }
  return fclose(f) == 0 ? 0 : 1;
}

void print_scores(const char *name, const long long *shape, int rank,
                  const float *values, size_t count) {
  size_t best = 0;
  printf("%s [", name);
  for (int i = 0; i < rank; ++i)
    printf("%s%lld", i ? "," : "", shape[i]);
  printf("]:");
  for (size_t i = 0; i < count; ++i) {
    printf(" %.5f", values[i]);
    if (values[i] > values[best])
      best = i;
  }
  printf("\n  largest: index %zu\n", best);
}
