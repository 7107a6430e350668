#!/usr/bin/env python3
"""Makes the notes test variants of the bundled declaration (run by hand,
the outputs are committed; `make check` only reads them):

  rewrapped.txt  the same text broken at 60 columns instead of ~85, without
                 trailing spaces, with a job number and barcode at the page
                 break (different line breaks and page furniture);
  edited.txt     annex paragraph 5 reworded in a few places (a corrigendum);
  removed.txt    annex paragraph 3 removed;
  reordered.txt  annex paragraphs 9 and 10 swapped.
"""
import re, textwrap

# the bundled declaration, from this directory (tests/data/notes)
src = open("../../../data/cis-declaration-2020.txt", encoding="utf-8").read()
lines = src.split("\n")

# Units: a unit starts at a line with leading space (or the signature /
# note lines) and takes the continuation lines that follow a blank line.
def units(lines):
    out, cur = [], None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.strip() == "":
            if cur is not None:
                cur["gap"].append(ln)
            else:
                out.append({"lines": [], "gap": [ln]})
            i += 1
            continue
        starts = ln.startswith(" ") or ln.startswith("(") or ln.startswith("[") \
            or cur is None or cur["gap"] == [] or len(cur["gap"]) > 1
        if starts:
            cur = {"lines": [ln], "gap": []}
            out.append(cur)
        else:
            cur["lines"].extend(cur["gap"] + [ln])
            cur["gap"] = []
        i += 1
    return out

def text_of(u):
    return [l for l in u["lines"] if l.strip()]

def rewrap(u, width=60):
    ls = text_of(u)
    if len(ls) < 2 or ls[0].lstrip().startswith(("(", "[")):
        return u["lines"]
    lead = re.match(r"^ *", ls[0]).group(0)
    words = " ".join(l.strip() for l in ls).split(" ")
    wrapped = textwrap.wrap(" ".join(words), width - len(lead),
                            break_long_words=False, break_on_hyphens=False)
    out = []
    for k, w in enumerate(wrapped):
        out.append((lead if k == 0 else "") + w)
        out.append("")
    return out[:-1]

us = units(lines)

def render(us, f=lambda u: u["lines"]):
    out = []
    for u in us:
        out.extend(f(u))
        out.extend(u["gap"])
    return "\n".join(out)

# rewrapped + furniture at the page break (before "  Dado")
rw = render(us, rewrap)
rw = "\n".join(l.rstrip() if l.strip() else l for l in rw.split("\n"))
rw = rw.replace("\n  Dado el", "\n20-17708 (S)    050121    070121\n*2017708*\n  Dado el", 1)
open("rewrapped.txt", "w", encoding="utf-8").write(rw)

def para_units(us):
    """Indices of the annex declaration's paragraphs (after the title)."""
    idx = [k for k, u in enumerate(us) if u["lines"] and
           re.match(r"^ {1,2}\S", u["lines"][0]) and not u["lines"][0].startswith("  Declaración")]
    start = next(k for k, u in enumerate(us) if u["lines"] and "Declaración conjunta" in u["lines"][0])
    return [k for k in idx if k > start]

P = para_units(us)
assert len(P) == 13, len(P)

ed = render(us)
ed = ed.replace("Exhortan a la comunidad mundial a que adopte todas las medidas necesarias con",
                "Exhortan a la comunidad internacional a que adopte todas las medidas posibles con", 1)
ed = ed.replace("con fines terroristas u otros fines delictivos.", "con fines terroristas o delictivos.", 1)
assert ed != render(us)
open("edited.txt", "w", encoding="utf-8").write(ed)

rm = [u for k, u in enumerate(us) if k != P[2]]
open("removed.txt", "w", encoding="utf-8").write(render(rm))

ro = list(us)
a, b = P[8], P[9]
ro[a], ro[b] = ro[b], ro[a]
open("reordered.txt", "w", encoding="utf-8").write(render(ro))
