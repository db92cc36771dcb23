"""A labelled set of blog posts for testing the content-based "Read More" of issue #29.

Each topic in TOPICS holds posts that a reader would call related to one another, and no
other; the posts of different topics are about clearly different things. Categories are dealt
out by category_of() regardless of topic, as editors assign broad categories, so they carry no
hint of the topic. The test built on this set asserts that at least 90 % of the automatic Read
More cards shown under its posts come from the post's own topic (on SQLite and PostgreSQL) and
that every post shows three cards. UNSEEN_TOPICS holds two further topics, five posts each, for
the check on posts and topics no test has been tuned against.

The texts were written for this file and are original. The people, projects, figures, venues
and references in them are fictional; the example.org addresses lead nowhere. Posts mention
other topics' words in passing (a flood post speaks of a town's health service, an astronomy
post of bylaws and models), and common research words appear in every topic, so that
relatedness has to come from the whole text rather than from one word.

Each post is a dict with `title`, `lead`, `paragraphs` (3 to 5 plain-text paragraphs) and
`references` (0 to 3 dicts with `authors`, `title`, `venue`, `year` and `url`).
"""

CATEGORIES = ["Research", "Events", "Education", "News", "Partners"]


def category_of(topic_index: int, post_index: int) -> str:
    """The category of post `post_index` of topic `topic_index` (both counted from 0).

    Categories are dealt out regardless of topic, by position alone, as ``(topic_index * 3 +
    post_index * 2) % 5``: every topic gets a mix of all five, so a shared category says nothing
    about a shared topic.
    """
    return CATEGORIES[(topic_index * 3 + post_index * 2) % len(CATEGORIES)]


