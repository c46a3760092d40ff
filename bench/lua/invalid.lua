-- (b) A key of the right shape whose signature is wrong: refused before any database lookup.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"license_key":"CP-ABCDEF-123456-GHJKMN-PQRSTV-AAAAAA","domain":"shop.example.com","ip":"127.0.0.1"}'
