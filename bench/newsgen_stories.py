"""Story templates of bench/newsgen.py: headlines, ledes and sentences by topic.

Written by us for the backfill benchmark; no third-party text. Kept apart from
the page builder so that each file stays readable.
"""
from __future__ import annotations

import re


def _split(text: str) -> list[str]:
    """Items separated by '|' or newlines (templates are packed several to a line)."""
    return [t.strip() for t in re.split(r"\s*\|\s*|\n", text) if t.strip()]


# -- topics ----------------------------------------------------------------------------------
# stories: one per line, "[tag] headline >> lede"; shared: sentences for every story of the
# topic; extras: more sentences for the stories with that tag.  A tagslot picks the tag from a
# sticky slot instead (the device type of a gadget, the powertrain of a car).

TOPICS: dict[str, dict] = {}
KOREA: dict[str, dict] = {}
_STORY = re.compile(r"\s*(?:\[(\w+)\])?\s*(.+?)\s*>>\s*(.+)")


def _topic(name, section, stories, shared, extras=None, tagslot=None, into=TOPICS):
    into[name] = {"section": section, "stories": [_STORY.match(s).groups("") for s in stories.strip().splitlines()],
                  "shared": _split(shared), "extras": {k: _split(v) for k, v in (extras or {}).items()}, "tagslot": tagslot}


_topic("sports", ("sport", "Sport", "Football"), """
{team1} beat {team2} {s1}-{s2} to climb the {league} table >> {team1} beat {team2} {s1}-{s2} at {venue} on {day}, with {scorer} scoring twice to lift the hosts to {pos} in the {league}.
{scorer_sn} on target as {team1} see off {team2} >> A crowd of {crowd} watched {team1} beat {team2} {s1}-{s2} on {day} as {coach1}'s side won for the {ordinal} time in a row.
{team2} lost again as {team1} cruise to {s1}-{s2} win >> {team2} lost {s1}-{s2} at {venue} on {day}, a result that leaves {coach2} under growing pressure.
{team1} {s1} {team2} {s2}: {scorer_sn} settles tense {league} clash >> {team1} won a tense {league} match at {venue} on {day}, with {scorer} scoring twice in a {s1}-{s2} victory over {team2}.""", """
{scorer_sn} opened the scoring in the {minute} minute, turning sharply inside the area before drilling a low shot past {keeper}. | {team2} had the better of the early exchanges but failed to test the goalkeeper with any real conviction.
The visitors lost their captain to a hamstring injury shortly before half-time and never really recovered. | {coach1} said afterwards that his players had "won the battle in midfield" and deserved the three points.
It was {team1}'s {ordinal} home win of the season, and they have now won {n} of their last {n2} league games. | {team2} have now lost {n} matches in a row, and the pressure on {coach2} is growing.
A second goal arrived just after the break when {name} headed in a corner at the near post. | {keeper} made three fine saves to keep the score respectable but could do nothing about the second goal.
The home supporters, {crowd} of them, roared their approval at the final whistle. | {team2} threatened briefly after the hour, but their finishing let them down again. | The referee, {name}, booked {n} players in a bad-tempered second half.
The result lifts {team1} to {pos} in the {league}, {n} points behind the leaders. | {team2} remain in the bottom half of the table and face a difficult trip to {town} next weekend.
"We knew we had to be brave with the ball, and the lads did that," said {coach1}. | "It is a bad day, there is no hiding from it," {coach2_sn} admitted. "We lost our shape and we lost our heads."
Statistics showed that {team1} won more than half of their duels and had far more of the ball after the break. | {scorer_sn}, signed from {club} in the summer, now has {n} goals in all competitions.
Substitute {name} almost added another late on, striking the post from the edge of the box. | Both sides observed a minute's applause before kick-off in memory of a former club president.
{team1} have won more home games than any other side in the division and have the best defensive record. | The pitch, heavy after a week of rain, made neat passing difficult for both teams.
{team2} beat the leaders only a month ago, which makes this defeat all the more puzzling for their supporters. | Next up for {team1} is a cup tie against {club}, before the league resumes the following weekend.
Tickets for that game went on sale on {weekday}, and the club expects a sell-out. | {scorer_sn} said he was delighted to have won the penalty that effectively decided the game.
Elsewhere in the {league}, {club} and {club} shared the points in a {draw} draw. | {club} beat {club} {wl} to move level on points with {team1}. | {club} lost {wl} at home to {club}, their third defeat in a row.
The captain, who has won the league twice with the club, was replaced with ten minutes left to a standing ovation.""")

_topic("weather", ("weather", "Weather", "Forecasts"), """
[heat] Heatwave warning as temperatures near {temp}C in {city} >> Temperatures in {city} are expected to climb to {temp}C this week, prompting health officials to urge residents to stay out of the midday sun.
[heat] Hottest day of the year as {city} bakes in the sunshine >> {city} recorded its hottest day of the year on {day}, with the temperature reaching {temp}C in the early afternoon.
[wet] Storm {storm} to bring gales and heavy rain to {region} >> Forecasters have issued a {colour} warning for wind across {region}, with gusts of up to {gust} km/h expected as Storm {storm} arrives on {day} night.
[wet] Flood alerts issued after a month's rain falls in a day >> Flood alerts are in place across {region} after {rain2}mm of rain fell in 24 hours, with more expected on {weekday}.
[cold] Frost and fog expected as cold snap tightens grip on {city} >> Temperatures in {city} fell to {frost}C overnight on {day}, and forecasters say the cold snap will last until at least {weekday}.""", """
Chief forecaster {expert} said conditions could change quickly and urged people to check the latest forecasts before travelling. | "We are keeping a close eye on how this develops," {expert_sn} said.
Forecasters said the outlook for the following week was uncertain, with computer models disagreeing about what comes next. | The weather service publishes updates every three hours on its website and app.
Residents are being asked to check on elderly neighbours and relatives. | Several outdoor events, including a fair in {town}, have been postponed until later in the month.
Schools in {town} will open as normal, although the local authority said it would review the situation early on {weekday}. | Local radio stations will broadcast travel and weather updates throughout the day.
The weather service said extremes of this kind were becoming more frequent as the climate warms.""", {
    "heat": """The UV index is expected to be very high in the afternoon, and parents are advised to keep children in the shade. | The council has opened {n} cooling centres in libraries and community halls, which will stay open until 9pm.
        The last time {city} recorded a temperature this high in {month} was more than twenty years ago. | Pollen levels are forecast to be very high, which could cause discomfort for hay fever sufferers.
        Sea temperatures remain unusually warm for the time of year. | People are being urged to drink plenty of water and avoid strenuous exercise during the hottest part of the day.
        The water company has asked customers to use water wisely but said there were no plans for a hosepipe ban. | Rail operators have imposed speed restrictions on some lines because of the risk of tracks buckling in the heat.
        Beaches and parks were busy throughout the weekend, and lifeguards reported a number of rescues. | Dog owners are being reminded never to leave pets in parked cars.""",
    "wet": """The national weather service said the strongest winds would affect exposed coasts and high ground. | Rainfall totals of {rain} to {rain2} millimetres are possible in places, with the heaviest bursts overnight.
        Ferry operators have cancelled a number of crossings, and some rail services are running to a reduced timetable. | Emergency crews were called to {n} fallen trees in {town} on {day} morning, the fire service said.
        Farmers in {region} said the wet spell had delayed planting by several weeks. | Residents of low-lying streets near the river have been advised to move valuables upstairs as a precaution.
        Drivers are being urged to slow down and leave extra distance, as spray and standing water reduce visibility. | Engineers restored electricity to about {big} homes by the evening, but some outages continued.
        Coastal paths near {town} have been closed after part of a cliff gave way during the night. | Walkers were warned to stay away from sea walls and piers while the waves are at their highest.
        So far this month {city} has received {pct_int} per cent more rain than the long-term average. | By {weekday}, a ridge of high pressure should settle things down, bringing lighter winds.""",
    "cold": """Overnight temperatures will drop to around {low}C even in towns, with a hard frost in sheltered valleys. | A spokesperson for the highways agency said gritters would be out from late afternoon on main routes.
        Gardeners are being advised to protect tender plants and bring pots indoors overnight. | Hospitals usually see more falls and broken wrists on icy mornings, doctors warned.
        Dense fog reduced visibility to less than 100 metres in places, and drivers were urged to use dipped headlights. | Homeless shelters in {city} have opened extra beds while the cold weather lasts.
        Some snow is possible on high ground, although little is expected to settle at lower levels. | Plumbers advise lagging outdoor pipes and knowing where the stopcock is in case a pipe freezes.
        Airports reported minor delays, mainly to early morning departures, while aircraft were de-iced. | Energy advice groups said households worried about heating bills should contact their supplier."""})

