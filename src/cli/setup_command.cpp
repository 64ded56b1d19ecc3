// Setting up the register, audits and measures from the command line (docs/cli.md):
// `clinaudit organisation`, `clinaudit audit` and `clinaudit measure`. The command line is the
// operator, who holds the whole database; each write is the same domain use case the pages
// and the API call, so it is checked the same way and written to the audit log.
#include <charconv>
#include <iostream>
#include <optional>
#include <set>

#include "cli/commands.hpp"
#include "domain/measure_setup.hpp"
#include "domain/register_setup.hpp"

namespace clinaudit::cli {

namespace {

using Text = std::optional<std::string>;

domain::Actor operator_actor(const std::string& command) { return domain::Actor{std::nullopt, "clinaudit " + command}; }

// A value of an option that names a kind of thing: the option's words in the error.
template <typename T, typename Parse>
Result<std::optional<T>> parsed(const Text& text, Parse parse, const std::string& option, const std::string& expected) {
  if (!text) return std::optional<T>{};
  auto value = parse(*text);
  if (!value) return Error{ErrorCode::invalid_input, option + ": '" + *text + "' is not one of " + expected};
  return value;
}

Result<std::optional<Date>> date_option(const Text& text, const std::string& option) {
  if (!text || text->empty()) return std::optional<Date>{};
  auto date = Date::parse(*text);
  if (!date) return Error{ErrorCode::invalid_input, option + ": enter a date as YYYY-MM-DD"};
  return std::optional<Date>{*date};
}

Result<double> number_option(const std::string& text, const std::string& option) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error{ErrorCode::invalid_input, option + ": '" + text + "' is not a number"};
  }
  return value;
}

std::string cell(std::string_view text) {
  std::string out(text);
  if (out.find_first_of(",\"\n") == std::string::npos) return out;
  std::string quoted = "\"";
  for (const char c : out) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Organisations ------------------------------------------------------------------------------

struct OrganisationOptions {
  std::string db;
  std::string code;  // add: the new code; edit: the organisation's current code
  Text new_code, name, type, region;
};

Result<domain::OrganisationDraft> organisation_draft(const OrganisationOptions& o, domain::OrganisationDraft draft) {
  if (o.new_code) draft.code = *o.new_code;
  if (o.name) draft.name = *o.name;
  if (o.region) draft.region = *o.region;
  if (o.type) {
    draft.type = domain::parse_organisation_type(*o.type);
    if (!draft.type) {
      return Error{ErrorCode::invalid_input,
                   "--type: '" + *o.type +
                       "' is not one of acute, mental_health, community, ambulance, primary_care, specialist, "
                       "national_body"};
    }
  }
  return draft;
}

void add_organisation_command(CLI::App& app, Outcome& outcome) {
  auto* command = app.add_subcommand("organisation", "Set up the register's organisations (list, add, edit)");
  command->require_subcommand(1);
  auto* list = command->add_subcommand("list", "List every organisation as CSV: id, code, name, type, region");
  auto* add = command->add_subcommand("add", "Add an organisation");
  auto* edit = command->add_subcommand("edit", "Change an organisation, named by its code");
  auto options = std::make_shared<OrganisationOptions>();
  for (auto* sub : {list, add, edit}) sub->add_option("--db", options->db, kDatabaseHelp);
  add->add_option("--code", options->code, "ODS-style code, e.g. RXX")->required();
  edit->add_option("--code", options->code, "The organisation's current code")->required();
  edit->add_option("--new-code", options->new_code, "A new code");
  for (auto* sub : {add, edit}) {
    sub->add_option("--name", options->name, "Name");
    sub->add_option("--type", options->type,
                    "acute, mental_health, community, ambulance, primary_care, specialist or national_body");
    sub->add_option("--region", options->region, "Region");
  }
  on_run(*list, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto rows, domain::organisation_register(*store, std::nullopt));
    std::cout << "id,code,name,type,region\n";
    for (const auto& o : rows) {
      std::cout << o.id.value << ',' << cell(o.code) << ',' << cell(o.name) << ',' << domain::to_string(o.type) << ','
                << cell(o.region) << '\n';
    }
    return {};
  });
  on_run(*add, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    domain::OrganisationDraft start;
    start.code = options->code;
    CLINAUDIT_TRY(auto draft, organisation_draft(*options, start));
    CLINAUDIT_TRY(auto id, domain::add_organisation(*store, std::nullopt, operator_actor("organisation add"), draft));
    CLINAUDIT_TRY(auto added, store->organisation(id));
    std::cout << "Added organisation " << added.code << ", id " << id.value << '\n';
    return {};
  });
  on_run(*edit, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto found, store->organisation_by_code(options->code));
    CLINAUDIT_TRY(auto draft, organisation_draft(*options, domain::draft_of(found)));
    CLINAUDIT_TRY_VOID(
        domain::edit_organisation(*store, std::nullopt, operator_actor("organisation edit"), found.id, draft));
    std::cout << "Changed organisation " << found.code << ", id " << found.id.value << '\n';
    return {};
  });
}

