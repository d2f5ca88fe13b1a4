/* Runs a compiled model through the runtime library (find_package
 * (OnnxcRuntime)): loads it at run time, checks its signature, runs it.
 *
 *   classify_runtime MODEL.so [INPUT.bin|-] [OUTDIR]
 *
 * The model must have one f32 input with a static shape; INPUT.bin holds its
 * values (raw native floats; "-" or none: a test pattern). Every f32 output
 * is printed, and written to OUTDIR/<name>.bin when OUTDIR is given. */
#include "common.h"

#include <onnxc/runtime.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(onnxc_status *status) {
  fprintf(stderr, "error (%s): %s\n",
          onnxc_error_code_name(onnxc_status_code(status)),
          onnxc_status_message(status));
  onnxc_status_free(status);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: %s MODEL.so [INPUT.bin|-] [OUTDIR]\n", argv[0]);
    return 2;
  }
  const char *input_path = argc > 2 && strcmp(argv[2], "-") ? argv[2] : NULL;
  const char *out_dir = argc > 3 ? argv[3] : NULL;

  onnxc_model *model = NULL;
  onnxc_status *status = onnxc_model_load(argv[1], &model);
  if (status)
    return fail(status);
  printf("runtime %s, model \"%s\" compiled by onnx-compile %s for %s\n",
         onnxc_runtime_version(), onnxc_model_metadata(model, "model"),
         onnxc_model_metadata(model, "compiler"),
         onnxc_model_metadata(model, "cpu"));

  onnxc_value_info in_info;
  if ((status = onnxc_model_input_info(model, 0, &in_info)))
    return fail(status);
  if (onnxc_model_input_count(model) != 1 ||
      in_info.dtype != ONNXC_TYPE_FLOAT) {
    fprintf(stderr, "this example runs models with one f32 input\n");
    return 1;
  }
  onnxc_tensor input = {0};
  input.dtype = ONNXC_TYPE_FLOAT;
  input.rank = in_info.rank;
  size_t count = 1;
  for (int i = 0; i < in_info.rank; ++i) {
    if (in_info.shape[i] < 0) {
      fprintf(stderr, "input \"%s\" has a dynamic dim\n", in_info.name);
      return 1;
    }
    input.shape[i] = in_info.shape[i];
    count *= (size_t)in_info.shape[i];
  }
  float *image = malloc(count * sizeof(float));
  if (!image || load_input(input_path, image, count))
    return 1;
  input.data = image;
  input.byte_size = count * sizeof(float);

  onnxc_session *session = NULL;
  if ((status = onnxc_session_create(model, onnxc_model_target(model), NULL,
                                     &session)))
    return fail(status);

  size_t n_out = onnxc_model_output_count(model);
  onnxc_tensor *outputs = calloc(n_out, sizeof(onnxc_tensor));
  /* data == NULL: the runtime allocates each output. */
  if ((status = onnxc_session_run(session, &input, 1, outputs, n_out)))
    return fail(status);

  int rc = 0;
  for (size_t i = 0; i < n_out; ++i) {
    onnxc_value_info info;
    onnxc_model_output_info(model, i, &info);
    if (outputs[i].dtype == ONNXC_TYPE_FLOAT) {
      long long shape[ONNXC_MAX_RANK];
      for (int d = 0; d < outputs[i].rank; ++d)
        shape[d] = outputs[i].shape[d];
      size_t n = onnxc_tensor_element_count(&outputs[i]);
      print_scores(info.name, shape, outputs[i].rank, outputs[i].data, n);
      rc |= save_output(out_dir, info.name, outputs[i].data,
                        n * sizeof(float));
    }
    onnxc_tensor_release(&outputs[i]);
  }
  free(outputs);
  free(image);
  onnxc_session_release(session);
  onnxc_model_release(model);
  return rc;
}
