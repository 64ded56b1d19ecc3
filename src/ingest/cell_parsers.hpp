#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace clinaudit::ingest {

// Parsers for the text of one CSV cell, as spreadsheets exported from other systems
// write it. Each takes the cell without surrounding spaces (CsvReader trims them) and
// returns the value, or an invalid_input Error whose message completes the sentence
// "row R, column 'C': 'VALUE' ..." (e.g. "is not a real date (expected YYYY-MM-DD)").
// Empty cells are the caller's business: these parsers reject them. Pure; thread-safe.

// A date as YYYY-MM-DD (ISO 8601), or DD/MM/YYYY (the UK spreadsheet form; D/M/YYYY too).
// Two-digit years are refused: "01/02/24" cannot say which century it means.
Result<Date> parse_date_cell(std::string_view text);

// yes/no, true/false, y/n, 1/0, in any letter case.
Result<bool> parse_flag_cell(std::string_view text);

// A whole number of 0 or more; thousands separators ("1,234") are accepted when they
// group digits in threes, as a spreadsheet formats them.
Result<std::int64_t> parse_count_cell(std::string_view text);

// A finite decimal number ("0.25", "-3", "1e-3", "1,234.5").
Result<double> parse_decimal_cell(std::string_view text);

// An NHS financial year: "2025/26", "2025-26" or "2025/2026" (consecutive years).
Result<FinancialYear> parse_financial_year_cell(std::string_view text);

// A name as compared for matching: trimmed, lower case, with runs of spaces, hyphens
// and underscores turned into one '_' ("Organisation Code " -> "organisation_code").
std::string normalise_name(std::string_view text);

// `text` in upper case (ASCII letters only), for codes such as "rxx" -> "RXX".
std::string upper_ascii(std::string_view text);

}  // namespace clinaudit::ingest