_topic("local_politics", ("local", "Local", "Council"), """
{city} council approves plan for {project} >> Councillors in {city} voted {v1} to {v2} on {day} night to press ahead with {project}, ending months of debate.
Mayor {person_sn} defends plans for {project} >> Mayor {person} has defended plans for {project}, saying the town could not afford to stand still.
Residents pack town hall meeting over {project} >> More than {hundreds} residents attended a public meeting in {city} on {day} to voice their concerns about {project}.
{city} council delays decision on {project} >> A decision on {project} has been postponed after councillors in {city} asked for more information on costs and traffic.""", """
The scheme is expected to cost {money}, to be funded partly by a government grant and partly from council reserves. | Opposition councillor {name} said the plans had been rushed through without proper consultation.
"People feel they have not been listened to," {surname} told the meeting. | The cabinet member for transport, {official}, said the plans would cut journey times and improve air quality.
A public consultation last year received {big} responses, about {pct_int} per cent of which were broadly supportive. | Shop owners on {street} have warned that months of roadworks could drive customers away.
The authority faces a budget gap of {money} next year, which officials blame on rising social care costs. | Council tax for a typical home will rise by {pct} per cent from April.
The meeting was adjourned twice after members of the public heckled speakers from the gallery. | A petition opposing the plans has gathered more than {big} signatures.
Officials said work could begin in the spring and would take about {n} months to complete. | {official_sn} insisted that no final decision had been made on the future of the {facility}.
The planning committee will consider a revised application at its next meeting in {month2}. | Local campaign group {group} said it was considering a legal challenge.
Mayor {person_sn} said the council had made savings of {money} over three years without closing frontline services. | Unions representing council staff said they had not been consulted.
The leader of the opposition group, {name}, called the budget "a tax rise dressed up as investment". | Traffic counts commissioned by the council found that around {big} vehicles use the route every day.
Some residents welcomed the plans, saying the area had been neglected for too long. | The council's own auditors have previously raised concerns about the management of large building projects.
Councillors also approved a motion to plant {big} trees across the borough over the next decade. | The regional government has yet to confirm whether it will contribute to the cost.
Minutes of the meeting will be published on the council's website within ten working days. | Several councillors declared an interest and left the chamber before the discussion.
"This is about the kind of place we want {city} to be in twenty years' time," {person_sn} said.""")

_topic("courts", ("news", "News", "Crime"), """
[verdict] {defendant} jailed for {years} years over {charge} >> A {age}-year-old man has been jailed for {years} years after being found guilty of {charge} at {court}.
[verdict] Man found guilty of {charge} after trial at {court} >> {defendant}, {age}, has been convicted of {charge} following a trial at {court}.
[trial] Jury told of {charge} plan as trial opens >> A jury at {court} has heard how {defendant} carried out {charge} over a period of {n} months.
[trial] Man, {age}, denies {charge} at {city} court >> A {age}-year-old man has gone on trial at {court} charged with {charge}, which he denies.""", """
The court heard that {defendant_sn} had been known to police for several years. | Prosecutor {name} told the court that the evidence was "clear and compelling".
CCTV footage shown in court captured the moments before the incident. | Detective Sergeant {name} said officers had spent hundreds of hours reviewing phone records.
A neighbour told the court she had heard shouting shortly after midnight. | Officers recovered {money_small} in cash and a number of mobile phones during a search of the property.
The defendant, who appeared by video link from prison, spoke only to confirm his name. | The court was told that {defendant_sn} had been in financial difficulty at the time.
Local residents said the street had been plagued by antisocial behaviour for months. | A forensic accountant told the jury that money had been moved through several bank accounts.
The public gallery at {court} was full for much of the hearing. | Police said they were not looking for anyone else in connection with the case.""", {
    "verdict": """Judge {judge_sn} said the offences had caused "lasting harm" to those affected. | In mitigation, the defence said {defendant_sn} had shown genuine remorse and had a difficult upbringing.
        The trial, which lasted {n} weeks, heard evidence from more than {n2} witnesses. | A spokesperson for the prosecution service said offenders would be pursued however long it took.
        The victim's family said in a statement that they were relieved the case was over. | A second man, aged {age}, was cleared of all charges. | The jury took just under {n} hours to reach its verdicts.
        Judge {judge_sn} also imposed a restraining order banning {defendant_sn} from contacting the victims. | {defendant_sn} will serve half of the sentence in custody before being released on licence.
        The judge praised the "painstaking" work of the investigating officers.""",
    "trial": """{defendant_sn}, of {town}, denies all the charges against him. | The trial, which is expected to last {n} weeks, continues. | Jurors were told to ignore anything they had read about the case online.
        The prosecution said it would call more than {n2} witnesses. | The defence is expected to argue that the identification evidence is unreliable.
        Jurors were shown photographs of the scene taken by forensic officers the following morning. | {defendant_sn} was remanded in custody until the next hearing.
        Judge {judge_sn} told the jury that it must decide the case only on the evidence heard in court. | The court will hear from the first witnesses on {weekday}."""})

