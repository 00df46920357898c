#!/usr/bin/env python3
"""Known-answer vectors for the OnceFill vault envelope (src/core/vault/mod.rs, format 1).

Computed with independent implementations: argon2-cffi (the reference C Argon2) for the key
and the key check, and pyca/cryptography (OpenSSL) for AES-256-GCM. The Rust tests seal the
same inputs with the same salt and nonce and must produce these bytes exactly.

    pip install argon2-cffi==25.1.0 cryptography
    python3 xtask/data/vault_kat.py > tests/data/vault/kat.json
"""
import json
import struct

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CASES = [
    dict(name="small-ascii", passphrase="correct horse battery staple", m_kib=64, t=1, p=1,
         salt=bytes(range(16)), nonce=bytes(range(100, 112)), record="vault",
         plaintext='{"version":2,"persons":[],"firms":[],"agents":[]}'),
    dict(name="chinese-passphrase", passphrase="我家门口有两棵树，一棵是枣树", m_kib=256, t=3, p=2,
         salt=b"\xa5" * 24, nonce=b"\x00" * 12, record="backup",
         plaintext='{"version":2,"persons":[{"id":"p1","relation":"self","values":{}}]}'),
    dict(name="default-parameters", passphrase="Wang-1990-Hangzhou", m_kib=19 * 1024, t=2, p=1,
         salt=bytes.fromhex("00112233445566778899aabbccddeeff"), nonce=bytes.fromhex("0102030405060708090a0b0c"),
         record="vault", plaintext=""),
]


def envelope(c):
    out = hash_secret_raw(c["passphrase"].encode(), c["salt"], time_cost=c["t"], memory_cost=c["m_kib"],
                          parallelism=c["p"], hash_len=48, type=Type.ID, version=19)
    key, check = out[:32], out[32:48]
    header = b"ONCEFILL" + bytes([1, 1]) + struct.pack("<III", c["m_kib"], c["t"], c["p"])
    header += bytes([len(c["salt"])]) + c["salt"] + check + bytes([1])
    rec = c["record"].encode()
    header += bytes([len(rec)]) + rec + c["nonce"]
    ct = AESGCM(key).encrypt(c["nonce"], c["plaintext"].encode(), header)
    return header + struct.pack("<I", len(ct)) + ct


vectors = []
for c in CASES:
    vectors.append({
        "name": c["name"], "passphrase": c["passphrase"],
        "m_kib": c["m_kib"], "t": c["t"], "p": c["p"],
        "salt": c["salt"].hex(), "nonce": c["nonce"].hex(), "record": c["record"],
        "plaintext": c["plaintext"], "sealed": envelope(c).hex(),
    })
print(json.dumps({"source": "xtask/data/vault_kat.py (argon2-cffi + pyca/cryptography)", "vectors": vectors},
                 ensure_ascii=False, indent=1))
