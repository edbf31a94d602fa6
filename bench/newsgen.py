"""Unrelated news pages for the backfill benchmark (bench/backfill.py).

The benchmark builds a CC-NEWS-shaped web archive in which about 99% of the pages
are ordinary news that is NOT about the Korean stock market.  This module makes
those pages: full news-site HTML (meta tags, inline CSS, scripts, navigation, the
article, related stories, a newsletter form, a footer) with 500-1,500 words of body
text composed from sentence templates with random slots, for 18 topics.

Decoys that a Korean-market relevance filter must not be fooled by, at realistic
rates: world news on North/South Korea politics (~1 page in 60), sport or K-pop set
in Seoul (~1 in 100), reviews of Samsung/LG/Hyundai/Kia products priced in dollars
or euros (~1 in 80), and "won" used as a verb throughout sports reports.  Pages
never name a Korean exchange or index, never give amounts in Korean won, and never
mention Korea in a paragraph that talks about stocks, shares, markets, an index,
investors, securities, a currency or exchange rates.

Everything here (outlets, templates, word lists, CSS and JS) was written by us for
this benchmark; no third-party text is copied.
"""
from __future__ import annotations

import html
import json
import random
import re
import time
from collections import Counter
from datetime import datetime, timedelta
from functools import lru_cache

from newsgen_stories import KOREA, TOPICS, _split

__all__ = ["unrelated_page", "html_template_check"]


_words = str.split

# -- word lists ------------------------------------------------------------------------------

FIRST_M = _words("James Tom Daniel Liam Omar Lucas Mateo Ethan Noah Samuel Owen Marcus Felix Hugo Adam Jonas Victor Rafael Patrick Martin")
FIRST_F = _words("Maria Aisha Sofia Chloe Hannah Priya Grace Fatima Elena Zara Ingrid Leila Nadia Rosa Claire Amara Lena Eve Yasmin Julia")
SURNAMES = _words("""Harper Okafor Lindqvist Moreau Bennett Castillo Novak Fitzgerald Reyes Whitaker Haddad Sorensen Mendes Ashworth Kowalski
    Delaney Marchetti Osei Brennan Varga Holloway Duarte Fischer Quinn Romero Sandoval Thorne Abara Keller Lambert Nakamura Petrova
    Greaves Ibrahim Costa Hale Mercer Dubois Walsh Eriksen""")
TOWNS = _split("""Ashford | Brackenridge | Calder Bay | Dunmore | Elmsworth | Fairhaven | Glenrock | Hollins Cross | Kingsmere | Larkfield
    Millbrook | Northam | Oakridge | Pellham | Redcliff | Stonebridge | Thornbury | Westmere | Whitlow | Yarrow Point""")
PLACES = _words("""Lisbon Nairobi Toronto Melbourne Madrid Warsaw Mumbai Oslo Cairo Lima Manila Dublin Vienna Istanbul Jakarta Athens
    Brussels Santiago Helsinki Bangkok Hanoi Prague Geneva Montreal Copenhagen Rotterdam Marseille Seville""")
COUNTRIES = _split("""France:Paris | Brazil:Brasilia | Kenya:Nairobi | Canada:Ottawa | Indonesia:Jakarta | Poland:Warsaw | Argentina:Buenos Aires
    Nigeria:Abuja | Spain:Madrid | Mexico:Mexico City | Egypt:Cairo | Australia:Canberra | Chile:Santiago | Peru:Lima
    the Philippines:Manila | Germany:Berlin | Portugal:Lisbon | Romania:Bucharest""")
MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
PARTIES = _split("""the Progressive Alliance | the Civic Party | the Liberal Union | the People's Movement | the Green Coalition
    the National Reform Party | the Social Democrats | the Independent Citizens' List""")
FIRMS = _split("Calloway Capital | Brightwater Asset Management | Harrowgate Partners | Linden Street Advisers | Torrance & Vale")
COMPANIES = _split("Halden Industries | Crestmark Group | Veritas Logistics | Norland Foods | Aldane Pharma | Silverline Retail | Orbis Aerospace")
GADGETS = _split("phone:Pro 3 | laptop:Air 14 | earbuds:Buds X | smartwatch:Watch S | tablet:Tab 11 | e-reader:Page")
K_PRODUCTS = _split("""phone:Samsung:Samsung Galaxy S25 | phone:Samsung:Samsung Galaxy A56 | phone:Samsung:Samsung Galaxy Z Flip
    tv:LG:LG OLED evo C5 TV | tv:LG:LG QNED TV | tv:Samsung:Samsung Neo QLED TV
    car:Hyundai:Hyundai Ioniq 5:ev | car:Kia:Kia EV3:ev | car:Kia:Kia Sportage hybrid:hybrid | car:Hyundai:Hyundai Tucson hybrid:hybrid""")
K_BANDS = _split("Starlight Avenue | LUMEN | Bright Hour | VELVET MOON | AURORA LINE | Crystal Wave")

# -- slot generators: sticky slots keep one value per page, fresh ones vary at each use ----------


def _first(f, g=None):
    return f.r.choice(FIRST_F if (g or f.r.choice("mf")) == "f" else FIRST_M)


def _name(f, g=None):
    return f"{_first(f, g)} {f.r.choice(SURNAMES)}"


def _other(f, key, gen):
    """A value from gen() that differs from the page's value of key."""
    taken = f.get(key)
    while (v := gen()) == taken:
        pass
    return v


def _team(f):
    return f"{f.r.choice(TOWNS)} {f.r.choice(_words('United City Rovers Athletic Wanderers Albion Town Harriers'))}"


def _pick(options: str):
    items = _split(options)
    return lambda f: f.fill(f.r.choice(items), cap=False)


def _updown(up: str, down: str):
    ups, downs = _split(up), _split(down)
    return lambda f: f.r.choice(ups if f.get("dir") > 0 else downs)