_topic("elections", ("politics", "Politics", "Elections"), """
[result] {cand1_sn} wins {race} >> {cand1} of {party1} has won {race}, taking {share} per cent of the vote after a campaign dominated by housing and the cost of living.
[result] {party1} claims victory in {city} as turnout rises >> {party1} has claimed victory in {race}, with {cand1} finishing well ahead of {cand2} after a long night of counting.
[result] {cand2_sn} concedes after bruising campaign >> {cand2} has conceded defeat in {race}, congratulating {cand1} of {party1} on a clear win.
[polling] Voters head to the polls in {race} >> Polling stations opened at 7am on {day} as voters in {city} chose between {cand1} and {cand2} in {race}.""", """
{cand1_sn} campaigned on a promise to build {big} affordable homes and freeze public transport fares. | {cand2_sn}, a former teacher, focused on crime and the state of local roads.
Postal votes made up about a third of all ballots, a record for the area. | Young voters turned out in larger numbers than expected, according to early analysis by {univ}.
Three televised debates drew large audiences, with the second becoming notably ill-tempered. | Voters had to bring photo identification, which is required for the first time at this election.
Spending limits for candidates were raised this year to {money_small}. | Volunteers knocked on more than {big} doors in the final weekend of the campaign, the party said.
Political scientist {expert} said the contest was "a warning shot" for the established parties. | Both candidates pledged to tackle rising rents, though they differed sharply on how.
Opinion polls had consistently shown {cand1_sn} ahead, although the gap narrowed in the final fortnight. | Some voters reported queues of up to an hour at polling stations in the city centre.""", {
    "result": """Turnout was estimated at {pct_int} per cent, up slightly on the previous contest. | Counting continued through the night at the {city} convention centre, with the result declared shortly before dawn.
        "Tonight the people have spoken, and they have asked for change," {cand1_sn} told supporters. | A recount was requested in {n} wards after the margins narrowed to a handful of votes.
        Election officials said there had been no significant problems at polling stations. | {party2} will now hold an internal review of its campaign, a spokesperson confirmed.
        The smaller parties together took just under {pct_int} per cent of the vote. | {cand2_sn} congratulated the winner and pledged to hold the new administration to account.
        The winner will be sworn in on {weekday} and is expected to name a team within days. | The result leaves {party1} in control of the chamber for the first time in more than a decade.
        Analysts said the result reflected frustration with the national government as much as local issues.""",
    "polling": """Polls close at 10pm, and counting will begin immediately at the {city} convention centre. | A result is expected in the early hours of {weekday}.
        Election officials said turnout appeared brisk in the first hours of voting. | Election law bars the publication of new polls in the final {n} days before the vote.
        {cand1_sn} cast a vote at a primary school near home, accompanied by family. | {cand2_sn} voted in {town} before touring polling stations across the city.
        Both campaigns held final rallies on the eve of the vote. | Voters are reminded to check the location of their polling station before setting out.
        Observers from an international monitoring mission are present at a number of polling stations."""})

_topic("science", ("science", "Science", "Research"), """
Scientists report {discovery} >> An international team of scientists has reported {discovery}, a finding they say could change how we understand {field}.
Researchers at {univ} announce discovery of {discovery} >> Researchers at {univ} say they have identified {discovery}, in a study published this week in a leading peer-reviewed journal.
Surprise finding could change how we understand {field} >> A team led by {expert} has found {discovery} after {n} years of work, a result that surprised even the researchers.""", """
The findings were published in a peer-reviewed journal on {weekday}. | "We were genuinely surprised by what we saw," said {expert_sn}, the study's lead author.
The team used a combination of satellite data and laboratory analysis to reach its conclusions. | Other researchers not involved in the study urged caution, noting that the sample size was small.
The work was funded by a {money} grant from a national research council. | Samples were dated using radiocarbon techniques at a laboratory in {place}.
The researchers now plan to repeat the work with a larger set of samples. | Computer simulations suggest the effect could be stronger at higher temperatures.
{name}, a physicist who reviewed the paper, described it as "careful and convincing". | The instrument, which began operating {n} years ago, can detect signals far too faint for earlier equipment.
Field teams spent weeks camping in remote terrain to collect the samples. | It is the first time such a result has been observed outside a laboratory.
The study involved {n2} scientists from {n} countries. | The next phase of the project will use a new instrument due to come online next year.
Data from the study have been made publicly available so that other groups can check the results. | Earlier work had hinted at the effect, but the signal was too weak to be certain.
The discovery was made almost by accident, when a graduate student noticed an anomaly in the data. | "Science rarely moves in straight lines," {expert_sn} said. "This is a reminder of that."
The museum plans to put some of the specimens on public display later this year. | The researchers said their method was cheaper and faster than existing techniques.
Critics argue that more attention should be paid to replicating results before they are publicised. | The team measured changes over a period of {n2} months.
Some of the equipment had to be built from scratch because no commercial version existed. | The results could help engineers design more efficient materials, the authors said.
The paper's authors acknowledged that several questions remain unanswered.""")

_topic("health", ("health", "Health", "Health"), """
[vaccine] Doctors urge vaccine uptake as {illness} cases rise >> Health officials in {city} have urged residents to get vaccinated after a rise in {illness} cases over the past {n} weeks.
[study] Daily walk linked to lower risk of {condition}, study finds >> People who walk for at least twenty minutes a day may be less likely to develop {condition}, according to a large study led by {univ}.
[hospital] New clinic to cut waiting times for {condition} patients >> {hospital} has opened a new clinic aimed at cutting waiting times for patients with {condition}.
[hospital] Nurses warn of winter pressure at {hospital} >> Nurses at {hospital} say staff are stretched to breaking point as winter illnesses fill the wards.""", """
Dr {expert}, a consultant at {hospital}, said early diagnosis made a significant difference to outcomes. | The charity {charity} said the figures were "deeply worrying".
The health department said it would publish updated guidance in {month2}. | GP surgeries in the area are offering walk-in clinics on {weekday} mornings.
Local health leaders will meet next week to discuss how to ease pressure on emergency departments. | Mental health services have also seen a sharp increase in referrals among teenagers.
Unions representing junior doctors said staff shortages remained the biggest problem. | Health officials said the advice remained the same: seek help early and do not ignore symptoms.""", {
    "vaccine": """Health officials said the vaccine was safe, effective and free for eligible groups. | Pharmacies in {town} have extended their opening hours to cope with demand.
        Symptoms include a high temperature, a persistent cough and fatigue, and most people recover within a week. | Parents are being urged to check that their children's vaccinations are up to date.
        Hand washing and staying at home when unwell remain the best ways to limit the spread, officials said. | Cases have roughly doubled in a fortnight, according to local surveillance data.
        Pop-up clinics will run in schools and community centres over the coming weeks. | People aged over 65 and those with long-term conditions are being prioritised.""",
    "study": """The study followed more than {big} adults over a period of {n} years. | Researchers adjusted for factors such as age, income and smoking, but said the link was not proof of cause and effect.
        Experts recommend at least 150 minutes of moderate activity a week for adults. | The research team plans to follow the participants for a further five years.
        The findings add to a growing body of evidence on the benefits of regular exercise. | Participants wore activity trackers for a week at the start of the study.
        Even modest amounts of walking appeared to bring some benefit, the authors said. | The results were published in a peer-reviewed medical journal on {weekday}.""",
    "hospital": """Waiting times for routine operations have grown by {pct_int} per cent since last year. | "We are seeing more patients than ever, and staff are working incredibly hard," said {name}, a senior nurse.
        The hospital trust said it had recruited {n2} additional nurses this year. | Patients' groups welcomed the new clinic but said it would take time to clear the backlog.
        A spokesperson for the hospital said emergency care would not be affected. | The new unit cost {money} and includes {n2} treatment rooms and a diagnostic scanner.
        Some patients have been waiting more than a year for a first appointment. | Ambulance response times improved slightly last month but remain above target."""})

