//! Built-in content, every item traced to Lei, Chen & Zhang (the paper) in its `source` or doc.
//!
//! Terms follow the English/Chinese glossary of the paper's terms kept with the project's
//! reference material; the Figure 1 series is CNNIC's (38th–44th reports).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::model::*;

fn t(en: &str, zh: &str) -> Text {
    Text::new(en, zh)
}

fn texts(items: &[(&str, &str)]) -> Vec<Text> {
    items.iter().map(|(en, zh)| t(en, zh)).collect()
}

/// The five subjects: Party committees (the leadership layer) and the four of Table 2.
pub fn subjects() -> Vec<Subject> {
    let s = |id: &str,
             name: Text,
             kind,
             description: Text,
             adv: &[(&str, &str)],
             resp: &[(&str, &str)],
             colour: &str| Subject {
        id: id.into(),
        name,
        kind,
        description,
        advantages: texts(adv),
        responsibilities: texts(resp),
        colour: colour.into(),
    };
    vec![
        s(
            "party",
            t("Party committees", "党委"),
            SubjectKind::Leadership,
            t(
                "The leading force of cyberspace governance: they make the top-level design, coordinate the relationships and disputes between stakeholders, and motivate all actors to take part.",
                "网络空间治理的领导力量：进行顶层设计，协调各主体之间的关系与争议，激励各方参与治理。",
            ),
            &[("the most important guarantee of good governance", "良好治理的最重要保证")],
            &[
                ("leader (top-level design)", "领导者（顶层设计）"),
                ("coordinator", "协调者"),
                ("motivator", "激励者"),
            ],
            "#b91c1c",
        ),
        s(
            "gov",
            t("Governments", "政府"),
            SubjectKind::Government,
            t(
                "The main power of the new model; in the traditional model the only main governance subject.",
                "新模式中的主导力量；在传统模式中是唯一的主要治理主体。",
            ),
            &[("authoritative", "权威"), ("powerful", "有力")],
            &[
                ("top-level design and overall planning", "顶层设计与统筹规划"),
                ("making laws and regulations", "制定法律法规"),
                ("fighting against illegal speech and behaviours", "打击违法言行"),
            ],
            "#1d4ed8",
        ),
        s(
            "ent",
            t("Internet enterprises", "互联网企业"),
            SubjectKind::Enterprise,
            t(
                "An auxiliary participator; in the traditional model a subsidiary \"tool\" of governments.",
                "辅助参与者；在传统模式中被视为政府的附属\"工具\"。",
            ),
            &[
                ("professional", "专业"),
                ("flexible", "灵活"),
                ("owning the most social capital", "拥有最多社会资本"),
            ],
            &[
                ("providing Internet products", "提供互联网产品"),
                ("assisting the supervision of the Internet", "协助网络监管"),
            ],
            "#047857",
        ),
        s(
            "assoc",
            t("Internet associations", "互联网行业组织"),
            SubjectKind::Association,
            t(
                "An auxiliary participator, such as the Internet Society of China (2001).",
                "辅助参与者，例如中国互联网协会（2001年成立）。",
            ),
            &[("self-organizing", "自组织"), ("independent", "独立")],
            &[("rules making", "制定规则"), ("supplying public service", "提供公共服务")],
            "#7c3aed",
        ),
        s(
            "net",
            t("Netizens", "网民"),
            SubjectKind::Netizen,
            t(
                "An auxiliary participator; in the traditional model they lack opportunities to take part.",
                "辅助参与者；在传统模式中缺乏参与治理的机会。",
            ),
            &[("with huge quantity", "数量庞大"), ("flexible", "灵活")],
            &[("supervision of power", "监督权力"), ("public opinion forming", "形成舆论")],
            "#b45309",
        ),
    ]
}

