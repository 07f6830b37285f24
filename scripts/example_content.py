"""The text of alignck's example partner documents (a fictional local health and care system).

Every word here was written for alignck's examples. Each document is a list of blocks:
("h1" | "h2" | "h3", text), ("p", text), ("ul" | "ol", [items]) or ("table", [rows]).
"""

from __future__ import annotations

Block = tuple[str, object]

COUNTY_COUNCIL: list[Block] = [
    ("h1", "Riverside County Council Plan 2025-2029"),
    (
        "p",
        "Our plan sets out what the council will do over the next four years for the "
        "340,000 people who live in Riverside. It was shaped by the 2024 residents' survey "
        "and agreed by Full Council in March 2025.",
    ),
    ("h2", "Our priorities"),
    ("p", "We will focus on four priorities:"),
    (
        "ol",
        [
            "Give every child the best start in life",
            "Build warm, safe and affordable homes",
            "Grow the local economy and create good jobs",
            "Keep Riverside moving with well-maintained roads and transport",
        ],
    ),
    ("h2", "Priority 1: Give every child the best start in life"),
    (
        "p",
        "Children who start school ready to learn do better throughout their lives. Across "
        "Riverside, 31% of children in our most deprived wards are not ready for school at "
        "age five.",
    ),
    ("p", "Over the next four years we will:"),
    (
        "ul",
        [
            "open eight family hubs so that every family can get help with parenting, "
            "breastfeeding and early years education close to home",
            "work with the NHS to raise childhood immunisation rates above 95%",
            "expand free early years places for two-year-olds in the most deprived areas",
        ],
    ),
    ("h2", "Priority 2: Build warm, safe and affordable homes"),
    (
        "p",
        "Poor housing harms health. Damp and mould, cold homes and overcrowding make "
        "asthma, heart disease and depression worse.",
    ),
    (
        "p",
        "We will deliver 1,200 affordable homes by 2029 and inspect every privately rented "
        "home reported for damp and mould within ten working days. We will help 3,000 "
        "households out of fuel poverty through insulation and heat pump grants, and we "
        "will plant 20,000 trees to create new green spaces in our towns.",
    ),
    ("h2", "Priority 3: Grow the local economy and create good jobs"),
    (
        "p",
        "We will attract investment to the Riverside Enterprise Zone, support 500 "
        "apprenticeships and help small businesses to grow.",
    ),
    ("h2", "Priority 4: Keep Riverside moving with well-maintained roads and transport"),
    (
        "p",
        "We will resurface 150 miles of road, fix reported potholes within 28 days and "
        "improve car parking in our market towns.",
    ),
    ("h2", "What we achieved in 2021-2024"),
    (
        "ul",
        [
            "Opened the Riverside Leisure Centre with a new swimming pool",
            "Supported 1,100 older people to live independently with home adaptations",
            "Reduced the number of households in temporary accommodation by 18%",
        ],
    ),
    (
        "table",
        [
            ["Measure", "2024", "Target 2029"],
            ["Affordable homes completed each year", "210", "300"],
            ["Children ready for school at five", "66%", "75%"],
        ],
    ),
]

DISTRICT_ECONOMY: list[Block] = [
    ("h1", "Wolds District Council: Economy and Culture Strategy 2025-2030"),
    (
        "p",
        "The Wolds are a place of market towns, festivals and independent businesses. This "
        "strategy sets out how the district council will help them thrive.",
    ),
    ("h2", "Our ambitions"),
    (
        "ul",
        [
            "Revitalise our town centres",
            "Grow the visitor economy",
            "Grow the local economy and create good jobs",
            "Celebrate our heritage, arts and culture",
        ],
    ),
    ("h2", "Ambition 1 - Revitalise our town centres"),
    (
        "p",
        "We will bring empty shops back into use, improve car parking and host a monthly "
        "market in every town.",
    ),
    ("h2", "Ambition 2 - Grow the visitor economy"),
    (
        "p",
        "We will promote the Wolds as a short-break destination and attract 100,000 more "
        "overnight visitors a year by 2030.",
    ),
    ("h2", "Ambition 3 - Grow the local economy and create good jobs"),
    (
        "p",
        "We will offer start-up grants, superfast broadband for business parks and a "
        "business advice service.",
    ),
    ("h2", "Ambition 4 - Celebrate our heritage, arts and culture"),
    (
        "p",
        "We will run the Wolds Festival every summer and restore the Corn Exchange as a "
        "venue for music and theatre.",
    ),
    ("h2", "Funding"),
    (
        "p",
        "The strategy is funded from the UK Shared Prosperity Fund and council reserves. "
        "We will no longer fund the district's community sports grants from 2026.",
    ),
]

