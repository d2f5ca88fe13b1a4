/*===- onnxc/runtime.h - onnx-compile runtime C API ---------------*- C -*-===*
 *
 * The public C API of the onnx-compile runtime: load a compiled model
 * (`libmodel.so`), query its signature, create sessions and run them.
 *
 * Conventions
 *
 *  - Every function that can fail returns an `onnxc_status *`. NULL means
 *    success; a non-NULL status carries a code and a lowercase message and
 *    must be released with onnxc_status_free().
 *  - Handles (`onnxc_model`, `onnxc_session`, `onnxc_session_options`) are
 *    opaque. Releasing NULL is a no-op.
 *  - Strings and arrays returned by query functions are owned by the object
 *    they were queried from and stay valid until it is released.
 *  - No function aborts or exits on bad input: errors are reported through
 *    the status.
 *
 * Thread safety
 *
 *  - A loaded model is immutable: all query functions may be called from any
 *    number of threads at once.
 *  - onnxc_session_run() may be called on the same session from any number of
 *    threads at once, as long as each call has its own input and output
 *    tensor arrays (and distinct caller-owned output buffers).
 *  - A session keeps its model alive: onnxc_model_release() may be called
 *    before the sessions created from it are released. Releasing a handle
 *    while another thread still uses that same handle is not allowed.
 *
 * See docs/RuntimeAPI.md for the full description and docs/ABI.md for the
 * contract between the runtime and the compiled model.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ONNXC_RUNTIME_H
#define ONNXC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define ONNXC_API
#else
#define ONNXC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** The newest version of the compiled-model ABI this runtime loads
 *  (docs/ABI.md); it loads every version from 1 up to it. Version 2 adds
 *  sequence and optional inputs and outputs. */
#define ONNXC_ABI_VERSION 2

/** The largest tensor rank the runtime handles. */
#define ONNXC_MAX_RANK 16

/*===----------------------------------------------------------------------===*
 * Status
 *===----------------------------------------------------------------------===*/

typedef enum onnxc_error_code {
  ONNXC_OK = 0,
  /** A NULL handle or pointer, a wrong count, a bad option value. */
  ONNXC_INVALID_ARGUMENT = 1,
  /** The file cannot be opened or read. */
  ONNXC_IO_ERROR = 2,
  /** The file is not a valid compiled model (not ELF, truncated, no or bad
   *  signature, wrong ABI version, missing entry point). */
  ONNXC_INVALID_MODEL = 3,
  /** The requested device is unknown, not built in, or not the one the
   *  model was compiled for. */
  ONNXC_UNSUPPORTED_DEVICE = 4,
  /** A tensor's rank or dimensions do not match the signature. */
  ONNXC_SHAPE_MISMATCH = 5,
  /** A tensor's element type does not match the signature. */
  ONNXC_TYPE_MISMATCH = 6,
  /** The model needs CPU features this CPU does not have. */
  ONNXC_CPU_FEATURES_MISSING = 7,
  /** The model failed while running or returned an inconsistent result. */
  ONNXC_RUNTIME_ERROR = 8,
  /** A memory allocation failed. */
  ONNXC_OUT_OF_MEMORY = 9,
  /* Not values: they make the enum span every int32_t, so that any value a
   * C caller stores is a valid value of the type in C++ too. */
  ONNXC_ERROR_CODE_RANGE_MIN = -2147483647 - 1,
  ONNXC_ERROR_CODE_RANGE_MAX = 2147483647
} onnxc_error_code;

typedef struct onnxc_status onnxc_status;

/** The code of `status`; ONNXC_OK for NULL. */
ONNXC_API onnxc_error_code onnxc_status_code(const onnxc_status *status);

/** The message of `status` (lowercase, no trailing period); "" for NULL.
 *  Valid until the status is freed. */
ONNXC_API const char *onnxc_status_message(const onnxc_status *status);

/** Frees `status`. NULL is a no-op. */
ONNXC_API void onnxc_status_free(onnxc_status *status);

