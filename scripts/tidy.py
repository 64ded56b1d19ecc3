#!/usr/bin/env python3
"""clang-tidy over the given files, with results cached by content.

    scripts/tidy.py BUILD_DIR FILE... [-j N] [--cache DIR] [--log FILE]

Each file is checked with the compile command the build used (BUILD_DIR/compile_commands.json)
minus the precompiled header, so a file that lacks an #include fails here even when the PCH
hides it from the compiler. A file is checked again only when something that can change the
answer has changed: the clang-tidy version, .clang-tidy, the compile command, the file, or any
header it includes (the build's own dependency record, `ninja -t deps`). Only clean results are
cached; a file with findings is checked on every run. Without a dependency record for a file
(not built yet) it is always checked. The cache lives outside the checkout, so a new clone on a
machine that has run the checks before re-checks only what differs.

Exit status: 0 when every file is clean, 1 when any has findings, 2 on a usage error.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path


def strip_pch(arguments):
    """Drops the precompiled-header arguments that CMake adds for clang and GCC."""
    out = []
    skip = 0
    for i, arg in enumerate(arguments):
        if skip:
            skip -= 1
            continue
        nxt = arguments[i + 2] if i + 2 < len(arguments) else ""
        if arg == "-Xclang" and i + 1 < len(arguments) and arguments[i + 1] in ("-include-pch", "-include") \
                and "cmake_pch" in nxt:
            skip = 3  # -Xclang -include-pch -Xclang PATH
            continue
        if arg == "-include" and i + 1 < len(arguments) and "cmake_pch" in arguments[i + 1]:
            skip = 1
            continue
        if arg == "-Winvalid-pch":
            continue
        out.append(arg)
    return out


def object_of(arguments):
    for i, arg in enumerate(arguments):
        if arg == "-o" and i + 1 < len(arguments):
            return arguments[i + 1]
    return None


def read_deps(build_dir):
    """Object path -> the files it was compiled from, as ninja recorded them."""
    result = subprocess.run(["ninja", "-C", str(build_dir), "-t", "deps"], capture_output=True, text=True)
    deps = {}
    current = None
    for line in result.stdout.splitlines():
        if not line.strip():
            current = None
        elif not line.startswith(" "):
            name = line.split(":", 1)[0]
            current = [] if "(VALID)" in line else None
            if current is not None:
                deps[name] = current
        elif current is not None:
            current.append(line.strip())
    return deps


class Hasher:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def file(self, path):
        if path not in self.cache:
            try:
                self.cache[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                self.cache[path] = "missing"
        return self.cache[path]

    def relative(self, text):
        return text.replace(str(self.root), ".")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build_dir")
    parser.add_argument("files", nargs="+")
    parser.add_argument("-j", type=int, default=os.cpu_count() or 2)
    default_cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "clinaudit" / "tidy"
    parser.add_argument("--cache", default=str(default_cache))
    parser.add_argument("--log", help="write every finding here as well")
    args = parser.parse_args()

    root = Path(__file__).resolve().parent.parent
    build_dir = Path(args.build_dir).resolve()
    database = json.loads((build_dir / "compile_commands.json").read_text())
    commands = {}
    for entry in database:
        arguments = entry.get("arguments") or shlex.split(entry["command"])
        path = str((Path(entry["directory"]) / entry["file"]).resolve())
        commands[path] = (entry["directory"], arguments)

    # The database clang-tidy reads: the same commands without the precompiled header.
    tidy_dir = build_dir / "tidy"
    tidy_dir.mkdir(exist_ok=True)
    stripped = [{"directory": d, "file": f, "arguments": strip_pch(a)} for f, (d, a) in commands.items()]
    (tidy_dir / "compile_commands.json").write_text(json.dumps(stripped))

    version = subprocess.run(["clang-tidy", "--version"], capture_output=True, text=True).stdout
    config = (root / ".clang-tidy").read_bytes()
    deps = read_deps(build_dir)
    hasher = Hasher(root)
    cache_dir = Path(args.cache)
    cache_dir.mkdir(parents=True, exist_ok=True)

    jobs = []
    cached = 0
    for name in args.files:
        path = str(Path(name).resolve())
        if path not in commands:
            print(f"{name}: not in {build_dir}/compile_commands.json", file=sys.stderr)
            return 2
        directory, arguments = commands[path]
        key = None
        obj = object_of(arguments)
        if obj is not None and obj in deps:
            digest = hashlib.sha256()
            for part in (version, config.decode(), hasher.relative(" ".join(strip_pch(arguments))),
                         hasher.relative(path), hasher.file(path)):
                digest.update(part.encode() + b"\0")
            for dep in sorted(deps[obj]):
                full = str((Path(directory) / dep).resolve())
                if full.endswith((".pch", ".gch")):
                    continue  # binary and rebuilt each time; its headers are listed themselves
                digest.update(hasher.relative(full).encode() + b"\0" + hasher.file(full).encode() + b"\0")
            key = digest.hexdigest()
            if (cache_dir / key).exists():
                cached += 1
                continue
        jobs.append((name, key))

    def check(job):
        name, key = job
        run = subprocess.run(["clang-tidy", "--quiet", "-p", str(tidy_dir), name], capture_output=True, text=True)
        findings = [line for line in run.stdout.splitlines() if ": error: " in line or ": warning: " in line]
        clean = run.returncode == 0 and not findings
        if clean and key is not None:
            (cache_dir / key).write_text(name + "\n")
        return name, clean, run.stdout + run.stderr

    failed = []
    log = open(args.log, "w") if args.log else None
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for name, clean, output in pool.map(check, jobs):
            if not clean:
                failed.append(name)
                print(output)
                if log:
                    log.write(output)
    if log:
        log.close()
    print(f"clang-tidy: {len(args.files)} files, {len(jobs)} checked, {cached} unchanged since a clean check, "
          f"{len(failed)} with findings")
    for name in failed:
        print(f"  findings in {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
