"""The organisation every new database starts with: the secretariat's divisions, the city's
agencies (at least every agency of the seed report's petition table) and the roles.

Loaded by a data migration and kept in sync by `sync_organisation` (idempotent).
"""

# code, name, short name, English name
DIVISIONS = [
    ("general-affairs", "總務組", "總務組", "General Affairs Division"),
    ("documents", "文書組", "文書組", "Document and Archives Division"),
    ("international", "國際事務組", "國際事務組", "International Affairs Division"),
    ("confidential", "機要組", "機要組", "Confidential Affairs Division"),
    ("citizen-services", "市民服務組", "市民服務組", "Citizen Services Division"),
    ("media", "媒體事務組", "媒體事務組", "Media Affairs Division"),
    ("city-hall", "市政大樓公共事務管理中心", "公管中心", "City Hall Building Management Center"),
    ("accounting", "會計室", "會計室", "Accounting Office"),
    ("personnel", "人事室", "人事室", "Personnel Office"),
    ("ethics", "政風室", "政風室", "Ethics Office"),
]

# code, short name, full name, English short name, English name
AGENCIES = [
    (
        "secretariat",
        "秘書處",
        "臺北市政府秘書處",
        "Secretariat",
        "Secretariat, Taipei City Government",
    ),
    (
        "trtc",
        "捷運公司",
        "臺北大眾捷運股份有限公司",
        "Metro Taipei",
        "Taipei Rapid Transit Corporation",
    ),
    ("finance", "財政局", "臺北市政府財政局", "Finance", "Department of Finance"),
    ("civil-affairs", "民政局", "臺北市政府民政局", "Civil Affairs", "Department of Civil Affairs"),
    (
        "economic-development",
        "產業局",
        "臺北市政府產業發展局",
        "Economic Development",
        "Department of Economic Development",
    ),
    ("education", "教育局", "臺北市政府教育局", "Education", "Department of Education"),
    (
        "transportation",
        "交通局",
        "臺北市政府交通局",
        "Transportation",
        "Department of Transportation",
    ),
    ("public-works", "工務局", "臺北市政府工務局", "Public Works", "Public Works Department"),
    ("labor", "勞動局", "臺北市政府勞動局", "Labor", "Department of Labor"),
    (
        "social-welfare",
        "社會局",
        "臺北市政府社會局",
        "Social Welfare",
        "Department of Social Welfare",
    ),
    ("health", "衛生局", "臺北市政府衛生局", "Health", "Department of Health"),
    ("police", "警察局", "臺北市政府警察局", "Police", "Taipei City Police Department"),
    (
        "urban-development",
        "都發局",
        "臺北市政府都市發展局",
        "Urban Development",
        "Department of Urban Development",
    ),
    (
        "environmental-protection",
        "環保局",
        "臺北市政府環境保護局",
        "Environmental Protection",
        "Department of Environmental Protection",
    ),
    ("fire", "消防局", "臺北市政府消防局", "Fire", "Fire Department"),
    (
        "cultural-affairs",
        "文化局",
        "臺北市政府文化局",
        "Cultural Affairs",
        "Department of Cultural Affairs",
    ),
    (
        "land-administration",
        "地政局",
        "臺北市政府地政局",
        "Land Administration",
        "Department of Land Administration",
    ),
    (
        "rapid-transit-systems",
        "捷運局",
        "臺北市政府捷運工程局",
        "Rapid Transit Systems",
        "Department of Rapid Transit Systems",
    ),
    ("sports", "體育局", "臺北市政府體育局", "Sports", "Department of Sports"),
    (
        "information-tourism",
        "觀傳局",
        "臺北市政府觀光傳播局",
        "Information and Tourism",
        "Department of Information and Tourism",
    ),
    ("legal-affairs", "法務局", "臺北市政府法務局", "Legal Affairs", "Department of Legal Affairs"),
    (
        "information-technology",
        "資訊局",
        "臺北市政府資訊局",
        "Information Technology",
        "Department of Information Technology",
    ),
    ("personnel", "人事處", "臺北市政府人事處", "Personnel", "Department of Personnel"),
    (
        "government-ethics",
        "政風處",
        "臺北市政府政風處",
        "Government Ethics",
        "Department of Government Ethics",
    ),
    (
        "rdec",
        "研考會",
        "臺北市政府研究發展考核委員會",
        "RDEC",
        "Research, Development and Evaluation Commission",
    ),
    ("water", "北水處", "臺北自來水事業處", "Taipei Water", "Taipei Water Department"),
    (
        "indigenous-peoples",
        "原民會",
        "臺北市政府原住民族事務委員會",
        "Indigenous Peoples",
        "Indigenous Peoples Commission",
    ),
    (
        "feitsui-reservoir",
        "翡管局",
        "臺北翡翠水庫管理局",
        "Feitsui Reservoir",
        "Taipei Feitsui Reservoir Administration",
    ),
    (
        "military-service",
        "兵役局",
        "臺北市政府兵役局",
        "Military Service",
        "Department of Military Service",
    ),
    (
        "urban-planning",
        "都委會",
        "臺北市都市計畫委員會",
        "Urban Planning Commission",
        "Taipei Urban Planning Commission",
    ),
    (
        "budget-accounting",
        "主計處",
        "臺北市政府主計處",
        "Budget and Accounting",
        "Department of Budget, Accounting and Statistics",
    ),
    (
        "hakka-affairs",
        "客委會",
        "臺北市政府客家事務委員會",
        "Hakka Affairs",
        "Hakka Affairs Commission",
    ),
    (
        "civil-service-training",
        "公訓處",
        "臺北市政府公務人員訓練處",
        "Civil Service Training",
        "Taipei Civil Service Training Institute",
    ),
    (
        "labor-inspection",
        "勞檢處",
        "臺北市勞動檢查處",
        "Labor Inspection",
        "Taipei Labor Inspection Office",
    ),
    (
        "building-management",
        "建管處",
        "臺北市建築管理工程處",
        "Building Management",
        "Taipei Construction Management Office",
    ),
]

ROLES = ["clerk", "supervisor", "evaluator", "admin"]


def sync_organisation(Division, Agency, Role) -> None:
    """Create or update the divisions, agencies and roles above (model classes are passed so that
    migrations can call this with historical models)."""
    for order, (code, name, short, name_en) in enumerate(DIVISIONS, start=1):
        Division.objects.update_or_create(
            code=code,
            defaults={"name": name, "short_name": short, "name_en": name_en, "order": order},
        )
    for order, (code, short, name, short_en, name_en) in enumerate(AGENCIES, start=1):
        Agency.objects.update_or_create(
            code=code,
            defaults={
                "short_name": short,
                "name": name,
                "short_name_en": short_en,
                "name_en": name_en,
                "order": order,
            },
        )
    for code in ROLES:
        Role.objects.get_or_create(code=code)
