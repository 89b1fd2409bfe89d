#!/usr/bin/env python3
# Converts an abuse.ch SSLBL CSV that the user downloaded into a Yamori
# block list (signatures/README.md, "blocklists/*.list"):
#   JA3 list:         ja3_md5,Firstseen,Lastseen,Listingreason
#   certificate list: Listingdate,SHA1,Listingreason
# The kind is recognised from the columns. Check the terms of use at
# https://sslbl.abuse.ch/blacklist/ before redistributing the output.
#   scripts/sslbl-to-blocklist.py [--keep-fake] CSV > sslbl.list
# nDPI's copy of the certificate list starts with a fake entry ("Fake",
# listed 1970-01-01) for its own tests; it is dropped unless --keep-fake.
import argparse
import csv
import re
import sys

HEX32 = re.compile(r"^[0-9a-fA-F]{32}$")
HEX40 = re.compile(r"^[0-9a-fA-F]{40}$")


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def convert(path, keep_fake, out):
    n = 0
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        for number, row in enumerate(csv.reader(f), 1):
            if not row or row[0].lstrip().startswith("#"):
                continue
            row = [c.strip() for c in row]
            if len(row) >= 4 and HEX32.match(row[0]):
                kind, value, label = "ja3", row[0], row[3]
            elif len(row) >= 3 and HEX40.match(row[1]):
                kind, value, label = "cert-sha1", row[1], row[2]
                if row[0].startswith("1970-01-01") and label == "Fake" and not keep_fake:
                    continue
            else:
                sys.exit(f"{path}:{number}: not an SSLBL JA3 or certificate row")
            label = "".join(ch for ch in label if ch.isprintable())
            out.write(f'{kind} {value.lower()} source="abuse.ch SSLBL"')
            if label:
                out.write(f" label={quote(label)}")
            out.write("\n")
            n += 1
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv")
    parser.add_argument("--keep-fake", action="store_true",
                        help="keep nDPI's fake test certificate entry")
    args = parser.parse_args()
    sys.stdout.write(f"# converted from {args.csv.split('/')[-1]} by sslbl-to-blocklist.py\n")
    n = convert(args.csv, args.keep_fake, sys.stdout)
    print(f"{n} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