TOPICS = {
    "climate-water": [
        {
            "title": "What a wet winter taught us about river flood forecasting",
            "lead": "After three floods in ten weeks, our hydrology group looked back at how well its forecasts held up, and at the one that went wrong.",
            "paragraphs": [
                "Between December and February the river rose above its warning level three times, and each time the regional authority asked our group for a forecast five days ahead. We run an ensemble of fifty simulations, each fed with a slightly different outlook for rainfall and temperature, and report the spread rather than a single line. For the first two peaks the observed crest fell well inside that spread. The third came almost a day early, and that is the one we have spent the spring trying to understand.",
                "The culprit, it turns out, was snow. A sudden thaw in the upper catchment released meltwater faster than our snowpack scheme allowed, because the scheme had been calibrated on colder winters. PhD student Ilse Maartens rebuilt it using station data from the last decade only, and in a hindcast the early crest now arrives on time. It is a small change in the code, but it says something larger about how quickly yesterday's calibration can age in a warming climate.",
                "Forecasts are only useful if someone acts on them. During the February event, a town on the lower river used our ensemble to decide when to close its temporary barriers, and the municipal health service used the same figures to plan checks on drinking wells in low-lying villages. We are now writing up, with both of them, what information they needed and when, so that next winter's flood bulletins are shaped around decisions rather than around our graphs.",
            ],
            "references": [
                {
                    "authors": "Ilse Maartens, Pieter Hoogland, Noor Bakker",
                    "title": "Snowmelt timing in ensemble flood forecasts for a rain-fed lowland river",
                    "venue": "Journal of Applied Hydrology",
                    "year": "2024",
                    "url": "https://example.org/hydrology/snowmelt-ensemble-forecasts",
                },
                {
                    "authors": "Pieter Hoogland",
                    "title": "Communicating forecast uncertainty to flood managers",
                    "venue": "Water Resources Practice",
                    "year": "2022",
                    "url": "https://example.org/hydrology/forecast-uncertainty",
                },
            ],
        },
        {
            "title": "Salt in the wells: a field week on groundwater in the delta",
            "lead": "Twenty-two master's students spent a week sampling wells and talking to farmers in a coastal delta where fresh groundwater is slowly turning brackish.",
            "paragraphs": [
                "The field week is a fixture of our network's joint master's programme, and this year it took place in a low-lying delta where rising sea levels and dry summers are drawing seawater into the aquifer. Each morning the students split into teams, drove out to farms and village pumps, and measured the electrical conductivity of the water they drew. By Friday they had a map of more than two hundred wells, with the saltiest clustered near old tidal creeks that were filled in a century ago.",
                "Numbers were only half of the exercise. Students also interviewed the people who depend on the wells: vegetable growers who have switched to salt-tolerant crops, a dairy farmer who now trucks in fresh water for his cows in August, and a village council worried about the cost of a desalination unit. Several students said these conversations changed how they read their own measurements, and two of them are now writing their theses on the council's options.",
                "The data set is now open on the network's repository, together with the students' reports. Colleagues in the hydrogeology department will use it to test a groundwater flow model that has so far been checked against only a handful of boreholes. If the model holds up, it could help the regional water board decide where pumping should be limited before the next drought, and where a pipeline carrying river water inland would do the most good.",
            ],
            "references": [
                {
                    "authors": "Dewi Santoso, Karin Mulder",
                    "title": "Salinisation of shallow aquifers in a managed coastal delta",
                    "venue": "Hydrogeology Letters",
                    "year": "2023",
                    "url": "https://example.org/hydrogeology/delta-salinisation",
                },
            ],
        },
        {
            "title": "Reading old droughts in tree rings and lake mud",
            "lead": "Palaeoclimatologist Dr Rosa Lindqvist explains how centuries-old wood and sediment cores help put today's dry summers and low rivers in a longer climate context.",
            "paragraphs": [
                "Rosa Lindqvist has spent fifteen years collecting wood from old barns, church roofs and trunks preserved in bogs. “Our rain gauges in this region go back about a century and a half,” she says. “That is not long enough to tell whether a dry spell is truly exceptional. Trees keep a much longer diary. A narrow ring in a seventeenth-century roof beam can tell us that a particular summer was parched, often to the exact year.”",
                "Her team combines those ring-width series with sediment cores drilled from the beds of small upland lakes. In dry years the lake level falls, the shoreline creeps inward, and the chemistry of the mud changes in ways that can be measured in the laboratory. “The two archives disagree sometimes, and those disagreements are the most interesting part,” Lindqvist says. “Trees respond to the growing season, lakes to the whole year. Put together, they give a fuller picture.” Very wet years leave their mark too, as layers of silt washed into the lakes by floods.",
                "The reconstruction now spans nine hundred years and includes at least four droughts more severe than anything in the instrumental record, years when rivers shrank to a trickle and wells ran dry. Lindqvist is careful about what that means. “It does not tell us what will happen next,” she says. “But it gives engineers and planners a better sense of the range nature has already produced, even before climate change adds warming on top. If your reservoir was designed around the last century of river flows only, that is worth knowing.”",
            ],
            "references": [
                {
                    "authors": "Rosa Lindqvist, Olof Berg, Maja Eklund",
                    "title": "Nine centuries of summer drought from tree rings and lake sediments",
                    "venue": "Quaternary Environments",
                    "year": "2024",
                    "url": "https://example.org/palaeo/nine-centuries-drought",
                },
                {
                    "authors": "Olof Berg",
                    "title": "Dating historical timber: a field guide",
                    "venue": "Nordic Dendrochronology Society",
                    "year": "2019",
                    "url": "https://example.org/palaeo/dating-timber",
                },
            ],
        },
        {
            "title": "Shrinking glaciers and the valleys that live on their meltwater",
            "lead": "A new three-year project brings together glaciologists, hydrologists and energy economists to ask what happens downstream when Alpine ice disappears.",
            "paragraphs": [
                "The glaciers of the high Alps have lost roughly a third of their volume since the turn of the century as the climate has warmed, and the trend is not slowing. For the valleys below, the loss is not only a matter of scenery. Late-summer flow in many catchments depends on ice melt, and that flow feeds irrigation channels, drinking water supplies and a dense chain of hydropower plants. The project, funded by our network's seed programme, sets out to estimate how each of these will be affected.",
                "Field work began in June with the installation of automatic weather stations on two glacier tongues and discharge gauges at the outlets of their streams. Drone surveys, repeated every few weeks, measure how much the ice surface lowers over the melt season. Those observations will be used to calibrate a glacier model that can then be run forward under different emission pathways, from rapid cuts to continued growth.",
                "The economists of the team, based at the university's business school, are working with two regional electricity companies to understand how changes in the timing of runoff would affect their reservoirs and revenues. “Peak melt used to arrive in July,” says project lead Matteo Rinaldi. “In warm years it now comes in June, and in a drought summer some streams are a trickle by late August. That shift matters to everyone who plans around the river, from farmers to the people running the turbines.”",
            ],
            "references": [
                {
                    "authors": "Matteo Rinaldi, Anna Gruber",
                    "title": "Peak water in glacierised Alpine catchments: a review",
                    "venue": "Mountain Hydrology Review",
                    "year": "2023",
                    "url": "https://example.org/glaciology/peak-water-review",
                },
            ],
        },
        {
            "title": "Workshop report: bringing global climate projections down to regional scale",
            "lead": "Forty modellers, planners and students met for two days to discuss how coarse global simulations can be turned into information a province can use.",
            "paragraphs": [
                "Global climate models divide the planet into cells that are often a hundred kilometres across, far too coarse for a provincial planner who wants to know how heavy summer downpours will become in one particular river valley, or how long droughts may last. Downscaling bridges that gap, either with finer regional models or with statistical methods trained on local observations. The workshop, hosted by our environmental sciences department, set out to compare the two approaches honestly, including their failures.",
                "The liveliest session was a blind test. Four groups had been given the same historical period and asked to reproduce observed extremes of rainfall and temperature without seeing them in advance. None of the methods won everywhere. The dynamical model captured the shape of convective storms best, while a machine-learning approach was better at the frequency of hot nights but overstated their spread from year to year.",
                "Several participants from regional government asked for less precision and more honesty. An engineer from a water board responsible for flood defences said she would rather have three plausible futures with clear caveats than one map coloured to two decimal places. The organisers have taken that to heart: the workshop's report, due in the autumn, will include a short guide for non-specialists on how to read projected ranges of rainfall, river flow and heat, written together with two of the planners who attended.",
            ],
            "references": [
                {
                    "authors": "Workshop organising committee",
                    "title": "Regional downscaling in practice: report of the spring workshop",
                    "venue": "Research network report series",
                    "year": "2024",
                    "url": "https://example.org/reports/downscaling-workshop",
                },
                {
                    "authors": "Lotte Verbeek, Hamid Rezaei, Sara Nilsson",
                    "title": "Dynamical and statistical downscaling of precipitation extremes: a blind comparison",
                    "venue": "Climate Dynamics Letters",
                    "year": "2024",
                    "url": "https://example.org/climate/blind-downscaling",
                },
            ],
        },
        {
            "title": "Students build low-cost rain gauges to catch local downpours",
            "lead": "First-year engineering students designed, built and installed forty rain gauges across the region, and the first season of rainfall measurements is in.",
            "paragraphs": [
                "The assignment sounded simple: design a rain gauge that costs less than twenty euros, survives a year outdoors and reports its readings over a mobile connection. Twelve teams of first-year engineering students spent the autumn term on it, testing tipping-bucket mechanisms in a sink, arguing about solar panels and learning, sometimes painfully, how much a cheap sensor can drift when the temperature drops below freezing.",
                "The three best designs were then built in a batch of forty and installed on allotments, at village halls and in a few school grounds, where volunteers check them every week and clear out leaves and insects. Each gauge sends its counts to a small server run by the university, and a public dashboard shows rainfall totals on a map. The regional water board now links to it from its flood information page, and a local weather club compares its own readings.",
                "After one season the network has already been useful to researchers. During a summer thunderstorm, the new gauges recorded a cloudburst of more than forty millimetres in an hour over a neighbourhood that the official station, five kilometres away, barely registered. Our hydrologists are now comparing the student data with radar estimates to see whether dense, imperfect networks can sharpen the picture of short, intense downpours over built-up areas, where streets flood and sewers overflow first.",
            ],
            "references": [],
        },
        {
            "title": "Storm surges, sea level and the long memory of coastal dikes",
            "lead": "Flood engineers and archive researchers are working together to reconstruct five centuries of storm floods along the North Sea coast.",
            "paragraphs": [
                "Every stretch of dike along the North Sea has a story, and often a date carved somewhere in stone. A small team from our humanities faculty and civil engineering department is collecting those stories systematically: archive records of breaches, repair accounts kept by local water boards, and the marks of flood heights painted on church walls. The aim is a long series of storm surge levels that goes back well before the first tide gauges were installed.",
                "The archives are richer than expected. Medieval and early modern water boards were legal bodies with their own courts, and they kept meticulous records of who was obliged to maintain which section of dike, and what happened when someone failed. Those disputes often describe the damage after a storm in precise detail. PhD candidate Jelle Okafor has transcribed more than three thousand pages so far, with help from a group of volunteers.",
                "Combining the historical series with modern measurements allows the engineers to test their statistical estimates of extremely rare surges, the kind a dike should withstand once in ten thousand years. Early results suggest that the largest historical storms pushed the sea somewhat higher than current models assume, which matters all the more as sea level rises with a warming climate. The team is cautious about drawing conclusions before the uncertainties are worked out, but a paper is in preparation, and the transcriptions will be published for other researchers.",
                "The work feeds directly into flood protection. The national standards for dikes are reviewed every twelve years, and the next review will consider how much extra height is needed as the sea rises and storms possibly intensify. “Engineers design against the rare storm,” says Okafor. “Our archives add centuries of evidence about what the North Sea can do, which is worth having before deciding how high to build for the next hundred years of rising water.”",
            ],
            "references": [
                {
                    "authors": "Jelle Okafor, Marieke de Groot",
                    "title": "Storm surge heights from water board archives, 1500–1850",
                    "venue": "Coastal Engineering History",
                    "year": "2025",
                    "url": "https://example.org/coastal/water-board-archives",
                },
            ],
        },
        {
            "title": "A summer without rain: what last year's drought taught water managers",
            "lead": "Low rivers, empty reservoirs and parched fields: our hydrologists and the regional water authority look back at the driest summer in sixty years.",
            "paragraphs": [
                "From May to September last year, the region received less than half its usual rainfall. By August the main river was running at its lowest level since records began, shipping had to carry half loads, and two reservoirs that supply drinking water to a quarter of a million people fell below a third of their capacity. Our hydrology group has spent the winter reconstructing how the drought developed, together with the water authority that had to manage it.",
                "The analysis shows that the drought began long before anyone called it one. A dry spring left soils with little moisture, so that the first summer showers soaked into the ground instead of reaching rivers and aquifers. Groundwater levels kept falling into the autumn, well after the rain returned. “The river recovered in weeks,” says hydrologist Dr Femke Dijkstra. “The groundwater will take more than a year.”",
                "The water authority is now revising its drought plan. Restrictions on irrigation and on filling swimming pools will be triggered earlier, based on soil moisture and groundwater readings rather than river flow alone, and the authority will publish a weekly drought bulletin from April onwards. Our researchers are also running climate projections for the catchment, which suggest that summers this dry could become several times more frequent by the middle of the century.",
            ],
            "references": [
                {
                    "authors": "Femke Dijkstra, Ruben Aalders",
                    "title": "Anatomy of a summer drought: soil moisture, river flow and groundwater recovery",
                    "venue": "Journal of Applied Hydrology",
                    "year": "2025",
                    "url": "https://example.org/hydrology/summer-drought-anatomy",
                },
            ],
        },
        {
            "title": "Interview: making room for the river",
            "lead": "Hydrologist Karel Hendriks has studied floods for thirty years, and he argues that higher dikes alone will not keep us dry in a changing climate.",
            "paragraphs": [
                "Karel Hendriks remembers the winter of 1995, when rivers across the region rose so high that two hundred thousand people were evacuated. “It was the flood that changed my career,” he says. “Until then, flood protection meant one thing: build the dikes higher. After 1995 we started asking a different question. What if we gave the river more space, so that the water level itself stays lower when the next flood comes?”",
                "Since then, dozens of projects have moved dikes inland, dug side channels and lowered floodplains, so that a river in flood can spread out instead of pushing against its banks. Hendriks's group measures how well these interventions work, using gauges, sediment surveys and hydraulic models of the river. On average, the projects have lowered flood levels by tens of centimetres, and they have brought wetlands and wildlife back to the floodplains as a side effect.",
                "He sees more work ahead. Heavier winter rainfall and drier summers mean that rivers must cope with both more water and less, sometimes in the same year. “We designed the river for floods,” he says. “Now we must also design it to hold water back for the dry months.” He is advising the national delta programme on how to combine both aims, and teaches a course in which students redesign a stretch of river themselves.",
            ],
            "references": [
                {
                    "authors": "Karel Hendriks, Suzanne Verhagen",
                    "title": "Twenty-five years of room for the river: measured effects on flood levels",
                    "venue": "River Research and Management",
                    "year": "2024",
                    "url": "https://example.org/rivers/room-for-the-river",
                },
                {
                    "authors": "Karel Hendriks",
                    "title": "Rivers for floods and droughts",
                    "venue": "Inaugural lecture, university press",
                    "year": "2019",
                    "url": "https://example.org/rivers/floods-and-droughts-lecture",
                },
            ],
        },
    ],
    "public-health": [
        {
            "title": "Tracking the flu season through wastewater samples",
            "lead": "Sewage from twelve treatment plants gave the regional health service a week's head start on this winter's influenza epidemic.",
            "paragraphs": [
                "Every person infected with influenza sheds traces of the virus, whether or not they ever visit a doctor, and those traces end up in the sewer. Since October our university's virology group has collected samples twice a week from twelve treatment plants serving about two million residents, extracted the genetic material and measured how much viral RNA each sample contains. The figures are shared every Monday with the regional public health service.",
                "This winter, the wastewater signal began to climb about eight days before the number of patients reporting flu-like symptoms to general practitioners. That lead time is valuable: hospitals use it to plan staffing and bed capacity, and the health service used it to time a reminder campaign for vaccination among older residents. The signal also showed a later, smaller wave in two towns that clinical surveillance missed almost entirely.",
                "There are limits. Rain dilutes the samples, industrial discharges interfere with the chemistry, and a sewer catchment does not map neatly onto the districts that health statistics use. Statistician Amara Fofanah has built a statistical model that corrects for flow rates and for a chemical marker of human waste, which removes most of the noise. The next step is to add other pathogens, starting with respiratory syncytial virus, which fills paediatric wards every winter.",
            ],
            "references": [
                {
                    "authors": "Amara Fofanah, Lucas Meijer, Ruth Adeyemi",
                    "title": "Normalising influenza RNA in wastewater by flow and faecal markers",
                    "venue": "Journal of Environmental Surveillance",
                    "year": "2024",
                    "url": "https://example.org/epidemiology/wastewater-influenza",
                },
            ],
        },
        {
            "title": "Twenty years of check-ups: what a cohort reveals about blood pressure",
            "lead": "A long-running cohort of eight thousand adults shows that blood pressure in later life is shaped early, and by more than salt.",
            "paragraphs": [
                "In 2004, eight thousand adults aged thirty to fifty agreed to visit a local clinic every four years for a check-up: blood pressure, weight, a blood sample and a long questionnaire about work, sleep, diet and family. Twenty years later, more than five thousand of them are still taking part. The cohort is now one of the richest sources in the country for studying how chronic disease develops over a lifetime.",
                "The latest analysis, published this month, follows the participants' blood pressure across all six visits. People whose readings rose fastest in their thirties were three times as likely to have a stroke or heart attack by their sixties, even when their readings at any single visit looked unremarkable. Shift work, long commutes and poor sleep were each linked to a steeper rise, independently of diet and body weight.",
                "“We tend to treat hypertension as a number that crosses a threshold,” says lead author Dr Hanna Virtanen. “But the trajectory tells you much more than the snapshot.” The team argues that general practitioners should look at how a patient's readings have changed over time, not only at today's figure. They are now working with a primary care network to test whether an automatic trend alert in the electronic record changes how doctors respond.",
                "The cohort has also become a training ground. More than thirty doctoral theses have drawn on its data, on subjects from diabetes and kidney disease to depression after retirement, and medical students help at the clinic visits each year. The next round of check-ups, starting in the spring, will add a test of memory and thinking, so that the researchers can study how blood pressure and heart health in midlife relate to the risk of dementia decades later.",
            ],
            "references": [
                {
                    "authors": "Hanna Virtanen, Eero Laine, Camille Roux",
                    "title": "Blood pressure trajectories in early adulthood and cardiovascular events: a 20-year cohort",
                    "venue": "European Journal of Population Cardiology",
                    "year": "2025",
                    "url": "https://example.org/cohort/blood-pressure-trajectories",
                },
                {
                    "authors": "Eero Laine, Hanna Virtanen",
                    "title": "Shift work, sleep and hypertension",
                    "venue": "Occupational Health Reports",
                    "year": "2021",
                    "url": "https://example.org/cohort/shift-work-sleep",
                },
            ],
        },
        {
            "title": "Interview: chasing an outbreak from the first case to its source",
            "lead": "Field epidemiologist Tomás Herrera talks about the weeks he spent tracing a foodborne outbreak, and what detective work looks like in public health.",
            "paragraphs": [
                "When the first three patients with severe gastroenteritis arrived at the same hospital on a Sunday in May, nobody thought much of it. By Wednesday there were twenty-six cases in four towns, and Tomás Herrera, a field epidemiologist trained through our network's fellowship programme, was on his way. “The first days are always chaotic,” he says. “You have a cluster of sick people and no idea what connects them.”",
                "His team interviewed every patient they could reach with a standard questionnaire about everything eaten in the previous week. Then they asked the same questions of healthy neighbours of similar age, so that the two groups could be compared. “That comparison is the heart of it,” Herrera explains. “Nearly everybody eats cheese. What you are looking for is something the patients ate far more often than the healthy ones.” In this case it was a bagged salad sold by one supermarket chain.",
                "Laboratory typing of the bacteria from patients confirmed the link, the product was withdrawn and new infections stopped within a fortnight. Herrera is now helping to design a training course in which students of epidemiology work through a replay of the investigation day by day, with the data released to them in the order it reached the real team. “You learn more from the uncertainty,” he says, “than from the tidy version in a report.” The regional public health service plans to use the course to train its own infectious disease staff.",
            ],
            "references": [
                {
                    "authors": "Tomás Herrera, Greta Hansen",
                    "title": "A multi-town outbreak of Salmonella linked to bagged salad: case-control investigation",
                    "venue": "Outbreak Investigation Bulletin",
                    "year": "2024",
                    "url": "https://example.org/epidemiology/bagged-salad-outbreak",
                },
            ],
        },
        {
            "title": "Summer school in biostatistics welcomes forty students from twelve countries",
            "lead": "Two weeks of survival analysis, causal diagrams and evening debates brought early-career epidemiologists to our university campus.",
            "paragraphs": [
                "The network's summer school in biostatistics has grown every year since it began, and this July it welcomed forty doctoral students and junior researchers from twelve countries. Most work in epidemiology, clinical trials or health services research, and many arrived with a data set of their own and a question they had been struggling with. The programme mixes morning lectures with afternoon practicals in R, and evenings were given over to short presentations of participants' projects.",
                "The most popular module was on causal inference from observational data, taught by Professor Liesbeth Aerts. Using examples from studies of smoking and lung cancer, vaccine effectiveness and hospital readmissions, she showed how drawing a simple diagram of assumed causes can reveal which variables to adjust for, and which ones adjusting for would introduce bias. Several students redrew their own study designs during the practical and found confounders they had overlooked.",
                "Alongside the teaching, the school tries to build a community. Participants are paired with a mentor from another institution for a year, and last year's cohort has already produced two joint papers. Applications for next summer open in January; the organisers are particularly keen to hear from researchers working in low- and middle-income countries, for whom a number of travel grants are available.",
                "Many participants brought pressing public health questions. One studies whether a screening programme for colorectal cancer reaches people in poorer neighbourhoods, another the long-term health of children born prematurely, a third the spread of antibiotic-resistant infections between hospitals and care homes. “Every one of these questions ends in a regression model,” Aerts told them on the first day, “and every model is only as good as your thinking about the patients behind the numbers.”",
            ],
            "references": [
                {
                    "authors": "Liesbeth Aerts",
                    "title": "Drawing causes: directed acyclic graphs for applied epidemiologists",
                    "venue": "Lecture notes, network summer school",
                    "year": "2024",
                    "url": "https://example.org/summer-school/causal-diagrams",
                },
            ],
        },
        {
            "title": "Childhood vaccination and the role of trusted local voices",
            "lead": "A study among families in six communities finds that who delivers the message about childhood vaccines matters as much as what it says.",
            "paragraphs": [
                "Childhood vaccination coverage in the region is high on average, but the average hides large differences between communities. In some areas fewer than three in four children receive the second dose of the measles vaccine on time, and measles spreads so easily that outbreaks start wherever coverage slips. Our public health researchers teamed up with the municipal child health clinics to ask why, starting not with surveys but with long conversations with parents, nurses, religious leaders and community workers.",
                "The picture that emerged was less about hostility to vaccines than about practical barriers and trust. Appointment letters were dense and official, rarely translated, and clinic opening hours clashed with shift work. Parents said they were most likely to follow advice from a nurse they knew by name, or from someone in their own community who had children of the same age.",
                "Based on these findings, two child health clinics piloted a different approach last year: reminder messages in the family's own language, evening clinics once a month, and trained peer educators who visit parents at home. On-time coverage rose by nine percentage points among the families they serve, compared with one point elsewhere, and no measles cases were reported there. The clinics now plan to extend the approach, and the team will follow whether the gains last beyond the first year.",
                "Measles is not the only concern. Coverage for the vaccines against whooping cough and human papillomavirus follows the same pattern, and the same families often miss several appointments. The public health researchers are now working with general practitioners and the regional vaccination programme to see whether the peer educators can help with these too, and whether nurses could offer catch-up doses whenever a child visits a clinic for another reason, such as a check of growth or hearing.",
            ],
            "references": [
                {
                    "authors": "Fatima Ouali, Bram de Vries, Nadia Haddad",
                    "title": "Trust, access and on-time measles vaccination: a mixed-methods study",
                    "venue": "Vaccine Equity Research",
                    "year": "2024",
                    "url": "https://example.org/public-health/trusted-voices",
                },
            ],
        },
        {
            "title": "Fewer antibiotics, same recovery: a trial in general practice",
            "lead": "A trial in sixty general practices shows that a quick finger-prick test can safely halve antibiotic prescriptions for chest infections.",
            "paragraphs": [
                "Antibiotic resistance is one of the gravest threats to modern medicine, and much of it is driven by prescriptions that were never needed. Coughs and chest infections are a prime example: most are caused by viruses, on which antibiotics have no effect, yet doctors short of time often prescribe them just in case. Our primary care researchers wanted to know whether a simple test in the surgery could help general practitioners tell the two kinds of infection apart.",
                "Sixty practices took part. In half of them, doctors could measure C-reactive protein, a marker of bacterial infection, in a drop of blood from the patient's fingertip, with the result ready in four minutes. The other half carried on as usual. Over one winter, more than four thousand adult patients with an acute cough were included, and research nurses phoned each of them a week and a month later to ask how they were recovering.",
                "In practices with the test, antibiotics were prescribed to 31 percent of patients, compared with 58 percent in the others. Recovery times, hospital admissions and patient satisfaction were the same in both groups. “The test gives doctors a reason to wait, and patients a reason to accept it,” says trial lead Dr Ayodele Martins. The national college of general practitioners is now reviewing the findings, and the team is studying what it would cost to offer the test in every practice.",
            ],
            "references": [
                {
                    "authors": "Ayodele Martins, Wouter Claassen, Kirsi Heikkinen",
                    "title": "Point-of-care C-reactive protein testing and antibiotic prescribing for acute cough: a cluster randomised trial",
                    "venue": "Journal of Primary Care Research",
                    "year": "2025",
                    "url": "https://example.org/primary-care/crp-antibiotics-trial",
                },
            ],
        },
        {
            "title": "Health records, consent and privacy: a workshop on responsible sharing",
            "lead": "Epidemiologists, patient representatives and data protection officers discussed how registries can be opened to research without losing public trust.",
            "paragraphs": [
                "Population health research depends on linking records: hospital admissions to prescriptions, cancer diagnoses to causes of death, all of them to census information. Each link makes studies more powerful and raises the stakes for privacy. Our network's workshop on responsible data sharing, held in March, brought together about sixty people from universities, hospitals, statistics offices and patient organisations to discuss how that balance can be struck in practice.",
                "Patient representatives made the strongest impression. A woman living with a rare disease explained that she wanted her medical records used for research, because studies of conditions like hers depend on every case, but that she wanted to know who used them and why. Several speakers argued that transparent registers of approved projects, published online in plain language, do more for trust than long consent forms that few people read.",
                "The afternoon turned to technical safeguards. Researchers from the statistics office demonstrated a secure remote environment in which analysts can run models on pseudonymised data without ever downloading it, while a data protection lawyer explained which kinds of analysis require fresh ethical approval. The workshop's recommendations will be sent to the national health data authority, which is consulting on new rules for the secondary use of patient information.",
                "Several epidemiologists described what is at stake. Registry studies have shown which medicines are safe in pregnancy, how cancer survival differs between hospitals and which patients benefit most from a new heart treatment, often faster and more cheaply than a clinical trial could. “If we lose public trust, we lose that,” one participant said. The network will hold a follow-up meeting with patient organisations next year to review how the recommendations are being put into practice.",
            ],
            "references": [
                {
                    "authors": "Workshop participants",
                    "title": "Recommendations on the secondary use of health registry data",
                    "venue": "Research network report series",
                    "year": "2025",
                    "url": "https://example.org/reports/registry-data-sharing",
                },
                {
                    "authors": "Merel Jansen, Piotr Zieliński",
                    "title": "Public attitudes to research use of electronic health records",
                    "venue": "Journal of Health Data Governance",
                    "year": "2023",
                    "url": "https://example.org/health-data/public-attitudes",
                },
            ],
        },
        {
            "title": "Preventing type 2 diabetes in general practice: first results",
            "lead": "A lifestyle programme offered through family doctors has cut the number of patients with prediabetes who go on to develop the disease.",
            "paragraphs": [
                "About one adult in six in the region has blood sugar levels that are higher than normal but not yet high enough for a diagnosis of diabetes. Without changes, many of them will develop type 2 diabetes within a decade, with its risks of heart disease, kidney failure and blindness. Three years ago, our public health researchers and forty general practices began offering these patients a lifestyle programme, delivered by practice nurses and local health coaches.",
                "The programme combines group sessions on diet and physical activity with individual coaching, and it is free for patients. After two years, 11 percent of participants had developed diabetes, compared with 19 percent of similar patients at practices that did not yet offer the programme. Participants lost on average four kilograms, and the benefits were largest among those who attended most sessions, regardless of income or education.",
                "“The challenge now is reach,” says epidemiologist Dr Lotte Brinkman. “Fewer than half of the patients we invited took part, and men and younger adults were hardest to recruit.” The team is testing evening sessions, an online version and invitations sent by the patient's own doctor rather than the health service. Health insurers are following the trial closely, since preventing one case of diabetes saves thousands of euros in medical costs.",
            ],
            "references": [
                {
                    "authors": "Lotte Brinkman, Ahmed Said, Marieke Post",
                    "title": "A primary care lifestyle programme for prediabetes: two-year outcomes",
                    "venue": "Diabetes Prevention Research",
                    "year": "2025",
                    "url": "https://example.org/primary-care/prediabetes-programme",
                },
            ],
        },
        {
            "title": "How are doctoral researchers really doing? A survey on mental health",
            "lead": "A survey of three thousand PhD candidates across the network found high levels of anxiety and depression, and pointed to what helps.",
            "paragraphs": [
                "Doctoral research is often described as a privilege, and for many it is. But it can also be lonely, uncertain and stressful. Last spring, psychologists and public health researchers in our network surveyed about three thousand PhD candidates at eleven universities, using standard questionnaires for symptoms of anxiety and depression alongside questions about supervision, workload, funding and life outside work.",
                "The results are sobering. Almost four in ten respondents reported symptoms of moderate or severe anxiety or depression, about twice the rate among adults of the same age in the general population. Candidates who felt poorly supported by their supervisor, or who were unsure whether their contract would be extended, were most at risk. Those who took part in peer groups or had a second supervisor reported better mental health.",
                "The universities have responded in different ways. Several now train supervisors in recognising signs of distress and in talking about them, and two have shortened waiting times for the student psychologist. “Mental health problems are treatable, and most people recover,” says study lead Dr Isabel Cordeiro. “But help has to be easy to find, and asking for it must not feel like a risk to one's career.” The survey will be repeated in two years.",
            ],
            "references": [
                {
                    "authors": "Isabel Cordeiro, Mark Jansen, Eva Novak",
                    "title": "Anxiety and depression among doctoral candidates: a multi-university survey",
                    "venue": "Journal of Mental Health in Higher Education",
                    "year": "2025",
                    "url": "https://example.org/mental-health/doctoral-survey",
                },
            ],
        },
    ],
    "language": [
        {
            "title": "Building a speech corpus for an endangered mountain dialect",
            "lead": "Linguists and villagers have recorded two hundred hours of conversation in a dialect spoken by fewer than a thousand people.",
            "paragraphs": [
                "High in a valley on the border between two countries, about nine hundred people still speak a dialect that preserves sounds and grammatical forms lost elsewhere centuries ago. Most of them are over sixty. Three years ago, our linguistics department began a documentation project with the village association, with a simple aim: record as much natural speech as possible, transcribe it and make it available both to researchers and to the community itself.",
                "The recordings are deliberately ordinary: grandparents telling stories, neighbours arguing about the weather, a cheese maker explaining her work, children attempting the old counting rhymes. Fieldworker Anouk Delorme lived in the village for several months and trained four local residents to run recording sessions on their own. “They get conversations I never could,” she says. “People relax when the person holding the microphone is their cousin.”",
                "Transcription is the slow part. Every hour of audio takes roughly forty hours to transcribe, translate and annotate. The team is now testing whether a speech recognition model, fine-tuned on the first fifty hours, can produce rough drafts that a human then corrects. Early results are promising for some speakers and poor for others, mostly the oldest, whose pronunciation differs most from the training data. The archive will open to the public next spring.",
            ],
            "references": [
                {
                    "authors": "Anouk Delorme, Gian Caflisch",
                    "title": "Documenting a border dialect: methods and first results",
                    "venue": "Field Linguistics Notes",
                    "year": "2024",
                    "url": "https://example.org/linguistics/alpine-dialect-corpus",
                },
            ],
        },
        {
            "title": "How toddlers learn word order: results from a five-country study",
            "lead": "Children growing up with languages as different as Turkish, Dutch and Tagalog show surprising similarities in how they pick up sentence structure.",
            "paragraphs": [
                "Some languages place the verb in the middle of a sentence, some at the end, some at the start, and many allow word order to shift depending on emphasis. How do young children work out which pattern they are hearing? A consortium of five universities in our network set out to compare children acquiring Dutch, Turkish, Mandarin, Tagalog and Spanish, using the same experiments and the same age groups in every country.",
                "The main task was simple and child-friendly. Two-year-olds watched short animations on a screen, one showing a rabbit pushing a duck and the other a duck pushing the rabbit, while they heard a sentence describing one of them. An eye tracker recorded which scene they looked at. By comparing looking times across languages, the researchers could see when children began to use word order, case endings or both to identify who did what to whom.",
                "The results, now published, suggest that children everywhere initially rely on the order of nouns more than their grammar strictly requires, even in Turkish, where endings carry most of the information. Only around their third birthday do they start to trust the endings. “It looks like a shared starting strategy,” says coordinator Dr Selin Aydın. The next phase will follow bilingual children, who must juggle two systems at once.",
                "The study has practical uses as well. Speech and language therapists often assess young children with tests designed for English, which assume that word order is the main cue to meaning. The consortium is working with therapists in Turkey and the Philippines to adapt its animations into a short screening tool in the child's own language, so that children who are slow to pick up grammar can be spotted early, whatever language they speak at home.",
            ],
            "references": [
                {
                    "authors": "Selin Aydın, Maarten Claes, Liwei Zhang, Rosario Dela Cruz",
                    "title": "Word order before case: a cross-linguistic eye-tracking study of two-year-olds",
                    "venue": "Journal of Child Language Development",
                    "year": "2025",
                    "url": "https://example.org/acquisition/word-order-before-case",
                },
            ],
        },
        {
            "title": "Workshop: large language models and the world's smaller languages",
            "lead": "Computational linguists and speakers of under-served languages met to ask what current AI systems can, and cannot, do for them.",
            "paragraphs": [
                "Most of the text that large language models learn from is in a handful of languages, with English far ahead of the rest. For the thousands of languages that have little written material online, these systems often produce fluent-looking nonsense. Our network's natural language processing group hosted a two-day workshop in November to take stock, inviting not only researchers but also teachers, translators and activists who work with those languages every day.",
                "A recurring theme was evaluation. Several speakers showed that benchmarks for low-resource languages are often built by machine-translating English test sets, which rewards systems for reproducing translation errors. A team from a partner university in East Africa presented a benchmark written from scratch by native speakers of Luganda and Kinyarwanda, and models that looked strong on translated tests scored far lower on it.",
                "Questions of ownership came up repeatedly. Community representatives asked who benefits when their texts are collected to train commercial systems, and whether they have any say in how the resulting tools are used. A legal scholar from our law faculty outlined licensing options that give communities more control over their data. The organisers plan a follow-up meeting focused on shared guidelines for collecting and releasing language resources.",
            ],
            "references": [
                {
                    "authors": "Grace Namubiru, Eric Habimana, Jan Kowalski",
                    "title": "Native-authored benchmarks for Luganda and Kinyarwanda",
                    "venue": "Proceedings of the Workshop on Under-Resourced Languages",
                    "year": "2024",
                    "url": "https://example.org/nlp/native-benchmarks",
                },
                {
                    "authors": "Workshop organisers",
                    "title": "Towards shared guidelines for community language data",
                    "venue": "Research network report series",
                    "year": "2025",
                    "url": "https://example.org/reports/community-language-data",
                },
            ],
        },
        {
            "title": "Interview: reconstructing words nobody has spoken for millennia",
            "lead": "Historical linguist Prof. Edmund Haraldsen on sound laws, borrowed words and what a reconstructed vocabulary says about ancient lives.",
            "paragraphs": [
                "Edmund Haraldsen has a habit of answering questions with etymologies. Ask him about his work and within minutes he is tracing a modern word for “wheel” back through half a dozen languages to a form that nobody has uttered for five thousand years. “Reconstruction is not guesswork,” he insists. “Sound changes are remarkably regular. If you know how one sound shifted across a family of languages, you can work backwards with real confidence.”",
                "Those regular correspondences, known since the nineteenth century as sound laws, let linguists rebuild parts of ancestral vocabularies by comparing their descendants. Haraldsen's current project focuses on words for farming, herding and metalworking in a family of languages once spoken across the steppe. “Vocabulary is a kind of archaeology,” he says. “If a reconstructed language has words for wool, yoke and axle, that tells you something about how its speakers lived.”",
                "He is enthusiastic about computational methods, with reservations. His team now uses phylogenetic software borrowed from biology to estimate when branches of a language family split. “The models are useful, but they inherit every assumption we put into the data,” he says. “A misjudged cognate or an unnoticed borrowing can move a date by centuries. The computer is a tool for testing our arguments, not a substitute for making them.”",
                "Students in his seminar are given short lists of words in five related languages and asked to work out the sound changes for themselves. Most find it harder than expected, and then oddly addictive. “Once you see that Latin ‘ct’ became ‘tt’ in Italian, you start noticing patterns everywhere,” he says. Several former students now work on language documentation, recording living languages whose vocabulary may one day help linguists reconstruct their ancestors.",
            ],
            "references": [
                {
                    "authors": "Edmund Haraldsen",
                    "title": "Wool, yoke and axle: reconstructing a pastoral vocabulary",
                    "venue": "Transactions of the Comparative Philology Society",
                    "year": "2023",
                    "url": "https://example.org/historical-linguistics/pastoral-vocabulary",
                },
            ],
        },
        {
            "title": "Machine translation for patient leaflets: a pilot evaluation",
            "lead": "Can automatic translation make hospital leaflets available in more languages without introducing dangerous errors? A pilot study gives a cautious answer.",
            "paragraphs": [
                "Hospitals in the region produce hundreds of information leaflets, on everything from preparing for surgery to using an inhaler, but most exist only in the national language and in English. Professional translation into the twenty or so languages spoken by patients is costly and slow. Together with a university hospital, our translation studies group evaluated whether machine translation followed by a light human check could close the gap safely.",
                "Fifty leaflets were translated automatically into Arabic, Polish, Somali and Turkish. Professional translators then rated every sentence for accuracy and for whether an error could mislead a reader. For Polish and Turkish, more than ninety-five percent of sentences were judged accurate, and the few errors were mostly stylistic. Somali fared much worse: one sentence in eight contained a meaningful error, including instructions about dosage whose meaning was reversed.",
                "The team concludes that machine output can speed up the work considerably for well-resourced languages but must never go out unchecked, and that for some languages a full professional translation remains essential. They have drawn up a short protocol that flags high-risk sentences, such as dosages and fasting instructions, for mandatory review by a translator. The protocol will be tested on a further hundred leaflets this year, with Tigrinya and Dari added.",
                "The study also raised a question about the source texts. Many leaflets were hard to read even in the original language, with long sentences, passive verbs and medical jargon, and these produced the most translation errors. The translators suggested a simple rule: rewrite in plain language first, then translate. Linguists in our network have since run writing workshops for hospital staff, and the rewritten leaflets proved easier to translate, both for machines and for people.",
            ],
            "references": [
                {
                    "authors": "Yasmin El Amrani, Kees Vermeulen",
                    "title": "Post-edited machine translation of patient information: accuracy across four languages",
                    "venue": "Translation and Interpreting Studies Quarterly",
                    "year": "2025",
                    "url": "https://example.org/translation/patient-leaflets",
                },
            ],
        },
        {
            "title": "Teaching computers to recognise sign language: a first milestone",
            "lead": "A project co-led by deaf researchers has released a video collection and a recognition model for everyday signs in two sign languages.",
            "paragraphs": [
                "Sign languages are full languages, with their own grammar, and they are used by hundreds of thousands of people in our region alone. Yet technology for them lags far behind that for spoken languages. A project launched two years ago by our network, co-led by deaf and hearing researchers, aims to change that, starting with automatic recognition of signs in video recordings from two national sign languages.",
                "The first milestone is a collection of more than forty thousand short video clips, recorded by two hundred signers of different ages and regions, each clip labelled with the sign it shows. Building it was a large undertaking. “We needed variety,” says co-lead Dr Maren Vogt, who is deaf herself. “Older signers and younger signers, people from the north and the south, fast and careful signing. Otherwise a model only learns one way of signing.”",
                "A recognition model trained on the clips now identifies isolated signs with about eighty-five percent accuracy, but the team stresses that this is a long way from understanding continuous signing, where signs flow into one another and facial expressions carry grammar. The next phase will focus on short sentences. Throughout, a panel of deaf community members reviews how the recordings are used, and they are released only for research under a licence that panel approved.",
                "The project has already changed practice in one area. A sign language dictionary kept by a national deaf association now uses the recognition model to let users search by signing into a webcam, instead of typing a word of the spoken language, which many deaf users found frustrating. “It sounds small, but it reverses the usual order,” says Vogt. “For once the dictionary starts from our language.” Linguists are also using the clips to study regional variation in signs.",
            ],
            "references": [
                {
                    "authors": "Maren Vogt, Tobias Kunz, Eva Sørensen",
                    "title": "A multi-signer video corpus of isolated signs in two European sign languages",
                    "venue": "Sign Language Technology Workshop",
                    "year": "2024",
                    "url": "https://example.org/sign-language/isolated-signs",
                },
            ],
        },
        {
            "title": "Students annotate parliamentary debates for a new treebank",
            "lead": "A class of linguistics students has added syntactic structure to ten thousand sentences from parliamentary speeches, creating a resource for research on political speech.",
            "paragraphs": [
                "A treebank is a collection of sentences in which every word has been labelled with its grammatical role and its links to other words. Treebanks are the backbone of much research in syntax and of many tools for automatic text analysis, but building one is painstaking work. This year, students in our advanced syntax course took on part of that work as their main assignment, annotating transcripts of debates in the national parliament.",
                "Parliamentary speech turned out to be a rich and challenging source. Members interrupt one another, quote bills and motions at length, and produce remarkably long sentences full of embedded clauses. Each student annotated around three hundred sentences, and every sentence was annotated independently by two students. Where they disagreed, the pair discussed the case with the lecturer, and many of those discussions became short notes in the annotation guidelines.",
                "The finished treebank is released under an open licence and has already been used in a master's thesis on how politicians hedge their statements. Lecturer Dr Jonas Lindgren says the exercise worked well as teaching: “You never understand a grammatical theory as well as when you have to decide, sentence after sentence, where it breaks.” Next year's students will extend the collection to committee hearings and to the written questions members submit to ministers.",
            ],
            "references": [],
        },
        {
            "title": "Interview: a lexicographer on how new words enter the dictionary",
            "lead": "Dr Hanne Kristoffersen edits a national dictionary. She explains how a word earns its entry, and why speakers, not editors, decide what a word means.",
            "paragraphs": [
                "Every year, Hanne Kristoffersen and her colleagues add around a thousand new words to the online edition of the national dictionary, and every year some readers complain. “People think a dictionary tells you how to speak,” she says. “A modern dictionary describes how people do speak and write. If enough speakers use a word, in enough different places, for long enough, it belongs in the dictionary, whether we like it or not.”",
                "The evidence comes from a corpus of more than three billion words, drawn from newspapers, books, websites, subtitles and transcribed speech, which the dictionary's linguists search for words that are new or used in new ways. A candidate word must appear in many sources over several years before it is considered. Its meanings are then written from the examples, with the help of software that groups similar uses together.",
                "The hardest part, she says, is not the new words but the old ones that change. Meanings drift, grammar shifts and a neutral word can become offensive within a generation. Her team has begun to record such changes with dated examples, so that readers can see how a word's meaning has moved. Students from the linguistics programme help with the work as interns, and several have stayed on as editors.",
            ],
            "references": [
                {
                    "authors": "Hanne Kristoffersen",
                    "title": "Corpus evidence and the admission of neologisms in a national dictionary",
                    "venue": "International Journal of Lexicography Practice",
                    "year": "2023",
                    "url": "https://example.org/lexicography/neologisms",
                },
            ],
        },
        {
            "title": "Switching languages mid-sentence: what bilingual teenagers do and why",
            "lead": "Recordings of everyday conversations among bilingual teenagers show that mixing two languages follows clear grammatical rules.",
            "paragraphs": [
                "Listen to a group of bilingual teenagers talking and you will often hear them move between two languages within a single sentence, starting in Dutch and finishing in Arabic, or dropping a Turkish phrase into an otherwise Dutch conversation. Teachers and parents sometimes see this as a sign that young people master neither language properly. Sociolinguists in our network have spent two years studying it, and they see something quite different.",
                "With consent from the teenagers and their parents, the team recorded more than eighty hours of informal conversation at youth centres and sports clubs, then transcribed and annotated every switch between languages. The switches turned out to be highly systematic. Speakers rarely switched between an article and its noun or inside a verb phrase, and they used switches to quote someone, to change topic or to signal a joke, much as monolingual speakers change their tone of voice.",
                "“Code-switching is a skill, not a deficit,” says researcher Dr Youssef Benali. “You need to know the grammar of both languages well to switch without breaking either.” The team has shared its findings with teachers in a series of workshops, and is now developing classroom materials in which students analyse their own multilingual speech, using it as a starting point for learning about grammar and vocabulary in both languages.",
            ],
            "references": [
                {
                    "authors": "Youssef Benali, Iris van Dam",
                    "title": "Grammatical constraints on Dutch–Arabic and Dutch–Turkish code-switching among adolescents",
                    "venue": "Journal of Bilingual Language Studies",
                    "year": "2024",
                    "url": "https://example.org/sociolinguistics/code-switching",
                },
            ],
        },
    ],
    "cities-mobility": [
        {
            "title": "What bike-sharing trips reveal about who rides and when",
            "lead": "Three years of anonymised trips from a city's bike-sharing scheme show strong patterns of commuting, leisure and neighbourhood inequality.",
            "paragraphs": [
                "Every ride on the city's shared bicycles produces a record: where it started, where it ended, and how long it took. The operator has given our transport research group anonymised records of nearly nine million trips over three years. The first analysis, presented at a conference in April, shows how clearly the scheme mirrors the rhythm of the city, with sharp morning and evening peaks between residential districts and the business centre on weekdays, and long loops through the parks on Sundays.",
                "The data also reveal who is left out. Docking stations are densest in the inner districts, and use per resident in the outer neighbourhoods, many of them lower-income, is a tenth of that in the centre. Where the operator added stations in two outer districts last year, ridership rose quickly, suggesting that the demand was there but the bikes were not. Trips there were also more often linked to railway stations, covering the first or last mile of a longer journey.",
                "The team is now building a model to suggest where new docks would add the most trips, taking into account hills, street safety and connections to public transport. PhD researcher Kwame Asante stresses that the aim is not only efficiency: “If we simply maximise rides, we will keep putting bikes where they are already used. We want the model to weigh access too.” The results will feed into the city's tender for the next operating contract.",
            ],
            "references": [
                {
                    "authors": "Kwame Asante, Sophie Lambert",
                    "title": "Spatial equity in station-based bike sharing: evidence from nine million trips",
                    "venue": "Journal of Urban Transport Analysis",
                    "year": "2025",
                    "url": "https://example.org/mobility/bike-sharing-equity",
                },
            ],
        },
        {
            "title": "Redesigning the bus network of a mid-sized city from scratch",
            "lead": "Researchers and transport planners asked a radical question: if a city's bus lines were drawn today, what would they look like?",
            "paragraphs": [
                "Most bus networks grow by accretion. A line is added for a new housing estate, another is extended to reach a hospital, a third keeps a detour because of a factory that closed decades ago. The result, in many mid-sized cities, is a tangle of infrequent routes that is hard to understand and slow to use. One city in our region invited transport researchers from our university to help imagine a network designed from a blank page.",
                "The team began with data: smart card records of where passengers board and alight, mobile phone data on travel patterns, and maps of where jobs, schools and shops are. They then tested alternative networks in a simulation model. The most promising design has fewer lines, but each runs every ten minutes, with easy transfers at four hubs. For most residents, door-to-door journey times would fall, even though some would need to change buses.",
                "Not everyone is convinced. At public meetings, older residents worried about losing a direct bus to the hospital and about walking further to a stop. The planners have adjusted the proposal in response, keeping a small on-demand minibus service for areas that lose their line. The city council will vote on the plan in the autumn, and our researchers will monitor ridership for two years if it is adopted.",
            ],
            "references": [
                {
                    "authors": "Hendrik Smit, Aylin Yılmaz, Joost Peeters",
                    "title": "Frequency over coverage: a clean-sheet bus network for a mid-sized European city",
                    "venue": "Public Transport Planning Review",
                    "year": "2024",
                    "url": "https://example.org/mobility/clean-sheet-bus-network",
                },
                {
                    "authors": "Aylin Yılmaz",
                    "title": "Inferring origin–destination matrices from smart card data",
                    "venue": "Transportation Data Science",
                    "year": "2022",
                    "url": "https://example.org/mobility/smart-card-od",
                },
            ],
        },
        {
            "title": "Interview: the fifteen-minute neighbourhood, between ideal and reality",
            "lead": "Urban planner Dr Léa Moreau on what it takes for daily needs to be within a short walk or cycle ride, and who might lose out.",
            "paragraphs": [
                "The idea that residents should reach their daily needs, such as groceries, school, a doctor and a park, within fifteen minutes on foot or by bike has become popular with mayors around the world. Léa Moreau, who has studied neighbourhoods in four European cities, is sympathetic but cautious. “As a planning ideal it is useful,” she says. “As a slogan it can hide the hard questions about land prices, who gets displaced and who actually works nearby.”",
                "Her team measured accessibility for every residential block in the four cities, using street networks and detailed maps of services. In the historic cores, nearly everyone already lives in a fifteen-minute neighbourhood. In post-war suburbs the share drops sharply, and it is there that shops have closed and clinics have merged. “You cannot create proximity just by painting cycle lanes,” Moreau says. “You need zoning that allows shops and workshops on the ground floor, and housing people can afford.”",
                "She is also wary of gentrification. When a neighbourhood becomes more walkable and pleasant, rents tend to rise, and the people the changes were meant to help may be pushed out. Her current project, with colleagues in economics and law, examines tools that could keep housing affordable in districts that are being made more liveable, from community land trusts to limits on short-term rentals.",
            ],
            "references": [
                {
                    "authors": "Léa Moreau, Dario Conti",
                    "title": "Proximity and its discontents: measuring the fifteen-minute city in four European urban regions",
                    "venue": "Urban Studies Forum",
                    "year": "2024",
                    "url": "https://example.org/urbanism/fifteen-minute-city",
                },
            ],
        },
        {
            "title": "Hackathon on traffic signal timing draws sixty participants",
            "lead": "Over one weekend, teams of students and engineers tried to make the traffic lights on a busy city road smarter, with a real junction as the prize.",
            "paragraphs": [
                "The city's traffic department posed the challenge: a two-kilometre corridor with eleven signalised junctions, frequent queues of cars, buses that regularly run late, cyclists squeezed at the kerb and pedestrians who wait too long to cross. Sixty participants, mostly students from computer science and civil engineering but also a few professional traffic engineers, formed twelve teams and spent a weekend in our university's design studio trying to improve the timing plans.",
                "Every team received a calibrated microsimulation of the corridor, built from loop detector counts and video surveys, and could test its ideas against a typical weekday. Approaches ranged from carefully tuned fixed plans to reinforcement learning agents controlling every junction. The winning team, three students and an engineer from a consultancy, combined simple bus priority with adaptive green times for pedestrians, cutting average bus delay by a fifth without lengthening car queues.",
                "The prize is unusual: the winning plan will be installed at one real junction for a three-month trial, with our researchers measuring its effects. Organiser Dr Femke Janssen says the event was also about bringing people together. “Students rarely get to work on a real network with real constraints, and traffic engineers rarely get a weekend to try something new,” she says. “Both sides learned a lot.” The next hackathon will focus on freight deliveries.",
                "The corridor is typical of the city's main roads: designed for cars in the 1970s, it now carries three bus lines, a growing number of cyclists and heavy foot traffic near a railway station and a shopping street. Transport planners say that changes in signal timing are among the cheapest ways to give priority to public transport and walking, since they need no construction, and the city's mobility plan calls for such changes at forty junctions by the end of the decade.",
            ],
            "references": [],
        },
        {
            "title": "Delivery vans, ride-hailing and the battle for the kerb",
            "lead": "A new project investigates how the space along a city's pavements is used, minute by minute, and how it could be managed better.",
            "paragraphs": [
                "The kerb has become one of the most contested spaces in the city. Delivery vans double-park to drop off parcels, ride-hailing cars stop to pick up passengers, buses need their stops clear, cyclists need their lanes free, and residents still expect somewhere to park. A new two-year project led by our urban mobility group, with partners in three cities, aims to measure these uses in detail and test ways of managing them.",
                "The first step is counting. Cameras mounted on lampposts along selected streets, with images processed on the device so that no faces or number plates are stored, will record every stop: its duration, its purpose and whether it blocked traffic or a cycle lane. Early data from a pilot street show that delivery vans spend on average eleven minutes at the kerb, and more than half of them stop illegally because loading zones are already occupied.",
                "In the second year, the cities will trial changes based on the findings, such as bookable loading zones, kerb space that switches use by time of day, and consolidation centres where parcels are bundled for final delivery by cargo bike. The project will also examine the legal framework, since parking enforcement rules in two of the cities do not yet cover digital booking. Results will be published in an open toolkit for municipalities.",
            ],
            "references": [
                {
                    "authors": "Marco Bianchi, Elsa Lindholm, Rui Carvalho",
                    "title": "Kerbside activity in dense urban streets: a sensor-based census",
                    "venue": "City Logistics Journal",
                    "year": "2025",
                    "url": "https://example.org/logistics/kerbside-census",
                },
            ],
        },
        {
            "title": "Walking to school: routes, safety and parents' choices",
            "lead": "A survey of two thousand families shows that the school run by car is driven less by distance than by fears about road safety.",
            "paragraphs": [
                "Fewer children walk or cycle to school than a generation ago, and the trend has consequences for their independence, their physical activity and the traffic congestion that clogs residential streets every morning. To understand why, our transport researchers surveyed about two thousand families at thirty primary schools, asking how their children travel, how far they live from school and what shapes their decisions.",
                "Distance mattered less than many expected. Among families living within a kilometre and a half, a third still drove their children most days. The most common reason was concern about crossing busy roads with fast cars, followed by the parents' own commute, which made dropping off by car on the way to work convenient. Families whose route included a signalised crossing or a traffic-calmed street were far more likely to let their children walk, even when the distance was the same.",
                "With the municipal traffic department, the team mapped the routes children would take to each school and identified the most dangerous crossings. Five schools have since received new crossings, wider pavements or lower speed limits on nearby streets, and the researchers will repeat the survey there next year. Students from our planning programme are also running workshops with pupils, who draw maps of their journey and mark the places where they feel unsafe.",
            ],
            "references": [
                {
                    "authors": "Ruth Evers, Simon Dekker",
                    "title": "Perceived traffic danger and the choice to drive children to school",
                    "venue": "Journal of Active Travel",
                    "year": "2024",
                    "url": "https://example.org/mobility/walking-to-school",
                },
            ],
        },
        {
            "title": "Night trains are back: a study of Europe's long-distance rail revival",
            "lead": "New overnight services are multiplying across Europe. Our researchers looked at who uses them, what they cost and whether they can compete with flying.",
            "paragraphs": [
                "Ten years ago, Europe's night trains seemed to be disappearing, with operators cancelling routes that had run for decades. Today new services are launched almost every season, linking capitals that are a long day's journey apart. A team in our transport economics group has spent the past year studying this revival: surveying passengers on four routes, analysing ticket prices and interviewing the operators and ministries that plan them.",
                "The passengers are younger and more varied than the stereotype suggests. Business travellers are rare, but students, families and retired couples are common, and about a third said they chose the train to avoid flying for environmental reasons. Price is the main obstacle: a couchette for two often costs more than two budget flights, partly because track access charges and taxes fall on rail journeys in ways they do not fall on aviation.",
                "The team's model suggests that night trains could capture a significant share of travel on routes between eight hundred and fifteen hundred kilometres, if fares were comparable and rolling stock was available. That second condition is the bottleneck: few manufacturers build sleeping cars, and delivery times run to years. The findings were presented to a working group of transport ministries last month, and the researchers are now comparing subsidy schemes across countries.",
                "Stations matter too. Many night trains arrive early in the morning at city stations that are not ready for them, without showers, luggage storage or connecting buses and trams at that hour. Our urban mobility researchers have begun to map how arriving passengers continue their journey, and whether city transport operators could adjust their early timetables. For a traveller stepping off a sleeper at six in the morning, the last kilometres across town can decide whether they take the train again.",
            ],
            "references": [
                {
                    "authors": "Clara Hofmann, Luc Girard",
                    "title": "Who takes the night train? Evidence from passenger surveys on four European routes",
                    "venue": "European Rail Economics Review",
                    "year": "2025",
                    "url": "https://example.org/rail/night-train-passengers",
                },
                {
                    "authors": "Luc Girard",
                    "title": "Track access charges and the competitiveness of overnight rail",
                    "venue": "Transport Policy Working Papers",
                    "year": "2024",
                    "url": "https://example.org/rail/track-access-charges",
                },
            ],
        },
        {
            "title": "A car-free city centre, one year on",
            "lead": "When the city closed its historic centre to through traffic, shopkeepers feared the worst. Our transport researchers measured what actually happened.",
            "paragraphs": [
                "A year ago, the city closed the streets of its historic centre to through traffic. Residents, delivery vehicles, taxis and buses can still enter, but cars can no longer cross the centre, and several streets have been turned over to pedestrians and cyclists. Our urban mobility group was asked to evaluate the scheme, and counted traffic, measured air quality and surveyed residents, visitors and shopkeepers before the change and twelve months later.",
                "Car traffic in the centre fell by more than half, and the feared jams on the ring road did not materialise: traffic there rose by only a few percent, as many drivers changed route or travelled at different times. Cycling into the centre increased by a third and bus journeys became faster and more reliable. The number of visitors on foot rose, especially in the evening, and most shopkeepers reported stable or higher turnover.",
                "Not all effects were positive. Residents of streets just outside the closed area reported more traffic and parking pressure, and some older and disabled people said the centre had become harder to reach by car. The city has responded with a door-to-door minibus service and extra disabled parking bays. “Closing streets is the easy part,” says transport researcher Dr Niels Vermeer. “Making sure everyone can still get there is the real work.”",
            ],
            "references": [
                {
                    "authors": "Niels Vermeer, Paula Ribeiro",
                    "title": "Evaluating the closure of a historic city centre to through traffic",
                    "venue": "Journal of Urban Transport Analysis",
                    "year": "2025",
                    "url": "https://example.org/mobility/car-free-centre",
                },
            ],
        },
        {
            "title": "Commuting after the pandemic: how hybrid work reshaped rush hour",
            "lead": "Travel data from trains, roads and bicycle counters show that the morning peak has become flatter, and Mondays and Fridays quieter.",
            "paragraphs": [
                "Before 2020, the city's transport system was built around a sharp morning and evening rush hour, five days a week. Hybrid work has changed that rhythm. Our transport researchers combined ticket data from the regional rail operator, traffic counts on the main roads into the city and readings from automatic bicycle counters to see how commuting has settled since offices reopened.",
                "The most striking change is in the weekly pattern. On Tuesdays and Thursdays, train ridership at peak hours is almost back to its earlier level, but on Mondays and Fridays it remains about a third lower. The morning peak has also spread out, with more commuters travelling after nine o'clock. Road traffic has recovered more fully than rail travel, while cycling to work has grown, especially for trips under ten kilometres.",
                "These shifts pose difficult questions for transport planners. Trains and buses are still crowded on the busiest days, but carry far fewer passengers on others, which strains operators' budgets. The researchers suggest fares that are cheaper outside the busiest days and hours, and more flexible season tickets for part-time commuters. The regional transport authority is using the study in its plans for the next timetable, and a follow-up will track whether the pattern holds.",
            ],
            "references": [
                {
                    "authors": "Sanne Willemsen, Tomasz Lis",
                    "title": "The flattened peak: commuting patterns by mode and weekday after the return to offices",
                    "venue": "Transport Policy Working Papers",
                    "year": "2025",
                    "url": "https://example.org/mobility/hybrid-commuting",
                },
            ],
        },
    ],
    "astronomy": [
        {
            "title": "A new pulsar hidden in archival radio survey data",
            "lead": "A master's student reanalysing decade-old telescope recordings found a rapidly spinning neutron star that earlier searches had missed.",
            "paragraphs": [
                "Pulsars are the collapsed cores of massive stars, spinning up to hundreds of times per second and sweeping a beam of radio waves across the sky like a lighthouse. They are found by searching radio recordings for faint, perfectly regular pulses. Master's student Nadia Kowalczyk did exactly that with data from a survey carried out a decade ago, using a new search method developed by our astrophysics group that is more sensitive to pulsars in binary orbits.",
                "Among thousands of candidate signals, one stood out: a pulse repeating every 3.8 milliseconds, with a period that drifted slightly up and down in a regular cycle. That drift is the signature of orbital motion. Follow-up observations with a large radio telescope confirmed that the pulsar circles a white dwarf companion every nine hours. “I looked at the plot for a long time before I believed it,” Kowalczyk says.",
                "Such systems are valuable laboratories for gravity. Their orbits can be timed so precisely that tiny deviations from the predictions of general relativity would be noticeable. The pulsar has also been added to the array of millisecond pulsars that our partners use to search for low-frequency gravitational waves. The discovery shows, says supervisor Prof. Arjun Mehta, that old data sets still hold surprises when new methods and fresh eyes are applied to them.",
                "The search itself was a lesson in computing. Reprocessing the old survey meant running the new algorithm over hundreds of terabytes of recordings on the university's computer cluster, and most candidates turned out to be interference from mobile phones, radar and satellites. Kowalczyk now works on a machine-learning filter to weed out such false signals, so that astronomers can search the sky faster with the next generation of radio telescopes.",
            ],
            "references": [
                {
                    "authors": "Nadia Kowalczyk, Arjun Mehta, Jonas Falk",
                    "title": "Discovery of a 3.8 ms binary pulsar in archival survey data with an acceleration-aware search",
                    "venue": "Monthly Letters in Astrophysics",
                    "year": "2025",
                    "url": "https://example.org/astro/binary-pulsar-discovery",
                },
            ],
        },
        {
            "title": "Open night at the observatory draws a record crowd",
            "lead": "More than two thousand visitors came to look through the university's telescopes, listen to short talks and ask astronomers anything.",
            "paragraphs": [
                "The weather forecast was uncertain all week, but on the evening of our annual open night the clouds cleared just after sunset, and by nine o'clock the queue for the main telescope stretched across the lawn. More than two thousand people came, the highest number since the event began fifteen years ago, from families with small children to amateur astronomers carrying their own equipment.",
                "Saturn was the favourite target, its rings sharp enough to draw gasps from first-time observers. Inside the dome, doctoral students operated a smaller instrument pointed at a globular cluster, a dense ball of hundreds of thousands of ancient stars, and explained what their own research is about. In the lecture hall, short talks covered the search for planets around other stars, the life of the Sun and how the observatory's historic glass plates are being digitised.",
                "A popular new addition was the “ask an astronomer” corner, where visitors could put any question to a researcher. Questions ranged from black holes and the expansion of the universe to whether the Moon affects sleep. Organiser Dr Ingrid Solberg was pleased to see so many teenagers. “Several asked about studying physics,” she says. “Some of today's students first came here as children on an open night. We hope a few of tonight's visitors will follow.”",
            ],
            "references": [],
        },
        {
            "title": "Interview: mapping invisible matter with bent light",
            "lead": "Cosmologist Dr Samuel Osei explains how tiny distortions in the shapes of distant galaxies reveal the distribution of dark matter.",
            "paragraphs": [
                "Most of the matter in the universe neither emits nor absorbs light, and yet we know it is there because of its gravity. Samuel Osei maps it using weak gravitational lensing. “Light from distant galaxies is bent slightly as it passes massive structures on its way to us,” he explains. “Each galaxy's image is distorted by perhaps one percent, far too little to see in any single case. But across millions of galaxies the distortions line up, and from that pattern we can reconstruct where the mass is.”",
                "The measurement is extraordinarily demanding. The telescope's optics and the atmosphere also distort images, and those effects must be modelled and removed with great precision. “Most of our work is about systematics,” Osei says. “If we misestimate the blur of the instrument, we get the wrong answer about the universe.” His group has spent four years developing calibration methods, testing them on simulated data where the true answer is known.",
                "The results so far broadly agree with the standard cosmological model, but with an intriguing hint: matter seems slightly less clumpy today than predictions based on the early universe suggest. Osei is careful not to overstate it. “It might point to new physics, or to an error somebody has not found yet,” he says. “The next generation of surveys will tell. Either way, it is an exciting time to be measuring the cosmos.”",
                "The telescopes involved are among the largest survey instruments ever built, photographing the whole southern sky over several years. Osei's group is responsible for part of the software that measures galaxy shapes, and every night of observations adds millions of galaxies to the catalogue. “We will have billions of galaxies eventually,” he says. “At that point the statistics are no longer the problem. The only question is whether we understand our instruments well enough.”",
            ],
            "references": [
                {
                    "authors": "Samuel Osei, Hilde Vandenberghe, Marc Dubois",
                    "title": "Shear calibration for weak lensing surveys with image simulations",
                    "venue": "Journal of Cosmology and Survey Methods",
                    "year": "2024",
                    "url": "https://example.org/cosmology/shear-calibration",
                },
            ],
        },
        {
            "title": "Students measure the light curve of an eclipsing binary star",
            "lead": "In a new practical course, second-year physics students used the campus telescope to observe a pair of stars eclipsing each other, and derived their sizes.",
            "paragraphs": [
                "Textbooks describe how astronomers measure the masses and radii of stars, but students rarely get to do it themselves. This year our second-year physics curriculum gained a practical course built around the campus telescope and an eclipsing binary, a pair of stars whose orbit is seen almost edge-on, so that each passes in front of the other once per orbit. As one star blocks the other, the combined brightness dips in a pattern that encodes their sizes.",
                "Working in groups of four, students booked observing slots on clear nights over six weeks, took hundreds of images through a filter, and then measured the brightness of the binary relative to nearby comparison stars. The practical side was demanding: focusing, dealing with passing clouds, and learning why flat-field frames matter. “The first night was mostly troubleshooting,” one student admits. “By the third we knew what we were doing.”",
                "Combining their light curves with published velocity measurements, the groups fitted a model of the system and estimated the radii of both stars. Most results agreed with the literature values within their uncertainties, and the group whose did not found a timing error in its image headers, which course coordinator Dr Pieter de Wit considers an excellent lesson in itself. The course will run again next year, with a second target added.",
            ],
            "references": [
                {
                    "authors": "Pieter de Wit",
                    "title": "An eclipsing binary practical for undergraduate physics",
                    "venue": "Astronomy Education Notes",
                    "year": "2025",
                    "url": "https://example.org/astro-education/eclipsing-binary-practical",
                },
            ],
        },
        {
            "title": "Exoplanet atmospheres: what the spectra are beginning to tell us",
            "lead": "A team in our network has detected water vapour and hints of clouds in the atmosphere of a warm planet orbiting a nearby red dwarf.",
            "paragraphs": [
                "When a planet passes in front of its star, a tiny fraction of the starlight filters through the planet's atmosphere before reaching us. Molecules in that atmosphere absorb light at particular wavelengths, leaving fingerprints in the spectrum. Reading those fingerprints, a technique called transmission spectroscopy, has become one of the most active fields in astronomy, and our exoplanet group has now applied it to a planet twice the size of Earth orbiting a red dwarf forty light years away.",
                "The observations, taken during four transits with a space telescope, show clear absorption by water vapour, along with a flattening of the spectrum at shorter wavelengths that is best explained by a layer of high clouds or haze. The planet is far too hot for liquid oceans, with a dayside temperature of about four hundred degrees, but the detection shows that small planets around red dwarfs can keep substantial atmospheres despite the flares their stars produce.",
                "Interpreting the data required atmospheric models similar to those used for Earth's climate, adapted to very different conditions. Postdoctoral researcher Dr Yuki Tanabe says this cross-over is one of the pleasures of the field. “We borrow ideas from meteorologists and chemists all the time,” she says. The team has been awarded further observing time to look for carbon dioxide and methane, which would help reveal the planet's chemistry and history.",
            ],
            "references": [
                {
                    "authors": "Yuki Tanabe, Oskar Lindahl, Priya Raman",
                    "title": "Water vapour and high-altitude haze on a warm super-Earth around an M dwarf",
                    "venue": "Planetary Astrophysics Letters",
                    "year": "2025",
                    "url": "https://example.org/exoplanets/water-vapour-super-earth",
                },
                {
                    "authors": "Priya Raman",
                    "title": "Stellar flares and atmospheric escape from rocky planets",
                    "venue": "Reviews in Exoplanet Science",
                    "year": "2023",
                    "url": "https://example.org/exoplanets/flares-escape",
                },
            ],
        },
        {
            "title": "Dark skies under threat: mapping light pollution across the region",
            "lead": "Volunteers and astronomers have built a map of night-sky brightness, showing how artificial light has spread and where real darkness survives.",
            "paragraphs": [
                "For astronomers, artificial light is more than a nuisance: it washes out faint galaxies and nebulae and limits what even a large telescope can see. Our observatory sits on the edge of a growing town, and over the past twenty years the sky above it has grown visibly brighter. To understand how widespread the problem is, the astronomy department launched a citizen science project in which volunteers measure sky brightness with small handheld meters.",
                "Over two winters, more than three hundred volunteers took some eleven thousand readings from gardens, fields and hilltops. Combined with satellite images of light at night, the measurements produced the most detailed map yet of sky brightness in the region. The darkest skies survive in a band of forest and moorland to the north, while the glow from greenhouses and logistics centres now reaches far into the countryside, sometimes outshining a town.",
                "The results have attracted interest beyond astronomy. Ecologists in our network are using the map to study how light affects moths and bats, and a regional planning body has asked for advice on outdoor lighting. Some municipalities already have lighting rules in their bylaws, but enforcement is patchy. “Darkness is a resource worth protecting,” says project lead Dr Carmen Ortiz, “and unlike many environmental problems, this one can be fixed with a switch.”",
            ],
            "references": [
                {
                    "authors": "Carmen Ortiz, Willem Brouwer",
                    "title": "A citizen-science map of night-sky brightness",
                    "venue": "Journal of Dark Sky Studies",
                    "year": "2024",
                    "url": "https://example.org/astro/sky-brightness-map",
                },
            ],
        },
        {
            "title": "Machine learning sorts a million galaxy images by shape",
            "lead": "A neural network trained on volunteers' classifications now sorts galaxies from a new sky survey faster than any team of humans could.",
            "paragraphs": [
                "A galaxy's shape carries clues to its history. Smooth ellipticals are usually old and have grown through mergers, while spirals with bright arms are still forming stars. Classifying shapes used to be a job for experts, then for large numbers of online volunteers. With new surveys producing images of hundreds of millions of galaxies, our astronomers turned to machine learning, training a neural network on two hundred thousand galaxies that volunteers had already classified.",
                "The network now labels a million images in a few hours. Where its confidence is high, its classifications agree with the volunteers' more than ninety-five percent of the time. Where it is uncertain, the images go back to human eyes, and those are often the most interesting: colliding galaxies, unusual rings, and image artefacts that turn out to be satellites crossing the field. “The model does the routine work,” says researcher Dr Lukas Brandt. “People find the strange things.”",
                "The team has been careful about biases. Distant galaxies look smaller and fainter, so the network tends to call them smooth even when they are spirals. To correct for that, the researchers trained it on artificially degraded images of nearby galaxies. The code and the classifications are public, and a workshop in June will show students from other disciplines how the same approach could be used for their own image collections, from pathology slides to archival photographs.",
                "Volunteers remain central. The online project through which they classified galaxies is still running, now focused on the images the network finds hardest, and volunteers have recently spotted several gravitational lenses, where a foreground galaxy bends the light of a more distant one into arcs. Astronomers in the group follow up such discoveries with larger telescopes. “Every few weeks someone finds something in the sky we did not know to look for,” Brandt says.",
            ],
            "references": [
                {
                    "authors": "Lukas Brandt, Amelia Hart, Tariq Aziz",
                    "title": "Morphological classification of a million galaxies with a redshift-robust neural network",
                    "venue": "Astronomical Computing Letters",
                    "year": "2025",
                    "url": "https://example.org/astro/galaxy-morphology-network",
                },
            ],
        },
        {
            "title": "Hunting for a meteorite after a bright fireball over the region",
            "lead": "Cameras of an all-sky network tracked a fireball in February. Astronomers worked out where pieces should have fallen, and volunteers went looking.",
            "paragraphs": [
                "Shortly after ten in the evening on a clear night in February, a fireball brighter than the full Moon crossed the sky, visible across three countries. Six cameras of the all-sky meteor network operated by our astronomy department recorded its path. By comparing the images from different locations, astronomers could reconstruct the meteor's trajectory through the atmosphere and its speed, and from that calculate both its original orbit around the Sun and where surviving fragments were likely to have landed.",
                "The orbit points back to the asteroid belt between Mars and Jupiter, where most meteorites come from. The calculated strewn field, an ellipse a few kilometres long across farmland and woods, was searched over three weekends by more than a hundred volunteers, walking in lines a few metres apart. On the second weekend, a farmer's daughter spotted a fist-sized black stone in a ploughed field.",
                "Laboratory analysis confirmed that it was an ordinary chondrite, a stony meteorite about four and a half billion years old, older than the Earth itself. Because its orbit is known, it is one of only a few dozen meteorites in the world whose origin in the solar system can be traced. The stone will be studied by planetary scientists before going on display at the university's observatory.",
            ],
            "references": [
                {
                    "authors": "Bas Timmermans, Clara Weiss, Ahmed Farouk",
                    "title": "Trajectory, orbit and recovery of a chondrite from a February fireball",
                    "venue": "Meteoritics and Planetary Letters",
                    "year": "2025",
                    "url": "https://example.org/astro/fireball-meteorite",
                },
            ],
        },
        {
            "title": "Watching satellites and space debris from the observatory",
            "lead": "The university's oldest telescope has a new job: tracking the satellites and debris that crowd the orbits around Earth.",
            "paragraphs": [
                "More than ten thousand active satellites now circle the Earth, along with many thousands of tracked fragments of old rockets and broken spacecraft. Collisions between them could produce clouds of debris that make some orbits unusable. Keeping track of these objects requires observations, and our observatory's oldest telescope, a refurbished instrument from the 1960s, now spends many nights measuring the positions and brightness of satellites as they cross the sky.",
                "The measurements go to a European network that refines the orbits of objects and warns operators when two are likely to pass dangerously close. Our astronomers also study how satellites reflect sunlight, since changes in brightness reveal whether a dead satellite is tumbling. The same work has a cost for astronomy: streaks left by bright satellites now cross a growing share of images taken by survey telescopes, and software to remove them is one of the group's projects.",
                "The question of who is responsible for debris in orbit is also a matter of international law, and space lawyers in our network have asked the astronomers for data on how long different fragments remain in orbit. For students, the telescope has become a popular place to learn observing. “Satellites move fast, so you have to plan carefully,” says doctoral student Mei Lin Wong. “It is good training for any kind of astronomy.”",
            ],
            "references": [
                {
                    "authors": "Mei Lin Wong, Gerard Hulst",
                    "title": "Photometric light curves of defunct satellites from a small university telescope",
                    "venue": "Space Surveillance and Astronomy",
                    "year": "2024",
                    "url": "https://example.org/astro/satellite-light-curves",
                },
            ],
        },
    ],
    "law-copyright": [
        {
            "title": "Text and data mining: what researchers are allowed to copy",
            "lead": "A new guide from our law faculty explains when researchers may copy articles, websites and databases in order to analyse them by computer.",
            "paragraphs": [
                "Many research methods now start by copying large amounts of material: thousands of journal articles for a literature analysis, millions of web pages for a study of online language, a newspaper archive for a history of public opinion. Copying is precisely what copyright restricts. European law has introduced specific exceptions for text and data mining, but researchers and librarians often find them hard to apply. Our intellectual property group has written a practical guide to close that gap.",
                "The guide distinguishes between two exceptions. The first allows research organisations and cultural heritage institutions to mine works they have lawful access to for scientific research, and rights holders cannot opt out of it. The second allows anyone to mine, including companies, but rights holders can reserve their rights, for example with a machine-readable notice on a website. Much of the confusion comes from the fact that the two overlap in practice.",
                "The authors also address questions the legislation leaves open, such as how long copies may be kept and whether they may be shared with partners abroad. Co-author Dr Sofia Marchetti says the most common worry is unnecessary: “Researchers at universities often think they need permission for each source. For non-commercial research on material they can legitimately read, usually they do not.” The guide is available in four languages on the network's website.",
            ],
            "references": [
                {
                    "authors": "Sofia Marchetti, Daan Willems",
                    "title": "Text and data mining in European copyright law: a practical guide for researchers",
                    "venue": "Intellectual Property Research Papers",
                    "year": "2025",
                    "url": "https://example.org/ip-law/tdm-guide",
                },
            ],
        },
        {
            "title": "Who owns a dataset? A workshop on database rights",
            "lead": "Lawyers, data stewards and scientists met to untangle the overlapping rights that can apply to research data, and what open licences can and cannot fix.",
            "paragraphs": [
                "Researchers are increasingly asked to publish their data openly, but many are unsure whether they actually own it. A measurement taken by an instrument is a fact, and facts are not protected by copyright. A carefully curated collection of facts, however, may be protected in Europe by a separate database right, which belongs to whoever invested substantially in obtaining, verifying or presenting the contents. Our workshop in February asked what that means in everyday research.",
                "Case studies showed how quickly things become complicated. A survey of bird populations gathered by volunteers and organised by a university, a corpus of social media posts, a set of clinical measurements collected with a hospital's equipment: in each case, several parties could plausibly claim rights, and contracts signed at the start of the project often said nothing about them. Several data stewards reported spending more time on these questions than on technical preparation.",
                "Participants agreed on a few practical recommendations. Projects should settle ownership and licensing in their consortium agreement, not after publication. Open licences such as CC BY or CC0 should be chosen deliberately, with CC0 preferred for data that others will combine. And universities should give data stewards access to clear legal support. The organisers are drafting a model clause that partners in the network can adapt for their own contracts.",
                "The legal picture differs outside Europe, which adds complexity for international projects. The United States has no database right, for example, so a data set that is protected in one partner's country may be free to copy in another's. Lawyers at the workshop recommended that international consortia state the applicable law in their agreements and choose licences that work across jurisdictions, rather than relying on default copyright rules.",
            ],
            "references": [
                {
                    "authors": "Inge Vos, Mateusz Nowak",
                    "title": "The sui generis database right and research data: an empirical look",
                    "venue": "Journal of Information Law",
                    "year": "2023",
                    "url": "https://example.org/ip-law/database-right-research-data",
                },
            ],
        },
        {
            "title": "Interview: orphan works and the long shadow of copyright terms",
            "lead": "Legal scholar Prof. Henrik Dalgaard on why millions of books, photographs and films stay locked away because nobody can find their owners.",
            "paragraphs": [
                "Henrik Dalgaard has spent much of his career on a problem that sounds obscure but affects every library and archive. Copyright in most of Europe lasts until seventy years after the author's death, and for many works nobody knows who the author was, whether they are alive or who inherited the rights. “These are orphan works,” he says. “They are protected, so you cannot digitise and publish them freely, but there is nobody to ask for permission.”",
                "A European directive allows libraries and archives to digitise orphan works after a diligent search for the rights holders. In practice, Dalgaard says, the scheme has been little used. “A diligent search for a single photograph can take hours. For an archive with a million photographs, that is simply impossible.” Newer rules on out-of-commerce works, which allow collective licences for whole collections, look more promising, and his group is studying how institutions use them.",
                "He also argues that the term of protection itself deserves rethinking. “Most works earn almost all of their income in the first few years,” he says. “Protecting them for a century or more benefits very few heirs and keeps a huge part of our cultural memory out of reach.” He acknowledges that changing the term would require international agreement and is unlikely soon. “But academics should say what the evidence shows, even when it is politically inconvenient.”",
            ],
            "references": [
                {
                    "authors": "Henrik Dalgaard",
                    "title": "Orphans and the out-of-commerce: a decade of European rules for mass digitisation",
                    "venue": "Nordic Review of Copyright",
                    "year": "2024",
                    "url": "https://example.org/ip-law/orphan-works-decade",
                },
                {
                    "authors": "Henrik Dalgaard, Freya Olsen",
                    "title": "How long should copyright last? Evidence from book sales",
                    "venue": "Law and Economics of Culture",
                    "year": "2021",
                    "url": "https://example.org/ip-law/copyright-term-evidence",
                },
            ],
        },
        {
            "title": "Moot court: students argue a sampling case before real judges",
            "lead": "Eight teams of law students from across the network spent two days arguing a fictional dispute about music sampling before a bench of judges and practitioners.",
            "paragraphs": [
                "The network's annual intellectual property moot court took place in our law faculty's courtroom in March. Each year the organisers write a fictional case, and this time it concerned a producer who had built a hit track from a two-second sample of an old funk recording. The sample's owner sued; the producer argued that the use was a pastiche, protected by an exception in European law. Eight teams prepared written submissions over the winter, then argued both sides in person.",
                "The judges, two from national courts and a partner from a law firm, questioned the students closely. What does pastiche mean if the term is not defined in the directive? Should the length of a sample matter, or only whether it is recognisable? Is the freedom of the arts relevant? Many of these questions have not been settled by the courts, which made the competition a genuine test of reasoning rather than of recall.",
                "The winning team, from a partner university, impressed the bench with an argument grounded in the history of musical borrowing, from baroque composers to hip hop. Coach Dr Ana Lúcia Ferreira says the moot is as much about skills as substance. “Students learn to structure an argument, to answer a hostile question and to think on their feet,” she says. Several past participants now work in intellectual property practice, and two have returned as judges.",
            ],
            "references": [],
        },
        {
            "title": "Open licences for teaching materials: a practical guide for lecturers",
            "lead": "Which Creative Commons licence should you choose for your slides, and may you reuse that diagram from a textbook? Our copyright office answers common questions.",
            "paragraphs": [
                "More lecturers are sharing their teaching materials openly: slides, lecture recordings, exercise sets and whole online courses. Sharing well requires some understanding of licences. Our university's copyright office receives dozens of questions on the subject every month, and has now collected the most frequent ones, with answers, in a short guide written for lecturers rather than lawyers. It was launched at a lunchtime workshop for teaching staff last week.",
                "The guide recommends the Creative Commons Attribution licence for most materials, since it allows anyone to reuse and adapt them as long as they credit the author. More restrictive variants, such as those forbidding commercial use or adaptation, sound protective but make it harder for other teachers to build on the work, and they are often chosen without a clear reason. The guide also explains how to mark each slide or figure so that reusers know its terms.",
                "The trickiest questions concern third-party material. A photograph found through an image search or a chart copied from a journal article is usually protected, and its inclusion in openly published slides may not be covered by the quotation exception. The guide suggests alternatives, from openly licensed image collections to redrawing a chart from the underlying data. Copyright librarian Marit Nilsen says her aim is confidence: “Most of what lecturers want to do is allowed. They just need to know where the lines are.”",
                "The guide also covers recorded lectures. When a lecturer shows a film clip, a song or a textbook page in class, the law's teaching exception usually covers it, but putting the recording online for anyone to watch is different: the rights in the clip must then be cleared, or the clip removed. The guide includes a checklist to use before publishing recordings, and the copyright office offers to review course materials on request.",
            ],
            "references": [
                {
                    "authors": "University Copyright Office",
                    "title": "Sharing teaching materials openly: questions and answers",
                    "venue": "University library guides",
                    "year": "2025",
                    "url": "https://example.org/library/open-teaching-licences",
                },
            ],
        },
        {
            "title": "Can a machine be an author? Courts weigh in on generated images",
            "lead": "Recent decisions in several countries have refused copyright to images created by generative AI without human creative input. Our researchers compare the reasoning.",
            "paragraphs": [
                "When a user types a prompt and a generative model produces an image, who, if anyone, is its author? Courts and copyright offices in several countries have now faced the question, and a research team in our network has compared their decisions. In nearly every jurisdiction, the answer so far is that copyright requires a human author and that typing a short prompt is not enough to make the user one. The details, however, differ in interesting ways.",
                "Some decisions focus on the amount of control the user exercised. An applicant who selected, arranged and edited many generated images into a graphic novel was granted protection for the arrangement and the text, but not for the individual images. Another court accepted that a person who refined an image through dozens of prompts and detailed adjustments had made creative choices. “The line is being drawn case by case,” says team member Dr Chloé Bernard.",
                "The team's paper also examines the other side of the debate: whether training such systems on protected works requires permission. That question is now before courts in several countries, and the answers may shape an industry. Bernard expects years of uncertainty. “Judges are applying principles written for printing presses and cameras to statistical systems trained on billions of examples,” she says. “It is not surprising that the results feel provisional.” The paper will be discussed at a seminar in October.",
            ],
            "references": [
                {
                    "authors": "Chloé Bernard, Jakob Steiner, Ana Lúcia Ferreira",
                    "title": "Authorship and generative AI: a comparative study of recent decisions",
                    "venue": "International Review of Intellectual Property",
                    "year": "2025",
                    "url": "https://example.org/ip-law/ai-authorship-comparative",
                },
            ],
        },
        {
            "title": "Archives, digitisation and the limits of the public domain",
            "lead": "When a library digitises a centuries-old book, can it claim rights in the scans? A project on cultural heritage and copyright looks at what institutions actually do.",
            "paragraphs": [
                "A work whose copyright has expired belongs to the public domain, and anyone may copy it. Yet when libraries, museums and archives digitise such works, many attach restrictive terms to the images, or claim rights in the photographs themselves. A project in our network's law and humanities cluster has surveyed the terms of use published by two hundred cultural heritage institutions across Europe, asking how often they restrict reuse of reproductions of public domain material.",
                "The results are mixed. About half of the institutions now publish such images without restrictions, often under a public domain mark. The others require permission for commercial use, charge fees or claim copyright in the scans. A European directive now states that faithful reproductions of public domain visual art cannot be protected, but the researchers found that many institutions have not updated their terms, and that the rule's scope for books, maps and documents is debated.",
                "Project lead Dr Ruth Abernethy understands the institutions' position. “Digitisation is expensive, and some rely on image fees,” she says. “But a scan of a seventeenth-century star atlas is not a new creative work, and restricting it undermines the point of the public domain.” The team has produced a checklist for institutions reviewing their policies, and it will present its findings at a conference for archivists and librarians in the spring.",
            ],
            "references": [
                {
                    "authors": "Ruth Abernethy, Tomasz Wróbel",
                    "title": "Terms of use for digitised public domain works in European heritage institutions",
                    "venue": "Journal of Cultural Heritage Law",
                    "year": "2024",
                    "url": "https://example.org/heritage-law/digitised-public-domain",
                },
            ],
        },
        {
            "title": "Which licence for my code? A legal clinic for researchers who program",
            "lead": "More and more research software is shared openly, but many scientists are unsure which licence to choose or what the licences they rely on require.",
            "paragraphs": [
                "Researchers write a great deal of software: scripts to clean data, simulation models, whole analysis packages used by thousands of others. Software is protected by copyright from the moment it is written, so sharing it requires a licence, and reusing others' code means complying with theirs. Our university's legal office and research software engineers now run a monthly clinic where scientists can bring their questions, and the most common ones have been collected in an online guide.",
                "Many questions concern the difference between permissive licences, such as the MIT or Apache licences, which allow almost any reuse with attribution, and copyleft licences such as the GPL, which require that modified versions be shared under the same terms. Mixing code under incompatible licences can make a project impossible to distribute legally, and several researchers discovered such conflicts only when they tried to publish.",
                "Ownership is another frequent topic. Under most employment contracts, the university, not the individual researcher, holds the copyright in software written at work, so a researcher cannot simply choose a licence on their own. The clinic helps them through the university's procedure, which now approves open licences within a week. “Our aim is to make the legal side boring,” says lawyer Jeroen Baas, “so that researchers can get on with their work.”",
            ],
            "references": [
                {
                    "authors": "Jeroen Baas, Lena Vogel",
                    "title": "Licensing research software: a guide for researchers",
                    "venue": "University legal office guides",
                    "year": "2025",
                    "url": "https://example.org/legal/research-software-licences",
                },
            ],
        },
        {
            "title": "Law students give free copyright advice to artists and musicians",
            "lead": "A new legal clinic at our law faculty helps independent creators understand their contracts and defend their rights, while students gain practical experience.",
            "paragraphs": [
                "Independent illustrators, photographers and musicians often sign contracts with publishers, labels and platforms without legal advice, because a lawyer is too expensive. Some later discover that they have transferred their copyright for good, or that their work is being used in ways they never agreed to. Since September, a legal clinic at our law faculty has offered them free advice, with law students working on cases under the supervision of experienced intellectual property lawyers.",
                "In its first months the clinic has handled more than sixty cases. The most common concern contracts: which rights an artist keeps, whether a clause transferring rights for all media and all time is enforceable, and how to negotiate better terms. Other cases involve infringement, such as a photograph reused without permission on a commercial website, where the students draft letters asking for credit, payment or removal.",
                "For the students, the clinic is a chance to apply copyright law to real problems. “In lectures the cases are already decided,” says master's student Lotte Aerts. “Here you have a worried client and you have to work out what the law actually allows.” The clinic's supervisors also note recurring problems, and the faculty's researchers plan to publish an analysis of unfair contract terms in the creative sector, to inform the debate on creators' rights.",
            ],
            "references": [],
        },
    ],
    "agriculture-food": [
        {
            "title": "Cover crops and soil carbon: three years of field trials",
            "lead": "Field trials on six farms suggest that sowing cover crops after harvest can increase soil organic matter, but the gains vary with soil type.",
            "paragraphs": [
                "When a field is left bare after harvest, rain washes nutrients out of the soil and wind carries away the finest particles. Sowing a cover crop, such as clover, rye or phacelia, keeps the ground covered through the winter and returns organic matter when the plants are worked in. Three years ago our soil science group set up trials on six arable farms to measure how much difference cover crops make to the carbon stored in the soil.",
                "On each farm, strips with different cover crop mixtures alternated with bare strips, and soil cores were taken every autumn down to sixty centimetres. After three years, the strips with mixtures of legumes and grasses held on average eight percent more organic carbon in the top layer. On the sandy soils the increase was barely measurable, while on the heavier clay soils it was substantial. Yields of the following cash crop were not reduced.",
                "The farmers involved have been partners from the start, choosing the mixtures together with the researchers and sharing their own observations. One noted that earthworms had become more abundant in the covered strips; another found that the heavier mixtures made spring ploughing harder. The team stresses that soil carbon builds up slowly and can be lost quickly, so the trials will continue for at least another five years.",
            ],
            "references": [
                {
                    "authors": "Gerrit Hol, Anneke Bos, Yusuf Demir",
                    "title": "Cover crop mixtures and topsoil organic carbon on sandy and clay arable soils",
                    "venue": "Soil and Tillage Research Letters",
                    "year": "2025",
                    "url": "https://example.org/soil/cover-crop-carbon",
                },
            ],
        },
        {
            "title": "Growers and researchers co-design an app that warns of potato blight",
            "lead": "An early warning tool developed with growers combines local weather stations, field reports and a disease model to tell them when to spray.",
            "paragraphs": [
                "Potato growers know that a warm, humid week in summer can bring an attack of late blight, the disease behind the Irish famine, which can destroy a crop in days. Fungicides work best when applied before infection, but spraying on a fixed schedule wastes money and harms the environment. Our plant sciences department has worked with forty growers to develop an app that tells them when the risk is high in their own fields.",
                "The app combines three sources: forecasts from the national weather service, readings from small weather stations placed in fields, and reports from growers who spot symptoms. A disease model estimates the daily risk of infection for each field, and the app sends an alert when spraying is advisable. Growers shaped the design throughout, asking for fewer but more reliable alerts and for a simple explanation of why each one was sent.",
                "In the first full season, growers using the app sprayed on average three times fewer than those following a fixed schedule, with no loss of yield. The team is now extending it to aphids, which spread viruses in seed potatoes, and has started talks with growers' associations in two neighbouring countries. “The most important thing was trust,” says researcher Dr Bram Visser. “Growers only follow advice from a tool if they understand it.”",
                "The app builds on decades of plant disease research. The blight model at its heart was developed by plant pathologists from field trials in which infections were recorded alongside temperature and leaf wetness, and it has been refined for new strains of the pathogen that attack potato varieties once thought resistant. Students from the agricultural sciences programme now collect leaf samples from growers' fields each summer to keep track of which strains are present.",
            ],
            "references": [
                {
                    "authors": "Bram Visser, Mirjam Kok, Ciarán Walsh",
                    "title": "Field-scale late blight risk alerts co-designed with potato growers",
                    "venue": "Crop Protection Practice",
                    "year": "2024",
                    "url": "https://example.org/plant-science/blight-alerts",
                },
            ],
        },
        {
            "title": "Interview: bread, failed harvests and hunger in past centuries",
            "lead": "Dr Margarethe Holm studies what ordinary people ate before the age of industrial farming, and what failed harvests tell us about famine.",
            "paragraphs": [
                "Margarethe Holm reads old account books the way others read novels. Orphanages, monasteries and municipal granaries kept detailed records of what they bought and served, and from those records she reconstructs what ordinary people ate three or four centuries ago. “Bread was everything,” she says. “A labourer's family might spend more than half its income on grain. When the harvest failed, the price of a loaf could double in months.”",
                "Her current project links harvest records from dozens of farming estates with accounts of grain stores and food shortages. A striking finding is that famine rarely followed from a single bad harvest. “Farming communities had stores and ways of coping,” Holm explains. “Disaster came when two or three poor harvests followed one another, or when war left the fields unsown.” Some of her data on past summers come from colleagues in environmental science, who reconstruct them from old timber.",
                "She sees parallels with the present, though she is wary of simple lessons. “Our food system is global and agriculture far more productive,” she says, “but we still depend on a few staple crops, grown in a few places.” Holm also teaches a popular course in which students bake bread following seventeenth-century recipes. “Tasting a loaf made from rye and peas,” she says, “tells you more about past diets than any table.”",
            ],
            "references": [
                {
                    "authors": "Margarethe Holm",
                    "title": "Rye, peas and the price of bread: diets of the labouring poor, 1600–1750",
                    "venue": "Food History Review",
                    "year": "2023",
                    "url": "https://example.org/food-history/rye-peas-bread",
                },
                {
                    "authors": "Margarethe Holm, Anders Vik",
                    "title": "Consecutive harvest failures and subsistence crises in northern Europe",
                    "venue": "Agricultural History Quarterly",
                    "year": "2025",
                    "url": "https://example.org/food-history/harvest-failures",
                },
            ],
        },
        {
            "title": "What children really eat at school: lunchboxes and canteens compared",
            "lead": "Researchers photographed more than five thousand school lunches to see how what children bring or are served compares with what they actually eat.",
            "paragraphs": [
                "School lunch is a daily meal for millions of children, and it varies enormously: a packed lunchbox from home in some schools, a hot canteen meal in others. Nutrition researchers in our network wanted to know what children actually eat, rather than what parents or menus say they eat. With permission from schools and families, they photographed trays and lunchboxes before and after the meal at forty schools, over two weeks each, and estimated what was eaten from the leftovers.",
                "More than five thousand meals were analysed. Canteen meals generally came closer to dietary guidelines, with more vegetables and wholegrains, but a large share of the vegetables came back uneaten. Packed lunches contained more snacks and sugary drinks but were eaten more completely. Fruit was the great success in both settings: almost every piece served or packed was eaten, especially when it was cut up. Schools that bought apples and carrots from nearby farms reported the least waste of all.",
                "The team is now testing simple changes with participating schools, such as serving vegetables first, letting children help prepare salads in class and giving lunch breaks a few extra minutes. Early results from the pilot schools show less food waste and more vegetables eaten. Project lead Dr Aisha Rahman says the photographs have been a powerful tool with cooks and teachers. “When you see the trays coming back, you do not need a statistics lecture,” she says.",
                "The study is part of a wider programme on food, farming and nutrition in our network, which follows food from the field to the plate. Agricultural economists in the programme are studying how school catering contracts could favour seasonal produce from regional farms, and whether such contracts would give growers enough certainty to plant for them. A first pilot, in which three schools buy potatoes, carrots and apples directly from farmers' cooperatives, begins in the autumn.",
            ],
            "references": [
                {
                    "authors": "Aisha Rahman, Nils Berger",
                    "title": "Photographic plate waste assessment of packed and canteen school lunches",
                    "venue": "Journal of School Nutrition",
                    "year": "2024",
                    "url": "https://example.org/nutrition/school-lunch-plate-waste",
                },
            ],
        },
        {
            "title": "Drones over the orchard: counting blossoms to forecast apple harvests",
            "lead": "Image analysis of drone flights in spring gives fruit growers an estimate of their harvest months earlier than traditional methods.",
            "paragraphs": [
                "Apple growers need to know early how big their harvest will be: to plan thinning, hire pickers, book cold storage and negotiate with buyers. Traditionally they estimate it by counting blossoms or fruitlets on a sample of trees, which is slow and often misleading. Our agricultural engineering group, together with a fruit research station, has developed a method that counts blossoms on every tree in an orchard from drone images taken in spring.",
                "During bloom, a drone flies over the rows and photographs each tree from several angles. A computer vision model, trained on thousands of images annotated by students, detects and counts the flower clusters. Combined with data on the weather during pollination and each variety's typical fruit set, the counts are turned into a yield forecast for each block. In two seasons of trials on three farms, the forecasts came within ten percent of the final harvest.",
                "The method also reveals differences within an orchard that growers had suspected but never measured, such as weaker trees on a wetter corner or a row damaged by frost. Growers are using these maps to target pruning and thinning. The team is now adapting the model to pears and cherries, and is exploring whether satellite images could offer a cheaper but coarser alternative for smaller farms.",
                "The project began as a student thesis. A master's student in agricultural engineering who had grown up on a fruit farm wanted to spare her parents the tedious spring counts, and built the first prototype with a borrowed drone. It has since grown into a collaboration with growers' cooperatives in three regions. The team is also exploring whether the same images can reveal disease or drought stress in the trees, which would help farmers act before yields suffer.",
            ],
            "references": [
                {
                    "authors": "Lars Kemper, Giulia Romano, Femi Adebayo",
                    "title": "Blossom counting from UAV imagery for early apple yield estimation",
                    "venue": "Precision Horticulture",
                    "year": "2025",
                    "url": "https://example.org/agri-engineering/blossom-counting",
                },
            ],
        },
        {
            "title": "Short supply chains: a workshop on farmers' markets and food hubs",
            "lead": "Producers, market organisers, municipal officials and researchers discussed how locally grown food can reach more people without becoming a niche for the wealthy.",
            "paragraphs": [
                "Farmers' markets, vegetable box schemes and cooperative food hubs have multiplied in recent years, promising fresher food, fairer prices for producers and closer ties between town and countryside. But do they work for everyone? That question framed a one-day workshop organised by the network's rural sociology group in June, which brought together some seventy producers, market organisers, municipal officials and researchers in a converted barn on the university's experimental farm.",
                "Researchers presented survey data showing that customers of short supply chains are disproportionately well-off and highly educated, although vegetables and eggs sold direct from the farm are not always dearer than in shops. Growers described the hidden costs: hours spent at stalls instead of in the fields, delivery runs, and the difficulty of planning which crops to sow when sales fluctuate. Several argued that shared infrastructure, such as a cooperative cold store or a joint delivery van, matters more than subsidies.",
                "In the afternoon, participants visited a food hub in a nearby town that supplies school canteens and a care home's kitchen with seasonal vegetables, fruit and dairy from local farms, giving farmers a predictable outlet for their harvest. Public procurement, several participants concluded, may be the strongest lever for making local food accessible. The group will publish a short report with recommendations, and our researchers are starting a study of how public canteens in three regions buy their ingredients.",
            ],
            "references": [],
        },
        {
            "title": "Seed banks, plant breeding and a shifting growing season",
            "lead": "Breeders are turning to old landraces stored in gene banks for traits that could help crops cope with hotter, drier summers.",
            "paragraphs": [
                "In the cold rooms of a gene bank, tens of thousands of seed samples wait at minus eighteen degrees: old local varieties of wheat, barley, beans and oats, some collected from farms a century ago. For decades most of them were rarely requested. That is changing. Our plant breeding group is screening several hundred old landraces of wheat for traits such as deep roots and tolerance of heat during flowering, which could help modern varieties cope with changing conditions.",
                "The screening takes place in field plots and under a rain-out shelter, a movable roof that keeps rain off selected plots to simulate drought. Genetic analysis then identifies the regions of the genome associated with the most promising traits, so that they can be crossed into high-yielding modern varieties. A landrace from a dry hillside region has shown remarkable stability of grain weight under heat stress and is now being used in crosses.",
                "The work raises questions beyond biology. Many landraces were collected from farming communities in other countries, and international agreements govern access to them and the sharing of benefits from their use. Plant variety rights and patents on traits can complicate the exchange of breeding material. The project includes a legal researcher who advises on these issues, and the team has committed to sharing its results with the gene banks and the regions where the seeds were collected.",
            ],
            "references": [
                {
                    "authors": "Hedda Strand, Rajesh Kulkarni",
                    "title": "Heat tolerance at anthesis in wheat landraces from a European gene bank",
                    "venue": "Plant Genetic Resources Journal",
                    "year": "2024",
                    "url": "https://example.org/breeding/wheat-landraces-heat",
                },
                {
                    "authors": "Elise Janvier",
                    "title": "Access and benefit sharing for plant breeders: a short guide",
                    "venue": "Seed Law Notes",
                    "year": "2023",
                    "url": "https://example.org/breeding/access-benefit-sharing",
                },
            ],
        },
        {
            "title": "Feeding cows for fewer emissions: trials on three dairy farms",
            "lead": "Changes to feed and grazing on dairy farms can cut methane and nitrogen losses, but farmers need them to pay off as well.",
            "paragraphs": [
                "Dairy farming is central to the region's agriculture and its landscape of green pastures, but it is also a major source of methane and of nitrogen that is lost from manure and leaches from the soil. Animal scientists in our network are testing, together with three dairy farmers, whether changes in feed and grazing can reduce those losses without hurting milk yields or the farms' income.",
                "On each farm, groups of cows receive different rations: more grass and clover from the farm's own fields, less imported soy, or a feed additive that suppresses methane formation in the cow's stomach. Methane is measured with sensors at the milking robot, and nitrogen by sampling manure and soil. After the first year, the additive cut methane by about a fifth, while rations with more home-grown clover reduced the nitrogen surplus on the fields without lowering yields.",
                "Costs remain the sticking point. The additive is expensive, and farmers are paid for milk, not for lower emissions. “Farmers want to do this,” says one of the three, who has kept cows on the same land for thirty years, “but it has to work for the farm too.” Agricultural economists on the team are therefore working out which combination of measures makes sense on farms of different sizes and soils.",
            ],
            "references": [
                {
                    "authors": "Sjoerd Bakker, Ines Lopes, Anja Holt",
                    "title": "Feed additives and home-grown protein on commercial dairy farms: methane and nitrogen balances",
                    "venue": "Livestock Science Reports",
                    "year": "2025",
                    "url": "https://example.org/animal-science/dairy-emissions",
                },
            ],
        },
        {
            "title": "Bees, hoverflies and harvests: how pollinators shape crop yields",
            "lead": "Field studies on farms across the region show that wild pollinators add substantially to yields of oilseed rape, apples and beans.",
            "paragraphs": [
                "Many crops need insects to carry pollen from flower to flower. Honeybees are often hired for the job, but wild bees, hoverflies and other insects also do much of the work, free of charge. Our agricultural ecologists have spent three seasons measuring how much they contribute, on forty farms growing oilseed rape, apples and field beans, by comparing flowers that insects could visit with flowers covered by fine mesh bags.",
                "The difference was large. Rape plants whose flowers were open to insects produced about a quarter more seed, and apple trees set far more fruit. Farms with flower-rich field margins and hedgerows nearby had more wild pollinators and higher yields, and the effect was strongest in years when cold spring weather kept honeybees in their hives but hardier bumblebees still flew.",
                "The findings give farmers a practical reason to manage field edges for insects. Several growers in the study have sown flower strips and left hedges uncut during flowering, and the team is monitoring the results. “Pollinators are not only a conservation issue,” says ecologist Dr Sara Lindholm. “For many farmers they are part of the harvest.” The researchers are now studying which flower mixtures attract the pollinators that matter most for each crop.",
            ],
            "references": [
                {
                    "authors": "Sara Lindholm, Piet Koster",
                    "title": "Wild pollinator contributions to oilseed rape, apple and field bean yields",
                    "venue": "Agriculture, Ecosystems and Pollination",
                    "year": "2024",
                    "url": "https://example.org/agroecology/pollinator-yields",
                },
            ],
        },
    ],
}


