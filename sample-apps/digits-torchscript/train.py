#!/usr/bin/python3
"""Train the 8x8 handwritten-digits sample CNN and export it as TorchScript.

Run from anywhere:  /usr/bin/python3 sample-apps/digits-torchscript/train.py

Outputs (next to this script): model/digits.pt, model/labels.txt, example-request.json
  input  FP32 [N, 1, 8, 8]  pixel intensities scaled to [0, 1] (sklearn's 0..16 divided by 16)
  output FP32 [N, 10]       logits for the digits 0..9 (apply softmax for probabilities)
Deterministic: fixed seeds, single-threaded CPU training.
"""
import json
import os
import random
import sys
import time

# TorchScript serialisation writes module constants in set order, which depends on Python's
# string-hash seed; pin it (re-exec once) so that repeated runs give byte-identical files.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 42
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "model", "digits.pt")
LABELS = os.path.join(HERE, "model", "labels.txt")
EXAMPLE = os.path.join(HERE, "example-request.json")
EXAMPLE_TEST_INDEX = 0  # which test-set image goes into example-request.json
EPOCHS = 15
BATCH = 32


class DigitsCNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 16, kernel_size=3, padding=1)   # 16x8x8
        self.conv2 = torch.nn.Conv2d(16, 32, kernel_size=3, padding=1)  # 32x8x8 -> pool 32x4x4
        self.pool = torch.nn.MaxPool2d(2)
        self.dropout = torch.nn.Dropout(0.25)
        self.fc = torch.nn.Linear(32 * 4 * 4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.conv1(x))
        x = self.pool(torch.relu(self.conv2(x)))
        x = self.dropout(torch.flatten(x, 1))
        return self.fc(x)


def main():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    data = load_digits()
    x = (data.images / 16.0).astype(np.float32)[:, None, :, :]  # [1797, 1, 8, 8]
    y = data.target
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=0.25, stratify=y, random_state=SEED)

    model = DigitsCNN()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x_train), torch.from_numpy(y_train).long()
    gen = torch.Generator().manual_seed(SEED)
    start = time.time()
    for epoch in range(EPOCHS):
        model.train()
        perm = torch.randperm(len(xt), generator=gen)
        total = 0.0
        for i in range(0, len(xt), BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch + 1:2d} loss {total / len(xt):.4f}")
    print(f"training took {time.time() - start:.1f}s")

    model.eval()
    xs = torch.from_numpy(x_test)
    with torch.no_grad():
        logits = model(xs)
    pred = logits.argmax(dim=1).numpy()
    correct = int((pred == y_test).sum())
    print(f"test accuracy {correct / len(y_test):.4f} ({correct}/{len(y_test)}, "
          f"stratified 75/25 split, random_state={SEED})")

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    scripted = torch.jit.script(model)  # scripted (not traced): no batch size baked in
    scripted.save(OUT)  # saved in eval mode (dropout off)
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")

    # verify the saved file: other batch sizes, same results as the eager model
    loaded = torch.jit.load(OUT)
    with torch.no_grad():
        for n in (1, 5, len(xs)):
            out = loaded(xs[:n])
            assert out.shape == (n, 10) and out.dtype == torch.float32, out.shape
            assert torch.allclose(out, logits[:n], atol=1e-5), n
    print("reloaded TorchScript ok at batch 1, 5 and", len(xs))

    with open(LABELS, "w") as f:
        f.write("".join(f"{d}\n" for d in range(10)))

    img = x_test[EXAMPLE_TEST_INDEX]  # [1, 8, 8]; values are k/16, exact in JSON
    request = {"inputs": [{"name": "input", "datatype": "FP32", "shape": [1, 1, 8, 8],
                           "data": [float(v) for v in img.ravel()]}]}
    with open(EXAMPLE, "w") as f:
        json.dump(request, f)
        f.write("\n")
    print(f"example test image {EXAMPLE_TEST_INDEX}: true digit {y_test[EXAMPLE_TEST_INDEX]}, "
          f"predicted {pred[EXAMPLE_TEST_INDEX]}")
    print("\n".join("  " + "".join(" .:-=+*#%@"[min(9, int(v * 10))] * 2 for v in row)
                    for row in img[0]))


if __name__ == "__main__":
    main()
