#!/usr/bin/env python3
"""Load check for `isnad serve`.

Starts the server on a free loopback port and sends it 2,000 requests from 32 concurrent
clients (one keep-alive connection each): the development set's articles, read where they lie
(../shared/eval/dev/*.txt beside the repository), in turn to /api/analyze (as text),
/api/lint and /api/report (as JSON naming the article by its path). Every answer must be 200
and byte for byte what the command line prints for the same article; the server's resident
memory (VmRSS) is read after the first hundred requests and after each further hundred, and
must not grow. Prints requests per second and the p50/p99 latency.

    cargo build --release && python3 tests/load.py [--binary target/release/isnad]
"""

import argparse
import glob
import http.client
import json
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cli(binary, args):
    out = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, check=True)
    return out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/isnad"))
    ap.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "eval", "dev"))
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--workers", type=int, default=0, help="--workers for the server (0: its default)")
    ap.add_argument("--growth-kib", type=int, default=4096,
                    help="allowed growth of VmRSS after the first hundred requests")
    a = ap.parse_args()

    paths = sorted(glob.glob(os.path.join(a.dev, "*.txt")))
    if not paths:
        print(f"skipped: no articles under {a.dev}")
        return 0
    if not os.path.exists(a.binary):
        print(f"{a.binary} is missing: cargo build --release", file=sys.stderr)
        return 1
    # Paths as the command line is given them, relative to the repository.
    names = [os.path.relpath(p, ROOT) for p in paths]

    # What the command line prints for each article and endpoint.
    jobs = []
    for name in names:
        with open(os.path.join(ROOT, name), "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        record = json.dumps({"id": name, "text": text}).encode()
        jobs.append(("/api/analyze", "text/plain; charset=utf-8", raw,
                     cli(a.binary, ["analyze", "--format", "json", name])))
        jobs.append(("/api/lint", "application/json", record,
                     cli(a.binary, ["lint", "--format", "json", name])))
        jobs.append(("/api/report", "application/json", record, cli(a.binary, ["report", name])))

    cmd = [a.binary, "serve", "--addr", "127.0.0.1:0"]
    if a.workers:
        cmd += ["--workers", str(a.workers)]
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    first = server.stderr.readline().decode()
    host, port = first.split("http://")[1].split("/")[0].rsplit(":", 1)
    log_lines = [0]

    def drain():
        for _ in server.stderr:
            log_lines[0] += 1

    threading.Thread(target=drain, daemon=True).start()

    lock = threading.Lock()
    next_index = [0]
    latencies = []
    failures = []
    memory = []  # (requests done, VmRSS KiB)

    def take():
        with lock:
            i = next_index[0]
            if i >= a.requests:
                return None
            next_index[0] += 1
            return i

    def done(ms):
        with lock:
            latencies.append(ms)
            n = len(latencies)
            if n % 100 == 0:
                memory.append((n, rss_kib(server.pid)))

    def client():
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        while True:
            i = take()
            if i is None:
                break
            path, ctype, body, want = jobs[i % len(jobs)]
            start = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers={"Content-Type": ctype})
                res = conn.getresponse()
                got = res.read()
                status = res.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=60)
                status, got = f"error {e}", b""
            ms = (time.perf_counter() - start) * 1000
            if status != 200 or got != want:
                with lock:
                    failures.append((i, path, status))
            done(ms)
        conn.close()

    try:
        start = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(a.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        code = server.wait(timeout=30)

    lat = sorted(latencies)
    pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
    base = memory[0][1]
    peak = max(m for _, m in memory[1:]) if len(memory) > 1 else base
    print(f"articles: {len(paths)} ({len(jobs)} distinct requests), requests: {len(lat)}, "
          f"clients: {a.clients}, failures: {len(failures)}")
    print(f"throughput: {len(lat) / wall:.1f} requests/s over {wall:.2f} s")
    print(f"latency: p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {lat[-1]:.1f} ms")
    print("VmRSS (KiB) after each hundred: " + " ".join(str(m) for _, m in memory))
    print(f"VmRSS after the first hundred {base} KiB, highest after {peak} KiB "
          f"(growth {peak - base} KiB, allowed {a.growth_kib})")
    print(f"server exit status {code}, {log_lines[0]} log lines")
    ok = True
    if failures:
        print(f"FAILED: {len(failures)} answers not 200 or not the command line's, e.g. {failures[:5]}")
        ok = False
    if peak - base > a.growth_kib:
        print("FAILED: the server's memory grew")
        ok = False
    if code != 0:
        print("FAILED: the server did not stop cleanly")
        ok = False
    if log_lines[0] < len(lat):
        print("FAILED: fewer log lines than requests")
        ok = False
    print("load check: " + ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