def _num(lo, hi, fmt="{:,}"):
    return lambda f: fmt.format(f.r.randint(lo, hi))


def _real(lo, hi, fmt="{:.1f}"):
    return lambda f: fmt.format(f.r.uniform(lo, hi))


def _money(lo, hi, step=1):
    return lambda f: f"{f.get('cur')}{f.r.randint(lo, hi) * step:,}"


STICKY = {
    "city": lambda f: f.site["city"] if f.r.random() < 0.6 else f.r.choice(TOWNS), "village": lambda f: f.r.choice(TOWNS),
    "hometown": lambda f: f.r.choice(TOWNS), "gender": lambda f: f.r.choice("mf"), "person": lambda f: _name(f, f.get("gender")),
    "he": lambda f: "he" if f.get("gender") == "m" else "she", "his": lambda f: "his" if f.get("gender") == "m" else "her",
    "him": lambda f: "him" if f.get("gender") == "m" else "her", "He": lambda f: f.get("he").capitalize(), "His": lambda f: f.get("his").capitalize(),
    **{k: _name for k in _words("expert official reporter keeper judge cand1 cand2 director")},
    **{k: lambda f: _name(f, "m") for k in _words("scorer coach1 coach2 defendant actor")},
    "chef": lambda f: _name(f, "f"), "singer": lambda f: _name(f, "f"), "spouse": lambda f: _first(f),
    "team1": _team, "team2": lambda f: _other(f, "team1", lambda: _team(f)),
    "s1": lambda f: f.r.randint(2, 5), "s2": lambda f: f.r.randint(0, min(3, f.get("s1") - 1)),
    "venue": _pick("{surname} Park | the {town} Stadium | Riverside Ground | the Memorial Ground"),
    "league": _pick("Northern Premier Division | Coastal League | Championship | Southern Counties League | National Division One"),
    "pos": _pick("second | third | fourth | fifth | sixth"), "crowd": lambda f: f"{f.r.randint(8, 61) * 1000 + f.r.randint(0, 999):,}",
    "region": _pick("the north-west | coastal areas | the southern counties | the eastern valleys | the islands | the uplands"),
    "temp": _num(31, 41), "frost": _num(-9, 1), "colour": _pick("yellow | amber"), "storm": lambda f: _first(f),
    "project": _pick("""a new bus lane on {street} | the redevelopment of the old railway yard | a new leisure centre | parking charges in the town centre
        a cycle path along the river | the closure of two branch libraries | a new secondary school | a low-traffic neighbourhood scheme"""),
    "group": _pick("{city} Residents' Association | Save Our Streets | Friends of {city} Park"),
    "court": _pick("{city} Crown Court | {city} District Court | the High Court in {city}"),
    "charge": _pick("fraud | burglary | dangerous driving | assault | arson | theft from his employer | money laundering"),
    "age": _num(19, 64), "share": _num(38, 61), "oage": _num(71, 99), "years": _num(2, 14), "homes": lambda f: f"{f.r.randint(4, 36) * 50:,}",
    "party1": _pick(" | ".join(PARTIES)), "party2": lambda f: _other(f, "party1", lambda: f.r.choice(PARTIES)),
    "race": _pick("the mayoral election in {city} | the regional assembly election | the by-election in {city} North | the general election"),
    "univ": _pick("the University of {town} | {town} Institute of Technology | {town} Medical School | the National University"),
    "discovery": _pick("""a previously unknown species of beetle | a distant planet with a thick atmosphere | stone tools older than expected
        a new antibiotic compound in soil | the oldest known fossil of a flowering plant | a swarm of small earthquakes under the seabed"""),
    "field": _pick("early human migration | how life adapts to extreme heat | the formation of planets | drug-resistant infections"),
    "illness": _pick("flu | measles | whooping cough | norovirus | RSV"),
    "condition": _pick("type 2 diabetes | heart disease | dementia | chronic back pain | depression | high blood pressure"),
    "hospital": _pick("{city} General Hospital | St Luke's Hospital | the Royal {city} Infirmary | Queen Mary's Hospital"),
    "school": _pick("{city} Academy | St Mary's Primary School | {town} High School | {town} Community College"),
    "film": _pick("The {adj} {noun} | {noun} of the North | A {adj} Season | After the {noun}"),
    "band": _pick("The {noun}s | {adj} {noun} | The {town} {noun}s"), "band2": _pick("The {adj} {noun}s | {noun} Club"),
    "hall": _pick("the {town} Arena | {surname} Hall | the Old Corn Hall | the Riverside Theatre"),
    "festival": _pick("{place} Film Festival | {town} Arts Festival | Northern Lights Festival"),
    "dest": _pick("""the Algarve | the Dolomites | Lisbon | Crete | the Scottish Highlands | Patagonia | Kyoto | Quebec City | the Amalfi Coast
        Tasmania | Marrakech | Copenhagen | Ljubljana | the Azores"""),
    "hotel": _pick("the Hotel {surname} | Casa {surname} | the Harbour Inn | the Old Mill Guesthouse"),
    "airline": _pick("Skyward Air | Bluefin Airways | Northstar Airlines | Aerolinea Sol"), "season": _pick("spring | summer | autumn | winter"),
    "restaurant": _pick("Salt & Ember | The Copper Pot | Fig and Fennel | Ostra | The Long Table | Brasserie {surname}"),
    "carbrand": _pick("Vantor | Elsberg | Corvane | Maritsa | Oldridge | Kestrel"),
    "car": lambda f: f"{f.get('carbrand')} {f.r.choice(_words('Terra Solace Strada Nomad Vela Aria Ridgeline Tempo'))}",
    "ctype": _pick("ev | hybrid"), "carprice": _money(21, 58, 1000), "range": _num(320, 560), "kwh": _num(52, 90),
    "techbrand": _pick("Lumio | Pixon | Arcwave | Quanta | Brightline | Novatek"), "gtype": lambda f: f.r.choice(GADGETS),
    "gadget": lambda f: f"{f.get('techbrand')} {f.get('gtype').split(':')[1]}",
    "price": lambda f: f"{f.get('cur')}{f.r.choice((129, 199, 249, 349, 499, 699, 899, 1099, 1299)):,}",
    "mountains": _pick("the Alps | the Andes | the Rockies | the Himalayas | Patagonia | Scandinavia"), "target": _num(40, 75),
    "houseprice": _money(180, 690, 1000), "rent": _money(18, 64, 50), "deposit": _money(18, 70, 1000), "hp": _real(1.2, 8.9),
    "profession": _pick("""a celebrated architect | a jazz pianist | a long-serving family doctor | a pioneering marine biologist | a former footballer
        a children's author | a newspaper photographer | a headteacher"""),
    "birth_year": lambda f: str(f.pub.year - int(f.get("oage"))), "wed_year": lambda f: str(int(f.get("birth_year")) + f.r.randint(22, 30)),
    "church": _pick("St Anne's Church, {hometown} | {hometown} Crematorium | St Michael's Church | the Chapel of St Mary"),
    "cc": lambda f: f.r.choice(COUNTRIES), "country": lambda f: f.get("cc").split(":")[0], "capital": lambda f: f.get("cc").split(":")[1],
    "country2": lambda f: _other(f, "country", lambda: f.r.choice(COUNTRIES).split(":")[0]),
    "leader_title": _pick("president | prime minister"), "mag": _real(5.6, 7.8), "v1": _num(18, 40), "v2": lambda f: str(f.r.randint(5, int(f.get("v1")) - 1)),
    "dir": lambda f: f.r.choice((1, -1)), "rose": _updown("rose", "fell"), "gaining": _updown("gaining", "losing"), "higher": _updown("higher", "lower"),
    "closes": _updown("closes higher | edges up | rallies", "closes lower | slips | retreats"), "jump": _real(4, 14),
    "sp_pct": _real(0.1, 2.2, "{:.2f}"), "sp_level": _real(5200, 7400, "{:,.2f}"), "ftse_level": _real(7900, 9900, "{:,.2f}"),
    "oil": _real(58, 92, "{:.2f}"), "wti": lambda f: f"{float(f.get('oil')) - f.r.uniform(2.5, 4.5):.2f}", "gold": _real(2300, 4200, "{:,.0f}"),
    "eur": _real(1.02, 1.19, "{:.4f}"), "yen": _real(138, 158, "{:.2f}"), "gbp": _real(1.21, 1.38, "{:.4f}"), "yield": _real(3.6, 4.8, "{:.2f}"),
    "fed_lo": _pick("3.50 | 3.75 | 4.00 | 4.25 | 4.50"), "fed_hi": lambda f: f"{float(f.get('fed_lo')) + 0.25:.2f}",
    "company": _pick(" | ".join(COMPANIES)), "company2": lambda f: _other(f, "company", lambda: f.r.choice(COMPANIES)),
    "firm": _pick(" | ".join(FIRMS)), "infl": _real(1.7, 3.1), "vix": _real(12, 28),
}
FRESH = {
    "name": _name, "surname": lambda f: f.r.choice(SURNAMES), "town": lambda f: f.r.choice(TOWNS), "place": lambda f: f.r.choice(PLACES),
    "club": _team, "n": _num(2, 9), "n2": _num(11, 38), "big": _num(1200, 98000), "hundreds": lambda f: f"{f.r.randint(4, 36) * 50:,}",
    "pct": _real(0.3, 9.9), "pct_int": _num(12, 78), "mpct": _real(0.1, 2.4, "{:.2f}"), "billion": _real(1.2, 48),
    "money": lambda f: f"{f.get('cur')}{f.r.randint(2, 95)}.{f.r.randint(1, 9)} million", "money_small": _money(3, 95, 1000),
    "wl": lambda f: "{}-{}".format(*sorted(f.r.sample(range(5), 2), reverse=True)), "draw": lambda f: "{0}-{0}".format(f.r.randint(0, 3)),
    "minute": lambda f: (lambda m: f"{m}{'th' if 10 < m < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(m % 10, 'th')}")(f.r.randint(3, 89)),
    "weekday": lambda f: f.r.choice(WEEKDAYS), "month2": lambda f: f.r.choice(MONTHS), "ordinal": _pick("second | third | fourth | fifth | sixth"),
    "street": lambda f: f"{f.r.choice(SURNAMES + ['Station', 'Church', 'Mill', 'Victoria'])} {f.r.choice(['Road', 'Street', 'Avenue', 'Lane'])}",
    "facility": _pick("library on {street} | community pool | youth centre | museum annexe"),
    "charity": _pick("the Heartline Trust | the Mind Matters Foundation | the Children's Health Fund | CareNet"),
    "ref": lambda f: f"{f.r.randint(10, 99)}-{f.r.randint(100000, 999999)}", "fare": _num(39, 240), "bill": _num(60, 180),
    "mpg": _num(44, 62), "grams": _num(160, 230), "km": _num(300, 1100), "gust": _num(80, 140), "low": _num(-2, 6),
    "rain": _num(15, 45), "rain2": _num(50, 110), "adj": lambda f: f.r.choice(_words("Quiet Silver Long Distant Broken Hollow Golden Restless Last")),
    "noun": lambda f: f.r.choice(_words("Harbour Lantern River Orchard Signal Meridian Tide Island Winter Ember")),
    "moved": _updown("rose | gained | added | climbed | advanced", "fell | lost | shed | slipped | declined"),
    "oil_moved": _pick("rose | fell | edged up | slipped"), "usd_moved": _pick("strengthened | weakened | was little changed"),
    "yield_moved": _pick("rose | eased | climbed | dipped"), "vix_moved": _updown("fell | eased", "jumped | climbed"),
    "gbp_moved": _pick("firmer | weaker | flat"), "dow_pts": _num(40, 780), "btc": lambda f: f"{f.r.randint(55, 125) * 1000:,}",
    "sp_target": lambda f: f"{f.r.randint(60, 80) * 100:,}",
}


