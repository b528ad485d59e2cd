#!/usr/bin/env bash
# Executes every notebook in notebooks/ through Jupyter with the real .NET Interactive kernel, as a researcher's Jupyter
# would, and checks the result: no error output, the library's values shown as text/html, and the headless runner's
# outputs equal to the kernel's (tests/…/Notebooks/JupyterParityTests.cs). Prints each notebook's time in Jupyter.
# CI runs it from .ci/run after the build; locally: bash notebooks/jupyter-check.sh (after notebooks/setup.sh it is quicker).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Debian's packages, for Debian's Python (another python3 may come first on PATH).
if ! command -v jupyter-nbconvert >/dev/null || ! /usr/bin/python3 -c 'import jupyter_client, nbclient' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update && apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client python3-ipykernel
fi
bash notebooks/setup.sh

runs="$root/artifacts/jupyter"
rm -rf "$runs" && mkdir -p "$runs"
for notebook in notebooks/*.ipynb; do
  start=$EPOCHREALTIME
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp \
    --ExecutePreprocessor.timeout=600 --output-dir "$runs" "$notebook"
  awk -v name="$(basename "$notebook")" -v start="$start" -v end="$EPOCHREALTIME" 'BEGIN { printf "Jupyter: %s ran in %.1f s\n", name, end - start }'
done

# Every run: no error output, and every cell whose committed output is the library's HTML shows text/html in Jupyter too.
python3 - "$runs" <<'PY'
import json, pathlib, sys
failed = False
for run in sorted(pathlib.Path(sys.argv[1]).glob("*.ipynb")):
    committed = {c["id"]: c for c in json.loads((pathlib.Path("notebooks") / run.name).read_text())["cells"]}
    for cell in json.loads(run.read_text())["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                failed = True
                print(f"{run.name}, cell {cell['id']}: {output['ename']}: {output['evalue']}", file=sys.stderr)
        library = [o for o in committed[cell["id"]].get("outputs", []) if "ea-display" in "".join(o.get("data", {}).get("text/html", ""))]
        shown = [o for o in cell.get("outputs", []) if "ea-display" in "".join(o.get("data", {}).get("text/html", ""))]
        if len(shown) < len(library):
            failed = True
            print(f"{run.name}, cell {cell['id']}: {len(library)} library outputs as text/html expected, Jupyter shows {len(shown)}", file=sys.stderr)
    print(f"Jupyter: {run.name}: no errors; the library's outputs are text/html")
sys.exit(1 if failed else 0)
PY

EVIDENCE_JUPYTER_RUNS="$runs" dotnet test tests/Evidence.Analytics.Tests -c Release --no-build --filter "FullyQualifiedName~JupyterParityTests"