/** A short name of a status code: "ok", "invalid argument", "io error",
 *  "invalid model", "unsupported device", "shape mismatch", "type mismatch",
 *  "cpu features missing", "runtime error", "out of memory"; "unknown" for
 *  any other value. */
ONNXC_API const char *onnxc_error_code_name(onnxc_error_code code);

/*===----------------------------------------------------------------------===*
 * Versions
 *===----------------------------------------------------------------------===*/

/** The runtime's version, e.g. "0.1.0". */
ONNXC_API const char *onnxc_runtime_version(void);

/** The ABI version this runtime loads (ONNXC_ABI_VERSION it was built with). */
ONNXC_API int32_t onnxc_runtime_abi_version(void);

/*===----------------------------------------------------------------------===*
 * Element types: the ONNX TensorProto.DataType codes
 *===----------------------------------------------------------------------===*/

typedef enum onnxc_element_type {
  ONNXC_TYPE_UNDEFINED = 0,
  ONNXC_TYPE_FLOAT = 1,
  ONNXC_TYPE_UINT8 = 2,
  ONNXC_TYPE_INT8 = 3,
  ONNXC_TYPE_UINT16 = 4,
  ONNXC_TYPE_INT16 = 5,
  ONNXC_TYPE_INT32 = 6,
  ONNXC_TYPE_INT64 = 7,
  ONNXC_TYPE_BOOL = 9,
  ONNXC_TYPE_FLOAT16 = 10,
  ONNXC_TYPE_DOUBLE = 11,
  ONNXC_TYPE_UINT32 = 12,
  ONNXC_TYPE_UINT64 = 13,
  ONNXC_TYPE_BFLOAT16 = 16,
  /* Narrow types: one element per byte (see docs/ABI.md). */
  ONNXC_TYPE_FLOAT8E4M3FN = 17,
  ONNXC_TYPE_FLOAT8E4M3FNUZ = 18,
  ONNXC_TYPE_FLOAT8E5M2 = 19,
  ONNXC_TYPE_FLOAT8E5M2FNUZ = 20,
  ONNXC_TYPE_UINT4 = 21,
  ONNXC_TYPE_INT4 = 22,
  ONNXC_TYPE_FLOAT4E2M1 = 23,
  ONNXC_TYPE_FLOAT8E8M0 = 24,
  ONNXC_TYPE_UINT2 = 25,
  ONNXC_TYPE_INT2 = 26,
  /* Not values: they make the enum span every int32_t, so that any value a
   * C caller stores is a valid value of the type in C++ too. */
  ONNXC_TYPE_RANGE_MIN = -2147483647 - 1,
  ONNXC_TYPE_RANGE_MAX = 2147483647
} onnxc_element_type;

/** The signature name of `type` ("f32", "i64", "bool", ...); NULL for a
 *  value that is not a supported element type. */
ONNXC_API const char *onnxc_element_type_name(onnxc_element_type type);

/** Parses an element type name: a signature name ("f32", "bf16", "bool"),
 *  or an ONNX TensorProto name in any case ("FLOAT", "float16", "int64").
 *  Returns ONNXC_TYPE_UNDEFINED for NULL or an unknown name. */
ONNXC_API onnxc_element_type onnxc_element_type_from_name(const char *name);

/** The size of one element in bytes (bool: 1, f16/bf16: 2); 0 for a value
 *  that is not a supported element type. */
ONNXC_API size_t onnxc_element_type_size(onnxc_element_type type);

/*===----------------------------------------------------------------------===*
 * Devices
 *===----------------------------------------------------------------------===*/

typedef enum onnxc_device {
  ONNXC_DEVICE_CPU = 0,
  ONNXC_DEVICE_CUDA = 1,
  ONNXC_DEVICE_SYSTOLIC = 2,
  /* Not values: they make the enum span every int32_t, so that any value a
   * C caller stores is a valid value of the type in C++ too. */
  ONNXC_DEVICE_RANGE_MIN = -2147483647 - 1,
  ONNXC_DEVICE_RANGE_MAX = 2147483647
} onnxc_device;

