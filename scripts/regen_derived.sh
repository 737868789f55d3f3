#!/usr/bin/env bash
# Regenerates every file derived from the code: the JSON Schemas, docs/spec.md, the template
# vocabulary in docs/templates.md and the reference DOCX. Tests fail when one drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
"$python" -m generator.spec.schema > schemas/masterplan.schema.json
"$python" -m generator.spec.frameworks > schemas/framework.schema.json
"$python" -m generator.spec.progress_schema > schemas/progress.schema.json
"$python" -m generator.spec.weights > schemas/weights.schema.json
"$python" -m generator.batch.cohort > schemas/cohort.schema.json
"$python" -m generator.spec.reference > docs/spec.md
"$python" scripts/gen_template_docs.py
"$python" scripts/build_reference_docx.py
