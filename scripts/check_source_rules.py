#!/usr/bin/env python3
"""Checks two rules of docs/security.md that a reviewer would otherwise have to remember.

1. No hand-written cryptography: cryptography comes from OpenSSL. A source file holding the
   constants of a hash function or cipher (SHA-2, SHA-1, MD5, the AES S-box) is reported.
2. JSON output never throws: every nlohmann::json dump() passes error_handler_t::replace, so
   text that is not valid UTF-8 (from an old database, a file) becomes U+FFFD instead of an
   exception in the middle of a response or of a transaction.

Usage: check_source_rules.py SOURCE_DIR      check src/ of the tree
       check_source_rules.py --self-test     show that each rule catches a violation
"""
import os
import re
import sys
import tempfile

# Constants that only an implementation of the algorithm needs to spell out.
CRYPTO_CONSTANTS = {
    "0x428a2f98": "the SHA-256 round constants",
    "0x6a09e667": "the SHA-256 initial hash value",
    "0x5a827999": "the SHA-1 round constants",
    "0xd76aa478": "the MD5 round constants",
    "0x63, 0x7c, 0x77, 0x7b": "the AES S-box",
}

DUMP_CALL = re.compile(r"(\.|->)dump\(")


def dump_arguments(text, start):
    """The text between the parentheses of the call whose '(' is at text[start]."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
    return text[start + 1:]


def check_file(path, relative):
    with open(path, encoding="utf-8") as source:
        text = source.read()
    problems = []
    lowered = text.lower()
    for constant, what in CRYPTO_CONSTANTS.items():
        at = lowered.find(constant)
        if at >= 0:
            line = text.count("\n", 0, at) + 1
            problems.append(f"src/{relative}:{line}: holds {what}; use OpenSSL (EVP) instead of hand-written "
                            "cryptography")
    for match in DUMP_CALL.finditer(text):
        arguments = dump_arguments(text, match.end() - 1)
        if "error_handler_t::replace" not in arguments:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"src/{relative}:{line}: dump() without error_handler_t::replace throws on text "
                            "that is not UTF-8")
    return problems


def check_tree(root):
    src = os.path.join(root, "src")
    problems = []
    for folder, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if not name.endswith((".hpp", ".cpp", ".h")) or name.endswith("_test.cpp"):
                continue
            path = os.path.join(folder, name)
            problems += check_file(path, os.path.relpath(path, src))
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "src", "http"))
        with open(os.path.join(root, "src", "http", "digest.cpp"), "w") as f:
            f.write("constexpr unsigned kRound[] = {0x428A2F98, 0x71374491};\n")
        with open(os.path.join(root, "src", "http", "views.cpp"), "w") as f:
            f.write('#include <nlohmann/json.hpp>\n'
                    'std::string a(const nlohmann::json& j) { return j.dump(); }\n'
                    'std::string b(const nlohmann::json& j) { return j.dump(2); }\n'
                    'std::string c(const nlohmann::json& j) {\n'
                    '  return j.dump(-1, \' \', false, nlohmann::json::error_handler_t::replace);\n}\n')
        problems = check_tree(root)
        expected = ["digest.cpp:1: holds the SHA-256 round constants", "views.cpp:2: dump()", "views.cpp:3: dump()"]
        if len(problems) != 3 or not all(any(e in p for p in problems) for e in expected):
            print("self-test failed; got:", *problems, sep="\n  ")
            return 1
    print("self-test passed: hand-written cryptography and a dump() that can throw are reported")
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
        print(f"{len(problems)} place(s) break the source rules (docs/security.md)")
        return 1
    print("source rules: no hand-written cryptography; every JSON dump replaces invalid UTF-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
