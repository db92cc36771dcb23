"""The demo content: the seed post ("AI Research with China") and what its page shows.

Plain data, read by the ``load_demo`` command. The seed post's text is kept whole.
"""

import datetime

CATEGORIES = ["China", "Collaboration", "Research", "Education", "Design"]

AUTHORS = [
    {
        "name": "Lynda Hardman",
        "role": "Director",
        "affiliation": "Amsterdam Data Science",
        "colour": "#1f5f8b",
    },
    {"name": "Magdalena Mladenova", "role": "", "colour": "#7a3b69"},
    {"name": "Anita de Waard", "role": "", "colour": "#2e6b3f"},
    {"name": "Thom Pijnenburg", "role": "", "colour": "#8a4b14"},
    {"name": "Troy Nachtigall", "role": "", "colour": "#4b3f8f"},
    {"name": "Gabriel Lopez", "role": "", "colour": "#9b2f2f"},
]

PARTNERS = [
    {"name": "CWI", "url": "https://www.cwi.nl/", "colour": "#d2232a"},
    {"name": "Hogeschool van Amsterdam", "url": "https://www.hva.nl/", "colour": "#25167a"},
    {"name": "University of Amsterdam", "url": "https://www.uva.nl/", "colour": "#bc0031"},
    {"name": "Vrije Universiteit Amsterdam", "url": "https://vu.nl/", "colour": "#0077b3"},
]

FOOTER = {
    # The year the demo is loaded. It is the site manager's line from then on (Settings → Footer
    # and social links), kept as typed like the rest of the footer; load_demo never rewrites it.
    "copyright_line": f"© {datetime.date.today().year} Amsterdam Data Science - All Rights Reserved.",
    "credit_line": "Design & Code by Eagerly",
    "social_links": [("linkedin", "https://www.linkedin.com/company/amsterdam-data-science/")],
}

HOME_INTRO = (
    "<p>Amsterdam Data Science connects the data science researchers of Amsterdam's "
    "universities and research institutes. News, opinion and stories from the network.</p>"
)
BLOG_INTRO = "<p>News, opinion and research stories from the Amsterdam Data Science network.</p>"


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def entry(*, note="", authors="", title="", venue="", year="", url=""):
    return {"note": note, "authors": authors, "title": title, "venue": venue, "year": year, "url": url}


