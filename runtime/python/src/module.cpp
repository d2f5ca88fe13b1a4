//===- module.cpp - the onnxc._onnxc Python extension ---------------------===//
//
// A thin pybind11 layer over the runtime's C API (onnxc/runtime.h):
//
//   Model    onnxc_model + a session created on first use; signature queries
//   Session  onnxc_session with its own thread count
//   TensorInfo  name, numpy dtype, shape (None for a dynamic dim)
//
// Inputs that are C-contiguous numpy arrays of the declared dtype are passed
// to the model without a copy; outputs are allocated by the runtime and
// wrapped without a copy (a capsule calls onnxc_tensor_release). Errors
// become the exceptions of onnxc/_errors.py, chosen by the status code.
// The GIL is released while the model runs.
//
// Debian's pybind11 (2.10) reads numpy's dtype struct directly for
// itemsize() and nbytes(), whose layout changed in numpy 2: this file asks
// Python for item sizes instead, and always passes explicit strides.
//
//===----------------------------------------------------------------------===//

#include "onnxc/runtime.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

/// Raises the onnxc.Error subclass of `code` with `message`.
[[noreturn]] void raiseError(int code, const std::string &message) {
  py::object cls =
      py::module_::import("onnxc._errors").attr("_class_for_code")(code);
  PyErr_SetString(cls.ptr(), message.c_str());
  throw py::error_already_set();
}

/// Raises for a non-NULL status (and frees it).
void check(onnxc_status *status) {
  if (!status)
    return;
  int code = onnxc_status_code(status);
  std::string message = onnxc_status_message(status);
  onnxc_status_free(status);
  raiseError(code, message);
}

/// The numpy dtype of an element type. bf16 is ml_dtypes.bfloat16 when that
/// package is installed (onnx depends on it), else raw uint16 bits.
py::dtype numpyDtype(onnxc_element_type type) {
  switch (type) {
  case ONNXC_TYPE_FLOAT:
    return py::dtype("float32");
  case ONNXC_TYPE_DOUBLE:
    return py::dtype("float64");
  case ONNXC_TYPE_FLOAT16:
    return py::dtype("float16");
  case ONNXC_TYPE_BFLOAT16:
    try {
      return py::dtype::from_args(
          py::module_::import("ml_dtypes").attr("bfloat16"));
    } catch (py::error_already_set &) {
      return py::dtype("uint16");
    }
  case ONNXC_TYPE_INT8:
    return py::dtype("int8");
  case ONNXC_TYPE_INT16:
    return py::dtype("int16");
  case ONNXC_TYPE_INT32:
    return py::dtype("int32");
  case ONNXC_TYPE_INT64:
    return py::dtype("int64");
  case ONNXC_TYPE_UINT8:
    return py::dtype("uint8");
  case ONNXC_TYPE_UINT16:
    return py::dtype("uint16");
  case ONNXC_TYPE_UINT32:
    return py::dtype("uint32");
  case ONNXC_TYPE_UINT64:
    return py::dtype("uint64");
  case ONNXC_TYPE_BOOL:
    return py::dtype("bool");
  default:
    break;
  }
  // The narrow types, one byte per element (docs/ABI.md): the float8
  // formats as ml_dtypes' types when it is installed; 4- and 2-bit values as
  // their raw bytes (uint8, the value in the low bits, high bits zero).
  const char *name = onnxc_element_type_name(type);
  std::string n = name ? name : "";
  static const std::pair<const char *, const char *> kFloat8[] = {
      {"f8e4m3fn", "float8_e4m3fn"},
      {"f8e4m3fnuz", "float8_e4m3fnuz"},
      {"f8e5m2", "float8_e5m2"},
      {"f8e5m2fnuz", "float8_e5m2fnuz"},
      {"f8e8m0", "float8_e8m0fnu"}};
  for (auto [sig, ml] : kFloat8)
    if (n == sig) {
      try {
        return py::dtype::from_args(py::module_::import("ml_dtypes").attr(ml));
      } catch (py::error_already_set &) {
        return py::dtype("uint8");
      }
    }
  if (n == "i4" || n == "u4" || n == "i2" || n == "u2" || n == "f4e2m1")
    return py::dtype("uint8");
  raiseError(ONNXC_INVALID_MODEL, "element type " +
                                      (n.empty() ? std::to_string(type) : n) +
                                      " has no numpy dtype");
}