_topic("education", ("education", "Education", "Schools"), """
[school] {school} rated outstanding by inspectors >> {school} has been rated outstanding in every category following a two-day inspection, the first time it has achieved the top grade.
[school] Record numbers achieve top grades at {school} >> Students at {school} celebrated on {day} after results showed {pct_int} per cent achieved the top grades in at least one subject.
[strike] Teachers in {city} vote to strike over pay >> Teachers at {n2} schools in {city} will walk out next {weekday} after union members voted in favour of strike action over pay and workload.
[strike] Schools face disruption as teachers walk out >> Thousands of pupils in {city} stayed at home on {day} as teachers at dozens of schools went on strike over pay.""", """
Class sizes in the area are among the largest in the region, according to government figures. | The number of pupils with special educational needs has risen sharply in recent years.
Teachers said rising costs meant many were buying classroom supplies with their own money. | Recruitment of maths and physics teachers remains a particular challenge, heads say.
"Every child deserves a good local school," said {official}, the council's education lead. | {univ} said falling international student numbers had left a hole in its finances.
Free school meals will be extended to all primary pupils in {city} from next term. | The council said a site for a new school had been identified near {street}.
Universities have warned that tuition fee income no longer covers the cost of teaching many subjects.""", {
    "school": """Head teacher {person} said the result reflected "the hard work of pupils, staff and families". | Inspectors praised the school's reading programme and the quality of its pastoral care.
        The school roll has grown to more than {hundreds} pupils in five years. | A new science block, costing {money}, is due to open in September.
        {name}, whose daughter attends the school, said she was "delighted but not surprised". | Inspectors said attendance had improved but remained below the national average.
        The exam board said grading this year had returned to pre-pandemic standards. | Students from the sixth form have secured places at universities including {univ}.
        A breakfast club launched last year now serves dozens of pupils each morning. | The school's music department recently staged its first full musical in over a decade.
        Governors will meet in {month2} to approve the school's improvement plan. | Pupils have also raised {money_small} for local charities this year.""",
    "strike": """The union said {pct_int} per cent of members who voted backed industrial action. | Education officials said they would do everything possible to keep schools open.
        Parents have been told to make alternative childcare arrangements for the days affected. | The strike is the {ordinal} day of action this academic year.
        The government has offered a pay rise of {pct} per cent, which the union says falls short of inflation. | "Nobody wants to strike, but we have been left with no choice," said union representative {name}.
        Teachers formed picket lines outside several schools from 7.30am. | Talks between the union and ministers are due to resume on {weekday}.
        Exams will go ahead as planned, the local authority said."""})

_topic("entertainment", ("culture", "Culture", "Film & Music"), """
[film] Review: '{film}' is a quiet triumph >> '{film}', the new drama from director {director}, opens in cinemas this {weekday} after a rapturous reception at the {festival}.
[film] '{film}' tops box office in opening weekend >> '{film}', directed by {director} and starring {actor}, took the top spot at the box office over the weekend.
[music] {band} play triumphant hometown show >> {band} played to a sell-out crowd of {big} at {hall} on {day} night, their first hometown show in {n} years.
[music] {singer} wins best album at music awards >> {singer} won best album at the annual music awards in {place} on {day}, beating a strong field that included several former winners.""", """
Organisers said this year's event had attracted a record number of visitors. | The gallery's new exhibition next door brings together more than {n2} works, many never shown in public before.
Arts organisations in the region have warned that funding cuts are putting smaller venues at risk. | Rating: four stars out of five.""", {
    "film": """The film runs to just over two hours but rarely drags. | {actor} gives a performance of real restraint as a widowed fisherman trying to hold his family together.
        Critics have praised the cinematography, which makes striking use of natural light. | The soundtrack, composed by {name}, is already being talked about as an awards contender.
        The film took {money} at the box office in its first three days. | {director_sn} spent {n} years developing the script, which is based on a novel by {name}.
        The festival runs until {weekday} and includes more than {n2} premieres. | Not everything works: the final act feels rushed, and one subplot is abandoned altogether.
        A streaming release is planned for later in the year. | The production was shot over {n} weeks on location in {place}. | It is the {ordinal} collaboration between {director_sn} and {actor_sn}.
        A sequel has not been ruled out, the studio said. | Visually, the film is a treat, even when the story loses its way.""",
    "music": """The band opened with a new song before launching into a run of early favourites. | Fans had queued outside the venue since the early afternoon.
        The set list leaned heavily on the second album, which turns ten this year. | {singer} thanked her parents and her producer in an emotional acceptance speech.
        Tickets for the tour go on general sale on {weekday} at 10am. | Supporting act {band2} won over the early crowd with a short, energetic set.
        The encore, a stripped-back acoustic version of the biggest hit, drew the loudest cheer of the night. | The ceremony was hosted by comedian {name}, whose jokes drew mixed reactions.
        The new album was recorded in a converted farmhouse over a single winter. | Queues for merchandise stretched around the building long before the doors opened.
        The sound was crisp and loud without ever becoming harsh. | A documentary about the making of the record is due next year."""})

_topic("travel", ("travel", "Travel", "Destinations"), """
[guide] Forty-eight hours in {dest}: where to eat, stay and explore >> There are few places that reward a long weekend quite like {dest}, where old streets, good food and easy walks sit side by side.
[guide] Why {dest} should be on your list this {season} >> If you have never been to {dest} in {season}, this is the year to put that right.
[guide] A slow journey through {dest} by train >> The slow train through {dest} is not the quickest way to see the region, but it may be the most rewarding.
[news] {airline} adds new routes to {dest} >> {airline} has announced {n} new routes to {dest} from next {season}, with fares starting at {cur}{fare}.
[news] Border queues expected for {season} trips to {dest} >> Travellers heading to {dest} this {season} are being warned to expect longer queues at the border as new entry checks come into force.""", """
The best time to visit is late spring or early autumn, when the weather is mild and prices are lower. | Getting there: direct flights operate from several major cities, and the overnight sleeper train is a greener option.
Flights from {place} take around {n} hours. | A tourist tax of {cur}{n} per person per night applies to most accommodation. | Tourism officials say visitor numbers have recovered to record levels.
Some residents have complained that short-term rentals are pushing up rents in the old town. | Hotel prices rise sharply during the summer festival, so book early.
Travellers are advised to check passport validity well before departure.""", {
    "guide": """Start the day with coffee and a pastry at a small bakery near the old harbour. | The walk up to the viewpoint takes about forty minutes and is best done early, before the crowds arrive.
        Rooms at {hotel} start at around {cur}{fare} a night, including breakfast. | The local transport pass, valid for {n} days, is excellent value and covers most of the main sights.
        Many museums are free on the first {weekday} of the month. | Dinner at a family-run restaurant on the waterfront cost us {cur}{bill} for two, with wine.
        Our train left on time and the journey took just under {n} hours, with spectacular views along the coast. | A boat trip around the bay is the best way to appreciate the scale of the cliffs.
        The covered food hall sells local cheeses, cured meats and fresh fruit. | Hire a bike for the day and follow the riverside path out to the vineyards.
        The cathedral is open daily, though visitors should dress modestly. | Hiking boots are essential; the trails can be rocky and slippery after rain.
        We spent our last evening watching the sunset from the old fortress walls. | The old quarter is compact and easy to explore on foot in a single day.
        Ask locals for recommendations: the best places rarely appear in the guidebooks.""",
    "news": """The airline said the new routes would operate {n} times a week. | Airport staff unions said further walkouts could follow if talks fail.
        The airline said demand for the destination had grown by {pct_int} per cent in two years. | Under the new system, travellers will have fingerprints and a photograph taken at the border.
        A travel industry body warned that the changes could cause delays at peak times. | Passengers whose flights are cancelled are entitled to a refund or rebooking.
        The airport said it would put on extra staff during the busiest weeks. | A new terminal building is due to open at the destination airport next year."""})

