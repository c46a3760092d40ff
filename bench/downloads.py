#!/usr/bin/env python3
"""The two halves of bench/downloads.

seed WORKDIR SIZE_MB: writes WORKDIR/bench.recipe.json (commerce, licensing and downloads, a
customer, a product with one published release whose file is WORKDIR/files/release.bin of SIZE_MB
random bytes, and the customer's key for it).

measure WORKDIR --site URL --site-pid PID --bare URL --bare-pid PID ...: signs the customer in,
takes the release's download link from Account -> Downloads, then times curl downloads of the link
and of the bare endpoint's copy, alternating, and samples both servers' resident memory while
--parallel downloads run at once. Prints the table and writes --results."""
import argparse, concurrent.futures, http.cookiejar, os, re, statistics, subprocess, sys, threading, time
import urllib.parse, urllib.request
import json

CUSTOMER = "customer@bench.example"
PASSWORD = "Bench-Passw0rd"


def seed(work, size_mb):
    files = os.path.join(work, "files")
    os.makedirs(files, exist_ok=True)
    chunk = os.urandom(1 << 20)
    with open(os.path.join(files, "release.bin"), "wb") as f:
        for i in range(size_mb):
            f.write(chunk[i:] + chunk[:i])  # every megabyte different, without 100 MB of urandom
    recipe = {
        "name": "bench-downloads",
        "displayName": "Download benchmark",
        "description": f"One release of {size_mb} MB for bench/downloads.",
        "issetuprecipe": True,
        "steps": [
            {"name": "feature", "enable": ["CP.Commerce", "CP.Licensing", "CP.Downloads"]},
            {"name": "Users", "Users": [{"email": CUSTOMER, "password": PASSWORD, "roles": ["Customer"]}]},
            {"name": "Products", "products": [{
                "name": "Gallery Pro", "slug": "gallery-pro", "description": "Photo galleries.", "active": True,
                "plans": [{"name": "Single site", "price": 29.0, "active": True,
                           "licensing": {"issueLicense": True, "validity": {"unit": "years", "value": 1}, "maxActivations": 1}}],
            }]},
            {"name": "Releases", "releases": [{"product": "gallery-pro", "version": "1.0.0", "notes": "Bench.", "file": "files/release.bin", "published": True}]},
            {"name": "Licenses", "licenses": [{"customerEmail": CUSTOMER, "product": "Gallery Pro", "productSlug": "gallery-pro", "expiry": "2099-12-31", "maxActivations": 1}]},
        ],
    }
    with open(os.path.join(work, "bench.recipe.json"), "w") as f:
        json.dump(recipe, f)


def download_link(site):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(site + "/account/login").read().decode()
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"Email": CUSTOMER, "Password": PASSWORD, "__RequestVerificationToken": token}).encode()
    opener.open(site + "/account/login", form).read()
    downloads = opener.open(site + "/account/downloads").read().decode()
    match = re.search(r'class="[^"]*download-link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="[^"]*download-link', downloads)
    if not match:
        sys.exit("no download link on /account/downloads: " + downloads[:2000])
    return urllib.parse.urljoin(site, (match.group(1) or match.group(2)).replace("&amp;", "&"))


def curl(url):
    """Downloads url to nowhere; answers (MB/s, bytes)."""
    result = subprocess.run(["curl", "-sS", "-f", "-o", "/dev/null", "-w", "%{speed_download} %{size_download}", url],
                            check=True, capture_output=True, text=True)
    speed, size = result.stdout.split()
    return float(speed) / (1 << 20), int(size)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_while(pid, work):
    """Runs work() while sampling pid's resident memory every 20 ms; answers (before, peak) in MB."""
    before = rss_mb(pid)
    peak = [before]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        work()
    finally:
        done.set()
        sampler.join()
    return before, peak[0]


def parallel_downloads(url, count, size):
    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        for _, got in pool.map(lambda _: curl(url), range(count)):
            assert got == size, f"a parallel download got {got} of {size} bytes"


def measure(args):
    size = args.size_mb << 20
    link = download_link(args.site)
    print(f"== Link: {link[:80]}...")
    site_runs, bare_runs = [], []
    curl(link), curl(args.bare)  # warm-up: JIT, page cache
    for round_ in range(1, args.rounds + 1):
        bare, got_bare = curl(args.bare)
        site, got_site = curl(link)
        assert got_bare == size and got_site == size, f"sizes {got_bare} and {got_site}, expected {size}"
        bare_runs.append(bare)
        site_runs.append(site)
        print(f"   round {round_}: bare {bare:.0f} MB/s, link {site:.0f} MB/s")
    bare_before, bare_peak = peak_while(args.bare_pid, lambda: parallel_downloads(args.bare, args.parallel, size))
    site_before, site_peak = peak_while(args.site_pid, lambda: parallel_downloads(link, args.parallel, size))
    bare_mb, site_mb = statistics.median(bare_runs), statistics.median(site_runs)
    rows = [
        "| row | bare static endpoint | StoreSite download link | ratio |",
        "|---|---|---|---|",
        f"| throughput, {args.size_mb} MB file, one download (median of {args.rounds}) | {bare_mb:.0f} MB/s | {site_mb:.0f} MB/s | {site_mb / bare_mb:.2f}x |",
        f"| resident memory before {args.parallel} parallel downloads | {bare_before:.0f} MB | {site_before:.0f} MB | |",
        f"| resident memory at its peak during them | {bare_peak:.0f} MB | {site_peak:.0f} MB | |",
        f"| growth during them ({args.parallel} x {args.size_mb} MB sent) | {bare_peak - bare_before:.0f} MB | {site_peak - site_before:.0f} MB | |",
    ]
    table = "\n".join(rows)
    print(table)
    if args.results:
        with open(args.results, "w") as f:
            f.write("# Download benchmark\n\n")
            f.write(f"`bash bench/downloads` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, over loopback with curl; "
                    "the bare endpoint is ASP.NET Core's static file middleware serving the same file (bench/BareEndpoint).\n\n")
            f.write(table + "\n")


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "seed":
        seed(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["measure"])
    parser.add_argument("work")
    parser.add_argument("--site", required=True)
    parser.add_argument("--site-pid", type=int, required=True)
    parser.add_argument("--bare", required=True)
    parser.add_argument("--bare-pid", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--results")
    measure(parser.parse_args())


if __name__ == "__main__":
    main()
