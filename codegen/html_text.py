"""Turn the HTML of botocore's documentation strings into wrapped plain text for proto comments.

The model's docs use a small HTML vocabulary (p, code, a, i, b, ul/li, dl/dt/dd, note, important).
Proto comments are read in editors and on generated-code hovers, where tags are noise, so we keep the
words, turn list items into "- " bullets, notes into "Note:" paragraphs and links into "text (url)".
"""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "ul", "ol", "dl", "dt", "dd", "li", "note", "important", "fullname", "br", "div"}
_PREFIX = {"note": "Note: ", "important": "Important: "}


class _Collector(HTMLParser):
    """Collects paragraphs as (indent level, bullet, text) while walking the HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[int, str, str]] = []
        self._buf: list[str] = []
        self._depth = 0  # list nesting
        self._bullet = ""
        self._pending_prefix = ""
        self._href: list[str | None] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
        self._buf = []
        if text:
            self.paragraphs.append((self._depth, self._bullet, self._pending_prefix + text))
            self._bullet = ""
            self._pending_prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("ul", "ol", "dl"):
            self._depth += 1
        elif tag in ("li", "dt"):
            self._bullet = "- "
        elif tag in _PREFIX:
            self._pending_prefix = _PREFIX[tag]
        elif tag == "a":
            self._href.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href:
            href = self._href.pop()
            if href and href.startswith("http"):
                self._buf.append(f" ({href})")
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("ul", "ol", "dl"):
            self._depth = max(0, self._depth - 1)

    def handle_data(self, data: str) -> None:
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_lines(html: str, width: int = 96) -> list[str]:
    """Return the documentation as plain-text lines of at most `width` columns (URLs may exceed it)."""
    collector = _Collector()
    collector.feed(html or "")
    collector.close()
    lines: list[str] = []
    for depth, bullet, text in collector.paragraphs:
        indent = "  " * max(0, depth - 1)
        # A paragraph inside a list item (no bullet of its own) continues the item's indentation.
        first = indent + (bullet or ("  " if depth else ""))
        rest = indent + ("  " if depth else "")
        wrapped = textwrap.wrap(
            text,
            width=width,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        # Separate top-level paragraphs by a blank line; keep list items tight.
        if lines and depth == 0:
            lines.append("")
        lines.extend(line.rstrip() for line in wrapped)
    return lines
