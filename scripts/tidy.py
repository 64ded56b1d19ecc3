#!/usr/bin/env python3
"""clang-tidy over the given files, in batches, with results cached by content.

    scripts/tidy.py BUILD_DIR FILE... [-j N] [--batch-size N] [--cache DIR] [--log FILE] [--clang-tidy PATH]

Each file is checked with the compile command the build used (BUILD_DIR/compile_commands.json)
minus the precompiled header. Most of clang-tidy's time goes on the headers a file includes
(its matchers walk every declaration of the translation unit, the libraries' too), so files
compiled with the same flags are checked together: one generated source includes up to
--batch-size of them, and their shared headers are walked once. A batch with any finding is
checked again file by file (only the files named, when every finding names one of them), so the
findings reported are those of the files on their own. A file that cannot share the batch's
translation unit (a name that another file's anonymous namespace also defines) shows as a
compiler error in the batch's check; such files are set apart and checked in a batch of their
own (the batch is not parsed before its check: most batches compile, and parsing is most of a
check's time). One difference remains: in a batch, a file that forgets an #include may be
covered by an earlier file's; the release build (no precompiled header) finds that.

A file is checked again only when something that can change the answer has changed: the
clang-tidy version, .clang-tidy, the compile command, the file, or any header it includes (the
build's own dependency record, `ninja -t deps`). Only clean results are cached; a file with
findings is checked on every run. Without a dependency record for a file (not built yet) it is
always checked. The cache lives outside the checkout, so a new clone on a machine that has run
the checks before re-checks only what differs.

Exit status: 0 when every file is clean, 1 when any has findings, 2 on a usage error.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
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
        nxt = arguments[i + 3] if i + 3 < len(arguments) else ""
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


UNITY_SOURCE = re.compile(r"/Unity/unity_\d+_cxx\.cxx$")
UNITY_INCLUDE = re.compile(r'^#include "([^"]+)"$', re.MULTILINE)


def unity_members(path):
    """The sources a batch file of the build (CMake's unity build) includes; [] for any other file."""
    if not UNITY_SOURCE.search(path):
        return []
    return [str(Path(name).resolve()) for name in UNITY_INCLUDE.findall(Path(path).read_text())]


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


# clang-tidy 22 (Debian 12's security archive carries it) no longer walks the declarations of
# system headers, which were most of version 14's time (docs/testing.md).
DEFAULT_CLANG_TIDY = "clang-tidy-22"

FINDING = re.compile(r"^(/[^:\n]+):\d+:\d+: (?:error|warning): ", re.MULTILINE)
# The compiler's own errors (and warnings made errors), as clang-tidy reports them.
COMPILE_ERROR = re.compile(r"^(/[^:\n]+):\d+:\d+: (?:fatal )?error: .*\[clang-diagnostic-[\w-]+(?:,[^\]]*)?\]$",
                           re.MULTILINE)


class Batch:
    """Files checked in one clang-tidy run: `files` is [(path, cache key)]."""

    def __init__(self, files, flags):
        self.files = files
        self.flags = flags  # the compile command without its output and input
        self.rechecked = False  # a finding, or files that could not share a translation unit


def flags_of(arguments):
    """The command without its output and input: files with the same flags may share a batch."""
    out = []
    skip = False
    for arg in arguments:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-c"):
            skip = arg == "-o"
            continue
        if arg.endswith((".cpp", ".cc", ".cxx")):
            continue
        out.append(arg)
    return tuple(out)


def make_batches(jobs, commands, size, workers):
    """Files compiled with the same flags, in path order, in batches of at most `size` and at
    least enough batches to keep `workers` busy."""
    groups = {}
    for path, key in sorted(jobs):
        directory, arguments = commands[path]
        groups.setdefault((directory, flags_of(strip_pch(arguments))), []).append((path, key))
    if size < 1:
        size = 1
    total = len(jobs)
    if total and total < size * workers:
        size = max(1, -(-total // workers))
    batches = []
    for (_, flags), files in groups.items():
        count = -(-len(files) // size)
        per = -(-len(files) // count)
        batches.extend(Batch(files[i:i + per], flags) for i in range(0, len(files), per))
    return batches


def write_unity_file(directory, names):
    """A source that includes the given files, named by their paths."""
    path = directory / (hashlib.sha256("\n".join(names).encode()).hexdigest()[:16] + ".cpp")
    lines = ["// Checked by scripts/tidy.py as one translation unit: these files share their compile flags."]
    lines += [f'#include "{name}"  // NOLINT(bugprone-suspicious-include)' for name in names]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


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
    parser.add_argument("--clang-tidy", default=DEFAULT_CLANG_TIDY, help="the clang-tidy to run (for comparisons)")
    parser.add_argument("--batch-size", type=int, default=12,
                        help="files checked together in one translation unit (1: each on its own)")
    args = parser.parse_args()

    root = Path(__file__).resolve().parent.parent
    build_dir = Path(args.build_dir).resolve()
    database = json.loads((build_dir / "compile_commands.json").read_text())
    commands = {}
    for entry in database:
        arguments = entry.get("arguments") or shlex.split(entry["command"])
        path = str((Path(entry["directory"]) / entry["file"]).resolve())
        members = unity_members(path)
        for member in members:
            # A file compiled in one of the build's batches is checked on its own, with the
            # batch's flags; its dependency record is the batch object's (a superset of its own).
            commands[member] = (entry["directory"], [member if arg in (entry["file"], path) else arg
                                                     for arg in arguments])
        if not members:
            commands[path] = (entry["directory"], arguments)

    version = subprocess.run([args.clang_tidy, "--version"], capture_output=True, text=True).stdout
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
            # In the order of their paths relative to the checkout, which is the same in every clone.
            inputs = sorted((hasher.relative(full), full) for full in
                            (str((Path(directory) / dep).resolve()) for dep in deps[obj]))
            for relative, full in inputs:
                if full.endswith((".pch", ".gch")):
                    continue  # binary and rebuilt each time; its headers are listed themselves
                if UNITY_SOURCE.search(full):
                    continue  # names its members by absolute path (another clone's differ); they are listed themselves
                digest.update(relative.encode() + b"\0" + hasher.file(full).encode() + b"\0")
            key = digest.hexdigest()
            if (cache_dir / key).exists():
                cached += 1
                continue
        jobs.append((path, key))

    # The database clang-tidy reads for a single file: the build's commands without the
    # precompiled header. A batch file gets the same flags on the command line.
    tidy_dir = build_dir / "tidy"
    batch_dir = tidy_dir / "batches"
    batch_dir.mkdir(parents=True, exist_ok=True)
    entries = [{"directory": d, "file": f, "arguments": strip_pch(a)} for f, (d, a) in commands.items()]
    (tidy_dir / "compile_commands.json").write_text(json.dumps(entries))
    batches = make_batches(jobs, commands, args.batch_size, args.j)

    def tidy(path, flags=None):
        # Every compiler error is reported (not the first 20), so that every file that cannot
        # share its batch is named at once.
        command = [args.clang_tidy, "--quiet", "--extra-arg=-ferror-limit=0", "-p", str(tidy_dir), path]
        if flags is not None:
            command += ["--"] + list(flags[1:])  # the flags without the compiler's name
        run = subprocess.run(command, capture_output=True, text=True)
        findings = [line for line in run.stdout.splitlines() if ": error: " in line or ": warning: " in line]
        return run.returncode == 0 and not findings, run.stdout + run.stderr

    def check_together(batch, files):
        """(file, clean, output) for each of `files`, checked as one translation unit if they can be.
        Findings are confirmed by checking their files on their own, so a batch reports what the
        files checked one by one report. Files that cannot share a translation unit (the same
        name in two files' anonymous namespaces, say) show as compiler errors in the later of
        the two: those files leave the batch and are checked together in a batch of their own.
        When the errors name no file of the batch but the first, the batch is halved; a file that
        does not compile on its own is left to clang-tidy, which reports why."""
        if len(files) == 1:
            return [(files[0], *tidy(files[0]))]
        clean, output = tidy(write_unity_file(batch_dir, files), batch.flags)
        if clean:
            return [(path, True, "") for path in files]
        batch.rechecked = True
        # The batch is not parsed on its own first: most batches compile, and a parse is most
        # of clang-tidy's time.
        broken = {os.path.realpath(path) for path in COMPILE_ERROR.findall(output)}
        if broken:
            apart = [path for path in files[1:] if path in broken]
            if not apart:
                half = len(files) // 2
                return check_together(batch, files[:half]) + check_together(batch, files[half:])
            together = [path for path in files if path not in apart]
            return check_together(batch, together) + check_together(batch, apart)
        named = set(FINDING.findall(output))
        suspects = named if named and named <= set(files) else set(files)  # a finding in a header: all
        return [(path, *tidy(path)) if path in suspects else (path, True, "") for path in files]

    def check(batch):
        results = check_together(batch, [path for path, _ in batch.files])
        keys = dict(batch.files)
        for path, clean, _ in results:
            if clean and keys[path] is not None:
                (cache_dir / keys[path]).write_text(path + "\n")
        return results

    failed = []
    log = open(args.log, "w") if args.log else None
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for results in pool.map(check, batches):
            for path, clean, output in results:
                if not clean:
                    failed.append(os.path.relpath(path, root))
                    print(output)
                    if log:
                        log.write(output)
    if log:
        log.close()
    rechecked = sum(1 for batch in batches if batch.rechecked)
    print(f"clang-tidy: {len(args.files)} files, {len(jobs)} checked in {len(batches)} batches ({rechecked} checked "
          f"again in parts), {cached} unchanged since a clean check, {len(failed)} with findings")
    for name in failed:
        print(f"  findings in {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
