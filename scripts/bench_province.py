#!/usr/bin/env python3
"""make bench, second part: provinces of N Heze-like cities, planned as one shard per city.

For each N in BENCH_PROVINCE (default "1,2,8"): `rota generate heze-city --cities N` writes the
province (seeds 1..N), `rota plan PROVINCE` plans every city in turn (each city's plan, rota,
verification, proof and outputs), and `rota audit PROVINCE --plans OUT` re-verifies and rolls
the cities up. Printed: exit codes, wall time and peak memory (wait4 rusage of each process),
seconds per city (the growth of time with size: constant when the work is linear), the largest
annual gap of any city, and the annual solve's share.

Then for each N in BENCH_SCALE (default "2"): `rota generate heze-city --scale N` writes ONE
region N times Heze's size (a single city larger than any real one) and `rota plan` plans it:
exit code, wall time, time per 1× Heze and peak memory.
"""
import csv, os, sys

from bench import ROTA, run_measured   # scripts/bench.py: wall time and peak memory of one process


def generated(n, option, kind):
    """Runs `rota generate heze-city OPTION N` into bench-out/KIND-xN; the folder, or None (printed) when it fails."""
    src = os.path.join("bench-out", f"{kind}-x{n}")
    code, _, _, _ = run_measured([ROTA, "generate", "heze-city", option, str(n), "--out", src])
    if code != 0:
        print(f"{n:>3}  generate exit {code}")
        return None
    return src


def env_sizes(name, default):
    """The sizes an environment variable lists, comma-separated (e.g. BENCH_PROVINCE=1,2,8)."""
    return [int(n) for n in os.environ.get(name, default).split(",") if n.strip()]


def main():
    sizes = env_sizes("BENCH_PROVINCE", "1,2,8")
    print()
    print("provinces of N Heze-like cities (rota generate heze-city --cities N), one shard per city:")
    print(f"{'N':>3}{'plan exit':>10}{'plan s':>9}{'s/city':>8}{'peak MiB':>9}{'annual s':>9}{'max gap %':>10}"
          f"{'people':>8}{'instances':>11}{'audit exit':>11}{'audit s':>8}")
    ok = True
    for n in sizes:
        out = os.path.join("bench-out", f"province-x{n}-plans")
        src = generated(n, "--cities", "province")
        if src is None:
            ok = False
            continue
        province = os.path.join(src, "province.yaml")
        pcode, pwall, pmem, _ = run_measured([ROTA, "plan", province, "--out", out, "--quiet"])
        annual = gap = float("nan")
        people = instances = 0
        rollup = os.path.join(out, "province.csv")
        if os.path.exists(rollup):
            with open(rollup, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            last = rows[-1]
            annual = float(last["annual_s"])
            gap = float(last["gap"]) * 100 if last["gap"] else float("nan")
            people = int(last["people"] or 0)
            instances = int(last["instances"] or 0)
        acode, awall, _, _ = run_measured([ROTA, "audit", province, "--plans", out])
        ok = ok and pcode == 0 and acode == 0
        print(f"{n:>3}{pcode:>10}{pwall:>9.1f}{pwall / n:>8.1f}{pmem:>9.0f}{annual:>9.1f}{gap:>10.2f}"
              f"{people:>8}{instances:>11}{acode:>11}{awall:>8.1f}")
    scales = env_sizes("BENCH_SCALE", "2")
    print()
    print("one region N times Heze (rota generate heze-city --scale N), planned as one city:")
    print(f"{'N':>3}{'plan exit':>10}{'plan s':>9}{'s per 1x':>9}{'peak MiB':>9}")
    for n in scales:
        out = os.path.join("bench-out", f"scaled-x{n}-plan")
        src = generated(n, "--scale", "scaled")
        if src is None:
            ok = False
            continue
        scenario = os.path.join(src, f"heze-city-x{n}-2025.yaml")
        pcode, pwall, pmem, _ = run_measured([ROTA, "plan", scenario, "--out", out, "--quiet"])
        ok = ok and pcode == 0
        print(f"{n:>3}{pcode:>10}{pwall:>9.1f}{pwall / n:>9.1f}{pmem:>9.0f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