// Audits -------------------------------------------------------------------------------------

struct AuditOptions {
  std::string db;
  std::string code;
  Text new_code, title, kind, owner, topic, provider, standards, status, reaudit_of, start, end;
  std::string year;
  std::string eligible;
};

std::optional<domain::AuditKind> audit_kind(std::string_view text) {
  if (text == "nca" || text == "national") return domain::AuditKind::national_clinical_audit;
  if (text == "nce") return domain::AuditKind::national_confidential_enquiry;
  if (text == "local") return domain::AuditKind::local_audit;
  return domain::parse_audit_kind(text);
}

Result<domain::AuditDraft> audit_draft(domain::Store& store, const AuditOptions& o, domain::AuditDraft draft) {
  if (o.new_code) draft.code = *o.new_code;
  if (o.title) draft.title = *o.title;
  if (o.topic) draft.topic = *o.topic;
  if (o.provider) draft.provider_body = *o.provider;
  if (o.standards) draft.standards = *o.standards;
  CLINAUDIT_TRY(const auto kind, parsed<domain::AuditKind>(o.kind, audit_kind, "--kind", "nca, nce or local"));
  if (kind) draft.kind = kind;
  CLINAUDIT_TRY(const auto status,
                parsed<domain::AuditStatus>(o.status, domain::parse_audit_status, "--status",
                                            "planned, in_progress, data_collection_complete, reported, closed"));
  if (status) draft.status = status;
  if (o.reaudit_of) {
    if (o.reaudit_of->empty()) {
      draft.reaudit_of.reset();
    } else {
      auto earlier = store.audit_by_code(*o.reaudit_of);
      if (!earlier) return Error{earlier.error().code, "--reaudit-of: " + earlier.error().message};
      draft.reaudit_of = earlier->id;
    }
  }
  if (o.start) {
    CLINAUDIT_TRY(draft.start_date, date_option(o.start, "--start"));
  }
  if (o.end) {
    CLINAUDIT_TRY(draft.end_date, date_option(o.end, "--end"));
  }
  return draft;
}