class _Filler:
    """Fills {slot} templates; sticky slots are memoised per page (or per related headline)."""

    SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, rng: random.Random, site: dict, pub: datetime, **preset):
        self.r, self.site, self.pub = rng, site, pub
        day = pub - timedelta(days=rng.choice((0, 0, 1)))
        self.ctx = {"cur": site["cur"], "day": WEEKDAYS[day.weekday()], "month": MONTHS[(pub.month - 2) % 12], **preset}

    def get(self, key: str):
        v = self.ctx.get(key)
        if v is not None:
            return v
        if key.endswith("_sn"):  # surname of a sticky name
            return self.get(key[:-3]).split()[-1]
        if key in STICKY:
            v = self.ctx[key] = STICKY[key](self)
            return v
        return FRESH[key](self)

    def fill(self, template: str, cap: bool = True) -> str:
        s = self.SLOT.sub(lambda m: str(self.get(m.group(1))), template)
        return s[:1].upper() + s[1:] if cap else s


KOREA_BASE = {"world": "world", "seoul_sport": "sports", "kpop": "entertainment", "phone": "technology", "tv": "technology", "car": "cars"}
CAPTIONS = _split("""A view of {city} on {day}. | File photo. | The scene on {day} afternoon. | Visitors in {city} last {season}. | An undated handout photograph.""")