/// The paper's three categories of governance objects.
pub fn objects() -> Vec<Object> {
    vec![
        Object {
            id: "infra".into(),
            name: t("Infrastructure and facilities", "网络基础设施建设与管理"),
            category: ObjectCategory::Infrastructure,
            description: t(
                "Construction and management of Internet infrastructures and facilities.",
                "网络基础设施和设施的建设与管理。",
            ),
            examples: vec![],
        },
        Object {
            id: "practice".into(),
            name: t("Production and life practices online", "网上生产生活实践"),
            category: ObjectCategory::Practices,
            description: t(
                "Governance of production and life practices online.",
                "对网上生产生活实践的治理。",
            ),
            examples: texts(&[("e-commerce", "电子商务"), ("e-government", "电子政务")]),
        },
        Object {
            id: "illegal".into(),
            name: t("Illegal speech and behaviour", "网络违法言行"),
            category: ObjectCategory::IllegalConduct,
            description: t(
                "Illegal speech and behaviours online.",
                "网络上的违法言论和行为。",
            ),
            examples: texts(&[(
                "illegal websites and harmful contents",
                "违法网站和有害内容",
            )]),
        },
    ]
}

/// Concrete methods of the two families the paper names: governance by law and by morals.
pub fn methods() -> Vec<Method> {
    let m = |id: &str, name: Text, family, description: Text| Method {
        id: id.into(),
        name,
        family,
        description,
    };
    vec![
        m(
            "legislation",
            t("Legislation", "立法"),
            MethodFamily::Law,
            t("Making laws and regulations (Table 2, governments).", "制定法律法规（表2，政府）。"),
        ),
        m(
            "enforcement",
            t("Law enforcement", "执法"),
            MethodFamily::Law,
            t(
                "Fighting against illegal speech and behaviours, including special actions against illegal websites.",
                "打击违法言行，包括整治违法网站的专项行动。",
            ),
        ),
        m(
            "rights",
            t("Rights protection by law", "依法保障权利"),
            MethodFamily::Law,
            t(
                "Building governance systems by law so that power and rights stay in balance.",
                "依法构建治理体系，使权力与权利保持平衡。",
            ),
        ),
        m(
            "self-discipline",
            t("Self-discipline", "自律"),
            MethodFamily::Morals,
            t("The self-discipline of all stakeholders.", "各利益相关方的自律。"),
        ),
        m(
            "industry-rules",
            t("Industry rules and codes", "行业规则与规范"),
            MethodFamily::Morals,
            t("Rules made by Internet associations (Table 2).", "互联网行业组织制定的规则（表2）。"),
        ),
        m(
            "ethics",
            t("Online ethics and culture", "网络道德与文化"),
            MethodFamily::Morals,
            t(
                "A healthy, positive online culture with positive energy and mainstream values.",
                "充满正能量和主流价值的健康向上的网络文化。",
            ),
        ),
    ]
}

#[allow(clippy::too_many_arguments)]
fn role(id: &str, name: Text, letter: Text, colour: &str, weight: f64, flags: [bool; 4]) -> Role {
    let [leadership, main, auxiliary, supervision] = flags;
    Role {
        id: id.into(),
        name,
        letter,
        colour: colour.into(),
        weight,
        leadership,
        main,
        auxiliary,
        supervision,
    }
}

/// The default role scale, after the paper's division of labour: Party committees lead,
/// governments carry the main responsibility, the others assist and supervise.
pub fn roles() -> Vec<Role> {
    vec![
        role(
            "lead",
            t("Leads", "领导"),
            t("L", "领"),
            "#b91c1c",
            2.0,
            [true, false, false, false],
        ),
        role(
            "main",
            t("Main responsibility", "主要责任"),
            t("M", "主"),
            "#1d4ed8",
            3.0,
            [false, true, false, false],
        ),
        role(
            "assist",
            t("Assists", "协助"),
            t("A", "协"),
            "#047857",
            2.0,
            [false, false, true, false],
        ),
        role(
            "supervise",
            t("Supervises", "监督"),
            t("S", "督"),
            "#b45309",
            1.0,
            [false, false, true, true],
        ),
        role(
            "consulted",
            t("Consulted", "咨询"),
            t("C", "询"),
            "#6b7280",
            0.5,
            [false, false, true, false],
        ),
        role(
            "informed",
            t("Informed", "知会"),
            t("I", "知"),
            "#9ca3af",
            0.25,
            [false, false, false, false],
        ),
    ]
}

