#!/usr/bin/env python3
"""Checks rules of docs/security.md and docs/architecture.md that a reviewer would otherwise
have to remember.

1. No hand-written cryptography: cryptography comes from OpenSSL. A source file holding the
   constants of a hash function or cipher (SHA-2, SHA-1, MD5, the AES S-box) is reported.
2. JSON output never throws: every nlohmann::json dump() passes error_handler_t::replace, so
   text that is not valid UTF-8 (from an old database, a file) becomes U+FFFD instead of an
   exception in the middle of a response or of a transaction.
3. Pages live in one place and are written as render::Html (docs/architecture.md, "Pages"):
   - a file of src/http outside src/http/pages holds no HTML markup in a string literal;
   - a page (src/http/pages) or an HTML document of src/report (*_document.*) calls neither
     xml_escape nor esc, and every string literal of markup in it is Html: it carries the
     suffix _html or is the format of html(...), so markup is never built in a std::string;
   - each Html::trusted(...) there has a comment just above it saying where its markup
     comes from.

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

# A tag (<p, </p, <!DOCTYPE) or a character reference (&amp; &#39;) inside a string literal.
MARKUP = re.compile(r"<(?:!DOCTYPE|/?[A-Za-z][A-Za-z0-9-]*)(?=[\s>/\\]|$)|&(?:[A-Za-z]+|#[0-9]+);")
ESCAPE_CALL = re.compile(r"\b(xml_escape|esc)\s*\(")
TRUSTED_CALL = re.compile(r"\bHtml::trusted\s*\(")
RAW_STRING = re.compile(r'(?:u8|[uUL])?R"([^()\\\s]{0,16})\(')


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


class Literal:
    """A run of adjacent string literals (and macros between them, as in "a" VERSION "b"):
    one literal to the compiler. `start` is the offset of its first quote."""

    def __init__(self, start):
        self.start = start
        self.end = start
        self.content = []
        self.suffix = ""


def string_literals(text, comments=None):
    """The string literals of C++ source `text`, outside comments and character literals;
    the (start, end) of each comment are appended to `comments` when it is given."""
    comments = [] if comments is None else comments
    runs = []
    run = None
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            comments.append((i, end))
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            comments.append((i, end))
            i = end
            continue
        starts_word = i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
        raw = RAW_STRING.match(text, i) if c in "uULR" and starts_word else None
        if raw or c == '"':
            if raw:
                close = ")" + raw.group(1) + '"'
                body_start = raw.end()
                body_end = text.find(close, body_start)
                body_end = n if body_end < 0 else body_end
                content = text[body_start:body_end]
                i = min(n, body_end + len(close))
                start = raw.start()
            else:
                start = i
                j = i + 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                content = text[i + 1:j]
                i = j + 1
            suffix = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text[i:])
            if run is None:
                run = Literal(start)
                runs.append(run)
            run.content.append(content)
            if suffix:
                run.suffix = suffix.group(0)
                i += len(suffix.group(0))
            run.end = i
            continue
        if c == "'" and not (i > 0 and text[i - 1].isalnum()):  # a character literal, not a digit separator
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if run is not None and not c.isspace():
            macro = re.match(r"[A-Z][A-Z0-9_]*\b", text[i:])
            if macro and text[i + len(macro.group(0)):].lstrip().startswith('"'):
                i += len(macro.group(0))
                continue
            run = None
        i += 1
    return runs


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def is_page_file(relative):
    """A page, or an HTML document of the report layer: written as render::Html."""
    relative = relative.replace(os.sep, "/")
    if relative.startswith("http/pages/"):
        return True
    return relative.startswith("report/") and re.search(r"_document\.(cpp|hpp)$", relative) is not None


def is_route_file(relative):
    relative = relative.replace(os.sep, "/")
    return relative.startswith("http/") and not relative.startswith("http/pages/")


def html_problems(text, relative):
    problems = []
    where = f"src/{relative.replace(os.sep, '/')}"
    comments = []
    literals = string_literals(text, comments)
    spans = comments + [(literal.start, literal.end) for literal in literals]

    def in_code(offset):
        return not any(start <= offset < end for start, end in spans)

    if is_route_file(relative):
        for literal in literals:
            if MARKUP.search("".join(literal.content)):
                problems.append(f"{where}:{line_of(text, literal.start)}: HTML markup in a file of src/http; pages "
                                "live in src/http/pages (docs/architecture.md, \"Pages\")")
    if is_page_file(relative):
        for match in ESCAPE_CALL.finditer(text):
            if in_code(match.start()):
                problems.append(f"{where}:{line_of(text, match.start())}: {match.group(1)}() by hand; add the text to "
                                "a render::Html, which escapes it")
        for literal in literals:
            if not MARKUP.search("".join(literal.content)) or literal.suffix == "_html":
                continue
            if re.search(r"\bhtml\(\s*$", text[:literal.start]):
                continue  # the format of html(), a literal checked at compile time
            problems.append(f"{where}:{line_of(text, literal.start)}: markup built into a std::string; write "
                            "\"...\"_html or html(\"...\", values) so that it is a render::Html")
        for match in TRUSTED_CALL.finditer(text):
            if not in_code(match.start()):
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.start())
            line_end = len(text) if line_end < 0 else line_end
            previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
            if not any(previous_start <= start < line_end for start, _ in comments):
                problems.append(f"{where}:{line_of(text, match.start())}: Html::trusted() without a comment saying "
                                "where its markup comes from")
    return problems


def check_file(path, relative):
    with open(path, encoding="utf-8") as source:
        text = source.read()
    problems = html_problems(text, relative)
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


PLANTED = {
    # Each rule's violation, and code each rule accepts.
    "http/digest.cpp": "constexpr unsigned kRound[] = {0x428A2F98, 0x71374491};\n",
    "http/views.cpp": ('#include <nlohmann/json.hpp>\n'
                       'std::string a(const nlohmann::json& j) { return j.dump(); }\n'
                       'std::string b(const nlohmann::json& j) { return j.dump(2); }\n'
                       'std::string c(const nlohmann::json& j) {\n'
                       '  return j.dump(-1, \' \', false, nlohmann::json::error_handler_t::replace);\n}\n'),
    "http/widget_routes.cpp": ('// A comment may say <p>.\n'
                               'std::string body() { return "<p>" + name() + "</p>"; }\n'
                               'const char* kType = "text/html; charset=utf-8";  // not markup\n'
                               'bool less = a < b && c > \'<\';\n'),
    "http/pages/widget_page.cpp": ('Html good(const std::string& name) {\n'
                                   '  Html out = "<main class=\\"x\\">"_html;\n'
                                   '  out += html("<p title=\\"{}\\">{}</p>",\n'
                                   '              name, name);\n'
                                   '  out += "<p>clinaudit " CLINAUDIT_VERSION " and more</p>"_html;\n'
                                   '  out += R"(<style>a{}</style>)"_html;\n'
                                   '  // The SVG of our chart writer.\n'
                                   '  out += Html::trusted(chart());\n'
                                   '  return out;\n}\n'
                                   'std::string bad(const std::string& name) {\n'
                                   '  std::string out = "<td>" + esc(name) + "</td>";\n'
                                   '  out += render::xml_escape(name);\n'
                                   '  return out + R"(<br>)" + std::string(Html::trusted(name).str());\n}\n'),
    "report/widget_document.cpp": 'void f(std::ostream& out) { out << "&amp;" << "a < b"; }\n',
    "report/widget_markdown.cpp": 'void f(std::ostream& out) { out << "> quoted" << "<b>"; }\n',
}

EXPECTED = [
    "src/http/digest.cpp:1: holds the SHA-256 round constants",
    "src/http/views.cpp:2: dump()",
    "src/http/views.cpp:3: dump()",
    "src/http/widget_routes.cpp:2: HTML markup in a file of src/http",
    "src/http/widget_routes.cpp:2: HTML markup in a file of src/http",
    "src/http/pages/widget_page.cpp:12: esc() by hand",
    "src/http/pages/widget_page.cpp:13: xml_escape() by hand",
    "src/http/pages/widget_page.cpp:12: markup built into a std::string",
    "src/http/pages/widget_page.cpp:12: markup built into a std::string",
    "src/http/pages/widget_page.cpp:14: markup built into a std::string",
    "src/http/pages/widget_page.cpp:14: Html::trusted() without a comment",
    "src/report/widget_document.cpp:1: markup built into a std::string",
]


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for relative, text in PLANTED.items():
            path = os.path.join(root, "src", relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        problems = check_tree(root)
        unmatched = list(problems)
        missing = []
        for expected in EXPECTED:
            found = next((p for p in unmatched if p.startswith(expected)), None)
            if found is None:
                missing.append(expected)
            else:
                unmatched.remove(found)
        if missing or unmatched:
            print("self-test failed", *(["missing:"] + missing if missing else []),
                  *(["unexpected:"] + unmatched if unmatched else []), sep="\n  ")
            return 1
    print("self-test passed: hand-written cryptography, a dump() that can throw, markup outside the pages and "
          "markup built without render::Html are reported")
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
        print(f"{len(problems)} place(s) break the source rules (docs/security.md, docs/architecture.md)")
        return 1
    print("source rules: no hand-written cryptography; every JSON dump replaces invalid UTF-8; pages are render::Html "
          "and live in src/http/pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
