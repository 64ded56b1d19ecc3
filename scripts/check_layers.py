#!/usr/bin/env python3
"""Checks the include rule of docs/architecture.md.

Every file under src/<layer>/ may include headers of its own layer, of the layers
listed for it below, the C++ standard library, and the third-party headers whose one
adapter folder it is. Anything else is reported as file:line and the check fails.

Usage: check_layers.py SOURCE_DIR      check the tree
       check_layers.py --self-test     show that a forbidden include is caught
"""
import os
import re
import sys
import tempfile

# Layer -> the project layers it may include (besides itself).
LAYERS = {
    "core": [],
    "stats": ["core"],
    "domain": ["core", "stats"],
    "demo": ["core", "domain"],
    "ingest": ["core", "domain"],
    "render": ["core", "stats", "domain"],
    "report": ["core", "domain", "render"],
    "storage": ["core", "domain", "storage/sqlite", "storage/postgres"],
    # The drivers include only the driver interface of storage (sql_driver.hpp) and, in
    # their tests, the factory; the SQL store above them never includes a database library.
    "storage/sqlite": ["core", "domain", "storage"],
    "storage/postgres": ["core", "domain", "storage"],
    # the clock, SMTP, password hashing, random tokens and SHA-256, beneath http and cli.
    "platform": ["core", "domain"],
    # http routes, translates and renders; the statistics are reached through domain use cases.
    "http": ["core", "domain", "ingest", "render", "report", "storage", "platform"],
    "cli": ["core", "stats", "domain", "demo", "ingest", "render", "report", "storage", "platform", "http"],
}

# Third-party header prefix -> the layers that adapt it (and may include it).
THIRD_PARTY = {
    "sqlite3.h": ["storage/sqlite"],
    "SQLiteCpp/": ["storage/sqlite"],
    "pqxx/": ["storage/postgres"],
    "libpq-fe.h": ["storage/postgres"],
    "httplib.h": ["http"],
    "CLI/": ["cli"],
    "csv.h": ["ingest"],
    "boost/": ["stats"],
    "nlohmann/": ["render", "http", "cli", "report", "storage", "storage/sqlite", "storage/postgres"],
    "argon2.h": ["platform"],
    "openssl/": ["platform"],
    "xlsxwriter.h": ["report"],
    "zip.h": ["report"],
    "curl/": ["platform"],
    "spdlog/": ["http", "cli"],
    "fmt/": list(LAYERS),
}
TEST_ONLY = ("gtest/", "gmock/")

# The statistics engine does no I/O and reads no clock (docs/architecture.md).
FORBIDDEN_STD = {
    "stats": {"fstream", "iostream", "cstdio", "filesystem", "chrono", "ctime"},
}

STD_HEADERS = set("""
algorithm any array atomic barrier bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes
climits clocale cmath codecvt compare complex concepts condition_variable coroutine csetjmp csignal cstdarg
cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque exception execution expected
filesystem format forward_list fstream functional future initializer_list iomanip ios iosfwd iostream
istream iterator latch limits list locale map memory memory_resource mutex new numbers numeric optional
ostream queue random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span
sstream stack stdexcept stop_token streambuf string string_view syncstream system_error thread tuple
type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant vector version
""".split())

# POSIX headers, and the C library's malloc.h (its allocator's settings): for the adapters
# that talk to the operating system.
POSIX = re.compile(r"^(unistd\.h|fcntl\.h|signal\.h|poll\.h|termios\.h|sys/.*|arpa/.*|netinet/.*|netdb\.h|"
                   r"pwd\.h|spawn\.h|sched\.h|dirent\.h|errno\.h|malloc\.h)$")
POSIX_LAYERS = {"storage", "storage/sqlite", "storage/postgres", "platform", "http", "cli"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layer_of(relative):
    parts = relative.split("/")
    if parts[0] == "storage" and len(parts) > 2:
        return "storage/" + parts[1]
    return parts[0]


def included_layer(header):
    parts = header.split("/")
    if len(parts) < 2:
        return None
    if parts[0] == "storage" and len(parts) > 2 and parts[1] in ("sqlite", "postgres"):
        return "storage/" + parts[1]
    return parts[0] if parts[0] in LAYERS else None


def check_file(path, relative):
    layer = layer_of(relative)
    if layer not in LAYERS:
        return [f"{relative}: folder '{layer}' is not a known layer"]
    is_test = relative.endswith("_test.cpp")
    problems = []
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            header = match.group(2)
            where = f"src/{relative}:{number}: layer '{layer}' may not include <{header}>"
            target = included_layer(header)
            if target is not None:
                if target != layer and target not in LAYERS[layer]:
                    problems.append(f"{where} (it may use: {', '.join(LAYERS[layer]) or 'only itself'})")
                continue
            if header in STD_HEADERS:
                if header in FORBIDDEN_STD.get(layer, set()):
                    problems.append(f"{where}: this layer does no I/O and reads no clock")
                continue
            if header.startswith(TEST_ONLY):
                if not is_test:
                    problems.append(f"{where}: test frameworks belong in *_test.cpp files")
                continue
            if POSIX.match(header):
                if layer not in POSIX_LAYERS:
                    problems.append(f"{where}: operating-system headers belong in the adapters")
                continue
            owners = [layers for prefix, layers in THIRD_PARTY.items() if header.startswith(prefix)]
            if not owners:
                problems.append(f"{where}: unknown header; add it to scripts/check_layers.py with its adapter layer")
            elif layer not in owners[0]:
                problems.append(f"{where}: only {', '.join(owners[0])} may include it")
    return problems


def check_tree(root):
    src = os.path.join(root, "src")
    problems = []
    for folder, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if not name.endswith((".hpp", ".cpp", ".h")):
                continue
            path = os.path.join(folder, name)
            problems += check_file(path, os.path.relpath(path, src))
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "src", "stats"))
        with open(os.path.join(root, "src", "stats", "funnel.cpp"), "w") as f:
            f.write('#include "stats/funnel.hpp"\n#include <vector>\n#include <sqlite3.h>\n#include "http/server.hpp"\n')
        os.makedirs(os.path.join(root, "src", "http"))
        with open(os.path.join(root, "src", "http", "views.cpp"), "w") as f:
            f.write('#include "domain/dashboard.hpp"\n#include "render/spc_chart.hpp"\n#include "stats/spc_xmr.hpp"\n')
        problems = check_tree(root)
        expected = ["<sqlite3.h>", "<http/server.hpp>", "layer 'http' may not include <stats/spc_xmr.hpp>"]
        if len(problems) != 3 or not all(any(e in p for p in problems) for e in expected):
            print("self-test failed; got:", *problems, sep="\n  ")
            return 1
    print("self-test passed: a forbidden include is reported")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check_tree(argv[1])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} include(s) break the layer rule (docs/architecture.md)")
        return 1
    print("layer rule: every include is allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
