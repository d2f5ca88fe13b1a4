# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "ONNXC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "E2E", "Runtime", "Unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.onnxc_obj_root, "test")
config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%python", config.onnxc_python))
config.substitutions.append(("%models", os.path.join(config.onnxc_src_root, "..", "shared", "models")))

llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
llvm_config.use_default_substitutions()
# `not`, `count` and FileCheck come from the LLVM tools folder.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.onnxc_tools_dir, config.llvm_tools_dir]
tools = ["onnx-opt", "onnx-compile", "onnx-run"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Tests that read ../shared/models are UNSUPPORTED when the folder is absent.
if os.path.isdir(os.path.join(config.onnxc_src_root, "..", "shared", "models")):
    config.available_features.add("shared-models")
