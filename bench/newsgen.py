"""Unrelated news pages for the backfill benchmark (bench/backfill.py).

The benchmark builds a CC-NEWS-shaped web archive in which about 99% of the pages
are ordinary news that is NOT about the Korean stock market.  This module makes
those pages: full news-site HTML (head, meta tags, inline CSS, scripts, navigation,
article, related stories, newsletter form, footer) with 500-1,500 words of body
text composed from sentence templates with random slots.

Decoys a Korean-market relevance filter must not be fooled by, at realistic rates:
world news on North/South Korea politics (~1 page in 60), sport or K-pop set in
Seoul (~1 in 100), reviews of Samsung/LG/Hyundai/Kia products priced in dollars
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

__all__ = ["unrelated_page", "html_template_check"]


def _split(text: str) -> list[str]:
    """Templates are written one or two to a line, separated by '|' or newlines."""
    return [t.strip() for t in re.split(r"\s*\|\s*|\n", text) if t.strip()]


_words = str.split


# -- word lists -------------------------------------------------------------------------

FIRST_M = _words("James Tom Daniel Liam Omar Lucas Mateo Ethan Noah Samuel Owen Marcus Felix Hugo Adam Jonas Victor Rafael Patrick Martin")
FIRST_F = _words("Maria Aisha Sofia Chloe Hannah Priya Grace Fatima Elena Zara Ingrid Leila Nadia Rosa Claire Amara Lena Eve Yasmin Julia")
SURNAMES = _words("""Harper Okafor Lindqvist Moreau Bennett Castillo Novak Fitzgerald Reyes Whitaker Haddad Sorensen Mendes Ashworth
Kowalski Delaney Marchetti Osei Brennan Varga Holloway Duarte Fischer Quinn Romero Sandoval Thorne Abara Keller Lambert
Nakamura Petrova Greaves Ibrahim Costa Hale Mercer Dubois Walsh Eriksen""")
TOWNS = _split("""Ashford | Brackenridge | Calder Bay | Dunmore | Elmsworth | Fairhaven | Glenrock | Hollins Cross | Kingsmere | Larkfield
Millbrook | Northam | Oakridge | Pellham | Redcliff | Stonebridge | Thornbury | Westmere | Whitlow | Yarrow Point""")
PLACES = _words("""Lisbon Nairobi Toronto Melbourne Madrid Warsaw Mumbai Oslo Cairo Lima Manila Dublin Vienna Istanbul Jakarta
Athens Brussels Santiago Helsinki Bangkok Hanoi Prague Geneva Montreal Copenhagen Rotterdam Marseille Seville""")
COUNTRIES = _split("""France:Paris | Brazil:Brasilia | Kenya:Nairobi | Canada:Ottawa | Indonesia:Jakarta | Poland:Warsaw
Argentina:Buenos Aires | Nigeria:Abuja | Spain:Madrid | Mexico:Mexico City | Egypt:Cairo | Australia:Canberra
Chile:Santiago | Peru:Lima | the Philippines:Manila | Germany:Berlin | Portugal:Lisbon | Romania:Bucharest""")
MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
ORDINALS = _words("second third fourth fifth sixth seventh eighth")
PARTIES = _split("""the Progressive Alliance | the Civic Party | the Liberal Union | the People's Movement | the Green Coalition
the National Reform Party | the Social Democrats | the Independent Citizens' List""")
FIRMS = _split("Calloway Capital | Brightwater Asset Management | Harrowgate Partners | Linden Street Advisers | Torrance & Vale")
COMPANIES = _split("Halden Industries | Crestmark Group | Veritas Logistics | Norland Foods | Aldane Pharma | Silverline Retail | Orbis Aerospace")
CAR_BRANDS = _words("Vantor Elsberg Corvane Maritsa Oldridge Kestrel")
CAR_MODELS = _words("Terra Solace Strada Nomad Vela Aria Ridgeline Tempo")
TECH_BRANDS = _words("Lumio Pixon Arcwave Quanta Brightline Novatek")
GADGETS = _split("phone:Pro 3 | laptop:Air 14 | earbuds:Buds X | smartwatch:Watch S | tablet:Tab 11 | e-reader:Page")
K_PRODUCTS = _split("""phone:Samsung:Samsung Galaxy S25 | phone:Samsung:Samsung Galaxy A56 | phone:Samsung:Samsung Galaxy Z Flip
tv:LG:LG OLED evo C5 TV | tv:LG:LG QNED TV | tv:Samsung:Samsung Neo QLED TV
car:Hyundai:Hyundai Ioniq 5 | car:Kia:Kia EV3 | car:Kia:Kia Sportage hybrid | car:Hyundai:Hyundai Tucson""")
K_BANDS = _split("Starlight Avenue | LUMEN | Bright Hour | VELVET MOON | AURORA LINE | Crystal Wave")


# -- slot generators: sticky ones keep one value per page, fresh ones vary per use ------------

def _first(f, g=None):
    return f.r.choice(FIRST_F if (g or f.r.choice("mf")) == "f" else FIRST_M)


def _name(f, g=None):
    return f"{_first(f, g)} {f.r.choice(SURNAMES)}"


def _other(f, key, gen):
    """A value from gen() different from the page's value of key."""
    taken = f.get(key)
    while (v := gen()) == taken:
        pass
    return v


def _team(f):
    return f"{f.r.choice(TOWNS)} {f.r.choice(_words('United City Rovers Athletic Wanderers Albion Town Harriers'))}"


def _pick(options: str):
    items = _split(options)
    return lambda f: f.fill(f.r.choice(items), cap=False)


def _updown(up: str, down: str, key: str = "dir"):
    ups, downs = _split(up), _split(down)
    return lambda f: f.r.choice(ups if f.get(key) > 0 else downs)


def _num(lo, hi, fmt="{:,}"):
    return lambda f: fmt.format(f.r.randint(lo, hi))


def _real(lo, hi, fmt="{:.1f}"):
    return lambda f: fmt.format(f.r.uniform(lo, hi))


STICKY = {
    "city": lambda f: f.site["city"] if f.r.random() < 0.6 else f.r.choice(TOWNS),
    "gender": lambda f: f.r.choice("mf"),
    "person": lambda f: _name(f, f.get("gender")),
    "he": lambda f: "he" if f.get("gender") == "m" else "she",
    "his": lambda f: "his" if f.get("gender") == "m" else "her",
    "him": lambda f: "him" if f.get("gender") == "m" else "her",
    "He": lambda f: f.get("he").capitalize(), "His": lambda f: f.get("his").capitalize(),
    **{k: _name for k in _words("expert official reporter scorer keeper coach1 coach2 defendant judge cand1 cand2 director actor")},
    "chef": lambda f: _name(f, "f"), "singer": lambda f: _name(f, "f"), "spouse": lambda f: _first(f),
    "team1": _team, "team2": lambda f: _other(f, "team1", lambda: _team(f)),
    "s1": lambda f: f.r.randint(2, 5), "s2": lambda f: f.r.randint(0, min(3, f.get("s1") - 1)),
    "venue": _pick("{surname} Park | the {town} Stadium | Riverside Ground | the Memorial Ground"),
    "league": _pick("Northern Premier Division | Coastal League | Championship | Southern Counties League | National Division One"),
    "pos": lambda f: f.r.choice(["second", "third", "fourth", "fifth", "sixth"]),
    "crowd": lambda f: f"{f.r.randint(8, 61) * 1000 + f.r.randint(0, 999):,}",
    "region": _pick("the north-west | coastal areas | the southern counties | the eastern valleys | the islands | the uplands"),
    "temp": _num(29, 41), "colour": _pick("yellow | amber"), "storm": lambda f: _first(f),
    "project": _pick("""a new bus lane on {street} | the redevelopment of the old railway yard | a new leisure centre
        parking charges in the town centre | a cycle path along the river | the closure of two branch libraries
        a new secondary school | a low-traffic neighbourhood scheme"""),
    "group": _pick("{city} Residents' Association | Save Our Streets | Friends of {city} Park"),
    "court": _pick("{city} Crown Court | {city} District Court | the High Court in {city}"),
    "charge": _pick("fraud | burglary | dangerous driving | assault | arson | theft from his employer | money laundering"),
    "incident": _pick("a serious assault | a break-in at a jewellery shop | a collision involving a stolen car | a fire at a warehouse"),
    "age": _num(19, 64), "oage": _num(71, 99), "years": _num(2, 14),
    "party1": _pick(" | ".join(PARTIES)), "party2": lambda f: _other(f, "party1", lambda: f.r.choice(PARTIES)),
    "race": _pick("the mayoral election in {city} | the regional assembly election | the by-election in {city} North | the general election"),
    "univ": _pick("the University of {town} | {town} Institute of Technology | {town} Medical School | the National University"),
    "discovery": _pick("""a previously unknown species of beetle | a distant planet with a thick atmosphere | stone tools older than expected
        a new antibiotic compound in soil | the oldest known fossil of a flowering plant | a swarm of small earthquakes under the seabed"""),
    "field": _pick("early human migration | how life adapts to extreme heat | the formation of planets | drug-resistant infections"),
    "illness": _pick("flu | measles | whooping cough | norovirus | RSV"),
    "condition": _pick("type 2 diabetes | heart disease | dementia | chronic back pain | depression | high blood pressure"),
    "hospital": _pick("{city} General Hospital | St {surname}'s Hospital | the Royal {city} Infirmary"),
    "school": _pick("{city} Academy | St {surname}'s Primary School | {town} High School | {town} Community College"),
    "film": _pick("The {adj} {noun} | {noun} of the North | A {adj} Season | After the {noun}"),
    "band": _pick("The {noun}s | {adj} {noun} | The {town} {noun}s"), "band2": _pick("The {adj} {noun}s | {noun} Club"),
    "hall": _pick("the {town} Arena | {surname} Hall | the Old Corn Hall | the Riverside Theatre"),
    "festival": _pick("{place} Film Festival | {town} Arts Festival | the Northern Lights Festival"),
    "dest": _pick("""the Algarve | the Dolomites | Lisbon | Crete | the Scottish Highlands | Patagonia | Kyoto | Quebec City
        the Amalfi Coast | Tasmania | Marrakech | Copenhagen | Ljubljana | the Azores"""),
    "hotel": _pick("the Hotel {surname} | Casa {surname} | the Harbour Inn | the Old Mill Guesthouse"),
    "airline": _pick("Skyward Air | Bluefin Airways | Northstar Airlines | Aerolinea Sol"),
    "season": _pick("spring | summer | autumn | winter"),
    "restaurant": _pick("Salt & Ember | The Copper Pot | Fig and Fennel | Ostra | The Long Table | Brasserie {surname}"),
    "dish": _pick("chickpea and spinach stew | lemon and garlic chicken | mushroom risotto | spiced lentil soup | prawn linguine"),
    "carbrand": _pick(" | ".join(CAR_BRANDS)), "car": lambda f: f"{f.get('carbrand')} {f.r.choice(CAR_MODELS)}",
    "carprice": lambda f: f"{f.get('cur')}{f.r.randint(21, 58) * 1000 + f.r.choice((0, 495, 995)):,}",
    "range": _num(320, 560), "kwh": _num(52, 90),
    "techbrand": _pick(" | ".join(TECH_BRANDS)), "gtype": lambda f: f.r.choice(GADGETS),
    "gadget": lambda f: f"{f.get('techbrand')} {f.get('gtype').split(':')[1]}",
    "price": lambda f: f"{f.get('cur')}{f.r.choice((129, 199, 249, 349, 499, 699, 899, 1099, 1299))}",
    "mountains": _pick("the Alps | the Andes | the Rockies | the Himalayas | Patagonia | Scandinavia"),
    "houseprice": lambda f: f"{f.get('cur')}{f.r.randint(180, 690) * 1000:,}",
    "rent": lambda f: f"{f.get('cur')}{f.r.randint(18, 64) * 50:,}",
    "deposit": lambda f: f"{f.get('cur')}{f.r.randint(18, 70) * 1000:,}",
    "profession": _pick("""a celebrated architect | a jazz pianist | a long-serving family doctor | a pioneering marine biologist
        a former footballer | a children's author | a newspaper photographer | a headteacher"""),
    "birth_year": lambda f: str(f.pub.year - int(f.get("oage"))),
    "wed_year": lambda f: str(int(f.get("birth_year")) + f.r.randint(22, 30)),
    "church": _pick("St {surname}'s Church, {town} | {town} Crematorium | the Chapel of St Anne"),
    "country": lambda f: f.get("cc").split(":")[0], "capital": lambda f: f.get("cc").split(":")[1],
    "cc": lambda f: f.r.choice(COUNTRIES),
    "country2": lambda f: _other(f, "country", lambda: f.r.choice(COUNTRIES).split(":")[0]),
    "leader_title": _pick("president | prime minister"), "mag": _real(5.6, 7.8),
    "v1": _num(18, 40), "v2": lambda f: str(f.r.randint(5, int(f.get("v1")) - 1)),
    "dir": lambda f: f.r.choice((1, -1)),
    "rose": _updown("rose", "fell"), "gaining": _updown("gaining", "losing"), "higher": _updown("higher", "lower"),
    "closes": _updown("closes higher | edges up | rallies", "closes lower | slips | retreats"),
    "sp_pct": _real(0.1, 2.2, "{:.2f}"), "sp_level": _real(5200, 7400, "{:,.2f}"), "ftse_level": _real(7900, 9900, "{:,.2f}"),
    "oil": _real(58, 92, "{:.2f}"), "wti": lambda f: f"{float(f.get('oil')) - f.r.uniform(2.5, 4.5):.2f}",
    "gold": _real(2300, 4200, "{:,.0f}"), "eur": _real(1.02, 1.19, "{:.4f}"), "yen": _real(138, 158, "{:.2f}"),
    "gbp": _real(1.21, 1.38, "{:.4f}"), "yield": _real(3.6, 4.8, "{:.2f}"),
    "fed_lo": lambda f: f.r.choice(("3.50", "3.75", "4.00", "4.25", "4.50")),
    "fed_hi": lambda f: f"{float(f.get('fed_lo')) + 0.25:.2f}",
    "company": _pick(" | ".join(COMPANIES)), "company2": lambda f: _other(f, "company", lambda: f.r.choice(COMPANIES)),
    "firm": _pick(" | ".join(FIRMS)), "infl": _real(1.7, 3.1), "vix": _real(12, 28),
}