# -- outlets and their page furniture ---------------------------------------------------------

SITES = [dict(zip(("name", "domain", "p", "city", "cur", "lang", "brand", "font", "layout"), row)) for row in (
    ("The Harbour Courier", "harbourcourier.com", "hc", "Port Elsworth", "$", "en-US", "#0b3d63", "Georgia,serif", 0),
    ("Midland Daily Ledger", "midlandledger.com", "mdl", "Carverton", "$", "en-US", "#8a1c1c", "'Merriweather',serif", 1),
    ("Northgate Herald", "northgateherald.co.uk", "ngh", "Northgate", "£", "en-GB", "#1d4d2b", "'Source Serif',serif", 2),
    ("Riverside Evening Post", "riversideeveningpost.co.uk", "rep", "Wexley", "£", "en-GB", "#5b2a86", "Helvetica,Arial,sans-serif", 0),
    ("The Continental Dispatch", "continentaldispatch.eu", "cd", "Vellmar", "€", "en", "#003c71", "'Inter',sans-serif", 1),
    ("Pinecrest Gazette", "pinecrestgazette.com", "pg", "Pinecrest", "$", "en-US", "#2f5d50", "'Lora',serif", 2),
    ("Meridian News Network", "meridiannews.net", "mnn", "Lakeport", "$", "en-US", "#c0392b", "'Roboto',sans-serif", 0),
    ("The Lakeshore Tribune", "lakeshoretribune.com", "lt", "Lakeshore", "$", "en-US", "#1f3a5f", "'Libre Franklin',sans-serif", 1))]
SECTIONS = _words("World Politics Business Markets Tech Sport Culture Weather Opinion Science Health Travel Food Motoring Property Local Education Obituaries Video Lifestyle")
FOOTER_LINKS = _split("""About us | Contact | Careers | Advertise with us | Terms of use | Privacy policy | Cookie settings | Accessibility | Corrections
    Complaints | Newsletters | Podcasts | Archive | Sitemap | RSS feeds | Help centre | Editorial standards | Subscriptions | Gift a subscription | Events | Jobs board | Our apps""")
CSS_PARTS = _words("""body wrap header topbar logo search subscribe nav nav-list nav-link hamburger breadcrumb grid story headline standfirst byline timestamp
    share share-btn figure caption credit article-body tags tag read-more standings sidebar related related-item related-meta most-read newsletter
    nl-input nl-button footer footer-cols footer-links copyright ad-slot skip""")
CSS_PROPS = _split("""margin:{s} {s} | padding:{s} {s} | color:{c} | background:{c} | font-size:{f}rem | line-height:{l} | display:{d} | border-bottom:1px solid {c}
    font-weight:{w} | letter-spacing:.0{k}em | text-transform:uppercase | max-width:{mw}px | gap:{s} | border-radius:{k}px | text-decoration:none
    align-items:center | position:relative | overflow:hidden | font-family:{ff} | box-shadow:0 {k}px {s} rgba(0,0,0,.{k}) | transition:color .2s ease
    list-style:none | width:100% | flex-wrap:wrap | justify-content:space-between | border-top:{k}px solid {c} | min-height:{mh}px | opacity:.{k}""")
ICONS = {"share": "M18 8a3 3 0 1 0-2.8-4L7.8 7.7a3 3 0 1 0 0 4.6l7.4 3.7A3 3 0 1 0 16 14l-7.4-3.7a3 3 0 0 0 0-.6l7.4-3.7A3 3 0 0 0 18 8z",
         "tweet": "M4 4l16 16M20 4L4 20M3 12h18", "email": "M3 5h18v14H3zM3 5l9 7 9-7",
         "link": "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"}
