/* Runs example_cnn.so linked directly into the program, through the header
 * that `onnx-compile --emit-header` wrote: no runtime library, no dlopen.
 *
 *   classify_direct [INPUT.bin|-] [OUTDIR]
 *
 * INPUT.bin holds the 1x3x32x32 input (raw native floats; "-" or none: a
 * test pattern). The outputs are printed, and written to OUTDIR/<name>.bin
 * when OUTDIR is given. */
#include "common.h"
#include "example_cnn.h"

#include <stdio.h>
#include <string.h>

static void print_output(const char *name, const int64_t *shape, int rank,
                         const float *values, size_t count) {
  long long dims[16];
  for (int i = 0; i < rank; ++i)
    dims[i] = shape[i];
  print_scores(name, dims, rank, values, count);
}

int main(int argc, char **argv) {
  const char *input_path = argc > 1 && strcmp(argv[1], "-") ? argv[1] : NULL;
  const char *out_dir = argc > 2 ? argv[2] : NULL;

  /* The input's shape is a constant of the header. */
  static float input[EXAMPLE_CNN_INPUT_COUNT];
  if (load_input(input_path, input, EXAMPLE_CNN_INPUT_COUNT))
    return 1;
  printf("model \"%s\" linked directly: input \"%s\" [%d,%d,%d,%d]\n",
         EXAMPLE_CNN_MODEL_NAME, EXAMPLE_CNN_INPUT_NAME, EXAMPLE_CNN_INPUT_DIM0,
         EXAMPLE_CNN_INPUT_DIM1, EXAMPLE_CNN_INPUT_DIM2,
         EXAMPLE_CNN_INPUT_DIM3);

  example_cnn_outputs out;
  int32_t rc = example_cnn_run(input, &out);
  if (rc != 0) {
    fprintf(stderr, "the model failed with code %d\n", (int)rc);
    return 1;
  }

  /* The outputs may have any strides: copy them out row-major. */
  static float probabilities[EXAMPLE_CNN_PROBABILITIES_COUNT];
  static float logits[EXAMPLE_CNN_LOGITS_COUNT];
  example_cnn_probabilities_copy(&out, probabilities);
  example_cnn_logits_copy(&out, logits);
  print_output(EXAMPLE_CNN_PROBABILITIES_NAME,
               example_cnn_probabilities_shape(&out),
               EXAMPLE_CNN_PROBABILITIES_RANK, probabilities,
               EXAMPLE_CNN_PROBABILITIES_COUNT);
  print_output(EXAMPLE_CNN_LOGITS_NAME, example_cnn_logits_shape(&out),
               EXAMPLE_CNN_LOGITS_RANK, logits, EXAMPLE_CNN_LOGITS_COUNT);
  example_cnn_free_outputs(&out);

  int err = save_output(out_dir, EXAMPLE_CNN_PROBABILITIES_NAME, probabilities,
                        sizeof(probabilities));
  err |= save_output(out_dir, EXAMPLE_CNN_LOGITS_NAME, logits, sizeof(logits));
  return err;
}