SEED_POST = {
    "slug": "ai-research-with-china",
    "title": "AI Research with China: to Collaborate or not to Collaborate – is that the Question?",
    "date": datetime.date(2020, 11, 5),
    "categories": ["China", "Collaboration", "Research"],
    "authors": ["Lynda Hardman"],
    "lead": (
        "Many forms of collaborations with Chinese companies have seen increased scrutiny in the last few "
        "years. Politicians and public figures challenge collaborations, citing China's human-rights abuses "
        'and the Chinese state\'s far-reaching control of "public" companies. At the same time, China '
        "has established itself as a world-leader in AI research, technology and innovation. Where does this "
        "leave us in deciding whether or not to collaborate with Chinese colleagues?"
    ),
    "editor_note": (
        "The opinions in this blog item are the author's own and do not necessarily reflect those of the "
        "organisations she represents."
    ),
    "related": [
        "managing-being-a-masters-student-during-a-pandemic",
        "data-as-a-material-for-fashion",
        "programming-training-for-refugees",
    ],
    "body": [
        paragraph(
            "Amsterdam has a historically strong connection with Chinese culture, housing one of the oldest "
            "Chinatowns in the Netherlands. While our perception of Chinese culture is perhaps based "
            "predominantly on its cuisine, we have to reassess any biases of the past and understand the "
            "dynamic, creative and innovative world of AI in China today."
        ),
        heading("Shifting our perspective of China"),
        paragraph(
            "Our image of China in Europe comes predominantly through the eyes of Western media [1]. This mixes "
            "images of peasant farmers working with technologies of the past, vast modern cities with millions "
            "of citizens, and, more recently, the threat of 5G technology being used to infiltrate our state "
            "security systems. This results in a biased perception when we are confronted with issues in our "
            "own field.",
            "China takes a long-term view and this can be seen in its investments in AI research innovation, "
            "and particularly its tech talent. Huge efforts have been made to attract successful AI researchers "
            "back to their home country to carry out internationally competitive research and to educate new "
            "generations of talent. Furthermore, China's presence in the international AI research community "
            "is growing. This can be seen by the increasing percentage of papers in the top international AI "
            "conferences that are co-authored by Chinese colleagues, working from China or from abroad [2].",
        ),
        heading("Cultural differences in AI applications"),
        paragraph(
            "While better, and more, researchers across the globe is generally good news for academic research, "
            "in AI we need to remain cautious. China's enormous investments in AI have led to domination in a "
            "narrow set of sub-fields around machine learning, with an emphasis on computer vision and language "
            "recognition. This domination could be perceived as cause for concern from an international "
            "standpoint. For example, computer vision techniques can be developed for facial recognition to "
            "track the movements of citizens, different cultures perceive the benefits and dangers differently. "
            "Using these same techniques for other applications, such as recognising the differences between "
            'cancerous and benign cells is, however, universally perceived as "good".'
        ),
        heading("To collaborate or not to collaborate?"),
        paragraph(
            "This brings us to the difficult political and scientific choices that need to be made as to when "
            "and how to collaborate with China, and when to politely decline. Do we need to completely halt all "
            "collaboration with Chinese academics and companies? In doing so, we would isolate our colleagues in "
            "China. Furthermore, cessation of collaboration would be counter to the established international "
            "research culture of openness and dialogue.",
            "It is common for European researchers to collaborate with large corporations based in the US. They "
            "fund research collaborations and attract high-profile staff to work with them. At the same time, "
            "they have created the data economy that led to the passing of EU law to give European citizens at "
            "least some control of the data that they (often unknowingly) give to these corporations. There is "
            "little discussion in academia, at least to my knowledge, as to whether we should think carefully "
            "about collaborations with these US-based companies.",
            "While it would be nice to have concrete national guidelines, for example those developed by Frank "
            "Bekkers and colleagues [3], or have every AI academic take a course in ethics before signing a "
            "contract with a large corporation, this is unrealistic. That said, when working with any large "
            "corporation, be they US or China-based, it is essential to retain academic freedom to choose with "
            "whom we work and on what research topics.",
        ),
        heading("We cannot not collaborate with the Chinese"),
        paragraph(
            "So what are my recommendations in this complex and sometimes contradictory collaboration puzzle?",
            "China is a world-leader in AI research, technology and innovation. As investment into this field "
            "continues to grow this will only become more pertinent. We therefore cannot ignore the relevance of "
            "China in our own research and development but we can be considered in our approach to "
            "collaborations and make informed decisions on a case-by-case basis.",
            "Within the Amsterdam Data Science academic network we have a number of connections with Chinese "
            "universities and research institutions, such as the Chinese Academy of Sciences Institute of "
            "Automation, Tsinghua University and the Wuhan University of Science &amp; Technology. Alongside my "
            "role as director of Amsterdam Data Science, I am the European Director of LIAMA, an organisation "
            "for stimulating research collaboration in maths and computer science between CWI, Inria and the "
            "Chinese Academy of Sciences. Our goal \u2013 just as any international research collaboration \u2013 "
            "is to stimulate creative and innovative research through the mix of local research cultures.",
            "If you would like to collaborate with a Chinese research lab or company then reach out.",
            "Make friends with a Chinese colleague and learn about their culture. Watch some of the Ruben Terlou "
            'documentaries. Read the "AI Superpowers" book by Kai Fu Lee, which gives insights into '
            "taking the Silicon Valley start-up culture and transferring it to China, while at the same time "
            'metamorphosing it to the rules of a new "Wild East". Learn Chinese and (when we can all '
            "travel again) visit your colleagues in China.",
            "In the 17th century, Amsterdam was one of the few harbours of religious freedom in the world. Let "
            "us continue this tradition by welcoming researchers from other cultures and, through collaboration, "
            "understand more about the cultures they come from.",
        ),
        {
            "type": "references",
            "value": {
                "heading": "References",
                "entries": [
                    entry(
                        note="A refreshing change, for those who understand Dutch, are the VPRO series about "
                        "China by Ruben Terlou",
                        url="https://www.rubenterlou.com",
                    ),
                    entry(
                        authors="Elsevier",
                        year="2018",
                        title="Artificial Intelligence: How knowledge is created, transferred, and used. "
                        "Trends in China, Europe, and the United States",
                    ),
                    entry(
                        authors="Frank Bekkers, Willem Oosterveld, Paul Verhagen",
                        title="Checklist for Collaboration with Chinese Universities and Other Research "
                        "Institutions",
                        venue="The Hague Centre for Strategic Studies",
                        year="January & September 2019",
                    ),
                ],
            },
        },
        {
            "type": "reading_list",
            "value": {
                "heading": "Reading list",
                "entries": [
                    entry(
                        authors="Lynda Hardman",
                        year="2020",
                        title="Artificial Intelligence along the New Silk Road: Competition or Collaboration?",
                        venue="Chapter in: Marijk C. van der Wende, William C. Kirby, Nian Cai Liu, Simon "
                        "Marginson (eds.). China and Europe on the New Silk Road: Connecting Universities "
                        "across Eurasia. Oxford University Press (2020)",
                    ),
                ],
            },
        },
    ],
}

