#!/usr/bin/env python3
"""Writes the readers' fuzz corpus, Tests/Fuzz/{scenario,plan,rota,conflict,proof}/, seeded.

Run from the repository root: python3 scripts/fuzz-corpus.py. The files are committed; the
test that runs them is Tests/RotaCLITests/FuzzCorpusTests.swift. Each file is an input a
hostile or careless user could give: alias bombs, overflowing numbers, duplicate keys, deep
nesting, bytes that are not text, ids spelled with look-alike characters, and seeded random
mutations of the mini scenario.
"""
import gzip, os, random
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Tests', 'Fuzz'))
for kind in ('scenario', 'plan', 'rota', 'conflict', 'proof'):
    os.makedirs(kind, exist_ok=True)
random.seed(9)
mini = open('../../Scenarios/mini/heze-mini.yaml', encoding='utf-8').read()
def w(kind, name, data):
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(f'{kind}/{name}', mode, **({} if mode == 'wb' else {'encoding': 'utf-8'})) as f:
        f.write(data)
# --- scenarios
lines = ["name: x", "b0: &b0 [1,1,1,1,1,1,1,1,1,1]"] + ["b%d: &b%d [%s]" % (i, i, ",".join(["*b%d" % (i - 1)] * 10)) for i in range(1, 8)] + ["name: y"]
w('scenario', 'alias-chain.yaml', "\n".join(lines) + "\n")
w('scenario', 'alias-chain-private-use.yaml', "\n".join(lines) + "\nk: \ue000\ue123\n")
w('scenario', 'empty.yaml', "")
w('scenario', 'only-comment.yaml', "# nothing\n")
w('scenario', 'overflow-staff.yaml', mini.replace("technicalStaff: 500", "technicalStaff: 768614336404564568", 1))
w('scenario', 'overflow-station-months.yaml', mini.replace("rules:\n", "rules:\n  T3.station-months: 303032819133174357\n", 1))
w('scenario', 'zero-rounds.yaml', mini.replace("rules:\n", "rules:\n  T3.rounds-per-week: 0\n", 1))
w('scenario', 'zero-centres.yaml', mini.replace("rules:\n", "rules:\n  TCM.centres-per-physician: 0\n", 1))
w('scenario', 'kelvin-id.yaml', mini.replace("{id: hzm-01,", "{id: hzm-\u212a01,", 1))
w('scenario', 'space-in-specialty.yaml', mini.replace("specialty: general,", "specialty: general practice,"))
w('scenario', 'binary.yaml', bytes(random.randrange(256) for _ in range(2000)))
w('scenario', 'invalid-utf8-and-gb18030.yaml', b"name: \xff\xfe\xfd\n")
w('scenario', 'deep-nesting.yaml', "a: " + "[" * 5000 + "]" * 5000 + "\n")
w('scenario', 'deep-mapping.yaml', "".join("  " * i + "k%d:\n" % i for i in range(300)) + "  " * 300 + "v\n")
w('scenario', 'many-duplicates.yaml', "\n".join("k%d: 1" % (i % 50) for i in range(2000)) + "\n")
w('scenario', 'tabs.yaml', "name:\tx\n\tperiod: 1\n")
w('scenario', 'two-documents.yaml', "name: a\n---\nname: b\n")
w('scenario', 'huge-line.yaml', "name: " + "医" * 200000 + "\n")
w('scenario', 'negative-period.yaml', mini.replace("2025-12-31", "2024-01-01", 1))
w('scenario', 'date-overflow.yaml', mini.replace("2025-12-31", "99999-12-31", 1))
w('scenario', 'bad-tag.yaml', mini.replace("rules:\n", "rules:\n  T1.total: !!binary aGVsbG8=\n", 1))
for i in range(12):
    b = bytearray(mini.encode('utf-8'))
    for _ in range(random.randint(1, 6)):
        p = random.randrange(len(b)); op = random.randrange(3)
        if op == 0: b[p] = random.choice(b"{}[]:,&*!|>'\"#\n -0123456789\t")
        elif op == 1: del b[p:p + random.randint(1, 40)]
        else: b[p:p] = bytes(random.choice([b"&a ", b"*a", b"\n- ", b": ", b"9999999999999999999", b"\xe2\x84\xaa"]))
    w('scenario', f'mutated-{i:02}.yaml', bytes(b))
