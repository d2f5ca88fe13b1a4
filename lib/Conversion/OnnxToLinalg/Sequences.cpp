//===- Sequences.cpp - onnx to linalg: sequences and optionals ------------===//
//
// Sequences and optionals are run-time objects behind a pointer (!llvm.ptr,
// the layout of runtime/src/core/SequenceAbi.h); their ops become calls into
// the support code that every compiled model links (runtime/src/core/
// Sequence.c):
//
//   - A function that uses them first makes a context
//     (onnxc_seq_ctx_create); every sequence made in the call belongs to it
//     and is freed with it before each return (onnxc_seq_ctx_release), after
//     the sequences returned are copied out (onnxc_seq_export).
//   - A tensor goes to the support code as an unranked memref of a read-only
//     buffer; SequenceAt, ConcatFromSequence and OptionalGetElement allocate
//     their result from the dims the support code reports, and have it filled.
//     The functions that take a memref have one symbol per element type
//     (onnxc_seq_insert_f32, ...).
//   - An optional tensor is a sequence of 0 or 1 tensors; an optional
//     sequence is a sequence pointer, null when absent.
//   - SequenceMap is first rewritten into onnx.Loop over the elements
//     (SequenceLength, SequenceAt, SequenceInsert), which is then lowered
//     like any other Loop.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include "dialects/Onnx/IR/SequenceTypes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace onnxc::lowering {
namespace {

constexpr StringLiteral kContextAttr = "onnxc.seq_context";
constexpr StringLiteral kCreateContext = "onnxc_seq_ctx_create";
constexpr StringLiteral kReleaseContext = "onnxc_seq_ctx_release";
constexpr StringLiteral kExport = "onnxc_seq_export";

Type ptrType(MLIRContext *ctx) { return LLVM::LLVMPointerType::get(ctx); }

/// The ONNX TensorProto code of an onnx-dialect element type (0 if none).
int32_t onnxDataType(Type t) {
  if (t.isF32())
    return 1;
  if (t.isF16())
    return 10;
  if (t.isF64())
    return 11;
  if (t.isBF16())
    return 16;
  if (isa<Float8E4M3FNType>(t))
    return 17;
  if (isa<Float8E4M3FNUZType>(t))
    return 18;
  if (isa<Float8E5M2Type>(t))
    return 19;
  if (isa<Float8E5M2FNUZType>(t))
    return 20;
  if (isa<Float4E2M1FNType>(t))
    return 23;
  if (isa<Float8E8M0FNUType>(t))
    return 24;
  auto i = dyn_cast<IntegerType>(t);
  if (!i)
    return 0;
  bool u = i.isUnsigned();
  switch (i.getWidth()) {
  case 1:
    return 9;
  case 2:
    return u ? 25 : 26;
  case 4:
    return u ? 21 : 22;
  case 8:
    return u ? 2 : 3;
  case 16:
    return u ? 4 : 5;
  case 32:
    return u ? 12 : 6;
  case 64:
    return u ? 13 : 7;
  default:
    return 0;
  }
}

/// The symbol of a support function for tensors of (signless) `element`.
std::string typedSymbol(StringRef base, Type element) {
  return (base + "_" + typeToString(element)).str();
}

/// The declaration of support function `name`, added to the module once.
func::FuncOp declare(OpBuilder &b, Operation *anchor, StringRef name,
                     FunctionType type) {
  auto module = anchor->getParentOfType<ModuleOp>();
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  auto func = func::FuncOp::create(b, module.getLoc(), name, type);
  func.setPrivate();
  return func;
}

/// Calls support function `name`; returns its result (null when none).
Value callSupport(OpBuilder &b, Location loc, Operation *anchor, StringRef name,
                  TypeRange results, ValueRange args) {
  auto type = b.getFunctionType(TypeRange(args), results);
  func::FuncOp callee = declare(b, anchor, name, type);
  auto call = func::CallOp::create(b, loc, callee, args);
  return results.empty() ? Value() : call.getResult(0);
}

/// The context of the function around `op` (made by
/// prepareSequenceLowering).
Value getContextValue(Operation *op) {
  auto func = op->getParentOfType<func::FuncOp>();
  if (!func || func.getBody().empty())
    return {};
  for (Operation &inner : func.getBody().front())
    if (inner.hasAttr(kContextAttr))
      return inner.getResult(0);
  return {};
}

Value i32Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, v, 32);
}

Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, v, 64);
}

