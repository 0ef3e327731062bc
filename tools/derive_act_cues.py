#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/act_cues.tsv from the PolNeAR train split (../shared/data/polnear/data/train).

For each word form that ends a gold cue span (the verb of "has sharply criticized", "railed against"'s
"railed"), counts how often it is a cue and how often it occurs at all in the train texts; keeps forms seen
as a cue at least MIN_COUNT times with a cue rate of at least MIN_RATE. accord uses the list to decide which
verbs of a subject-verb-object sentence attribute an act. Only word forms and counts are written (no text).
PolNeAR (Newell et al., LREC 2018) states no licence; the derived counts are used as a lexicon.
Usage: python3 tools/derive_act_cues.py [SHARED_DIR] > crates/accord-lexicon/data/act_cues.tsv"""
import glob, os, re, sys, collections

MIN_COUNT, MIN_RATE = 2, 0.05
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
root = os.path.join(shared, 'data', 'polnear', 'data', 'train')
cue = collections.Counter()
seen = collections.Counter()
word = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?")
for tp in sorted(glob.glob(os.path.join(root, 'text', '*.txt'))):
    text = open(tp, encoding='utf-8').read()
    for w in word.findall(text):
        seen[w.lower()] += 1
    stem = os.path.splitext(os.path.basename(tp))[0]
    anns = sorted(glob.glob(os.path.join(root, 'attributions', stem + '*.ann')))
    if not anns:
        continue
    for line in open(anns[0], encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) < 3 or not parts[0].startswith('T') or not parts[1].startswith('Cue '):
            continue
        words = [w.lower() for w in word.findall(parts[2])]
        # the verb of the cue: the last word that is not a particle or preposition
        while words and words[-1] in ('to', 'for', 'on', 'about', 'against', 'with', 'of', 'out', 'up', 'that', 'in', 'as', 'by'):
            words.pop()
        if words:
            cue[words[-1]] += 1
print(f'# Verb forms that PolNeAR train annotates as attribution cues: form<TAB>times a cue<TAB>times seen.')
print(f'# Derived by tools/derive_act_cues.py (kept: >= {MIN_COUNT} times a cue, cue rate >= {MIN_RATE}).')
for w, n in sorted(cue.items(), key=lambda x: (-x[1], x[0])):
    if n >= MIN_COUNT and seen[w] and n / seen[w] >= MIN_RATE:
        print(f'{w}\t{n}\t{seen[w]}')
