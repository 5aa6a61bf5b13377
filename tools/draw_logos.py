"""Draw the example schools' logos (assets/logos/*.png) with Pillow and the bundled Lato font.

Run from the project folder: .venv/bin/python tools/draw_logos.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "Lato-Bold.ttf"
SIZE = 720


def riverside(draw: ImageDraw.ImageDraw) -> None:
    draw.ellipse((20, 20, SIZE - 20, SIZE - 20), fill="#0b6e4f")
    for i, y in enumerate((430, 490, 550)):
        draw.arc((90, y - 60, SIZE - 90, y + 60), 200, 340, fill="#f2a541" if i == 0 else "#ffffff", width=22)
    draw.text((SIZE / 2, 270), "R", font=ImageFont.truetype(str(FONT), 300), fill="#ffffff", anchor="mm")


def northgate(draw: ImageDraw.ImageDraw) -> None:
    shield = [(60, 40), (SIZE - 60, 40), (SIZE - 60, 380), (SIZE / 2, SIZE - 30), (60, 380)]
    draw.polygon(shield, fill="#7a1f3d")
    draw.rectangle((60, 40, SIZE - 60, 120), fill="#d4a017")
    draw.text((SIZE / 2, 360), "NG", font=ImageFont.truetype(str(FONT), 250), fill="#ffffff", anchor="mm")


def lakeside(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((30, 30, SIZE - 30, SIZE - 30), radius=120, fill="#4b2e83")
    draw.polygon([(150, 470), (360, 170), (570, 470)], fill="#2ab7a9")
    draw.polygon([(260, 470), (360, 320), (460, 470)], fill="#ffffff")
    draw.rectangle((120, 500, SIZE - 120, 530), fill="#ffffff")
    draw.text((SIZE / 2, 600), "LAKESIDE", font=ImageFont.truetype(str(FONT), 70), fill="#ffffff", anchor="mm")


for name, painter in (("riverside", riverside), ("northgate", northgate), ("lakeside", lakeside)):
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    painter(ImageDraw.Draw(image))
    image.save(ROOT / "assets" / "logos" / f"{name}.png", optimize=True)