JS = ('!function(w,d){"use strict";var P="__P__",c=d.querySelectorAll("[data-share]"),u=encodeURIComponent(w.location.href),'
      'm={share:"https://social.example/share?u=",tweet:"https://microblog.example/intent?url="};for(var i=0;i<c.length;i++)'
      'c[i].addEventListener("click",function(e){var k=e.currentTarget.getAttribute("data-share");m[k]&&(e.preventDefault(),'
      'w.open(m[k]+u,"share","width=600,height=480,noopener"))});var n=d.querySelector("."+P+"-hamburger"),v=d.querySelector("."+P+"-nav");'
      'n&&v&&n.addEventListener("click",function(){v.classList.toggle("is-open");n.setAttribute("aria-expanded",v.classList.contains("is-open"))});'
      'if("IntersectionObserver"in w){var o=new IntersectionObserver(function(a){a.forEach(function(t){t.isIntersecting&&(t.target.src='
      't.target.getAttribute("data-src"),o.unobserve(t.target))})},{rootMargin:"300px"});d.querySelectorAll("img[data-src]").forEach('
      'function(t){o.observe(t)})}w.__P__cfg=w.__P__cfg||{build:"__V__",t:Date.now()}}(window,document);')


@lru_cache(maxsize=None)
def _site_assets(idx: int) -> dict:
    """Per-outlet CSS, nav, footer links and script: the same on all of an outlet's pages, as on real sites."""
    s, r = SITES[idx], random.Random(7919 * (idx + 1))
    p, pal = s["p"], [s["brand"], "#111111", "#ffffff", "#f4f4f2", "#d9d9d6", "#5f6368"]
    vals = {"s": lambda: f"{r.choice((0, 2, 4, 6, 8, 12, 16, 20, 24, 32))}px", "c": lambda: r.choice(pal), "ff": lambda: s["font"],
            "f": lambda: str(r.choice((.75, .8125, .875, .9375, 1, 1.125, 1.25, 1.5, 2, 2.25))), "l": lambda: str(r.choice((1.2, 1.35, 1.5, 1.6))),
            "d": lambda: r.choice(("flex", "block", "grid", "inline-block")), "w": lambda: str(r.choice((400, 600, 700, 800))),
            "k": lambda: str(r.randint(1, 9)), "mw": lambda: str(r.choice((680, 720, 960, 1200, 1280))), "mh": lambda: str(r.choice((40, 48, 90, 250)))}
    decl = lambda: ";".join(_Filler.SLOT.sub(lambda m: vals[m.group(1)](), x) for x in r.sample(CSS_PROPS, r.randint(3, 7)))
    rules = [f":root{{--brand:{s['brand']};--ink:#111;--gutter:{r.choice((16, 20, 24))}px}}", "*,*::before,*::after{box-sizing:border-box}",
             f"@font-face{{font-family:'{p}-display';src:url(https://static.{s['domain']}/fonts/{p}-display.{r.getrandbits(32):08x}.woff2) "
             "format('woff2');font-display:swap}", "img{max-width:100%;height:auto}"]
    rules += [f".{p}-{c}{{{decl()}}}" for c in CSS_PARTS]
    rules += [f".{p}-{c}:hover{{color:var(--brand);text-decoration:underline}}" for c in ("nav-link", "related-item", "tag", "footer-links")]
    rules.append(f"@media (max-width:{r.choice((720, 768, 800, 900))}px){{{''.join(f'.{p}-{c}{{{decl()}}}' for c in r.sample(CSS_PARTS, 10))}}}")
    chosen = set(r.sample(SECTIONS, r.randint(7, 11)))
    return {"css": "\n".join(rules), "nav": ["Home"] + [x for x in SECTIONS if x in chosen], "footer": r.sample(FOOTER_LINKS, r.randint(10, 20)),
            "js": JS.replace("__P__", p).replace("__V__", f"{r.getrandbits(40):010x}"), "ga": f"NM-{r.getrandbits(28):07X}"}


# -- page assembly --------------------------------------------------------------------------

_KOREA = re.compile(r"\b(?:korea\w*|seoul|pyongyang|k-pop|samsung|hyundai|kia|lg)\b", re.I)
_RISKY = re.compile(r"\b(?:stocks?|shares|markets?|index|indices|bourse|investors?|securities|currenc(?:y|ies)|exchange rates?)\b", re.I)
_EPOCH = datetime(2025, 1, 1)
TOPIC_NAMES = list(TOPICS)


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def attr(s: str) -> str:
    return html.escape(s, quote=True)


def _slug(text: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()[:9])


def _url(site: dict, section: str, pub: datetime, slug: str, ident: int) -> str:
    return ("https://www.{d}/{s}/{t:%Y/%m/%d}/{g}-{i}", "https://www.{d}/{s}/{g}-{i}.html",
            "https://www.{d}/news/{s}/{i}/{g}")[site["layout"]].format(d=site["domain"], s=section, t=pub, g=slug, i=ident)


def _paragraphs(f: _Filler, lede: str, pool: list[str], target: int) -> list[str]:
    """6-20 paragraphs of 3-6 sentences, until the word target is met; the lede opens the first."""
    rng, deck, paras, words = f.r, [], [], 0

    def draw() -> str:
        if not deck:
            deck.extend(rng.sample(pool, len(pool)))
        return f.fill(deck.pop())

    while (words < target or len(paras) < 6) and len(paras) < 20:
        for _ in range(20):  # a paragraph that names Korea must not talk about markets: draw again
            sents = [lede] if not paras else []
            text = " ".join(sents + [draw() for _ in range(rng.randint(3, 6) - len(sents))])
            if not (_KOREA.search(text) and _RISKY.search(text)):
                paras.append(text)
                words += len(text.split())
                break
    return paras


def _related(rng: random.Random, site: dict, pub: datetime, count: int) -> list[tuple[str, str, str]]:
    """(url, headline, section label) of other, non-Korean stories on the same site."""
    out = []
    for _ in range(count):
        t = TOPICS[rng.choice(TOPIC_NAMES)]
        h = _Filler(rng, site, pub).fill(rng.choice(t["stories"])[1])
        when = pub - timedelta(hours=rng.randint(1, 200))
        out.append((_url(site, t["section"][0], when, _slug(h), rng.randint(10**6, 10**7)), h, t["section"][1]))
    return out


