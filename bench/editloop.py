#!/usr/bin/env python3
"""Edit loop benchmark: save -> the served page shows the edit, `bitext serve` beside `hugo server`.

Both servers run at once on copies of the same edition (ours: content/ and templates/; Hugo: the twin
that org.bitext.bench.HugoSite writes). Each round saves one file in place with a fresh token and polls
the page that shows it every 2 ms until the token is there; rounds alternate between the two servers.
Three edits: a note's text, a turn's English gloss, the page template.

    bench/editloop.py [--jar JAR [--java-opts OPTS]] [--bench-cp CP] [--rounds 20] [--warmup 10] [--pause S]
                      [--work DIR] [--nice N] [--edits note,gloss,template]

Ours runs as the README says, `./bitext serve` (the launcher beside this folder, with the JVM settings it
ships); with --jar, as `java OPTS -jar JAR serve` instead (to compare builds). Each edit is saved
--warmup times before its timed rounds: the table shows an editor's saves once the JIT has compiled the
rebuild, and the first saves after start (the first edit's warm-up rounds) are reported on a line of
their own. --pause waits that long after both servers are up before the first save. On a machine busy
with other work, --nice -10 (root only) runs both servers and the poller ahead of it, to come closer to
a quiet machine; the table says so when it was used.

Prints a Markdown table (p50, p95, min, max in ms; ours / Hugo at p50) and the machine's load.
"""
import argparse
import http.client
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

POLL_S = 0.002


def log(msg):
    print(f"[editloop {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def save_in_place(path, text):
    # truncate and write, keeping the file: what most editors do on save
    with open(path, "r+", encoding="utf-8") as f:
        f.truncate(0)
        f.write(text)


class Page:
    """One page polled over a kept-alive connection."""

    def __init__(self, base, path):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.path = urllib.parse.urljoin(u.path, path)
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)

    def get(self):
        for _ in range(2):
            try:
                self.conn.request("GET", self.path, headers={"Host": f"127.0.0.1:{self.port}"})
                r = self.conn.getresponse()
                body = r.read().decode("utf-8", "replace")
                return r.status, body
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        return 0, ""

    def wait_for(self, token, t0, limit_s=20.0):
        while True:
            status, body = self.get()
            now = time.perf_counter()
            if status == 200 and token in body:
                return (now - t0) * 1000.0
            if now - t0 > limit_s:
                raise SystemExit(f"editloop: {token} never appeared at {self.path} (status {status})")
            time.sleep(POLL_S)


