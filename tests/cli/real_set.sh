#!/usr/bin/env bash
# The real set (tests/data/real: excerpts of published documents, hand-labelled gold) scored
# role-aware against its floors, which only rise (tests/data/real/floors.json).
set -euo pipefail
cli=$1
root=$2
/usr/bin/python3 "$root/tests/tools/score_real.py" "$cli" "$root/tests/data/real" --floors "$root/tests/data/real/floors.json"
# Office files from the wild (tests/data/formats/real), scored the same way.
/usr/bin/python3 "$root/tests/tools/score_real.py" "$cli" "$root/tests/data/formats/real" --floors "$root/tests/data/formats/real/floors.json"