FRESH = {
    "name": _name, "surname": lambda f: f.r.choice(SURNAMES), "town": lambda f: f.r.choice(TOWNS),
    "place": lambda f: f.r.choice(PLACES), "club": _team,
    "n": _num(2, 9), "n2": _num(11, 38), "big": _num(1200, 98000), "hundreds": lambda f: f"{f.r.randint(4, 36) * 50:,}",
    "pct": _real(0.3, 9.9), "pct_int": _num(12, 78), "small_pct": _real(0.1, 1.9, "{:.2f}"),
    "money": lambda f: f"{f.get('cur')}{f.r.randint(2, 95)}.{f.r.randint(1, 9)} million",
    "money_small": lambda f: f"{f.get('cur')}{f.r.randint(3, 95) * 1000 + f.r.randint(0, 9) * 100:,}",
    "wl": lambda f: "{}-{}".format(*sorted(f.r.sample(range(5), 2), reverse=True)),
    "draw": lambda f: "{0}-{0}".format(f.r.randint(0, 3)),
    "minute": lambda f: (lambda m: f"{m}{'th' if 10 < m % 100 < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(m % 10, 'th')}")(f.r.randint(3, 89)),
    "weekday": lambda f: f.r.choice(WEEKDAYS), "month2": lambda f: f.r.choice(MONTHS), "ordinal": lambda f: f.r.choice(ORDINALS),
    "street": lambda f: f"{f.r.choice(SURNAMES + ['Station', 'Church', 'Mill', 'Victoria', 'Quarry'])} {f.r.choice(['Road', 'Street', 'Avenue', 'Lane'])}",
    "facility": _pick("library on {street} | community pool | youth centre | museum annexe"),
    "charity": _pick("the Heartline Trust | the Mind Matters Foundation | the Children's Health Fund | CareNet"),
    "ref": lambda f: f"{f.r.randint(10, 99)}-{f.r.randint(100000, 999999)}",
    "fare": _num(39, 240), "bill": _num(60, 180), "mpg": _num(38, 62), "grams": _num(28, 1450), "km": _num(300, 1100),
    "gust": _num(80, 140), "low": _num(-3, 7), "rain": _num(15, 45), "rain2": _num(50, 110),
    "adj": lambda f: f.r.choice(_words("Quiet Silver Long Distant Broken Hollow Golden Restless Northern Last")),
    "noun": lambda f: f.r.choice(_words("Harbour Lantern River Orchard Signal Meridian Tide Island Winter Ember")),
    "moved": _updown("rose | gained | added | climbed | advanced", "fell | lost | shed | slipped | declined"),
    "oil_moved": lambda f: f.r.choice(("rose", "fell", "edged up", "slipped")),
    "usd_moved": lambda f: f.r.choice(("strengthened", "weakened", "was little changed")),
    "yield_moved": lambda f: f.r.choice(("rose", "eased", "climbed", "dipped")),
    "vix_moved": _updown("fell | eased", "jumped | climbed"), "gbp_moved": lambda f: f.r.choice(("firmer", "weaker", "flat")),
    "dow_pts": _num(40, 780), "mpct": _real(0.1, 2.4, "{:.2f}"), "billion": _real(1.2, 48), "btc": lambda f: f"{f.r.randint(55, 125) * 1000:,}",
    "sp_target": lambda f: f"{f.r.randint(60, 80) * 100:,}",
}


class _Filler:
    """Fills {slot} templates; sticky slots are memoised per page (or per related headline)."""

    SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, rng: random.Random, site: dict, pub: datetime, **preset):
        self.r, self.site, self.pub = rng, site, pub
        day = pub - timedelta(days=rng.choice((0, 0, 1)))
        self.ctx = {"cur": site["cur"], "outlet": site["name"], "day": WEEKDAYS[day.weekday()],
                    "month": MONTHS[(pub.month - 2) % 12], **preset}

    def get(self, key: str):
        v = self.ctx.get(key)
        if v is not None:
            return v
        if key.endswith("_sn"):
            return self.get(key[:-3]).split()[-1]
        if key in STICKY:
            v = self.ctx[key] = STICKY[key](self)
            return v
        return FRESH[key](self)

    def fill(self, template: str, cap: bool = True) -> str:
        s = self.SLOT.sub(lambda m: str(self.get(m.group(1))), template)
        return s[:1].upper() + s[1:] if cap else s


# -- topics: (section slug, section label, subsection), headlines, ledes, body sentences ------

TOPICS: dict[str, tuple] = {}


def _topic(name, section, heads, ledes, body):
    TOPICS[name] = (section, _split(heads), _split(ledes), _split(body))


_topic("sports", ("sport", "Sport", "Football"),
"""{team1} beat {team2} {s1}-{s2} to climb the {league} table | {scorer_sn} on target as {team1} see off {team2}
{team2} lost again as {team1} cruise to {s1}-{s2} win | {coach1_sn} hails character after {team1} won at {venue}
{team1} {s1} {team2} {s2}: {scorer_sn} settles tense {league} clash""",
"""{team1} beat {team2} {s1}-{s2} at {venue} on {day}, with {scorer} scoring twice to lift the hosts to {pos} in the {league}.
A crowd of {crowd} watched {team1} beat {team2} {s1}-{s2} on {day} as {coach1}'s side won for the {ordinal} time in a row.
{team2} lost {s1}-{s2} at {venue} on {day}, a result that leaves {coach2} under growing pressure.""",
"""{scorer_sn} opened the scoring in the {minute} minute, turning sharply inside the area before drilling a low shot past {keeper}.
{team2} had the better of the early exchanges but failed to test the goalkeeper with any real conviction.
The visitors lost their captain to a hamstring injury shortly before half-time and never really recovered.
{coach1} said afterwards that his players had "won the battle in midfield" and deserved the three points.
It was {team1}'s {ordinal} home win of the season, and they have now won {n} of their last {n2} league games.
{team2} have now lost {n} matches in a row, and the pressure on {coach2} is growing.
A second goal arrived just after the break when {name} headed in a corner at the near post.
{keeper} made three fine saves to keep the score respectable but could do nothing about the second goal.
The home supporters, {crowd} of them, roared their approval at the final whistle.
{team2} threatened briefly after the hour, but their finishing let them down again.
The referee, {name}, booked {n} players in a bad-tempered second half.
The result lifts {team1} to {pos} in the {league}, {n} points behind the leaders.
{team2} remain in the bottom half of the table and face a difficult trip to {town} next weekend.
"We knew we had to be brave with the ball, and the lads did that," said {coach1}.
"It is a bad day, there is no hiding from it," {coach2_sn} admitted. "We lost our shape and we lost our heads."
Statistics showed that {team1} won {pct_int} per cent of their duels and had far more of the ball after the break.
{scorer_sn}, signed from {club} in the summer, now has {n} goals in all competitions.
Substitute {name} almost added another late on, striking the post from the edge of the box.
Both sides observed a minute's applause before kick-off in memory of a former club president.
{team1} have won more home games than any other side in the division and have the best defensive record.
The pitch, heavy after a week of rain, made neat passing difficult for both teams.
{team2} beat the leaders only a month ago, which makes this defeat all the more puzzling for their supporters.
Next up for {team1} is a cup tie against {club}, before the league resumes the following weekend.
Tickets for that game went on sale on {weekday}, and the club expects a sell-out.
{scorer_sn} said he was delighted to have won the penalty that effectively decided the game.
Elsewhere in the {league}, {club} and {club} shared the points in a {draw} draw.
{club} beat {club} {wl} to move level on points with {team1}.
{club} lost {wl} at home to {club}, their third defeat in a row.
The captain, who has won the league twice with the club, was replaced with ten minutes left to a standing ovation.""")

