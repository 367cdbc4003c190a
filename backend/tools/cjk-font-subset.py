#!/usr/bin/env python3
"""Build the bundled "Fasheng Sans SC" fonts from Noto Sans CJK SC.

Extracts the "Noto Sans CJK SC" face from the system Noto CJK TTC files,
subsets it to the characters a Chinese PDF (posters, reports) needs, drops
layout tables and hinting, converts the CFF (cubic) outlines to TrueType
(quadratic, glyf/loca) outlines -- PDFBox can only subset-embed glyf fonts --
and renames the family so the OFL Reserved Font Names ("Noto" trademark,
"Source") are not used by this modified version.

Requires fontTools (tested with 4.66.1):

    /tmp/ftenv/bin/python backend/tools/cjk-font-subset.py

Options: --src-dir (default /usr/share/fonts/opentype/noto), --out-dir
(default backend/src/main/resources/fonts, relative to this script),
--max-err (cu2qu approximation error in font units, default 1.0 of 1000 UPM),
--styles (default "Regular,Bold").

Output is deterministic for a given source font and fontTools version
(head.modified is copied from the source, not set to "now").

Font licence: SIL Open Font License 1.1, see src/main/resources/fonts/OFL.txt.
"""

import argparse
import os
import sys

from fontTools.agl import UV2AGL
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable

SOURCE_FACE = "Noto Sans CJK SC"
NEW_FAMILY = "Fasheng Sans SC"
NEW_PS_FAMILY = "FashengSansSC"

# Extra hanzi used in Shanghai place names / personal names (some are not in GB2312).
EXTRA_HANZI = "浦杨淞沪闵梓萱睿晞琰玥瑾铖昊彧垚淼堃旻祎翀喆"


def gb2312_chars(first_bytes, second_bytes=range(0xA1, 0xFF)):
    """All characters encoded by a valid 2-byte GB2312 sequence with the given lead bytes."""
    out = []
    for b1 in first_bytes:
        for b2 in second_bytes:
            try:
                ch = bytes((b1, b2)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.append(ch)
    return out


def wanted_codepoints():
    cps = set()
    # ASCII printable
    cps.update(range(0x20, 0x7F))
    # Latin-1 supplement (punctuation/symbols U+00A0-00BF, plus x, / and accented
    # letters, cheap and useful for foreign names); includes U+00B7 middle dot.
    cps.update(range(0xA0, 0x100))
    # General punctuation U+2000-206F (includes U+2014 em dash, U+2026 ellipsis,
    # curly quotes U+2018/2019/201C/201D, U+203B reference mark)
    cps.update(range(0x2000, 0x2070))
    # CJK symbols & punctuation
    cps.update(range(0x3000, 0x3040))
    # Halfwidth & fullwidth forms
    cps.update(range(0xFF00, 0xFFF0))
    # Explicitly requested (already covered above, kept for clarity)
    cps.update((0x00B7, 0x2014, 0x2026))
    # Circled numbers 1-20
    cps.update(range(0x2460, 0x2474))
    # Arrows commonly used in Chinese documents
    cps.update(range(0x2190, 0x219A))
    cps.update((0x21D2, 0x21D4))
    # Misc symbols often seen in Chinese forms/reports
    cps.update((
        0x20AC,          # euro sign
        0x2103,          # degree Celsius
        0x2116,          # numero sign
        0x2122,          # trade mark
        0x2E3A, 0x2E3B,  # two-/three-em dash
        0x30FB,          # katakana middle dot (often used as a name separator)
        0x2713,          # check mark (ballot boxes U+2610-2612 and U+2714/2717/2718 are not in Noto CJK)
    ))
    # GB2312 non-hanzi rows that Chinese text uses: 0xA1 punctuation & symbols,
    # 0xA2 numbering (1. (1) circled, parenthesised, Roman numerals),
    # 0xA6 Greek, 0xA8 pinyin letters with tones & bopomofo.
    cps.update(ord(c) for c in gb2312_chars((0xA1, 0xA2, 0xA6, 0xA8)))
    # All GB2312 hanzi, levels 1 and 2 (lead bytes 0xB0-0xF7): 6763 characters
    hanzi = gb2312_chars(range(0xB0, 0xF8))
    assert len(hanzi) == 6763, len(hanzi)
    cps.update(ord(c) for c in hanzi)
    cps.update(ord(c) for c in EXTRA_HANZI)
    return cps, set(ord(c) for c in hanzi)


def find_face(ttc_path, family):
    coll = TTCollection(ttc_path, lazy=True)
    for idx, font in enumerate(coll.fonts):
        if font["name"].getDebugName(1) == family:
            return idx
    raise SystemExit(f"face '{family}' not found in {ttc_path}")


def production_names(font):
    """Map the CID-keyed names (cid01234) to AGL / uniXXXX names.

    They are stored in a 'post' format 2 table: FontBox logs a WARNING
    ("No PostScript name data is provided") for every load of a post format 3
    font, which would be noise in the application log.
    """
    first_cp = {}
    for cp, g in sorted(font.getBestCmap().items()):
        first_cp.setdefault(g, cp)
    names, used = {}, set()
    for i, g in enumerate(font.getGlyphOrder()):
        if i == 0:
            n = ".notdef"
        elif g in first_cp:
            cp = first_cp[g]
            n = UV2AGL.get(cp) or ("uni%04X" % cp if cp <= 0xFFFF else "u%X" % cp)
        else:
            n = "glyph%05d" % i
        if n in used:
            n = "glyph%05d" % i
        used.add(n)
        names[g] = n
    return names


def cff_to_glyf(font, max_err):
    """Convert CFF outlines to TrueType quadratic outlines (after fontTools' otf2ttf snippet)."""
    assert font.sfntVersion == "OTTO" and "CFF " in font
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quad = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType clockwise -> reverse
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        quad[name] = tt_pen.glyph()

    # rename glyphs everywhere they are referenced (layout tables are dropped already)
    ren = production_names(font)
    glyph_order = [ren[g] for g in glyph_order]
    quad = {ren[g]: v for g, v in quad.items()}
    hmtx = font["hmtx"]
    hmtx.metrics = {ren[g]: m for g, m in hmtx.metrics.items()}
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.format != 14]  # no variation sequences needed
    for t in cmap.tables:
        t.cmap = {cp: ren[g] for cp, g in t.cmap.items()}

    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.setGlyphOrder(glyph_order)
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quad
    glyf.compile(font)

    # lsb must equal xMin for glyf fonts
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)  # fills numGlyphs / point & contour maxima

    post = font["post"]
    post.formatType = 2.0  # glyph names, see production_names()
    post.extraNames = []
    post.mapping = {}

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, style):
    name = font["name"]
    old = {(r.nameID, r.platformID, r.platEncID, r.langID): r.toUnicode() for r in name.names}
    version = "%.3f" % font["head"].fontRevision
    keep_ids = {0, 9, 13, 14}  # copyright, designer credit, licence description, licence URL
    name.names = [r for r in name.names if r.nameID in keep_ids and r.langID == 0x409]
    if not any(r.nameID == 0 for r in name.names) or not any(r.nameID == 13 for r in name.names):
        raise SystemExit("copyright/licence name records missing in source font")
    new = {
        1: NEW_FAMILY,
        2: style,
        3: f"{version};{NEW_PS_FAMILY}-{style}",
        4: f"{NEW_FAMILY} {style}",
        5: f"Version {version}",
        6: f"{NEW_PS_FAMILY}-{style}",
        10: (f"Subset of {SOURCE_FACE} {style} ({old.get((5, 3, 1, 0x409), '')}) with "
             "TrueType outlines, made for PDF embedding. Licensed under the SIL Open Font License 1.1."),
    }
    for nid, text in new.items():
        name.setName(text, nid, 3, 1, 0x409)
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))