def _svg(name: str) -> str:
    return (f'<svg class="icon icon-{name}" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" '
            f'stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="{ICONS[name]}"/></svg>')


def _share(p: str, url: str, headline: str, where: str) -> str:
    b = f'<button class="{p}-share-btn" type="button"'
    return (f'<div class="{p}-share {p}-share--{where}" role="group" aria-label="Share this story">{b} data-share="share">{_svg("share")}<span>Share</span>'
            f'</button>{b} data-share="tweet">{_svg("tweet")}<span>Tweet</span></button><a class="{p}-share-btn" href="'
            f'{attr(f"mailto:?subject={headline}&body={url}")}">{_svg("email")}<span>Email</span></a>{b} data-copy="{attr(url)}">{_svg("link")}'
            "<span>Copy link</span></button></div>")


def _standings(f: _Filler, p: str) -> str:
    """A league table (P W D L GD Pts) including the two teams of the report."""
    rng, played, teams = f.r, f.r.randint(10, 30), {f.get("team1"), f.get("team2")}
    while len(teams) < 8:
        teams.add(_team(f))
    rows = []
    for t in sorted(teams):
        w = rng.randint(1, played - 2)
        d = rng.randint(0, played - w)
        rows.append((3 * w + d, rng.randint(-15, 25), t, w, d, played - w - d))
    body = "".join(f"<tr><td>{k}</td><td>{esc(t)}</td><td>{played}</td><td>{w}</td><td>{d}</td><td>{lost}</td><td>{gd:+d}</td><td>{pts}</td></tr>"
                   for k, (pts, gd, t, w, d, lost) in enumerate(sorted(rows, reverse=True), 1))
    return (f'<table class="{p}-standings"><caption>{esc(f.get("league"))}: top of the table</caption><thead><tr><th>#</th><th>Team</th>'
            f"<th>P</th><th>W</th><th>D</th><th>L</th><th>GD</th><th>Pts</th></tr></thead><tbody>{body}</tbody></table>")


def _choose(rng: random.Random) -> tuple[str, str, dict]:
    """(topic, decoy kind or '', slot presets): ~1/60 Korea world news, ~1/100 Seoul sport or K-pop, ~1/80 Korean-brand review."""
    x = rng.random()
    if x < 1 / 60:
        return "world", "world", {"cc": "South Korea:Seoul", "country2": "Japan", "leader_title": "president"}
    if x < 1 / 60 + 1 / 100:
        kind = rng.choice(("seoul_sport", "kpop"))
        return KOREA_BASE[kind], kind, {"city": "Seoul", "venue": "Seoul World Cup Stadium", "band": rng.choice(K_BANDS)}
    if x < 1 / 60 + 1 / 100 + 1 / 80:
        kind, brand, product, *ctype = rng.choice(K_PRODUCTS).split(":")
        cur = rng.choice(("$", "€"))
        price = f"{cur}{rng.randint(28, 52) * 1000 + 990:,}" if kind == "car" else f"{cur}{rng.choice((449, 799, 999, 1199, 1499, 1799, 2499)):,}"
        return KOREA_BASE[kind], kind, {"cur": cur, "gadget": product, "techbrand": brand, "gtype": f"{kind}:{product}", "car": product,
                                        "carbrand": brand, "ctype": (ctype or ["ev"])[0], "price": price, "carprice": price}
    return rng.choice(TOPIC_NAMES), "", {}


