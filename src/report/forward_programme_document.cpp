#include "report/forward_programme_document.hpp"

#include <xlsxwriter.h>

#include <array>
#include <cmath>

#include "core/number_format.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {

namespace {

constexpr std::array kTiers{domain::ProgrammeTier::national_mandatory, domain::ProgrammeTier::trust_priority,
                            domain::ProgrammeTier::divisional, domain::ProgrammeTier::local_interest};

std::string dates(const domain::ProgrammeItem& item) {
  if (!item.start_date && !item.end_date) return "";
  return (item.start_date ? item.start_date->to_string() : std::string("?")) + " to " +
         (item.end_date ? item.end_date->to_string() : std::string("?"));
}

std::string reason_or_none(const std::string& reason) { return reason.empty() ? "no reason recorded" : reason; }

std::string joined(const std::vector<std::string>& notes) {
  std::string out;
  for (const auto& note : notes) out += (out.empty() ? "" : " ") + note;
  return out;
}

const std::vector<std::string> kDivisionHeader = {
    "Division",         "In plan",   "Carried in", "Completed",     "Under way",
    "Not started",      "Abandoned", "Overdue",    "Carrying over", "Completed (% of plan)",
    "Awaiting approval"};

std::vector<std::string> division_row(const domain::DivisionProgress& p) {
  return {p.division,
          std::to_string(p.in_plan),
          std::to_string(p.carried_in),
          std::to_string(p.completed),
          std::to_string(p.under_way),
          std::to_string(p.not_started),
          std::to_string(p.abandoned),
          std::to_string(p.overdue),
          std::to_string(p.carrying_over),
          completed_share_text(p),
          std::to_string(p.awaiting_approval)};
}

}  // namespace

std::vector<std::string> programme_notes(const domain::ProgrammeItem& item) {
  std::vector<std::string> notes;
  if (item.carried_in)
    notes.push_back("Carried over from an earlier year: " + reason_or_none(item.carried_in_reason) + ".");
  if (item.carries_over)
    notes.push_back("Carrying over to the next year: " + reason_or_none(item.carry_over_reason) + ".");
  if (item.state == domain::ProgrammeState::abandoned && item.stage == domain::LocalAuditStage::abandoned) {
    notes.push_back("Abandoned: " + reason_or_none(item.abandoned_reason) + ".");
  }
  if (item.overdue && item.end_date) notes.push_back("Overdue: planned to end on " + item.end_date->to_string() + ".");
  if (item.state == domain::ProgrammeState::not_taking_part) {
    notes.push_back("Not taking part: " + reason_or_none(item.not_taking_part_reason) + ".");
  }
  return notes;
}

std::string completed_share_text(const domain::DivisionProgress& progress) {
  const auto share = progress.completed_share();
  if (!share) return "No audits planned";
  return format_fixed(std::round(*share * 100.0), 0) + "%";
}

Table division_progress_table(const std::vector<domain::DivisionProgress>& divisions,
                              const domain::DivisionProgress& total) {
  Table table{kDivisionHeader, {}};
  for (const auto& division : divisions) table.rows.push_back(division_row(division));
  table.rows.push_back(division_row(total));
  return table;
}

void write_division_progress(lxw_workbook* workbook, const char* sheet,
                             const std::vector<domain::DivisionProgress>& progress,
                             const domain::DivisionProgress& total, const SheetFormats& formats) {
  std::vector<CellRow> divisions;
  const auto add = [&](const domain::DivisionProgress& d) {
    CellRow row{d.division};
    for (const int n :
         {d.in_plan, d.carried_in, d.completed, d.under_way, d.not_started, d.abandoned, d.overdue, d.carrying_over}) {
      row.emplace_back(static_cast<double>(n), NumberStyle::whole);
    }
    if (const auto share = d.completed_share()) {
      row.emplace_back(*share, NumberStyle::percent_whole);
    } else {
      row.emplace_back("No audits planned");
    }
    row.emplace_back(static_cast<double>(d.awaiting_approval), NumberStyle::whole);
    divisions.push_back(std::move(row));
  };
  for (const auto& division : progress) add(division);
  add(total);
  write_table(workbook, sheet, kDivisionHeader, divisions, formats);
}

TextDocument forward_programme_document(const domain::ForwardProgramme& p) {
  TextDocument doc;
  doc.blocks.emplace_back(Heading{1, "Clinical audit forward programme " + p.year.to_string()});
  doc.blocks.emplace_back(paragraph(p.organisation + ", as at " + p.as_of.to_string() + "."));
  doc.blocks.emplace_back(
      paragraph("The plan is the local audits approved to start in the year and those carried over from earlier years; "
                "proposals awaiting approval are counted apart. National audits: taking part in " +
                std::to_string(p.national_taking_part) + " of the " + std::to_string(p.national_eligible) +
                " the trust is eligible for."));

  doc.blocks.emplace_back(Heading{2, "Progress against plan by division"});
  doc.blocks.emplace_back(division_progress_table(p.divisions, p.total));

  for (const auto tier : kTiers) {
    Table table{{"Audit", "Division", "Lead", "Planned", "Progress", "Notes"}, {}};
    for (const auto& item : p.items) {
      if (item.tier != tier) continue;
      table.rows.push_back({item.code + ": " + item.title, item.national ? "Trust-wide" : item.division, item.lead,
                            dates(item), item.progress, joined(programme_notes(item))});
    }
    doc.blocks.emplace_back(Heading{2, std::string(domain::display_name(tier))});
    if (table.rows.empty()) {
      doc.blocks.emplace_back(paragraph("No audits in this tier."));
    } else {
      doc.blocks.emplace_back(std::move(table));
    }
  }

  doc.blocks.emplace_back(Heading{2, "Carried over and abandoned"});
  BulletList moved;
  for (const auto& item : p.items) {
    if (item.carried_in || item.carries_over || item.stage == domain::LocalAuditStage::abandoned) {
      moved.items.push_back(
          {Run{item.code + ": " + item.title + ". ", true}, Run{joined(programme_notes(item)), false}});
    }
  }
  if (moved.items.empty()) {
    doc.blocks.emplace_back(paragraph("No audit of this year's programme was carried over or abandoned."));
  } else {
    doc.blocks.emplace_back(std::move(moved));
  }
  return doc;
}

std::string forward_programme_html(const domain::ForwardProgramme& programme) {
  return to_print_html("Clinical audit forward programme " + programme.year.to_string() + ": " + programme.organisation,
                       forward_programme_document(programme));
}

Result<void> write_forward_programme_xlsx(const domain::ForwardProgramme& p, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{ErrorCode::storage_unavailable, "cannot create '" + path + "'"};
  const SheetFormats formats(workbook);

  write_division_progress(workbook, "By division", p.divisions, p.total, formats);

  std::vector<CellRow> items;
  items.reserve(p.items.size());
  for (const auto& item : p.items) {
    items.push_back({std::string(domain::display_name(item.tier)), item.code, item.title,
                     item.national ? "Trust-wide" : item.division, item.lead,
                     item.start_date ? item.start_date->to_string() : "",
                     item.end_date ? item.end_date->to_string() : "", item.progress, item.carried_in ? "Yes" : "No",
                     item.carries_over ? "Yes" : "No", joined(programme_notes(item))});
  }
  write_table(workbook, "Programme",
              {"Tier", "Code", "Title", "Division", "Lead", "Planned start", "Planned end", "Progress", "Carried in",
               "Carrying over", "Notes"},
              items, formats);

  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  }
  return {};
}

}  // namespace clinaudit::report