def build(style, src_dir, out_dir, max_err, codepoints, hanzi):
    src = os.path.join(src_dir, f"NotoSansCJK-{style}.ttc")
    idx = find_face(src, SOURCE_FACE)
    font = TTFont(src, fontNumber=idx, recalcTimestamp=False)
    source_cmap = font.getBestCmap()
    missing = sorted(cp for cp in codepoints if cp not in source_cmap)
    # U+2000-206F / FF00-FFEF / A0-FF contain unassigned or format code points
    # that simply have no glyph; only report missing ones that matter.
    important = [cp for cp in missing if cp in hanzi or chr(cp) in EXTRA_HANZI
                 or 0x2460 <= cp <= 0x2473 or cp in (0x00B7, 0x2014, 0x2026)]
    if important:
        raise SystemExit("required characters missing from source: "
                         + " ".join("U+%04X" % cp for cp in important))

    opts = Options()
    opts.layout_features = []           # plain glyphs only
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]               # pruned in rename()
    opts.name_languages = ["*"]
    opts.recalc_timestamp = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    sub = Subsetter(opts)
    sub.populate(unicodes=codepoints)
    sub.subset(font)

    cff_to_glyf(font, max_err)
    rename(font, style)

    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, f"{NEW_PS_FAMILY}-{style}.ttf")
    font.save(out)

    check = TTFont(out)
    cmap = check.getBestCmap()
    stats = {
        "file": out,
        "bytes": os.path.getsize(out),
        "glyphs": check["maxp"].numGlyphs,
        "mapped_codepoints": len(cmap),
        "hanzi_gb2312": sum(1 for cp in hanzi if cp in cmap),
        "extra_hanzi": sum(1 for c in EXTRA_HANZI if ord(c) in cmap),
        "tables": sorted(t for t in check.keys() if t != "GlyphOrder"),
        "absent_optional_codepoints": len(missing),
    }
    assert check.sfntVersion == "\x00\x01\x00\x00" and "glyf" in check and "CFF " not in check
    assert check["post"].formatType == 2.0 and check["maxp"].tableVersion == 0x00010000
    return stats


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src-dir", default="/usr/share/fonts/opentype/noto")
    ap.add_argument("--out-dir", default=os.path.join(here, "..", "src", "main", "resources", "fonts"))
    ap.add_argument("--max-err", type=float, default=1.0)
    ap.add_argument("--styles", default="Regular,Bold")
    args = ap.parse_args()

    codepoints, hanzi = wanted_codepoints()
    print(f"requested code points: {len(codepoints)} (GB2312 hanzi {len(hanzi)}, "
          f"extra hanzi {len(set(EXTRA_HANZI))})")
    total = 0
    for style in args.styles.split(","):
        s = build(style.strip(), args.src_dir, os.path.normpath(args.out_dir), args.max_err, codepoints, hanzi)
        total += s["bytes"]
        print(f"{os.path.relpath(s['file'])}: {s['bytes']:,} bytes ({s['bytes'] / 1048576:.2f} MiB), "
              f"{s['glyphs']} glyphs, {s['mapped_codepoints']} mapped code points, "
              f"GB2312 hanzi {s['hanzi_gb2312']}/{len(hanzi)}, extra hanzi {s['extra_hanzi']}/{len(set(EXTRA_HANZI))}, "
              f"tables {' '.join(t.strip() for t in s['tables'])}")
    print(f"total: {total:,} bytes ({total / 1048576:.2f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
