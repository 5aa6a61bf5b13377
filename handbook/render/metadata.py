"""Who and what a document is, for viewers and assistive technology: its XMP metadata packet.

The packet repeats the Info dictionary ReportLab writes (title, author, subject, keywords,
creator and dates, read back from it so the two cannot differ) and adds the language and
the claim that the file conforms to PDF/UA-1 (ISO 14289-1). It
is written as a plain, unfiltered stream, which tools that do not read PDF can still find.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream, format
from reportlab.pdfgen.canvas import Canvas

from handbook.render.inline import escape  # &, < and > as entities: all XML text needs

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


class XMPStream(PDFStream):
    """A /Metadata stream with no filter: ReportLab's own would write `/Filter []` for an empty list."""

    def __init__(self, packet: bytes) -> None:
        super().__init__(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), packet)

    def format(self, document) -> bytes:
        dictionary = PDFDictionary(dict(self.dictionary.dict, Length=len(self.content)))
        return format(dictionary, document) + b"\nstream\n" + self.content + b"endstream\n"


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def xmp_packet(
    *, title: str, author: str, subject: str, keywords: str, creator: str, language: str, date: tuple[int, ...], offset: tuple[int, int]
) -> bytes:
    """The XMP packet, as UTF-8; `date` is (year, month, day, hour, minute, second) at `offset` (hours, minutes) from UTC."""
    hours, minutes = offset
    zone = "Z" if hours == minutes == 0 else f"{'-' if hours < 0 else '+'}{abs(hours):02d}:{abs(minutes):02d}"
    when = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*date[:6]) + zone
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_text(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_text(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_text(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_text(language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{_text(keywords)}</pdf:Keywords>
   <xmp:CreatorTool>{_text(creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
""".encode()


def add_metadata(canvas: Canvas, language: str) -> None:
    """Give the canvas's document an XMP packet agreeing with its Info dictionary, in `language`."""
    document = canvas._doc
    info, stamp = document.info, document._timeStamp
    packet = xmp_packet(
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=info.creator,
        language=language,
        date=stamp.YMDhms,
        offset=(stamp.dhh, stamp.dmm),
    )
    document.Catalog.Metadata = XMPStream(packet)
