#!/usr/bin/env python3
# Copyright 2026 The Yamori authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What an offline import of the shared advisory samples should store, worked
# out from the files' own structure and not with our parsers; the expected
# numbers of ym-advisory-import-test.c come from here.
#
# Usage: ym-advisory-import-counts.py $YM_SHARED_DATA/advisories
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

COMPANIONS = (".asc", ".sha256", ".sha512", ".md", ".txt", ".csv", ".sig", ".minisig")

root = sys.argv[1]
stats = dict(files=0, skipped=0, failed=0)
ids = {k: set() for k in ("jvn", "kev", "nvd", "cve5", "csaf")}
emitted = {k: 0 for k in ids}


def walk(o, key):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == key:
                yield v
            yield from walk(v, key)
    elif isinstance(o, list):
        for v in o:
            yield from walk(v, key)


def add(source, record_id):
    ids[source].add(record_id)
    emitted[source] += 1


def json_file(raw):
    # MyJVN examples leave values out of their status block ("retMax": ,)
    d = json.loads(re.sub(r":\s*,", ": null,", raw))
    n = 0
    if "catalogVersion" in d and "vulnerabilities" in d:
        for v in d["vulnerabilities"]:
            add("kev", v["cveID"].upper())
            n += 1
    elif isinstance(d.get("document"), dict) and "csaf_version" in d["document"]:
        # MyJVN's CSAF-like documents are JVN records
        jvn = d["document"].get("category") == "myjvn_security_advisory"
        add("jvn" if jvn else "csaf", d["document"]["tracking"]["id"])
        n += 1
    elif d.get("type") == "bundle":
        # VULDEF in STIX: CSAF-like documents inside the JVN SDOs
        for o in d["objects"]:
            if o["type"] == "jvn-jp-sdo":
                for v in walk(o, "VULDEF-Document"):
                    for x in v if isinstance(v, list) else [v]:
                        add("jvn", x["document"]["tracking"]["id"])
                        n += 1
    elif isinstance(d.get("feed"), dict):
        for e in d["feed"].get("entry", []):
            if str(e.get("id", "")).startswith("JVNDB-"):
                add("jvn", e["id"])
                n += 1
    elif d.get("dataType") == "CVE_RECORD":
        if d["cveMetadata"].get("state", "").upper() != "REJECTED":
            add("cve5", d["cveMetadata"]["cveId"].upper())
        n += 1
    elif d.get("format") == "NVD_CVE" or ("id" in d and "vulnStatus" in d):
        records = [v["cve"] for v in d["vulnerabilities"]] if "vulnerabilities" in d else [d]
        for c in records:
            n += 1
            if c.get("vulnStatus") == "Rejected":
                print("rejected", c["id"])
                continue
            add("nvd", c["id"].upper())
    return n


def xml_file(raw):
    # the HND data feed example has an unquoted attribute (retCd= 0)
    raw = re.sub(r"retCd=\s*(\d+)", r'retCd="\1"', raw)
    n = 0
    for e in ET.fromstring(raw.encode()).iter():
        tag = e.tag.split("}")[-1]
        for c in e:
            child = c.tag.split("}")[-1]
            own_id = (tag == "Vulinfo" and child == "VulinfoID") or (
                tag == "item" and child == "identifier"
            )
            if own_id and c.text.strip().startswith("JVNDB-"):
                add("jvn", c.text.strip())
                n += 1
    return n


n_files = 0
for directory, folders, names in os.walk(root):
    folders[:] = [f for f in folders if not f.startswith(".")]
    for name in names:
        if name.startswith("."):
            continue
        n_files += 1
        if name.endswith(COMPANIONS) or name.endswith("schema.json") or name.startswith("LICENSE"):
            stats["skipped"] += 1
            continue
        raw = open(os.path.join(directory, name), "rb").read().decode("utf-8-sig")
        n = json_file(raw) if raw.lstrip().startswith("{") else xml_file(raw)
        stats["files" if n else "skipped"] += 1

print("files in the folder", n_files)
print("stats", stats)
print("distinct", {k: len(v) for k, v in ids.items()}, "total", sum(len(v) for v in ids.values()))
print("emitted", emitted, "total", sum(emitted.values()))