/// A classic RACI scale, as an alternative to the paper's scale.
pub fn raci_roles() -> Vec<Role> {
    vec![
        role(
            "raci-r",
            t("Responsible", "执行"),
            t("R", "执"),
            "#1d4ed8",
            3.0,
            [false, true, false, false],
        ),
        role(
            "raci-a",
            t("Accountable", "问责"),
            t("A", "责"),
            "#b91c1c",
            2.0,
            [true, false, false, true],
        ),
        role(
            "raci-c",
            t("Consulted", "咨询"),
            t("C", "询"),
            "#047857",
            1.0,
            [false, false, true, false],
        ),
        role(
            "raci-i",
            t("Informed", "知会"),
            t("I", "知"),
            "#6b7280",
            0.5,
            [false, false, false, false],
        ),
    ]
}

/// A preset cell: role, methods, orientation, statements and the passage it comes from.
fn cell(
    role: &str,
    methods: &[&str],
    orientation: Orientation,
    statements: &[(&str, &str)],
    source: &str,
) -> Cell {
    Cell {
        role: Some(role.into()),
        methods: methods.iter().map(|m| m.to_string()).collect(),
        orientation: Some(orientation),
        statements: texts(statements),
        note: String::new(),
        source: source.into(),
    }
}

fn model(
    id: &str,
    name: Text,
    description: Text,
    tiers: &[(&str, Tier)],
    cells: Vec<(&str, &str, Cell)>,
) -> Model {
    let mut m = Model {
        id: id.into(),
        name,
        description,
        tiers: tiers.iter().map(|(s, t)| (s.to_string(), *t)).collect(),
        cells: BTreeMap::new(),
        layout: BTreeMap::new(),
        notes: String::new(),
        checks: BTreeMap::new(),
    };
    for (s, o, c) in cells {
        m.put_cell(s, o, Some(c));
    }
    m
}

/// The traditional "multi-regulators" model: governments hold the main responsibility
/// everywhere, through law and order maintaining; enterprises act as tools; associations barely
/// take part and netizens not at all.
pub fn traditional_model() -> Model {
    use Orientation::*;
    model(
        "traditional",
        t("Traditional multi-regulators model", "传统多头管理模式"),
        t(
            "Governments regulate alone through many regulators, mostly by law and for order.",
            "政府以多头管理的方式单独监管，主要依靠法律、侧重秩序。",
        ),
        &[("gov", Tier::Main), ("ent", Tier::Auxiliary), ("assoc", Tier::Auxiliary), ("net", Tier::Absent)],
        vec![
            ("gov", "infra", cell("main", &["legislation", "enforcement"], Order,
                &[("Build Internet infrastructures and the basic regulating system", "建设网络基础设施和基本监管体系")],
                "Table 1, foundation stage (1994-1998): great effort to build Internet infrastructures and the basic regulating system.")),
            ("gov", "practice", cell("main", &["legislation", "enforcement"], Order,
                &[("Regulate online practices as the main governance subject, acting as \"firemen\"", "作为主要治理主体监管网上实践，充当\"救火队员\"")],
                "Disadvantages, imbalance of the subject structure: governments are the main governance subjects and play the role of \"firemen\".")),
            ("gov", "illegal", cell("main", &["enforcement"], Order,
                &[("Special actions against illegal websites and harmful contents", "开展整治违法网站和有害内容的专项行动")],
                "Disadvantages, opportunistic behaviours: governments carry out special actions against illegal websites and harmful contents.")),
            ("ent", "infra", cell("assist", &[], Order,
                &[("Act as a subsidiary \"tool\" of governments", "充当政府的附属\"工具\"")],
                "Disadvantages, opportunistic behaviours: Internet enterprises seem to be the subsidiary \"tool\" of governments, in a hierarchical relationship.")),
            ("ent", "illegal", cell("assist", &[], Order,
                &[("Stop harmful service during special actions only", "仅在专项行动期间停止有害服务")],
                "Disadvantages, opportunistic behaviours: some ISPs stop harmful service during special actions and resume it afterwards.")),
            ("assoc", "practice", cell("consulted", &[], Order,
                &[("Promote Internet development (Internet Society of China, 2001)", "推动互联网发展（中国互联网协会，2001年）")],
                "Table 1, initially forming stage (1999-2004): the Internet Society of China, inaugurated in 2001, promotes the development of the Internet.")),
        ],
    )
}