def _page(i: int) -> tuple[str, str, bytes, str, str]:
    """(url, title, html bytes, topic, decoy kind or '') of unrelated page i."""
    rng = random.Random(i)
    site_idx = rng.randrange(len(SITES))
    site, assets, p = SITES[site_idx], _site_assets(site_idx), SITES[site_idx]["p"]
    pub = _EPOCH + timedelta(minutes=rng.randrange(730 * 24 * 60))
    topic, kind, preset = _choose(rng)
    if topic == "business":  # markets news happens on weekdays
        preset["day"] = WEEKDAYS[min(pub.weekday(), 4)]
    f = _Filler(rng, site, pub, **preset)
    base = TOPICS[topic]
    variant = KOREA[kind] if kind else base
    tag, head, lede = rng.choice(variant["stories"])
    tag = tag or (f.get(base["tagslot"]).split(":")[0] if base["tagslot"] else "")
    pool = base["shared"] + base["extras"].get(tag, [])
    if kind:
        pool += 2 * (variant["shared"] + variant["extras"].get(tag, []))
    headline = f.fill(head)
    paras = _paragraphs(f, f.fill(lede), pool, int(rng.triangular(540, 1320, 760)))
    words = sum(len(t.split()) for t in paras)
    (sec_slug, sec_label, sub_label), reporter, ident = base["section"], f.get("reporter"), 100_000 + i
    desc = re.split(r"(?<=\.)\s", paras[0])[0]
    url, title = _url(site, sec_slug, pub, _slug(headline), ident), f"{headline} | {site['name']}"
    iso = pub.strftime("%Y-%m-%dT%H:%M:00Z")
    modified = (pub + timedelta(minutes=rng.randint(5, 400))).strftime("%Y-%m-%dT%H:%M:00Z")
    static = f"https://static.{site['domain']}"
    img = f"{static}/images/{pub:%Y/%m}/{rng.getrandbits(64):016x}.jpg"
    shown = f"{pub.day} {pub:%B %Y}, {pub:%H:%M} GMT" if site["lang"] != "en-US" else f"{pub:%B} {pub.day}, {pub.year} {pub:%I:%M %p} ET"
    author_url = f"https://www.{site['domain']}/authors/{_slug(reporter)}"
    related, most_read = _related(rng, site, pub, rng.randint(4, 6)), _related(rng, site, pub, 5)

    # <head>: meta tags, stylesheet, inline style, analytics and JSON-LD
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "description": desc, "datePublished": iso,
          "dateModified": modified, "articleSection": sec_label, "wordCount": words, "inLanguage": site["lang"], "image": [img],
          "author": [{"@type": "Person", "name": reporter, "url": author_url}], "mainEntityOfPage": {"@type": "WebPage", "@id": url},
          "publisher": {"@type": "Organization", "name": site["name"], "logo": {"@type": "ImageObject", "url": f"{static}/img/logo-600x60.png"}}}
    analytics = (f'window.dataLayer=window.dataLayer||[];function nmq(){{dataLayer.push(arguments)}}nmq("js",new Date());nmq("config","{assets["ga"]}",'
                 f'{{"content_group":"{sec_label}","article_id":"{ident}","word_count":{words},"published":"{iso}"}});(function(d,s){{s=d.createElement'
                 f'("script");s.async=1;s.src="https://stats.{site["domain"]}/collect.js?id={assets["ga"]}";d.head.appendChild(s)}})(document);')
    metas = [("name", "description", desc), ("property", "og:type", "article"), ("property", "og:title", headline), ("property", "og:description", desc),
             ("property", "og:url", url), ("property", "og:image", img), ("property", "og:site_name", site["name"]), ("name", "twitter:card", "summary_large_image"),
             ("property", "article:published_time", iso), ("property", "article:modified_time", modified), ("property", "article:section", sec_label),
             ("name", "author", reporter)]
    out = [f'<!DOCTYPE html>\n<html lang="{site["lang"]}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{esc(title)}</title>\n" + "".join(f'<meta {k}="{n}" content="{attr(v)}">\n' for k, n, v in metas)
           + f'<link rel="canonical" href="{attr(url)}">\n<link rel="icon" href="/favicon.ico">\n<link rel="preconnect" href="{static}">\n'
           f'<link rel="stylesheet" href="{static}/css/main.{rng.getrandbits(32):08x}.css">\n<style>{assets["css"]}</style>\n<script>{analytics}</script>\n'
           f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n</head>\n'
           f'<body class="{p}-body {p}-section-{sec_slug}">\n<a class="{p}-skip" href="#main">Skip to content</a>\n']

    # header: logo, tools and the section menu, in one of three layouts
    nav = "".join(f'<li><a class="{p}-nav-link" href="/{"" if s == "Home" else s.lower() + "/"}">{s}</a></li>' for s in assets["nav"])
    logo = (f'<a class="{p}-logo" href="/" aria-label="{attr(site["name"])} home"><svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true">'
            f'<rect width="36" height="36" rx="6" fill="{site["brand"]}"/><text x="18" y="24" font-size="16" text-anchor="middle" fill="#fff">{p.upper()}'
            f'</text></svg><span>{esc(site["name"])}</span></a>')
    tools = (f'<form class="{p}-search" role="search" action="/search"><input type="search" name="q" placeholder="Search" aria-label="Search">'
             f'<button type="submit">Search</button></form><a class="{p}-subscribe" href="/subscribe">Subscribe</a><a href="/account/login">Sign in</a>')
    navhtml = f'<nav class="{p}-nav" aria-label="Sections"><ul class="{p}-nav-list">{nav}</ul></nav>'
    out.append((f'<header class="{p}-header"><div class="{p}-wrap">{logo}{tools}</div>{navhtml}</header>',
                f'<header class="{p}-header"><div class="{p}-topbar"><span>{WEEKDAYS[pub.weekday()]}, {pub.day} {pub:%B %Y}</span><span>{esc(site["city"])} '
                f'{rng.randint(-2, 31)}&deg;C</span>{tools}</div><div class="{p}-wrap">{logo}</div>{navhtml}</header>',
                f'<header class="{p}-header"><div class="{p}-wrap"><button class="{p}-hamburger" type="button" aria-expanded="false" aria-label="Menu">'
                f'<span></span><span></span><span></span></button>{logo}{tools}</div>{navhtml}</header>')[site["layout"]])
    out.append(f'\n<div class="{p}-ad-slot" data-slot="top" data-sizes="728x90,970x250"></div>\n<main id="main" class="{p}-wrap">\n')

    # the article: breadcrumb, headline, byline, share bar, figure, body, tags
    art = [f'<ol class="{p}-breadcrumb"><li><a href="/">Home</a></li><li><a href="/{sec_slug}/">{sec_label}</a></li><li>{esc(sub_label)}</li></ol>'
           f'<article class="{p}-story"><h1 class="{p}-headline">{esc(headline)}</h1><div class="{p}-standfirst">{esc(desc)}</div>'
           f'<div class="{p}-byline">By <a rel="author" href="{author_url}">{esc(reporter)}</a>, {sec_label} correspondent</div>'
           f'<time class="{p}-timestamp" datetime="{iso}">{shown}</time>{_share(p, url, headline, "top")}']
    if rng.random() < 0.55:
        credit = f'Photo: {esc(f.get("name"))}/{rng.choice(("Newsfile", "Lens Agency", "Pictorial Wire", "Staff"))}'
        art.append(f'<figure class="{p}-figure"><img src="{img}" alt="{attr(headline)}" width="1200" height="675" loading="lazy">'
                   f'<figcaption class="{p}-caption">{esc(f.fill(rng.choice(CAPTIONS)))} <span class="{p}-credit">{credit}</span></figcaption></figure>')
    art.append(f'<div class="{p}-article-body" itemprop="articleBody">')
    table_at = rng.randint(2, 4) if topic == "sports" else -1
    for k, t in enumerate(paras):
        art.append(f"<p>{esc(t)}</p>")
        if k == table_at:
            art.append(_standings(f, p))
        if k == 3:
            art.append(f'<div class="{p}-ad-slot" data-slot="inarticle" data-sizes="300x250"></div>')
        if k == 6:
            art.append(f'<aside class="{p}-read-more">Read more: <a href="{related[0][0]}">{esc(related[0][1])}</a></aside>')
    art.append(f'</div><ul class="{p}-tags">' + "".join(f'<li><a class="{p}-tag" href="/topics/{_slug(t)}">{esc(t)}</a></li>'
                                                        for t in dict.fromkeys((sec_label, sub_label, f.get("city")))))
    art.append("</ul>" + _share(p, url, headline, "bottom") + "</article>")
    story = "".join(art)

    # related stories, most read, newsletter; then the footer and the trailing scripts
    rel = (f'<aside class="{p}-related"><h2>Related stories</h2><ul>' + "".join(
        f'<li class="{p}-related-item"><a href="{u}">{esc(h)}</a><span class="{p}-related-meta">{lab} &middot; {rng.randint(1, 23)}h ago</span></li>'
        for u, h, lab in related) + "</ul></aside>")
    most = f'<aside class="{p}-most-read"><h2>Most read</h2><ol>' + "".join(f'<li><a href="{u}">{esc(h)}</a></li>' for u, h, _ in most_read) + "</ol></aside>"
    letter = (f'<section class="{p}-newsletter"><h2>Get the {esc(site["name"].removeprefix("The "))} morning briefing</h2><form action="/newsletters/subscribe" method="post">'
              f'<label for="nl-email">Email address</label><input class="{p}-nl-input" id="nl-email" type="email" name="email" required '
              f'placeholder="you@example.com"><input type="hidden" name="list" value="morning-briefing"><button class="{p}-nl-button" type="submit">'
              "Sign up</button><small>By signing up you agree to our terms and privacy policy. You can unsubscribe at any time.</small></form></section>")
    out.append((f'<div class="{p}-grid">{story}<div class="{p}-sidebar">{rel}{most}</div></div>{letter}', f"{story}{rel}{letter}{most}",
                f'<div class="{p}-grid"><div class="{p}-sidebar">{most}</div>{story}</div>{rel}{letter}')[site["layout"]])
    links = assets["footer"]
    cols = "".join(f'<ul class="{p}-footer-links">' + "".join(f'<li><a href="/{_slug(x)}">{esc(x)}</a></li>' for x in links[k::3]) + "</ul>" for k in range(3))
    scripts = [f"<script>{assets['js']}</script>"]
    if rng.random() < 0.5:
        scripts.append(f'<script>window.__cmp={{"vendor":"consentbox","version":3,"purposes":[1,2,3,4,7,9,10],'
                       f'"gdprApplies":{str(site["lang"] != "en-US").lower()},"siteId":"{p}-{site_idx}"}};</script>')
    out.append(f'\n</main>\n<footer class="{p}-footer"><div class="{p}-footer-cols">{cols}</div><div class="{p}-copyright">&copy; {pub.year} '
               f'{esc(site["name"].removeprefix("The "))} Media. All rights reserved. Reproduction without permission is prohibited.</div></footer>\n'
               + "\n".join(scripts) + "\n</body>\n</html>\n")
    return url, title, "".join(out).encode("utf-8"), topic, kind


