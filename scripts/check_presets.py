#!/usr/bin/env python3
"""Checks that every build of CMakePresets.json compiles with the test build's compiler.

Warnings are errors in every build (cmake/compiler_options.cmake), and compilers disagree on
warnings: GCC 12 reports a designated initializer that leaves members to their defaults, clang
does not. The test command builds only the sanitizer preset, so a release or benchmark build
with another compiler could refuse code the whole suite passed, and README's first command
would fail on a clean checkout. One compiler for every preset makes the test build's verdict
hold for them all.

Usage: check_presets.py SOURCE_DIR
"""
import json
import os
import sys

TEST_PRESET = "asan"


def cache_variable(presets, name, variable):
    """The value of `variable` in preset `name`, following `inherits` as CMake does (own
    value first, then each parent in order)."""
    preset = presets[name]
    if variable in preset.get("cacheVariables", {}):
        return preset["cacheVariables"][variable]
    inherits = preset.get("inherits", [])
    for parent in [inherits] if isinstance(inherits, str) else inherits:
        value = cache_variable(presets, parent, variable)
        if value is not None:
            return value
    return None


def main(source_dir):
    with open(os.path.join(source_dir, "CMakePresets.json"), encoding="utf-8") as f:
        presets = {p["name"]: p for p in json.load(f)["configurePresets"]}
    expected = cache_variable(presets, TEST_PRESET, "CMAKE_CXX_COMPILER")
    problems = []
    for name, preset in presets.items():
        if preset.get("hidden"):
            continue
        compiler = cache_variable(presets, name, "CMAKE_CXX_COMPILER")
        if compiler != expected:
            problems.append(f"CMakePresets.json: preset '{name}' compiles with {compiler}, the test build "
                            f"('{TEST_PRESET}') with {expected}: the suite would not see that compiler's warnings")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(presets) - sum(1 for p in presets.values() if p.get('hidden'))} presets compile with {expected}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
