#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/gazetteer/case_stats.tsv: how words are written in running text, for the recogniser.

Counts, for each lower-cased word, how often it is written in lower case and how often capitalised
where capitals say nothing (not first in its sentence or line), over unlabelled text: the PolNeAR train
articles (../shared/data/polnear/data/train/text; used for training only) and the word forms of UD
English-EWT train (CC BY-SA 4.0) and the licensed genres of UD English-GUM train. Keeps only word
types and labels, no text:
  lower    written in lower case >= 3 times and >= 90% of the time (a common word)
  capital  seen capitalised mid-sentence >= 3 times and in lower case <= 5% of the time (name-like)
Usage: python3 tools/derive_case_stats.py [SHARED_DIR] > crates/accord-lexicon/data/gazetteer/case_stats.tsv"""
import glob, os, re, sys
from collections import Counter

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
LICENSED = {'academic', 'bio', 'court', 'interview', 'news', 'voyage'}
low, cap = Counter(), Counter()

def count(words):
    """words: list of tokens of one sentence or line."""
    for i, w in enumerate(words):
        if not w[:1].isalpha():
            continue
        lw = w.lower()
        if w == lw:
            low[lw] += 1
        elif i > 0 and w[:1].isupper() and not words[i - 1] in ('.', '!', '?', ':', '"', '“', '‘', "'", '(', '-', '—', '–'):
            cap[lw] += 1

TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*[A-Za-zÀ-ÿ]|[A-Za-zÀ-ÿ]|[^\sA-Za-zÀ-ÿ]")
for path in sorted(glob.glob(os.path.join(shared, 'data', 'polnear', 'data', 'train', 'text', '*.txt'))):
    for line in open(path, encoding='utf-8', errors='replace'):
        toks = TOKEN.findall(line)
        # split at sentence ends so sentence-initial capitals are not counted
        sent = []
        for t in toks:
            sent.append(t)
            if t in ('.', '!', '?'):
                count(sent)
                sent = []
        count(sent)

tb = os.path.join(shared, 'data', 'treebanks')
for path, genre_filter in [(os.path.join(tb, 'UD_English-EWT', 'en_ewt-ud-train.conllu'), False),
                           (os.path.join(tb, 'UD_English-GUM', 'en_gum-ud-train.conllu'), True)]:
    ok, words = True, []
    for line in open(path, encoding='utf-8'):
        if line.startswith('# newdoc id = '):
            genre = line.split('=', 1)[1].strip().split('_')[1] if '_' in line else ''
            ok = not genre_filter or genre in LICENSED
        elif line.strip() == '':
            if ok and words:
                count(words)
            words = []
        elif not line.startswith('#'):
            cols = line.split('\t')
            if '-' not in cols[0] and '.' not in cols[0]:
                words.append(cols[1])

print('# How words are written in running text (lower-cased word<TAB>lower|capital), for the recogniser.')
print('# Derived by tools/derive_case_stats.py from PolNeAR train texts (counts only, no text) and the word forms of')
print('# UD English-EWT train (CC BY-SA 4.0) and the licensed genres of UD English-GUM train.')
rows = []
for w in set(low) | set(cap):
    l, c = low[w], cap[w]
    if l >= 3 and l >= 0.9 * (l + c):
        rows.append((w, 'lower'))
    elif c >= 3 and l <= 0.05 * (l + c):
        rows.append((w, 'capital'))
for w, k in sorted(rows):
    if '\t' not in w:
        print(f'{w}\t{k}')
