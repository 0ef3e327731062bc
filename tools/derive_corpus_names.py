#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/gazetteer/corpus_names.tsv: more person, place and organisation names for
the recogniser's gazetteer features, from the licensed auxiliary named-entity corpora in ../shared/data.

Sources (each folder's README.txt gives the licence; none of them is GUM, PolNeAR, EWT dev or ../shared/gold):
  wikigold   WikiGold (CC BY 4.0): PER, ORG, LOC spans (IOB1)
  btc        Broad Twitter Corpus sections a, b, e, f, g (CC BY 4.0): PER, ORG, LOC spans
  wnut17     WNUT-17 train and dev (CC BY 4.0): person; corporation, group -> ORG; location
  re3d       re3d (public domain / OGL v3 / CC BY 3.0 AU / CC BY-SA 3.0 / EU reuse notice; the BBC part was
             never copied): Person, Organisation, Location spans with confidence >= 0.5
  litbank    LitBank (CC BY 4.0): proper-name mentions (PROP_PER, PROP_ORG, PROP_GPE, PROP_LOC; PROP_FAC with --fac)
  gap        GAP development and validation (Apache-2.0; Wikipedia text, CC BY-SA): the A and B person names
  halterman  event-location-halterman (MIT): accepted LOCATION spans

Only capitalised spans count (every word starting with an upper-case letter, allowing the connectors of
CONN inside). Output lines are `name<TAB>kind`, lower-cased, sorted:
  given    first word of person names of two or more words
  surname  last word of person names of two or more words
  place    whole place names (GPE, LOC; FAC with --fac)
  org      whole organisation names
A word list entry needs >= --min-words distinct names it opens (given) or closes (surname), and is dropped
when it is a common word (written in lower case in running text: gazetteer/case_stats.tsv `lower`), a
title or honorific, or a connector. A whole name needs >= --min-names mentions, and at least --purity of its
typed mentions (PER/ORG/place over all corpora) must be of its kind. Only names and counts are kept, no text.
Usage: python3 tools/derive_corpus_names.py [--shared DIR] [options] > crates/accord-lexicon/data/gazetteer/corpus_names.tsv"""
import argparse, csv, glob, html, io, json, os, re, sys, zipfile
from collections import Counter, defaultdict

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument('--shared', default=os.path.join(here, '..', '..', 'shared'))
ap.add_argument('--sources', default='wikigold,btc,wnut17,re3d,litbank,gap,halterman')
ap.add_argument('--kinds', default='given,surname,place,org')
ap.add_argument('--min-words', type=int, default=2)
ap.add_argument('--min-names', type=int, default=1)
ap.add_argument('--purity', type=float, default=0.8)
ap.add_argument('--fac', action='store_true')
args = ap.parse_args()
data = os.path.join(args.shared, 'data')
lexdata = os.path.join(here, '..', 'crates', 'accord-lexicon', 'data')
csv.field_size_limit(10**8)

CONN = {'of', 'the', 'and', '&', 'de', 'du', 'da', 'di', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'al',
        'el', 'bin', 'ibn', 'for', 'on', "'s", 'in', 'y', 'st.', 'upon'}

mentions = []  # (words, type) with type PER, ORG, PLACE


def tok(text):
    """Splits a name written in running text as the treebanks tokenise it (`Lincoln 's`, `U.S.`)."""
    out = []
    for w in text.split():
        w = w.strip(',;:!?"()[]“”‘')
        m = re.match(r"^(.*?)('s|’s)$", w)
        if m and m.group(1):
            out += [m.group(1), "'s"]
        elif w:
            out.append(w)
    return out


def add(words, typ):
    words = [w for w in words if w]
    while words and words[0].lower() == 'the':
        words = words[1:]
    if not words or len(words) > 6:
        return
    for w in words:
        if w.lower() in CONN:
            continue
        if not w[0].isupper() or not any(c.isalpha() for c in w):
            return
    if words[-1].lower() in CONN or words[0].lower() in CONN:
        return
    mentions.append((tuple(words), typ))


def conll(path, sep, mapping):
    cur, typ = [], None
    def flush():
        nonlocal cur, typ
        if cur and typ in mapping:
            add(cur, mapping[typ])
        cur, typ = [], None
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('-DOCSTART-'):
            flush()
            continue
        parts = line.split(sep) if sep else line.split()
        if len(parts) < 2:
            flush()
            continue
        w, tag = html.unescape(parts[0]), parts[-1]
        if tag == 'O':
            flush()
            continue
        bio, _, t = tag.partition('-')
        if bio == 'B' or t != typ:  # IOB1 and BIO alike: B- or a change of type opens a name
            flush()
        typ = t
        cur.append(w)
    flush()


src = set(args.sources.split(','))
if 'wikigold' in src:
    conll(os.path.join(data, 'wikigold', 'wikigold.conll.txt'), None, {'PER': 'PER', 'ORG': 'ORG', 'LOC': 'PLACE'})
if 'btc' in src:
    for s in 'abefg':
        conll(os.path.join(data, 'btc', s + '.conll'), '\t', {'PER': 'PER', 'ORG': 'ORG', 'LOC': 'PLACE'})
if 'wnut17' in src:
    for f in ('wnut17train.conll', 'emerging.dev.conll'):
        conll(os.path.join(data, 'wnut17', f), '\t',
              {'person': 'PER', 'corporation': 'ORG', 'group': 'ORG', 'location': 'PLACE'})
if 're3d' in src:
    m = {'Person': 'PER', 'Organisation': 'ORG', 'Location': 'PLACE'}
    for f in glob.glob(os.path.join(data, 're3d', '*', 'entities.json')):
        for line in open(f, encoding='utf-8'):
            if not line.strip():
                continue
            e = json.loads(line)
            if e.get('type') in m and float(e.get('confidence', 1)) >= 0.5:
                add(tok(e['value']), m[e['type']])
if 'litbank' in src:
    m = {'PROP_PER': 'PER', 'PROP_ORG': 'ORG', 'PROP_GPE': 'PLACE', 'PROP_LOC': 'PLACE'}
    if args.fac:
        m['PROP_FAC'] = 'PLACE'
    for f in glob.glob(os.path.join(data, 'litbank', 'coref', 'brat', '*.ann')):
        for line in open(f, encoding='utf-8'):
            p = line.rstrip('\n').split('\t')
            if len(p) == 3 and p[0].startswith('T') and p[1].split()[0] in m:
                add(p[2].split(), m[p[1].split()[0]])
if 'gap' in src:
    for f in ('gap-development.tsv', 'gap-validation.tsv'):
        for row in csv.DictReader(open(os.path.join(data, 'gap', f), encoding='utf-8'), delimiter='\t'):
            for c in ('A', 'B'):
                add(tok(row[c]), 'PER')
if 'halterman' in src:
    z = zipfile.ZipFile(os.path.join(data, 'events', 'event-location-halterman', 'labeled_text.jsonl.zip'))
    for r in json.load(io.TextIOWrapper(z.open('labeled_text.jsonl'), encoding='utf-8')):
        if r.get('answer') != 'accept':
            continue
        for s in r.get('spans', []):
            if s.get('label') == 'LOCATION':
                add([t['text'] for t in r['tokens'][s['token_start']:s['token_end'] + 1]], 'PLACE')

# words that are not names: common words, titles, honorifics
common = set()
for line in open(os.path.join(lexdata, 'gazetteer', 'case_stats.tsv'), encoding='utf-8'):
    if not line.startswith('#') and line.rstrip('\n').endswith('\tlower'):
        common.add(line.split('\t')[0])
for f in ('titles.txt', 'honorifics.tsv'):
    for line in open(os.path.join(lexdata, f), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            for w in line.split('\t')[0].strip().lower().split():
                common.add(w)

kinds = set(args.kinds.split(','))
out = set()
first, last = defaultdict(set), defaultdict(set)
by_name = defaultdict(Counter)
for words, typ in mentions:
    key = ' '.join(words).lower()
    by_name[key][typ] += 1
    if typ == 'PER' and len(words) >= 2:
        first[words[0].lower()].add(key)
        last[words[-1].lower()].add(key)


def word_ok(w):
    return (len(w) >= 2 and w.isalpha() and w not in common and w not in CONN)


for kind, table in (('given', first), ('surname', last)):
    if kind in kinds:
        for w, names in table.items():
            if len(names) >= args.min_words and word_ok(w):
                out.add((w, kind))
for key, c in by_name.items():
    total = sum(c.values())
    for typ, kind in (('PLACE', 'place'), ('ORG', 'org')):
        if kind in kinds and c[typ] >= args.min_names and c[typ] >= args.purity * total:
            if ' ' not in key and key in common:
                continue
            out.add((key, kind))

print('# More person, place and organisation names for the recogniser, lower-cased: name<TAB>kind.')
opts = ' '.join(a for a in sys.argv[1:] if a != args.shared and a != '--shared')
print('# Derived by tools/derive_corpus_names.py' + (f' ({opts})' if opts else '') +
      ' from ../shared/data: WikiGold, Broad Twitter Corpus a/b/e/f/g, WNUT-17')
print('# train+dev, LitBank (CC BY 4.0); re3d (US public domain, OGL v3, CC BY 3.0 AU, CC BY-SA 3.0, EU reuse')
print('# notice); GAP dev+validation (Apache-2.0, Wikipedia CC BY-SA); event-location-halterman (MIT). Names only.')
print('# Shared under CC BY-SA 4.0 (the most restrictive source terms, attribution and share-alike).')
for name, kind in sorted(out):
    print(f'{name}\t{kind}')
counts = Counter(k for _, k in out)
print('mentions', len(mentions), dict(Counter(t for _, t in mentions)), 'kept', dict(counts), file=sys.stderr)
