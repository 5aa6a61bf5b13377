"""Draw the sample picture (assets/images/sample.png): a desk with a computer, a plant and a mug.

It stands in for a real photo in the format's image example and in new projects.
Run from the project folder: .venv/bin/python tools/draw_sample_picture.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 700


def draw(picture: ImageDraw.ImageDraw) -> None:
    picture.rectangle((0, 0, WIDTH, HEIGHT), fill="#e8eef5")
    picture.rectangle((0, 520, WIDTH, HEIGHT), fill="#c9a27a")  # desk top
    picture.rectangle((0, 520, WIDTH, 540), fill="#a9825c")
    # computer
    picture.rounded_rectangle((380, 120, 820, 430), radius=18, fill="#1d4e89")
    picture.rectangle((404, 144, 796, 406), fill="#ffffff")
    for row, width in enumerate((300, 340, 220, 320, 260, 180)):
        picture.rounded_rectangle((430, 170 + row * 36, 430 + width, 186 + row * 36), radius=8, fill="#b9c9dc" if row else "#e07a1f")
    picture.polygon([(570, 430), (630, 430), (650, 500), (550, 500)], fill="#174070")
    picture.rounded_rectangle((500, 500, 700, 522), radius=8, fill="#174070")
    # plant
    picture.polygon([(160, 520), (260, 520), (245, 420), (175, 420)], fill="#e07a1f")
    for box in ((130, 250, 230, 430), (190, 220, 270, 420), (160, 300, 300, 430)):
        picture.ellipse(box, fill="#3f8f5a")
    # mug and notebook
    picture.rounded_rectangle((930, 420, 1010, 520), radius=10, fill="#ffffff", outline="#1d4e89", width=6)
    picture.arc((990, 440, 1050, 500), 270, 90, fill="#1d4e89", width=10)
    picture.polygon([(860, 560), (1120, 560), (1150, 640), (890, 640)], fill="#ffffff", outline="#b9c9dc")


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw(ImageDraw.Draw(image))
    out = ROOT / "assets" / "images" / "sample.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=16).save(out, optimize=True)


if __name__ == "__main__":
    main()
