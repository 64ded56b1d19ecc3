#!/usr/bin/env python3
"""Checks that every case of tests/golden/stats/interval_phe_*.golden is a row of the
package's test data beside this script, value for value (the golden files were written
from these rows; see PROVENANCE.md).

Usage: check_goldens.py SOURCE_DIR
"""
import csv
import os
import sys

LEVELS = {"0.95": ("95%", "lower95_0cl", "upper95_0cl"), "0.998": ("99.8%", "lower99_8cl", "upper99_8cl")}
METHODS = {"byar": "Byars", "wilson": "Wilson", "poisson": "Exact"}


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def same(a, b):
    return a != "" and b != "" and float(a) == float(b)


def expected_for(case, data):
    """The (lower, upper) the package's test data give for a case's inputs, or None."""
    method, x, n, level = case["method"], case["numerator"], case["denominator"], case["level"]
    confidence, lower_column, upper_column = LEVELS[level]
    if "multiplier" not in case:  # testdata_Byars_Wilson: x, n (blank for Byar's), one row per level
        for row in data["B_W"]:
            if (row["method"] == METHODS[method] and row["confidence"] == confidence and same(row["x"], x)
                    and (same(row["n"], n) or (row["n"] == "" and n == "1"))):
                return row["lowercl"], row["uppercl"]
        return None
    table = data["Prop"] if method == "wilson" else data["Rate"]
    for row in table:
        if (row["method"] == METHODS[method] or (method == "byar" and row["method"] == "Byars")) and \
                same(row["Numerator"], x) and same(row["Denominator"], n) and same(row["multiplier"], case["multiplier"]):
            return row[lower_column], row[upper_column]
    return None


def parse(line):
    return dict(token.split("=", 1) for token in line.split())


def main(root):
    folder = os.path.join(root, "tests", "data", "phe-indicator-methods")
    data = {
        "B_W": rows(folder, "testdata_Byars_Wilson__testdata_B_W.csv"),
        "Prop": rows(folder, "testdata_Proportion__testdata_Prop.csv"),
        "Rate": rows(folder, "testdata_Rate__testdata_Rate.csv"),
    }
    problems = 0
    checked = 0
    for name in ("interval_phe_byars_wilson.golden", "interval_phe_proportion_rate.golden"):
        path = os.path.join(root, "tests", "golden", "stats", name)
        with open(path, encoding="utf-8") as f:
            body = [line.strip() for line in f.read().split("----", 1)[1].splitlines()]
        body = [line for line in body if line and not line.startswith("#")]
        for inputs, outputs in zip(body[0::2], body[1::2]):
            case, got = parse(inputs), parse(outputs)
            found = expected_for(case, data)
            checked += 1
            if found is None:
                print(f"{name}: {inputs}: no row of the package's test data has these inputs")
                problems += 1
            elif not (same(found[0], got["lower"]) and same(found[1], got["upper"])):
                print(f"{name}: {inputs}: the test data give {found}, the file {got}")
                problems += 1
    print(f"{checked} cases checked, {problems} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
