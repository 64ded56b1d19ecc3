// The governance documents as downloads: the Quality Account section as a Word document and
// the board pack printed to PDF by the server (Debian's chromium, read back with pdftotext).
#include <gtest/gtest.h>

#include <unistd.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "http/testing/test_world.hpp"
#include "platform/pdf_printer.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

// The text of a PDF, as poppler's pdftotext reads it (lines joined by spaces).
std::string pdf_text(const std::string& bytes) {
  const auto path =
      std::filesystem::temp_directory_path() / ("clinaudit-download-" + std::to_string(getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string text;
  const std::string command = "pdftotext -raw '" + path.string() + "' - 2>/dev/null";
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
    pclose(pipe);
  }
  std::filesystem::remove(path);
  for (char& ch : text) {
    if (ch == '\n') ch = ' ';
  }
  return text;
}

TEST(ReportDownloads, TheQualityAccountSectionDownloadsAsAWordDocument) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response word = world.call("GET", "/reports/quality-account.docx?year=2025/26", &manager);
  ASSERT_EQ(word.status, 200) << word.body.substr(0, 300);
  EXPECT_EQ(word.content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const std::string disposition = word.header("Content-Disposition");
  EXPECT_TRUE(contains(disposition, "attachment")) << disposition;
  EXPECT_TRUE(contains(disposition, "quality-account-" + world.own().code + "-2025-26.docx")) << disposition;
  EXPECT_EQ(word.body.substr(0, 2), "PK");  // a zip package, as every .docx is
  EXPECT_TRUE(contains(word.body, "word/document.xml"));

  // The page offers both downloads, and keeps the records' gap beside the section; the text
  // to paste holds only the Quality Account's words.
  const Response page = world.call("GET", "/reports/quality-account?year=2025/26", &manager);
  EXPECT_TRUE(contains(page.body, "/reports/quality-account.docx?year=2025/26"));
  EXPECT_TRUE(contains(page.body, "/reports/quality-account.md?year=2025/26"));
  EXPECT_TRUE(contains(page.body, "Before publishing"));
  const Response markdown = world.call("GET", "/reports/quality-account.md?year=2025/26", &manager);
  ASSERT_EQ(markdown.status, 200);
  EXPECT_FALSE(contains(markdown.body, "Before publishing")) << markdown.body;
  EXPECT_FALSE(contains(markdown.body, "Due by")) << markdown.body;
}

TEST(ReportDownloads, TheBoardPackDownloadsAsAPdfPrintedByTheServer) {
  TestWorld world;
  AppConfig config;
  config.print_pdf = platform::html_to_pdf;
  world.reconfigure(config);
  auto& board = world.own().callers.at(Role::board_member);
  const Response pdf = world.call("GET", "/reports/board-pack.pdf?meeting=2026-01-20", &board);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_TRUE(contains(pdf.header("Content-Disposition"),
                       "attachment; filename=\"board-pack-" + world.own().code + "-2026-01-20.pdf\""));
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string text = pdf_text(pdf.body);
  EXPECT_TRUE(contains(text, "Clinical audit: board assurance report")) << text;
  EXPECT_TRUE(contains(text, "meeting of 2026-01-20")) << text;
  EXPECT_TRUE(contains(text, "Trust " + world.own().code)) << text;
  EXPECT_FALSE(contains(text, "Trust " + world.other().code)) << text;
  // The reports page links to it.
  EXPECT_TRUE(contains(world.call("GET", "/reports?meeting=2026-01-20", &board).body,
                       "/reports/board-pack.pdf?meeting=2026-01-20"));
}

TEST(ReportDownloads, TheForwardProgrammeDownloadsAsAPdfPrintedByTheServer) {
  TestWorld world;
  AppConfig config;
  config.print_pdf = platform::html_to_pdf;
  world.reconfigure(config);
  auto& board = world.own().callers.at(Role::board_member);
  const Response pdf = world.call("GET", "/programme.pdf?year=2025-26", &board);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_TRUE(contains(pdf.header("Content-Disposition"),
                       "attachment; filename=\"forward-programme-" + world.own().code + "-2025-26.pdf\""));
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string text = pdf_text(pdf.body);
  EXPECT_TRUE(contains(text, "Clinical audit forward programme 2025/26")) << text;
  EXPECT_TRUE(contains(text, "Progress against plan by division")) << text;
  EXPECT_TRUE(contains(text, "Local audit of " + world.own().code)) << text;
  EXPECT_FALSE(contains(text, "Local audit of " + world.other().code)) << text;
}

// The annual clinical audit report: the page (the year that ended in March by default), its
// JSON twin, the PDF printed by the server and the workbook, all of the caller's trust.
TEST(ReportDownloads, TheAnnualClinicalAuditReportIsAPageJsonAPdfAndAWorkbook) {
  TestWorld world;
  AppConfig config;
  config.print_pdf = platform::html_to_pdf;
  world.reconfigure(config);
  auto& board = world.own().callers.at(Role::board_member);
  // Today is 15 January 2026: the report of 2024/25 unless another year is asked for.
  const Response page = world.call("GET", "/reports/annual-audit-report", &board);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<h1>Annual clinical audit report 2024/25</h1>"));
  const Response current = world.call("GET", "/reports/annual-audit-report?year=2025-26", &board);
  ASSERT_EQ(current.status, 200);
  EXPECT_TRUE(contains(current.body, "Programme delivered: 0 of 1 planned local audits completed"));
  EXPECT_TRUE(contains(current.body, "<tr><td>No division</td><td>1</td>"));
  EXPECT_TRUE(contains(world.call("GET", "/reports", &board).body, "/reports/annual-audit-report?year=2024/25"));

  const auto json =
      nlohmann::json::parse(world.call("GET", "/api/reports/annual-audit-report?year=2025/26", &board).body);
  EXPECT_EQ(json["year"], "2025/26");
  EXPECT_EQ(json["programme"]["in_plan"], 1);
  EXPECT_EQ(world.call("GET", "/api/reports/annual-audit-report?year=soon", &board).status, 400);

  const Response pdf = world.call("GET", "/reports/annual-audit-report.pdf?year=2025-26", &board);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_TRUE(contains(pdf.header("Content-Disposition"),
                       "attachment; filename=\"annual-audit-report-" + world.own().code + "-2025-26.pdf\""));
  const std::string text = pdf_text(pdf.body);
  EXPECT_TRUE(contains(text, "Annual clinical audit report 2025/26")) << text;
  EXPECT_TRUE(contains(text, "Programme delivered against plan")) << text;
  const Response workbook = world.call("GET", "/reports/annual-audit-report.xlsx?year=2025-26", &board);
  ASSERT_EQ(workbook.status, 200);
  EXPECT_TRUE(workbook.body.starts_with("PK"));
}

TEST(ReportDownloads, WithoutAPrinterTheBoardPackPdfIsUnavailableInPlainWords) {
  TestWorld world;  // no printer configured
  auto& board = world.own().callers.at(Role::board_member);
  const Response none = world.call("GET", "/reports/board-pack.pdf?meeting=2026-01-20", &board);
  EXPECT_EQ(none.status, 503);
  EXPECT_TRUE(contains(none.body, "PDF printing is not available on this server")) << none.body;

  // Chromium missing from the machine: the printer's not_found is the server's state, 503.
  AppConfig config;
  config.print_pdf = [](const std::string&) -> Result<std::string> {
    return Error{ErrorCode::not_found, "PDF output needs Debian's chromium"};
  };
  world.reconfigure(config);
  const Response missing = world.call("GET", "/reports/board-pack.pdf?meeting=2026-01-20", &board);
  EXPECT_EQ(missing.status, 503);
  EXPECT_TRUE(contains(missing.body, "PDF printing is not available on this server")) << missing.body;
  EXPECT_FALSE(contains(missing.body, "<script"));
}

}  // namespace
}  // namespace clinaudit::http