_topic("weather", ("weather", "Weather", "Forecasts"),
"""Storm {storm} to bring gales and heavy rain to {region} | Heatwave warning as temperatures near {temp}C in {city}
Weekend weather: sunshine for most but showers in {region} | Flood alerts issued after {rain}mm of rain falls in a day
Frost and fog expected as cold snap tightens grip on {city}""",
"""Forecasters have issued a {colour} warning for wind across {region}, with gusts of up to {gust} km/h expected as Storm {storm} arrives on {day} night.
Temperatures in {city} are expected to climb to {temp}C this week, prompting health officials to urge residents to stay out of the midday sun.
{city} and much of {region} can expect a changeable few days, with bright spells interrupted by heavy showers and the risk of thunder.""",
"""The national weather service said the strongest winds would affect exposed coasts and high ground.
Rainfall totals of {rain} to {rain2} millimetres are possible in places, with the heaviest bursts overnight.
Chief forecaster {expert} said conditions could change quickly and urged people to check the latest warnings before travelling.
"This is a vigorous system and we are confident it will cause disruption," {expert_sn} said.
Ferry operators have cancelled a number of crossings, and some rail services are running to a reduced timetable.
The UV index is expected to be high in the afternoon, and parents are advised to keep children in the shade.
Overnight temperatures will drop to around {low}C in rural areas, with a touch of frost in sheltered valleys.
By {weekday}, a ridge of high pressure should settle things down, bringing lighter winds and longer sunny spells.
Emergency crews were called to {n} fallen trees in {town} on {day} morning, according to the fire service.
Farmers in {region} said the wet spell had delayed planting by several weeks.
The last time {city} recorded a temperature this high in {month} was more than twenty years ago.
Residents of low-lying streets near the river have been advised to move valuables upstairs as a precaution.
The council has opened {n} cooling centres in libraries and community halls, which will stay open until 9pm.
Drivers are being urged to slow down and leave extra distance, as spray and standing water reduce visibility.
Engineers restored electricity to about {big} homes by the evening, but some outages continued in remote areas.
Pollen levels are forecast to be very high, which could cause discomfort for hay fever sufferers.
Coastal paths near {town} have been closed after part of a cliff gave way during the night.
Forecasters said the outlook for the following week was uncertain, with computer models disagreeing about the track of the next low.
So far this month {city} has received {pct_int} per cent more rain than the long-term average.
Airports reported minor delays, mainly to early morning departures, while runways were cleared.
Several outdoor events, including a food festival in {town}, have been postponed until later in the month.
Sea temperatures remain unusually warm for the time of year, which scientists say can add energy to passing storms.
Schools in {town} will open as normal, although the local authority said it would review the situation early on {weekday}.
Gardeners are being advised to protect tender plants and bring pots indoors overnight.
Walkers were warned to stay away from sea walls and piers while the waves are at their highest.
A spokesperson for the highways agency said gritters would be out from late afternoon on main routes.""")

_topic("local_politics", ("local", "Local", "Council"),
"""{city} council approves {money} plan for {project} | Councillors clash over {project} as vote is delayed
Mayor {person_sn} defends council tax rise | Residents pack town hall meeting over {project}
{city} to cut {n2} council posts in budget overhaul""",
"""Councillors in {city} voted {v1} to {v2} on {day} night to press ahead with {project}, ending months of debate.
Mayor {person} has defended plans for {project}, saying the town could not afford to stand still.
More than {hundreds} residents attended a public meeting in {city} on {day} to voice their concerns about {project}.""",
"""The scheme is expected to cost {money}, to be funded partly by a government grant and partly from council reserves.
Opposition councillor {name} said the decision had been rushed through without proper consultation.
"People feel they have not been listened to," {surname} told the meeting.
The cabinet member for transport, {official}, said the plans would cut journey times and improve air quality.
A public consultation last year received {big} responses, about {pct_int} per cent of which were broadly supportive.
Shop owners on {street} have warned that months of roadworks could drive customers away.
The authority faces a budget gap of {money} next year, which officials blame on rising social care costs.
Council tax for a typical home will rise by {pct} per cent from April, the maximum allowed without a referendum.
The meeting was adjourned twice after members of the public heckled speakers from the gallery.
A petition opposing the plans has gathered more than {big} signatures.
Officials said work could begin in the spring and would take about {n} months to complete.
{official_sn} insisted that no final decision had been made on the future of the {facility}.
The planning committee will consider a revised application at its next meeting in {month2}.
Local campaign group {group} said it was considering a legal challenge.
Mayor {person_sn} said the council had made savings of {money} over three years without closing frontline services.
Unions representing council staff said they had not been consulted on the proposed job cuts.
The leader of the opposition group, {name}, called the budget "a tax rise dressed up as investment".
Traffic counts commissioned by the council found that around {big} vehicles use the route every day.
Some residents welcomed the plans, saying the area had been neglected for too long.
The council's own auditors have previously raised concerns about the management of large building projects.
Councillors also approved a motion to plant {big} trees across the borough over the next decade.
The regional government has yet to confirm whether it will contribute to the cost.
Minutes of the meeting will be published on the council's website within ten working days.
Several councillors declared an interest and left the chamber before the vote.
"This is about the kind of place we want {city} to be in twenty years' time," {person_sn} said.""")

_topic("courts", ("news", "News", "Crime"),
"""{defendant} jailed for {years} years over {charge} | Man, {age}, denies {charge} at {city} court
Jury told of {charge} plan as trial opens | Police appeal for witnesses after {incident} in {city}
Judge criticises delays as {charge} case collapses""",
"""A {age}-year-old man has been jailed for {years} years after being found guilty of {charge} at {court}.
A jury at {court} has heard how {defendant} carried out {charge} over a period of {n} months.
Police in {city} are appealing for witnesses after {incident} on {street} late on {day}.""",
"""The court heard that {defendant_sn} had been known to police for several years.
Prosecutor {name} told the court that the evidence was "clear and compelling".
CCTV footage shown in court captured the moments before the incident.
Judge {judge_sn} said the offences had caused "lasting harm" to those affected.
In mitigation, the defence said {defendant_sn} had shown genuine remorse and had a difficult upbringing.
Detective Sergeant {name} said officers had spent hundreds of hours reviewing phone records.
The trial, which lasted {n} weeks, heard evidence from more than {n2} witnesses.
A neighbour told the court she had heard shouting shortly after midnight.
Officers recovered {money_small} in cash and a number of mobile phones during a search of the property.
The defendant, who appeared by video link from prison, spoke only to confirm his name.
Police said they were not looking for anyone else in connection with the incident.
A spokesperson for the prosecution service said offenders would be pursued however long it took.
The victim's family said in a statement that they were relieved the case was over.
Sentencing was adjourned until {weekday} so that reports could be prepared.
The court was told that {defendant_sn} had been in financial difficulty at the time.
A second man, aged {age}, was cleared of all charges.
Anyone with information is asked to contact police, quoting reference {ref}.
Judge {judge_sn} also imposed a restraining order banning {defendant_sn} from contacting the victims.
The jury took just under {n} hours to reach its verdicts.
Local residents said the street had been plagued by antisocial behaviour for months.
The defence argued that the identification evidence was unreliable.
{defendant_sn} will serve half of the sentence in custody before being released on licence.
Forensic officers remained at the scene for much of the following day.
Police said patrols in the area would be stepped up over the coming weeks.
The public gallery at {court} was full for much of the trial.
A forensic accountant told the jury that money had been moved through several bank accounts.""")

_topic("elections", ("politics", "Politics", "Elections"),
"""{cand1_sn} takes early lead as counting begins | Polls show tight race between {cand1_sn} and {cand2_sn}
{party1} claims victory in {city} as turnout rises | Voters head to the polls in {race} | {cand2_sn} concedes after bruising campaign""",
"""{cand1} of {party1} has won {race}, taking {pct_int} per cent of the vote after a campaign dominated by housing and the cost of living.
Polling stations opened at 7am on {day} as voters in {city} chose between {cand1} and {cand2} in {race}.
With a week to go before {race}, a new survey suggests {cand1} and {cand2} are separated by just {pct} points.""",
"""Turnout was estimated at {pct_int} per cent, up slightly on the previous contest.
{cand1_sn} campaigned on a promise to build {big} affordable homes and freeze public transport fares.
{cand2_sn}, a former teacher, focused on crime and the state of local roads.
Counting continued through the night at the {city} convention centre, with the result declared shortly before dawn.
"Tonight the people have spoken, and they have asked for change," {cand1_sn} told supporters.
A recount was requested in {n} wards after the margins narrowed to a handful of votes.
Election officials said there had been no significant problems at polling stations.
Postal votes made up about a third of all ballots cast, a record for the area.
Analysts said the result reflected frustration with the national government as much as local issues.
{party2} will now hold an internal review of its campaign, a spokesperson confirmed.
Young voters turned out in larger numbers than expected, according to early analysis by {univ}.
Three televised debates drew large audiences, with the second becoming notably ill-tempered.
The smaller parties together took just under {pct_int} per cent of the vote.
Voters had to bring photo identification, which is required for the first time at this election.
{cand2_sn} congratulated the winner and pledged to hold the new administration to account.
Observers from an international monitoring mission said the vote had been conducted fairly and efficiently.
Spending limits for candidates were raised this year to {money_small}.
The winner will be sworn in at a ceremony on {weekday} and is expected to name a cabinet within days.
Opinion polls had consistently shown {cand1_sn} ahead, although the gap narrowed in the final fortnight.
Volunteers knocked on more than {big} doors in the final weekend of the campaign, the party said.
The result leaves {party1} in control of the chamber for the first time in more than a decade.
Political scientist {expert} said the outcome was "a warning shot" for the established parties.
Some voters reported queues of up to an hour at polling stations in the city centre.
Both candidates pledged to tackle rising rents, though they differed sharply on how.
Election law bars the publication of new polls in the final {n} days before the vote.""")

_topic("science", ("science", "Science", "Research"),
"""Scientists report {discovery} | Study sheds new light on {field} | Researchers at {univ} announce {discovery}
Team finds {discovery} after years of fieldwork | Surprise finding could change how we understand {field}""",
"""Researchers at {univ} say they have identified {discovery}, in a study published this week in a leading peer-reviewed journal.
An international team of scientists has reported {discovery}, a finding they say could change how we understand {field}.
A team led by {expert} has found {discovery} after {n} years of fieldwork near {place}.""",
"""The findings were published in a peer-reviewed journal on {weekday}.
"We were genuinely surprised by what we saw," said {expert_sn}, the study's lead author.
The team used a combination of satellite data and laboratory analysis to reach its conclusions.
Other researchers not involved in the study urged caution, noting that the sample size was small.
The work was funded by a {money} grant from a national research council.
Samples were dated using radiocarbon techniques at a laboratory in {place}.
The researchers now plan to repeat the work with a larger set of samples.
Computer simulations suggest the effect could be stronger at higher temperatures.
{name}, a physicist who reviewed the paper, described it as "careful and convincing".
The instrument, which began operating {n} years ago, can detect signals far too faint for earlier equipment.
Field teams spent weeks camping in remote terrain to collect the samples.
It is the first time such a result has been observed outside a laboratory.
The study involved {n2} scientists from {n} countries.
The next phase of the project will use a new instrument due to come online next year.
Data from the study have been made publicly available so that other groups can check the results.
Earlier work had hinted at the effect, but the signal was too weak to be certain.
The discovery was made almost by accident, when a graduate student noticed an anomaly in the data.
"Science rarely moves in straight lines," {expert_sn} said. "This is a reminder of that."
The museum plans to put some of the specimens on public display later this year.
The researchers said their method was cheaper and faster than existing techniques.
Critics argue that more attention should be paid to replicating results before they are publicised.
The team measured changes over a period of {n2} months.
Some of the equipment had to be built from scratch because no commercial version existed.
The results could help engineers design more efficient materials, the authors said.
The paper's authors acknowledged that several questions remain unanswered.""")