/// The first element of an integer tensor as i64.
Value scalarI64(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<Value> zeros(type.getRank(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  Value v = tensor::ExtractOp::create(b, loc, tensor, zeros);
  if (!v.getType().isInteger(64))
    v = arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
  return v;
}

/// A read-only unranked memref of `tensor` for the support code.
Value toUnranked(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<int64_t> strides(type.getRank(), ShapedType::kDynamic);
  auto layout =
      StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic, strides);
  auto memrefType =
      MemRefType::get(type.getShape(), type.getElementType(), layout);
  Value buffer = bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                                   /*read_only=*/true);
  return memref::CastOp::create(
      b, loc, UnrankedMemRefType::get(type.getElementType(), 0), buffer);
}

/// A new tensor of `type` whose dynamic dims come from `dim(d)`, filled by
/// `fill(unrankedMemref)`.
Value allocateAndFill(OpBuilder &b, Location loc, RankedTensorType type,
                      function_ref<Value(int64_t)> dim,
                      function_ref<void(Value)> fill) {
  SmallVector<Value> dynamicDims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      dynamicDims.push_back(
          arith::IndexCastOp::create(b, loc, b.getIndexType(), dim(d)));
  auto memrefType = MemRefType::get(type.getShape(), type.getElementType());
  Value buffer = memref::AllocOp::create(b, loc, memrefType, dynamicDims);
  fill(memref::CastOp::create(
      b, loc, UnrankedMemRefType::get(type.getElementType(), 0), buffer));
  return bufferization::ToTensorOp::create(b, loc, type, buffer,
                                           /*restrict=*/true,
                                           /*writable=*/true);
}

/// The element at i64 `position` of sequence `seq`, as a tensor of `type`.
Value readElement(OpBuilder &b, Location loc, Operation *anchor, Value seq,
                  Value position, RankedTensorType type) {
  Type ptr = ptrType(b.getContext());
  Value rank = i64Const(b, loc, type.getRank());
  return allocateAndFill(
      b, loc, type,
      [&](int64_t d) {
        return callSupport(b, loc, anchor, "onnxc_seq_dim", b.getI64Type(),
                           {seq, position, rank, i64Const(b, loc, d)});
      },
      [&](Value memref) {
        callSupport(b, loc, anchor,
                    typedSymbol("onnxc_seq_read", type.getElementType()), {},
                    {seq, position, memref});
        (void)ptr;
      });
}

/// A new sequence: `seq` with tensor `value` (of onnx-level element type
/// `onnxElement`) inserted at `position` (null: at the end).
Value insertElement(OpBuilder &b, Location loc, Operation *anchor, Value ctx,
                    Value seq, Value value, Type onnxElement, Value position) {
  Type ptr = ptrType(b.getContext());
  auto type = cast<RankedTensorType>(value.getType());
  return callSupport(b, loc, anchor,
                     typedSymbol("onnxc_seq_insert", type.getElementType()),
                     ptr,
                     {ctx, seq, toUnranked(b, loc, value),
                      i32Const(b, loc, onnxDataType(onnxElement)),
                      position ? position : i64Const(b, loc, 0),
                      i32Const(b, loc, position ? 1 : 0)});
}

/// Base of the patterns: they need the function's context.
template <typename Op> struct SeqPattern : public OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;

  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const final {
    Value ctx = getContextValue(op);
    if (!ctx && makesSequences())
      return reportUnsupported(op, "sequences are only supported inside a "
                                   "function");
    return lower(op, adaptor, ctx, rewriter);
  }
  /// Whether the op makes sequences (and so needs the function's context).
  virtual bool makesSequences() const { return true; }
  virtual LogicalResult lower(Op op, OpAdaptor adaptor, Value ctx,
                              ConversionPatternRewriter &rewriter) const = 0;

  Type ptr() const { return ptrType(this->getContext()); }
};