_topic("food", ("food", "Food", "Restaurants"), """
Restaurant review: {restaurant}, {city} >> {restaurant} opened quietly on a side street in {city} last spring and has been full almost every night since.
Chef {chef_sn} opens second restaurant in {town} >> Chef {chef} has opened a second restaurant in {town}, just over a year after her first won a string of awards.
Where to eat in {city} this {season}: {restaurant} leads the way >> Of all the places to open in {city} this year, {restaurant} is the one people keep talking about.""", """
The menu changes daily and is written on a chalkboard above the open kitchen. | We started with crisp fried artichokes and a plate of cured ham, both excellent.
A main course of slow-cooked lamb with white beans was rich, generous and deeply savoury. | Desserts are simple but well made; the lemon tart is the one to order.
Dinner for two with a bottle of wine came to about {cur}{bill}. | Service was warm and unhurried, if occasionally a little forgetful. | The kitchen is led by {chef}, who trained in {place}.
Many of the vegetables come from a farm less than {n2} miles away. | The wine list is short, affordable and leans towards small producers.
"I cook the food I want to eat," {chef_sn} said. "Nothing more complicated than that." | Booking is essential at weekends, though a few tables are kept for walk-ins.
Food prices have risen sharply, and restaurants say margins have never been tighter. | Vegetarian options are limited but thoughtful. | The bread, baked in-house each morning, is worth the visit alone.
The dining room is small, with just {n2} covers, and can get noisy. | The restaurant was named in this year's regional food guide. | Coffee comes from a roaster a few streets away.
There is a short set lunch at {cur}{n2} for two courses, which is excellent value. | The building was once a bank, and the old vault now serves as a wine cellar.
Portions are generous, so go easy on the bread. | Children are welcome at lunchtime, and there is a short menu for them.
The grilled fish of the day came with a sharp salsa verde and a pile of crisp potatoes. | Music is kept low, which makes conversation easy.
{chef_sn} says the second restaurant will be more casual, with a focus on small plates. | Staff are paid above the living wage and share all tips, the owners said.""")

_topic("cars", ("motoring", "Motoring", "Reviews"), """
Road test: {car} is a sensible family all-rounder >> We spent a week with the {car}, covering {hundreds} miles of motorway, country lanes and school runs.
First drive: the {car} is quick, quiet and well equipped >> The {car} arrives in showrooms next month with a starting price of {carprice}, and on first impressions it is one of the more accomplished cars in its class.
{carbrand} launches updated {car} >> {carbrand} has given the {car} a thorough update, with a new interior, more standard equipment and a starting price of {carprice}.""", """
The cabin is well built, with soft materials where it matters and a clear, simple dashboard. | Boot space is generous, and the rear seats fold almost flat.
Ride comfort is good on smooth roads, but it can feel fidgety over potholes. | The entry-level model comes with heated seats, adaptive cruise control and a reversing camera as standard.
The steering is light and precise, if lacking a little feel. | Insurance costs are competitive, making it a sensible choice for younger drivers.
The touchscreen is quick to respond, but some controls are buried too deep in menus. | Rivals include several well-established family cars, most of which cost a little more.
At motorway speeds the cabin is impressively quiet. | Rear-seat passengers get their own air vents and two USB-C sockets. | Towing capacity is up to 1,500 kg, enough for a small caravan.
A five-star safety rating is expected when the car is independently tested later this year. | The warranty runs for {n} years or 100,000 miles, whichever comes first.
Verdict: not the most exciting car to drive, but a very easy one to live with. | Our test car, with optional paint and a panoramic roof, cost a few thousand more than the starting price.
Servicing is needed every two years, and the dealer network is extensive.""", {
    "ev": """A {kwh} kWh battery gives an official range of {range} km, although expect about a fifth less in cold weather. | Charging from 10 to 80 per cent takes around {n2} minutes on a fast charger.
        Regenerative braking is adjustable using paddles behind the steering wheel. | A home wallbox will fully charge the battery overnight.
        Used prices of electric cars have fallen by around {n2} per cent in a year, dealers say. | Acceleration is brisk, as you would expect from an electric motor.""",
    "hybrid": """Fuel economy averaged {mpg} mpg over our test route. | The hybrid system switches smoothly between petrol and electric power around town.
        A full tank should be good for well over 500 miles. | The engine becomes noisy when pushed hard up steep hills.
        The hybrid version is expected to account for most sales. | There is no need to plug in: the battery charges itself as you drive."""}, tagslot="ctype")

_PORTABLE = """Battery life is excellent: we regularly finished the day with a third of the charge remaining. | There is no charger in the box, just a USB-C cable.
    Fast charging takes the battery from empty to half full in about {n2} minutes. | It comes in three colours: black, silver and a pale green. | """
