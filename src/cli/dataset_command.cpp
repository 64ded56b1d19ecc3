// `clinaudit dataset`: show a national audit's patient-level dataset, or declare it from a
// CSV file of the dataset import kind (docs/csv-import.md, "dataset").
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/import_run.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

struct DatasetArgs {
  std::string db = storage::default_database_url();
  std::string audit;  // code
  std::string file;
};

// A CSV field, quoted when it must be.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(15);
  out << *value;
  return out.str();
}

// Prints the dataset as the dataset import reads it, so that it can be edited and set again.
Result<void> show_dataset(const DatasetArgs& args, std::ostream& out) {
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto audit, store->audit_by_code(args.audit));
  CLINAUDIT_TRY(const auto dataset, store->dataset(audit.id));
  if (dataset.columns.empty()) {
    return Error{ErrorCode::not_found, "audit " + audit.code + " has declared no dataset"};
  }
  out << "audit_code,column,type,required,minimum,maximum,allowed_values,description\n";
  for (const auto& column : dataset.columns) {
    std::string allowed;
    for (const auto& value : column.allowed_values) allowed += (allowed.empty() ? "" : "|") + value;
    out << field(audit.code) << ',' << column.name << ',' << domain::to_string(column.type) << ','
        << (column.required ? "yes" : "no") << ',' << number(column.minimum) << ',' << number(column.maximum) << ','
        << field(allowed) << ',' << field(column.description) << '\n';
  }
  return {};
}

}  // namespace

void add_dataset_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand(
      "dataset", "Show or declare a national audit's patient-level dataset: the columns its episode files hold");
  command->require_subcommand(1);
  auto args = std::make_shared<DatasetArgs>();  // shared with the callbacks, which outlive this scope

  auto* show = command->add_subcommand("show", "Print the audit's dataset as CSV (the form `dataset set` reads)");
  show->add_option("audit", args->audit, "Audit code, e.g. NHFD")->required();
  show->add_option("--db", args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*show, outcome, [args] { return show_dataset(*args, std::cout); });

  auto* set = command->add_subcommand(
      "set",
      "Declare (or replace) the audit's dataset from a CSV file: audit_code, column, type, required, minimum, "
      "maximum, allowed_values (separated by |), description. A column that stored episodes hold cannot be "
      "removed or change type");
  set->add_option("audit", args->audit, "Audit code, e.g. NHFD")->required();
  set->add_option("file", args->file, "The CSV file; - for standard input")->required();
  set->add_option("--db", args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*set, outcome, [args] {
    ImportRequest request;
    request.kind = "dataset";
    request.file = args->file;
    request.database_url = args->db;
    request.audit_code = args->audit;
    return run_import(request, std::cout);
  });
}

}  // namespace clinaudit::cli