struct SequenceEmptyLowering : SeqPattern<onnx::SequenceEmptyOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::SequenceEmptyOp op, OpAdaptor, Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Type element = op.getOutput().getType().getElementType().getElementType();
    rewriter.replaceOp(
        op, callSupport(
                rewriter, op.getLoc(), op, "onnxc_seq_empty", ptr(),
                {ctx, i32Const(rewriter, op.getLoc(), onnxDataType(element))}));
    return success();
  }
};

struct SequenceConstructLowering : SeqPattern<onnx::SequenceConstructOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::SequenceConstructOp op, OpAdaptor adaptor,
                      Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = onnx::getElementType(op.getInputs().front());
    Value seq =
        callSupport(rewriter, loc, op, "onnxc_seq_empty", ptr(),
                    {ctx, i32Const(rewriter, loc, onnxDataType(element))});
    for (Value input : adaptor.getInputs())
      seq = insertElement(rewriter, loc, op, ctx, seq, input, element, {});
    rewriter.replaceOp(op, seq);
    return success();
  }
};

struct SequenceInsertLowering : SeqPattern<onnx::SequenceInsertOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::SequenceInsertOp op, OpAdaptor adaptor, Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value position;
    if (!onnx::isNoValue(op.getPosition()))
      position = scalarI64(rewriter, loc, adaptor.getPosition());
    rewriter.replaceOp(
        op, insertElement(rewriter, loc, op, ctx, adaptor.getInputSequence(),
                          adaptor.getTensor(),
                          onnx::getElementType(op.getTensor()), position));
    return success();
  }
};

struct SequenceEraseLowering : SeqPattern<onnx::SequenceEraseOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::SequenceEraseOp op, OpAdaptor adaptor, Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    bool hasPosition = !onnx::isNoValue(op.getPosition());
    Value position = hasPosition
                         ? scalarI64(rewriter, loc, adaptor.getPosition())
                         : i64Const(rewriter, loc, 0);
    rewriter.replaceOp(op,
                       callSupport(rewriter, loc, op, "onnxc_seq_erase", ptr(),
                                   {ctx, adaptor.getInputSequence(), position,
                                    i32Const(rewriter, loc, hasPosition)}));
    return success();
  }
};

struct SequenceLengthLowering : SeqPattern<onnx::SequenceLengthOp> {
  using SeqPattern::SeqPattern;
  bool makesSequences() const override { return false; }
  LogicalResult lower(onnx::SequenceLengthOp op, OpAdaptor adaptor, Value,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value length =
        callSupport(rewriter, loc, op, "onnxc_seq_length",
                    rewriter.getI64Type(), {adaptor.getInputSequence()});
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(
        op, RankedTensorType::get({}, rewriter.getI64Type()), length);
    return success();
  }
};

struct SequenceAtLowering : SeqPattern<onnx::SequenceAtOp> {
  using SeqPattern::SeqPattern;
  bool makesSequences() const override { return false; }
  LogicalResult lower(onnx::SequenceAtOp op, OpAdaptor adaptor, Value,
                      ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    if (!type)
      return reportUnsupported(op, "the rank of the sequence's tensors is "
                                   "unknown at compile time");
    Location loc = op.getLoc();
    rewriter.replaceOp(
        op, readElement(rewriter, loc, op, adaptor.getInputSequence(),
                        scalarI64(rewriter, loc, adaptor.getPosition()), type));
    return success();
  }
};

