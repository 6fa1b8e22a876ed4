#!/usr/bin/env python3
"""PyTorch on CPU, one workload of bench/run.sh, by the protocol of deltac.bench.Measure.

Reads what deltac.bench.Prepare wrote (bench/out/data/<W>.json and the files it names): the samples, the order
they are used in and the initial weights (safetensors, read here without the safetensors package). The network is
an nn.Sequential of nn.Linear layers with the hidden activation, trained as PyTorch users write it:
F.cross_entropy on the logits (mean over the batch), loss.backward(), torch.optim.SGD(lr) without momentum.

  python3 bench/pytorch_bench.py --data bench/out/data --workload W2 [--runs 5] [--warmup 2] [--seconds 1]

Prints "RESULT {json}" as deltac.bench.Run does.
"""
import argparse
import ctypes
import json
import os
import struct
import subprocess
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {info['dtype']}, expected F32")
        start, end = info["data_offsets"]
        t = torch.frombuffer(bytearray(raw[base + start:base + end]), dtype=torch.float32)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors


def read_raw(path, dtype):
    with open(path, "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=dtype).clone()


def blas_description():
    """The BLAS this process loaded: (a description with OpenBLAS's core name, its thread count or None)."""
    libs = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and "blas" in os.path.basename(fields[-1]):
                libs.add(fields[-1])
    for path in sorted(libs):
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
            config = lib.openblas_get_config().decode().split()
            threads = lib.openblas_get_num_threads()
            return f"OpenBLAS {config[1]} ({os.path.basename(path)}) core {lib.openblas_get_corename().decode()}", threads
        except (OSError, AttributeError, IndexError):
            continue
    return "BLAS " + (", ".join(os.path.basename(p) for p in sorted(libs)) or "unknown"), None


def debian_version(package):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="bench/out/data")
    parser.add_argument("--workload", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads; 0 (default): PyTorch's own choice")
    args = parser.parse_args()

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    with open(os.path.join(args.data, args.workload + ".json")) as f:
        meta = json.load(f)
    sizes = meta["sizes"]
    batch = meta["batch"]
    features = read_raw(os.path.join(args.data, meta["features"]), torch.float32).reshape(-1, sizes[0])
    labels = read_raw(os.path.join(args.data, meta["labels"]), torch.int32).long()
    order = read_raw(os.path.join(args.data, meta["order"]), torch.int32).long()
    init = read_safetensors(os.path.join(args.data, meta["init"]))

    activation = {"tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "relu": nn.ReLU}[meta["activation"]]
    layers = []
    for l in range(1, len(sizes)):
        layers.append(nn.Linear(sizes[l - 1], sizes[l]))
        if l < len(sizes) - 1:
            layers.append(activation())
    model = nn.Sequential(*layers)
    linears = [m for m in model if isinstance(m, nn.Linear)]

    def reset():
        with torch.no_grad():
            for l, lin in enumerate(linears, start=1):
                lin.weight.copy_(init[f"W{l}"])                      # out x in, as deltac's W
                lin.bias.copy_(init[f"b{l}"].reshape(-1))
        return torch.optim.SGD(model.parameters(), lr=meta["lr"])

    steps_per_epoch = meta["steps_per_epoch"]
    xs, ys = [], []
    for b in range(steps_per_epoch):
        idx = order[b * batch:(b + 1) * batch]
        xs.append(features[idx].contiguous())
        ys.append(labels[idx].contiguous())
    eval_x = features[:meta["eval_count"]].contiguous()
    eval_y = labels[:meta["eval_count"]].contiguous()

    def step(s, opt):
        b = s % steps_per_epoch
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xs[b]), ys[b])
        loss.backward()
        opt.step()
        return loss.item()

    # check: from the initial weights, the check steps in the shared order, then the loss on the evaluation samples
    opt = reset()
    t0 = time.perf_counter()
    first = step(0, opt)
    for s in range(1, meta["check_steps"]):
        step(s, opt)
    check_seconds = time.perf_counter() - t0
    with torch.no_grad():
        loss = F.cross_entropy(model(eval_x), eval_y).item()

    # warm-up, then the timed runs, continuing the order
    cursor = meta["check_steps"]
    sink = 0.0
    start = time.perf_counter()
    warm = 0
    while warm == 0 or time.perf_counter() - start < args.warmup:
        sink += step(cursor, opt)
        cursor += 1
        warm += 1
    per_step = (time.perf_counter() - start) / warm
    steps_per_run = max(1, int(-(-args.seconds // per_step)))
    rates = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for _ in range(steps_per_run):
            sink += step(cursor, opt)
            cursor += 1
        rates.append(steps_per_run * batch / (time.perf_counter() - t))
    if sink != sink:
        raise SystemExit("a loss was NaN")

    # inference (W2): predictions of the epoch's batches in turn, softmax included, as the JVM contestants do
    infer_rates = []
    if meta.get("times_inference"):
        def infer(s):
            with torch.no_grad():
                return torch.softmax(model(xs[s % steps_per_epoch]), dim=1)[0, 0].item()
        start, warm, cursor = time.perf_counter(), 0, 0
        while warm == 0 or time.perf_counter() - start < args.warmup:
            sink += infer(cursor)
            cursor += 1
            warm += 1
        per_batch = (time.perf_counter() - start) / warm
        batches_per_run = max(1, int(-(-args.seconds // per_batch)))
        for _ in range(args.runs):
            t = time.perf_counter()
            for _ in range(batches_per_run):
                sink += infer(cursor)
                cursor += 1
            infer_rates.append(batches_per_run * batch / (time.perf_counter() - t))
    def median_of(values):
        ordered = sorted(values)
        m = len(ordered) // 2
        return ordered[m] if len(ordered) % 2 else (ordered[m - 1] + ordered[m]) / 2
    median = median_of(rates)
    blas, blas_threads = blas_description()
    env = [k for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ]
    result = {
        "workload": meta["workload"], "contestant": "pytorch", "title": "PyTorch CPU",
        "jdk": None, "threads": f"{torch.get_num_threads()} intra-op, BLAS {blas_threads if blas_threads else '?'}",
        "details": f"torch {torch.__version__} (python3-torch {debian_version('python3-torch') or '?'}), {blas}" + (", with " + " ".join(env) + " set" if env else ""),
        "loss": loss, "first_loss": first, "check_seconds": round(check_seconds, 3),
        "steps_per_run": steps_per_run, "samples_per_s": [round(r, 1) for r in rates], "median": round(median, 1),
    }
    if infer_rates:
        result["infer_samples_per_s"] = [round(r, 1) for r in infer_rates]
        result["infer_median"] = round(median_of(infer_rates), 1)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
