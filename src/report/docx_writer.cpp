// A minimal WordprocessingML package (ECMA-376 Part 1): content types, the package and
// document relationships, styles, bullet numbering and the document body.
#include "report/docx_writer.hpp"

#include <zip.h>

#include <array>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace clinaudit::report {
namespace {

// Text as XML character data; the control characters XML 1.0 cannot carry are dropped.
std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') break;
        out += ch;
    }
  }
  return out;
}

std::string run_xml(const Run& run) {
  return std::string("<w:r>") + (run.bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" +
         xml_text(run.text) + "</w:t></w:r>";
}

std::string paragraph_xml(const Runs& runs, const char* style) {
  std::string out = "<w:p>";
  if (style != nullptr) out += std::string("<w:pPr><w:pStyle w:val=\"") + style + "\"/></w:pPr>";
  for (const auto& run : runs) out += run_xml(run);
  return out + "</w:p>";
}

std::string cell_xml(const std::string& text, bool header) {
  return "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>" + paragraph_xml({Run{text, header}}, nullptr) +
         "</w:tc>";
}

struct BodyWriter {
  std::string& out;
  void operator()(const Heading& h) const {
    const int level = h.level < 1 ? 1 : (h.level > 3 ? 3 : h.level);
    const std::array<const char*, 3> styles{"Heading1", "Heading2", "Heading3"};
    out += paragraph_xml({Run{h.text, false}}, styles.at(static_cast<std::size_t>(level - 1)));
  }
  void operator()(const Paragraph& p) const { out += paragraph_xml(p.runs, nullptr); }
  void operator()(const BulletList& list) const {
    for (const auto& item : list.items) out += paragraph_xml(item, "ListBullet");
  }
  void operator()(const Table& table) const {
    out +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        "w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (std::size_t i = 0; i < table.header.size(); ++i) out += "<w:gridCol/>";
    out += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>";
    for (const auto& cell : table.header) out += cell_xml(cell, true);
    out += "</w:tr>";
    for (const auto& row : table.rows) {
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (const auto& cell : row) out += cell_xml(cell, false);
      out += "</w:tr>";
    }
    // Word needs a paragraph between a table and whatever follows it.
    out += "</w:tbl><w:p/>";
  }
};

constexpr const char* kNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)"
    R"(</Types>)";

constexpr const char* kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr const char* kDocumentRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(</Relationships>)";

// Word's built-in style names, so that the document's headings and lists are Word's own.
constexpr const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>)"
    R"(<w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="1"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160"/><w:outlineLvl w:val="2"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>)"
    R"(<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style>)"
    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
    R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>)"
    R"(<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>)"
    R"(</w:tblCellMar></w:tblPr></w:style>)"
    R"(<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>)"
    R"(<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>)"
    R"(<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>)"
    R"(</w:tblBorders></w:tblPr></w:style>)"
    R"(</w:styles>)";

constexpr const char* kNumbering =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>)"
    R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#8226;"/>)"
    R"(<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>)"
    R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
    R"(</w:numbering>)";

// A4 (11906 x 16838 twentieths of a point) with 2 cm margins.
constexpr const char* kSection =
    R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>)"
    R"(<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>)"
    R"(</w:sectPr>)";

std::string document_xml(const TextDocument& document) {
  std::string body;
  for (const auto& block : document.blocks) std::visit(BodyWriter{body}, block);
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") + "<w:document xmlns:w=\"" +
         kNamespace + "\"><w:body>" + body + kSection + "</w:body></w:document>";
}

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

Error zip_error(const char* doing, zip_error_t* error) {
  return Error{ErrorCode::internal,
               std::string("writing the Word document: ") + doing + ": " + zip_error_strerror(error)};
}

}  // namespace

Result<std::string> docx_bytes(const TextDocument& document) {
  const std::vector<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRelationships},
      {"word/_rels/document.xml.rels", kDocumentRelationships},
      {"word/styles.xml", kStyles},
      {"word/numbering.xml", kNumbering},
      {"word/document.xml", document_xml(document)},
  };
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into a memory buffer that outlives the archive (zip_source_keep).
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return zip_error("creating a buffer", &error);
  std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(buffer, ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_source_free(buffer);
    return zip_error("opening the archive", &error);
  }
  zip_source_keep(buffer);
  const auto release = [&](Error e) {
    archive.reset();
    zip_source_free(buffer);
    return e;
  };
  for (const auto& [name, text] : parts) {
    // The parts' text lives until zip_close, which reads it.
    zip_source_t* part = zip_source_buffer(archive.get(), text.data(), text.size(), 0);
    if (part == nullptr) return release(zip_error("adding a part", zip_get_error(archive.get())));
    const zip_int64_t index = zip_file_add(archive.get(), name, part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(part);
      return release(zip_error("adding a part", zip_get_error(archive.get())));
    }
    // A fixed date (1 January 2020) so that the same document gives the same bytes.
    zip_file_set_dostime(archive.get(), static_cast<zip_uint64_t>(index), 0, (40U << 9U) | (1U << 5U) | 1U, 0);
  }
  if (zip_close(archive.get()) != 0) return release(zip_error("closing the archive", zip_get_error(archive.get())));
  [[maybe_unused]] zip_t* const closed = archive.release();  // zip_close freed it

  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
    Error e = zip_error("reading the archive", zip_source_error(buffer));
    zip_source_free(buffer);
    return e;
  }
  bytes.resize(static_cast<std::size_t>(stat.size));
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return Error{ErrorCode::internal, "writing the Word document: reading the archive back failed"};
  }
  return bytes;
}

}  // namespace clinaudit::report
