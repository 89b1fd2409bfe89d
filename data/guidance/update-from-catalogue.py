#!/usr/bin/env python3
# Builds data/guidance/<topic>.json from the shared guidance catalogue
# (../shared/guidance-catalogue.md): one fenced YAML block per topic.
# Developer notes stay in the catalogue; everything a resident reads, and
# the fields the daemon needs, is kept.
#   data/guidance/update-from-catalogue.py [CATALOGUE]
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "guidance-catalogue.md")
KEEP = ["id", "category", "severity", "raise_when", "trigger", "title", "why", "steps",
        "slots", "contact", "sources"]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    written = []
    for block in blocks:
        topic = yaml.safe_load(block)
        if isinstance(topic, dict) and "modifiers" in topic:
            # section 2: safety modifiers by device class
            with open(os.path.join(HERE, "_modifiers.json"), "w", encoding="utf-8") as f:
                json.dump(topic, f, ensure_ascii=False, indent=2)
                f.write("\n")
            written.append("_modifiers")
            continue
        if not isinstance(topic, dict) or "id" not in topic:
            continue
        out = {key: topic[key] for key in KEEP if key in topic}
        name = os.path.join(HERE, topic["id"] + ".json")
        with open(name, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
            f.write("\n")
        written.append(topic["id"])
    print("wrote %d topics: %s" % (len(written), ", ".join(written)))


if __name__ == "__main__":
    main()
