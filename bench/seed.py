#!/usr/bin/env python3
"""Writes the benchmark's setup recipe (store features, a known signing secret, customers and
N licenses signed as docs/architecture.md ("License keys") says) and the key lists the wrk scripts read.

usage: seed.py WORKDIR [LICENSES]"""
import base64, hashlib, hmac, json, os, secrets, sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SECRET = bytes(range(1, 33))
CUSTOMERS = 10
KNOWN = 1000  # licenses 0..999: one imported environment known-<i>.example.com from 127.0.0.1


def sign(unsigned):
    mac = hmac.new(SECRET, unsigned.encode("ascii"), hashlib.sha256).digest()
    bits = int.from_bytes(mac[:4], "big") >> 2
    return "".join(ALPHABET[(bits >> (25 - 5 * i)) & 31] for i in range(6))


def new_key():
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(6)) for _ in range(4)]
    unsigned = "CP-" + "-".join(groups)
    return unsigned + "-" + sign(unsigned)


def main():
    work = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    unlimited_from = count // 2  # the second half: Max Activations 0, used by the new-environment run
    assert sign("CP-ABCDEF-123456-GHJKMN-PQRSTV") == "HTARZ4", "signing does not match the published test vector"
    os.makedirs(work, exist_ok=True)
    keys, licenses = [], []
    for i in range(count):
        key = new_key()
        keys.append(key)
        license = {
            "key": key,
            "customerEmail": f"customer{i % CUSTOMERS}@bench.example",
            "product": "Gallery Pro" if i % 2 == 0 else "Forms Plus",
            "expiry": None if i % 3 == 0 else "2099-12-31",
            "maxActivations": 0 if i >= unlimited_from else 5,
            "status": "Active",
        }
        if i < KNOWN:
            license["activations"] = [{"domain": f"known-{i}.example.com", "ip": "127.0.0.1"}]
        licenses.append(license)
    recipe = {
        "name": "bench",
        "displayName": "Benchmark",
        "description": f"Store with {count} licenses for bench/run.",
        "issetuprecipe": True,
        "steps": [
            {"name": "feature", "enable": ["CP.Commerce", "CP.Licensing"]},
            {"name": "LicensingSettings", "keyPrefix": "CP", "signingSecret": base64.b64encode(SECRET).decode()},
            {"name": "Users", "Users": [{"email": f"customer{c}@bench.example", "password": "Bench-Passw0rd", "roles": ["Customer"]} for c in range(CUSTOMERS)]},
            {"name": "Licenses", "licenses": licenses},
        ],
    }
    with open(os.path.join(work, "bench.recipe.json"), "w") as f:
        json.dump(recipe, f)
    with open(os.path.join(work, "known-keys.txt"), "w") as f:
        f.write("\n".join(keys[:KNOWN]) + "\n")
    with open(os.path.join(work, "unlimited-keys.txt"), "w") as f:
        f.write("\n".join(keys[unlimited_from:unlimited_from + 1000]) + "\n")
    # (d) deactivate + re-activate pairs: another 1,000 unlimited keys (bench/run lets them deactivate without limit).
    with open(os.path.join(work, "pair-keys.txt"), "w") as f:
        f.write("\n".join(keys[unlimited_from + 1000:unlimited_from + 2000]) + "\n")


main()
