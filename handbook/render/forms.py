"""The document's interactive form: ReportLab's, with each checkbox look drawn once.

ReportLab makes six appearance streams (normal, down and rollover, ticked and
not) for every checkbox, then keeps one copy of each distinct stream. The
checkboxes of a checklist all look alike, so the streams are made once per
look and document and shared.
"""

from __future__ import annotations

from reportlab.pdfbase.acroform import AcroForm

from handbook import cache


class SharedAppearanceForm(AcroForm):
    """An AcroForm that makes each distinct checkbox appearance once."""

    def checkboxAP(self, *args, **kwargs):
        if not cache.enabled():
            return super().checkboxAP(*args, **kwargs)
        made = vars(self).setdefault("_appearances", {})
        key = (args, tuple(sorted(kwargs.items())))  # ReportLab's colours hash and compare by value
        if key not in made:
            made[key] = super().checkboxAP(*args, **kwargs)
        return made[key]