NHS_TRUST: list[Block] = [
    ("h1", "Wolds Valley Hospitals NHS Foundation Trust Strategy 2025-2030"),
    (
        "p",
        "Wolds Valley Hospitals runs Riverside General Hospital, two community hospitals and "
        "community nursing across the county.",
    ),
    ("h2", "Our strategic objectives"),
    ("h3", "Strategic Objective 1"),
    ("p", "Care closer to home"),
    (
        "p",
        "We will work with GPs, social care and community partners in integrated "
        "neighbourhood teams so that more people are cared for at home. We will expand "
        "virtual wards to 120 beds and reduce delays in hospital discharge so that no "
        "patient waits more than a day to go home once they are well enough.",
    ),
    ("h3", "Strategic Objective 2"),
    ("p", "Fair access to our services"),
    (
        "p",
        "We will reduce waiting times fastest for patients from our most deprived "
        "communities and track access, experience and outcomes by deprivation and "
        "ethnicity. We will offer health checks and smoking cessation support to every "
        "inpatient from the most deprived areas.",
    ),
    ("h3", "Strategic Objective 3"),
    ("p", "Be a great place to work"),
    (
        "p",
        "We will recruit 300 nurses, reduce staff vacancies below 5% and support the "
        "wellbeing of our staff.",
    ),
    ("h3", "Strategic Objective 4"),
    ("p", "Live within our means"),
    ("p", "We will deliver a balanced budget every year and release 4% efficiency savings."),
    ("h2", "Mental health in our hospitals"),
    (
        "p",
        "Many patients who come to our emergency department are in mental health crisis. "
        "Waiting times for them are too long, and we are working with the mental health "
        "trust to understand why.",
    ),
    ("h2", "Looking back: 2020-2024"),
    (
        "p",
        "We have opened a new children's ward and we have delivered 40,000 extra "
        "operations to reduce the backlog after the pandemic.",
    ),
]

ICB_PLAN: list[Block] = [
    ("h1", "Riverside and Wolds Integrated Care Board: Joint Forward Plan 2025-2030"),
    (
        "p",
        "This plan describes how NHS organisations in Riverside and Wolds will deliver the "
        "integrated care strategy with local councils and the voluntary sector.",
    ),
    ("h2", "Our aims"),
    ("p", "The plan has five aims:"),
    (
        "ul",
        [
            "Improve mental health services for children, young people and adults",
            "Join up care in every neighbourhood",
            "Reduce health inequalities",
            "Give every child the best start in life",
            "Be a great place to work",
        ],
    ),
    ("h2", "Mental health"),
    (
        "p",
        "We will open three 24-hour crisis cafes, cut waiting times for talking therapies to "
        "six weeks and put a mental health support team in every secondary school. We will "
        "fund a suicide prevention programme with the county council.",
    ),
    ("h2", "Joined-up care in neighbourhoods"),
    (
        "p",
        "We will create 12 integrated neighbourhood teams of GPs, community nurses, social "
        "workers and pharmacists, and invest in primary care so that people can get an "
        "appointment when they need one.",
    ),
    ("h2", "Health inequalities"),
    (
        "p",
        "We will target our investment at the 20% most deprived neighbourhoods and at "
        "inclusion health groups. We will fund specialist primary care for people "
        "experiencing homelessness and outreach to Gypsy, Roma and Traveller communities.",
    ),
    ("h2", "Children and young people"),
    (
        "p",
        "We will work with maternity services and health visiting teams to support "
        "families from pregnancy, and raise childhood immunisation rates.",
    ),
    ("h2", "Our workforce"),
    (
        "p",
        "We will grow the NHS workforce by 6% and offer every member of staff a health and "
        "wellbeing conversation every year.",
    ),
]

