#!/usr/bin/env python3
"""bench/depth.sh's verdict on a DepthBenchmark run (JMH's JSON): each benchmark's time at each depth, its growth
from the depth before, and its change from the saved baseline.

Exit 4 when a doubling of the depth more than doubles the time, counting JMH's error bars in the depth's favour
(the lower bound at 2L over the upper bound at L above 2: a cost that grows faster than the graph), or when a time
is more than --slower above the baseline's beyond both error bars. Exit 0 otherwise.
"""
import argparse
import json
import os
import sys


def times(path):
    """{benchmark: {layers: (ms, error)}} from a JMH JSON result file."""
    with open(path) as f:
        results = json.load(f)
    found = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[-1]
        layers = int(r["params"]["layers"])
        metric = r["primaryMetric"]
        error = metric.get("scoreError")
        error = 0.0 if error is None or error != error else error  # NaN with fewer than two iterations
        found.setdefault(name, {})[layers] = (metric["score"], error)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--baseline")
    parser.add_argument("--slower", type=float, default=0.25)
    args = parser.parse_args()
    run = times(args.results)
    base = times(args.baseline) if args.baseline and os.path.exists(args.baseline) else {}
    failures = []
    print("| benchmark | layers | ms | growth from half the depth | baseline ms | change |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, by_depth in sorted(run.items()):
        for layers in sorted(by_depth):
            ms, err = by_depth[layers]
            growth = ""
            half = by_depth.get(layers // 2) if layers % 2 == 0 else None
            if half:
                growth = f"{ms / half[0]:.2f}×"
                if (ms - err) / (half[0] + half[1]) > 2:
                    failures.append(f"{name}: {layers // 2} → {layers} layers took {ms / half[0]:.2f}× the time "
                                    f"({half[0]:.1f} → {ms:.1f} ms): more than double, beyond the error bars")
                    growth += " **SUPERLINEAR**"
            old = base.get(name, {}).get(layers)
            change = ""
            if old:
                change = f"{ms / old[0] - 1:+.0%}"
                if (ms - err) > (old[0] + old[1]) * (1 + args.slower):
                    failures.append(f"{name} at {layers} layers: {old[0]:.1f} → {ms:.1f} ms, more than "
                                    f"{args.slower:.0%} above the baseline")
                    change += " **SLOWER**"
            print(f"| {name} | {layers:,} | {ms:,.1f} ± {err:,.1f} | {growth} | "
                  f"{'' if not old else f'{old[0]:,.1f}'} | {change} |")
    if failures:
        print()
        print("FAILED:")
        for f in failures:
            print("- " + f)
        return 4
    print()
    print("Linear: no doubling of the depth more than doubled a time" + (", and no time is more than "
          f"{args.slower:.0%} above the baseline." if base else " (no baseline to compare with)."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