_topic("health", ("health", "Health", "Health"),
"""Hospital waiting lists in {city} reach {big} | Doctors urge vaccine uptake as {illness} cases rise
Daily walk linked to lower risk of {condition}, study finds | New clinic to cut waiting times for {condition} patients
Nurses warn of winter pressure at {hospital}""",
"""Health officials in {city} have urged residents to get vaccinated after a rise in {illness} cases over the past {n} weeks.
People who walk for at least {n2} minutes a day may be less likely to develop {condition}, according to a large study led by {univ}.
{hospital} has opened a new clinic aimed at cutting waiting times for patients with {condition}.""",
"""Dr {expert}, a consultant at {hospital}, said early diagnosis made a significant difference to outcomes.
The study followed more than {big} adults over a period of {n} years.
Researchers adjusted for factors such as age, income and smoking, but said the link was not proof of cause and effect.
Waiting times for routine operations have grown by {pct_int} per cent since last year.
"We are seeing more patients than ever, and staff are working incredibly hard," said {name}, a senior nurse.
Health officials said the vaccine was safe, effective and free for eligible groups.
Pharmacies in {town} have extended their opening hours to cope with demand.
The hospital trust said it had recruited {n2} additional nurses this year.
Patients' groups welcomed the new clinic but said it would take time to clear the backlog.
Symptoms include a high temperature, a persistent cough and fatigue, and most people recover within a week.
Parents are being urged to check that their children's vaccinations are up to date.
The health department said it would publish updated guidance in {month2}.
A spokesperson for the hospital said emergency care would not be affected.
Experts recommend at least 150 minutes of moderate activity a week for adults.
The new unit cost {money} and includes {n2} treatment rooms and a diagnostic scanner.
Unions representing junior doctors said staff shortages remained the biggest problem.
Some patients have been waiting more than a year for a first appointment.
The research team plans to follow the participants for a further five years.
Hand washing and staying at home when unwell remain the best ways to limit the spread, officials said.
Mental health services have also seen a sharp increase in referrals among teenagers.
The charity {charity} said the figures were "deeply worrying".
GP surgeries in the area are offering walk-in clinics on {weekday} mornings.
The findings add to a growing body of evidence on the benefits of regular exercise.
Ambulance response times improved slightly last month but remain above target.
Local health leaders will meet next week to discuss how to ease pressure on emergency departments.""")

_topic("education", ("education", "Education", "Schools"),
"""{school} rated outstanding by inspectors | Teachers in {city} vote to strike over pay
Exam results: record numbers achieve top grades at {school} | Plans for new school in {town} move a step closer
{univ} to cut courses amid funding squeeze""",
"""{school} has been rated outstanding in every category following a two-day inspection, the first time it has achieved the top grade.
Teachers at {n} schools in {city} will walk out next {weekday} after union members voted in favour of strike action over pay and workload.
Students at {school} celebrated on {day} after results showed {pct_int} per cent achieved the top grades in at least one subject.""",
"""Head teacher {person} said the result reflected "the hard work of pupils, staff and families".
Inspectors praised the school's reading programme and the quality of its pastoral care.
The union said {pct_int} per cent of members who voted backed industrial action.
Education officials said they would do everything possible to keep schools open during the strike.
The school roll has grown to more than {hundreds} pupils in five years.
Parents have been told to make alternative childcare arrangements for the days affected.
A new science block, costing {money}, is due to open in September.
Class sizes in the area are among the largest in the region, according to government figures.
{name}, whose daughter attends the school, said she was "delighted but not surprised".
{univ} said falling international student numbers had left a hole in its finances.
Free school meals will be extended to all primary pupils in {city} from next term.
Inspectors said attendance had improved but remained below the national average.
The number of pupils with special educational needs has risen sharply in recent years.
Teachers said rising costs meant many were buying classroom supplies with their own money.
The exam board said grading this year had returned to pre-pandemic standards.
Students from the sixth form have secured places at universities including {univ}.
The council said a site for the new school had been identified near {street}.
Recruitment of maths and physics teachers remains a particular challenge, heads say.
"Every child deserves a good local school," said {official}, the council's education lead.
A breakfast club launched last year now serves dozens of pupils each morning.
The school's music department recently staged its first full musical in over a decade.
Governors will meet in {month2} to approve the school's improvement plan.
The strike will be the {ordinal} day of action this academic year.
Universities have warned that tuition fee income no longer covers the cost of teaching many subjects.
Pupils have also raised {money_small} for local charities this year.""")

_topic("entertainment", ("culture", "Culture", "Film & Music"),
"""Review: '{film}' is a quiet triumph | {actor} to star in new thriller from director {director_sn}
{band} announce tour with {city} date | '{film}' tops box office in opening weekend | {singer} wins best album at music awards""",
"""'{film}', the new drama from director {director}, opens in cinemas this {weekday} after a rapturous reception at the {festival}.
{band} played to a sell-out crowd of {big} at {hall} on {day} night, their first hometown show in {n} years.
{singer} won best album at the annual music awards in {place} on {day}, beating a strong field that included several former winners.""",
"""The film runs to just over two hours but rarely drags.
{actor} gives a performance of real restraint as a widowed fisherman trying to hold his family together.
Critics have praised the cinematography, which makes striking use of natural light.
The soundtrack, composed by {name}, is already being talked about as an awards contender.
The band opened with a new song before launching into a run of early favourites.
Fans had queued outside the venue since the early afternoon.
The film took {money} at the box office in its first three days.
{director_sn} spent {n} years developing the script, which is based on a novel by {name}.
The set list leaned heavily on the band's second album, which turns ten this year.
The festival runs until {weekday} and includes more than {n2} premieres.
Not everything works: the final act feels rushed, and one subplot is abandoned altogether.
{singer} thanked her parents and her producer in an emotional acceptance speech.
Tickets for the tour go on general sale on {weekday} at 10am.
A streaming release is planned for later in the year.
Supporting act {band2} won over the early crowd with a short, energetic set.
The production was shot over {n} weeks on location in {place}.
It is the {ordinal} collaboration between {director_sn} and {actor_sn}.
A sequel has not been ruled out, the studio said.
The encore, a stripped-back acoustic version of their biggest hit, drew the loudest cheer of the night.
The ceremony was hosted by comedian {name}, whose jokes drew mixed reactions.
Visually, the film is a treat, even when the story loses its way.
The album was recorded in a converted farmhouse over a single winter.
Organisers said this year's event had attracted a record number of visitors.
The gallery's new exhibition brings together more than {n2} works, many never shown in public before.
Rating: four stars out of five.""")

_topic("travel", ("travel", "Travel", "Destinations"),
"""Forty-eight hours in {dest}: where to eat, stay and explore | Why {dest} should be on your list this {season}
{airline} adds new routes to {dest} | A slow journey through {dest} by train | Border queues expected for {season} trips to {dest}""",
"""There are few places that reward a long weekend quite like {dest}, where old streets, good food and easy walks sit side by side.
{airline} has announced {n} new routes to {dest} from next {season}, with fares starting at {cur}{fare}.
Travellers heading to {dest} this {season} are being warned to expect longer queues at the border as new entry checks come into force.""",
"""Start the day with coffee and a pastry at a small bakery near the old harbour.
The walk up to the viewpoint takes about forty minutes and is best done early, before the crowds arrive.
Rooms at {hotel} start at around {cur}{fare} a night, including breakfast.
The local transport pass, valid for {n} days, is excellent value and covers most of the main sights.
Many museums are free on the first {weekday} of the month.
Dinner at a family-run restaurant on the waterfront cost us {cur}{bill} for two, with wine.
The best time to visit is late spring or early autumn, when the weather is mild and prices are lower.
Our train left on time and the journey took just under {n} hours, with spectacular views along the coast.
The airline said the new routes would operate {n} times a week.
Travellers are advised to check passport validity well before departure.
A boat trip around the bay is the best way to appreciate the scale of the cliffs.
The covered food hall sells local cheeses, cured meats and fresh fruit.
Tourism officials say visitor numbers have recovered to record levels.
Some residents have complained that short-term rentals are pushing up rents in the old town.
A tourist tax of {cur}{n} per person per night applies to most accommodation.
Hire a bike for the day and follow the riverside path out to the vineyards.
The cathedral is open daily, though visitors should dress modestly.
Hotel prices rise sharply during the summer festival, so book early.
Hiking boots are essential; the trails can be rocky and slippery after rain.
We spent our last evening watching the sunset from the old fortress walls.
Airport staff unions said further walkouts could follow if talks fail.
Flights from {place} take around {n} hours.
The old quarter is compact and easy to explore on foot in a single day.
Ask locals for recommendations: the best places rarely appear in the guidebooks.
Getting there: direct flights operate from several major cities, and the overnight sleeper train is a greener option.""")

_topic("food", ("food", "Food", "Restaurants"),
"""Restaurant review: {restaurant}, {city} | Chef {chef_sn} opens second site in {town}
Recipe: {dish} for a quick weeknight supper | Food festival returns to {city} with {n2} stalls | Where to eat in {city} this {season}""",
"""{restaurant} opened quietly on a side street in {city} last spring and has been full almost every night since.
Chef {chef} has announced plans to open a second restaurant in {town}, just over a year after her first won a string of awards.
This {dish} comes together in about thirty minutes and needs little more than a good pan and a few store-cupboard ingredients.""",
"""The menu changes daily and is written on a chalkboard above the open kitchen.
We started with crisp fried artichokes and a plate of cured ham, both excellent.
A main course of slow-cooked lamb with white beans was rich, generous and deeply savoury.
Desserts are simple but well made; the lemon tart is the one to order.
Dinner for two with a bottle of wine came to about {cur}{bill}.
Service was warm and unhurried, if occasionally a little forgetful.
Heat a splash of olive oil in a large pan and soften the onion for ten minutes.
Add the garlic and chilli and cook for another minute, then stir in the tomatoes.
Season well and finish with a squeeze of lemon and a handful of chopped parsley.
{chef_sn} trained in {place} before returning home to open her first kitchen.
Many of the vegetables come from a farm less than {n2} miles away.
The wine list is short, affordable and leans towards small producers.
"I cook the food I want to eat," {chef_sn} said. "Nothing more complicated than that."
Booking is essential at weekends, though a few tables are kept for walk-ins.
The festival runs over {n} days and includes cookery demonstrations and tastings.
Food prices have risen sharply, and restaurants say margins have never been tighter.
Vegetarian options are limited but thoughtful.
The bread, baked in-house each morning, is worth the visit alone.
Serve with rice or crusty bread and a green salad.
Leftovers keep well in the fridge for up to three days.
The dining room is small, with just {n2} covers, and can get noisy.
Street food traders will be selling dishes from more than {n2} countries.
Swap the chicken for chickpeas to make the recipe vegetarian.
The restaurant was named in this year's regional food guide.
Coffee comes from a roaster a few streets away.""")

