//===- OnnxOps.h - the onnx dialect and its ops -----------------*- C++ -*-===//

#ifndef ONNXC_DIALECT_ONNX_IR_ONNXOPS_H
#define ONNXC_DIALECT_ONNX_IR_ONNXOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/Onnx/IR/OnnxDialect.h.inc"
#define GET_TYPEDEF_CLASSES
#include "dialects/Onnx/IR/OnnxTypes.h.inc"
#include "dialects/Onnx/IR/OnnxInterfaces.h.inc"

#include "dialects/Onnx/IR/ShapeHelpers.h"

#define GET_OP_CLASSES
#include "dialects/Onnx/IR/OnnxOps.h.inc"

#endif // ONNXC_DIALECT_ONNX_IR_ONNXOPS_H
