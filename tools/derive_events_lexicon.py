#!/usr/bin/env python3
"""Derives accord's event lexicons (data/events/*.tsv) from the Phoenix/PETRARCH CAMEO dictionaries and the
CAMEO->PLOVER crosswalk in ../shared/data/events (MIT; crosswalk from the PLOVER repository, MIT/CC BY-SA).

  tools/derive_events_lexicon.py [SHARED_EVENTS_DIR] [OUT_DIR]

Writes (derived data only, no source text copied verbatim beyond dictionary keys and codes):
  verbs.tsv     verb<TAB>pattern<TAB>cameo<TAB>plover<TAB>mode   pattern "" = the verb block's default code;
                otherwise the content words/prepositions after the verb in a PETRARCH pattern ("with leaders").
  agents.tsv    agent noun<TAB>sector code (GOV, MIL, REB, ...)   from Phoenix.agents.txt
  actors.tsv    actor name<TAB>code (PSEREBHMS, IGOUNO, ...)      from Phoenix.MilNonState/International.actors.txt
The verb lemmas are the dictionary's base forms lower-cased; phrasal entries (MEET_WITH) become "meet with".
"""
import os, re, sys
from collections import defaultdict

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../shared/data/events')
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '../data/events')
os.makedirs(out, exist_ok=True)
HEADER = ("# Derived by tools/derive_events_lexicon.py from the Phoenix/PETRARCH-2 dictionaries "
          "(github.com/openeventdata/petrarch2, MIT, (c) 2015 Open Event Data Alliance)\n"
          "# and the CAMEO->PLOVER crosswalk CAMEO2PLOVER-2021.txt (PLOVER, openeventdata, MIT).\n")

# CAMEO -> PLOVER crosswalk
cross = {}
for line in open(os.path.join(src, 'plover-gsr-cameo/CAMEO2PLOVER-2021.txt'), encoding='utf-8', errors='replace'):
    line = line.split('#')[0].strip()
    m = re.match(r'^(\d+):\s*([A-Z]+)\s*(?:,\s*([A-Za-z_\-]*))?', line)
    if m:
        cross[m.group(1)] = (m.group(2), (m.group(3) or '').strip())
# CAMEO roots the crosswalk leaves out: 01 (public statement) is no event; 02 (appeal) is a PLOVER REQUEST.
ROOT_FALLBACK = {'02': ('REQUEST', '')}


def plover(code):
    code = code.split(':')[0].strip()
    if not re.match(r'^\d+$', code):
        return None
    for k in range(len(code), 1, -1):
        if code[:k] in cross:
            return cross[code[:k]]
    return ROOT_FALLBACK.get(code[:2])


def words(s):
    s = re.sub(r'[{}()\[\]$%^=]', ' ', s)
    return [w.lower().replace('_', ' ') for w in s.split() if w and not w.startswith('&') and w != '*' and w != '-'
            and not w.startswith('+')]


verbs = {}  # (verb, pattern) -> (cameo, plover, mode)
block_default, block_verbs = None, []
text = open(os.path.join(src, 'phoenix-cameo-dictionaries/CAMEO.2.0.txt'), encoding='utf-8', errors='replace').read()
body = text.split('####### VERB PATTERNS #######', 1)[1]
for raw in body.splitlines():
    line = raw.split('#')[0].rstrip()
    comment = raw.split('#', 1)[1].strip().split() if '#' in raw else []
    if not line.strip():
        continue
    m = re.match(r'^---\s+(\S+)\s+\[([^\]]*)\]', line)
    if m:
        block_default, block_verbs = m.group(2), []
        continue
    if line.startswith('-'):
        m = re.search(r'\[([^\]]*)\]', line)
        if not m or not block_verbs:
            continue
        p = plover(m.group(1))
        pat = line[:m.start()]
        after = pat.split('*', 1)[1] if '*' in pat else ''
        ws = words(after)
        if not p or not ws:
            continue
        key = ' '.join(ws[:3])
        # the comment names the verb the pattern was written for; apply it to that verb only when it is one
        # of the block's verbs, else to the whole block
        own = comment[0].lower().replace('_', ' ') if comment else ''
        for v in ([own] if own in block_verbs else block_verbs):
            verbs.setdefault((v, key), (m.group(1).split(':')[0], p[0], p[1]))
        continue
    m = re.match(r'^\+?([A-Z][A-Z_\-\']*)', line.strip())
    if m:
        v = m.group(1).lower().replace('_', ' ').strip()
        if v:
            block_verbs.append(v)
            p = plover(block_default or '')
            if p:
                verbs.setdefault((v, ''), (block_default.split(':')[0], p[0], p[1]))

