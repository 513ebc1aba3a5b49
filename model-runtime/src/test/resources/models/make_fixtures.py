#!/usr/bin/python3
"""Generate the tiny model fixtures used by model-runtime tests.

Run from anywhere:  /usr/bin/python3 model-runtime/src/test/resources/models/make_fixtures.py
Needs Debian's python3-onnx, python3-numpy and python3-torch. If `onnxruntime` is importable
the ONNX fixtures are also run through it; `--verify-only` does only that check (it needs just
onnxruntime + numpy, so it can run under another interpreter that has onnxruntime).

Layout: <fixture>/slipway.yaml + <fixture>/model/<file>, next to this script.

  datatypes/      model/identity.onnx  one Identity per datatype: x_<t> -> y_<t>, shape [N, 2]
                  (bool uint8 int8 int32 int64 fp16 fp32 fp64 bytes)
  unsupported-types/ model/identity.onnx  the same for int16 uint16 uint32 uint64, which DJL's ORT engine cannot carry
  unknown-op/     model/unknown.onnx   a well-formed model with an operator nobody implements
  add/            model/add.onnx       a [N,3] + b [N,3] -> sum [N,3]  (FP32, two inputs)
  fixed-batch/    model/fixed.onnx     x [1,4] -> y = 2x [1,4]  (FP32, no dynamic batch dim)
  broken/         model/broken.onnx    garbage bytes, not a model (load-failure tests)
  scalar-out/     model/scalar.onnx    x [N,4] -> total = sum of all elements, shape [] (FP32)
  torch-double/   model/double.pt      TorchScript forward(x) = x * 2, x FP32 [N,4]
  torch-two-out/  model/two_out.pt     TorchScript forward(x) = (x + 1, x.sum(dim=1)), x FP32 [N,4]

ONNX fixtures: opset 13, IR version 8. Output is deterministic (byte-identical on re-runs).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = 13
IR_VERSION = 8

# (suffix, ONNX TensorProto type name, V2 datatype, numpy dtype)
DATATYPES = [
    ("bool", "BOOL", "BOOL", "bool"),
    ("uint8", "UINT8", "UINT8", "uint8"),
    ("uint16", "UINT16", "UINT16", "uint16"),
    ("uint32", "UINT32", "UINT32", "uint32"),
    ("uint64", "UINT64", "UINT64", "uint64"),
    ("int8", "INT8", "INT8", "int8"),
    ("int16", "INT16", "INT16", "int16"),
    ("int32", "INT32", "INT32", "int32"),
    ("int64", "INT64", "INT64", "int64"),
    ("fp16", "FLOAT16", "FP16", "float16"),
    ("fp32", "FLOAT", "FP32", "float32"),
    ("fp64", "DOUBLE", "FP64", "float64"),
    ("bytes", "STRING", "BYTES", "object"),
]

TORCH_INPUTS = "  inputs:\n    - { name: x, datatype: FP32, shape: [-1, 4] }\n"


def path(*parts):
    return os.path.join(HERE, *parts)


def write_manifest(fixture, name, fmt, model_file, extra=""):
    text = (f"name: {name}\n"
            f"model:\n"
            f"  name: {name}\n"
            f"  format: {fmt}\n"
            f"  path: model/{model_file}\n"
            f"{extra}")
    os.makedirs(path(fixture, "model"), exist_ok=True)
    with open(path(fixture, "slipway.yaml"), "w") as f:
        f.write(text)


# ---------------------------------------------------------------- ONNX

def save_onnx(graph, fixture, filename, doc):
    import onnx
    from onnx import helper
    model = helper.make_model(graph, producer_name="slipway-test-fixtures",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    model.doc_string = doc
    onnx.checker.check_model(model, full_check=True)  # also runs shape inference
    os.makedirs(path(fixture, "model"), exist_ok=True)
    out = path(fixture, "model", filename)
    onnx.save(model, out)
    print(f"wrote {os.path.relpath(out, HERE)} ({os.path.getsize(out)} bytes)")


# Types DJL's ONNX Runtime engine cannot pass: ORT's Java API has no unsigned integers wider
# than 8 bits, and DJL does not convert INT16.
NOT_CARRIED = ("int16", "uint16", "uint32", "uint64")


def make_datatypes():
    make_identity("datatypes", [d for d in DATATYPES if d[0] not in NOT_CARRIED],
                  "Identity x_<type> -> y_<type> for every datatype ONNX Runtime's Java API carries, shape [N, 2]")
    make_identity("unsupported-types", [d for d in DATATYPES if d[0] in NOT_CARRIED],
                  "Identity x_<type> -> y_<type> for INT16 and UINT16/32/64, which DJL's ONNX Runtime engine cannot carry")


def make_unknown_op():
    """A well-formed ONNX file whose operator no runtime implements: it loads nowhere."""
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node("NoSuchOperator", ["x"], ["y"], name="nope", domain="io.slipway.test")], "unknown_op",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET),
                                                    helper.make_opsetid("io.slipway.test", 1)])
    model.ir_version = IR_VERSION
    os.makedirs(path("unknown-op", "model"), exist_ok=True)
    out = path("unknown-op", "model", "unknown.onnx")
    with open(out, "wb") as f:
        f.write(model.SerializeToString())
    print(f"wrote {os.path.relpath(out, HERE)} ({os.path.getsize(out)} bytes)")
    write_manifest("unknown-op", "unknown-op", "onnx", "unknown.onnx")


def make_identity(fixture, datatypes, description):
    from onnx import TensorProto, helper
    inputs, outputs, nodes = [], [], []
    for suffix, onnx_type, _, _ in datatypes:
        t = getattr(TensorProto, onnx_type)
        inputs.append(helper.make_tensor_value_info(f"x_{suffix}", t, ["N", 2]))
        outputs.append(helper.make_tensor_value_info(f"y_{suffix}", t, ["N", 2]))
        nodes.append(helper.make_node("Identity", [f"x_{suffix}"], [f"y_{suffix}"],
                                      name=f"identity_{suffix}"))
    graph = helper.make_graph(nodes, fixture.replace("-", "_"), inputs, outputs)
    save_onnx(graph, fixture, "identity.onnx", description)
    write_manifest(fixture, fixture, "onnx", "identity.onnx")


def make_add():
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node("Add", ["a", "b"], ["sum"], name="add")], "add",
        [helper.make_tensor_value_info("a", TensorProto.FLOAT, ["N", 3]),
         helper.make_tensor_value_info("b", TensorProto.FLOAT, ["N", 3])],
        [helper.make_tensor_value_info("sum", TensorProto.FLOAT, ["N", 3])])
    save_onnx(graph, "add", "add.onnx", "sum = a + b, FP32 [N, 3]")
    write_manifest("add", "add", "onnx", "add.onnx")


def make_fixed_batch():
    from onnx import TensorProto, helper
    two = helper.make_tensor("two", TensorProto.FLOAT, [], [2.0])
    graph = helper.make_graph(
        [helper.make_node("Mul", ["x", "two"], ["y"], name="times_two")], "fixed_batch",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        initializer=[two])
    save_onnx(graph, "fixed-batch", "fixed.onnx", "y = 2x, FP32 fixed shape [1, 4] (no batch dim)")
    write_manifest("fixed-batch", "fixed-batch", "onnx", "fixed.onnx")


def make_scalar_out():
    from onnx import TensorProto, helper
    graph = helper.make_graph(
        [helper.make_node("ReduceSum", ["x"], ["total"], name="sum_all", keepdims=0)],
        "scalar_out",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("total", TensorProto.FLOAT, [])])
    save_onnx(graph, "scalar-out", "scalar.onnx",
              "total = sum of all elements of x [N, 4]; scalar output (shape []), not batchable")
    write_manifest("scalar-out", "scalar-out", "onnx", "scalar.onnx")


def make_broken():
    os.makedirs(path("broken", "model"), exist_ok=True)
    out = path("broken", "model", "broken.onnx")
    # Not a protobuf: 'N' (0x4e) would be field 9 with the invalid wire type 6.
    data = b"NOT AN ONNX MODEL: garbage for load-failure tests\n" + bytes(range(256)) * 2
    with open(out, "wb") as f:
        f.write(data)
    print(f"wrote {os.path.relpath(out, HERE)} ({os.path.getsize(out)} bytes)")
    import onnx
    try:
        onnx.load(out)
    except Exception as e:  # expected
        print(f"  onnx.load fails as intended: {type(e).__name__}")
    else:
        raise SystemExit("broken.onnx unexpectedly parses as an ONNX model")
    write_manifest("broken", "broken", "onnx", "broken.onnx")


# ---------------------------------------------------------------- TorchScript

def make_torch():
    import torch
    from typing import Tuple

    class Double(torch.nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x * 2

    class TwoOut(torch.nn.Module):
        def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
            return x + 1, x.sum(dim=1)

    for fixture, name, filename, module in (("torch-double", "double", "double.pt", Double()),
                                            ("torch-two-out", "two-out", "two_out.pt", TwoOut())):
        os.makedirs(path(fixture, "model"), exist_ok=True)
        out = path(fixture, "model", filename)
        torch.jit.script(module.eval()).save(out)
        print(f"wrote {os.path.relpath(out, HERE)} ({os.path.getsize(out)} bytes)")
        write_manifest(fixture, name, "torchscript", filename, TORCH_INPUTS)

    x = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    for n in (1, 3):
        y = torch.jit.load(path("torch-double", "model", "double.pt"))(x[:n])
        assert torch.equal(y, x[:n] * 2)
        a, b = torch.jit.load(path("torch-two-out", "model", "two_out.pt"))(x[:n])
        assert torch.equal(a, x[:n] + 1) and torch.equal(b, x[:n].sum(dim=1)) and b.shape == (n,)
    print("  TorchScript fixtures reload and compute as expected at batch 1 and 3")


# ---------------------------------------------------------------- optional onnxruntime check

def verify_with_onnxruntime():
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError:
        print("onnxruntime not importable: onnxruntime check skipped")
        return
    print(f"checking ONNX fixtures with onnxruntime {ort.__version__}")
    so = ort.SessionOptions()
    so.log_severity_level = 3

    def session(fixture, filename):
        return ort.InferenceSession(path(fixture, "model", filename), so,
                                    providers=["CPUExecutionProvider"])

    s = session("datatypes", "identity.onnx")
    feeds = {}
    for suffix, _, _, dtype in DATATYPES:
        if dtype == "bool":
            v = np.array([[True, False], [False, True], [True, True]])
        elif dtype == "object":
            v = np.array([["a", "bc"], ["", "héllo"], ["x", "yz"]], dtype=object)
        else:
            v = np.array([[0, 1], [2, 3], [4, 5]], dtype=dtype)
        feeds[f"x_{suffix}"] = v
    outs = dict(zip([o.name for o in s.get_outputs()], s.run(None, feeds)))
    for suffix, _, _, dtype in DATATYPES:
        got, want = outs[f"y_{suffix}"], feeds[f"x_{suffix}"]
        assert got.shape == want.shape and got.tolist() == want.tolist(), suffix
        assert dtype == "object" or got.dtype == np.dtype(dtype), (suffix, got.dtype)
    print(f"  datatypes: all {len(DATATYPES)} Identity outputs round-trip at batch 3")

    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    (y,) = session("add", "add.onnx").run(None, {"a": a, "b": a * 10})
    assert y.tolist() == (a * 11).tolist()
    x = np.array([[1, 2, 3, 4]], dtype=np.float32)
    (y,) = session("fixed-batch", "fixed.onnx").run(None, {"x": x})
    assert y.tolist() == [[2, 4, 6, 8]]
    try:
        session("fixed-batch", "fixed.onnx").run(None, {"x": np.zeros((2, 4), np.float32)})
        raise AssertionError("fixed.onnx accepted batch 2")
    except Exception as e:
        if isinstance(e, AssertionError):
            raise
    (y,) = session("scalar-out", "scalar.onnx").run(None, {"x": np.ones((3, 4), np.float32)})
    assert y.shape == () and float(y) == 12.0
    try:
        session("broken", "broken.onnx")
        raise AssertionError("broken.onnx loaded")
    except Exception as e:
        if isinstance(e, AssertionError):
            raise
        print(f"  broken: load fails as intended ({type(e).__name__})")
    print("  add, fixed-batch (rejects batch 2), scalar-out (shape []) ok")


def main():
    if "--verify-only" in sys.argv[1:]:
        verify_with_onnxruntime()
        return
    # TorchScript serialisation order depends on Python's string-hash seed; pin it.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    make_datatypes()
    make_add()
    make_fixed_batch()
    make_scalar_out()
    make_broken()
    make_unknown_op()
    make_torch()
    verify_with_onnxruntime()


if __name__ == "__main__":
    main()
