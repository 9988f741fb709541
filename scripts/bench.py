#!/usr/bin/env python3
"""make bench: plan every generated scenario in release mode and print the figures.

For each scenario: wall time and peak memory of `rota plan` (from wait4's rusage of that one
process), the model's rows, columns and integer columns, the solve status and gap (from the
plan.json it writes), then the time of `rota verify` on the result.
"""
import json, os, subprocess, sys, time

ROTA = ".build/release/rota"
SCENARIOS = sys.argv[1:] or [
    "Scenarios/heze-city-2025.yaml",
    "Scenarios/heze-mudan-2025.yaml",
    "Scenarios/yanggu-county-2025.yaml",
]


def run(args):
    """Runs a command; returns (exit code, wall seconds, peak RSS MiB, stdout)."""
    start = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0,):
        sys.stderr.write(err.decode("utf-8", "replace"))
    return code, wall, usage.ru_maxrss / 1024.0, out.decode("utf-8", "replace")


def main():
    rows = []
    for scenario in SCENARIOS:
        if not os.path.exists(scenario):
            print(f"skip {scenario}: not found")
            continue
        name = os.path.splitext(os.path.basename(scenario))[0]
        out = os.path.join("bench-out", name)
        code, wall, mem, _ = run([ROTA, "plan", scenario, "--out", out, "--quiet"])
        solver = {}
        if code == 0:
            with open(os.path.join(out, "plan.json"), encoding="utf-8") as f:
                solver = json.load(f).get("solver") or {}
        vcode, vwall, vmem, _ = run([ROTA, "verify", scenario, os.path.join(out, "plan.json")]) if code == 0 else (None, 0, 0, "")
        rows.append((name, code, wall, mem, solver, vcode, vwall))
    print()
    print(f"{'scenario':<24}{'exit':>5}{'wall s':>9}{'peak MiB':>10}{'rows':>8}{'cols':>8}{'int':>8}  {'status':<10}{'gap %':>7}{'verify':>8}{'ver. s':>8}")
    for name, code, wall, mem, s, vcode, vwall in rows:
        gap = s.get("gap")
        print(f"{name:<24}{code:>5}{wall:>9.1f}{mem:>10.0f}{s.get('rows', 0):>8}{s.get('columns', 0):>8}{s.get('integerColumns', 0):>8}  "
              f"{s.get('status', '-'):<10}{(gap * 100 if gap is not None else float('nan')):>7.2f}{str(vcode):>8}{vwall:>8.2f}")
    return 0 if all(r[1] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