struct ConcatFromSequenceLowering : SeqPattern<onnx::ConcatFromSequenceOp> {
  using SeqPattern::SeqPattern;
  bool makesSequences() const override { return false; }
  LogicalResult lower(onnx::ConcatFromSequenceOp op, OpAdaptor adaptor, Value,
                      ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    if (!type)
      return reportUnsupported(op, "the rank of the sequence's tensors is "
                                   "unknown at compile time");
    Location loc = op.getLoc();
    int64_t axis =
        op.getAxis() < 0 ? op.getAxis() + type.getRank() : op.getAxis();
    Value seq = adaptor.getInputSequence();
    Value rank = i64Const(rewriter, loc, type.getRank());
    Value axisValue = i64Const(rewriter, loc, axis);
    Value newAxis = i32Const(rewriter, loc, op.getNewAxis());
    Value result = allocateAndFill(
        rewriter, loc, type,
        [&](int64_t d) {
          return callSupport(
              rewriter, loc, op, "onnxc_seq_concat_dim", rewriter.getI64Type(),
              {seq, rank, axisValue, newAxis, i64Const(rewriter, loc, d)});
        },
        [&](Value memref) {
          callSupport(rewriter, loc, op,
                      typedSymbol("onnxc_seq_concat", type.getElementType()),
                      {}, {seq, memref, axisValue, newAxis});
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SplitToSequenceLowering : SeqPattern<onnx::SplitToSequenceOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::SplitToSequenceOp op, OpAdaptor adaptor, Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = dyn_cast<RankedTensorType>(adaptor.getInput().getType());
    if (!inputType)
      return reportUnsupported(op, "the input's rank is unknown");
    bool hasSplit = !onnx::isNoValue(op.getSplit());
    Value split =
        hasSplit ? adaptor.getSplit()
                 : tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{0},
                                           rewriter.getI64Type())
                       .getResult();
    auto splitType = cast<RankedTensorType>(split.getType());
    if (!splitType.getElementType().isInteger(64))
      split = arith::ExtSIOp::create(
          rewriter, loc,
          RankedTensorType::get(splitType.getShape(), rewriter.getI64Type()),
          split);
    int64_t axis =
        op.getAxis() < 0 ? op.getAxis() + inputType.getRank() : op.getAxis();
    Value seq = callSupport(
        rewriter, loc, op,
        typedSymbol("onnxc_seq_split", inputType.getElementType()), ptr(),
        {ctx, toUnranked(rewriter, loc, adaptor.getInput()),
         toUnranked(rewriter, loc, split),
         i32Const(rewriter, loc,
                  onnxDataType(onnx::getElementType(op.getInput()))),
         i64Const(rewriter, loc, axis), i32Const(rewriter, loc, hasSplit),
         i32Const(rewriter, loc, op.getKeepdims())});
    rewriter.replaceOp(op, seq);
    return success();
  }
};

struct OptionalLowering : SeqPattern<onnx::OptionalOp> {
  using SeqPattern::SeqPattern;
  LogicalResult lower(onnx::OptionalOp op, OpAdaptor adaptor, Value ctx,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type inner = op.getOutput().getType().getElementType();
    if (isa<onnx::SeqType>(inner)) {
      // An optional sequence is the sequence pointer, null when empty.
      Value v = onnx::isNoValue(op.getInput())
                    ? LLVM::ZeroOp::create(rewriter, loc, ptr()).getResult()
                    : adaptor.getInput();
      rewriter.replaceOp(op, v);
      return success();
    }
    // An optional tensor is a sequence of 0 or 1 tensors.
    Type element = cast<TensorType>(inner).getElementType();
    Value seq =
        callSupport(rewriter, loc, op, "onnxc_seq_empty", ptr(),
                    {ctx, i32Const(rewriter, loc, onnxDataType(element))});
    if (!onnx::isNoValue(op.getInput()))
      seq = insertElement(rewriter, loc, op, ctx, seq, adaptor.getInput(),
                          element, {});
    rewriter.replaceOp(op, seq);
    return success();
  }
};

struct OptionalHasElementLowering : SeqPattern<onnx::OptionalHasElementOp> {
  using SeqPattern::SeqPattern;
  bool makesSequences() const override { return false; }
  LogicalResult lower(onnx::OptionalHasElementOp op, OpAdaptor adaptor, Value,
                      ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getInput().getType();
    Value flag;
    if (auto opt = dyn_cast<onnx::OptType>(type)) {
      bool isSeq = isa<onnx::SeqType>(opt.getElementType());
      Value has = callSupport(
          rewriter, loc, op, "onnxc_opt_has_element", rewriter.getI32Type(),
          {adaptor.getInput(), i32Const(rewriter, loc, isSeq)});
      flag = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne, has,
                                   i32Const(rewriter, loc, 0));
    } else {
      // No input: false; a tensor or a sequence: true.
      flag = arith::ConstantIntOp::create(
          rewriter, loc, onnx::isNoValue(op.getInput()) ? 0 : 1, 1);
    }
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(
        op, RankedTensorType::get({}, rewriter.getI1Type()), flag);
    return success();
  }
};