/** "cpu", "cuda", "systolic"; NULL for any other value. */
ONNXC_API const char *onnxc_device_name(onnxc_device device);

/** Parses "cpu", "cuda" or "systolic" into `*device`. */
ONNXC_API onnxc_status *onnxc_device_from_name(const char *name,
                                               onnxc_device *device);

/** Whether this runtime build can run sessions on `device` (the device code
 *  is built in; this does not probe for hardware). */
ONNXC_API int onnxc_device_is_supported(onnxc_device device);

/*===----------------------------------------------------------------------===*
 * CPU features
 *===----------------------------------------------------------------------===*/

/** Whether this CPU (and OS) supports the LLVM x86 target feature `name`
 *  ("avx2", "avx512f", "fma", with or without a leading '+'): 1 if it does,
 *  0 if it does not, -1 if the runtime does not know the feature (unknown
 *  features in a signature are not checked). */
ONNXC_API int onnxc_cpu_has_feature(const char *name);

/*===----------------------------------------------------------------------===*
 * Models
 *===----------------------------------------------------------------------===*/

typedef struct onnxc_model onnxc_model;

/** Checks `path` as onnx-compile model without loading it: ELF64
 *  little-endian x86-64 shared object, all section headers and loadable
 *  segments inside the file, a parseable `.onnxc_sig` section of the right
 *  ABI version, and the CPU features it names present on this CPU. Runs no
 *  code from the file. */
ONNXC_API onnxc_status *onnxc_model_validate(const char *path);

/** Validates `path` like onnxc_model_validate(), then loads it with
 *  dlopen(RTLD_NOW | RTLD_LOCAL) and resolves its entry point. On success
 *  `*model` is a new handle to release with onnxc_model_release(); on error
 *  `*model` is set to NULL. */
ONNXC_API onnxc_status *onnxc_model_load(const char *path, onnxc_model **model);

/** Releases the caller's reference. The shared object is unloaded when the
 *  last session created from the model is released too. NULL is a no-op. */
ONNXC_API void onnxc_model_release(onnxc_model *model);

/** The number of inputs (the graph inputs without an initializer) and
 *  outputs; 0 for NULL. */
ONNXC_API size_t onnxc_model_input_count(const onnxc_model *model);
ONNXC_API size_t onnxc_model_output_count(const onnxc_model *model);

/** The declared type of one input or output. */
typedef struct onnxc_value_info {
  /** The ONNX name, decoded; owned by the model. */
  const char *name;
  onnxc_element_type dtype;
  int32_t rank;
  /** `rank` dims; -1 for a dimension only known at run time. Owned by the
   *  model (may be NULL when rank is 0). */
  const int64_t *shape;
} onnxc_value_info;

/** What kind of value an input or output is. For a sequence or an optional,
 *  onnxc_value_info describes the tensors it holds (rank -1: any rank). */
typedef enum onnxc_value_kind {
  ONNXC_VALUE_TENSOR = 0,
  ONNXC_VALUE_SEQUENCE = 1,
  ONNXC_VALUE_OPTIONAL_TENSOR = 2,
  ONNXC_VALUE_OPTIONAL_SEQUENCE = 3,
  /* Not values: they make the enum span every int32_t. */
  ONNXC_VALUE_KIND_RANGE_MIN = -2147483647 - 1,
  ONNXC_VALUE_KIND_RANGE_MAX = 2147483647
} onnxc_value_kind;

ONNXC_API onnxc_status *onnxc_model_input_kind(const onnxc_model *model,
                                               size_t index,
                                               onnxc_value_kind *kind);
ONNXC_API onnxc_status *onnxc_model_output_kind(const onnxc_model *model,
                                                size_t index,
                                                onnxc_value_kind *kind);

ONNXC_API onnxc_status *onnxc_model_input_info(const onnxc_model *model,
                                               size_t index,
                                               onnxc_value_info *info);
ONNXC_API onnxc_status *onnxc_model_output_info(const onnxc_model *model,
                                                size_t index,
                                                onnxc_value_info *info);

