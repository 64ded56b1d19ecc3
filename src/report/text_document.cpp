#include "report/text_document.hpp"

#include <sstream>

namespace clinaudit::report {
namespace {

using render::Html;
using render::html;
using render::operator""_html;

std::string markdown_runs(const Runs& runs) {
  std::string out;
  for (const auto& run : runs) out += run.bold ? "**" + run.text + "**" : run.text;
  return out;
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|') out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

Html html_runs(const Runs& runs) {
  Html out;
  for (const auto& run : runs) out += run.bold ? html("<strong>{}</strong>", run.text) : html("{}", run.text);
  return out;
}

struct MarkdownWriter {
  std::ostringstream& out;
  void operator()(const Heading& h) const {
    out << std::string(static_cast<std::size_t>(h.level), '#') << ' ' << h.text << "\n\n";
  }
  void operator()(const Paragraph& p) const { out << markdown_runs(p.runs) << "\n\n"; }
  void operator()(const BulletList& list) const {
    for (const auto& item : list.items) out << "- " << markdown_runs(item) << "\n";
    out << "\n";
  }
  void operator()(const Table& table) const {
    out << "|";
    for (const auto& cell : table.header) out << ' ' << markdown_cell(cell) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < table.header.size(); ++i) out << "---|";
    out << "\n";
    for (const auto& row : table.rows) {
      out << "|";
      for (const auto& cell : row) out << ' ' << markdown_cell(cell) << " |";
      out << "\n";
    }
    out << "\n";
  }
};

struct HtmlWriter {
  Html& out;
  void operator()(const Heading& h) const {
    if (h.level <= 1) {
      out += html("<h1>{}</h1>", h.text);
    } else if (h.level == 2) {
      out += html("<h2>{}</h2>", h.text);
    } else {
      out += html("<h3>{}</h3>", h.text);
    }
  }
  void operator()(const Paragraph& p) const { out += html("<p>{}</p>", html_runs(p.runs)); }
  void operator()(const BulletList& list) const {
    out += "<ul>"_html;
    for (const auto& item : list.items) out += html("<li>{}</li>", html_runs(item));
    out += "</ul>"_html;
  }
  void operator()(const Table& table) const {
    out += "<table><thead><tr>"_html;
    for (const auto& cell : table.header) out += html("<th scope=\"col\">{}</th>", cell);
    out += "</tr></thead><tbody>"_html;
    for (const auto& row : table.rows) {
      out += "<tr>"_html;
      for (const auto& cell : row) out += html("<td>{}</td>", cell);
      out += "</tr>"_html;
    }
    out += "</tbody></table>"_html;
  }
};

}  // namespace

Paragraph paragraph(std::string text) { return Paragraph{{Run{std::move(text), false}}}; }

std::string to_markdown(const TextDocument& document) {
  std::ostringstream out;
  for (const auto& block : document.blocks) std::visit(MarkdownWriter{out}, block);
  std::string text = out.str();
  while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') text.pop_back();
  return text;
}

render::Html to_html(const TextDocument& document) {
  Html out;
  for (const auto& block : document.blocks) std::visit(HtmlWriter{out}, block);
  return out;
}

namespace {

constexpr render::Markup kStyle = R"(
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-bottom:3px solid #005eb8;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem}th,td{border-bottom:1px solid #d8dde0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f5}
@page{size:A4 landscape;margin:14mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:9pt;color:#4c6272}}
@media (max-width:640px){body{margin:1rem}table{display:block;overflow-x:auto}}
@media print{body{margin:0}h2,h3{break-after:avoid}tr,li{break-inside:avoid}thead{display:table-header-group}}
)"_html;

}  // namespace

std::string to_print_html(const std::string& title, const TextDocument& document) {
  Html out = html(
      "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{}</title><style>{}</style></head><body>",
      title, kStyle);
  out += to_html(document);
  out += "</body></html>"_html;
  return std::move(out).str();
}

}  // namespace clinaudit::report