/// numpy's dtype.itemsize, asked through Python (see the file comment).
py::ssize_t itemSize(const py::dtype &dtype) {
  return dtype.attr("itemsize").cast<py::ssize_t>();
}

/// A new array of `dtype` and `shape` over `data` (nullptr: allocated and
/// owned by numpy), row-major.
py::array makeArray(const py::dtype &dtype,
                    const std::vector<py::ssize_t> &shape, void *data,
                    py::handle base) {
  std::vector<py::ssize_t> strides(shape.size());
  py::ssize_t stride = itemSize(dtype);
  for (size_t i = shape.size(); i-- > 0;) {
    strides[i] = stride;
    stride *= std::max<py::ssize_t>(shape[i], 1);
  }
  if (!data)
    return py::array(dtype, shape, strides);
  return py::array(dtype, shape, strides, data, base);
}

const char *typeName(onnxc_element_type type) {
  const char *name = onnxc_element_type_name(type);
  return name ? name : "?";
}

std::string shapeText(const int64_t *shape, int64_t rank) {
  std::string out = "[";
  for (int64_t i = 0; i < rank; ++i)
    out += (i ? "," : "") +
           (shape[i] < 0 ? std::string("?") : std::to_string(shape[i]));
  return out + "]";
}

/// The declared type of one input or output.
struct TensorInfo {
  std::string name;
  onnxc_element_type type = ONNXC_TYPE_UNDEFINED;
  std::vector<int64_t> shape; // -1 for a dynamic dim
  /// A sequence or optional: the type and shape are those of its tensors.
  onnxc_value_kind kind = ONNXC_VALUE_TENSOR;
  bool rankKnown = true;

  bool isSequence() const {
    return kind == ONNXC_VALUE_SEQUENCE ||
           kind == ONNXC_VALUE_OPTIONAL_SEQUENCE;
  }
  bool isOptional() const {
    return kind == ONNXC_VALUE_OPTIONAL_TENSOR ||
           kind == ONNXC_VALUE_OPTIONAL_SEQUENCE;
  }
  std::string kindName() const {
    switch (kind) {
    case ONNXC_VALUE_SEQUENCE:
      return "sequence";
    case ONNXC_VALUE_OPTIONAL_TENSOR:
      return "optional";
    case ONNXC_VALUE_OPTIONAL_SEQUENCE:
      return "optional sequence";
    default:
      return "tensor";
    }
  }

  py::dtype dtype() const { return numpyDtype(type); }
  py::object pyShape() const {
    if (!rankKnown)
      return py::none();
    py::tuple t(shape.size());
    for (size_t i = 0; i < shape.size(); ++i)
      t[i] = shape[i] < 0 ? py::object(py::none()) : py::int_(shape[i]);
    return t;
  }
  std::string repr() const {
    return "TensorInfo(name=" + std::string(py::repr(py::str(name))) +
           ", dtype=" + typeName(type) + ", shape=" +
           (rankKnown ? shapeText(shape.data(), shape.size()) : "[*]") +
           (kind == ONNXC_VALUE_TENSOR ? "" : ", kind=" + kindName()) + ")";
  }
};

/// Owns a loaded model.
struct ModelHandle {
  onnxc_model *model = nullptr;
  std::vector<TensorInfo> inputs, outputs;
  std::string name;
  ~ModelHandle() { onnxc_model_release(model); }
};

std::string modelLabel(const ModelHandle &m) {
  return "model \"" + m.name + "\"";
}