READ_MORE_POSTS = [
    {
        "slug": "managing-being-a-masters-student-during-a-pandemic",
        "title": "Managing/Being a Master's Student during a Pandemic",
        "date": datetime.date(2021, 12, 2),
        "categories": ["Education"],
        "authors": ["Magdalena Mladenova", "Anita de Waard", "Thom Pijnenburg"],
        "lead": "A student and two supervisors look back on a master's project that ran entirely online.",
        "body": [
            paragraph(
                "Starting a master's thesis project is a step into the unknown at the best of times. Doing it "
                "when every meeting happens through a screen asks more of students and supervisors alike.",
                "In this post we share what worked for us: regular short check-ins, shared notes that everyone "
                "could edit, and making time to talk about more than the project.",
            )
        ],
    },
    {
        "slug": "data-as-a-material-for-fashion",
        "title": "Data as a material for fashion: How treating data as a material enables a new future for design",
        "date": datetime.date(2021, 9, 13),
        "categories": ["Design", "Research"],
        "authors": ["Troy Nachtigall"],
        "lead": "What happens when designers work with data the way they work with fabric?",
        "body": [
            paragraph(
                "Designers know their materials: how a fabric drapes, stretches and wears. Data can be treated "
                "the same way, as something with properties to explore rather than numbers to report.",
                "This post describes how that view opens up new ways to design garments that fit the people who "
                "wear them.",
            )
        ],
    },
    {
        "slug": "programming-training-for-refugees",
        "title": "Programming Training for Refugees",
        "date": datetime.date(2021, 4, 29),
        "categories": ["Education"],
        "authors": ["Gabriel Lopez"],
        "lead": "A programming course that helps newcomers to the Netherlands find their way into tech.",
        "body": [
            paragraph(
                "Many people who come to the Netherlands as refugees bring skills and ambition that the labour "
                "market is slow to recognise. A focused programming course can open doors.",
                "We describe how the training is organised, who teaches it, and how our network can help.",
            )
        ],
    },
]

NEWSLETTER_INTRO = (
    "<p>Every issue of our newsletter, as subscribers got it: the posts of the weeks before, "
    "with a word from the network.</p>"
)