_topic("technology", ("tech", "Tech", "Gadgets"), """
{gadget} review: a polished upgrade >> The {gadget} goes on sale on {weekday} for {price}, and after a week of daily use it is easy to recommend, with a couple of caveats.
{techbrand} unveils the {gadget} >> {techbrand} has unveiled the {gadget}, promising longer battery life, a brighter screen and a redesigned case.
Hands on with the {gadget} >> We have spent a few days with the {gadget}, which costs {price} and arrives in shops next month.""", """
Setup took less than ten minutes, and the companion app is clear and simple. | At {price}, it is not cheap, but it undercuts several of its main rivals.
The company says software updates will be provided for {n} years. | The AI features are impressive in demonstrations but less useful day to day. | Software is clean, with few pre-installed apps.
Verdict: a polished, sensible upgrade rather than a revolution. | Pre-orders open on {weekday}, with deliveries expected within two weeks.
Compared with last year's model, the changes are modest but welcome. | The packaging is plastic-free and made mostly from recycled cardboard.
Accessibility options are extensive and easy to find. | A two-year warranty is standard. | Security researcher {name} said owners should install the latest update as soon as possible.""", {
    "phone": _PORTABLE + """The camera is good in daylight but struggles in low light, producing grainy images. | Call quality is clear, and the microphones filter out wind noise well.
        The phone weighs {grams} grams and fits comfortably in one hand. | Storage starts at 128GB, which should be enough for most people. | The screen is bright enough to read outdoors, even in direct sunlight.""",
    "laptop": _PORTABLE + """The keyboard is comfortable for long typing sessions, and the trackpad is large and accurate. | At 1.3 kg it is light enough to carry all day.
        The webcam is sharp enough for video calls, if a little washed out. | There are two USB-C ports and a headphone socket, but no card reader. | The fans stay quiet unless the machine is pushed hard.""",
    "earbuds": _PORTABLE + """Noise cancelling is effective on trains and planes, though not quite class-leading. | The charging case is small enough to slip into a coin pocket.
        Three sizes of ear tip are included, and the fit is secure enough for running. | Sound is warm and detailed, with surprisingly solid bass. | Touch controls are responsive but easy to trigger by accident.""",
    "smartwatch": _PORTABLE + """Fitness tracking covers the basics well, including heart rate, sleep and step counts. | The strap is soft and comfortable enough to wear overnight.
        Notifications are easy to read at a glance. | GPS locked on quickly during our runs and tracked routes accurately. | The watch is water resistant to 50 metres.""",
    "tablet": _PORTABLE + """The optional keyboard case turns it into a capable laptop replacement. | Stylus support is excellent, with very little lag.
        The speakers are loud and clear, which makes it great for watching films. | The screen is bright enough to read outdoors, even in direct sunlight. | Storage starts at 128GB.""",
    "e-reader": _PORTABLE + """The e-ink screen is easy on the eyes, even after hours of reading. | Page turns are quick, and the warm front light is adjustable.
        It is waterproof, so reading in the bath is not a problem. | Books can be borrowed from libraries directly on the device. | At under 200 grams it is comfortable to hold in one hand.""",
    "tv": """Wall mounting is straightforward, and the stand is sturdy. | Voice control works well for searching across streaming services.
        Viewing angles are wide, so the picture holds up from the side of the room. | The remote is simple, with dedicated buttons for the main streaming apps.
        Setup took about fifteen minutes, including a firmware update. | Motion handling is smooth during fast-moving sport."""}, tagslot="gtype")

_topic("climate", ("environment", "Environment", "Climate"), """
[global] Last month was the warmest {month} on record, scientists say >> Global average temperatures last month were the highest ever recorded for the time of year, according to data released on {day} by a climate monitoring service.
[global] Glacier retreat in {mountains} accelerating, satellite study finds >> Glaciers in {mountains} are shrinking faster than at any time since measurements began, according to a new satellite study led by {univ}.
[local] {city} unveils plan to cut emissions by {target}% by 2035 >> {city} has set out plans to cut its carbon emissions by {target} per cent by 2035, including a major expansion of public transport and home insulation.
[local] Solar farm plan for {village} divides opinion >> Plans for a solar farm on the edge of {village} have divided residents, with a decision due at a planning meeting on {weekday}.""", """
Scientists say the long-term warming trend is being driven by greenhouse gas emissions from burning fossil fuels. | Campaigners said the plans were welcome but lacked detail on funding.
"Every fraction of a degree matters," said {expert}, a climate scientist at {univ}. | Insurers have warned that extreme weather is making some homes harder to cover.
Environmental groups called for a faster phase-out of coal and gas. | Wind and solar supplied a record share of electricity last year. | Farmers in the region have reported earlier harvests and more frequent dry spells.
The next round of international climate talks will take place in {place} next year.""", {
    "global": """Sea surface temperatures also remained well above average across much of the Atlantic. | Meltwater from glaciers supplies drinking water and irrigation for millions of people downstream.
        The study combined satellite measurements with field observations from {n} research stations. | Some ski resorts have already begun investing in summer tourism to offset shorter winters.
        The data show that each of the past ten years has been among the warmest ever measured. | Poorer countries say they need far more support to cope with floods, droughts and heatwaves.
        The glaciers have lost about {pct_int} per cent of their volume since 2000, the researchers estimate. | The report's authors said adaptation measures were now as urgent as cutting emissions.
        The figures draw on readings from weather stations, ships, buoys and satellites.""",
    "local": """The plan includes {n2} kilometres of new cycle lanes and a fleet of electric buses. | The solar farm would cover about {n2}0 hectares of farmland and power around {big} homes.
        Residents opposed to the scheme say it would spoil views and take good land out of food production. | Developers say sheep will continue to graze between the panels.
        The city's emissions have already fallen by about a quarter since 2010, officials say. | Heat pumps will be offered to {big} households under a subsidised scheme.
        Tree planting and wetland restoration are also part of the strategy. | Critics argue the council should focus first on reducing traffic in the centre.
        A public consultation on the proposals will run until the end of {month2}."""})

_topic("real_estate", ("property", "Property", "Housing"), """
[prices] House prices in {city} rise {hp}% in a year >> The average house price in {city} rose by {hp} per cent over the past year to {houseprice}, according to figures published on {day}.
[prices] Rents in {city} hit record high as first-time buyers are squeezed >> Average rents for new tenancies in {city} have reached a record {rent} a month, up {hp} per cent on a year earlier.
[prices] Mortgage rates edge down as lenders compete for customers >> Mortgage rates have fallen for the {ordinal} month in a row as lenders compete for a smaller pool of buyers, brokers in {city} said on {day}.
[plans] Plans for {homes} new homes at {village} approved >> Plans to build {homes} homes on farmland on the edge of {village} have been approved despite objections from residents.""", """
Estate agents said demand was strongest for family homes with gardens. | "There are simply not enough homes being built," said {name}, a local estate agent.
The government has promised to speed up the planning system to boost housebuilding. | Housebuilders say rising material costs are delaying some projects.
Housing charities warned that more families were living in temporary accommodation. | Renters' groups called for limits on annual rent increases.""", {
    "prices": """Properties are selling within an average of {n2} days of being listed. | Lenders have cut rates several times in recent weeks, with some five-year fixed deals now below {fed_hi} per cent.
        First-time buyers now need a deposit of around {deposit} on a typical starter home. | Rents have risen faster than wages for {n} years in a row.
        The number of homes for sale is {pct_int} per cent higher than a year ago, giving buyers more choice. | Landlords say higher costs and new regulations have pushed some to sell up.
        Asking prices in the city centre have fallen slightly as more flats come up for sale. | Surveyors reported that buyer enquiries rose for the third month running.
        Homes near good schools continue to command a premium of up to {pct_int} per cent. | Detached homes saw the strongest price growth, while flats lagged behind.
        The typical time from offer to completion has stretched to around four months.""",
    "plans": """The development will include a primary school, a health centre and {n} hectares of open space. | A quarter of the new homes will be classed as affordable, the developer said.
        Residents raised concerns about traffic, flooding and pressure on local services. | Planning officers said the scheme complied with the council's local plan.
        Construction is expected to begin next year and take around {n} years to complete. | The parish council said the village would more than double in size.
        The developer has agreed to pay {money} towards road improvements. | Campaigners have asked the government to review the decision."""})