struct OptionalGetElementLowering : SeqPattern<onnx::OptionalGetElementOp> {
  using SeqPattern::SeqPattern;
  bool makesSequences() const override { return false; }
  LogicalResult lower(onnx::OptionalGetElementOp op, OpAdaptor adaptor, Value,
                      ConversionPatternRewriter &rewriter) const override {
    auto opt = dyn_cast<onnx::OptType>(op.getInput().getType());
    if (!opt || isa<onnx::SeqType>(opt.getElementType())) {
      // A plain value, or an optional sequence: the same pointer.
      Value v = adaptor.getInput();
      if (auto type = getConvertedResultType(getTypeConverter(), op);
          type && v.getType() != type)
        v = tensor::CastOp::create(rewriter, op.getLoc(), type, v);
      rewriter.replaceOp(op, v);
      return success();
    }
    RankedTensorType type = getConvertedResultType(getTypeConverter(), op);
    if (!type)
      return reportUnsupported(op, "the rank of the optional's tensor is "
                                   "unknown at compile time");
    Location loc = op.getLoc();
    rewriter.replaceOp(op, readElement(rewriter, loc, op, adaptor.getInput(),
                                       i64Const(rewriter, loc, 0), type));
    return success();
  }
};

/// Identity of a sequence or optional: the same pointer (the value is never
/// changed in place).
struct SequenceIdentityLowering : OpConversionPattern<onnx::IdentityOp> {
  SequenceIdentityLowering(const TypeConverter &converter, MLIRContext *ctx)
      : OpConversionPattern(converter, ctx, /*benefit=*/2) {}
  LogicalResult
  matchAndRewrite(onnx::IdentityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!onnx::isSequenceOrOptional(op.getX().getType()))
      return rewriter.notifyMatchFailure(op, "not a sequence or optional");
    rewriter.replaceOp(op, adaptor.getX());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Before and after the conversion
//===----------------------------------------------------------------------===//

/// SequenceMap as an onnx.Loop over the elements of its first input.
void expandSequenceMap(onnx::SequenceMapOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  MLIRContext *ctx = op.getContext();
  auto i64Scalar = RankedTensorType::get({}, b.getI64Type());
  auto i1Scalar = RankedTensorType::get({}, b.getI1Type());
  Value length =
      onnx::SequenceLengthOp::create(b, loc, i64Scalar, op.getInputSequence());
  Value none = onnx::NoValueOp::create(b, loc, b.getNoneType());
  SmallVector<Value> inits;
  SmallVector<Type> types;
  for (Value result : op.getResults()) {
    auto type = cast<onnx::SeqType>(result.getType());
    inits.push_back(onnx::SequenceEmptyOp::create(
        b, loc, type, TypeAttr::get(type.getElementType().getElementType())));
    types.push_back(type);
  }
  auto loop = onnx::LoopOp::create(b, loc, types, length, none, inits);
  Block *body = new Block();
  loop.getBody().push_back(body);
  Value iter = body->addArgument(i64Scalar, loc);
  Value cond = body->addArgument(i1Scalar, loc);
  SmallVector<Value> carried;
  for (Type type : types)
    carried.push_back(body->addArgument(type, loc));
  b.setInsertionPointToStart(body);
  SmallVector<Value> elements;
  Block &mapBody = op.getBody().front();
  for (auto [i, input] : llvm::enumerate(op.getOperands())) {
    if (isa<onnx::SeqType>(input.getType()))
      elements.push_back(onnx::SequenceAtOp::create(
          b, loc, mapBody.getArgument(i).getType(), input, iter));
    else
      elements.push_back(input);
  }
  for (auto [arg, element] : llvm::zip(mapBody.getArguments(), elements))
    arg.replaceAllUsesWith(element);
  auto mapYield = cast<onnx::YieldOp>(mapBody.getTerminator());
  SmallVector<Value> outputs(mapYield.getOperands());
  mapYield->erase();
  body->getOperations().splice(body->end(), mapBody.getOperations());
  b.setInsertionPointToEnd(body);
  SmallVector<Value> next = {cond};
  for (auto [seq, value, type] : llvm::zip(carried, outputs, types))
    next.push_back(
        onnx::SequenceInsertOp::create(b, loc, type, seq, value, none));
  onnx::YieldOp::create(b, loc, next);
  op->replaceAllUsesWith(loop->getResults());
  op->erase();
  (void)ctx;
}

bool usesSequences(func::FuncOp func) {
  auto isSeq = [](Type t) { return onnx::isSequenceOrOptional(t); };
  bool found = llvm::any_of(func.getArgumentTypes(), isSeq) ||
               llvm::any_of(func.getResultTypes(), isSeq);
  func.walk([&](Operation *op) {
    if (llvm::any_of(op->getResultTypes(), isSeq) ||
        llvm::any_of(op->getOperandTypes(), isSeq))
      found = true;
  });
  return found;
}

} // namespace
} // namespace onnxc::lowering

