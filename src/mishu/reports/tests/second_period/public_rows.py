"""The rows public.py enters for 109H1 (機要組, 國際事務組, 媒體事務組): realistic records of the
period, and rows of 108H2, 109H2, another status, kind or platform that must not count."""

# -- 機要組: the council, the city meetings, the gazette
TERM = (13, "107/12/25", "111/12/24")
SESSIONS = [  # kind, number, starts, ends
    ("regular", 2, "108/9/3", "108/12/24"),
    ("regular", 3, "109/3/3", "109/6/23"),
    ("extraordinary", 1, "109/4/14", "109/4/21"),  # not a regular session: neither figure
    ("extraordinary", 2, "109/7/14", "109/7/28"),
    ("regular", 4, "109/9/1", "109/12/22"),
]
MEETINGS = [  # number, held on, paperless, A4 sheets saved, money saved
    (2071, "108/12/17", True, 9480, 4520),
    (2072, "108/12/24", True, 9310, 4440),
    (2073, "109/1/7", True, 9620, 4590),
    (2074, "109/1/14", True, 9550, 4560),
    (2075, "109/2/4", False, 0, 0),  # printed on paper: no online record, nothing saved
    (2076, "109/2/11", True, 9700, 4630),
    (2077, "109/3/10", True, 9450, 4510),
    (2078, "109/4/14", True, 9380, 4480),
    (2079, "109/5/12", True, 9610, 4590),
    (2080, "109/6/9", True, 9520, 4550),
    (2081, "109/6/30", True, 9490, 4530),
    (2082, "109/7/7", True, 9600, 4580),  # after the period
]
ISSUES = [  # number, published on
    ("108年冬字第12期", "108/12/31"),
    *[
        (f"109年春字第{n}期", f"109/{m}/{d}")
        for n, (m, d) in enumerate([(1, 3), (1, 17), (2, 7), (2, 21), (3, 6), (3, 20)], start=1)
    ],
    *[
        (f"109年夏字第{n}期", f"109/{m}/{d}")
        for n, (m, d) in enumerate([(4, 10), (5, 8), (6, 5), (6, 30)], start=1)
    ],
    ("109年秋字第1期", "109/7/3"),
]
YEARBOOKS = [  # title, year covered, due, published
    ("臺北市年鑑 2018", 2018, "108/6/30", "108/6/20"),  # published before the period
    ("臺北市年鑑 2019", 2019, "109/6/30", "109/6/22"),
    ("臺北市年鑑 2020", 2020, "110/6/30", ""),
]
SUBSCRIPTIONS = [  # e-mail, subscribed, unsubscribed
    ("chen.meiling@example.com.tw", "107/3/1", ""),
    ("lin.zhiwei@example.com.tw", "108/5/10", "109/2/1"),  # left in the period
    ("wang.xiaoming@example.com.tw", "108/8/8", "109/6/30"),  # left on its last day
    ("huang.yating@example.com.tw", "109/1/5", ""),
    ("zhang.jiahao@example.com.tw", "109/3/3", "109/8/1"),  # left after the period
    ("li.shufen@example.com.tw", "109/4/20", ""),
    ("wu.jianhong@example.com.tw", "109/7/2", ""),  # joined after the period
]


# -- 國際事務組: delegations received, trips abroad, grants to civil groups
DELEGATION_COLUMNS = (
    "received_on",
    "end_on",
    "country",
    "city",
    "leader_title",
    "leader",
    "name",
    "size",
    "received_by",
    "named_in_report",
)
DELEGATIONS = [
    ("108/12/16", "", "日本", "大阪市", "副市長", "山本剛史", "", "20", "黃副市長", "是"),
    ("109/1/8", "109/1/10", "日本", "東京都", "", "", "東京都議會訪問團", "12", "蔡副市長", "是"),
    ("109/1/15", "", "美國", "洛杉磯", "市議員", "Paul Krekorian", "", "5", "柯市長", "是"),
    ("109/2/20", "", "捷克", "布拉格", "副市長", "Hana Kordová Marvanová", "", "3", "柯市長", "否"),
    ("109/6/18", "", "斯洛伐克", "布拉提斯拉瓦", "市長", "Matúš Vallo", "", "4", "柯市長", "是"),
    ("109/7/2", "", "法國", "巴黎", "", "", "法國在臺協會訪問團", "6", "鄧副市長", "是"),
]
TRIP_COLUMNS = (
    "start_date",
    "end_date",
    "leader",
    "led_delegation",
    "destinations",
    "purpose",
    "budget",
    "report_submitted_on",
)
TRIPS = [
    (
        "108/12/2",
        "108/12/5",
        "蔡副市長炳坤",
        "是",
        "日本東京都",
        "出席「亞洲城市論壇」",
        "120000",
        "109/1/20",
    ),
    (
        "109/1/6",
        "109/1/9",
        "黃副市長珊珊",
        "是",
        "新加坡",
        "出席「世界城市高峰會市長論壇」",
        "150000",
        "109/3/2",
    ),
]
GRANT_TITLE = "本處「協助社會團體及各級學校辦理或參加國際性會議活動」{} 年度第 {} 期審查會"
REVIEWS = [("108/6/26", 108, 1), ("109/3/20", 109, 1)]
# applicant, event, applied on, then the workflow's steps: (action, date, amount)
GRANTS = [
    (
        "臺灣醫學會",
        "亞太醫學教育研討會",
        "108/5/2",
        [("approve", "108/6/26", 80000), ("pay", "108/12/10", 80000)],
    ),
    (
        "臺北市立大學",
        "國際體育運動科學研討會",
        "108/11/20",
        [("approve", "109/3/20", 120000), ("pay", "109/5/15", 118500)],
    ),
    (
        "中華民國建築學會",
        "亞洲建築交流研討會",
        "109/1/15",
        [("approve", "109/3/20", 150000), ("pay", "109/6/10", 150000)],
    ),
    ("臺北愛樂文教基金會", "臺北國際合唱音樂節", "109/2/3", [("approve", "109/3/20", 200000)]),
    ("臺灣永續能源研究基金會", "亞洲綠能論壇", "109/2/10", [("reject", "109/3/20", None)]),
    (
        "國立臺灣大學",
        "國際智慧城市青年論壇",
        "109/2/20",
        [("special", "109/4/8", 90000), ("pay", "109/6/20", 86000)],
    ),
    ("臺北市旅館商業同業公會", "亞太觀光論壇", "109/3/2", [("withdraw", "109/4/1", None)]),
    ("臺北市電腦商業同業公會", "亞洲資通訊大展研討會", "109/5/5", []),  # awaiting review
]
STATUS = {  # the status each step leaves an application in
    "approve": "approved",
    "special": "special",
    "reject": "rejected",
    "pay": "paid",
    "withdraw": "withdrawn",
}


