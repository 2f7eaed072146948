#!/usr/bin/env bash
# Regenerates the corpus of budgets and attendance sheets (budgets/, attendance/, manifest.yaml) as partners' tools
# make them: openpyxl writes each sheet (kept as *.lib.xlsx: formulas without stored results, as spreadsheet
# libraries save them), then LibreOffice, headless, opens it and saves it as .xlsx, .xls, .ods and CSV with stored
# results. The files are committed, so tests and CI need neither tool.
# Needs Debian's python3-openpyxl and libreoffice-calc-nogui (apt-get install -y python3-openpyxl libreoffice-calc-nogui).
# CSV: separator, character set and "as shown" numbers are LibreOffice's filter options; LibreOffice 7.4 writes no
# byte-order mark, so the "UTF-8 with BOM" files get the three bytes Excel's "CSV UTF-8" puts first.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"   # LibreOffice's profile, away from the user's

/usr/bin/python3 make_corpus.py "$work"
rm -rf budgets attendance
mkdir -p budgets attendance

convert() {  # convert FILTER KEY SOURCES...: one LibreOffice run per filter, output in $work/out-KEY
  local filter=$1 key=$2
  shift 2
  mkdir -p "$work/out-$key"
  soffice --headless --norestore --convert-to "$filter" --outdir "$work/out-$key" "$@" >/dev/null 2>&1
}

declare -A sources
while IFS=$'\t' read -r folder source name tool options bom; do
  key="${tool}${options:+-$(printf '%s' "$options" | md5sum | cut -c1-8)}"
  sources[$key]+="$source"$'\n'
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$folder" "$source" "$name" "$tool" "$key" "$bom" >> "$work/plan.txt"
  case "$tool" in
    lib.xlsx) ;;
    lo.xlsx) echo "xlsx:Calc MS Excel 2007 XML" > "$work/filter-$key" ;;
    lo.xls) echo "xls:MS Excel 97" > "$work/filter-$key" ;;
    lo.ods) echo "ods:calc8" > "$work/filter-$key" ;;
    *) echo "csv:Text - txt - csv (StarCalc):$options" > "$work/filter-$key" ;;
  esac
done < "$work/jobs.txt"

for key in "${!sources[@]}"; do
  [ -f "$work/filter-$key" ] || continue
  mapfile -t files < <(printf '%s' "${sources[$key]}" | sort -u)
  convert "$(cat "$work/filter-$key")" "$key" "${files[@]}"
done

while IFS=$'\t' read -r folder source name tool key bom; do
  base=$(basename "$source" .xlsx)
  if [ "$tool" = lib.xlsx ]; then
    cp "$source" "$folder/$name"
    continue
  fi
  made=$(ls "$work/out-$key/$base".* | head -1)
  if [ -n "$bom" ]; then
    { printf '\xef\xbb\xbf'; cat "$made"; } > "$folder/$name"
  else
    cp "$made" "$folder/$name"
  fi
done < "$work/plan.txt"

echo "$(ls budgets | wc -l) budgets, $(ls attendance | wc -l) attendance sheets"
