#!/usr/bin/env python3
"""Derives crates/accord-lexicon/data/countries.tsv from CountryInfo (../shared/data/events/countryinfo).

CountryInfo.txt (c) 2012 Philip A. Schrodt, CC BY-SA 3.0 Unported. The derived table keeps, per country:
a short English name, the ISO alpha-3 code, nationality adjectives, and capital and major cities.
Usage: python3 tools/derive_gazetteer.py [SHARED_DIR] > crates/accord-lexicon/data/countries.tsv"""
import re, sys, os

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared')
src = os.path.join(shared, 'data', 'events', 'countryinfo', 'CountryInfo.120116.txt')
text = open(src, encoding='utf-8', errors='replace').read()

SHORT = {  # formal names -> the names news uses
    'UNITED_STATES_OF_AMERICA': 'United States', 'UNITED_KINGDOM': 'United Kingdom',
    'RUSSIAN_FEDERATION': 'Russia', 'UNITED_REPUBLIC_OF_TANZANIA': 'Tanzania',
    'IRAN,_ISLAMIC_REPUBLIC_OF': 'Iran', 'SYRIAN_ARAB_REPUBLIC': 'Syria', 'REPUBLIC_OF_KOREA': 'South Korea',
    "DEMOCRATIC_PEOPLE'S_REPUBLIC_OF_KOREA": 'North Korea', 'VIET_NAM': 'Vietnam',
}
ADJ = re.compile(r"^[A-Z]+(AN|IAN|ESE|ISH|I|IC|CH|NCH|SH|ER|OT|ITE)$")

def title(s):
    s = s.strip().strip('_').replace('_', ' ')
    return ' '.join(w.capitalize() if w not in ('OF', 'AND', 'THE') else w.lower() for w in s.split())

def block(body, tag):
    # (the tag alone on its line: the file's preamble describes the tags as "<Capital>: ...")
    m = re.search(r'^<%s>(?!:)(.*?)</%s>' % (tag, tag), body, re.S | re.M)
    if not m:
        return []
    return [l.strip().strip('_').strip() for l in m.group(1).splitlines() if l.strip() and not l.strip().startswith('#')]

print('# Derived from CountryInfo.120116.txt (c) 2012 Philip A. Schrodt, CC BY-SA 3.0; by tools/derive_gazetteer.py')
print('# name\tiso3\tadjectives\tcities')
for body in re.findall(r'^<Country>(?!:)(.*?)</Country>', text, re.S | re.M):
    name = block(body, 'CountryName')
    m = re.search(r'<CountryName>(.*?)</CountryName>', body)
    if not m:
        continue
    raw = m.group(1).strip()
    canon = SHORT.get(raw, title(raw))
    iso = (re.search(r'<ISO3166-alpha3>(.*?)</ISO3166-alpha3>', body) or re.search(r'<CountryCode>(.*?)</CountryCode>', body)).group(1).strip()
    adjs = []
    for n in block(body, 'Nationality'):
        n = n.replace('_', ' ').strip()
        if ' ' not in n and ADJ.match(n) and n.capitalize() not in adjs:
            adjs.append(n.capitalize())
    cities = []
    for n in block(body, 'Capital') + block(body, 'MajorCities'):
        n = n.split('#')[0].strip()
        if n and re.match(r"^[A-Z][A-Z _'-]+$", n):
            cities.append(title(n))
    print('\t'.join([canon, iso, '|'.join(adjs[:4]), '|'.join(dict.fromkeys(cities))]))