_topic("obituaries", ("obituaries", "Obituaries", "Obituaries"), """
{person}, {profession}, dies aged {oage} >> {person}, who has died aged {oage}, was {profession} whose work touched the lives of thousands of people in {city} and beyond.
Tributes paid to {person} >> Tributes have been paid to {person}, {profession}, who died peacefully at home in {hometown} on {day}, aged {oage}.
{person} obituary >> {person} was born in {hometown} in {birth_year}, the youngest of {n} children of a railway worker and a seamstress.""", """
{person_sn} grew up in a small terraced house and left school at sixteen. | {He} trained at night school while working in a factory by day. | In {wed_year} {he} married {spouse}, whom {he} had met at a dance.
Colleagues remembered {him} as generous, funny and relentlessly curious. | {His} work was recognised with a national award in later life. | {He} is survived by {his} {n} children and several grandchildren.
Away from work, {he} was a keen gardener and a lifelong supporter of {club}. | {He} never lost {his} sense of wonder, friends said.
A funeral will be held at {church} on {weekday}, followed by a celebration of {his} life. | "{He} taught a whole generation to believe in themselves," said {name}, a former colleague.
In retirement {he} volunteered with a local literacy charity for more than a decade. | {His} first big break came when {he} was in {his} early thirties.
The family has asked for donations to a hospice in lieu of flowers. | {He} travelled widely, but always said that {hometown} was home. | Former pupils and patients left hundreds of messages on a memorial page.
{He} wrote {n} books, the last of them published only a few years ago. | A bench in the park where {he} walked every morning is to be dedicated in {his} memory.
The local council flew its flag at half-mast as a mark of respect. | {He} was modest about {his} achievements and rarely gave interviews. | Friends recall someone who could talk to anyone about anything.
{He} served on the board of the local hospital for many years. | Music was a constant in {his} life; {he} sang in a choir for more than fifty years.
{His} generosity was legendary, and many young people owed their start to {him}. | Even in {his} final months {he} kept up a daily walk and a lively correspondence.
{He} was proud of {his} roots and never moved far from the streets where {he} grew up.""")

_topic("business", ("business", "Business", "Markets"), """
Wall Street {closes} as investors weigh Fed outlook >> US stocks {rose} on {day}, with the S&P 500 {gaining} {sp_pct} per cent to close at {sp_level}, as investors weighed fresh signals on the path of interest rates.
FTSE 100 {closes} as miners and banks move >> European shares closed {higher} on {day}, with the FTSE 100 ending at {ftse_level} and Germany's DAX {gaining} {mpct} per cent.
Gold near ${gold} an ounce as investors seek safety >> Gold traded near ${gold} an ounce on {day} as investors sought safety, while US stocks {rose} and the dollar {usd_moved}.
{company} shares jump after profit beat >> {company} shares jumped {jump} per cent on {day} after the company reported quarterly profits well ahead of analysts' forecasts.
Oil near ${oil} as traders weigh supply outlook >> Oil prices {oil_moved} on {day}, with Brent crude trading at ${oil} a barrel as traders weighed the outlook for supply and demand.""", """
The Dow Jones Industrial Average {moved} {dow_pts} points, or {mpct} per cent, while the tech-heavy Nasdaq {moved} {mpct} per cent. | In London, the FTSE 100 closed {mpct} per cent {higher} at {ftse_level}, while Germany's DAX {moved} {mpct} per cent.
Brent crude {oil_moved} to ${oil} a barrel, while West Texas Intermediate traded at ${wti}. | Gold was steady at around ${gold} an ounce.
The dollar {usd_moved} against a basket of major currencies, and the euro traded at ${eur}. | Against the yen, the dollar was at {yen}.
Traders are pricing in {n} quarter-point cuts to the Federal Reserve's benchmark rate by the end of next year. | The Fed held rates in a range of {fed_lo} to {fed_hi} per cent at its last meeting.
"Markets are caught between solid earnings and a lot of uncertainty about policy," said {name}, chief investment strategist at {firm}. | Ten-year Treasury yields {yield_moved} to {yield} per cent.
Technology stocks led the way, with chipmakers among the biggest movers. | Energy shares tracked the price of oil. | Banks were mixed after a round of quarterly results.
Retail sales data due on {weekday} will give a fresh read on the health of the US consumer. | {company} said revenue rose {pct} per cent to ${billion} billion in the three months to {month}.
The company also raised its full-year guidance, citing strong demand in North America. | In Paris, the CAC 40 {moved} {mpct} per cent.
The European Central Bank is widely expected to hold rates at its next meeting. | Inflation in the eurozone eased to {infl} per cent last month, official figures showed.
Bitcoin traded at around ${btc}. | Analysts at {firm} raised their year-end target for the S&P 500 to {sp_target}. | Copper prices climbed on hopes of stronger demand from manufacturers.
The pound was {gbp_moved} at ${gbp}. | Shares in {company2} fell {pct} per cent after the company warned on profits. | Small-cap stocks in the Russell 2000 {moved} {mpct} per cent.
The VIX volatility index, often called Wall Street's fear gauge, {vix_moved} to {vix}.""")

_topic("world", ("world", "World", "World"), """
[protest] Thousands protest in {capital} over pension reforms >> Tens of thousands of people marched through {capital} on {day} in protest at government plans to raise the retirement age, in some of the largest demonstrations for years.
[pact] {country} and {country2} agree trade and security pact >> The leaders of {country} and {country2} have signed an agreement to deepen cooperation on trade, energy and security at a summit in {capital}.
[quake] Earthquake of magnitude {mag} strikes off coast of {country} >> An earthquake of magnitude {mag} struck off the coast of {country} early on {day}, shaking buildings in {capital} and prompting a brief tsunami warning.
[vote] {leader_title} of {country} survives confidence vote >> The {leader_title} of {country} survived a confidence vote in parliament on {day}, by {v1} votes to {v2}, after weeks of turmoil within the governing coalition.""", """
The United Nations secretary-general urged all sides to show restraint. | The European Union said it was following developments closely. | The foreign ministry summoned the ambassador to explain the remarks.
Talks between officials are expected to resume in {place} later this month. | The {leader_title} is due to travel to {place} next week for a regional summit.
A government spokesperson said further announcements would be made in the coming days. | State television broadcast the events live for much of the day.""", {
    "protest": """Police estimated the crowd at about {big}, while organisers put the figure much higher. | The interior ministry said {n2} people had been arrested, most for minor public order offences.
        Union leaders have called a general strike for next {weekday}. | Human rights groups called for an independent investigation into the use of force by police.
        Police used tear gas to disperse a small group who threw bottles near the parliament building. | Organisers promised further marches until the plans are withdrawn.
        Many protesters carried handmade placards and sang as they walked. | Transport in the capital was severely disrupted as roads were closed to traffic.""",
    "pact": """Foreign minister {official} said the agreement marked "a new chapter" in relations between the two countries. | The agreement includes commitments on renewable energy, migration and joint military exercises.
        Opposition parties accused the government of making concessions without parliamentary approval. | Diplomats said the negotiations had been difficult and had almost collapsed twice.
        The two leaders held a joint press conference after the signing ceremony. | Parliament in both countries must still approve the text.""",
    "quake": """There were no immediate reports of casualties, the national disaster agency said. | Residents rushed into the streets as buildings swayed for several seconds.
        A tsunami warning was lifted about an hour later. | Aid agencies said they were ready to help if required. | Satellite images showed damage to several ports along the coast.
        Thousands of people spent the night in temporary shelters as aftershocks continued. | Officials said it could take weeks to restore power to some remote communities.
        The region has been hit by a series of strong earthquakes in recent years.""",
    "vote": """Analysts said the government's majority in parliament had been significantly weakened. | Speaking in parliament, the {leader_title} said the country needed stability, not another election.
        Two junior coalition partners abstained, saying their concerns had not been addressed. | The opposition leader said the government was "living on borrowed time".
        Early elections have not been ruled out, according to senior officials. | The vote followed the resignation of {n} ministers over the past month."""})