VOLUNTARY_SECTOR: list[Block] = [
    ("h1", "Riverside Voluntary and Community Sector Alliance Strategy 2025-2028"),
    (
        "p",
        "The Alliance brings together 140 charities, community groups and social "
        "enterprises. Together we reach people that statutory services often miss.",
    ),
    ("h2", "What we will focus on"),
    ("p", "Our strategic goals are:"),
    (
        "ol",
        [
            "Tackle loneliness and isolation",
            "Reach people facing multiple disadvantage",
            "Grow volunteering across Riverside",
            "Secure sustainable funding for community groups",
        ],
    ),
    ("h2", "Goal 1: Tackle loneliness and isolation"),
    (
        "p",
        "One in five adults in Riverside says they often feel lonely. We will run 60 "
        "community befriending and peer support groups and connect people to social "
        "prescribing, so that fewer people live with poor mental health on their own.",
    ),
    ("h2", "Goal 2: Reach people facing multiple disadvantage"),
    (
        "p",
        "We will run outreach with people experiencing homelessness, refugees and people "
        "leaving prison, and help them register with a GP and find a home.",
    ),
    ("h2", "Goal 3: Grow volunteering across Riverside"),
    ("p", "We will recruit 2,000 new volunteers and offer free training to every volunteer."),
    ("h2", "Goal 4: Secure sustainable funding for community groups"),
    (
        "p",
        "We will agree three-year grant agreements with the council and the NHS so that "
        "community groups can plan ahead.",
    ),
    ("h2", "Warm spaces"),
    (
        "p",
        "Last winter our members opened 35 warm spaces for people who could not afford to "
        "heat their homes.",
    ),
]

PUBLIC_HEALTH: list[Block] = [
    ("h1", "Riverside Public Health Plan 2025-2030"),
    (
        "p",
        "The Director of Public Health's plan for improving health and reducing health "
        "inequalities across Riverside and Wolds.",
    ),
    ("h2", "Our ambitions"),
    (
        "p",
        "Life expectancy in our most deprived neighbourhoods is nine years shorter than in "
        "the least deprived. This plan focuses resources where need is greatest.",
    ),
    ("h2", "Ambition 1: Every child has the best start in life"),
    (
        "p",
        "We will commission a health visiting service that sees every family five times "
        "before a child turns two, and raise breastfeeding rates at six to eight weeks to "
        "55%. We will offer every family with a new baby support at a family hub.",
    ),
    ("h2", "Ambition 2: People move more and eat well"),
    (
        "p",
        "Over a quarter of Riverside's ten and eleven year olds are obese. We will fund "
        "free holiday activity and food programmes, promote active travel to school and "
        "work with schools on healthy eating. We will offer a weight management programme "
        "to every adult with obesity who wants one.",
    ),
    ("h2", "Ambition 3: Good mental health for all"),
    (
        "p",
        "We will train 1,000 mental health first aiders in workplaces and lead a suicide "
        "prevention partnership with the NHS, police and voluntary sector.",
    ),
    ("h2", "Ambition 4: A smoke-free generation"),
    (
        "p",
        "We will halve adult smoking in the most deprived wards by 2030 through stop "
        "smoking services, and tackle illegal tobacco sales with Trading Standards.",
    ),
    ("h2", "Ambition 5: Close the gap"),
    (
        "p",
        "We will apply proportionate universalism to every service we commission, offer "
        "NHS health checks first to people in the most deprived areas and publish the life "
        "expectancy gap every year.",
    ),
    ("h2", "Healthy places"),
    (
        "p",
        "Poor air quality contributes to around 140 deaths a year in Riverside. We "
        "support the council's work on active travel and green spaces.",
    ),
]

DOCUMENTS: dict[str, tuple[str, list[Block]]] = {
    "riverside-county-council-plan": ("docx", COUNTY_COUNCIL),
    "wolds-district-economy-and-culture-strategy": ("docx", DISTRICT_ECONOMY),
    "wolds-valley-hospitals-strategy": ("pdf", NHS_TRUST),
    "riverside-and-wolds-icb-joint-forward-plan": ("md", ICB_PLAN),
    "riverside-vcs-alliance-strategy": ("md", VOLUNTARY_SECTOR),
    "riverside-public-health-plan": ("pdf", PUBLIC_HEALTH),
}