/// Owns a session of a model.
class Session {
public:
  Session(std::shared_ptr<ModelHandle> model, int32_t threads)
      : model(std::move(model)) {
    if (threads < 0)
      raiseError(ONNXC_INVALID_ARGUMENT,
                 "threads must be >= 0 (0: one per cpu), got " +
                     std::to_string(threads));
    onnxc_session_options *options = nullptr;
    check(onnxc_session_options_create(&options));
    onnxc_status *status =
        onnxc_session_options_set_thread_count(options, threads);
    if (!status)
      status = onnxc_session_create(this->model->model,
                                    onnxc_model_target(this->model->model),
                                    options, &session);
    onnxc_session_options_release(options);
    check(status);
  }
  ~Session() { onnxc_session_release(session); }
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  int32_t threads() const { return onnxc_session_thread_count(session); }
  py::dict run(py::object feeds);

  std::shared_ptr<ModelHandle> model;

private:
  onnxc_session *session = nullptr;
};

/// Turns one feed into the contiguous array the model reads.
py::array prepareInput(const ModelHandle &m, const TensorInfo &info,
                       py::handle value) {
  py::dtype want = info.dtype();
  py::array array;
  if (py::isinstance<py::array>(value)) {
    array = py::reinterpret_borrow<py::array>(value);
    if (!array.dtype().equal(want)) {
      std::string got = py::str(array.dtype());
      raiseError(ONNXC_TYPE_MISMATCH, modelLabel(m) + ": input \"" + info.name +
                                          "\": expected element type " +
                                          typeName(info.type) + " (numpy " +
                                          std::string(py::str(want)) +
                                          "), got numpy " + got);
    }
  } else {
    // Lists, scalars, other buffers: converted to the declared dtype.
    try {
      array = py::module_::import("numpy").attr("asarray")(
          value, py::arg("dtype") = want);
    } catch (py::error_already_set &e) {
      raiseError(ONNXC_INVALID_ARGUMENT,
                 modelLabel(m) + ": input \"" + info.name +
                     "\": cannot convert a " +
                     std::string(py::str(value.get_type().attr("__name__"))) +
                     " to a numpy array of " + std::string(py::str(want)) +
                     ": " + e.what());
    }
  }
  if (array.ndim() > ONNXC_MAX_RANK)
    raiseError(ONNXC_SHAPE_MISMATCH,
               modelLabel(m) + ": input \"" + info.name + "\": rank " +
                   std::to_string(array.ndim()) + " exceeds " +
                   std::to_string(ONNXC_MAX_RANK));
  // Zero-copy when already C-contiguous; a copy otherwise.
  if (!(array.flags() & py::array::c_style))
    array = py::module_::import("numpy").attr("ascontiguousarray")(array);
  return array;
}