_topic("cars", ("motoring", "Motoring", "Reviews"),
"""Road test: {car} is a sensible family all-rounder | First drive: the electric {car} is quick, quiet and pricey
{carbrand} recalls {big} vehicles over brake fault | Petrol prices fall for third month in a row | Used electric car prices slide""",
"""The {car} arrives in showrooms next month with a starting price of {carprice}, and on first impressions it is one of the more accomplished cars in its class.
{carbrand} is recalling {big} vehicles after discovering a fault that could affect the brakes in cold weather.
We spent a week with the {car}, covering {hundreds} miles of motorway, country lanes and school runs.""",
"""The cabin is well built, with soft materials where it matters and a clear, simple dashboard.
A {kwh} kWh battery gives an official range of {range} km, although expect about a fifth less in cold weather.
Boot space is generous, and the rear seats fold almost flat.
Ride comfort is good on smooth roads, but it can feel fidgety over potholes.
Owners will be contacted by letter, and repairs will be carried out free of charge.
The entry-level model comes with heated seats, adaptive cruise control and a reversing camera as standard.
Charging from 10 to 80 per cent takes around {n2} minutes on a fast charger.
The steering is light and precise, if lacking a little feel.
Fuel economy averaged {mpg} mpg over our test route.
Insurance costs are competitive, making it a sensible choice for younger drivers.
The touchscreen is quick to respond, but some controls are buried too deep in menus.
{carbrand} says the problem affects cars built between {month2} and {month} of last year.
Rivals include several well-established family hatchbacks, most of which cost a little more.
Motoring groups said drivers should check whether their vehicle is affected.
At motorway speeds the cabin is impressively quiet.
The hybrid version is expected to account for most sales.
Average petrol prices fell by {pct} per cent last month, according to a motoring organisation.
Rear-seat passengers get their own air vents and two USB-C sockets.
Towing capacity is up to 1,500 kg, which should be enough for a small caravan.
A five-star safety rating is expected when the car is independently tested later this year.
The warranty runs for {n} years or 100,000 miles, whichever comes first.
Verdict: not the most exciting car to drive, but a very easy one to live with.
Used prices of electric cars have fallen by around {pct_int} per cent in a year, dealers say.
Our test car, with optional paint and a panoramic roof, came to {carprice}.
Servicing is needed every two years, and the dealer network is extensive.""")

_topic("technology", ("tech", "Tech", "Gadgets"),
"""{gadget} review: a polished upgrade | {techbrand} unveils {gadget} with bigger battery | Hands on with the {gadget}
Regulators fine {techbrand} over data handling | The {gadget} is the best value gadget we have tested this year""",
"""The {gadget} goes on sale on {weekday} for {price}, and after a week of daily use it is easy to recommend, with a couple of caveats.
{techbrand} has unveiled the {gadget}, promising longer battery life, a brighter screen and a redesigned case.
Data regulators have fined {techbrand} {money} after finding that the company kept users' location data for longer than necessary.""",
"""Battery life is excellent: we regularly finished the day with a third of the charge remaining.
The screen is bright enough to read outdoors, even in direct sunlight.
Setup took less than ten minutes, and the companion app is clear and simple.
The camera is good in daylight but struggles in low light, producing grainy images.
At {price}, it is not cheap, but it undercuts several of its main rivals.
The company says software updates will be provided for {n} years.
There is no charger in the box, just a USB-C cable.
Call quality is clear, and the microphones do a decent job of filtering out wind noise.
Noise cancelling is effective on trains and planes, though not quite class-leading.
The keyboard is comfortable for long typing sessions, and the trackpad is large and accurate.
Fitness tracking covers the basics well, including heart rate, sleep and step counts.
Our review unit occasionally became warm when running demanding games.
The fine follows a two-year investigation by the regulator.
A spokesperson for {techbrand} said the company disagreed with the decision and would appeal.
Privacy campaigners welcomed the ruling as a signal to the wider technology industry.
The device weighs {grams} grams.
Storage starts at 128GB, which should be enough for most people.
Repairability has improved, with a battery that can be replaced using standard tools.
The AI features are impressive in demonstrations but less useful day to day.
Software is clean, with few pre-installed apps.
Fast charging takes the battery from empty to half full in about {n2} minutes.
It comes in three colours: black, silver and a pale green.
Verdict: a polished, sensible upgrade rather than a revolution.
Security researcher {name} said users should install the latest update as soon as possible.
Pre-orders open on {weekday}, with deliveries expected within two weeks.
The speakers are loud and clear, with surprisingly solid bass.""")

_topic("climate", ("environment", "Environment", "Climate"),
"""Last month was the warmest {month} on record, scientists say | {city} unveils plan to cut emissions by {pct_int}% by 2035
Glacier retreat in {mountains} accelerating, satellite study finds | Climate talks end with pledge on adaptation funding
Solar farm plan for {town} divides opinion""",
"""Global average temperatures last month were the highest ever recorded for the time of year, according to data released on {day} by a climate monitoring service.
{city} has set out plans to cut its carbon emissions by {pct_int} per cent by 2035, including a major expansion of public transport and home insulation.
Glaciers in {mountains} are shrinking faster than at any time since measurements began, according to a new satellite study led by {univ}.""",
"""Scientists say the long-term warming trend is being driven by greenhouse gas emissions from burning fossil fuels.
Sea surface temperatures also remained well above average across much of the Atlantic.
The plan includes {n2} kilometres of new cycle lanes and a fleet of electric buses.
Campaigners said the targets were welcome but lacked detail on funding.
"Every fraction of a degree matters," said {expert}, a climate scientist at {univ}.
The solar farm would cover about {n2}0 hectares of farmland and power around {big} homes.
Residents opposed to the scheme say it would spoil views and take good land out of food production.
Developers say sheep will continue to graze between the panels.
Meltwater from glaciers supplies drinking water and irrigation for millions of people downstream.
Negotiators worked through the night to agree the final text.
Poorer countries say they need far more support to cope with floods, droughts and heatwaves.
The city's emissions have already fallen by about a quarter since 2010, officials say.
Insurers have warned that extreme weather is making some homes harder to cover.
Heat pumps will be offered to {big} households under a subsidised scheme.
The study combined satellite measurements with field observations from {n} research stations.
Some ski resorts have already begun investing in summer tourism to offset shorter winters.
Environmental groups called for a faster phase-out of coal and gas.
The data show that each of the past ten years has been among the warmest ever measured.
A public consultation on the proposals will run until the end of {month2}.
Tree planting and wetland restoration are also part of the strategy.
Farmers in the region have reported earlier harvests and more frequent dry spells.
The report's authors said adaptation measures were now as urgent as cutting emissions.
Critics argue the city should focus first on reducing traffic in the centre.
Wind and solar supplied a record share of electricity last year.
The next round of international climate talks will take place in {place} next year.""")

_topic("real_estate", ("property", "Property", "Housing"),
"""House prices in {city} rise {pct}% in a year | First-time buyers squeezed as rents hit record high
Mortgage rates edge down as lenders compete for customers | Plans for {hundreds} new homes on edge of {town} approved
Property of the week: a converted chapel in {town}""",
"""The average house price in {city} rose by {pct} per cent over the past year to {houseprice}, according to figures published on {day}.
Average rents for new tenancies in {city} have reached a record {rent} a month, up {pct} per cent on a year earlier.
Plans to build {hundreds} homes on farmland on the edge of {town} have been approved despite objections from residents.""",
"""Estate agents said demand was strongest for family homes with gardens.
Properties are selling within an average of {n2} days of being listed.
Lenders have cut mortgage rates several times in recent weeks, with some five-year fixed deals now below {fed_hi} per cent.
First-time buyers now need a deposit of around {deposit} on a typical starter home.
"There are simply not enough homes being built," said {name}, a local estate agent.
The development will include a primary school, a health centre and {n} hectares of open space.
A quarter of the new homes will be classed as affordable, the developer said.
Residents raised concerns about traffic, flooding and pressure on local services.
Rents have risen faster than wages for {n} years in a row.
The number of homes for sale is {pct_int} per cent higher than a year ago, giving buyers more choice.
The converted chapel has four bedrooms, a vaulted living space and a walled garden.
Its guide price is {houseprice}.
Landlords say higher costs and new regulations have pushed some to sell up.
Asking prices in the city centre have fallen slightly as more flats come up for sale.
Housing charities warned that more families were living in temporary accommodation.
Planning officers said the scheme complied with the council's local plan.
Surveyors reported that buyer enquiries rose for the third month running.
Homes near good schools continue to command a premium of up to {pct_int} per cent.
The government has promised to speed up the planning system to boost housebuilding.
Construction is expected to begin next year and take around {n} years to complete.
Renters' groups called for limits on annual rent increases.
Detached homes saw the strongest price growth, while flats lagged behind.
Viewings are strictly by appointment through the selling agent.
The typical time from offer to completion has stretched to around four months.
Housebuilders say rising material costs are delaying some projects.""")

_topic("obituaries", ("obituaries", "Obituaries", "Obituaries"),
"""{person}, {profession}, dies aged {oage} | Obituary: {person} | Tributes paid to {person} | {person} obituary""",
"""{person}, who has died aged {oage}, was {profession} whose work touched the lives of thousands of people in {city} and beyond.
Tributes have been paid to {person}, {profession}, who died peacefully at home in {town} on {day}, aged {oage}.
{person} was born in {town} in {birth_year}, the youngest of {n} children of a railway worker and a seamstress.""",
"""{person_sn} grew up in a small terraced house and left school at sixteen.
{He} trained at night school while working in a factory by day.
In {wed_year} {he} married {spouse}, whom {he} had met at a dance.
Colleagues remembered {him} as generous, funny and relentlessly curious.
{His} work was recognised with a national award in later life.
{He} is survived by {his} {n} children and several grandchildren.
Away from work, {he} was a keen gardener and a lifelong supporter of {club}.
{He} never lost {his} sense of wonder, friends said.
A funeral will be held at {church} on {weekday}, followed by a celebration of {his} life.
"{He} taught a whole generation to believe in themselves," said {name}, a former colleague.
In retirement {he} volunteered with a local literacy charity for more than a decade.
{His} first big break came when {he} was in {his} early thirties.
The family has asked for donations to a hospice in lieu of flowers.
{He} travelled widely, but always said that {town} was home.
Former pupils and patients left hundreds of messages on a memorial page.
{He} wrote {n} books, the last of them published only a few years ago.
A bench in the park where {he} walked every morning is to be dedicated in {his} memory.
The local council flew its flag at half-mast as a mark of respect.
{He} was modest about {his} achievements and rarely gave interviews.
Friends recall someone who could talk to anyone about anything.
{He} served on the board of the local hospital for many years.
Music was a constant in {his} life; {he} sang in a choir for more than fifty years.
{His} generosity was legendary, and many young people owed their start to {him}.
Even in {his} final months {he} kept up a daily walk and a lively correspondence.
{He} was proud of {his} roots and never moved far from the streets where {he} grew up.""")

