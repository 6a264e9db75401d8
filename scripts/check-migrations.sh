#!/usr/bin/env bash
# Fails when a migration that has landed changes. A database that has run a migration never
# runs it again, so an edited migration leaves deployed databases and fresh ones with
# different schemas: change the schema with a new numbered pair instead.
#
# Two checks:
#  1. Every migrations/*.sql matches its line in migrations/SHA256SUMS (sha256sum format,
#     names relative to migrations/). A file missing from the manifest is allowed only when
#     its number is above every number in the manifest (a new migration not yet recorded);
#     `--update` appends such files to the manifest, and never rewrites an existing line.
#  2. With the full git history (not a shallow clone), no commit modified or deleted a
#     migration file, except the historical edits listed in ALLOWED below.
#
# Usage: scripts/check-migrations.sh [--update]   (from anywhere)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Edits made before this check existed, as "commit path" (issue 10: leave them, add the
# check). Each is safe to allow only because it is already in every database's history.
ALLOWED=(
  # 000002 was reshaped while the foundation was being laid, in the commit that added
  # 000003 and 000004 (the staff reference triggers moved into it).
  "164d8a35767baba0c1487a06e20486b759fad6f0 migrations/000002_workforce.down.sql"
  "164d8a35767baba0c1487a06e20486b759fad6f0 migrations/000002_workforce.up.sql"
  # 000002's staff integrity trigger rewritten to check each distinct value once (import
  # 840 → 580 ms) after 000003–000005 had landed: the known edit issue 10 names.
  "6532b4043c4f2fccb3597090225e1cb3d7af153b migrations/000002_workforce.up.sql"
  # 000011 and 000012 came in issue 9's work-in-progress commit (6ff4832) and were amended
  # by later commits of the same issue, before it closed.
  "2fca5b93091445e64dba3c39941f1717ab43db8d migrations/000011_app_role.up.sql"
  "2c134015dd491471577eaede469bb0696cdab3fb migrations/000012_import_scope.up.sql"
)

MANIFEST=migrations/SHA256SUMS
update=false
case "${1:-}" in
  "") ;;
  --update) update=true ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

failed=false
fail() { echo "check-migrations: $*" >&2; failed=true; }

# number_of prints the leading number of a migration file name (000012_x.up.sql → 12).
number_of() {
  [[ $1 =~ ^([0-9]+)_[a-z0-9_]+\.(up|down)\.sql$ ]] || return 1
  echo $((10#${BASH_REMATCH[1]}))
}

# --- 1. the files against the manifest ---------------------------------------------------

declare -A want=()
max=0
if [[ -f $MANIFEST ]]; then
  while read -r sum name; do
    want[$name]=$sum
    n=$(number_of "$name") || { fail "$MANIFEST: not a migration name: $name"; continue; }
    if ((n > max)); then max=$n; fi
  done <"$MANIFEST"
fi

new=()
for path in migrations/*.sql; do
  name=${path#migrations/}
  n=$(number_of "$name") || { fail "$path: not named NNNNNN_name.up.sql or .down.sql"; continue; }
  sum=$(sha256sum "$path" | cut -d' ' -f1)
  if [[ -n ${want[$name]:-} ]]; then
    [[ ${want[$name]} == "$sum" ]] || fail "$path changed after it landed: add a new migration instead"
  elif ((n > max)); then
    new+=("$name")
  else
    fail "$path is new but numbered $n, not above the last recorded migration ($max)"
  fi
done
for name in "${!want[@]}"; do
  [[ -f migrations/$name ]] || fail "migrations/$name is in $MANIFEST but missing"
done

if ((${#new[@]} > 0)); then
  if $update && ! $failed; then
    (cd migrations && sha256sum -- "${new[@]}") >>"$MANIFEST"
    printf 'check-migrations: recorded in %s: %s\n' "$MANIFEST" "${new[*]}"
  else
    printf 'check-migrations: not yet in %s (scripts/check-migrations.sh --update records them): %s\n' \
      "$MANIFEST" "${new[*]}"
  fi
fi

# --- 2. the history ----------------------------------------------------------------------

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "check-migrations: no git repository; history not checked"
elif [[ $(git rev-parse --is-shallow-repository) == true ]]; then
  echo "check-migrations: shallow clone; history not checked"
else
  declare -A allowed=()
  for entry in "${ALLOWED[@]}"; do allowed[$entry]=1; done
  # --no-renames: a renamed migration shows as deleted (D) plus added, so it is caught too.
  while read -r commit; do
    while read -r path; do
      [[ -n $path ]] || continue
      [[ -n ${allowed["$commit $path"]:-} ]] ||
        fail "commit ${commit:0:12} changed landed migration $path ($(git log -1 --format=%s "$commit"))"
    done < <(git diff-tree --no-commit-id --no-renames --diff-filter=MD --name-only -r "$commit" -- 'migrations/*.sql')
  done < <(git log --no-renames --diff-filter=MD --format=%H -- 'migrations/*.sql')
fi

if $failed; then exit 1; fi
echo "check-migrations: ok"
