"""Writes a ~105 MB ONNX model that still answers like iris: input "input" FP32 [batch, 4],
output "output" FP32 [batch, 3] (softmax), through a hidden layer of 3.75 million units whose
weights (random, so git cannot compress them) make the size.

usage: python3 big_model.py OUT.onnx [HIDDEN_UNITS]
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
hidden = int(sys.argv[2]) if len(sys.argv) > 2 else 3_750_000
rng = np.random.default_rng(42)
w1 = (rng.standard_normal((4, hidden)) * 0.01).astype(np.float32)
w2 = (rng.standard_normal((hidden, 3)) * 0.01).astype(np.float32)

graph = helper.make_graph(
    [
        helper.make_node("MatMul", ["input", "w1"], ["h"]),
        helper.make_node("Relu", ["h"], ["r"]),
        helper.make_node("MatMul", ["r", "w2"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["output"], axis=1),
    ],
    "big",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 4])],
    [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 3])],
    [numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(w2, "w2")],
)
model = helper.make_model(graph, producer_name="slipway-tests", opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 7
onnx.checker.check_model(model)
onnx.save(model, out)
