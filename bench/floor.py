"""The floor: the most direct ReportLab code for the default handbook, with nothing of handbook's own.

Same text, the same embedded Lato fonts, a cover, a contents page with page
numbers (ReportLab's TableOfContents, laid out by multiBuild), "page N of M"
footers (the usual two-pass canvas), bullets, callouts, the salary table and
bar chart, and the fillable checklist. Every benchmark figure is a ratio to it.

    python bench/floor.py OUT.pdf          # one build
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
PRIMARY, ACCENT, INK = colors.HexColor("#1d4e89"), colors.HexColor("#e07a1f"), colors.HexColor("#1f2933")
TITLE = "Medical Coding Careers"

SECTIONS = [
    (
        "Introduction",
        [
            (
                "p",
                "Every visit to a doctor, every test and every treatment leaves a record. <b>Medical coding</b> turns those patient records into standardized codes, and those codes are what billing and insurance run on. Without coders, the healthcare industry could not get paid for the care it gives.",
            ),
            (
                "p",
                "It is a career with real rewards: room to grow, job security, and the chance to play a part in how the healthcare system works.",
            ),
            (
                "p",
                "This guide walks you through what medical coders do, the skills they need, the education employers look for, what the work pays, and the steps you can take to start.",
            ),
            (
                "callout",
                (
                    "Is this for you?",
                    "If you like details, puzzles and healthcare, but would rather not work at a patient's bedside, medical coding is worth a closer look.",
                ),
            ),
        ],
    ),
    (
        "Responsibilities of a Medical Coder",
        [
            ("p", "A medical coder's working day centres on five tasks."),
            (
                "ul",
                [
                    "Giving each diagnosis, procedure and service the right medical code.",
                    "Keeping codes accurate and in line with coding guidelines and regulations.",
                    "Reading patients' medical records to pull out what is needed for coding.",
                    "Asking healthcare providers to clarify diagnoses and procedures when a record is unclear.",
                    "Finding and fixing discrepancies and errors in coding.",
                ],
            ),
            (
                "callout",
                (
                    "Why accuracy matters",
                    "A wrong code can mean a rejected insurance claim or a bill the patient should never have received. Coders are the check that catches these mistakes.",
                ),
            ),
        ],
    ),
    (
        "Skills Required for Medical Coding",
        [
            ("p", "Employers look for people who bring these skills."),
            (
                "ul",
                [
                    "<b>Attention to detail</b>: a strong eye for small differences that change a code.",
                    "<b>Analysis and problem solving</b>: working out what a record really says.",
                    "<b>Medical terminology and anatomy</b>: knowing the language of medicine and the body.",
                    "<b>Coding systems</b>: proficiency in ICD-10, CPT and HCPCS.",
                    "<b>Communication</b>: effective communication and interpersonal skills for talking with providers.",
                ],
            ),
        ],
    ),
    (
        "Educational Requirements",
        [
            (
                "p",
                "Some entry-level medical coding jobs do not demand formal education, but most employers prefer candidates who have some education or a certification in medical coding.",
            ),
            ("p", "These are the common paths into the field:"),
            (
                "ul",
                [
                    "A certificate program in medical coding.",
                    "An associate's degree in health information technology.",
                    "A bachelor's degree in healthcare management or a related field.",
                    "Certification through an organization such as AHIMA or AAPC.",
                ],
            ),
            (
                "callout",
                (
                    "Tip",
                    "Ask each program whether it prepares you for an AHIMA or AAPC certification exam, and how many of its students pass.",
                ),
            ),
        ],
    ),
    (
        "Salary Potential",
        [
            (
                "p",
                "The Bureau of Labor Statistics counts medical coders among medical records and health information technicians. For that group, the median annual wage was $42,630 in 2020, and the top 10% of earners made more than $73,370 a year.",
            ),
            ("salary", None),
            ("p", "What you earn can vary with your experience, education, certification and geographic location."),
        ],
    ),
    (
        "Benefits of a Career in Medical Coding",
        [
            (
                "ul",
                [
                    "<b>Stability</b>: job stability, and demand for skilled medical coders.",
                    "<b>Growth</b>: opportunities for advancement and career growth.",
                    "<b>Flexibility</b>: the ability to work remotely or in various healthcare settings.",
                    "<b>Pay</b>: a competitive salary and benefits.",
                    "<b>Purpose</b>: a contribution to the healthcare industry and to patient care.",
                ],
            ),
        ],
    ),
    (
        "How to Pursue a Career in Medical Coding",
        [
            ("p", "Five steps take you from interested to employed. Tick each one off as you go."),
            (
                "check",
                [
                    "Research educational programs and certifications in medical coding.",
                    "Gain hands-on experience through internships or entry-level positions.",
                    "Get certified by a reputable organization such as AHIMA or AAPC.",
                    "Network with professionals in the healthcare industry to explore job opportunities.",
                    "Keep up with coding guidelines and regulations through continuing education.",
                ],
            ),
        ],
    ),
    (
        "Conclusion",
        [
            (
                "p",
                "Medical coding lets you work in healthcare using specialized skills that keep billing and documentation accurate. Demand for skilled medical coders is on the rise, and a career in the field can bring job stability, competitive salaries and opportunities for advancement.",
            ),
            (
                "p",
                "With the right skills and certifications, an aspiring medical coder can start a rewarding career that has a positive effect on the healthcare system.",
            ),
            (
                "p",
                "<i>\u201cWhether you are a recent graduate or looking to make a career change, medical coding can be a fulfilling and lucrative choice for anyone interested in healthcare and technology.\u201d</i>",
            ),
            ("p", "If that sounds like you, explore the field of medical coding: it is a rewarding and challenging professional journey."),
        ],
    ),
]


def register_fonts() -> None:
    if "Lato" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        ("Lato", "Lato-Regular"),
        ("Lato-Bold", "Lato-Bold"),
        ("Lato-Italic", "Lato-Italic"),
        ("Lato-BoldItalic", "Lato-BoldItalic"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{file}.ttf")))
    pdfmetrics.registerFontFamily("Lato", normal="Lato", bold="Lato-Bold", italic="Lato-Italic", boldItalic="Lato-BoldItalic")


class PageCountCanvas(Canvas):
    """The usual recipe for "page N of M": keep every page's state, draw the footers at save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont("Lato", 8.5)
                self.drawRightString(LETTER[0] - 0.85 * inch, 0.65 * inch, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


class Box(Flowable):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def wrap(self, *args):
        return 11, 11

    def draw(self):
        self.canv.rect(0, 0, 11, 11)
        self.canv.acroForm.checkbox(name=self.name, x=1.5, y=1.5, size=8, relative=True, borderWidth=0, annotationFlags="print")


class Doc(BaseDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            key = f"s{self.seq.nextf('h1')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, 0)
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page, key))