def unrelated_page(i: int) -> tuple[str, str, bytes]:
    """(url, title, html_bytes) of unrelated news page number i; deterministic in i (use random.Random(i))."""
    url, title, body, _, _ = _page(i)
    return url, title, body


# -- self-check --------------------------------------------------------------------------------

_FORBIDDEN = ("kospi", "kosdaq", "krx", "korea exchange")
_WON = re.compile(r"\d\s*(?:billion|million|trillion)?\s*won\b", re.I)
_P = re.compile(r"<p>(.*?)</p>", re.S)


def html_template_check(n: int = 2000) -> None:
    """Generate pages 0..n-1; assert size, body word count, no forbidden words, Korea never beside market words, topic spread."""
    for name, t in TOPICS.items():
        assert len(t["shared"]) + sum(map(len, t["extras"].values())) >= 25, name
    topics, kinds, sizes, word_counts = Counter(), Counter(), [], []
    for i in range(n):
        url, title, body, topic, kind = _page(i)
        text = body.decode("utf-8")
        paras = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in _P.findall(text)]
        words, low = sum(len(t.split()) for t in paras), text.lower()
        assert 10_000 <= len(body) <= 60_000, (i, len(body))
        assert 500 <= words <= 1500, (i, words)
        assert not any(w in low for w in _FORBIDDEN), (i, [w for w in _FORBIDDEN if w in low])
        assert not _WON.search(text), (i, _WON.search(text))
        assert not any(_KOREA.search(t) and _RISKY.search(t) for t in paras), i
        assert bool(kind) == bool(_KOREA.search(text)), (i, kind)
        topics[topic] += 1
        kinds[kind or "none"] += 1
        sizes.append(len(body))
        word_counts.append(words)
    assert len(topics) >= 5, topics
    assert unrelated_page(7) == unrelated_page(7)[:3], "not deterministic"
    t0 = time.perf_counter()
    for i in range(n):
        unrelated_page(i)
    per_page = (time.perf_counter() - t0) / n * 1000
    print(f"{n} pages OK; unrelated_page: {per_page:.3f} ms/page")
    print(f"size: min {min(sizes):,} B, median {sorted(sizes)[n // 2]:,} B, max {max(sizes):,} B")
    print(f"words in <p>: min {min(word_counts)}, median {sorted(word_counts)[n // 2]}, max {max(word_counts)}")
    print("topics:", ", ".join(f"{k} {v}" for k, v in sorted(topics.items())))
    print("Korea decoys:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    html_template_check()
