"""PIT's mutations.xml as one line per package: generated, killed (a failing test or a time-out), survived, no coverage."""
import collections
import sys
import xml.etree.ElementTree as ET

counts = collections.defaultdict(collections.Counter)
for mutation in ET.parse(sys.argv[1]).getroot():
    package = mutation.find("mutatedClass").text.rsplit(".", 1)[0]
    status = mutation.get("status")
    kind = {"KILLED": "killed", "TIMED_OUT": "killed", "MEMORY_ERROR": "killed", "RUN_ERROR": "killed",
            "SURVIVED": "survived", "NO_COVERAGE": "no coverage"}.get(status, status.lower())
    counts[package]["generated"] += 1
    counts[package][kind] += 1
for package, c in sorted(counts.items()):
    covered = c["generated"] - c["no coverage"]
    print(f"  {package}: {c['generated']} mutants, {c['killed']} killed ({100 * c['killed'] // c['generated']}%), "
          f"{c['survived']} survived, {c['no coverage']} not covered; test strength {100 * c['killed'] // max(covered, 1)}%")