def build(out) -> None:
    register_fonts()
    body = ParagraphStyle("body", fontName="Lato", fontSize=10.5, leading=15.5, textColor=INK, spaceAfter=7)
    h1 = ParagraphStyle(
        "h1", parent=body, fontName="Lato-Bold", fontSize=20, leading=24, textColor=PRIMARY, spaceBefore=18, spaceAfter=10, keepWithNext=1
    )
    h2 = ParagraphStyle("h2", parent=body, fontName="Lato-Bold", fontSize=12.5, leading=16, textColor=PRIMARY, keepWithNext=1)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11)
    width, height = LETTER
    frame = Frame(0.85 * inch, 0.95 * inch, width - 1.7 * inch, height - 1.95 * inch, id="f")

    def cover(canvas, doc):
        canvas.setFillColor(PRIMARY)
        canvas.rect(0, height * 0.42, width, height * 0.58, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("Lato-Bold", 38)
        canvas.drawString(0.85 * inch, height - 2.2 * inch, TITLE)
        canvas.setFont("Lato", 18)
        canvas.drawString(0.85 * inch, height - 2.7 * inch, "A Comprehensive Guide")

    def header(canvas, doc):
        canvas.setFont("Lato", 8.5)
        canvas.drawString(0.85 * inch, height - 0.7 * inch, TITLE)

    doc = Doc(out, pagesize=LETTER, title=TITLE, author="Career Guidance Office", invariant=1, pageCompression=1, initialFontName="Lato")
    doc.addPageTemplates([PageTemplate("cover", [frame], onPage=cover), PageTemplate("body", [frame], onPage=header)])
    toc = TableOfContents(
        levelStyles=[ParagraphStyle("toc", parent=body, fontSize=12, leading=16)],
        dotsMinLevel=0,
        tableStyle=TableStyle([("FONT", (0, 0), (-1, -1), "Lato"), ("VALIGN", (0, 0), (-1, -1), "TOP")]),
    )
    story = [NextPageTemplate("body"), PageBreak(), Paragraph("Contents", h1), toc, PageBreak()]
    for title, blocks in SECTIONS:
        story.append(Paragraph(title, h1))
        for kind, content in blocks:
            if kind == "p":
                story.append(Paragraph(content, body))
            elif kind == "ul":
                story.append(
                    ListFlowable(
                        [ListItem(Paragraph(t, body)) for t in content], bulletType="bullet", start="\u2022", bulletFontName="Lato"
                    )
                )
            elif kind == "callout":
                table = Table([[[Paragraph(f"<b>{content[0]}</b>", body), Paragraph(content[1], body)]]])
                table.setStyle(
                    TableStyle([("FONT", (0, 0), (-1, -1), "Lato"), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9"))])
                )
                story.append(table)
            elif kind == "salary":
                rows = [
                    ["", "Per year", "Per hour"],
                    ["Median annual wage", "$42,630", "$20.50"],
                    ["Top 10% of earners", "more than $73,370", "more than $35.27"],
                ]
                table = Table(rows, repeatRows=1)
                table.setStyle(
                    TableStyle(
                        [
                            ("FONT", (0, 0), (-1, -1), "Lato"),
                            ("BACKGROUND", (0, 0), (-1, 0), PRIMARY),
                            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                        ]
                    )
                )
                chart = Drawing(460, 80, initialFontName="Lato")
                for i, (label, value) in enumerate((("Median annual wage", 42630), ("Top 10% of earners", 73370))):
                    chart.add(String(0, 50 - 30 * i, label, fontName="Lato", fontSize=9))
                    chart.add(Rect(120, 46 - 30 * i, value / 100000 * 320, 14, fillColor=PRIMARY, strokeColor=None))
                story += [
                    Paragraph("What medical records and health information technicians earn", h2),
                    table,
                    Paragraph("Source: U.S. Bureau of Labor Statistics, 2020.", small),
                    chart,
                ]
            elif kind == "check":
                rows = [[Box(f"step{i}"), Paragraph(text, body)] for i, text in enumerate(content)]
                table = Table(rows, colWidths=[21, None])
                table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Lato")]))
                story += [Paragraph("Your five steps", h2), table]
        story.append(Spacer(1, 6))
    doc.multiBuild(story, canvasmaker=PageCountCanvas)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "floor.pdf")