with open(os.path.join(out, 'verbs.tsv'), 'w', encoding='utf-8') as f:
    f.write(HEADER + "# verb\tpattern\tcameo\tplover\tmode\n")
    for (v, pat), (c, p, mode) in sorted(verbs.items()):
        f.write(f"{v}\t{pat}\t{c}\t{p}\t{mode}\n")

agents = {}
macros = {}
for raw in open(os.path.join(src, 'phoenix-cameo-dictionaries/Phoenix.agents.txt'), encoding='utf-8', errors='replace'):
    line = raw.split('#')[0].strip()
    m = re.match(r'^!(\w+)!\s*=\s*(.*)$', line)
    if m:
        macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(',') if w.strip()]
        continue
    m = re.match(r'^([^\[]+?)\s*\[~?([A-Z]{3})', line)
    if not m:
        continue
    name = m.group(1).strip().lower()
    forms = [name]
    mm = re.search(r'!(\w+)!', name)
    if mm and mm.group(1) in macros:
        forms = [name.replace(mm.group(0), '_' + x if not name.startswith('!') else x) for x in macros[mm.group(1)]]
    for fm in forms:
        fm = fm.replace('_', ' ').strip()
        if fm and '!' not in fm:
            agents.setdefault(fm, m.group(2))
with open(os.path.join(out, 'agents.tsv'), 'w', encoding='utf-8') as f:
    f.write(HEADER + "# agent noun\tsector\n")
    for k, v in sorted(agents.items()):
        f.write(f"{k}\t{v}\n")

actors = {}
for fn in ('Phoenix.MilNonState.actors.txt', 'Phoenix.International.actors.txt'):
    pending = []
    for raw in open(os.path.join(src, 'phoenix-cameo-dictionaries', fn), encoding='utf-8', errors='replace'):
        line = raw.split('#')[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r'\[([A-Z]{3,})(?:\s+([<>]?[\d\-]+))?\]', line)
        name = re.sub(r'\[.*', '', line).strip()
        if name:
            name = name.lstrip('+').replace('_', ' ').strip().lower()
            if not raw.startswith('+'):
                pending = []
            pending.append(name)
        if codes:
            # the undated code, or the open-ended ">date" one (still valid)
            code = next((c for c, d in codes if not d or d.startswith('>')), codes[-1][0])
            for n in pending:
                if len(n) > 1:
                    actors.setdefault(n, code)
            pending = []
with open(os.path.join(out, 'actors.tsv'), 'w', encoding='utf-8') as f:
    f.write(HEADER + "# actor name (lower case)\tcode\n")
    for k, v in sorted(actors.items()):
        f.write(f"{k}\t{v}\n")
print(f"verbs {len(verbs)} agents {len(agents)} actors {len(actors)}", file=sys.stderr)

# Countries: ISO alpha-3 and nationality words from the NGEC PLOVER assets (MIT)
import csv
with open(os.path.join(out, 'countries.tsv'), 'w', encoding='utf-8') as f:
    f.write("# Derived by tools/derive_events_lexicon.py from ngec-plover-assets/countries.csv (NGEC PLOVER assets, MIT)\n"
            "# country name\tISO 3166 alpha-3\tnationality words\n")
    for row in csv.DictReader(open(os.path.join(src, 'ngec-plover-assets/countries.csv'), encoding='utf-8')):
        nats = '|'.join(x.strip() for x in (row.get('Nationality') or '').split(',') if x.strip())
        f.write(f"{row['Name'].strip()}\t{row['CCA3'].strip()}\t{nats}\n")