/** The index of the input or output called `name`. */
ONNXC_API onnxc_status *onnxc_model_input_index(const onnxc_model *model,
                                                const char *name,
                                                size_t *index);
ONNXC_API onnxc_status *onnxc_model_output_index(const onnxc_model *model,
                                                 const char *name,
                                                 size_t *index);

/** A signature record by key: "target", "compiler", "cpu", "features",
 *  "model", "producer", "opset", "triple", "entry", "abi", or any other key
 *  the signature holds. Names ("model", "producer") are decoded. Several
 *  records of one key ("opset") are joined with ", ". NULL when the model has
 *  no such record. Owned by the model. */
ONNXC_API const char *onnxc_model_metadata(const onnxc_model *model,
                                           const char *key);

/** The device the model was compiled for (the signature's `target`). */
ONNXC_API onnxc_device onnxc_model_target(const onnxc_model *model);

/** The path the model was loaded from. */
ONNXC_API const char *onnxc_model_path(const onnxc_model *model);

/*===----------------------------------------------------------------------===*
 * Tensors
 *===----------------------------------------------------------------------===*/

/** Where a tensor's data lives. */
typedef enum onnxc_memory {
  ONNXC_MEMORY_HOST = 0,
  ONNXC_MEMORY_DEVICE = 1,
  /* Not values: they make the enum span every int32_t, so that any value a
   * C caller stores is a valid value of the type in C++ too. */
  ONNXC_MEMORY_RANGE_MIN = -2147483647 - 1,
  ONNXC_MEMORY_RANGE_MAX = 2147483647
} onnxc_memory;

/** Set in onnxc_tensor.flags when the runtime allocated `data`; release it
 *  with onnxc_tensor_release(). */
#define ONNXC_TENSOR_OWNED_BY_RUNTIME 1u
/** Set in onnxc_tensor.flags when the value is a sequence: `data` is an
 *  `onnxc_sequence *` (dtype its element type, rank 0, byte_size 0). */
#define ONNXC_TENSOR_SEQUENCE 2u
/** Set in onnxc_tensor.flags for an optional without a value (data NULL). */
#define ONNXC_TENSOR_NONE 4u

/** A dense, row-major (C-order) tensor. Zero-initialize it before use. */
typedef struct onnxc_tensor {
  /** Element 0. May be NULL for a tensor with no elements. For an output,
   *  NULL asks the runtime to allocate the buffer. */
  void *data;
  /** The capacity of `data` in bytes. */
  size_t byte_size;
  onnxc_element_type dtype;
  int32_t rank;
  int64_t shape[ONNXC_MAX_RANK];
  /** Host memory, or device memory of `device_id`. */
  onnxc_memory memory;
  int32_t device_id;
  /** ONNXC_TENSOR_OWNED_BY_RUNTIME or 0. */
  uint32_t flags;
  /** Private to the runtime. */
  void *reserved;
} onnxc_tensor;

/** The number of elements of `tensor`'s shape, or 0 when the shape is
 *  invalid (negative rank or dims, rank over ONNXC_MAX_RANK, overflow). */
ONNXC_API size_t onnxc_tensor_element_count(const onnxc_tensor *tensor);

/** Frees a buffer (or sequence) that the runtime allocated for an output and
 *  resets data, byte_size, flags. Does nothing for a caller-owned buffer or
 *  NULL. */
ONNXC_API void onnxc_tensor_release(onnxc_tensor *tensor);

/*===----------------------------------------------------------------------===*
 * Sequences
 *===----------------------------------------------------------------------===*/

/** A sequence of tensors of one element type. It owns copies of its
 *  tensors. Pass it as an input in an onnxc_tensor slot with data = the
 *  sequence and flags = ONNXC_TENSOR_SEQUENCE; a sequence output comes back
 *  the same way, with ONNXC_TENSOR_OWNED_BY_RUNTIME (onnxc_tensor_release
 *  frees it). */
typedef struct onnxc_sequence onnxc_sequence;

