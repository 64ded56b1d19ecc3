#!/usr/bin/env python3
"""Two `clinaudit serve` processes on one PostgreSQL database, spoken to over loopback HTTP as
a load balancer without sticky sessions would: a file checked on the import page of one server
is confirmed through the other, what the import wrote is served by the first, and wrong
passwords spread over both servers meet one limit.

    two_servers_test.py CLINAUDIT_BINARY WORK_DIR

The cluster is CLINAUDIT_TEST_PG_URL's (scripts/test.sh starts one); the test makes a database
of its own there and drops it at the end. Without the variable it is skipped (exit 77), unless
CLINAUDIT_REQUIRE_PG=1.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

PASSWORD = "a-long-enough-password"
MANAGER = "manager@alpha.example"
CSV = "organisation_code,audit_code,year,eligible,participating,cases_submitted,cases_required\n" \
      "RXA,NELA,2025/26,yes,yes,412,450\n"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One user's cookies, sent to whichever server a request goes to (the cookie is the
    deployment's, not a server's)."""

    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = ""

    def request(self, port, method, path, body=None, headers=None):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method,
                                         headers=headers or {})
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def sign_in(self, port, email, password):
        body = urllib.parse.urlencode({"email": email, "password": password}).encode()
        status, text = self.request(port, "POST", "/api/session", body,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        if status == 200:
            self.csrf = json.loads(text)["csrf_token"]
        return status

    def upload(self, port, kind, filename, content):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in (("csrf", self.csrf), ("kind", kind)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n')
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     f"Content-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n")
        return self.request(port, "POST", "/import", "".join(parts).encode(),
                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def form(self, port, path, fields):
        body = urllib.parse.urlencode(dict(fields, csrf=self.csrf)).encode()
        return self.request(port, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})


def main():
    binary, work = sys.argv[1], Path(sys.argv[2])
    cluster = os.environ.get("CLINAUDIT_TEST_PG_URL", "")
    if not cluster:
        if os.environ.get("CLINAUDIT_REQUIRE_PG") == "1":
            fail("CLINAUDIT_REQUIRE_PG=1 but CLINAUDIT_TEST_PG_URL is not set")
        print("skipped: CLINAUDIT_TEST_PG_URL is not set")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    database = f"two_servers_{os.getpid()}"
    url = cluster.rsplit("/", 1)[0] + "/" + database
    subprocess.run(["psql", "-q", cluster, "-c", f"CREATE DATABASE {database}"], check=True)
    servers = []
    try:
        env = dict(os.environ, CLINAUDIT_DB=url)

        def cli(*args, stdin=None):
            run = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, env=env)
            if run.returncode != 0:
                fail(f"clinaudit {' '.join(args)}: {run.stdout}{run.stderr}")

        cli("user", "add", "--password-stdin", "--email", MANAGER, "--name", "Mo Manager", "--role", "audit_manager",
            "--org", "RXA", "--org-name", "Alpha Hospitals NHS Trust", "--org-type", "acute", stdin=PASSWORD + "\n")
        cli("audit", "add", "--code", "NELA", "--kind", "nca", "--title", "National Emergency Laparotomy Audit",
            "--provider", "Royal College of Anaesthetists", "--status", "in_progress")
        cli("audit", "qa-list", "--code", "NELA", "--year", "2025/26", "--eligible", "acute")

        ports = []
        for name in ("first", "second"):
            port = free_port()
            log = open(work / f"{name}.log", "w")
            servers.append(subprocess.Popen([binary, "serve", "--db", url, "--port", str(port), "--quiet"],
                                            stdout=log, stderr=subprocess.STDOUT, env=env))
            ports.append(port)
        for port in ports:
            for _ in range(600):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                fail(f"no server on port {port}: " + "".join(p.read_text() for p in work.glob("*.log")))
        first, second = ports

        manager = Browser()
        if manager.sign_in(first, MANAGER, PASSWORD) != 200:
            fail("the manager cannot sign in")
        status, page = manager.upload(first, "participation", "participation.csv", CSV)
        marker = 'name="token" value="'
        if status != 200 or marker not in page:
            fail(f"the check on the first server held no file ({status}): {page[:2000]}")
        token = page.split(marker, 1)[1][:32]
        status, page = manager.form(second, "/import/confirm", {"token": token})
        if status != 200 or "Imported 1 rows." not in page:
            fail(f"the confirmation through the second server ({status}): {page[:2000]}")
        status, _ = manager.form(first, "/import/confirm", {"token": token})
        if status != 404:
            fail(f"the file was confirmed a second time, on the first server ({status})")
        status, text = manager.request(first, "GET", "/api/participation?year=2025/26")
        if status != 200:
            fail(f"participation from the first server ({status}): {text[:500]}")
        rows = [a["participation"] for a in json.loads(text)["audits"] if a["audit"]["code"] == "NELA"]
        if not rows or rows[0].get("cases_submitted") != 412:
            fail(f"the first server does not serve what the import through the second wrote: {text[:1000]}")
        print("a file checked through the first server was confirmed through the second")

        # Five wrong passwords, alternating between the servers (one address: loopback).
        guesser = Browser()
        for i in range(5):
            status = guesser.sign_in(ports[i % 2], MANAGER, "wrong guess")
            if status != 401:
                fail(f"wrong password {i + 1} gave {status}")
        for port in ports:
            status = guesser.sign_in(port, MANAGER, PASSWORD)
            if status != 429:
                fail(f"after five failures over two servers, the right password on port {port} gave {status}")
        print("five wrong passwords over two servers locked the account on both")
        return 0
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        subprocess.run(["psql", "-q", cluster, "-c", f"DROP DATABASE IF EXISTS {database}"], check=False)


if __name__ == "__main__":
    sys.exit(main())