# --- plans
w('plan', 'empty.json', "")
w('plan', 'not-json.json', "plan")
w('plan', 'deep.json', "[" * 10000 + "]" * 10000)
w('plan', 'duplicate-teams.json', '{"format": "rota-plan/1", "teams": [], "teams": []}')
w('plan', 'unknown-field.json', '{"format": "rota-plan/1", "approvedBy": "x"}')
w('plan', 'huge-number.json', '{"format": "rota-plan/1", "period": {"start": "2025-01-01", "end": "2025-12-31"}, "teams": [], "villageHelpers": [], "tcmClinics": [], "coverage": {}, "x": 1e999999}')
w('plan', 'kelvin.json', '{"format": "rota-plan/1", "teams": [{"sender": "hz-\u212a"}]}')
w('plan', 'bad-utf8.json', b'{"format": "\xff"}')
w('plan', 'array.json', '[1,2,3]')
w('plan', 'null.json', 'null')
# --- rotas
hdr = "\ufeffperson,name,hospital,date,half,site,site_name,activity\r\n"
w('rota', 'empty.csv', "")
w('rota', 'header-only.csv', hdr)
w('rota', 'bad-date.csv', hdr + "hzm-01,x,h,2025-02-30,am,s,y,posting\r\n")
w('rota', 'gb18030.csv', (hdr + "hzm-01,张伟,h,2025/12/25,am,s,y,posting\r\n").encode('gb18030'))
w('rota', 'unclosed-quote.csv', hdr + 'hzm-01,"x,h,2025-01-06,am,s,y,posting\r\n')
w('rota', 'kelvin.csv', hdr + "hz-\u212a,x,h,2025-01-06,am,s,y,posting\r\n")
w('rota', 'binary.csv', bytes(random.randrange(256) for _ in range(3000)))
w('rota', 'many-bad-rows.csv', hdr + "".join("p%d,x,h,2025-13-%02d,xm,s,y,nothing\r\n" % (i, i % 28 + 1) for i in range(20000)))
# --- conflicts
w('conflict', 'empty.json', "")
w('conflict', 'duplicate-key.json', '{"format": "a", "format": "b"}')
w('conflict', 'unknown-field.json', '{"confirmedBy": "x"}')
w('conflict', 'deep.json', "{\"a\":" * 3000 + "1" + "}" * 3000)
# --- proofs (gzip files; mtime 0 so the bytes are the same on every run)
def gz(text):
    return gzip.compress(text if isinstance(text, bytes) else text.encode('utf-8'), mtime=0)
header = '{"digestAlgorithm":"SHA-256","digests":{},"format":"rota-proof/2","notChecked":[],"period":"2025-01-01..2025-12-31","profile":"heze-city","rotaVersion":"0.1.0","ruleCatalogue":"rules-2024.1","rules":[],"scenario":"heze-mini-2025","summary":{"failed":0,"instances":0,"passed":0},"verdict":"pass"}\n'
w('proof', 'old-format.json', '{"format": "rota-proof/1", "instances": []}\n')
w('proof', 'empty.jsonl.gz', b"")
w('proof', 'empty-content.jsonl.gz', gz(b""))
w('proof', 'truncated.jsonl.gz', gz(header * 50)[:-20])
w('proof', 'trailing-bytes.jsonl.gz', gz(header) + b"garbage")
w('proof', 'bomb.jsonl.gz', gz(b"{" + b" " * 60_000_000 + b"}\n"))
w('proof', 'not-json.jsonl.gz', gz("this is not json\n"))
w('proof', 'deep.jsonl.gz', gz("{\"a\":" * 3000 + "1" + "}" * 3000 + "\n"))
w('proof', 'duplicate-key.jsonl.gz', gz(header.replace('"format":"rota-proof/2"', '"format":"rota-proof/2","format":"x"')))
w('proof', 'unknown-field.jsonl.gz', gz(header.replace('{"digestAlgorithm"', '{"approvedBy":"x","digestAlgorithm"')))
w('proof', 'orphan-rule.jsonl.gz', gz(header + '{"arithmetic":"","finding":"","instance":"T1.quota[x]","quantities":[],"rule":"T1.quota","subject":{"id":"x","kind":"institution","name":""},"verdict":"pass","witnesses":[]}\n'))
w('proof', 'bad-utf8.jsonl.gz', gz(b'{"format":"\xff\xfe"}\n'))
