#!/usr/bin/env python3
"""Draws the app's icons into public/: one main power at the centre, three auxiliary
participators around it, the Party committees' ring above them (the paper's "one main power and
three auxiliary participators"). PNGs for installing the app, the same shapes as SVG for the tab.
Run once after a change of design; the files are committed. Python's standard library only."""
import math
import struct
import zlib

BLUE, WHITE, GOLD = (29, 78, 216), (255, 255, 255), (245, 158, 11)
# (centre x, centre y, radius, colour) on a 0..1 square; later shapes paint over earlier ones.
SHAPES = [(0.5, 0.5, 0.17, WHITE), (0.5, 0.2, 0.08, GOLD),
          (0.22, 0.7, 0.09, WHITE), (0.78, 0.7, 0.09, WHITE), (0.5, 0.84, 0.09, WHITE)]


def pixel(x, y):
    for cx, cy, r, colour in reversed(SHAPES):
        if math.hypot(x - cx, y - cy) <= r:
            return colour
    # Spokes from the centre to each participant.
    for cx, cy, _, _ in SHAPES[1:]:
        dx, dy = cx - 0.5, cy - 0.5
        t = max(0.0, min(1.0, ((x - 0.5) * dx + (y - 0.5) * dy) / (dx * dx + dy * dy)))
        if math.hypot(x - 0.5 - t * dx, y - 0.5 - t * dy) <= 0.025:
            return WHITE
    return BLUE


def png(size):
    rows = b"".join(b"\0" + b"".join(bytes(pixel((i + 0.5) / size, (j + 0.5) / size))
                                      for i in range(size)) for j in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def svg():
    hexc = lambda c: "#%02x%02x%02x" % c
    spokes = "".join(f'<line x1="50" y1="50" x2="{cx*100:g}" y2="{cy*100:g}"/>' for cx, cy, _, _ in SHAPES[1:])
    circles = "".join(f'<circle cx="{cx*100:g}" cy="{cy*100:g}" r="{r*100:g}" fill="{hexc(c)}"/>' for cx, cy, r, c in SHAPES)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="{hexc(BLUE)}"/>'
            f'<g stroke="#fff" stroke-width="5">{spokes}</g>{circles}</svg>\n')


if __name__ == "__main__":
    for size in (192, 512):
        with open(f"public/icon-{size}.png", "wb") as f:
            f.write(png(size))
    with open("public/icon.svg", "w") as f:
        f.write(svg())