void onnxc::prepareSequenceLowering(ModuleOp module) {
  using namespace onnxc::lowering;
  SmallVector<onnx::SequenceMapOp> maps;
  module.walk([&](onnx::SequenceMapOp op) { maps.push_back(op); });
  // Innermost first: a body may hold another SequenceMap.
  for (onnx::SequenceMapOp op : llvm::reverse(maps))
    expandSequenceMap(op);
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal() || !usesSequences(func))
      continue;
    OpBuilder b(&func.getBody().front(), func.getBody().front().begin());
    Value ctx = callSupport(b, func.getLoc(), func, kCreateContext,
                            ptrType(module.getContext()), {});
    ctx.getDefiningOp()->setAttr(kContextAttr, b.getUnitAttr());
  }
}

void onnxc::finishSequenceLowering(ModuleOp module) {
  using namespace onnxc::lowering;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    Value ctx = getContextValue(&func.getBody().front().front());
    if (!ctx)
      continue;
    func.walk([&](func::ReturnOp ret) {
      OpBuilder b(ret);
      Type ptr = ptrType(module.getContext());
      // Returned sequences outlive the context: copies owned by the caller.
      for (OpOperand &operand : ret->getOpOperands())
        if (operand.get().getType() == ptr)
          operand.set(callSupport(b, ret.getLoc(), func, kExport, ptr,
                                  {ctx, operand.get()}));
      callSupport(b, ret.getLoc(), func, kReleaseContext, {}, {ctx});
    });
  }
}

void onnxc::populateOnnxToLinalgSequencePatterns(const TypeConverter &converter,
                                                 RewritePatternSet &patterns) {
  using namespace onnxc::lowering;
  patterns.add<SequenceEmptyLowering, SequenceConstructLowering,
               SequenceInsertLowering, SequenceEraseLowering,
               SequenceLengthLowering, SequenceAtLowering,
               ConcatFromSequenceLowering, SplitToSequenceLowering,
               OptionalLowering, OptionalHasElementLowering,
               OptionalGetElementLowering, SequenceIdentityLowering>(
      converter, patterns.getContext());
}
