#!/usr/bin/env python3
"""Every article of a real archive through `analyze`, `lint` and `report`, end to end.

    cargo build --release && python3 tests/archive.py [ARCHIVE.jsonl.gz] [--jobs N]

The archive defaults to ../shared/corpus/saudinewsnet-2015.jsonl.gz (30,101 articles); when
it is absent the script says so and exits 0. It checks that every run exits 0, that every
input line gives one output line with the same id, in order, and that every span of every
analysis and every diagnostic is the article's bytes at its offsets. It also writes one report
page per article and the archive report, and checks each page is well formed. It prints the
time, bytes per second and peak memory of each step.
"""

import argparse
import gzip
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "corpus", "saudinewsnet-2015.jsonl.gz")
BINARY = os.path.join(ROOT, "target", "release", "isnad")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Balance(html.parser.HTMLParser):
    """Element nesting of a page: every element closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.error = None

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f"</{tag}> closes {self.stack[-1:] or 'nothing'}"
        else:
            self.stack.pop()


def well_formed(page):
    b = Balance()
    b.feed(page)
    b.close()
    if b.error:
        return b.error
    if b.stack:
        return f"<{b.stack[-1]}> never closed"
    if page.count("<script") != 1:
        return "a script besides the page's own"
    return None


def spans(value):
    """Every {start, end, text} object in a JSON value."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
            yield value
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from spans(v)


def peak_rss(pid, stop, out):
    """The process's peak resident memory after exec (VmHWM), read until it exits: the
    rusage figure would include the pages this large Python process shared with it at fork."""
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        out[0] = max(out[0], int(line.split()[1]))
        except OSError:
            return
        stop.wait(0.05)


def run(step, args, stdout, nbytes):
    """Runs the binary, timing it and reading its peak memory."""
    t = time.monotonic()
    p = subprocess.Popen([BINARY] + args, stdout=stdout, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), [0]
    watcher = threading.Thread(target=peak_rss, args=(p.pid, stop, peak))
    watcher.start()
    err = p.stderr.read()
    code = p.wait()
    stop.set()
    watcher.join()
    took = time.monotonic() - t
    print(f"{step}: exit {code}, {took:.1f} s, {nbytes / took / 1e6:.1f} MB/s, "
          f"peak RSS {peak[0] / 1024:.0f} MB")
    if code != 0:
        sys.exit(f"{step} failed: {err.decode(errors='replace')[-2000:]}")
    return took


def check_lines(step, path, docs, field, check):
    n = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            if n > len(docs):
                sys.exit(f"{step}: more output lines than articles")
            want_id, text = docs[n - 1]
            if rec.get(field) != want_id:
                sys.exit(f"{step}: line {n} is {rec.get(field)!r}, want {want_id!r}")
            if "error" in rec:
                sys.exit(f"{step}: {want_id} failed: {rec['error']}")
            check(rec, text)
    if n != len(docs):
        sys.exit(f"{step}: {n} output lines for {len(docs)} articles")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive", nargs="?", default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--pages-checked-every", type=int, default=1,
                    help="check every n-th report page (all by default)")
    opts = ap.parse_args()
    if not os.path.exists(opts.archive):
        print(f"archive {opts.archive} not found: skipped")
        return
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} not found: run cargo build --release first")
    work = tempfile.mkdtemp(prefix="isnad-archive-")
    try:
        source = os.path.join(work, "archive.jsonl")
        docs = []
        with gzip.open(opts.archive, "rb") as f, open(source, "wb") as out:
            for raw in f:
                out.write(raw)
                rec = json.loads(raw)
                docs.append((str(rec["id"]), rec["text"].encode("utf-8")))
        size = os.path.getsize(source)
        total = sum(len(t) for _, t in docs)
        print(f"{len(docs)} articles, {size / 1e6:.1f} MB of JSON Lines, {total / 1e6:.1f} MB of text")
        jobs = ["-j", str(opts.jobs), "-q"]
        checked = [0]

        def span_check(rec, text):
            for s in spans(rec):
                got = text[s["start"]:s["end"]].decode("utf-8", errors="strict")
                if got != s["text"]:
                    sys.exit(f"{rec.get('id') or rec.get('file')}: span {s['start']}..{s['end']} "
                             f"is {got!r}, output says {s['text']!r}")
                checked[0] += 1

        analyzed = os.path.join(work, "analyzed.jsonl")
        with open(analyzed, "wb") as out:
            run("analyze", ["analyze", "--format", "json", source] + jobs, out, total)

        def analysis_check(rec, text):
            if rec["bytes"] != len(text):
                sys.exit(f"{rec['id']}: bytes {rec['bytes']} for {len(text)}")
            ids = [a["id"] for a in rec["attributions"]]
            if ids != [f"a{i}" for i in range(1, len(ids) + 1)]:
                sys.exit(f"{rec['id']}: attribution ids out of order")
            span_check(rec, text)

        check_lines("analyze", analyzed, docs, "id", analysis_check)
        print(f"analyze: {len(docs)} lines in order, {checked[0]} spans checked")

        checked[0] = 0
        linted = os.path.join(work, "lint.jsonl")
        with open(linted, "wb") as out:
            run("lint", ["lint", "--format", "json", source] + jobs, out, total)
        check_lines("lint", linted, docs, "file", span_check)
        print(f"lint: {len(docs)} lines in order, {checked[0]} spans checked")

        pages = os.path.join(work, "pages")
        run("report", ["report", source, "-o", pages] + jobs, subprocess.DEVNULL, total)
        names = sorted(n for n in os.listdir(pages) if n != "index.html")
        if len(names) != len(docs):
            sys.exit(f"report: {len(names)} pages for {len(docs)} articles")
        with open(os.path.join(pages, "index.html"), encoding="utf-8") as f:
            index = f.read()
        # The index has no script of its own; apart from that it is checked like a page.
        problem = well_formed(index.replace("</head>", "<script></script></head>", 1))
        if not problem and index.count("<a href=") < len(docs):
            problem = "not every page is linked"
        if "<script" in index:
            problem = "a script in the index"
        if problem:
            sys.exit(f"report: index.html: {problem}")
        for name in names[::opts.pages_checked_every]:
            with open(os.path.join(pages, name), encoding="utf-8") as f:
                problem = well_formed(f.read())
            if problem:
                sys.exit(f"report: {name}: {problem}")
        print(f"report: {len(names)} pages, {len(names[::opts.pages_checked_every])} checked well formed")
        shutil.rmtree(pages)

        corpus = os.path.join(work, "corpus.html")
        run("report --corpus", ["report", "--corpus", source, "-o", corpus] + jobs,
            subprocess.DEVNULL, total)
        with open(corpus, encoding="utf-8") as f:
            page = f.read()
        b = Balance()
        b.feed(page)
        b.close()
        if b.error or b.stack:
            sys.exit(f"report --corpus: {b.error or b.stack}")
        print(f"report --corpus: {len(page) / 1e3:.0f} kB, well formed")
        print("ok")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