_topic("business", ("business", "Business", "Markets"),
"""Wall Street {closes} as investors weigh Fed outlook | Stocks {closes} as oil trades near ${oil} a barrel
FTSE 100 {closes} as miners and banks move | Gold near ${gold} an ounce as investors seek safety
{company} shares jump after profit beat | Dollar {usd_moved} ahead of jobs data""",
"""US stocks {rose} on {day}, with the S&P 500 {gaining} {sp_pct} per cent to close at {sp_level}, as investors weighed fresh signals on the path of interest rates.
European shares closed {higher} on {day}, with the FTSE 100 ending at {ftse_level} and Germany's DAX {gaining} {mpct} per cent.
{company} shares jumped {pct} per cent on {day} after the company reported quarterly profits well ahead of analysts' forecasts.""",
"""The Dow Jones Industrial Average {moved} {dow_pts} points, or {mpct} per cent, while the tech-heavy Nasdaq {moved} {mpct} per cent.
In London, the FTSE 100 closed {mpct} per cent {higher} at {ftse_level}, while Germany's DAX {moved} {mpct} per cent.
Brent crude {oil_moved} to ${oil} a barrel, while West Texas Intermediate traded at ${wti}.
Gold was steady at around ${gold} an ounce.
The dollar {usd_moved} against a basket of major currencies, and the euro traded at ${eur}.
Against the yen, the dollar was at {yen}.
Traders are pricing in {n} quarter-point cuts to the Federal Reserve's benchmark rate by the end of next year.
The Fed held rates in a range of {fed_lo} to {fed_hi} per cent at its last meeting.
"Markets are caught between solid earnings and a lot of uncertainty about policy," said {name}, chief investment strategist at {firm}.
Ten-year Treasury yields {yield_moved} to {yield} per cent.
Technology stocks led the way, with chipmakers among the biggest movers.
Energy shares tracked the price of oil.
Banks were mixed after a round of quarterly results.
Retail sales data due on {weekday} will give a fresh read on the health of the US consumer.
{company} said revenue rose {pct} per cent to ${billion} billion in the three months to {month}.
The company also raised its full-year guidance, citing strong demand in North America.
In Paris, the CAC 40 {moved} {mpct} per cent.
The European Central Bank is widely expected to hold rates at its next meeting.
Inflation in the eurozone eased to {infl} per cent last month, official figures showed.
Bitcoin traded at around ${btc}.
Analysts at {firm} raised their year-end target for the S&P 500 to {sp_target}.
Copper prices climbed on hopes of stronger demand from manufacturers.
The pound was {gbp_moved} at ${gbp}.
Shares in {company2} fell {pct} per cent after the company warned on profits.
The VIX volatility index, often called Wall Street's fear gauge, {vix_moved} to {vix}.
Small-cap stocks in the Russell 2000 {moved} {mpct} per cent.""")

_topic("world", ("world", "World", "World"),
"""Thousands protest in {capital} over pension reforms | {country} and {country2} agree trade and security pact
Earthquake of magnitude {mag} strikes off coast of {country} | Foreign ministers meet in {capital} as ceasefire talks resume
{country}'s {leader_title} survives confidence vote""",
"""Tens of thousands of people marched through {capital} on {day} in protest at government plans to raise the retirement age, in some of the largest demonstrations for years.
The leaders of {country} and {country2} have signed an agreement to deepen cooperation on trade, energy and security at a summit in {capital}.
An earthquake of magnitude {mag} struck off the coast of {country} early on {day}, shaking buildings in {capital} and prompting a brief tsunami warning.""",
"""Police estimated the crowd at about {big}, while organisers put the figure much higher.
The interior ministry said {n2} people had been arrested, most for minor public order offences.
The government insists the reforms are necessary to keep the pension system solvent.
Union leaders have called a general strike for next {weekday}.
Foreign minister {official} said the agreement marked "a new chapter" in relations between the two countries.
The agreement includes commitments on renewable energy, migration and joint military exercises.
Opposition parties accused the government of making concessions without parliamentary approval.
There were no immediate reports of casualties, the national disaster agency said.
Residents rushed into the streets as buildings swayed for several seconds.
A tsunami warning was lifted about an hour later.
Aid agencies said they were ready to help if required.
The United Nations secretary-general welcomed the talks and urged all sides to show restraint.
Diplomats said the negotiations had been difficult, with disagreements over the sequencing of a ceasefire.
The {leader_title} is due to travel to {place} next week for a regional summit.
Analysts said the government's majority in parliament had been significantly weakened.
The European Union said it was following developments closely.
Human rights groups called for an independent investigation into the use of force by police.
Satellite images showed damage to several ports along the coast.
Speaking in parliament, the {leader_title} said the country would not be intimidated.
The motion was defeated by {v1} votes to {v2}.
Talks are expected to resume in {place} later this month.
The foreign ministry summoned the ambassador to explain the remarks.
Thousands of people spent the night in temporary shelters as aftershocks continued.
Officials said it could take weeks to restore power to some remote communities.
The embassy advised its citizens in the area to follow the instructions of local authorities.""")

# Decoy variants that mention Korea: (headlines, ledes, extra body sentences).  None of
# them may talk about stocks, shares, markets, indices, investors, currencies or rates.
KOREA = {k: (_split(h), _split(l), _split(b)) for k, (h, l, b) in {
    "world": (
        """North Korea fires ballistic missile into sea, says South Korea's military | South Korea's parliament passes contested budget
        Thousands rally in Seoul as political standoff deepens | South Korean president names new prime minister
        North and South Korea trade accusations over border incident | Japan and South Korea hold talks on security cooperation""",
        """North Korea fired a ballistic missile into the sea off its east coast on {day}, South Korea's Joint Chiefs of Staff said, the latest in a series of weapons tests this year.
        South Korea's National Assembly approved the government's budget early on {day} after an all-night session marked by angry exchanges between the ruling and opposition parties.
        Tens of thousands of people gathered in central Seoul on {day} as a standoff between the president and the opposition-controlled parliament showed no sign of easing.""",
        """The missile flew about {km} kilometres before landing outside Japan's exclusive economic zone, officials in Tokyo said.
        South Korea's military said it had strengthened surveillance and was sharing information closely with the United States and Japan.
        Pyongyang has conducted a string of launches this year, which it describes as defensive drills.
        North Korean state media said the test had been observed by senior officials and had been a success.
        United Nations resolutions ban North Korea from developing ballistic missiles, but enforcement has proved difficult.
        Analysts in Seoul said the timing appeared linked to joint military exercises due to begin next week.
        Opposition lawmakers walked out of the chamber in Seoul before the final vote.
        The presidential office in Seoul said it respected the decision of the National Assembly.
        Protesters in Seoul held candles and banners calling for the government to resign.
        Police in Seoul deployed thousands of officers to keep rival rallies apart.
        South Korea's prime minister urged calm and called for dialogue between the parties.
        Tokyo and Seoul agreed to hold regular talks between defence officials.
        Relations between the two Koreas have been frozen for several years, with hotlines largely unanswered.
        Families separated by the Korean War have repeatedly called for reunions to resume.
        A spokesperson for South Korea's unification ministry said the government remained open to dialogue."""),
    "seoul_sport": (
        """{team1} beat {team2} {s1}-{s2} in pre-season friendly in Seoul | {scorer_sn} shines as {team1} won in Seoul""",
        """{team1} beat {team2} {s1}-{s2} in a pre-season friendly in Seoul on {day}, in front of a crowd of {crowd} at the city's World Cup Stadium.""",
        """The tour, which also includes games in Tokyo and Singapore, is part of the club's efforts to build its following in Asia.
        Thousands of supporters in Seoul waited outside the team hotel for a glimpse of the players.
        The humid evening in Seoul made conditions difficult for both sides.
        South Korean fans sang throughout the second half, waving flags and scarves bought outside the stadium.
        {coach1_sn} said his squad had been overwhelmed by the welcome they received in Seoul."""),
    "kpop": (
        """K-pop group {band} announce first world tour | {band} win best group at awards in Seoul | Review: {band} bring K-pop spectacle to {place}""",
        """K-pop group {band} have announced their first world tour, with concerts in Seoul, {place} and {town} later this year.
        The K-pop group {band} played the first of three sold-out nights at {hall} on {day}, and the fans were ready for them.""",
        """The group, formed in Seoul {n} years ago, has built a huge following online.
        Fans queued overnight outside the arena, many wearing matching outfits and carrying light sticks.
        The choreography was precise and relentless, with barely a pause between songs.
        K-pop's global popularity has grown rapidly over the past decade, helped by streaming and social media.
        The members addressed the crowd in English and Korean, drawing loud cheers.
        Tickets for the Seoul shows sold out within minutes, organisers said.
        The concert ended with a fireworks display and a confetti storm."""),
    "phone": (
        """{gadget} review: Samsung's best all-rounder yet? | Hands on with the {gadget} | {gadget} review: bright, fast and pricey""",
        """The {gadget} goes on sale on {weekday} for {price}, and after a week with it there is a lot to like.""",
        """Samsung has kept the design familiar, with a flat screen and a slim aluminium frame.
        The South Korean company promises seven years of software updates, which is among the best commitments available.
        The main camera takes sharp, natural-looking photos in good light, and the zoom lens is a clear step up from last year.
        Samsung's own software adds useful features, but some duplicate apps remain.
        The {gadget} costs {price} and is available in four colours."""),
    "tv": (
        """{gadget} review: deep blacks, bright colours | {gadget} review: a superb picture at a fair price""",
        """The {gadget} is priced at {price} for the 55-inch model, and it is one of the best screens we have tested this year.""",
        """Picture quality is superb, with deep blacks and vivid colours.
        The built-in operating system is easy to navigate, though the home screen is cluttered with recommendations.
        Gamers will appreciate the four HDMI 2.1 ports and support for high refresh rates.
        The South Korean manufacturer has improved brightness noticeably this year.
        Sound from the built-in speakers is acceptable, but a soundbar is worth adding."""),
    "car": (
        """Road test: {car} | First drive: the {car} is roomy, rapid and well priced""",
        """The {car} starts at {carprice}, and after a week behind the wheel it is easy to see why it has proved so popular.""",
        """Hyundai and Kia, which belong to the same South Korean group, use much of the same underlying technology.
        The fast-charging system can take the battery from 10 to 80 per cent in about 20 minutes.
        Inside, the cabin is roomy, with a flat floor and plenty of storage.
        The official range is {range} km, and we managed close to that in mild weather.
        The {car} comes with a long warranty, a point the South Korean carmaker is keen to stress."""),
}.items()}

CAPTIONS = _split("""A view of {city} on {day}. | {person} in {city} earlier this year. | File photo. | The scene on {day} afternoon.
Visitors in {city} last {season}. | An undated handout photograph.""")


# -- outlets and their page furniture ---------------------------------------------------------

