#!/usr/bin/env bash
# What PostgreSQL's own COPY costs for rows shaped as clinaudit stores episodes, so that the
# import's time can be read against the server's share of it (docs/performance.md, "Import").
# In a throwaway cluster: the CSV is loaded once into a table of text columns (import_bench's
# floor), its rows are written out as the episodes table holds them (audit, import, provider,
# admission day, the values as one JSON list), and those rows are copied with psql's \copy
# into four tables taking turns for ROUNDS rounds, each table new and the cluster checkpointed
# before each copy:
#   text         five text columns, no key
#   typed        the episodes table's types, its id from a sequence, no index
#   primary key  as typed, with the primary key on id
#   as episodes  the primary key and the date index (audit, admission day, id), as episodes
#                were stored before version 30 of the schema
#   blocks       the same episodes a thousand to a row, as episode_blocks holds them since (the
#                primary key, the index on audit and id, the text stored uncompressed;
#                without the two foreign keys, checked once per block)
# Usage: bench/pg_copy_floor.sh FILE.csv [ROUNDS]   (a file of import_bench; 2 rounds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
file=$(realpath "$1")
rounds="${2:-2}"
work=$(mktemp -d)
chmod 755 "$work"
trap 'bash "$root/scripts/pg_cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$(bash "$root/scripts/pg_cluster.sh" start "$work/pg" | tail -1)
sql() { PGOPTIONS="-c client_min_messages=warning" psql -qAt -v ON_ERROR_STOP=1 "$url" "$@"; }

header=$(head -1 "$file")
IFS=, read -r -a names <<<"$header"
columns=""
for name in "${names[@]}"; do columns+="${columns:+, }$name text"; done
values=$(IFS=,; echo "${names[*]:2}")
sql -c "CREATE TABLE csv_rows ($columns)" -c "\\copy csv_rows FROM '$file' CSV HEADER"
sql -c "\\copy (SELECT 1, 1, 100 + right(${names[0]}, 3)::int, ${names[1]}::date - date '1970-01-01', \
'[' || concat_ws(',', ${values//,/, }) || ']' FROM csv_rows) TO '$work/rows.txt'"
sql -c "\\copy (SELECT 1, 1, MIN(d), MAX(d), COUNT(*), string_agg(p || ',' || d || ',' || v, E'\\n' ORDER BY n) \
FROM (SELECT row_number() OVER () - 1 AS n, 100 + right(${names[0]}, 3)::int AS p, \
${names[1]}::date - date '1970-01-01' AS d, '[' || concat_ws(',', ${values//,/, }) || ']' AS v FROM csv_rows) r \
GROUP BY n / 1000 ORDER BY n / 1000) TO '$work/blocks.txt'"
sql -c "DROP TABLE csv_rows"
echo "$(wc -l <"$work/rows.txt") rows as the episodes table holds them, $(du -m "$work/rows.txt" | cut -f1) MiB"

make_table() {
  local typed="audit_id bigint NOT NULL, import_id bigint NOT NULL, provider_id bigint NOT NULL, admission_day integer NOT NULL, data text NOT NULL"
  sql -c "DROP TABLE IF EXISTS floor_rows" >/dev/null
  case "$1" in
    text) sql -c "CREATE TABLE floor_rows (audit_id text, import_id text, provider_id text, admission_day text, data text)" ;;
    typed) sql -c "CREATE TABLE floor_rows (id bigserial, $typed)" ;;
    primary-key) sql -c "CREATE TABLE floor_rows (id bigserial PRIMARY KEY, $typed)" ;;
    as-episodes) sql -c "CREATE TABLE floor_rows (id bigserial PRIMARY KEY, $typed)" \
      -c "CREATE INDEX floor_rows_by_audit_date ON floor_rows (audit_id, admission_day, id)" ;;
    blocks) sql -c "CREATE TABLE floor_rows (id bigserial PRIMARY KEY, audit_id bigint NOT NULL, \
import_id bigint NOT NULL, first_day integer NOT NULL, last_day integer NOT NULL, episodes integer NOT NULL, \
data text NOT NULL)" -c "ALTER TABLE floor_rows ALTER COLUMN data SET STORAGE EXTERNAL" \
      -c "CREATE INDEX floor_rows_by_audit ON floor_rows (audit_id, id)" ;;
  esac
  sql -c CHECKPOINT
}

for round in $(seq "$rounds"); do
  for shape in text typed primary-key as-episodes blocks; do
    make_table "$shape"
    columns="audit_id, import_id, provider_id, admission_day, data"
    rows="$work/rows.txt"
    if [[ $shape == blocks ]]; then
      columns="audit_id, import_id, first_day, last_day, episodes, data"
      rows="$work/blocks.txt"
    fi
    start=$(date +%s.%N)
    sql -c "\\copy floor_rows ($columns) FROM '$rows'"
    printf 'round %s  %-12s %6.2f s\n' "$round" "$shape" "$(echo "$(date +%s.%N) - $start" | bc)"
  done
done
