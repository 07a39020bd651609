#!/usr/bin/env bash
# Restores a dump made by backup.sh into the RuleOfLawPlan database, replacing its contents.
#   deploy/restore.sh FILE.dump
# Stop the users first (maintenance window); the app itself must be running when it runs its own PostgreSQL.
set -euo pipefail
file=${1:?usage: restore.sh FILE.dump}
data_dir=${ROLP_DATA_DIR:-/var/lib/ruleoflawplan/postgres}
export PGHOST=${PGHOST:-$data_dir.run}
export PGUSER=${PGUSER:-ruleoflawplan}
export PGDATABASE=${PGDATABASE:-ruleoflawplan}
pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$PGDATABASE" "$file"
echo "restored $file into $PGDATABASE"
