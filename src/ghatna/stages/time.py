"""Time stage: date expressions of each sentence, resolved against the publication date."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ghatna.model import Document, TimeMention
from ghatna.resources import Resources
from ghatna.text.normalize import raw_span


class TimeStage:
    def __init__(self, res: Resources, lang: str) -> None:
        self.tagger = res.time_tagger(lang)

    def __call__(self, doc: Document) -> Document:
        if self.tagger is None:  # a language without time words: no dates from the text
            doc.times = []
            return doc
        published = doc.article.published
        tok_starts = [t.nstart for t in doc.tokens]
        tok_ends = [t.nend for t in doc.tokens]
        out: list[TimeMention] = []
        for si, s in enumerate(doc.sentences):
            for e in self.tagger.find(doc.norm[s.nstart : s.nend], published=published):
                ns, ne = s.nstart + e.start, s.nstart + e.end
                rs, re_ = raw_span(doc.norm_map, ns, ne)
                ts = bisect_right(tok_ends, ns)
                te = max(ts + 1, bisect_left(tok_starts, ne))
                out.append(TimeMention(
                    rs, re_, doc.text[rs:re_], si, ts, te, e.value, e.granularity, e.basis, e.kind,
                    e.recurrence, e.begin, e.finish,
                ))
        doc.times = out
        return doc
