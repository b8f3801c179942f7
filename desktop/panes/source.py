"""The source view: the selected article's text with actors, cues and dates marked, and the selected sentence highlighted."""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from desktop.widgets.theme import (
    ACTOR_HUE, CUE_HUE, SOURCE_HUE, TARGET_HUE, TIME_HUE, accent, error_color, tint,
)

ARROW = "\u2192"


def describe_day(day) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def describe_timex(tx) -> str:
    """Tooltip text for a time expression: "on Wednesday → Wed 29 Aug 2018", plus how sure it is."""
    from datetime import timedelta

    if tx.interval_start is None:
        why = ("no publication date to resolve it against" if tx.certainty == "unresolved"
               else "not a point on the calendar")
        return f"{tx.text} {ARROW} not placed ({why})"
    start, end = tx.interval_start, tx.interval_end
    last = end - timedelta(days=1) if end else start
    if tx.granularity == "day" or last == start:
        shown = describe_day(start)
    elif tx.granularity == "month":
        shown = f"{start:%B %Y}"
    elif tx.granularity == "year":
        shown = f"{start:%Y}"
    elif tx.granularity == "week":
        shown = f"week of {describe_day(start)}"
    else:
        shown = f"{describe_day(start)} \u2013 {describe_day(last)}"
    detail = {"relative": "resolved from the publication date", "vague": "a vague period",
              "exact": "stated explicitly"}.get(tx.certainty, tx.certainty)
    future = ", after publication" if tx.future else ""
    return f"{tx.text} {ARROW} {shown}\n{detail}{future} (TIMEX3 {tx.value})"


class _Offsets:
    """Maps Python string offsets to QTextDocument positions (characters outside the BMP count twice in Qt)."""

    def __init__(self, text: str):
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self._qt = [i + n for n, i in enumerate(self._astral)]  # Qt position of each astral character

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def to_python(self, position: int) -> int:
        """The string offset of a Qt position (the inverse of calling the map)."""
        return position - bisect_left(self._qt, position) if self._astral else position


def _legend_chip(text: str, color: QColor) -> QLabel:
    chip = QLabel(text)
    chip.setStyleSheet(
        f"QLabel {{ background: rgba({color.red()},{color.green()},{color.blue()},{color.alpha()});"
        " border-radius: 3px; padding: 0px 4px; }"
    )
    return chip