py::dict Session::run(py::object feeds) {
  const ModelHandle &m = *model;
  size_t nIn = m.inputs.size(), nOut = m.outputs.size();
  std::vector<py::object> values(nIn);

  // Feeds by name (a mapping) or in input order (a sequence).
  if (py::isinstance<py::dict>(feeds) || py::hasattr(feeds, "keys")) {
    for (py::handle key : feeds.attr("keys")()) {
      if (!py::isinstance<py::str>(key))
        raiseError(ONNXC_INVALID_ARGUMENT,
                   modelLabel(m) + ": input names must be str, got " +
                       std::string(py::repr(key)));
      std::string name = key.cast<std::string>();
      size_t i = 0;
      while (i < nIn && m.inputs[i].name != name)
        ++i;
      if (i == nIn) {
        std::string known;
        for (const TensorInfo &info : m.inputs)
          known += (known.empty() ? "\"" : ", \"") + info.name + "\"";
        raiseError(ONNXC_INVALID_ARGUMENT,
                   modelLabel(m) + ": unknown input \"" + name +
                       "\" (inputs: " + (known.empty() ? "none" : known) + ")");
      }
      values[i] = feeds[key];
    }
  } else if (py::isinstance<py::sequence>(feeds) &&
             !py::isinstance<py::str>(feeds) &&
             !py::isinstance<py::array>(feeds)) {
    py::sequence seq = feeds;
    if (seq.size() != nIn)
      raiseError(ONNXC_INVALID_ARGUMENT,
                 modelLabel(m) + ": expected " + std::to_string(nIn) +
                     " inputs, got " + std::to_string(seq.size()));
    for (size_t i = 0; i < nIn; ++i)
      values[i] = seq[i];
  } else if (nIn == 1) {
    values[0] = feeds;
  } else {
    raiseError(ONNXC_INVALID_ARGUMENT,
               modelLabel(m) + ": pass the inputs as a dict {name: array} or "
                               "a list in input order");
  }
  for (size_t i = 0; i < nIn; ++i)
    if (!values[i] || (values[i].is_none() && !m.inputs[i].isOptional()))
      raiseError(ONNXC_INVALID_ARGUMENT, modelLabel(m) + ": missing input \"" +
                                             m.inputs[i].name + "\"");

  std::vector<py::array> arrays;
  arrays.reserve(nIn);
  std::vector<onnxc_tensor> in(nIn), out(nOut);
  // Sequence inputs: lists of arrays, copied into onnxc_sequence objects.
  std::vector<std::unique_ptr<onnxc_sequence, void (*)(onnxc_sequence *)>>
      sequences;
  for (size_t i = 0; i < nIn; ++i) {
    const TensorInfo &info = m.inputs[i];
    if (values[i].is_none()) {
      in[i] = onnxc_tensor{};
      in[i].flags = ONNXC_TENSOR_NONE;
      continue;
    }
    if (info.isSequence()) {
      if (!py::isinstance<py::sequence>(values[i]) ||
          py::isinstance<py::str>(values[i]) ||
          py::isinstance<py::array>(values[i]))
        raiseError(ONNXC_INVALID_ARGUMENT,
                   modelLabel(m) + ": input \"" + info.name +
                       "\": expected a list of arrays (a sequence)");
      onnxc_sequence *seq = nullptr;
      check(onnxc_sequence_create(info.type, &seq));
      sequences.emplace_back(seq, onnxc_sequence_release);
      TensorInfo element = info;
      element.kind = ONNXC_VALUE_TENSOR;
      for (py::handle item : py::reinterpret_borrow<py::sequence>(values[i])) {
        py::array a = prepareInput(m, element, item);
        onnxc_tensor t{};
        t.data = a.size() ? const_cast<void *>(a.data()) : nullptr;
        t.byte_size = static_cast<size_t>(a.size() * itemSize(a.dtype()));
        t.dtype = info.type;
        t.rank = static_cast<int32_t>(a.ndim());
        for (py::ssize_t d = 0; d < a.ndim(); ++d)
          t.shape[d] = a.shape(d);
        check(onnxc_sequence_append(seq, &t));
      }
      in[i] = onnxc_tensor{};
      in[i].data = seq;
      in[i].dtype = info.type;
      in[i].flags = ONNXC_TENSOR_SEQUENCE;
      continue;
    }
    arrays.push_back(prepareInput(m, m.inputs[i], values[i]));
    py::array &a = arrays.back();
    onnxc_tensor &t = in[i];
    t = onnxc_tensor{};
    t.data = a.size() ? const_cast<void *>(a.data()) : nullptr;
    t.byte_size = static_cast<size_t>(a.size() * itemSize(a.dtype()));
    t.dtype = m.inputs[i].type;
    t.rank = static_cast<int32_t>(a.ndim());
    for (py::ssize_t d = 0; d < a.ndim(); ++d)
      t.shape[d] = a.shape(d);
  }
  for (onnxc_tensor &t : out)
    t = onnxc_tensor{};

  onnxc_status *status;
  {
    py::gil_scoped_release release;
    status = onnxc_session_run(session, in.data(), nIn, out.data(), nOut);
  }
  check(status);

  // Hand each runtime buffer to numpy; the capsule releases it.
  py::dict result;
  for (size_t i = 0; i < nOut; ++i) {
    onnxc_tensor &t = out[i];
    if (t.flags & ONNXC_TENSOR_NONE) {
      result[py::str(m.outputs[i].name)] = py::none();
      continue;
    }
    if (t.flags & ONNXC_TENSOR_SEQUENCE) {
      // A list of arrays, copied out of the sequence, which is released.
      std::unique_ptr<onnxc_tensor, void (*)(onnxc_tensor *)> owned(
          &t, onnxc_tensor_release);
      const auto *seq = static_cast<const onnxc_sequence *>(t.data);
      py::list list;
      py::dtype dtype = m.outputs[i].dtype();
      for (size_t k = 0; k < onnxc_sequence_length(seq); ++k) {
        onnxc_tensor element{};
        check(onnxc_sequence_at(seq, k, &element));
        std::vector<py::ssize_t> shape(element.shape,
                                       element.shape + element.rank);
        py::array view =
            makeArray(dtype, shape, element.data, py::str("borrowed"));
        list.append(py::module_::import("numpy").attr("array")(view));
      }
      result[py::str(m.outputs[i].name)] = list;
      continue;
    }
    std::vector<py::ssize_t> shape(t.shape, t.shape + t.rank);
    py::dtype dtype = m.outputs[i].dtype();
    py::array array;
    if (!t.data) {
      array = makeArray(dtype, shape, nullptr, py::handle());
    } else {
      auto *owned = new onnxc_tensor(t);
      t = onnxc_tensor{};
      py::capsule capsule(owned, [](void *p) {
        auto *tensor = static_cast<onnxc_tensor *>(p);
        onnxc_tensor_release(tensor);
        delete tensor;
      });
      array = makeArray(dtype, shape, owned->data, capsule);
    }
    result[py::str(m.outputs[i].name)] = array;
  }
  return result;
}