# Decoy variants naming Korea.  None of these sentences talks about stocks, shares, markets,
# indices, investors, currencies or rates; _paragraphs also re-checks every paragraph.
_topic("world", None, """
[missile] North Korea fires ballistic missile into sea, says South Korea's military >> North Korea fired a ballistic missile into the sea off its east coast on {day}, South Korea's Joint Chiefs of Staff said, the latest in a series of weapons tests this year.
[missile] North Korea launches missile days before joint military drills >> North Korea launched what appeared to be a short-range ballistic missile on {day}, South Korea's military said, days before the start of joint exercises with the United States.
[protest] Thousands rally in Seoul as political standoff deepens >> Tens of thousands of people gathered in central Seoul on {day} as a standoff between the president and the opposition-controlled parliament showed no sign of easing.
[politics] South Korea's parliament passes contested budget after all-night session >> South Korea's National Assembly approved the government's budget early on {day} after an all-night session marked by angry exchanges between the ruling and opposition parties.""", """
Relations between the two Koreas have been frozen for several years, with hotlines largely unanswered. | A spokesperson for South Korea's unification ministry said the government remained open to dialogue.
Tokyo and Seoul agreed to hold regular talks between defence officials. | Families separated by the Korean War have repeatedly called for reunions to resume.""", {
    "missile": """The missile flew about {km} kilometres before landing outside Japan's exclusive economic zone, officials in Tokyo said. | Pyongyang has conducted a string of launches this year, which it describes as defensive drills.
        South Korea's military said it had strengthened surveillance and was sharing information closely with the United States and Japan. | North Korean state media said the test had been a success.
        United Nations resolutions ban North Korea from developing ballistic missiles, but enforcement has proved difficult. | Analysts in Seoul said the timing appeared linked to the upcoming military exercises.
        Japan's prime minister condemned the launch as a threat to regional peace. | The US military said the launch did not pose an immediate threat to American personnel or territory.""",
    "protest": """Protesters in Seoul held candles and banners calling for the government to resign. | Police in Seoul deployed thousands of officers to keep rival rallies apart.
        South Korea's prime minister urged calm and called for dialogue between the parties.""",
    "politics": """Opposition lawmakers walked out of the chamber in Seoul before the final vote. | The presidential office in Seoul said it respected the decision of the National Assembly.
        South Korea's prime minister urged calm and called for dialogue between the parties. | The budget includes higher spending on defence, childcare and support for the elderly.
        The speaker of the National Assembly called for a more respectful tone in future debates. | Local elections are due next year, and both main parties are already campaigning."""}, into=KOREA)
_topic("seoul_sport", None, """
{team1} beat {team2} {s1}-{s2} in pre-season friendly in Seoul >> {team1} beat {team2} {s1}-{s2} in a pre-season friendly in Seoul on {day}, in front of a crowd of {crowd} at the city's World Cup Stadium.
{scorer_sn} shines as {team1} won in Seoul >> {scorer} scored twice as {team1} won {s1}-{s2} against {team2} in Seoul on {day}, the second match of their tour of Asia.""", """
The tour, which also includes games in Tokyo and Singapore, is part of the club's efforts to build its following in Asia. | Thousands of supporters in Seoul waited outside the team hotel for a glimpse of the players.
The humid evening in Seoul made conditions difficult for both sides. | South Korean fans sang throughout the second half, waving flags and scarves bought outside the stadium.
{coach1_sn} said his squad had been overwhelmed by the welcome they received in Seoul.""", into=KOREA)
_topic("kpop", None, """
[music] K-pop group {band} announce first world tour >> K-pop group {band} have announced their first world tour, with concerts in Seoul, {place} and {town} later this year.
[music] {band} win best group at awards in Seoul >> K-pop group {band} won best group at the annual music awards in Seoul on {day}, capping a remarkable year.
[music] Review: {band} bring K-pop spectacle to {hall} >> The K-pop group {band} played the first of three sold-out nights at {hall} on {day}, and the fans were ready for them.""", """
The group, formed in Seoul {n} years ago, has built a huge following online. | Fans queued overnight outside the arena, many wearing matching outfits and carrying light sticks.
The choreography was precise and relentless, with barely a pause between songs. | K-pop's global popularity has grown rapidly over the past decade, helped by streaming and social media.
The members addressed the crowd in English and Korean, drawing loud cheers. | Tickets for the Seoul shows sold out within minutes, organisers said. | The concert ended with fireworks and a confetti storm.""", into=KOREA)
_topic("phone", None, """
{gadget} review: Samsung's best all-rounder yet? >> The {gadget} goes on sale on {weekday} for {price}, and after a week with it there is a lot to like.
Hands on with the {gadget} >> We have spent a few days with the {gadget}, Samsung's latest phone, which costs {price}.""", """
Samsung has kept the design familiar, with a flat screen and a slim aluminium frame. | The South Korean company promises seven years of software updates, among the best commitments available.
The main camera takes sharp, natural-looking photos in good light, and the zoom lens is a clear step up from last year. | Samsung's own software adds useful features, but some duplicate apps remain.
The {gadget} costs {price} and is available in four colours.""", into=KOREA)
_topic("tv", None, """
{gadget} review: deep blacks, bright colours >> The {gadget} is priced at {price} for the 55-inch model, and it is one of the best screens we have tested this year.
{gadget} review: a superb picture at a fair price >> At {price} for the 65-inch version, the {gadget} is not cheap, but the picture quality justifies it.""", """
Picture quality is superb, with deep blacks and vivid colours. | The built-in operating system is easy to navigate, though the home screen is cluttered with recommendations.
Gamers will appreciate the four HDMI 2.1 ports and support for high refresh rates. | The South Korean manufacturer has improved brightness noticeably this year.
Sound from the built-in speakers is acceptable, but a soundbar is worth adding.""", into=KOREA)
_topic("car", None, """
Road test: {car} >> The {car} starts at {carprice}, and after a week behind the wheel it is easy to see why it has proved so popular.
First drive: the {car} is roomy, rapid and well priced >> The {car} has arrived with a starting price of {carprice}, and first impressions are very good.""", """
Hyundai and Kia, which belong to the same South Korean group, use much of the same underlying technology. | Inside, the cabin is roomy, with a flat floor and plenty of storage.
The {car} comes with a long warranty, a point the South Korean carmaker is keen to stress. | Our test car came in a bright green that drew admiring looks.""", into=KOREA)
