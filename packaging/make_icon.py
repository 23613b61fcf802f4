"""Draws the program icon (resources/icons/verzuimdesk.png and .ico) with Pillow.

Run once after changing the design; the results are committed so a build needs no drawing:
    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "DejaVuSansCondensed-Bold.ttf"


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 16
    pen.rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size // 6, fill=(0, 94, 112, 255)
    )
    # a sheet with a check mark: a register that is kept
    sheet = (size * 0.27, size * 0.2, size * 0.73, size * 0.8)
    pen.rounded_rectangle(sheet, radius=size // 32, fill=(255, 255, 255, 255))
    for row in range(3):
        y = size * (0.34 + row * 0.12)
        pen.line((size * 0.35, y, size * 0.65, y), fill=(0, 94, 112, 255), width=size // 40)
    font = ImageFont.truetype(str(FONT), size // 4)
    pen.text((size * 0.5, size * 0.7), "vd", font=font, fill=(0, 94, 112, 255), anchor="mm")
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "verzuimdesk.png")
    image.save(
        ICONS / "verzuimdesk.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (256, 256)],
    )


if __name__ == "__main__":
    main()