SITES = [dict(zip(("name", "domain", "p", "city", "cur", "lang", "brand", "font", "layout"), row)) for row in (
    ("The Harbour Courier", "harbourcourier.com", "hc", "Port Elsworth", "$", "en-US", "#0b3d63", "Georgia,serif", 0),
    ("Midland Daily Ledger", "midlandledger.com", "mdl", "Carverton", "$", "en-US", "#8a1c1c", "'Merriweather',serif", 1),
    ("Northgate Herald", "northgateherald.co.uk", "ngh", "Northgate", "£", "en-GB", "#1d4d2b", "'Source Serif',serif", 2),
    ("Riverside Evening Post", "riversideeveningpost.co.uk", "rep", "Wexley", "£", "en-GB", "#5b2a86", "Helvetica,Arial,sans-serif", 0),
    ("The Continental Dispatch", "continentaldispatch.eu", "cd", "Vellmar", "€", "en", "#003c71", "'Inter',sans-serif", 1),
    ("Pinecrest Gazette", "pinecrestgazette.com", "pg", "Pinecrest", "$", "en-US", "#2f5d50", "'Lora',serif", 2),
    ("Meridian News Network", "meridiannews.net", "mnn", "Lakeport", "$", "en-US", "#c0392b", "'Roboto',sans-serif", 0),
    ("The Lakeshore Tribune", "lakeshoretribune.com", "lt", "Lakeshore", "$", "en-US", "#1f3a5f", "'Libre Franklin',sans-serif", 1),
)]
SECTIONS = _words("World Politics Business Markets Tech Sport Culture Weather Opinion Science Health Travel Food Motoring Property Local Education Obituaries Video Lifestyle")
FOOTER_LINKS = _split("""About us | Contact | Careers | Advertise with us | Terms of use | Privacy policy | Cookie settings | Accessibility
Corrections | Complaints | Newsletters | Podcasts | Archive | Sitemap | RSS feeds | Help centre | Editorial standards
Subscriptions | Gift a subscription | Events | Jobs board | Our apps""")
CSS_PARTS = _words("""body wrap header topbar logo search subscribe nav nav-list nav-link hamburger breadcrumb grid story headline
standfirst byline timestamp updated share share-btn figure caption credit article-body tags tag read-more standings
sidebar related related-item related-meta most-read newsletter nl-input nl-button footer footer-cols footer-links copyright ad-slot skip""")
CSS_PROPS = _split("""margin:{s} {s} | padding:{s} {s} | color:{c} | background:{c} | font-size:{f}rem | line-height:{l} | display:{d}
border-bottom:1px solid {c} | font-weight:{w} | letter-spacing:.0{k}em | text-transform:uppercase | max-width:{mw}px | gap:{s}
border-radius:{k}px | text-decoration:none | align-items:center | position:relative | overflow:hidden | font-family:{ff}
box-shadow:0 {k}px {s} rgba(0,0,0,.{k}) | transition:color .2s ease | list-style:none | width:100% | flex-wrap:wrap
justify-content:space-between | border-top:{k}px solid {c} | min-height:{mh}px | opacity:.{k}""")
ICONS = {"share": "M18 8a3 3 0 1 0-2.8-4L7.8 7.7a3 3 0 1 0 0 4.6l7.4 3.7A3 3 0 1 0 16 14l-7.4-3.7a3 3 0 0 0 0-.6l7.4-3.7A3 3 0 0 0 18 8z",
         "tweet": "M4 4l16 16M20 4L4 20M3 12h18", "email": "M3 5h18v14H3zM3 5l9 7 9-7", "link": "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"}
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
    """Per-outlet CSS, nav, footer and script: identical across an outlet's pages, as on real sites."""
    s, r = SITES[idx], random.Random(7919 * (idx + 1))
    p, pal = s["p"], [s["brand"], "#111111", "#ffffff", "#f4f4f2", "#d9d9d6", "#5f6368"]
    vals = {"s": lambda: f"{r.choice((0, 2, 4, 6, 8, 12, 16, 20, 24, 32))}px", "c": lambda: r.choice(pal),
            "f": lambda: str(r.choice((.75, .8125, .875, .9375, 1, 1.125, 1.25, 1.5, 2, 2.25))), "l": lambda: str(r.choice((1.2, 1.35, 1.5, 1.6))),
            "d": lambda: r.choice(("flex", "block", "grid", "inline-block")), "w": lambda: str(r.choice((400, 600, 700, 800))),
            "k": lambda: str(r.randint(1, 9)), "mw": lambda: str(r.choice((680, 720, 960, 1200, 1280))), "ff": lambda: s["font"],
            "mh": lambda: str(r.choice((40, 48, 90, 250)))}
    decl = lambda: ";".join(_Filler.SLOT.sub(lambda m: vals[m.group(1)](), x) for x in r.sample(CSS_PROPS, r.randint(3, 7)))
    rules = [f":root{{--brand:{s['brand']};--ink:#111;--gutter:{r.choice((16, 20, 24))}px}}",
             f"@font-face{{font-family:'{p}-display';src:url(https://static.{s['domain']}/fonts/{p}-display.{r.getrandbits(32):08x}.woff2) format('woff2');font-display:swap}}",
             "*,*::before,*::after{box-sizing:border-box}", "img{max-width:100%;height:auto}"]
    rules += [f".{p}-{c}{{{decl()}}}" for c in CSS_PARTS]
    rules += [f".{p}-{c}:hover{{color:var(--brand);text-decoration:underline}}" for c in ("nav-link", "related-item", "tag", "footer-links")]
    rules.append(f"@media (max-width:{r.choice((720, 768, 800, 900))}px){{{''.join(f'.{p}-{c}{{{decl()}}}' for c in r.sample(CSS_PARTS, 10))}}}")
    nav = ["Home"] + [x for x in SECTIONS if x in set(r.sample(SECTIONS, r.randint(7, 11)))]
    footer = r.sample(FOOTER_LINKS, r.randint(10, 20))
    js = JS.replace("__P__", p).replace("__V__", f"{r.getrandbits(40):010x}")
    return {"css": "\n".join(rules), "nav": nav, "footer": footer, "js": js, "ga": f"NM-{r.getrandbits(28):07X}"}


# -- page assembly --------------------------------------------------------------------------

_KOREA = re.compile(r"\b(?:korea\w*|seoul|pyongyang|k-pop|samsung|hyundai|kia|lg)\b", re.I)
_RISKY = re.compile(r"\b(?:stocks?|shares|markets?|index|indices|bourse|investors?|securities|currenc(?:y|ies)|exchange rates?)\b", re.I)
_EPOCH = datetime(2025, 1, 1)
TOPIC_NAMES = list(TOPICS)
esc = lambda s: html.escape(s, quote=False)
attr = lambda s: html.escape(s, quote=True)


def _slug(text: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()[:9])


def _url(site: dict, section: str, pub: datetime, slug: str, ident: int) -> str:
    return ("https://www.{d}/{s}/{t:%Y/%m/%d}/{g}-{i}", "https://www.{d}/{s}/{g}-{i}.html",
            "https://www.{d}/news/{s}/{i}/{g}")[site["layout"]].format(d=site["domain"], s=section, t=pub, g=slug, i=ident)


def _paragraphs(f: _Filler, lede: str, pool: list[str], target: int) -> list[str]:
    """3-6 sentences a paragraph, 6-20 paragraphs, until the word target is met."""
    rng, deck, paras, words = f.r, [], [], 0

    def draw() -> str:
        if not deck:
            deck.extend(rng.sample(pool, len(pool)))
        return f.fill(deck.pop())

    while (words < target or len(paras) < 6) and len(paras) < 20:
        for _ in range(20):  # a paragraph naming Korea must not talk about markets: redraw it
            sents = [lede] if not paras else []
            sents += [draw() for _ in range(rng.randint(3, 6) - len(sents))]
            text = " ".join(sents)
            if not (_KOREA.search(text) and _RISKY.search(text)):
                break
        else:
            continue
        paras.append(text)
        words += len(text.split())
    return paras


def _related(rng: random.Random, site: dict, pub: datetime, count: int) -> list[tuple[str, str, str]]:
    """(url, headline, section label) of other, non-Korean stories on the same site."""
    out = []
    for _ in range(count):
        (slug, label, _), heads, _, _ = TOPICS[rng.choice(TOPIC_NAMES)]
        h = _Filler(rng, site, pub).fill(rng.choice(heads))
        when = pub - timedelta(hours=rng.randint(1, 200))
        out.append((_url(site, slug, when, _slug(h), rng.randint(10**6, 10**7)), h, label))
    return out


def _svg(name: str) -> str:
    return (f'<svg class="icon icon-{name}" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" '
            f'stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="{ICONS[name]}"/></svg>')


def _share(p: str, url: str, headline: str, where: str) -> str:
    mail = attr(f"mailto:?subject={headline}&body={url}")
    return (f'<div class="{p}-share {p}-share--{where}" role="group" aria-label="Share this story">'
            f'<button class="{p}-share-btn" type="button" data-share="share">{_svg("share")}<span>Share</span></button>'
            f'<button class="{p}-share-btn" type="button" data-share="tweet">{_svg("tweet")}<span>Tweet</span></button>'
            f'<a class="{p}-share-btn" href="{mail}">{_svg("email")}<span>Email</span></a>'
            f'<button class="{p}-share-btn" type="button" data-copy="{attr(url)}">{_svg("link")}<span>Copy link</span></button></div>')


def _standings(f: _Filler, p: str) -> str:
    rng, played = f.r, f.r.randint(10, 30)
    teams = {f.get("team1"), f.get("team2")}
    while len(teams) < 8:
        teams.add(_team(f))
    rows = []
    for t in teams:
        w = rng.randint(1, played - 2)
        d = rng.randint(0, played - w)
        rows.append((3 * w + d, rng.randint(-15, 25), t, w, d, played - w - d))
    rows.sort(reverse=True)
    body = "".join(f"<tr><td>{k}</td><td>{esc(t)}</td><td>{played}</td><td>{w}</td><td>{d}</td><td>{l}</td><td>{gd:+d}</td><td>{pts}</td></tr>"
                   for k, (pts, gd, t, w, d, l) in enumerate(rows, 1))
    return (f'<table class="{p}-standings"><caption>{esc(f.get("league"))}: top of the table</caption><thead><tr><th>#</th>'
            f"<th>Team</th><th>P</th><th>W</th><th>D</th><th>L</th><th>GD</th><th>Pts</th></tr></thead><tbody>{body}</tbody></table>")


