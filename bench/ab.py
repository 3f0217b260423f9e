#!/usr/bin/env python3
"""Compare whole-process wall times of two or more commands on a noisy machine.

Runs the commands in turn (A, B, C, A, B, C, ...) so that a slow minute hurts them all alike,
and reports each command's median wall time, its quartiles and its ratio to the first command's
median, and the median CPU time (user + system) the command used.

    bench/ab.py [--runs N] [--warmup W] 'command A' 'command B' ...

Commands are split like a shell would split them (no pipes or redirections); their output is
discarded. A command that exits non-zero stops the comparison.
"""
import argparse
import resource
import shlex
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30, help="timed runs of each command (default 30)")
    ap.add_argument("--warmup", type=int, default=3, help="untimed rounds first (default 3)")
    ap.add_argument("commands", nargs="+")
    a = ap.parse_args()
    argvs = [shlex.split(c) for c in a.commands]
    times = [[] for _ in argvs]
    cpus = [[] for _ in argvs]
    for r in range(a.warmup + a.runs):
        for i, argv in enumerate(argvs):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            if p.returncode != 0:
                sys.exit(f"command {i + 1} exited with {p.returncode}: {a.commands[i]}\n"
                         + p.stderr.decode(errors="replace")[-2000:])
            if r >= a.warmup:
                times[i].append(dt * 1000)
                cpus[i].append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
        if r >= a.warmup:
            print(f"\rround {r - a.warmup + 1}/{a.runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    base = statistics.median(times[0])
    for i, ts in enumerate(times):
        q1, med, q3 = statistics.quantiles(ts, n=4)
        cpu = statistics.median(cpus[i])
        print(f"{chr(65 + i)}  median {med:7.1f} ms  IQR {q1:6.1f}-{q3:6.1f}  x{med / base:5.3f}  CPU {cpu:7.1f} ms  {a.commands[i]}")


if __name__ == "__main__":
    main()