Result<std::set<domain::OrganisationType>> eligible_types(std::string_view text) {
  std::set<domain::OrganisationType> types;
  while (!text.empty()) {
    const auto end = text.find_first_of(";,");
    const std::string item(text.substr(0, end));
    if (!item.empty()) {
      const auto type = domain::parse_organisation_type(item);
      if (!type) return Error{ErrorCode::invalid_input, "--eligible: '" + item + "' is not a kind of organisation"};
      types.insert(*type);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return types;
}

void add_audit_command(CLI::App& app, Outcome& outcome) {
  auto* command = app.add_subcommand("audit", "Set up national and local audits and the Quality Account list");
  command->require_subcommand(1);
  auto* list = command->add_subcommand("list", "List every audit as CSV: id, code, title, kind, status, owner");
  auto* add = command->add_subcommand("add", "Add a national audit, or a local audit with --kind local --owner CODE");
  auto* edit = command->add_subcommand("edit", "Change an audit, named by its code");
  auto* qa =
      command->add_subcommand("qa-list", "Put a national audit on a year's Quality Account list, or take it off");
  auto options = std::make_shared<AuditOptions>();
  for (auto* sub : {list, add, edit, qa}) sub->add_option("--db", options->db, kDatabaseHelp);
  add->add_option("--code", options->code, "Unique code, e.g. NHFD")->required();
  edit->add_option("--code", options->code, "The audit's current code")->required();
  edit->add_option("--new-code", options->new_code, "A new code");
  add->add_option("--kind", options->kind, "nca (national clinical audit), nce (confidential enquiry) or local")
      ->required();
  add->add_option("--owner", options->owner, "A local audit's organisation code");
  edit->add_option("--kind", options->kind, "nca or nce (a local audit stays local)");
  for (auto* sub : {add, edit}) {
    sub->add_option("--title", options->title, "Title");
    sub->add_option("--topic", options->topic, "Topic or specialty");
    sub->add_option("--provider", options->provider, "Provider body (national audits)");
    sub->add_option("--standards", options->standards, "Standards audited against");
    sub->add_option("--status", options->status, "planned, in_progress, data_collection_complete, reported, closed");
    sub->add_option("--reaudit-of", options->reaudit_of, "Code of the audit this one repeats (empty: none)");
    sub->add_option("--start", options->start, "Start date, YYYY-MM-DD (empty: none)");
    sub->add_option("--end", options->end, "End date, YYYY-MM-DD (empty: none)");
  }
  qa->add_option("--code", options->code, "The national audit's code")->required();
  qa->add_option("--year", options->year, "Financial year, e.g. 2025/26")->required();
  qa->add_option("--eligible", options->eligible,
                 "Eligible organisation types separated by ';' (e.g. acute;community); empty takes it off the list")
      ->required();
  on_run(*list, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto audits, store->audits(domain::AuditFilter{}));
    CLINAUDIT_TRY(auto organisations, store->organisations());
    std::cout << "id,code,title,kind,status,owner_code\n";
    for (const auto& a : audits) {
      std::string owner;
      for (const auto& o : organisations) {
        if (a.owner == o.id) owner = o.code;
      }
      std::cout << a.id.value << ',' << cell(a.code) << ',' << cell(a.title) << ',' << domain::to_string(a.kind) << ','
                << domain::to_string(a.status) << ',' << cell(owner) << '\n';
    }
    return {};
  });
  on_run(*add, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    domain::AuditDraft start;
    start.code = options->code;
    start.status = domain::AuditStatus::planned;
    CLINAUDIT_TRY(auto draft, audit_draft(*store, *options, start));
    const auto actor = operator_actor("audit add");
    AuditId id;
    if (draft.kind == domain::AuditKind::local_audit) {
      if (!options->owner)
        return Error{ErrorCode::invalid_input, "--owner: a local audit needs its organisation's code"};
      auto owner = store->organisation_by_code(*options->owner);
      if (!owner) return Error{owner.error().code, "--owner: " + owner.error().message};
      CLINAUDIT_TRY(id, domain::add_local_audit(*store, std::nullopt, actor, owner->id, draft));
    } else {
      if (options->owner) return Error{ErrorCode::invalid_input, "--owner: a national audit has no owner"};
      CLINAUDIT_TRY(id, domain::add_national_audit(*store, std::nullopt, actor, draft));
    }
    std::cout << "Added audit " << options->code << ", id " << id.value << '\n';
    return {};
  });
  on_run(*edit, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto found, store->audit_by_code(options->code));
    CLINAUDIT_TRY(auto draft, audit_draft(*store, *options, domain::draft_of(found)));
    const auto actor = operator_actor("audit edit");
    if (found.kind == domain::AuditKind::local_audit) {
      if (options->kind && draft.kind != domain::AuditKind::local_audit) {
        return Error{ErrorCode::invalid_input, "--kind: a local audit stays local"};
      }
      CLINAUDIT_TRY_VOID(domain::edit_local_audit(*store, std::nullopt, actor, found.id, draft));
    } else {
      CLINAUDIT_TRY_VOID(domain::edit_national_audit(*store, std::nullopt, actor, found.id, draft));
    }
    std::cout << "Changed audit " << found.code << ", id " << found.id.value << '\n';
    return {};
  });
  on_run(*qa, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(const auto year, FinancialYear::parse(options->year));
    CLINAUDIT_TRY(const auto types, eligible_types(options->eligible));
    CLINAUDIT_TRY(auto found, store->audit_by_code(options->code));
    CLINAUDIT_TRY_VOID(
        domain::set_qa_membership(*store, std::nullopt, operator_actor("audit qa-list"), found.id, year, types));
    std::cout << (types.empty() ? "Took " + found.code + " off" : "Put " + found.code + " on")
              << " the Quality Account list for " << year.to_string() << '\n';
    return {};
  });
}

// Measures -----------------------------------------------------------------------------------

struct MeasureOptions {
  std::string db;
  std::string audit;
  std::string code;
  Text new_code, name, type, improvement, target, multiplier, unit, source, outcome_column, formula, expected_column;
};

Result<domain::MeasureDraft> measure_draft(const MeasureOptions& o, domain::MeasureDraft draft) {
  if (o.new_code) draft.code = *o.new_code;
  if (o.name) draft.name = *o.name;
  CLINAUDIT_TRY(const auto type, parsed<domain::MeasureType>(o.type, domain::parse_measure_type, "--type",
                                                             "proportion, ratio, rate, continuous"));
  if (type) draft.type = type;
  CLINAUDIT_TRY(const auto improvement, parsed<domain::Improvement>(o.improvement, domain::parse_improvement,
                                                                    "--improvement", "increase, decrease, neutral"));
  if (improvement) draft.improvement = improvement;
  if (o.target) {
    if (o.target->empty()) {
      draft.target.reset();
    } else {
      CLINAUDIT_TRY(draft.target, number_option(*o.target, "--target"));
    }
  }
  if (o.multiplier) {
    CLINAUDIT_TRY(draft.rate_multiplier, number_option(*o.multiplier, "--multiplier"));
  }
  if (o.unit) draft.unit = *o.unit;
  CLINAUDIT_TRY(const auto source,
                parsed<domain::MeasureSource>(
                    o.source, domain::parse_measure_source, "--source",
                    "imported_results, episode_proportion, episode_model_ratio, episode_expected_column"));
  if (source) draft.source = source;
  if (o.outcome_column) draft.outcome_column = *o.outcome_column;
  if (o.formula) draft.formula = *o.formula;
  if (o.expected_column) draft.expected_column = *o.expected_column;
  return draft;
}

