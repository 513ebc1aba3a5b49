#!/usr/bin/python3
"""Train the Iris sample model and export it as ONNX.

Run from anywhere:  /usr/bin/python3 sample-apps/iris-onnx/train.py

Outputs (next to this script): model/iris.onnx, model/labels.txt, example-request.json
  input  "input"         FP32 [N, 4]  sepal length, sepal width, petal length, petal width (cm)
  output "probabilities" FP32 [N, 3]  softmax over (setosa, versicolor, virginica)
Standardisation is folded into the graph, so the model takes raw measurements.
Deterministic: fixed seeds, single-threaded training.
"""
import json
import os
import random

import numpy as np
import onnx
import torch
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

SEED = 42
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "model", "iris.onnx")
LABELS = os.path.join(HERE, "model", "labels.txt")
EXAMPLE = os.path.join(HERE, "example-request.json")
OPSET = 13
EXAMPLE_ROWS = (0, 100)  # data set rows used in example-request.json (a setosa and a virginica)


class IrisNet(torch.nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.body = torch.nn.Sequential(
            torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))

    def logits(self, x):
        return self.body((x - self.mean) / self.std)

    def forward(self, x):
        return torch.softmax(self.logits(x), dim=1)


def main():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    data = load_iris()
    x_train, x_test, y_train, y_test = train_test_split(
        data.data.astype(np.float32), data.target, test_size=0.3,
        stratify=data.target, random_state=SEED)

    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    model = IrisNet(mean, std)

    xt = torch.from_numpy(x_train)
    yt = torch.from_numpy(y_train).long()
    opt = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-2)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    for _ in range(300):  # full-batch; 105 samples
        opt.zero_grad()
        loss = loss_fn(model.logits(xt), yt)
        loss.backward()
        opt.step()

    model.eval()
    with torch.no_grad():
        probs = model(torch.from_numpy(x_test))
    acc = (probs.argmax(dim=1).numpy() == y_test).mean()
    print(f"train loss {loss.item():.4f}")
    print(f"test accuracy {acc:.4f} ({int(round(acc * len(y_test)))}/{len(y_test)}, "
          f"stratified 70/30 split, random_state={SEED})")

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    dummy = torch.from_numpy(x_test[:2])
    torch.onnx.export(
        model, dummy, OUT, opset_version=OPSET,
        input_names=["input"], output_names=["probabilities"],
        dynamic_axes={"input": {0: "N"}, "probabilities": {0: "N"}},
        do_constant_folding=True)

    m = onnx.load(OUT)
    m.producer_name = "slipway-sample-iris"
    m.doc_string = "Iris classifier (16-unit MLP, standardisation folded in); softmax probabilities"
    onnx.checker.check_model(m)
    onnx.save(m, OUT)
    assert m.ir_version <= 10, m.ir_version
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes, ir_version {m.ir_version}, opset {OPSET})")

    with open(LABELS, "w") as f:
        f.write("".join(f"{n}\n" for n in data.target_names))

    rows = data.data[list(EXAMPLE_ROWS)]
    request = {"inputs": [{"name": "input", "datatype": "FP32", "shape": [len(rows), 4],
                           "data": [round(float(v), 1) for v in rows.ravel()]}]}
    with open(EXAMPLE, "w") as f:
        json.dump(request, f)
        f.write("\n")
    with torch.no_grad():
        p = model(torch.tensor(rows, dtype=torch.float32)).numpy()
    for i, r in enumerate(EXAMPLE_ROWS):
        print(f"example row {r} {rows[i].tolist()}: true {data.target_names[data.target[r]]}, "
              f"predicted {data.target_names[p[i].argmax()]} (p={p[i].max():.3f})")


if __name__ == "__main__":
    main()