/// The "one main power and three auxiliary participators" synergetic model: Party committees
/// lead, governments carry the main responsibility, enterprises, associations and netizens
/// assist and supervise as Table 2 says; law and morals both used; rights protection present.
pub fn synergetic_model() -> Model {
    use Orientation::*;
    let lead = |o: &str| {
        (
            "party",
            o.to_string(),
            cell("lead", &[], Both,
                &[("Top-level design, coordination of stakeholders and their disputes, motivation of all actors", "顶层设计，协调各主体关系与争议，激励各方参与")],
                "Characteristics, under the leadership of Party committees: leading force making top-level design, coordinators, motivators."),
        )
    };
    let mut cells: Vec<(&str, String, Cell)> = ["infra", "practice", "illegal"]
        .iter()
        .map(|o| lead(o))
        .collect();
    let table2 = [
        ("gov", "infra", cell("main", &["legislation", "rights"], Both,
            &[("Top-level design and overall planning", "顶层设计与统筹规划")],
            "Table 2, governments: designing at the top level and overall planning.")),
        ("gov", "practice", cell("main", &["legislation", "rights"], Both,
            &[("Making laws and regulations that balance power and rights", "制定平衡权力与权利的法律法规")],
            "Table 2, governments: laws and regulations making; governance by law keeps power-right and right-right in balance.")),
        ("gov", "illegal", cell("main", &["enforcement", "legislation"], Both,
            &[("Fighting against illegal speech and behaviours", "打击违法言行")],
            "Table 2, governments: fighting against illegal speech and behaviors.")),
        ("ent", "infra", cell("assist", &["self-discipline"], Both,
            &[("Providing Internet products", "提供互联网产品")],
            "Table 2, Internet enterprises: providing Internet products.")),
        ("ent", "practice", cell("assist", &["self-discipline"], Both,
            &[("Providing Internet products", "提供互联网产品")],
            "Table 2, Internet enterprises: providing Internet products.")),
        ("ent", "illegal", cell("assist", &["self-discipline"], Order,
            &[("Assisting the supervision of the Internet", "协助网络监管")],
            "Table 2, Internet enterprises: assisting the supervision of the Internet.")),
        ("assoc", "practice", cell("assist", &["industry-rules"], Both,
            &[("Rules making", "制定规则"), ("Supplying public service", "提供公共服务")],
            "Table 2, Internet associations: rules making, supplying public service.")),
        ("assoc", "illegal", cell("assist", &["industry-rules", "self-discipline"], Order,
            &[("Rules making", "制定规则")],
            "Table 2, Internet associations: rules making.")),
        ("net", "practice", cell("supervise", &["ethics"], Rights,
            &[("Supervision of power", "监督权力")],
            "Table 2, netizens: supervision of power.")),
        ("net", "illegal", cell("supervise", &["ethics", "self-discipline"], Both,
            &[("Public opinion forming", "形成舆论"), ("Supervision of power", "监督权力")],
            "Table 2, netizens: supervision of power and public opinion forming.")),
    ];
    cells.extend(table2.into_iter().map(|(s, o, c)| (s, o.to_string(), c)));
    let mut m = model(
        "synergetic",
        t(
            "\"One main power and three auxiliary participators\" synergetic model",
            "\"一主三辅\"网络空间协同治理模式",
        ),
        t(
            "Party committees lead, governments carry the main responsibility, Internet enterprises, associations and netizens assist and supervise.",
            "党委领导，政府负责，互联网企业、行业组织和网民协助与监督。",
        ),
        &[
            ("party", Tier::Leadership),
            ("gov", Tier::Main),
            ("ent", Tier::Auxiliary),
            ("assoc", Tier::Auxiliary),
            ("net", Tier::Auxiliary),
        ],
        vec![],
    );
    for (s, o, c) in cells {
        m.put_cell(s, &o, Some(c));
    }
    m
}

