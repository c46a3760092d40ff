#!/usr/bin/env python3
"""Times the admin Licenses page (GET /admin/licenses) and the admin dashboard on a running bench site: signs in as the
bench admin, warms every scenario up, then sends N sequential requests per scenario on one
keep-alive connection and prints one line per scenario: "name<TAB>url<TAB>median_ms<TAB>p95_ms<TAB>rows".

usage: admin_pages.py BASE_URL WORKDIR [REQUESTS]"""
import http.client, re, statistics, sys, time, urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
work = sys.argv[2]
requests = int(sys.argv[3]) if len(sys.argv) > 3 else 50
keys = [line.strip() for line in open(f"{work}/known-keys.txt") if line.strip()]
key = keys[len(keys) // 2]
groups = key.split("-")
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
cookies = {}


def send(method, path, body=None):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    return response.status, data.decode("utf-8", "replace")


status, page = send("GET", "/account/login")
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
status, _ = send("POST", "/account/login", urllib.parse.urlencode(
    {"Email": "admin@bench.example", "Password": "Bench-Passw0rd", "__RequestVerificationToken": token}))
assert status == 302, f"sign-in answered {status}"

scenarios = [
    ("first page", "/admin/licenses"),
    ("search by email (10,000 matches)", "/admin/licenses?q=" + urllib.parse.quote("customer3@bench.example")),
    ("search by the start of a key (first two groups)", "/admin/licenses?q=" + "-".join(groups[1:3])),
    ("search by part of a key (its middle group)", "/admin/licenses?q=" + groups[3]),
    ("search by product name (50,000 matches)", "/admin/licenses?q=gallery"),
    ("status filter Active (100,000 matches)", "/admin/licenses?status=active"),
    ("status filter Revoked (no match)", "/admin/licenses?status=revoked"),
    ("sort by expiry, page 100", "/admin/licenses?sort=expiry-asc&page=100"),
    ("admin dashboard (licenses counted by status, orders needing attention)", "/admin"),
]
for _, url in scenarios:
    for _ in range(5):
        status, _ = send("GET", url)
        assert status == 200, f"{url} answered {status}"

for name, url in scenarios:
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        status, page = send("GET", url)
        times.append((time.perf_counter() - started) * 1000)
        assert status == 200, f"{url} answered {status}"
    rows = page.count("<tr data-license-id=")
    total = re.search(r'<span class="muted">([\d,]+) license', page) or re.search(r'>All ([\d,]+) licenses<', page)
    p95 = sorted(times)[max(0, int(round(0.95 * len(times))) - 1)]
    print(f"{name}\t{url}\t{statistics.median(times):.1f}\t{p95:.1f}\t{rows}\t{total.group(1) if total else '?'}")

started = time.perf_counter()
status, csv = send("GET", "/admin/licenses/export")
print(f"export\t/admin/licenses/export\t{(time.perf_counter() - started) * 1000:.0f}\t0\t{csv.count(chr(10)) - 1}\t{len(csv.encode()) // 1024}")