UNSEEN_TOPICS = {
    "marine-biology": [
        {
            "title": "Listening to whales with a network of underwater microphones",
            "lead": "Hydrophones moored along the continental shelf have recorded a year of whale song, revealing when and where different species pass.",
            "paragraphs": [
                "Whales are hard to count from ships, since they spend most of their time underwater and far from land. But they are noisy. Eighteen months ago, our marine biology group moored six hydrophones, underwater microphones, along the edge of the continental shelf, where deep water meets shallower seas. The instruments recorded continuously for a year before a research vessel recovered them in the spring.",
                "The recordings contain more than four thousand hours of sound, and listening to all of it by ear would be impossible. Doctoral researcher Elin Johansson trained a detection model on calls identified by experts, and it flagged the songs of fin, humpback and minke whales as well as the clicks of sperm whales and dolphins. Fin whale calls peaked in late autumn, suggesting a migration route that had not been documented in this area.",
                "The hydrophones also picked up a great deal of human noise: ship engines, seismic surveys and the pile driving of a new offshore wind farm. The team is now studying whether whales change their calling when the noise rises, a question with practical consequences for how shipping lanes and construction schedules are planned. The data will be shared with a European network of acoustic observatories.",
                "For marine biologists, passive acoustic monitoring has big advantages. It works at night and in storms, when observers on ships see nothing, and one hydrophone can detect a fin whale more than twenty kilometres away. Its limits are also clear: a silent whale is invisible, and calling rates vary with season and behaviour. The team is therefore combining the acoustic data with sightings from aerial surveys and tagged animals to estimate how many whales use the shelf.",
            ],
            "references": [
                {
                    "authors": "Elin Johansson, Morten Dahl",
                    "title": "Seasonal presence of baleen whales on the shelf edge from passive acoustic monitoring",
                    "venue": "Marine Mammal Acoustics",
                    "year": "2025",
                    "url": "https://example.org/marine/whale-acoustics",
                },
            ],
        },
        {
            "title": "Coral spawning witnessed during night dives on the reef",
            "lead": "A team of divers witnessed and sampled the mass spawning of corals, gathering larvae for a study of how reefs recover after bleaching.",
            "paragraphs": [
                "Once a year, a few nights after a full moon in early summer, many coral species on a reef release their eggs and sperm into the sea within the same hour. The event is spectacular and brief, and predicting it precisely is difficult. This year a team from our marine station timed its dives correctly, and on the fourth night after the full moon the sea around the reef turned into a slow snowfall of pink and white bundles rising towards the surface.",
                "The divers collected spawn from several species and raised the larvae in tanks at the station. Over the following weeks, the larvae settled on small ceramic tiles, which were then placed on sections of the reef that had bleached during last year's heat wave. The aim is to test whether young corals raised from local parents survive better than those transplanted from elsewhere, and which species establish themselves most quickly.",
                "Reef restoration is still a small-scale effort compared with the size of the damage, and the researchers are clear that it cannot replace reducing ocean warming. “We are buying time for reefs,” says station director Dr Rafael Mendes. “That matters for the fish, the people who depend on them and the coastlines reefs protect.” The project has also trained local divers and students, who will monitor the tiles over the next three years.",
            ],
            "references": [
                {
                    "authors": "Rafael Mendes, Ana Tavares, Kai Nakamura",
                    "title": "Larval propagation from local broodstock for restoring bleached reef patches",
                    "venue": "Coral Reef Restoration Letters",
                    "year": "2024",
                    "url": "https://example.org/marine/coral-larval-propagation",
                },
            ],
        },
        {
            "title": "Plankton under the microscope on a month-long research cruise",
            "lead": "Students and scientists aboard a research vessel sampled plankton from the coast to the open ocean, studying the tiny organisms at the base of the marine food web.",
            "paragraphs": [
                "Plankton are the drifting organisms of the sea: microscopic algae that produce a large share of the oxygen we breathe, and the small animals that graze on them and feed everything from herring to whales. Last month, twelve students from the university's marine sciences programme joined researchers on a four-week cruise, sampling plankton at thirty stations between the coast and the deep ocean.",
                "At each station the crew lowered nets and water samplers to different depths, and the students sorted and photographed the catch under microscopes in the ship's laboratory. An automated imaging instrument recorded millions of individual organisms as seawater flowed past its camera. Species composition changed markedly along the transect, with large diatoms dominating near the coast and tiny cyanobacteria far offshore, where nutrients are scarce.",
                "The samples will help test a model of how plankton communities respond to warming and to changes in nutrient supply from rivers. For the students, the cruise was also an introduction to life at sea, with night shifts, rough weather and the pleasure of seeing a bioluminescent bloom light up the wake of the ship. “You read about copepods in lectures,” one student said. “Watching them swim under the microscope at three in the morning is something else.”",
            ],
            "references": [],
        },
        {
            "title": "Interview: a fisheries biologist on counting fish you cannot see",
            "lead": "Dr Kofi Mensah explains how survey trawls, echosounders and environmental DNA are combined to estimate fish stocks, and why the numbers are always uncertain.",
            "paragraphs": [
                "Every year, fisheries managers set catch limits based on estimates of how many fish are in the sea. Kofi Mensah helps produce those estimates for several stocks of cod, herring and plaice. “People sometimes imagine we can simply count them,” he says. “In reality, we see a tiny fraction of the fish and infer the rest. Every number we give comes with an uncertainty, and the uncertainty is part of the advice.”",
                "His group combines several sources. Research vessels tow trawls along fixed routes each season, catching samples that reveal the age and size of the fish. Echosounders map schools of herring in the water column. Landings from the fishing fleet add further information. Most recently, the team has begun to use environmental DNA: traces of genetic material that fish shed into the water, which can be detected in a bottle of seawater.",
                "Mensah is enthusiastic about environmental DNA but cautious about over-promising. “It tells you a species is there, and roughly how much, but currents carry DNA around, and it decays at different rates in different conditions,” he says. “We are still learning how to read it.” He also values working with fishers, whose knowledge of where fish gather often anticipates what surveys find. “The best assessments use everything we know,” he says.",
                "Warming seas add another layer of uncertainty. As the ocean changes, some fish species are moving north or into deeper water, so that surveys designed decades ago may miss part of a stock. Mensah's group is redesigning survey routes with colleagues from oceanography, using models of sea temperature and currents to predict where cod and plaice will be found. “The sea is changing faster than our time series,” he says.",
            ],
            "references": [
                {
                    "authors": "Kofi Mensah, Sigrid Aas",
                    "title": "Combining trawl surveys and environmental DNA in North Sea stock assessment",
                    "venue": "Fisheries Science Reports",
                    "year": "2025",
                    "url": "https://example.org/fisheries/edna-stock-assessment",
                },
            ],
        },
        {
            "title": "Students catalogue life in the seagrass meadows along the coast",
            "lead": "A summer field course mapped seagrass meadows and the small animals that shelter in them, adding to a long-term record of these threatened habitats.",
            "paragraphs": [
                "Seagrasses are flowering plants that grow underwater in shallow bays, forming green meadows that shelter young fish, stabilise sediment and store large amounts of carbon. They have declined sharply in many places over the last century because of disease, pollution and dredging. Every summer, students on our marine ecology field course survey meadows at a dozen sites, adding to a record that now spans more than twenty years.",
                "Working from small boats and snorkelling in the shallows, the students measured the density and length of the seagrass shoots in marked squares, then used small nets to sample the animals living among the blades. The catches included pipefish, juvenile flatfish, shrimps, snails and the occasional seahorse, each identified and returned to the water. At two sites where meadows were replanted five years ago, shoot density now matches that of natural meadows, and the fish have returned.",
                "The long-term record is increasingly used by researchers and managers, and last year it was the centrepiece of a workshop for regional coastal authorities. It shows that meadows recover where water clarity improves, which has strengthened the case for reducing nutrient run-off from the land. “The students' data are part of real science,” says course leader Dr Hélène Marchand. “Some of them come back years later as researchers, and they still remember their first seahorse.”",
                "Seagrass meadows are also nurseries for the fish that coastal fisheries depend on. Marine biologists estimate that young cod, plaice and sea bass spend part of their first year in such habitats, sheltered from predators and feeding on the tiny crustaceans among the leaves. The course therefore includes a day with a local fisheries officer, and students compare their own catches of juvenile fish with the landings records kept at the harbour.",
            ],
            "references": [
                {
                    "authors": "Hélène Marchand, Finn Larsen",
                    "title": "Twenty years of seagrass monitoring by student field courses",
                    "venue": "Coastal Ecology Records",
                    "year": "2024",
                    "url": "https://example.org/marine/seagrass-monitoring",
                },
            ],
        },
    ],
    "economics-finance": [
        {
            "title": "What households expect about inflation, and why it matters",
            "lead": "A monthly survey of four thousand households shows that people's expectations of price rises depend heavily on what they pay at the supermarket and the petrol pump.",
            "paragraphs": [
                "Central banks watch inflation expectations closely, because what households and firms expect about prices can influence wages, spending and, eventually, inflation itself. Since 2020 our university's economics department has run a monthly online survey of about four thousand households, asking how much they think prices will rise over the next year and over the next five years, and what they base those views on.",
                "The answers vary widely and are far from the official forecasts. People with lower incomes and those who shop for groceries most often expect higher inflation, and expectations rise quickly when the prices of petrol and food increase, even when overall inflation is stable. Few respondents could name the central bank's inflation target, but those who could tended to have expectations closer to it.",
                "The team also tested communication. Randomly chosen respondents were shown a short, plainly worded message about the central bank's target and its latest forecast. Their expectations moved closer to the target, but the effect faded within a few months. “Simple messages help, but they need repeating,” says lead researcher Dr Marta Kowalska. The results have been shared with the national central bank's communications team.",
                "The survey is also a resource for economists elsewhere. Its data are released every quarter to researchers at other universities, who have used them to study how inflation expectations affect wage demands, savings and the decision to buy a car or a house. One recent paper found that households expecting high inflation were more likely to take out fixed-rate mortgages, a sign that beliefs about prices shape borrowing and saving well beyond the shopping basket.",
            ],
            "references": [
                {
                    "authors": "Marta Kowalska, Jeroen Smits",
                    "title": "Grocery prices and household inflation expectations: evidence from a monthly panel",
                    "venue": "Journal of Monetary Behaviour",
                    "year": "2025",
                    "url": "https://example.org/economics/household-inflation-expectations",
                },
            ],
        },
        {
            "title": "Small firms, bank credit and the interest rate cycle",
            "lead": "A study of loan data for one hundred thousand small businesses shows how rising interest rates reach firms unevenly.",
            "paragraphs": [
                "When a central bank raises interest rates, the effect runs through many channels, and one of the most important is bank lending to small and medium-sized enterprises. These firms employ a large share of workers but usually cannot borrow on bond markets, so they depend on banks. Our finance group, working with anonymised loan-level data from the national credit register, has studied how the recent rise in rates reached one hundred thousand such firms.",
                "The pass-through was fast for firms with variable-rate loans, whose interest costs rose within months, and slow for those that had fixed their rates for several years. Young firms and those with little collateral saw their loan applications rejected more often as rates rose, while older firms with property to pledge were largely unaffected. Banks with weaker capital positions tightened lending most.",
                "The findings matter for policy design, and for the models central banks use to predict how a rate rise will work. If tighter monetary policy falls disproportionately on young firms, it may hold back the companies that drive productivity growth. The authors suggest that public guarantee schemes, which cover part of a bank's loss if a loan defaults, could be targeted better at such firms during periods of tightening. The working paper will be presented at the network's finance seminar next month.",
            ],
            "references": [
                {
                    "authors": "Paolo Ferri, Ingrid Haugen, Mehmet Kaya",
                    "title": "Monetary tightening and credit to young firms: loan-level evidence",
                    "venue": "Finance Working Paper Series",
                    "year": "2025",
                    "url": "https://example.org/finance/tightening-young-firms",
                },
            ],
        },
        {
            "title": "Workshop on how central banks talk to the public",
            "lead": "Economists, journalists and central bank staff discussed whether plainer language and new media can make monetary policy better understood.",
            "paragraphs": [
                "For most of the twentieth century, central banks preferred to say as little as possible. Today they publish forecasts of inflation and growth, minutes of their meetings and press conferences after every decision on interest rates, and many try to reach ordinary citizens, not only financial markets. Our economics department hosted a one-day workshop in May to ask how well that effort is working, with speakers from academia, three central banks and the financial press.",
                "Research presented at the workshop showed that the readability of central bank statements has improved markedly over the past decade, but that most households still never see them. Short videos and social media posts reach more people, although it is hard to tell whether they change understanding. One study found that people who learned about policy from news coverage had less accurate beliefs than those who read the bank's own summary, partly because headlines focused on disagreement within the rate-setting committee.",
                "Journalists on the panel pushed back, arguing that central banks often hide behind jargon and that disagreement is newsworthy. There was broad agreement that trust is built slowly and that clarity about the bank's goals matters more than any single channel. The organisers plan to publish the discussions as a short collection of essays, and a doctoral course on monetary policy communication will start next year.",
            ],
            "references": [],
        },
        {
            "title": "Interview: an economic historian on the first stock exchanges",
            "lead": "Prof. Willem Verhoeven on seventeenth-century share trading, early bubbles and what old ledgers reveal about modern markets.",
            "paragraphs": [
                "Willem Verhoeven spends his days among ledgers written in faded brown ink. His subject is the trading of shares in the seventeenth and eighteenth centuries, when joint-stock companies first sold stakes to the public. “People think financial innovation is recent,” he says. “But by the 1680s traders in Amsterdam were using forward contracts, options and short selling. A pamphlet from 1688 describes most of the tricks you would see on a trading floor today.”",
                "His team has digitised daily share prices and transaction records from several early exchanges, creating a data set that spans more than a century. With it they can test modern theories of asset pricing on markets that worked without electricity, telegraphs or regulators. Share prices reacted quickly to news arriving by ship, investors watched the interest paid on government loans, and speculative bubbles, such as those of 1720, show striking similarities to later episodes of exuberance.",
                "Verhoeven warns against drawing too-neat lessons. “Every bubble looks obvious afterwards,” he says. “What interests me is how intelligent people at the time reasoned about prices, and why some of them were right.” The project's price series are now available to other researchers, and his students are working on the ledgers of an early exchange bank and an insurance market, which reveal how merchants priced the risk of losing ships at sea.",
            ],
            "references": [
                {
                    "authors": "Willem Verhoeven, Saskia Brand",
                    "title": "Daily share prices on early modern exchanges, 1680–1800: a new data set",
                    "venue": "Economic History Data Papers",
                    "year": "2024",
                    "url": "https://example.org/economic-history/early-share-prices",
                },
            ],
        },
        {
            "title": "Students trade in a classroom market experiment",
            "lead": "In a new introductory economics course, students buy and sell fictional goods in live experiments that show how markets find prices, and sometimes fail.",
            "paragraphs": [
                "Textbook diagrams of supply and demand can feel abstract to first-year students. This year our introductory economics course replaced several lectures with classroom experiments. Each student receives a card with a private value, as a buyer, or a cost, as a seller, for a fictional good, and then trades with classmates through a simple web platform. Prices and trades appear on the screen in real time, and the class discusses the results afterwards, much as economists examine data from real markets.",
                "In the first session, prices converged within a few rounds to a level close to what theory predicts, which surprised many students. Later sessions introduced complications: a tax on each sale, a price ceiling, and a market in which sellers knew the quality of their goods but buyers did not. In that last market, trade largely collapsed as buyers became suspicious, a vivid illustration of the problem of asymmetric information that economists know from used cars, insurance and lending.",
                "Course coordinator Dr Tobias Engel says the experiments have changed the atmosphere of the course. “Students argue about strategies in the corridors, which never happened with lecture slides,” he says. Exam results improved slightly compared with previous years, particularly on questions about market interventions. A new session next term will simulate a run on a bank, with students deciding when to withdraw their deposits. The platform is open source, and colleagues at two partner universities will use it in their own courses next year.",
                "The session students remember best is a market for shares in a fictional company that pays a random dividend each round. Although everyone knows what the shares are worth on average, prices usually climb far above that value and then crash, a financial bubble in miniature. Economists have repeated this experiment for decades with students, bankers and professional investors, and the bubbles appear in almost every group, shrinking only when the same traders play again.",
            ],
            "references": [],
        },
    ],
}