/// The four stages of Table 1.
pub fn timeline() -> Vec<Stage> {
    let st = |id: &str,
              name: Text,
              start,
              end,
              leading_body: Text,
              others: &[(&str, &str)],
              description: Text| Stage {
        id: id.into(),
        name,
        start,
        end,
        leading_body,
        other_regulators: texts(others),
        description,
    };
    vec![
        st("stage-foundation", t("Foundation stage", "奠基阶段"), 1994, Some(1998),
            t("Information Work Leading Group of the State Council", "国务院信息化工作领导小组"),
            &[("Ministry of Posts and Telecommunications", "邮电部"), ("Ministry of Electronics Industry", "电子工业部"), ("Chinese Academy of Sciences", "中国科学院")],
            t("Great effort to build Internet infrastructures and the basic regulating system; four main regulators.", "大力建设网络基础设施和基本监管体系；四个主要监管机构。")),
        st("stage-forming", t("Initially forming stage", "初步形成阶段"), 1999, Some(2004),
            t("Ministry of Information Industry", "信息产业部"),
            &[("State Council Information Office", "国务院新闻办公室"), ("Ministry of Public Security", "公安部"), ("Ministry of Culture", "文化部"), ("State Administration for Industry and Commerce", "国家工商行政管理总局"), ("Internet Society of China (2001)", "中国互联网协会（2001年）")],
            t("The Ministry of Information Industry, combined from two ministries, dominated regulation; other departments and the Internet Society of China also took part.", "由两部委合并组建的信息产业部主导监管；其他部门和中国互联网协会也参与其中。")),
        st("stage-mature", t("Relatively mature stage", "相对成熟阶段"), 2005, Some(2013),
            t("State Council Information Office", "国务院新闻办公室"),
            &[],
            t("The golden time of Internet development; with we media it became hard for governments to regulate cyberspace.", "互联网发展的黄金时期；随着自媒体兴起，政府监管网络空间愈发困难。")),
        st("stage-upgrading", t("Upgrading stage", "升级阶段"), 2014, None,
            t("Office of the Central Cyberspace Affairs Commission", "中央网络安全和信息化委员会办公室"),
            &[("Central Internet Security and Informatization Leading Group (2014)", "中央网络安全和信息化领导小组（2014年）")],
            t("The core task is a clean and righteous cyberspace; the 2014 leading group was renamed in 2018; plans to perfect the governance system.", "核心任务是营造风清气正的网络空间；2014年成立的领导小组于2018年更名；部署完善网络治理体系。")),
    ]
}

/// The four disadvantages, three design requirements and three characteristics.
pub fn principles() -> Vec<Principle> {
    use PrincipleKind::*;
    let p = |id: &str, kind, name: Text, description: Text| Principle {
        id: id.into(),
        kind,
        name,
        description,
    };
    vec![
        p("dis-imbalance", Disadvantage, t("Imbalance of the governance subject structure", "治理主体结构失衡"),
            t("Governments are the main subjects and act as \"firemen\"; people lack opportunities to take part.", "政府是主要治理主体，充当\"救火队员\"；民众缺乏参与治理的机会。")),
        p("dis-opportunism", Disadvantage, t("Prevalence of opportunistic behaviours", "机会主义行为盛行"),
            t("Information asymmetry between governments and enterprises invites rent-seeking and evasion of supervision.", "政府与企业之间的信息不对称导致寻租和规避监管。")),
        p("dis-regulation", Disadvantage, t("More emphasis on regulation, less on rights protection", "重管制、轻权利保障"),
            t("Laws stress regulation over the rights of netizens.", "法律法规偏重管制，轻视网民权利。")),
        p("dis-opinion", Disadvantage, t("Disorder in guiding online public opinion", "网络舆论引导失序"),
            t("Populism and irrational subcultures spread online.", "民粹主义等思潮和非理性亚文化在网上蔓延。")),
        p("req-multiple", Requirement, t("Subjects are multiple, including all stakeholders", "治理主体多元化"),
            t("The governance subjects include all stakeholders.", "治理主体包括所有利益相关方。")),
        p("req-synergy", Requirement, t("All stakeholders act in synergetic ways", "各主体协同行动"),
            t("Stakeholders act together rather than alone.", "各利益相关方协同行动，而非各自为政。")),
        p("req-people", Requirement, t("The people's interests are satisfied and their rights respected", "满足人民利益、尊重人民权利"),
            t("Governance serves the people's interests and respects their rights.", "治理服务于人民利益并尊重人民权利。")),
        p("char-party", Characteristic, t("Under the leadership of Party committees", "坚持党委领导"),
            t("Party committees make the top-level design, coordinate and motivate.", "党委进行顶层设计、协调并激励各方。")),
        p("char-balance", Characteristic, t("Emphasis on both order maintaining and rights protection", "秩序维护与权利保障并重"),
            t("Good order does not mean the sacrifice of rights.", "良好秩序并不意味着牺牲权利。")),
        p("char-collab", Characteristic, t("Based on collaboration, participation and common interests", "共建共治共享"),
            t("Party committees lead, governments assume responsibility, non-governmental actors assist.", "党委领导、政府负责、非政府主体协助。")),
    ]
}

