"""The printable pages as PDF (fpdf2), with an embedded DejaVu Sans font for every accent.

The font files come with matplotlib, which Rasa installs; nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF

from bot.printable import Page

FONT = "DejaVu"
MARGIN_MM = 18


@lru_cache(maxsize=1)
def font_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise RuntimeError("matplotlib (installed with Rasa) is needed for the PDF font")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def to_pdf(page: Page) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.add_font(FONT, "", str(font_dir() / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(font_dir() / "DejaVuSans-Bold.ttf"))
    pdf.set_lang(page.language)
    pdf.set_title(page.title)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(width, 9, page.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 12)
    pdf.multi_cell(width, 6.5, page.intro, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(width, 6, page.made_on, new_x="LMARGIN", new_y="NEXT")
    for block in page.blocks:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 14)
        pdf.multi_cell(width, 8, block.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 12)
        for line in block.lines:
            if block.kind == "notes":
                pdf.ln(9)
                pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
            else:
                pdf.multi_cell(width, 6.5, f"•  {line}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(width, 5, page.source, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
