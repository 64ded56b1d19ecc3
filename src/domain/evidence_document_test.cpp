#include "domain/evidence_document.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace clinaudit::domain {
namespace {

constexpr std::size_t kTenMegabytes = std::size_t{10} * 1024 * 1024;

// A file of tests/data/documents (written by Python's zipfile, see PROVENANCE.md there).
std::string sample(const std::string& name) {
  const char* root = std::getenv("CLINAUDIT_SOURCE_DIR");
  const std::string path = std::string(root != nullptr ? root : ".") + "/tests/data/documents/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(RecogniseDocument, APdfByItsHeader) {
  EXPECT_EQ(recognise_document(sample("letter.pdf"), kTenMegabytes).value(), DocumentType::pdf);
}

TEST(RecogniseDocument, AWordDocumentByTheBodyItsArchiveNames) {
  EXPECT_EQ(recognise_document(sample("re-audit.docx"), kTenMegabytes).value(), DocumentType::docx);
  // The end of the archive's directory found before a comment.
  EXPECT_EQ(recognise_document(sample("commented.docx"), kTenMegabytes).value(), DocumentType::docx);
}

TEST(RecogniseDocument, OtherTypesAreRefusedWhateverTheirName) {
  for (const char* name : {"spreadsheet.xlsx", "notes.txt", "old-word.doc"}) {
    const auto recognised = recognise_document(sample(name), kTenMegabytes);
    ASSERT_FALSE(recognised) << name;
    EXPECT_EQ(recognised.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(recognised.error().message,
              "document: the file is not a PDF or a Word document (.docx); nothing was saved");
  }
}

TEST(RecogniseDocument, ADamagedArchiveIsRefused) {
  const std::string whole = sample("re-audit.docx");
  // Cut inside the central directory, and with the directory's offset pointing past the end.
  EXPECT_FALSE(recognise_document(whole.substr(0, whole.size() - 30), kTenMegabytes));
  std::string bad_offset = whole;
  bad_offset[bad_offset.size() - 6] = '\xff';
  bad_offset[bad_offset.size() - 5] = '\xff';
  EXPECT_FALSE(recognise_document(bad_offset, kTenMegabytes));
  EXPECT_FALSE(recognise_document("PK\x03\x04", kTenMegabytes));
}

TEST(RecogniseDocument, TheSizeLimitHoldsToTheByte) {
  const std::string pdf = sample("letter.pdf");
  EXPECT_TRUE(recognise_document(pdf, pdf.size()));
  const auto over = recognise_document(pdf, pdf.size() - 1);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message, "document: the file is larger than the limit of 192 bytes; nothing was saved");
  const auto big = recognise_document(std::string(kTenMegabytes + 1, 'x'), kTenMegabytes);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().message, "document: the file is larger than the limit of 10 MB; nothing was saved");
}

TEST(RecogniseDocument, AnEmptyFileAsksForOne) {
  const auto empty = recognise_document("", kTenMegabytes);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "document: choose a PDF or Word file to upload");
}

TEST(SafeFileName, KeepsAReadableNameAndDropsWhatCouldBreakAHeader) {
  EXPECT_EQ(safe_file_name("Re-audit report (2026).pdf", DocumentType::pdf), "Re-audit report (2026).pdf");
  EXPECT_EQ(safe_file_name("C:\\Users\\me\\letter.PDF", DocumentType::pdf), "letter.PDF");
  EXPECT_EQ(safe_file_name("../../etc/passwd", DocumentType::pdf), "passwd.pdf");
  EXPECT_EQ(safe_file_name("a\"b;\r\nc.docx", DocumentType::docx), "a_b___c.docx");
  EXPECT_EQ(safe_file_name("Résumé.docx", DocumentType::docx), "R__sum__.docx");
  EXPECT_EQ(safe_file_name("...hidden", DocumentType::pdf), "hidden.pdf");
  EXPECT_EQ(safe_file_name("", DocumentType::docx), "document.docx");
  EXPECT_EQ(safe_file_name("report.docx", DocumentType::pdf), "report.docx.pdf");
  const std::string longest = safe_file_name(std::string(300, 'a') + ".pdf", DocumentType::pdf);
  EXPECT_EQ(longest.size(), 120U);
  EXPECT_EQ(longest.substr(116), ".pdf");
}

TEST(SizeInWords, BytesKilobytesAndMegabytes) {
  EXPECT_EQ(size_in_words(1), "1 byte");
  EXPECT_EQ(size_in_words(812), "812 bytes");
  EXPECT_EQ(size_in_words(1024), "1 KB");
  EXPECT_EQ(size_in_words(245760), "240 KB");
  EXPECT_EQ(size_in_words(1048064), "1 MB");  // 1023.5 KB rounds up to a megabyte
  EXPECT_EQ(size_in_words(3565158), "3.4 MB");
  EXPECT_EQ(size_in_words(10485760), "10 MB");
}

TEST(CheckEvidenceDocument, NamesWhatIsWrong) {
  EvidenceDocument document;
  document.owner_id = 4;
  document.file_name = "letter.pdf";
  document.media_type = "application/pdf";
  document.size = 193;
  document.sha256 = std::string(64, 'a');
  document.uploaded_at = "2026-11-26T10:00:00Z";
  EXPECT_TRUE(check(document));
  auto text = document;
  text.media_type = "text/html";
  EXPECT_FALSE(check(text));
  auto upper = document;
  upper.sha256 = std::string(64, 'A');
  EXPECT_FALSE(check(upper));
}

}  // namespace
}  // namespace clinaudit::domain