void add_measure_command(CLI::App& app, Outcome& outcome) {
  auto* command = app.add_subcommand("measure", "Set up an audit's measures (list, add, edit)");
  command->require_subcommand(1);
  auto* list = command->add_subcommand("list", "List an audit's measures as CSV, the columns of the measures import");
  auto* add = command->add_subcommand("add", "Add a measure to an audit");
  auto* edit = command->add_subcommand("edit", "Change a measure, named by its audit and code");
  auto options = std::make_shared<MeasureOptions>();
  for (auto* sub : {list, add, edit}) {
    sub->add_option("--db", options->db, kDatabaseHelp);
    sub->add_option("--audit", options->audit, "The audit's code")->required();
  }
  add->add_option("--code", options->code, "Code, unique in the audit, e.g. mort30")->required();
  edit->add_option("--code", options->code, "The measure's current code")->required();
  edit->add_option("--new-code", options->new_code, "A new code");
  for (auto* sub : {add, edit}) {
    sub->add_option("--name", options->name, "What it measures");
    sub->add_option("--type", options->type, "proportion, ratio, rate or continuous");
    sub->add_option("--improvement", options->improvement, "Which way is better: increase, decrease or neutral");
    sub->add_option("--target", options->target, "Target on the measure's own scale (empty: none)");
    sub->add_option("--multiplier", options->multiplier, "Display multiplier, e.g. 1000 for per 1,000");
    sub->add_option("--unit", options->unit, "Unit shown after values");
    sub->add_option("--source", options->source,
                    "imported_results, episode_proportion, episode_model_ratio or episode_expected_column");
    sub->add_option("--outcome-column", options->outcome_column, "The dataset's yes/no outcome column");
    sub->add_option("--formula", options->formula, "Case-mix model, e.g. 'died30 ~ age + sex'");
    sub->add_option("--expected-column", options->expected_column, "The dataset's expected-risk column");
  }
  on_run(*list, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto audit, store->audit_by_code(options->audit));
    CLINAUDIT_TRY(auto view, domain::audit_measures(*store, std::nullopt, audit.id));
    std::cout << "audit_code,code,name,type,improvement,target,multiplier,unit,source,outcome_column,formula,"
                 "expected_column\n";
    for (const auto& m : view.measures) {
      std::cout << cell(audit.code) << ',' << cell(m.code) << ',' << cell(m.name) << ',' << domain::to_string(m.type)
                << ',' << domain::to_string(m.improvement) << ',';
      if (m.target) std::cout << *m.target;
      std::cout << ',' << m.rate_multiplier << ',' << cell(m.unit) << ',' << domain::to_string(m.source) << ','
                << cell(m.outcome_column) << ',' << cell(m.formula) << ',' << cell(m.expected_column) << '\n';
    }
    return {};
  });
  on_run(*add, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto audit, store->audit_by_code(options->audit));
    domain::MeasureDraft start;
    start.code = options->code;
    start.source = domain::MeasureSource::imported_results;
    CLINAUDIT_TRY(auto draft, measure_draft(*options, start));
    CLINAUDIT_TRY(auto id, domain::add_measure(*store, std::nullopt, operator_actor("measure add"), audit.id, draft));
    std::cout << "Added measure " << draft.code << " to " << audit.code << ", id " << id.value << '\n';
    return {};
  });
  on_run(*edit, outcome, [options]() -> Result<void> {
    CLINAUDIT_TRY(auto store, open_database(options->db));
    CLINAUDIT_TRY(auto audit, store->audit_by_code(options->audit));
    CLINAUDIT_TRY(auto measures, store->measures_of(audit.id));
    const domain::Measure* found = nullptr;
    for (const auto& m : measures) {
      if (m.code == options->code) found = &m;
    }
    if (found == nullptr) {
      return Error{ErrorCode::not_found, "audit " + audit.code + " has no measure '" + options->code + "'"};
    }
    CLINAUDIT_TRY(auto draft, measure_draft(*options, domain::draft_of(*found)));
    CLINAUDIT_TRY_VOID(domain::edit_measure(*store, std::nullopt, operator_actor("measure edit"), found->id, draft));
    std::cout << "Changed measure " << found->code << " of " << audit.code << ", id " << found->id.value << '\n';
    return {};
  });
}

}  // namespace

void add_setup_commands(CLI::App& app, Outcome& outcome) {
  add_organisation_command(app, outcome);
  add_audit_command(app, outcome);
  add_measure_command(app, outcome);
}

}  // namespace clinaudit::cli
