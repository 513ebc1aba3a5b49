#!/usr/bin/python3
"""Write a "heavy" TorchScript CNN bundle for load/latency benchmarks.

The model is torchvision's ResNet-18 (or MobileNetV2 with --arch mobilenet_v2) with RANDOM
weights (weights=None, torch.manual_seed(0)); nothing is downloaded. Its outputs are
meaningless, it only costs realistic CPU time. The bundle is ~45 MB and is not committed
(bench/models/heavy-cnn*/ is in .gitignore).

Usage (from anywhere):
  /usr/bin/python3 bench/models/make_heavy_cnn.py [OUT_DIR] [--batch N] [--delay MS]
                                                  [--arch resnet18|mobilenet_v2] [--size PX] [--no-verify]
  OUT_DIR     default bench/models/heavy-cnn (relative to the repository root)
  --batch N   serving.batching.maxBatchSize (default 16); 0 = no batching line in slipway.yaml
  --no-batching  same as --batch 0
  --delay MS  serving.batching.maxDelayMs (default 5)
  --size PX   input height and width (default 224)

Writes OUT_DIR/slipway.yaml and OUT_DIR/model/heavy.pt
  input  FP32 [N, 3, PX, PX]   output FP32 [N, 1000] (logits)
"""
import argparse
import os
import sys
import time

# TorchScript serialisation writes module constants in set order, which depends on Python's
# string-hash seed; pin it (re-exec once) so that repeated runs give byte-identical files.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch  # noqa: E402
import torchvision  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def manifest(batch, delay, size):
    lines = [
        "name: heavy-cnn",
        "model:",
        "  name: heavy-cnn",
        "  format: torchscript",
        "  path: model/heavy.pt",
        "  inputs:",
        f"    - {{ name: input, datatype: FP32, shape: [-1, 3, {size}, {size}] }}",
    ]
    if batch > 0:
        lines.append("serving:")
        lines.append(f"  batching: {{ maxBatchSize: {batch}, maxDelayMs: {delay} }}")
    return "\n".join(lines) + "\n"


def timed_forward(module, n, repeats, size):
    x = torch.randn(n, 3, size, size, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        module(x)  # warm-up (TorchScript profiling/optimisation runs happen here)
        module(x)
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            y = module(x)
            times.append(time.perf_counter() - t)
    assert y.shape == (n, 1000) and y.dtype == torch.float32, y.shape
    times.sort()
    return times[len(times) // 2], times[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("out_dir", nargs="?", default=os.path.join(REPO, "bench", "models", "heavy-cnn"))
    ap.add_argument("--batch", type=int, default=16, help="maxBatchSize; 0 = no batching")
    ap.add_argument("--no-batching", action="store_true", help="same as --batch 0")
    ap.add_argument("--delay", type=int, default=5, help="maxDelayMs")
    ap.add_argument("--arch", choices=["resnet18", "mobilenet_v2"], default="resnet18")
    ap.add_argument("--size", type=int, default=224, help="input height and width in pixels")
    ap.add_argument("--no-verify", action="store_true", help="skip reload and timing")
    args = ap.parse_args()
    batch = 0 if args.no_batching else args.batch
    if batch < 0:
        ap.error("--batch must be >= 0")

    torch.manual_seed(0)
    torch.set_num_threads(2)
    model = getattr(torchvision.models, args.arch)(weights=None).eval()

    out = os.path.abspath(args.out_dir)
    os.makedirs(os.path.join(out, "model"), exist_ok=True)
    pt = os.path.join(out, "model", "heavy.pt")
    torch.jit.script(model).save(pt)  # scripted: any batch size
    with open(os.path.join(out, "slipway.yaml"), "w") as f:
        f.write(manifest(batch, args.delay, args.size))
    print(f"wrote {pt} ({os.path.getsize(pt) / 1e6:.1f} MB, {args.arch}, random weights)")
    print(f"wrote {os.path.join(out, 'slipway.yaml')} "
          f"({'batching ' + str(batch) + '/' + str(args.delay) + ' ms' if batch else 'no batching'})")

    if args.no_verify:
        return
    loaded = torch.jit.load(pt).eval()
    for n in (1, 4):
        with torch.no_grad():
            y = loaded(torch.zeros(n, 3, args.size, args.size))
        assert y.shape == (n, 1000), y.shape
    print("reloaded ok at batch 1 and 4")
    for n, reps in ((1, 10), (16, 3)):
        med, best = timed_forward(loaded, n, reps, args.size)
        print(f"forward batch {n:2d} with {torch.get_num_threads()} threads: median {med * 1000:.0f} ms, "
              f"best {best * 1000:.0f} ms ({med * 1000 / n:.1f} ms/image)")


if __name__ == "__main__":
    main()
