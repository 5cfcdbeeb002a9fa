"""pip-audit of the pinned deployment dependencies (requirements.lock), for ``make test``.

Exit status 1 only when a known vulnerability is found. When PyPI's advisory service cannot
be reached, or cannot audit the packages (an offline mirror), print a WARNING and exit 0:
an offline build must still test, and the warning says to audit by hand before deploying.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    lock = ROOT / "requirements.lock"
    tool = shutil.which("pip-audit", path=str(Path(sys.executable).parent)) or shutil.which("pip-audit")
    if tool is None:
        print("WARNING: pip-audit is not installed (pip install pip-audit); dependencies NOT audited")
        return 0
    try:
        done = subprocess.run([tool, "--progress-spinner", "off", "-r", str(lock), "--no-deps", "--disable-pip",
                               "--format", "json", "--timeout", "30"], capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        print("WARNING: pip-audit timed out; dependencies NOT audited")
        return 0
    try:
        report = json.loads(done.stdout)
    except ValueError:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"WARNING: pip-audit could not reach PyPI's advisory service ({last}); dependencies NOT audited")
        return 0
    deps = report.get("dependencies", [])
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"VULNERABLE: {dep['name']} {dep.get('version')}: {ids}")
    if skipped:
        print(f"WARNING: {len(skipped)} of {len(deps)} pinned packages could not be audited "
              f"(e.g. {skipped[0]['name']}: {skipped[0]['skip_reason']})")
    print(f"pip-audit: {len(deps) - len(skipped)} packages audited, {len(vulnerable)} with known vulnerabilities")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
