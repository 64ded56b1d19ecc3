"""Reads a Quality Account section written as a Word document with python-docx (Debian's
python3-docx), a reader independent of the writer, and checks its headings, paragraphs, bullet
items and table cells against the expectations in a JSON file.

    read_docx.py FILE.docx EXPECTED.json

EXPECTED.json: {"headings": [[style, text], ...], "paragraphs": [text, ...] (each must be a whole
paragraph), "bullets": [text, ...] (whole "List Bullet" paragraphs), "table": [[cell, ...], ...]
(the document's one table, row by row), "absent": [text, ...] (nowhere in the document)}.
"""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    expected = json.load(f)

problems = []
paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
texts = [text for _, text in paragraphs]

for style, text in expected.get("headings", []):
    if (style, text) not in paragraphs:
        problems.append(f"no {style!r} paragraph {text!r}; headings are "
                        f"{[p for p in paragraphs if p[0].startswith('Heading')]}")
for text in expected.get("paragraphs", []):
    if text not in texts:
        problems.append(f"no paragraph {text!r}")
for text in expected.get("bullets", []):
    if ("List Bullet", text) not in paragraphs:
        problems.append(f"no bullet item {text!r}")

if "table" in expected:
    if len(document.tables) != 1:
        problems.append(f"{len(document.tables)} tables, expected 1")
    else:
        cells = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
        if cells != expected["table"]:
            problems.append(f"the table's cells are {cells}, expected {expected['table']}")
elif document.tables:
    problems.append(f"{len(document.tables)} tables, expected none")

everything = "\n".join(texts + [c.text for t in document.tables for r in t.rows for c in r.cells])
for text in expected.get("absent", []):
    if text in everything:
        problems.append(f"the document holds {text!r}")

section = document.sections[0]
if abs(section.page_width.mm - 210) > 1 or abs(section.page_height.mm - 297) > 1:
    problems.append(f"the page is {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm, not A4")

for problem in problems:
    print("FAIL:", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
