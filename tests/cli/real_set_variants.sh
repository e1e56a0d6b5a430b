#!/usr/bin/env bash
# The real set as other copies of the same pages print it (empty lines after every line, CR LF,
# zero-width spaces, full-width punctuation, GB18030, 部门 for 单位 …): the parser reads each alike
# (tests/tools/perturb_real.py, its CHECKED variants).
set -euo pipefail
cli=$1
root=$2
/usr/bin/python3 "$root/tests/tools/perturb_real.py" "$cli" --variants half-width,full-width,empty-lines,crlf,trailing-spaces,zero-width,departments,gb18030 --check
