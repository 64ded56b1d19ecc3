#pragma once

#include <string>
#include <variant>
#include <vector>

#include "render/html.hpp"

namespace clinaudit::report {

// A document of prose: headings, paragraphs, bulleted lists and simple tables, written once
// by a report and then as Markdown, as HTML or as a Word document (docx_writer.hpp), so the
// formats cannot say different things. Text is plain text: each writer escapes it.

// A stretch of text, bold or not.
struct Run {
  std::string text;
  bool bold = false;
};
using Runs = std::vector<Run>;

struct Heading {
  int level = 2;  // 1 to 3
  std::string text;
};

struct Paragraph {
  Runs runs;
};

struct BulletList {
  std::vector<Runs> items;
};

// A table with a header row; each row has as many cells as the header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

using Block = std::variant<Heading, Paragraph, BulletList, Table>;

struct TextDocument {
  std::vector<Block> blocks;
};

// A paragraph of one run of plain text.
Paragraph paragraph(std::string text);

// The document as Markdown (CommonMark with GitHub's pipe tables): "#" headings, "-" items,
// "**bold**"; a "|" in a table cell is escaped. Deterministic.
std::string to_markdown(const TextDocument& document);

// The document as an HTML fragment (h1-h3, p, ul, table with th scope="col", strong).
render::Html to_html(const TextDocument& document);

// The document as a complete HTML page titled `title`, for the screen and for print (A4
// landscape, page numbers in the footer), self-contained: inline CSS, no script.
std::string to_print_html(const std::string& title, const TextDocument& document);

}  // namespace clinaudit::report
