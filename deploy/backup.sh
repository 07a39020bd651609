#!/usr/bin/env bash
# Backs up the RuleOfLawPlan database to a compressed custom-format dump.
#   deploy/backup.sh [OUTPUT_DIR]
# Uses the app's own PostgreSQL (socket next to its data directory) unless PGHOST etc. are set.
# Run as the service user (or root) while the app is running.
set -euo pipefail
out_dir=${1:-/var/backups/ruleoflawplan}
data_dir=${ROLP_DATA_DIR:-/var/lib/ruleoflawplan/postgres}
export PGHOST=${PGHOST:-$data_dir.run}
export PGUSER=${PGUSER:-ruleoflawplan}
export PGDATABASE=${PGDATABASE:-ruleoflawplan}
mkdir -p "$out_dir"
file="$out_dir/ruleoflawplan-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --compress=9 --file="$file"
echo "$file"
# Keep 30 days of backups.
find "$out_dir" -name 'ruleoflawplan-*.dump' -mtime +30 -delete
