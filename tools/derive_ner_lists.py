#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/gazetteer/actors.tsv, the recogniser's person/place/organisation lists, from the Phoenix
CAMEO actor dictionaries (../shared/data/events/phoenix-cameo-dictionaries, MIT, (c) Open Event Data
Alliance; the country actors were built from CountryInfo.140130, CC BY-SA 3.0, Philip A. Schrodt).

Output lines are `name<TAB>kind`, lower-cased, sorted:
  given    first words of people's names (people: actor blocks whose codes carry date ranges, or
           `# CountryInfo` leader entries), kept when seen as a first word in >= 2 names
  surname  last words of people's names, kept when seen in >= 2 names
  place    synonyms listed under a country's own entry (cities, provinces, regions)
  org      names of organisations (international, non-state and national institutions; blocks with
           no dated codes), 2-6 words
Words that are frequent English words or titles are left out of given/surname (see STOP).
Usage: python3 tools/derive_ner_lists.py [SHARED_DIR] > crates/accord-lexicon/data/gazetteer/actors.tsv"""
import os, re, sys
from collections import Counter

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
src = os.path.join(shared, 'data', 'events', 'phoenix-cameo-dictionaries')
STOP = set('''sir general gen lt col maj dr mr mrs ms prince princess king queen sheikh sheik shaikh emir
president minister prime the of and al el bin ibn abu abd de da di del la le van von der den du dos das
jr sr ii iii iv new said lord lady saint st mohamed'''.split()) - {'mohamed'}

def clean(name):
    name = name.split('#')[0].strip().strip('+').strip()
    name = re.sub(r'\(.*?\)', '', name).replace('_', ' ').strip()
    words = name.lower().split()
    if len(words) > 1 and words[0] == 'the':  # `the United States` is matched from `United`
        words = words[1:]
    return ' '.join(words)

def blocks(path):
    """(names, codes, is_leader_entry, is_country_root) per actor block."""
    out = []
    cur = None
    for line in open(path, encoding='utf-8', errors='replace'):
        if line.startswith('#') or not line.strip():
            continue
        if line[0] in ' \t':
            if cur:
                cur[1].extend(re.findall(r'\[([^\]]*)\]', line))
            continue
        if line.startswith('+'):
            if cur:
                cur[0].append(clean(line))
            continue
        cur = [[clean(line)], re.findall(r'\[([^\]]*)\]', line), '# CountryInfo' in line, False]
        codes = cur[1]
        cur[3] = len(codes) == 1 and re.fullmatch(r'[A-Z]{3}', codes[0].strip()) is not None
        out.append(cur)
    return out

given, surname, orgend = Counter(), Counter(), Counter()
places, orgs = set(), set()
for f in ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']:
    for names, codes, leader, root in blocks(os.path.join(src, f)):
        dated = any(re.search(r'\d{4}', c) for c in codes)
        names = [n for n in names if n and re.fullmatch(r"[a-z .'-]+", n)]
        if root:
            places.update(n for n in names[1:] if len(n.split()) <= 3)
        elif leader or dated:
            for n in set(names):
                ws = [w for w in n.split() if w not in STOP and len(w) > 1 and '.' not in w]
                if len(ws) >= 2:
                    given[ws[0]] += 1
                    surname[ws[-1]] += 1
        else:
            for n in set(names):
                ws = n.split()
                if 2 <= len(ws) <= 6:
                    orgs.add(n)
                    orgend[ws[-1]] += 1
rows = set()
rows.update((w, 'given') for w, c in given.items() if c >= 2)
rows.update((w, 'surname') for w, c in surname.items() if c >= 2)
rows.update((p, 'place') for p in places)
rows.update((o, 'org') for o in orgs)
print('# Person, place and organisation lists for the recogniser, lower-cased: name<TAB>kind.')
print('# Derived by tools/derive_ner_lists.py from the Phoenix CAMEO actor dictionaries (MIT, Open Event Data Alliance;')
print('# country actors built from CountryInfo.140130, CC BY-SA 3.0, Philip A. Schrodt); shared under CC BY-SA 3.0.')
for name, kind in sorted(rows):
    print(f'{name}\t{kind}')