/** A new, empty sequence of `dtype` tensors. On error `*sequence` is NULL. */
ONNXC_API onnxc_status *onnxc_sequence_create(onnxc_element_type dtype,
                                              onnxc_sequence **sequence);

/** Appends a copy of the host tensor `tensor` (its dtype must be the
 *  sequence's; data may be NULL only when it has no elements). */
ONNXC_API onnxc_status *onnxc_sequence_append(onnxc_sequence *sequence,
                                              const onnxc_tensor *tensor);

/** The number of tensors; 0 for NULL. */
ONNXC_API size_t onnxc_sequence_length(const onnxc_sequence *sequence);

/** The element type; ONNXC_TYPE_UNDEFINED for NULL. */
ONNXC_API onnxc_element_type
onnxc_sequence_element_type(const onnxc_sequence *sequence);

/** Tensor `index` as a view: data points into the sequence (valid until it
 *  is released), flags 0. */
ONNXC_API onnxc_status *onnxc_sequence_at(const onnxc_sequence *sequence,
                                          size_t index, onnxc_tensor *tensor);

/** Frees the sequence and its tensors. NULL is a no-op. */
ONNXC_API void onnxc_sequence_release(onnxc_sequence *sequence);

/*===----------------------------------------------------------------------===*
 * Sessions
 *===----------------------------------------------------------------------===*/

typedef struct onnxc_session_options onnxc_session_options;
typedef struct onnxc_session onnxc_session;

/** Options with defaults: 0 threads (one per available CPU), device 0. */
ONNXC_API onnxc_status *
onnxc_session_options_create(onnxc_session_options **options);
ONNXC_API void onnxc_session_options_release(onnxc_session_options *options);

/** The number of worker threads of the session's thread pool; 0 means one
 *  per available CPU. Negative values are refused. */
ONNXC_API onnxc_status *
onnxc_session_options_set_thread_count(onnxc_session_options *options,
                                       int32_t threads);

/** The ordinal of the device (GPU) to run on; ignored for the cpu. */
ONNXC_API onnxc_status *
onnxc_session_options_set_device_id(onnxc_session_options *options,
                                    int32_t device_id);

/** Creates a session that runs `model` on `device`. The device must be the
 *  one the model was compiled for. `options` may be NULL (defaults) and is
 *  copied: it can be released right after. On error `*session` is NULL. */
ONNXC_API onnxc_status *
onnxc_session_create(onnxc_model *model, onnxc_device device,
                     const onnxc_session_options *options,
                     onnxc_session **session);

ONNXC_API void onnxc_session_release(onnxc_session *session);

/** The session's effective thread count (the option, or the number of
 *  available CPUs when the option was 0); 0 for NULL. */
ONNXC_API int32_t onnxc_session_thread_count(const onnxc_session *session);

ONNXC_API onnxc_device onnxc_session_device(const onnxc_session *session);

/** Runs the model once.
 *
 *  `inputs` holds one tensor per model input, in signature order, each with
 *  the declared element type and rank, the declared static dims, and at
 *  least the bytes its shape needs.
 *
 *  `outputs` holds one tensor per model output, in signature order:
 *   - data != NULL: a caller-owned buffer of `byte_size` bytes. The result
 *     must fit, or the run fails with ONNXC_INVALID_ARGUMENT (checked before
 *     running when the output shape is static).
 *   - data == NULL: the runtime allocates the buffer, sets
 *     ONNXC_TENSOR_OWNED_BY_RUNTIME and the caller frees it with
 *     onnxc_tensor_release(). A result with no elements gets data NULL.
 *  For both, the runtime writes dtype, rank, shape (and byte_size for
 *  runtime-allocated buffers). A dtype other than ONNXC_TYPE_UNDEFINED set by
 *  the caller must match the signature.
 *
 *  On error no runtime-allocated buffer is left in `outputs`; caller-owned
 *  buffers may have been written. */
ONNXC_API onnxc_status *
onnxc_session_run(onnxc_session *session, const onnxc_tensor *inputs,
                  size_t n_inputs, onnxc_tensor *outputs, size_t n_outputs);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ONNXC_RUNTIME_H */
