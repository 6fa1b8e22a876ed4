#!/usr/bin/env python3
"""bench/run.sh's table: the RESULT lines it collected, as Markdown, and the loss check.

Every contestant's loss after the check steps must equal the float64 reference (deltac's EJML engine in float64,
from the same float32 initial weights) within --tolerance, relative: float32 noise, far below what one step more or
less, a sample skipped or a different order moves it. Exit 1 when one does not.
"""
import argparse
import json
import os
import platform
import sys

ORDER = ["deltac-jdk17", "deltac-jdk25", "deltac-loop-jdk17", "deltac-loop-jdk25", "deltac-ejml-jdk17", "deltac-ejml-jdk25", "hand-ejml-jdk17",
         "hand-ejml-jdk25", "hand-loops-jdk17", "hand-loops-jdk25", "pytorch", "pytorch-1t", "dl4j-jdk17"]
BASELINE = "deltac-jdk17"


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def cpu_field(name):
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.split(":", 1)[0].strip() == name:
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def peak():
    """Float32 GFLOP/s the cores can start: 2 FMA units a core (Zen 3 to 5, Intel since Haswell), each a vector of
    16 floats with AVX-512 or 8 with AVX2 a cycle, 2 flops a lane; at the clock /proc/cpuinfo gives. Returns
    (GFLOP/s or None, the words that say how)."""
    flags = " " + cpu_field("flags") + " "
    lanes = 16 if " avx512f " in flags else 8 if " avx2 " in flags else 4
    try:
        ghz = float(cpu_field("cpu MHz")) / 1000
    except ValueError:
        return None, ""
    cores = os.cpu_count() or 1
    isa = "AVX-512" if lanes == 16 else "AVX2" if lanes == 8 else "SSE"
    value = cores * 2 * lanes * 2 * ghz
    return value, f"{isa} ({lanes} float lanes), peak {value:.0f} GFLOP/s = {cores} cores × 2 FMA units × {lanes} lanes × 2 flops × {ghz:.2f} GHz"


