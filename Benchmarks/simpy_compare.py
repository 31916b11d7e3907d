#!/usr/bin/env python3
"""splitsim against an equivalent SimPy model, both measured in one run (issue 15).

The SimPy model is the headline workload of `splitsim-bench sim`, the row named
`service-split / proxy` (ingress-nginx at 10 %, less its header and cookie rules): Poisson
arrivals at 1,000 requests/s over 100,000 users, each request routed to the candidate with
probability 0.1 and counted per user (exposed users as a set), one simulated hour. Both
figures are simulated requests per wall-clock second on one core.

    python3 Benchmarks/simpy_compare.py [--seconds 600]

Needs SimPy (`pip install simpy`); without it, it says so and exits 2. It builds and runs
`splitsim-bench` with `swift run -c release` unless SPLITSIM_BENCH names a built binary.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

try:
    import simpy
except ImportError:
    print("simpy_compare: SimPy is not installed (pip install simpy); only splitsim can be measured", file=sys.stderr)
    sys.exit(2)

# The row of `splitsim-bench sim` that the SimPy model reproduces.
HEADLINE = "service-split / proxy"


def simpy_requests_per_second(seconds: float, rate: float = 1000.0, users: int = 100_000) -> tuple[float, int]:
    env = simpy.Environment()
    generator = random.Random(1)
    exposed = set()
    counts = {"requests": 0, "candidate": 0}

    def arrivals():
        while True:
            yield env.timeout(generator.expovariate(rate))
            user = generator.randrange(users)
            counts["requests"] += 1
            if generator.random() < 0.1:
                counts["candidate"] += 1
                exposed.add(user)

    env.process(arrivals())
    start = time.perf_counter()
    env.run(until=seconds)
    elapsed = time.perf_counter() - start
    return counts["requests"] / elapsed, counts["requests"]


def splitsim_requests_per_second() -> float:
    binary = os.environ.get("SPLITSIM_BENCH")
    command = [binary] if binary else ["swift", "run", "-c", "release", "splitsim-bench"]
    output = subprocess.run(command + ["sim", "--format", "json", "--repetitions", "5"], check=True,
                            capture_output=True, text=True).stdout
    results = json.loads(output)["results"]
    return next(r for r in results if r["name"] == HEADLINE)["requestsPerSecond"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="simulated seconds for SimPy (default 600)")
    arguments = parser.parse_args()
    splitsim = splitsim_requests_per_second()
    simpy_rate, simulated = simpy_requests_per_second(arguments.seconds)
    print(f"splitsim {HEADLINE}: {splitsim / 1e6:.1f} M simulated requests/s")
    print(f"SimPy equivalent model:         {simpy_rate / 1e6:.2f} M simulated requests/s ({simulated} requests)")
    print(f"ratio: {splitsim / simpy_rate:.0f}x")


if __name__ == "__main__":
    main()
