#!/usr/bin/env python3
"""Makes the small data files under examples/data from the bundled Iris data (runtime's resources), so that
each example has data it trains on with `deltac train SPEC --data FILE` alone. Deterministic: rerunning it
rewrites the same bytes.

  xor.csv                  the four XOR points, 25 times each, shuffled (seed 1)
  setosa.csv               Iris's four measurements and "is it setosa?" (yes/no), for logistic_regression
  petal_width.csv          Iris's sepal length and width and petal length, and the petal width to predict
  iris_two_inputs.safetensors
                           sepal [150, 2], petal [150, 2] and y [150, 3] (one-hot species), float32, sample-major,
                           for two_inputs
"""
import csv
import json
import random
import struct
from pathlib import Path

root = Path(__file__).resolve().parent.parent
iris_csv = root / "runtime/src/main/resources/deltac/data/iris.csv"
out = root / "examples/data"
out.mkdir(parents=True, exist_ok=True)

with open(iris_csv) as f:
    reader = csv.reader(f)
    header = next(reader)
    iris = [row for row in reader if row]

random.seed(1)
rows = [(a, b, a ^ b) for a in (0, 1) for b in (0, 1)] * 25
random.shuffle(rows)
with open(out / "xor.csv", "w") as f:
    f.write("a,b,xor\n")
    for a, b, y in rows:
        f.write(f"{a},{b},{y}\n")

with open(out / "setosa.csv", "w") as f:
    f.write(",".join(header[:4]) + ",setosa\n")
    for row in iris:
        f.write(",".join(row[:4]) + "," + ("yes" if row[4] == "setosa" else "no") + "\n")

with open(out / "petal_width.csv", "w") as f:
    f.write(",".join(header[:4]) + "\n")
    for row in iris:
        f.write(",".join(row[:4]) + "\n")

species = sorted({row[4] for row in iris})
tensors = {
    "sepal": [[float(r[0]), float(r[1])] for r in iris],
    "petal": [[float(r[2]), float(r[3])] for r in iris],
    "y": [[1.0 if r[4] == s else 0.0 for s in species] for r in iris],
}
header_json = {"__metadata__": {"species": ",".join(species)}}
data = b""
for name, values in tensors.items():
    flat = [v for row in values for v in row]
    blob = struct.pack("<%df" % len(flat), *flat)
    header_json[name] = {"dtype": "F32", "shape": [len(values), len(values[0])],
                         "data_offsets": [len(data), len(data) + len(blob)]}
    data += blob
h = json.dumps(header_json, separators=(",", ":")).encode()
h += b" " * (-len(h) % 8)
with open(out / "iris_two_inputs.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(h)) + h + data)