def flops_per_sample(sizes, training):
    """A dense network's multiply-adds, two flops each: the forward product of every layer, and in training its
    dW = δ aᵀ and, but for the first layer, its Wᵀ δ."""
    layers = [sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1)]
    mads = sum(layers) * (3 if training else 1) - (layers[0] if training else 0)
    return 2 * mads


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def merge_rounds(lines):
    """One row per workload and contestant: the timed runs of its rounds (BENCH_ROUNDS) together, their median
    recomputed; a contestant that failed in any round is a failure."""
    rows = {}
    for line in lines:
        key = (line["workload"], line["label"])
        row = rows.get(key)
        if row is None:
            rows[key] = dict(line)
        elif "failed" in line or "failed" in row:
            rows[key] = line if "failed" in line else row
        else:
            for runs, mid in (("samples_per_s", "median"), ("infer_samples_per_s", "infer_median"),
                              ("kernel_samples_per_s", "kernel_median")):
                if runs in line and runs in row:
                    row[runs] = row[runs] + line[runs]
                    row[mid] = median(row[runs])
            row["rounds"] = row.get("rounds", 1) + 1
    return list(rows.values())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--tolerance", type=float, default=1e-5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--baseline", help="an earlier results.jsonl: flag every median more than --drop below it")
    parser.add_argument("--drop", type=float, default=0.10)
    args = parser.parse_args()

    with open(args.results) as f:
        rows = merge_rounds([json.loads(line) for line in f if line.strip()])
    workloads = []
    for r in rows:
        if r["workload"] not in workloads:
            workloads.append(r["workload"])
    notes = dict(n.split("=", 1) for n in args.note if "=" in n and n.split("=", 1)[1])

    rounds = max((r.get("rounds", 1) for r in rows), default=1)
    spread = f" in {rounds} rounds (every contestant once a round)" if rounds > 1 else ""
    print(f"deltac benchmark: {cpu()}, {os.cpu_count()} cores; samples/s are the median of {args.runs} timed runs{spread}; "
          f"ratio = samples/s ÷ deltac generated f32 on JDK 17 (above 1: faster than deltac); the loss is the mean "
          f"cross-entropy of the evaluation samples after the check steps, and Δ its relative difference to the "
          f"float64 reference (tolerance {args.tolerance:g}).")
    top, how = peak()
    if how:
        print()
        print(f"GFLOP/s count the products' multiply-adds alone (two flops each); the CPU: {how}.")
    print()
    disagreements = []
    for w in workloads:
        with open(os.path.join(args.data, w + ".json")) as f:
            meta = json.load(f)
        ref = meta["reference_loss"]
        sizes = "-".join(str(s) for s in meta["sizes"])
        check = (f"{meta['check_steps']} steps = one epoch" if meta["check_steps"] == meta["steps_per_epoch"]
                 else f"the first {meta['check_steps']} steps ({meta['check_steps'] * meta['batch']} samples)")
        print(f"**{w} {meta['label']}**: {sizes} {meta['activation']}, batch {meta['batch']}, SGD lr {meta['lr']}, "
              f"float32; loss check after {check}, on the first {meta['eval_count']} samples; "
              f"float64 reference loss {ref:.7f}")
        print()
        print("| workload | contestant | JDK | threads | samples/s | GFLOP/s | ratio to deltac f32 (JDK 17) | loss after check | Δ to float64 |")
        print("|---|---|---|---|---:|---:|---:|---:|---:|")
        per_sample = flops_per_sample(meta["sizes"], True)
        mine = [r for r in rows if r["workload"] == w]
        mine.sort(key=lambda r: ORDER.index(r["label"]) if r["label"] in ORDER else len(ORDER))
        base = next((r["median"] for r in mine if r["label"] == BASELINE and "median" in r), None)
        for r in mine:
            if "failed" in r:
                print(f"| {w} | {r['contestant']} | | | failed | | | | {r['failed'][:80]} |")
                continue
            ratio = "n/a"
            if base:
                q = r["median"] / base
                ratio = f"{q:.2f}×" if q >= 0.1 else f"{q:.2g}×"
            if "kernel_median" in r:
                # each epoch was followed by one kernel run: the median of the pairs' ratios
                pairs = [a / b for a, b in zip(r["samples_per_s"], r["kernel_samples_per_s"])]
                ratio += f" ({median(pairs):.2f}× its kernel)"
            gflops = r["median"] * per_sample / 1e9
            gflops = f"{gflops:.1f}" + (f" ({gflops / top:.0%})" if top else "")
            delta = abs(r["loss"] - ref) / abs(ref)
            ok = delta <= args.tolerance
            if not ok:
                disagreements.append(f"{w} {r['title']}: loss {r['loss']:.7f}, reference {ref:.7f}, Δ {delta:.1e}")
            jdk = r["jdk"] if r.get("jdk") else "–"
            print(f"| {w} | {r['title']} | {jdk} | {r['threads']} | {r['median']:,.0f} | {gflops} | {ratio} | "
                  f"{r['loss']:.7f} | {delta:.1e}{'' if ok else ' **DISAGREES**'} |")
        print()
        timed = [r for r in mine if "infer_median" in r]
        if timed:
            base = next((r["infer_median"] for r in timed if r["label"] == BASELINE), None)
            print(f"{w} inference (the forward pass to the softmax, batch {meta['batch']}, after training):")
            print()
            print("| workload | contestant | JDK | threads | samples/s | GFLOP/s | ratio to deltac f32 (JDK 17) |")
            print("|---|---|---|---|---:|---:|---:|")
            per_sample = flops_per_sample(meta["sizes"], False)
            for r in timed:
                q = r["infer_median"] / base if base else None
                ratio = "n/a" if q is None else (f"{q:.2f}×" if q >= 0.1 else f"{q:.2g}×")
                jdk = r["jdk"] if r.get("jdk") else "–"
                gflops = r["infer_median"] * per_sample / 1e9
                gflops = f"{gflops:.1f}" + (f" ({gflops / top:.0%})" if top else "")
                print(f"| {w} inference | {r['title']} | {jdk} | {r['threads']} | {r['infer_median']:,.0f} | {gflops} | {ratio} |")
            print()
    details = {}
    for r in rows:
        if "details" in r and r["details"]:
            details.setdefault(r["label"], r["details"])
    if details:
        print("Details: " + "; ".join(f"{k}: {v}" for k, v in details.items()) + ".")
    for k, v in notes.items():
        print(f"{k}: {v}")
    regressions = compare(rows, args.baseline, args.drop) if args.baseline else []
    if disagreements:
        print()
        print("LOSS CHECK FAILED: these contestants do not reach the reference loss within float32 noise:")
        for d in disagreements:
            print("- " + d)
        return 1
    print()
    print(f"Loss check passed: every contestant is within {args.tolerance:g} (relative) of the float64 reference.")
    if regressions:
        print()
        print(f"REGRESSION: these medians are more than {args.drop:.0%} below the baseline {args.baseline}:")
        for r in regressions:
            print("- " + r)
        return 4
    return 0


def compare(rows, baseline_path, drop):
    """Each median (training, and inference where timed) against the same workload and contestant in the baseline."""
    with open(baseline_path) as f:
        baseline = merge_rounds([json.loads(line) for line in f if line.strip()])
    before = {}
    for r in baseline:
        for key in ("median", "infer_median"):
            if key in r:
                before[(r["workload"], r["label"], key)] = r[key]
    found = []
    peers = []
    print()
    print(f"Against the baseline {baseline_path} (a drop of more than {drop:.0%} in a deltac row is flagged; the "
          f"other rows show how much the machine itself moved):")
    for r in rows:
        for key, what in (("median", "training"), ("infer_median", "inference")):
            old = before.get((r["workload"], r["label"], key))
            if old is None or key not in r:
                continue
            change = r[key] / old - 1
            mine = r["label"].startswith("deltac")
            if not mine:
                peers.append(change)
            flag = mine and change < -drop
            print(f"- {r['workload']} {what} {r['label']}: {old:,.0f} → {r[key]:,.0f} samples/s ({change:+.0%})"
                  + (" **DROP**" if flag else ""))
            if flag:
                found.append(f"{r['workload']} {what} {r['label']}: {old:,.0f} → {r[key]:,.0f} samples/s ({change:+.0%})")
    if peers:
        peers.sort()
        print(f"The other contestants moved by {peers[len(peers) // 2]:+.0%} (median) between the two runs.")
    return found


if __name__ == "__main__":
    sys.exit(main())