class SourceView(QWidget):
    """Read-only article text bound to the selection state; re-renders on every analysis change."""

    def __init__(self, analysis, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.analysis, self.state = analysis, state
        self.article_id: str | None = None
        self._offsets = _Offsets("")
        self._sentence_range: tuple[int, int] | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel(self)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.meta.setWordWrap(True)
        self.editor = QTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setAcceptDrops(False)
        self.editor.setUndoRedoEnabled(False)
        self.editor.setPlaceholderText(
            "Select an article, a point on the timeline or a matrix cell to read its source here."
        )
        self.editor.document().setDocumentMargin(10)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._on_context_menu)
        legend = QHBoxLayout()
        legend.setSpacing(4)
        legend.addWidget(self.meta, 1)
        for text, hue in (("actor", ACTOR_HUE), ("cue", CUE_HUE), ("date", TIME_HUE)):
            legend.addWidget(_legend_chip(text, tint(hue, 70, self.palette())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(legend)
        layout.addWidget(self.editor, 1)
        state.article_changed.connect(self._on_article_changed)
        state.sentence_changed.connect(self._on_sentence_changed)
        state.items_changed.connect(self._on_items_changed)  # bound: it ends with this view
        analysis.subscribe(self._on_analysis_changed)
        self._on_article_changed(state.article)

    # ---- state -> view -----------------------------------------------------------------------
    def _on_items_changed(self, _items) -> None:
        self._highlight()

    def _on_article_changed(self, article_id) -> None:
        if article_id != self.article_id:
            self.show_article(article_id)

    def _on_sentence_changed(self, value) -> None:
        if value is not None and value[0] != self.article_id:
            self.show_article(value[0])
        else:
            self._highlight()

    def _on_analysis_changed(self, reason: str) -> None:
        if self.article_id is not None and self.article_id not in self.analysis:
            self.show_article(None)
        else:
            self.show_article(self.article_id, keep_scroll=True)

    def show_article(self, article_id: str | None, keep_scroll: bool = False) -> None:
        self.article_id = article_id if article_id in self.analysis else None
        bar = self.editor.verticalScrollBar()
        scroll = bar.value()
        if self.article_id is None:
            self.title.setText("No article selected")
            self.meta.setText("")
            self.editor.clear()
            self._offsets = _Offsets("")
            self._highlight()
            return
        result = self.analysis.result(self.article_id)
        article = result.article
        self.title.setText(article.title)
        published = (f"{describe_day(article.published)} ({article.published_origin})"
                     if article.published else "no publication date \u2014 set one in the article list")
        self.meta.setText(published)
        self._offsets = _Offsets(article.text)
        self.editor.setPlainText(article.text)
        self._mark(result)
        self._highlight(scroll=not keep_scroll)
        if keep_scroll:
            bar.setValue(scroll)

    def _mark(self, result) -> None:
        from core.analysis import REJECTED, statement_id

        pal = self.palette()
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()

        def paint(start: int, end: int, fmt: QTextCharFormat) -> None:
            cursor.setPosition(self._offsets(start))
            cursor.setPosition(self._offsets(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

        for m in result.mentions:
            fmt = QTextCharFormat()
            fmt.setBackground(tint(ACTOR_HUE, 40, pal))
            fmt.setToolTip(f"{m.text} {ARROW} {self.analysis.actor_name(m.actor_id)}")
            paint(m.start, m.end, fmt)
        for i, s in enumerate(result.statements):
            polarity = self.analysis.effective_polarity(statement_id(result.article.id, i), s)
            if polarity == REJECTED:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(tint(CUE_HUE, 45, pal))
            fmt.setFontItalic(True)
            who = self.analysis.actor_name(s.source_actor) or (s.source.text if s.source else "?")
            fmt.setToolTip(f"{who} \u2014 {s.cue.text} \u2014 {polarity}")
            paint(s.cue.start, s.cue.end, fmt)
        for tx in result.timexes:
            fmt = QTextCharFormat()
            if tx.interval_start is None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(error_color(pal))
            fmt.setBackground(tint(TIME_HUE, 70, pal))
            fmt.setToolTip(describe_timex(tx))
            paint(tx.start, tx.end, fmt)
        cursor.endEditBlock()

    def _highlight(self, scroll: bool = True) -> None:
        """Strongly highlight the selected sentence, and the parts of it the shown evidence points at."""
        selections = []
        self._sentence_range = None
        value = self.state.sentence
        if value is not None and self.article_id is not None and value[0] == self.article_id:
            result = self.analysis.result(self.article_id)
            if 0 <= value[1] < len(result.sentences):
                sentence = result.sentences[value[1]]
                self._sentence_range = (sentence.start, sentence.end)
                selections.append(self._selection(sentence.start, sentence.end, self._sentence_format()))
                for start, end, role in self._evidence_marks(value[1]):
                    selections.append(self._selection(start, end, self._role_format(role)))
        self.editor.setExtraSelections(selections)
        if self._sentence_range and scroll:
            self._scroll_to(self._sentence_range[0])

    def _evidence_marks(self, sentence_index: int) -> list[tuple[int, int, str]]:
        if not self.state.items:
            return []
        # this article's items: "<article id>:s3" / ":e3" (a prefix test: a search may select 100,000 items)
        prefix = f"{self.article_id}:"
        mine = [i[len(prefix):] for i in self.state.items if i.startswith(prefix)]
        statements = [prefix + t for t in mine if t[:1] == "s" and ":" not in t]
        events = [prefix + t for t in mine if t[:1] == "e" and ":" not in t]
        if not statements and not events:
            return []
        table = self.analysis.evidence(statements, events)
        marks = []
        for row in table.itertuples(index=False):
            if row.sentence_index == sentence_index:
                marks.extend(row.highlights)
        return marks

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._offsets(start))
        cursor.setPosition(self._offsets(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _sentence_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        color.setAlpha(150)
        fmt.setBackground(color)
        fmt.setForeground(self.palette().color(QPalette.ColorRole.Text))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return fmt

    def _role_format(self, role: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        hue = {"cue": CUE_HUE, "source": SOURCE_HUE, "target": TARGET_HUE, "time": TIME_HUE}.get(role, CUE_HUE)
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(accent(hue, self.palette()))
        fmt.setToolTip(role)
        return fmt

    def _scroll_to(self, offset: int) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._offsets(offset))
        self.editor.setTextCursor(cursor)
        rect = self.editor.cursorRect(cursor)
        bar = self.editor.verticalScrollBar()
        # A third of the way down leaves the preceding context in view.
        bar.setValue(bar.value() + rect.top() - self.editor.viewport().height() // 3)

    # ---- corrections in place ---------------------------------------------------------------
    def items_at(self, offset: int) -> list[tuple[str, str]]:
        """(item id, label) of the statements whose cue/source/target and events whose date cover `offset`."""
        if self.article_id is None:
            return []
        from desktop.panes.source_items import items_at

        return items_at(self.analysis, self.article_id, offset)

    def _on_context_menu(self, pos) -> None:
        menu = self.editor.createStandardContextMenu(pos)
        offset = self._offsets.to_python(self.editor.cursorForPosition(pos).position())
        found = self.items_at(offset)
        if found:
            from desktop.panes.correction_menu import correction_menu

            menu.addSeparator()
            corrections = correction_menu(menu, self.analysis, [i for i, _ in found], [label for _, label in found])
            corrections.setTitle("&Correct")
            menu.addMenu(corrections)
        menu.exec(self.editor.viewport().mapToGlobal(pos))

    # ---- for tests and other code ---------------------------------------------------------
    @property
    def highlighted_range(self) -> tuple[int, int] | None:
        """Article offsets of the strongly highlighted sentence, or None."""
        return self._sentence_range

    def qt_position(self, offset: int) -> int:
        return self._offsets(offset)