/// The Python-facing model: a handle, its signature and a default session
/// created on first use.
class Model {
public:
  Model(const std::string &path, int32_t threads) : threadCount(threads) {
    if (threads < 0)
      raiseError(ONNXC_INVALID_ARGUMENT,
                 "threads must be >= 0 (0: one per cpu), got " +
                     std::to_string(threads));
    handle = std::make_shared<ModelHandle>();
    onnxc_status *status;
    {
      py::gil_scoped_release release;
      status = onnxc_model_load(path.c_str(), &handle->model);
    }
    check(status);
    const char *name = onnxc_model_metadata(handle->model, "model");
    handle->name = name ? name : "";
    auto readInfos = [&](bool inputs) {
      size_t n = inputs ? onnxc_model_input_count(handle->model)
                        : onnxc_model_output_count(handle->model);
      std::vector<TensorInfo> infos;
      for (size_t i = 0; i < n; ++i) {
        onnxc_value_info v{};
        check(inputs ? onnxc_model_input_info(handle->model, i, &v)
                     : onnxc_model_output_info(handle->model, i, &v));
        TensorInfo info;
        info.name = v.name ? v.name : "";
        info.type = v.dtype;
        info.rankKnown = v.rank >= 0;
        if (v.rank > 0)
          info.shape.assign(v.shape, v.shape + v.rank);
        check(inputs ? onnxc_model_input_kind(handle->model, i, &info.kind)
                     : onnxc_model_output_kind(handle->model, i, &info.kind));
        infos.push_back(std::move(info));
      }
      return infos;
    };
    handle->inputs = readInfos(true);
    handle->outputs = readInfos(false);
  }

  Session &session() {
    if (!defaultSession)
      defaultSession = std::make_unique<Session>(handle, threadCount);
    return *defaultSession;
  }

  py::dict metadata() const {
    py::dict d;
    for (const char *key : {"model", "producer", "opset", "target", "compiler",
                            "abi", "triple", "cpu", "features", "entry"})
      if (const char *value = onnxc_model_metadata(handle->model, key))
        d[key] = value;
    return d;
  }

  std::shared_ptr<ModelHandle> handle;
  int32_t threadCount;

private:
  std::unique_ptr<Session> defaultSession;
};

} // namespace