def _page(i: int) -> tuple[str, str, bytes, str, str]:
    """(url, title, html, topic, decoy kind or '') of unrelated page i."""
    rng = random.Random(i)
    site_idx = rng.randrange(len(SITES))
    site, assets, p = SITES[site_idx], _site_assets(site_idx), SITES[site_idx]["p"]
    pub = _EPOCH + timedelta(minutes=rng.randrange(730 * 24 * 60))
    x, kind, preset = rng.random(), "", {}
    if x < 1 / 60:
        kind, topic = "world", "world"
        preset = {"cc": "South Korea:Seoul", "country2": "Japan", "leader_title": "president"}
    elif x < 1 / 60 + 1 / 100:
        kind = rng.choice(("seoul_sport", "kpop"))
        topic = "sports" if kind == "seoul_sport" else "entertainment"
        preset = {"city": "Seoul", "venue": "Seoul World Cup Stadium", "band": rng.choice(K_BANDS)}
    elif x < 1 / 60 + 1 / 100 + 1 / 80:
        kind, brand, product = rng.choice(K_PRODUCTS).split(":")
        topic = "cars" if kind == "car" else "technology"
        cur = rng.choice(("$", "€"))
        price = f"{cur}{rng.randint(28, 52) * 1000 + 990:,}" if kind == "car" else f"{cur}{rng.choice((449, 799, 999, 1199, 1499, 1799, 2499))}"
        preset = {"cur": cur, "gadget": product, "techbrand": brand, "car": product, "carbrand": brand, "price": price, "carprice": price}
    else:
        topic = rng.choice(TOPIC_NAMES)
    f = _Filler(rng, site, pub, **preset)
    (sec_slug, sec_label, sub_label), heads, ledes, body = TOPICS[topic]
    if kind:
        heads, ledes, extra = KOREA[kind]
        body = body + extra * 2
    headline = f.fill(rng.choice(heads))
    paras = _paragraphs(f, f.fill(rng.choice(ledes)), body, int(rng.triangular(540, 1320, 760)))
    words = sum(len(t.split()) for t in paras)
    desc = re.split(r"(?<=\.)\s", paras[0])[0]
    reporter = f.get("reporter")
    ident = 100_000 + i
    url = _url(site, sec_slug, pub, _slug(headline), ident)
    title = f"{headline} | {site['name']}"
    iso = pub.strftime("%Y-%m-%dT%H:%M:00Z")
    modified = (pub + timedelta(minutes=rng.randint(5, 400))).strftime("%Y-%m-%dT%H:%M:00Z")
    img = f"https://static.{site['domain']}/images/{pub:%Y/%m}/{rng.getrandbits(64):016x}.jpg"
    shown = f"{pub.day} {pub:%B %Y}, {pub:%H:%M} GMT" if site["lang"] != "en-US" else f"{pub:%B} {pub.day}, {pub.year} {pub:%I:%M %p} ET"
    author_url = f"https://www.{site['domain']}/authors/{_slug(reporter)}"
    related = _related(rng, site, pub, rng.randint(4, 6))
    most_read = _related(rng, site, pub, 5)

    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "description": desc,
          "datePublished": iso, "dateModified": modified, "articleSection": sec_label, "wordCount": words, "inLanguage": site["lang"],
          "image": [img], "author": [{"@type": "Person", "name": reporter, "url": author_url}],
          "publisher": {"@type": "Organization", "name": site["name"],
                        "logo": {"@type": "ImageObject", "url": f"https://static.{site['domain']}/img/logo-600x60.png"}},
          "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "isAccessibleForFree": True}
    analytics = (f'window.dataLayer=window.dataLayer||[];function nmq(){{dataLayer.push(arguments)}}nmq("js",new Date());'
                 f'nmq("config","{assets["ga"]}",{{"content_group":"{sec_label}","article_id":"{ident}","word_count":{words},'
                 f'"published":"{iso}"}});(function(d,s){{s=d.createElement("script");s.async=1;'
                 f's.src="https://stats.{site["domain"]}/collect.js?id={assets["ga"]}";d.head.appendChild(s)}})(document);')
    scripts = [f"<script>{analytics}</script>", f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>']
    tail_scripts = [f"<script>{assets['js']}</script>"]
    if rng.random() < 0.5:
        tail_scripts.append(f'<script>window.__cmp={{"vendor":"consentbox","version":3,"purposes":[1,2,3,4,7,9,10],'
                            f'"gdprApplies":{str(site["lang"] != "en-US").lower()},"siteId":"{p}-{site_idx}"}};</script>')

    out = [f'<!DOCTYPE html>\n<html lang="{site["lang"]}">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{esc(title)}</title>\n"
           f'<meta name="description" content="{attr(desc)}">\n<meta property="og:type" content="article">\n'
           f'<meta property="og:title" content="{attr(headline)}">\n<meta property="og:description" content="{attr(desc)}">\n'
           f'<meta property="og:url" content="{attr(url)}">\n<meta property="og:image" content="{img}">\n'
           f'<meta property="og:site_name" content="{attr(site["name"])}">\n<meta name="twitter:card" content="summary_large_image">\n'
           f'<meta property="article:published_time" content="{iso}">\n<meta property="article:modified_time" content="{modified}">\n'
           f'<meta property="article:section" content="{sec_label}">\n<meta name="author" content="{attr(reporter)}">\n'
           f'<link rel="canonical" href="{attr(url)}">\n<link rel="icon" href="/favicon.ico">\n'
           f'<link rel="preconnect" href="https://static.{site["domain"]}">\n'
           f'<link rel="stylesheet" href="https://static.{site["domain"]}/css/main.{rng.getrandbits(32):08x}.css">\n'
           f"<style>{assets['css']}</style>\n" + "\n".join(scripts) + "\n</head>\n"]
    out.append(f'<body class="{p}-body {p}-section-{sec_slug}">\n<a class="{p}-skip" href="#main">Skip to content</a>\n')
    nav = "".join(f'<li><a class="{p}-nav-link" href="/{"" if s == "Home" else s.lower() + "/"}">{s}</a></li>' for s in assets["nav"])
    logo = (f'<a class="{p}-logo" href="/" aria-label="{attr(site["name"])} home"><svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true">'
            f'<rect width="36" height="36" rx="6" fill="{site["brand"]}"/><text x="18" y="24" font-size="16" text-anchor="middle" fill="#fff">'
            f'{p.upper()}</text></svg><span>{esc(site["name"])}</span></a>')
    tools = (f'<form class="{p}-search" role="search" action="/search"><input type="search" name="q" placeholder="Search" aria-label="Search">'
             f'<button type="submit">Search</button></form><a class="{p}-subscribe" href="/subscribe">Subscribe</a><a href="/account/login">Sign in</a>')
    burger = f'<button class="{p}-hamburger" type="button" aria-expanded="false" aria-label="Menu"><span></span><span></span><span></span></button>'
    navhtml = f'<nav class="{p}-nav" aria-label="Sections"><ul class="{p}-nav-list">{nav}</ul></nav>'
    datebar = f'<div class="{p}-topbar"><span>{WEEKDAYS[pub.weekday()]}, {pub.day} {pub:%B %Y}</span><span>{esc(site["city"])} {rng.randint(-2, 31)}&deg;C</span>{tools}</div>'
    out.append((f'<header class="{p}-header"><div class="{p}-wrap">{logo}{tools}</div>{navhtml}</header>',
                f'<header class="{p}-header">{datebar}<div class="{p}-wrap">{logo}</div>{navhtml}</header>',
                f'<header class="{p}-header"><div class="{p}-wrap">{burger}{logo}{tools}</div>{navhtml}</header>')[site["layout"]])
    out.append(f'\n<div class="{p}-ad-slot" data-slot="top" data-sizes="728x90,970x250"></div>\n<main id="main" class="{p}-wrap">\n')
    crumbs = f'<ol class="{p}-breadcrumb"><li><a href="/">Home</a></li><li><a href="/{sec_slug}/">{sec_label}</a></li><li>{esc(sub_label)}</li></ol>'
    art = [f'<article class="{p}-story"><h1 class="{p}-headline">{esc(headline)}</h1>',
           f'<div class="{p}-standfirst">{esc(desc)}</div>',
           f'<div class="{p}-byline">By <a rel="author" href="{author_url}">{esc(reporter)}</a>, {sec_label} correspondent</div>',
           f'<time class="{p}-timestamp" datetime="{iso}">{shown}</time>', _share(p, url, headline, "top")]
    if rng.random() < 0.55:
        art.append(f'<figure class="{p}-figure"><img src="{img}" alt="{attr(headline)}" width="1200" height="675" loading="lazy">'
                   f'<figcaption class="{p}-caption">{esc(f.fill(rng.choice(CAPTIONS)))} <span class="{p}-credit">Photo: '
                   f'{esc(f.get("name"))}/{rng.choice(("Newsfile", "Lens Agency", "Pictorial Wire", "Staff"))}</span></figcaption></figure>')
    art.append(f'<div class="{p}-article-body" itemprop="articleBody">')
    table_at = rng.randint(2, 4) if topic == "sports" else -1
    for k, t in enumerate(paras):
        art.append(f"<p>{esc(t)}</p>")
        if k == table_at:
            art.append(_standings(f, p))
        if k == 3:
            art.append(f'<div class="{p}-ad-slot" data-slot="inarticle" data-sizes="300x250"></div>')
        if k == 6:
            u, h, _ = related[0]
            art.append(f'<aside class="{p}-read-more">Read more: <a href="{u}">{esc(h)}</a></aside>')
    tags = [sec_label, sub_label, f.get("city")]
    art.append(f'</div><ul class="{p}-tags">' + "".join(f'<li><a class="{p}-tag" href="/topics/{_slug(t)}">{esc(t)}</a></li>' for t in tags)
               + "</ul>" + _share(p, url, headline, "bottom") + "</article>")
    rel = (f'<aside class="{p}-related"><h2>Related stories</h2><ul>' + "".join(
        f'<li class="{p}-related-item"><a href="{u}">{esc(h)}</a><span class="{p}-related-meta">{lab} &middot; {rng.randint(1, 23)}h ago</span></li>'
        for u, h, lab in related) + "</ul></aside>")
    most = (f'<aside class="{p}-most-read"><h2>Most read</h2><ol>' + "".join(f'<li><a href="{u}">{esc(h)}</a></li>' for u, h, _ in most_read)
            + "</ol></aside>")
    letter = (f'<section class="{p}-newsletter"><h2>Get the {esc(site["name"])} morning briefing</h2>'
              f'<form action="/newsletters/subscribe" method="post"><label for="nl-email">Email address</label>'
              f'<input class="{p}-nl-input" id="nl-email" type="email" name="email" required placeholder="you@example.com">'
              f'<input type="hidden" name="list" value="morning-briefing"><button class="{p}-nl-button" type="submit">Sign up</button>'
              f"<small>By signing up you agree to our terms and privacy policy. You can unsubscribe at any time.</small></form></section>")
    story = crumbs + "".join(art)
    out.append((f'<div class="{p}-grid">{story}<div class="{p}-sidebar">{rel}{most}</div></div>{letter}',
                f"{story}{rel}{letter}{most}",
                f'<div class="{p}-grid"><div class="{p}-sidebar">{most}</div>{story}</div>{rel}{letter}')[site["layout"]])
    links = assets["footer"]
    cols = "".join(f'<ul class="{p}-footer-links">' + "".join(f'<li><a href="/{_slug(x)}">{esc(x)}</a></li>' for x in links[k::3]) + "</ul>"
                   for k in range(3))
    out.append(f'\n</main>\n<footer class="{p}-footer"><div class="{p}-footer-cols">{cols}</div>'
               f'<div class="{p}-copyright">&copy; {pub.year} {esc(site["name"])} Media. All rights reserved. '
               f"Reproduction without permission is prohibited.</div></footer>\n" + "\n".join(tail_scripts) + "\n</body>\n</html>\n")
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
    """Generate pages 0..n-1 and assert size, word count, forbidden words and topic spread."""
    topics, kinds, sizes, word_counts, urls = Counter(), Counter(), [], [], set()
    t0 = time.perf_counter()
    for i in range(n):
        url, title, body, topic, kind = _page(i)
        text = body.decode("utf-8")
        paras = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in _P.findall(text)]
        words = sum(len(t.split()) for t in paras)
        low = text.lower()
        assert 10_000 <= len(body) <= 60_000, (i, len(body))
        assert 500 <= words <= 1500, (i, words)
        assert not any(w in low for w in _FORBIDDEN), (i, [w for w in _FORBIDDEN if w in low])
        assert not _WON.search(text), (i, _WON.search(text))
        bad = [t for t in paras if _KOREA.search(t) and _RISKY.search(t)]
        assert not bad, (i, bad[:1])
        assert unrelated_page(i) == (url, title, body), f"page {i} is not deterministic"
        topics[topic] += 1
        kinds[kind or "plain"] += 1
        sizes.append(len(body))
        word_counts.append(words)
        urls.add(url)
    elapsed = time.perf_counter() - t0
    assert len(topics) >= 5, topics
    t1 = time.perf_counter()
    for i in range(n):
        unrelated_page(i)
    per_page = (time.perf_counter() - t1) / n * 1000
    print(f"{n} pages OK in {elapsed:.2f}s (check included); unrelated_page alone: {per_page:.3f} ms/page")
    print(f"size: min {min(sizes):,} B, median {sorted(sizes)[n // 2]:,} B, max {max(sizes):,} B")
    print(f"words in <p>: min {min(word_counts)}, median {sorted(word_counts)[n // 2]}, max {max(word_counts)}; distinct URLs {len(urls)}")
    print("topics:", ", ".join(f"{k} {v}" for k, v in sorted(topics.items())))
    print("decoys:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    html_template_check()
