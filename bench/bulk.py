#!/usr/bin/env python3
"""Times one bulk action over many keys on a running bench site (not run by CI): signs in as the
bench admin, then POSTs /admin/licenses/bulk with "all matching" a filter, once to Suspend every
key the search matches, once to Reinstate them and once to Revoke them, and prints one line per action:
"action<TAB>keys<TAB>seconds<TAB>notice". Seed at least 10,000 keys first (bench/seed.py), on
SQLite or PostgreSQL; each action is one request, one transaction, set-based statements.

usage: bulk.py BASE_URL [SEARCH]   (SEARCH: the list's search, default "" = every key)"""
import http.client, html, re, sys, time, urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
search = sys.argv[2] if len(sys.argv) > 2 else ""
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=600)
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
    return response.status, response.getheader("Location"), data.decode("utf-8", "replace")


def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)


_, _, page = send("GET", "/account/login")
status, _, _ = send("POST", "/account/login", urllib.parse.urlencode(
    {"Email": "admin@bench.example", "Password": "Bench-Passw0rd", "__RequestVerificationToken": token(page)}))
assert status == 302, f"sign-in answered {status}"

for action, status_filter, reason in [("suspend", "active", "bench: bulk suspend"), ("reinstate", "suspended", ""), ("revoke", "", "bench: bulk revoke")]:
    query = urllib.parse.urlencode({"q": search, "status": status_filter})
    _, _, page = send("GET", "/admin/licenses?" + query)
    count = re.search(r"All ([\d,]+) matching this filter", page)
    body = urllib.parse.urlencode({"__RequestVerificationToken": token(page), "all": "true", "q": search,
                                   "status": status_filter, "action": action, "reason": reason})
    started = time.perf_counter()
    status, location, _ = send("POST", "/admin/licenses/bulk", body)
    elapsed = time.perf_counter() - started
    assert status == 302, f"{action} answered {status}"
    _, _, after = send("GET", location)
    notice = re.search(r'class="notice[^"]*"[^>]*>(.*?)</', after, re.S)
    print(f"{action}\t{count.group(1) if count else '?'}\t{elapsed:.2f}\t{html.unescape(notice.group(1).strip()) if notice else ''}")