PYBIND11_MODULE(_onnxc, m) {
  m.doc() = "onnxc runtime binding (see the onnxc package)";

  py::class_<TensorInfo>(m, "TensorInfo",
                         "The declared type of a model input or output")
      .def_readonly("name", &TensorInfo::name, "the ONNX name")
      .def_property_readonly("dtype", &TensorInfo::dtype, "a numpy dtype")
      .def_property_readonly("shape", &TensorInfo::pyShape,
                             "a tuple; None for a dim only known at run time")
      .def_property_readonly("rank",
                             [](const TensorInfo &t) -> py::object {
                               if (!t.rankKnown)
                                 return py::none();
                               return py::int_(t.shape.size());
                             })
      .def_property_readonly(
          "element_type", [](const TensorInfo &t) { return typeName(t.type); },
          "the signature's name: f32, i64, bool, ...")
      .def_property_readonly(
          "kind", [](const TensorInfo &t) { return t.kindName(); },
          "\"tensor\", \"sequence\", \"optional\" or \"optional sequence\"; "
          "dtype and shape describe the tensors of a sequence")
      .def("__repr__", &TensorInfo::repr)
      .def("__eq__", [](const TensorInfo &a, const TensorInfo &b) {
        return a.name == b.name && a.type == b.type && a.shape == b.shape;
      });

  py::class_<Session>(m, "Session",
                      "A session of a model with its own thread count; "
                      "run() may be called from several threads at once")
      .def("run", &Session::run, py::arg("feeds"),
           "Runs the model: feeds is {name: array} (or a list in input "
           "order); returns {output name: numpy array}")
      .def_property_readonly("threads", &Session::threads,
                             "the effective thread count")
      .def("__repr__", [](const Session &s) {
        return "<onnxc.Session of model \"" + s.model->name + "\", " +
               std::to_string(s.threads()) + " threads>";
      });

  py::class_<Model>(m, "Model", "A model compiled by onnx-compile")
      .def(py::init<const std::string &, int32_t>(), py::arg("path"),
           py::arg("threads") = 0)
      .def_property_readonly(
          "inputs", [](const Model &mo) { return mo.handle->inputs; },
          "the inputs (graph inputs without an initializer), in order")
      .def_property_readonly(
          "outputs", [](const Model &mo) { return mo.handle->outputs; },
          "the outputs, in order")
      .def_property_readonly(
          "name", [](const Model &mo) { return mo.handle->name; },
          "the ONNX model's (graph's) name")
      .def_property_readonly("path",
                             [](const Model &mo) {
                               return std::string(
                                   onnxc_model_path(mo.handle->model));
                             })
      .def_property_readonly("target",
                             [](const Model &mo) {
                               const char *t = onnxc_model_metadata(
                                   mo.handle->model, "target");
                               return std::string(t ? t : "");
                             })
      .def_property_readonly("metadata", &Model::metadata,
                             "the signature's records: model, producer, "
                             "opset, target, compiler, cpu, features, ...")
      .def_property_readonly(
          "threads", [](Model &mo) { return mo.session().threads(); },
          "the default session's effective thread count")
      .def(
          "run",
          [](Model &mo, py::object feeds) { return mo.session().run(feeds); },
          py::arg("feeds"),
          "Runs the model in its default session: feeds is {name: array} "
          "(or a list in input order); returns {output name: numpy array}")
      .def(
          "session",
          [](Model &mo, int32_t threads) {
            return std::make_unique<Session>(mo.handle, threads);
          },
          py::arg("threads") = 0,
          "A new session with its own thread count (0: one per cpu)")
      .def("__repr__", [](const Model &mo) {
        std::string s = "<onnxc.Model \"" + mo.handle->name + "\" (";
        for (size_t i = 0; i < mo.handle->inputs.size(); ++i)
          s += (i ? ", " : "") + mo.handle->inputs[i].name;
        s += ") -> (";
        for (size_t i = 0; i < mo.handle->outputs.size(); ++i)
          s += (i ? ", " : "") + mo.handle->outputs[i].name;
        return s + ")>";
      });

  m.def("runtime_version", [] { return std::string(onnxc_runtime_version()); });
  m.def("abi_version", [] { return onnxc_runtime_abi_version(); });
}
