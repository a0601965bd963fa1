"""Web pages and news feeds written for the tests (and the HTML benchmark): Hindi and English
stories in the markup news sites wrap them in — menus, a list of other stories, a footer,
scripts — and RSS 2.0 and Atom feeds that list them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape


@dataclass(frozen=True, slots=True)
class Story:
    slug: str
    lang: str
    title: str
    paragraphs: tuple[str, ...]
    published: date

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


HINDI = (
    Story("nepal-border-talks", "hi", "भारत और नेपाल सीमा पर बातचीत जारी रखेंगे", (
        "विदेश मंत्री एस जयशंकर ने सोमवार को काठमांडू में नेपाल के प्रधानमंत्री से मुलाकात की।",
        "दोनों देशों ने सीमा विवाद पर बातचीत जारी रखने पर सहमति जताई।",
        "जयशंकर ने नेपाल को भूकंप से टूटे स्कूलों के लिए सहायता देने की घोषणा भी की।",
    ), date(2025, 2, 11)),
    Story("jammu-attack-condemned", "hi", "भारत ने जम्मू हमले की निंदा की", (
        "भारत ने मंगलवार को जम्मू में हुए आतंकी हमले की कड़ी निंदा की।",
        "विदेश मंत्रालय ने पाकिस्तान से आतंकवादियों पर कार्रवाई करने की अपील की।",
    ), date(2025, 2, 12)),
    Story("iran-sanctions", "hi", "अमेरिका ने ईरान पर नए प्रतिबंध लगाए", (
        "अमेरिका ने बुधवार को ईरान पर नए प्रतिबंध लगाए।",
        "ईरान ने इन प्रतिबंधों की आलोचना की और कहा कि वह दबाव में नहीं झुकेगा।",
    ), date(2025, 2, 13)),
)

ENGLISH = (
    Story("india-japan-defence", "en", "India and Japan sign a defence pact", (
        "Prime Minister Narendra Modi met the Japanese Prime Minister in Tokyo on Tuesday.",
        "India and Japan signed an agreement on defence cooperation during the visit.",
        "The two leaders also discussed trade and investment in railways.",
    ), date(2025, 2, 11)),
    Story("china-condemns-sanctions", "en", "China condemns new US sanctions", (
        "China on Wednesday condemned the sanctions the United States imposed on its technology firms.",
        "The foreign ministry in Beijing urged Washington to withdraw the measures at once.",
    ), date(2025, 2, 12)),
)

STORIES = HINDI + ENGLISH

MENU = {"hi": ("होम", "देश", "दुनिया", "खेल", "मनोरंजन"), "en": ("Home", "India", "World", "Sport", "Opinion")}
RELATED = {"hi": ("और पढ़ें", ("संसद में विपक्ष का हंगामा", "चीन ने ताइवान को धमकी दी", "शेयर बाजार में तेजी")),
           "en": ("Read more", ("Opposition walks out of parliament", "China threatens Taiwan", "Markets rally"))}
FOOTER = {"hi": "© 2025 समाचार दर्पण। सर्वाधिकार सुरक्षित।", "en": "© 2025 The Daily Mirror of News. All rights reserved."}


def page(story: Story, *, base: str = "https://news.example", canonical: bool = True, dated: bool = True,
         declare_lang: str | None = "", extra: str = "") -> str:
    """The story as a news site serves it. ``declare_lang`` None leaves ``<html lang>`` out, ""
    declares the story's own language; ``extra`` is a paragraph added at the end (a changed page)."""
    lang = story.lang if declare_lang == "" else declare_lang
    menu = "".join(f'<li><a href="/{i}">{escape(w)}</a></li>' for i, w in enumerate(MENU[story.lang]))
    label, others = RELATED[story.lang]
    related = "".join(f'<li><a href="/other/{i}">{escape(t)}</a></li>' for i, t in enumerate(others))
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in (*story.paragraphs, *([extra] if extra else [])))
    head = [f"<title>{escape(story.title)} | {'समाचार दर्पण' if story.lang == 'hi' else 'Daily Mirror'}</title>",
            f'<meta property="og:title" content="{escape(story.title)}">']
    if canonical:
        head.append(f'<link rel="canonical" href="{base}/{story.slug}">')
    if dated:
        head.append(f'<meta property="article:published_time" content="{story.published.isoformat()}T09:30:00+05:30">')
    html_lang = f' lang="{lang}"' if lang else ""
    byline = f'<div class="byline">{story.published.isoformat()}</div>\n' if dated else ""
    return (f'<!DOCTYPE html>\n<html{html_lang}>\n<head>\n<meta charset="utf-8">\n' + "\n".join(head) +
            '\n<script>window.dataLayer = [{"page": "article"}];</script>\n</head>\n<body>\n'
            f'<header><nav><ul class="menu">{menu}</ul></nav></header>\n'
            f'<main><article>\n<h1>{escape(story.title)}</h1>\n{byline}'
            f'{paras}</article>\n'
            f'<aside class="related"><h2>{escape(label)}</h2><ul>{related}</ul></aside></main>\n'
            f'<footer><p>{escape(FOOTER[story.lang])}</p></footer>\n'
            '<script>console.log("analytics");</script>\n</body>\n</html>\n')


@dataclass(frozen=True, slots=True)
class Entry:
    link: str
    title: str
    published: str  # as the feed writes it
    guid: str | None = None
    updated: str | None = None
    summary: str = ""


def rss(title: str, link: str, entries: list[Entry]) -> str:
    items = "".join(
        f"<item><title>{escape(e.title)}</title><link>{escape(e.link)}</link>"
        + (f'<guid isPermaLink="false">{escape(e.guid)}</guid>' if e.guid else "")
        + f"<pubDate>{escape(e.published)}</pubDate><description>{escape(e.summary)}</description></item>\n"
        for e in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>{escape(link)}</link><description>{escape(title)}</description>\n"
            f"{items}</channel></rss>\n")


def atom(title: str, link: str, entries: list[Entry]) -> str:
    items = "".join(
        f'<entry><title>{escape(e.title)}</title><link rel="alternate" href="{escape(e.link)}"/>'
        f"<id>{escape(e.guid or e.link)}</id><published>{escape(e.published)}</published>"
        f"<updated>{escape(e.updated or e.published)}</updated><summary>{escape(e.summary)}</summary></entry>\n"
        for e in entries)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>{escape(title)}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
            f"<updated>2025-02-13T10:00:00Z</updated>\n{items}</feed>\n")
