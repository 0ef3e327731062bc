#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/given_names_gap.tsv: given names with the gender they mark, from GAP.

GAP (Webster et al., TACL 2018; Apache-2.0, snippets from Wikipedia, CC BY-SA) pairs each gendered pronoun
with two person names of the same gender (deliberately ambiguous), whichever is the antecedent. The first
word of every name of two or more words is counted under the pronoun's gender (development and validation
files; the test file is not used). Kept: words seen at least twice, at least 90 % with one gender, that are
not a common word (written in lower case in running text, gazetteer/case_stats.tsv), a title, an
honorific, a name prefix or a name given in crates/accord-lexicon/data/given_names.tsv, and
that end names in GAP less often than they open them (a surname written first: "Cao Cao"). Keeps only words and a letter, no text.
Usage: python3 tools/derive_given_names_gap.py [SHARED_DIR] > crates/accord-lexicon/data/given_names_gap.tsv"""
import csv, os, sys
from collections import Counter, defaultdict

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
data = os.path.join(os.path.dirname(__file__), '..', 'crates', 'accord-lexicon', 'data')
csv.field_size_limit(10**8)

def words_of(name, col=0):
    out = set()
    for line in open(os.path.join(data, name), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            out.add(line.rstrip('\n').split('\t')[col].strip().lower().rstrip('.'))
    return out

# (a word written in lower case in running text is a common word: "Big", "Aunt")
common = {w for w, label in (l.rstrip('\n').split('\t') for l in open(os.path.join(data, 'gazetteer', 'case_stats.tsv'), encoding='utf-8')
                            if l.strip() and not l.startswith('#')) if label == 'lower'}
# ranks, kinship words and particles that open names without being given names
NOT_GIVEN = {'aunt', 'uncle', 'baron', 'baroness', 'duke', 'duchess', 'viscount', 'count', 'countess', 'earl',
             'saint', 'swami', 'ibn', 'le', 'la', 'del', 'della', 'van', 'von', 'al', 'el', 'abu'}
excluded = NOT_GIVEN | common | words_of('titles.txt') | words_of('honorifics.tsv') | words_of('name_prefixes.txt') | words_of('given_names.tsv')
genders, last = defaultdict(Counter), Counter()
for split in ('gap-development.tsv', 'gap-validation.tsv'):
    for row in csv.DictReader(open(os.path.join(shared, 'data', 'gap', split), encoding='utf-8'), delimiter='\t'):
        sex = 'f' if row['Pronoun'].lower() in ('she', 'her', 'hers') else 'm'
        for k in 'AB':
            ws = row[k].split()
            if len(ws) >= 2:
                last[ws[-1]] += 1
                if ws[0].isalpha() and ws[0][0].isupper() and len(ws[0]) > 1:
                    genders[ws[0]][sex] += 1

print('# Given names and the gender they mark, derived from GAP (Webster et al. 2018; Apache-2.0, Wikipedia text')
print('# CC BY-SA) by tools/derive_given_names_gap.py: first words of two-word person names, counted under the')
print('# gender of the pronoun they were paired with; seen >= 2 times, >= 90 % one gender. name<TAB>gender')
for name in sorted(genders):
    c = genders[name]
    total = sum(c.values())
    sex, n = c.most_common(1)[0]
    if total >= 2 and n / total >= 0.9 and name.lower() not in excluded and last[name] < total:
        print(f'{name}\t{sex}')