/// Figure 1: Chinese netizens and Internet penetration, June 2016 to June 2019 (CNNIC).
pub fn figure1() -> Dataset {
    let rows = [
        ("2016-06", 710.0, 51.7, "38th"),
        ("2016-12", 731.0, 53.2, "39th"),
        ("2017-06", 751.0, 54.3, "40th"),
        ("2017-12", 772.0, 55.8, "41st"),
        ("2018-06", 802.0, 57.7, "42nd"),
        ("2018-12", 829.0, 59.6, "43rd"),
        ("2019-06", 854.0, 61.2, "44th"),
    ];
    Dataset {
        id: "figure1".into(),
        name: t(
            "Chinese netizens and Internet penetration",
            "中国网民规模和互联网普及率",
        ),
        source: "CNNIC, Statistical Report on Internet Development in China, 38th-44th".into(),
        points: rows
            .iter()
            .map(|(period, n, p, r)| DataPoint {
                period: period.to_string(),
                netizens_million: *n,
                penetration_percent: *p,
                report: r.to_string(),
            })
            .collect(),
    }
}

fn meta(title: &str, description: &str, now: DateTime<Utc>) -> Meta {
    Meta {
        title: title.into(),
        description: description.into(),
        authors: vec![],
        locale: Lang::En,
        created: now,
        modified: now,
    }
}

/// The paper's workbook: both models, the timeline, diagnosis, principles and Figure 1.
pub fn paper(now: DateTime<Utc>) -> Workbook {
    Workbook {
        meta: meta(
            "Cyberspace governance: traditional and synergetic models",
            "After Lei, Chen & Zhang, On Chinese Cyberspace Governance Model from the Perspective of Xi Jinping's Thought on Cyberspace Governance.",
            now,
        ),
        subjects: subjects(),
        objects: objects(),
        methods: methods(),
        roles: roles(),
        models: vec![traditional_model(), synergetic_model()],
        timeline: timeline(),
        principles: principles(),
        datasets: vec![figure1()],
        plans: vec![],
        rounds: vec![],
    }
    .with_plan()
}

impl Workbook {
    /// Adds the paper's transition plan (traditional → synergetic), generated from the diff.
    fn with_plan(mut self) -> Workbook {
        let (Some(from), Some(to)) = (self.model("traditional"), self.model("synergetic")) else {
            return self;
        };
        let plan = super::plan::generate(&self, "plan-transition", from, to);
        self.plans.push(plan);
        self
    }
}

/// An empty workbook with the default role scale and one empty model.
pub fn blank(now: DateTime<Utc>) -> Workbook {
    Workbook {
        meta: meta("Untitled workbook", "", now),
        subjects: vec![],
        objects: vec![],
        methods: vec![],
        roles: roles(),
        models: vec![Model::empty("model-1".into(), t("Model 1", "模式 1"))],
        timeline: vec![],
        principles: vec![],
        datasets: vec![],
        plans: vec![],
        rounds: vec![],
    }
}

/// The fixed time stamped on committed example files, so they are reproducible.
pub fn example_time() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_225_600, 0).expect("2026-01-01 is a valid time")
}

/// The committed example files: `paper` (both models), `traditional`, `synergetic`, `blank`.
pub fn example(name: &str) -> Option<Workbook> {
    let now = example_time();
    let mut wb = paper(now);
    match name {
        "paper" => {}
        "traditional" => {
            wb.models.retain(|m| m.id == "traditional");
            wb.plans.clear();
            wb.meta.title = "Traditional multi-regulators model".into();
        }
        "synergetic" => {
            wb.models.retain(|m| m.id == "synergetic");
            wb.plans.clear();
            wb.meta.title = "One main power and three auxiliary participators".into();
        }
        "blank" => wb = blank(now),
        _ => return None,
    }
    Some(wb)
}