# -- 媒體事務組: releases, responses, the mayor and the media, social posts, productions
RELEASES = [  # agency, title, published on
    ("秘書處", "市府公布 108 年度市政白皮書", "108/12/31"),
    ("秘書處", "柯市長新春團拜感謝市府團隊", "109/1/2"),
    ("財政局", "109 年度統一發票給獎", "109/1/20"),
    ("秘書處", "市府因應武漢肺炎成立防疫專案小組", "109/1/22"),
    ("衛生局", "本市加強防疫措施說明", "109/2/3"),
    ("秘書處", "市長主持防疫會議說明最新措施", "109/2/27"),
    ("教育局", "本市各級學校延後開學", "109/2/5"),
    ("交通局", "大眾運輸防疫措施", "109/3/10"),
    ("秘書處", "市府紓困方案記者會", "109/4/7"),
    ("產業局", "產業紓困貸款受理情形", "109/5/4"),
    ("秘書處", "市長出席臺北燈節成果發表", "109/6/15"),
    ("社會局", "弱勢家庭紓困金發放", "109/6/30"),
    ("秘書處", "市府下半年施政重點", "109/7/1"),
]
RESPONSES = [  # headline, reported, agency code, requested, replied
    ("口罩配送延誤引民怨", "108/12/30", "health", "108/12/30", "108/12/31"),
    ("捷運站防疫措施不一", "109/2/2", "trtc", "109/2/3", "109/2/4"),
    ("學校停課標準引發疑慮", "109/3/15", "education", "109/3/16", "109/3/17"),
    ("紓困貸款申辦冗長", "109/5/20", "economic-development", "109/5/21", ""),
    ("垃圾清運延遲", "109/7/3", "environmental-protection", "109/7/3", ""),
]
ENGAGEMENTS = [  # kind, held on, outlet
    ("interview", "108/12/20", "中央社"),
    ("dinner", "109/1/16", "市政記者聯誼會"),
    ("interview", "109/2/14", "聯合報"),
    ("interview", "109/4/22", "自由時報"),
    ("dinner", "109/5/28", "外籍媒體記者"),
    ("interview", "109/6/12", "天下雜誌"),
    ("dinner", "109/7/9", "市政記者聯誼會"),
]
POSTS = [  # platform, posted on
    ("臉書", "108/12/31"),
    *[("臉書", d) for d in ("109/1/1", "109/2/14", "109/3/3", "109/4/30", "109/6/30")],
    *[("Instagram", d) for d in ("109/1/25", "109/3/20", "109/5/1")],
    *[("Twitter", d) for d in ("109/2/1", "109/6/1")],
    ("LINE", "109/4/4"),
    ("Twitter", "109/7/1"),
]
PRODUCTIONS = [  # kind, title, produced on
    ("video", "臺北跨年晚會精華", "108/12/31"),
    ("image", "防疫新生活宣導圖卡", "109/2/10"),
    ("image", "勤洗手戴口罩", "109/3/5"),
    ("video", "市長防疫說明", "109/3/18"),
    ("image", "紓困方案懶人包", "109/4/9"),
    ("image", "臺北燈節花絮", "109/6/20"),
    ("video", "振興臺北", "109/6/28"),
    ("image", "夏日防疫提醒", "109/7/5"),
]