def start(cmd, ready, log_path, env=None):
    """Starts a server and waits for the line matching `ready` in its output; returns (process, match)."""
    out = open(log_path, "w")
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        out.write(line)
        m = re.search(ready, line)
        if m:
            # keep draining its output in the background so that it never blocks on a full pipe
            def drain():
                for rest in p.stdout:
                    out.write(rest)
                out.close()
            drainer = threading.Thread(target=drain, daemon=True)
            drainer.start()
            p.drainer = drainer
            return p, m
    p.kill()
    raise SystemExit(f"editloop: {cmd[0]} did not start; see {log_path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", help="run this jar with --java-opts instead of the launcher")
    ap.add_argument("--bench-cp", help="class path holding org.bitext.bench.HugoSite "
                    "(default: the jar and the test-classes folder beside it, where Maven compiles src/bench/java)")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--work", default="/tmp/bitext-editloop")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=10, help="saves of each edit before the timed rounds (reported apart)")
    ap.add_argument("--java", default="java")
    ap.add_argument("--java-opts", default="", help="JVM flags for --jar")
    ap.add_argument("--nice", type=int, default=None, help="niceness of both servers and of the poller")
    ap.add_argument("--edits", default="note,gloss,template", help="which edits to time, comma-separated")
    ap.add_argument("--pause", type=float, default=0.0, help="seconds between the servers being up and the first save")
    a = ap.parse_args()
    launcher = os.path.join(os.path.abspath(a.root), "bitext")
    jar = a.jar or os.path.join(os.path.abspath(a.root), "target", "bitext.jar")

    work = os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    ours = os.path.join(work, "ours")
    shutil.copytree(os.path.join(a.root, "content"), os.path.join(ours, "content"))
    shutil.copytree(os.path.join(a.root, "templates"), os.path.join(ours, "templates"))
    hugo = os.path.join(work, "hugo")
    bench_cp = a.bench_cp or jar + os.pathsep + os.path.join(os.path.dirname(os.path.abspath(jar)), "test-classes")
    subprocess.run([a.java, "-cp", bench_cp, "org.bitext.bench.HugoSite", os.path.join(ours, "content"), hugo],
                   check=True, stdout=subprocess.DEVNULL)

    yaml_path = os.path.join(ours, "content", "edition.yaml")
    layout_path = os.path.join(ours, "templates", "layout.ftlh")
    baseof_path = os.path.join(hugo, "layouts", "_default", "baseof.html")
    yaml = read(yaml_path)
    sections = os.path.join(hugo, "content", "sections")

    # the first note of the edition, and the first turn gloss: where each starts in our YAML and in Hugo's page
    notes_at = yaml.index("\nnotes:")
    nm = re.search(r"\n  - id: ([\w-]+)\n(?:    (?!text:).*\n)*?    text: (?:>-?\n\s+|\"?)", yaml[notes_at:])
    note_id, note_at = nm.group(1), notes_at + nm.end()
    turns_at = yaml.index("\nturns:")
    gm = re.search(r"\n    en: (?:>-?\n\s+|\"?)", yaml[turns_at:])
    gloss_at = turns_at + gm.end()
    gloss_start = re.sub(r"\s+", " ", yaml[gloss_at:gloss_at + 200])[:30]

    def hugo_file(pattern):
        for name in sorted(os.listdir(sections)):
            p = os.path.join(sections, name)
            m = re.search(pattern, read(p))
            if m and name != "_index.md":
                return p, m.end()
        raise SystemExit(f"editloop: nothing matches {pattern} in the Hugo twin")

    note_md, note_md_at = hugo_file(r"\[\^" + re.escape(note_id) + r"\]: \*[^*\n]+\.\* ")
    gloss_md, gloss_md_at = hugo_file(r"(?m)^(?=" + re.escape(gloss_start) + ")")
    note_page = os.path.basename(note_md)[:-3]
    gloss_page = os.path.basename(gloss_md)[:-3]

    def insert(text, at, token):
        return text[:at] + token + " " + text[at:]

    layout, baseof = read(layout_path), read(baseof_path)
    note_md_text, gloss_md_text = read(note_md), read(gloss_md)
    edits = {
        # kind: (our file, our text with token, our page, Hugo's file, Hugo's text with token, Hugo's page)
        "note": (yaml_path, lambda t: insert(yaml, note_at, t), f"sections/{note_page}.html",
                 note_md, lambda t: insert(note_md_text, note_md_at, t), f"sections/{note_page}/"),
        "gloss": (yaml_path, lambda t: insert(yaml, gloss_at, t), f"sections/{gloss_page}.html",
                  gloss_md, lambda t: insert(gloss_md_text, gloss_md_at, t), f"sections/{gloss_page}/"),
        "template": (layout_path, lambda t: layout.replace("</body>", f"<span hidden>{t}</span></body>"), f"sections/{note_page}.html",
                     baseof_path, lambda t: baseof.replace("</body>", f"<span hidden>{t}</span></body>"), f"sections/{note_page}/"),
    }
    edits = {kind: edits[kind] for kind in a.edits.split(",")}
    originals = {yaml_path: yaml, layout_path: layout, baseof_path: baseof, note_md: note_md_text, gloss_md: gloss_md_text}

    our_port, hugo_port = free_port(), free_port()
    prefix = []
    if a.nice is not None:
        prefix = ["nice", "-n", str(a.nice)]
    command = [a.java] + a.java_opts.split() + ["-jar", jar] if a.jar else [launcher]
    serve, m = start(prefix + command + ["serve", "--content", os.path.join(ours, "content"), "--templates",
                      os.path.join(ours, "templates"), "--out", os.path.join(ours, "site"), "--port", str(our_port)],
                     r"Serving .* at (http://\S+)", os.path.join(work, "serve.log"))
    our_base = m.group(1)
    hserve, hm = start(prefix + ["hugo", "server", "-s", hugo, "--bind", "127.0.0.1", "-p", str(hugo_port), "--disableLiveReload",
                        "--appendPort=true"], r"Web Server is available at (http://\S+)", os.path.join(work, "hugo.log"))
    hugo_base = hm.group(1).replace("localhost", "127.0.0.1")
    if a.nice is not None:
        os.nice(a.nice)  # the poller too, now that the servers have been started with it
    log(f"ours at {our_base}, Hugo at {hugo_base}; note {note_id} on {note_page}, gloss on {gloss_page}")
    time.sleep(a.pause)
    load_before = os.getloadavg()
    results = {}
    try:
        for kind, (ofile, otext, opage, hfile, htext, hpage) in edits.items():
            pages = {"ours": (Page(our_base, opage), ofile, otext), "hugo": (Page(hugo_base, hpage), hfile, htext)}
            for who in pages:
                results[(kind, who)] = []
                results[(kind, who, "warm-up")] = []
            for r in range(a.warmup + a.rounds):
                for who, (page, path, text) in pages.items():
                    token = "zq" + secrets.token_hex(5)
                    body = text(token)
                    t0 = time.perf_counter()
                    save_in_place(path, body)
                    ms = page.wait_for(token, t0)
                    results[(kind, who) if r >= a.warmup else (kind, who, "warm-up")].append(ms)
                    time.sleep(0.3)
            for path, text in originals.items():
                save_in_place(path, text)
            time.sleep(1.0)
            log(f"{kind}: ours p50 {statistics.median(results[(kind, 'ours')]):.1f} ms, "
                f"Hugo p50 {statistics.median(results[(kind, 'hugo')]):.1f} ms")
    finally:
        serve.terminate()
        hserve.terminate()
        serve.wait(10)
        hserve.wait(10)
        serve.drainer.join(10)
    load_after = os.getloadavg()
    # what the rebuilds themselves took, from the server's own lines (warm-up rounds and restores included)
    rebuilt = {}
    for line in read(os.path.join(work, "serve.log")).splitlines():
        m = re.match(r"Rebuilt \((\S+?)(?: and \d+ more)?\): .* in (\d+) ms", line)
        if m:
            rebuilt.setdefault(m.group(1), []).append(int(m.group(2)))

    def p95(xs):
        s = sorted(xs)
        return s[max(0, -(-95 * len(s) // 100) - 1)]

    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"Edit loop, {a.rounds} rounds per edit after {a.warmup} warm-up rounds, polled every 2 ms; "
          f"Hugo {hugo_version}; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after, "
          f"{os.cpu_count()} cores" + ("" if a.nice is None else f"; both servers and the poller at nice {a.nice}")
          + (f"; ours: java {a.java_opts} -jar {a.jar}" if a.jar else "; ours: ./bitext serve")
          + (f"; first save {a.pause:g} s after start" if a.pause else "") + "\n")
    print("| edit | ours p50 | ours p95 | ours min–max | Hugo p50 | Hugo p95 | Hugo min–max | ours / Hugo (p50) |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in edits:
        o, h = results[(kind, "ours")], results[(kind, "hugo")]
        print(f"| {kind} | {statistics.median(o):.0f} ms | {p95(o):.0f} ms | {min(o):.0f}–{max(o):.0f} ms | "
              f"{statistics.median(h):.0f} ms | {p95(h):.0f} ms | {min(h):.0f}–{max(h):.0f} ms | "
              f"{statistics.median(o) / statistics.median(h):.2f} |")
    first = next(iter(edits))
    if a.warmup:
        o, h = results[(first, "ours", "warm-up")], results[(first, "hugo", "warm-up")]
        print(f"\nThe first {a.warmup} saves after start ({first}, not in the table): ours p50 {statistics.median(o):.0f} ms, "
              f"max {max(o):.0f} ms (the JIT still compiling); Hugo p50 {statistics.median(h):.0f} ms, max {max(h):.0f} ms.")
    print("\nOur rebuilds alone (the server's own timing, median of all): "
          + ", ".join(f"{name} {statistics.median(ms):.0f} ms ({len(ms)})" for name, ms in sorted(rebuilt.items())))


if __name__ == "__main__":
    main()
