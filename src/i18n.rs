//! Translation tables: every UI string in English and Simplified Chinese.
//!
//! Keys and both texts are declared together, so a missing translation does not compile.
//! Sentences with variable parts are templates with `{name}` slots, never concatenations,
//! so each language keeps its own word order.

use crate::core::analytics::{MetricId, Status};
use crate::core::commands::EntityKind;
use crate::core::diagram::Relation;
use crate::core::diff::CellField;
use crate::core::history::{Label, RoundAction, StepAction};
use crate::core::model::{Lang, Orientation, Priority, StepStatus, Tier};
use crate::core::network::EdgeStyle;

macro_rules! table {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A UI string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum K { $($key),* }

        impl K {
            /// Every key.
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self { $(K::$key => $en),* },
                    Lang::Zh => match self { $(K::$key => $zh),* },
                }
            }
        }
    };
}

table! {
    AppName => "cogovern", "cogovern";
    Tagline => "Synergetic cyberspace governance workbench", "网络空间协同治理工作台";
    Language => "Language", "语言";
    Views => "Views", "视图";
    TabMatrix => "Matrix", "矩阵";
    TabDiagram => "Diagram", "图示";
    TabAnalysis => "Analysis", "分析";
    TabCompare => "Compare", "比较";
    TabPlan => "Plan", "转型计划";
    TabTimeline => "Timeline", "时间线";
    TabData => "Data", "数据";
    Version => "Version {version}", "版本 {version}";
    Modified => "Last changed {date}", "最后修改于 {date}";
    Undo => "Undo", "撤销";
    Redo => "Redo", "重做";
    UndoWhat => "Undo: {what}", "撤销：{what}";
    RedoWhat => "Redo: {what}", "重做：{what}";
    NothingToUndo => "Nothing to undo", "没有可撤销的操作";
    NothingToRedo => "Nothing to redo", "没有可重做的操作";
    Model => "Model", "模式";
    Subject => "Subject", "主体";
    Object => "Object", "客体";
    Role => "Role", "角色";
    NoRole => "No role", "无角色";
    Methods => "Methods", "治理方式";
    Orientation => "Orientation", "取向";
    OrientationNone => "Not set", "未设定";
    OrientationOrder => "Order maintaining", "秩序维护";
    OrientationRights => "Rights protection", "权利保障";
    OrientationBoth => "Order and rights", "秩序与权利并重";
    Statements => "Responsibility statements (one per line)", "责任陈述（每行一条）";
    Note => "Note", "备注";
    Source => "Source in the paper:", "论文出处：";
    Close => "Close", "关闭";
    ClearCell => "Clear cell", "清空单元格";
    TierLeadership => "Leadership", "领导层";
    TierMain => "Main power", "主导力量";
    TierAuxiliary => "Auxiliary participators", "辅助参与者";
    TierAbsent => "Absent", "未参与";
    FamilyLaw => "Governance by law", "依法治网";
    FamilyMorals => "Governance by morals", "以德治网";
    MatrixCaption => "Responsibility matrix of {model}", "{model}的责任矩阵";
    MatrixHelp => "Arrow keys move, Page Up/Down by a screenful, Ctrl+Home/End to the first and last cell; Enter opens a cell, a digit or the role's letter sets the role, Delete clears, Escape closes.", "方向键移动，Page Up/Down 翻屏，Ctrl+Home/End 到首末单元格；回车打开单元格，数字或角色字母设定角色，Delete 清空，Esc 关闭。";
    FindCell => "Find a subject or object", "查找主体或客体";
    FindGo => "Go", "前往";
    FindNone => "No subject or object is named “{text}”.", "没有名为“{text}”的主体或客体。";
    NoMainWarning => "No main responsibility", "没有主要责任方";
    ManyMainWarning => "Several main responsibilities", "有多个主要责任方";
    CellEditorTitle => "{subject} × {object}", "{subject} × {object}";
    LegendTitle => "Role scale", "角色等级";
    EmptyMatrix => "This model has no subjects or objects yet.", "此模式尚无主体或客体。";
    LabelSetRole => "set {subject} × {object} to {role}", "将{subject} × {object}设为{role}";
    LabelClearRole => "clear the role of {subject} × {object}", "清除{subject} × {object}的角色";
    LabelClearCell => "clear {subject} × {object}", "清空{subject} × {object}";
    LabelEditCell => "edit {subject} × {object}", "编辑{subject} × {object}";
    LabelAdd => "add {kind} {name}", "添加{kind}“{name}”";
    LabelDelete => "delete {kind} {name}", "删除{kind}“{name}”";
    LabelReorder => "move {kind} {name}", "移动{kind}“{name}”";
    LabelEdit => "edit {kind} {name}", "编辑{kind}“{name}”";
    LabelTier => "set the tier of {subject} to {tier}", "将{subject}的层级设为{tier}";
    LabelMoveNode => "move {name} in the diagram", "在图中移动{name}";
    LabelLayout => "lay out the diagram", "重新布局图示";
    LabelNotes => "edit the model notes", "编辑模式备注";
    LabelMeta => "edit the workbook details", "编辑工作簿信息";
    LabelOpen => "open {title}", "打开“{title}”";
    CellAria => "{subject} × {object}: {role}", "{subject} × {object}：{role}";
    LawMark => "law", "法";
    MoralsMark => "morals", "德";
    MarkOrder => "O", "序";
    MarkRights => "R", "权";
    MarkBoth => "O+R", "序+权";
    Title => "Workbook title", "工作簿标题";
    LabelBatch => "{count} changes", "{count} 项更改";
    LabelStepAdd => "add the step “{title}”", "添加步骤“{title}”";
    LabelStepEdit => "edit the step “{title}”", "编辑步骤“{title}”";
    LabelStepDelete => "delete the step “{title}”", "删除步骤“{title}”";
    LabelStepMove => "move the step “{title}”", "移动步骤“{title}”";
    LabelCheck => "tick “{name}” in the checklist", "在清单中勾选“{name}”";
    LabelRoundAnswer => "answer a cell of “{name}”", "回答“{name}”的一个单元格";
    LabelRoundReason => "give a reason in “{name}”", "在“{name}”中填写理由";
    LabelRoundParticipant => "change your name in “{name}”", "修改在“{name}”中的姓名";
    LabelRoundMine => "start or discard your answer to “{name}”", "开始或放弃对“{name}”的回答";
    LabelRoundCollect => "collect answers to “{name}”", "收集“{name}”的回答";
    LabelRoundRemove => "remove an answer to “{name}”", "删除“{name}”的一份回答";
    LabelRoundExclude => "leave out or count an answer to “{name}”", "排除或计入“{name}”的一份回答";
    LabelRoundVote => "give dots in “{name}”", "在“{name}”中投点";
    LabelRoundDecide => "record a decision in “{name}”", "在“{name}”中记录决定";
    KindSubject => "subject", "主体";
    KindObject => "object", "客体";
    KindMethod => "method", "治理方式";
    KindRole => "role", "角色";
    KindModel => "model", "模式";
    KindStage => "stage", "阶段";
    KindPrinciple => "principle", "原则";
    KindDataset => "dataset", "数据集";
    KindPlan => "plan", "计划";
    KindRound => "workshop round", "研讨轮次";
    TabWorkshop => "Workshop", "研讨";
    Pasted => "pasted text", "粘贴的文本";
    ErrNoSuchRound => "This answer belongs to workshop round “{round}”, which is not in this workbook. Open the workbook that holds the round, then add the answer again.", "这份回答属于研讨轮次“{round}”，而本工作簿中没有该轮次。请先打开包含该轮次的工作簿，再添加回答。";
    NewRound => "Start a workshop round", "发起研讨轮次";
    NoRound => "No workshop round yet. Start one from a model above, or open a round file you were given (Open file…).", "还没有研讨轮次。可在上方基于某个模式发起，或打开收到的轮次文件（“打开文件…”）。";
    RoundTitle => "Title of the round", "轮次标题";
    RoundDefaultName => "Who should carry which responsibility?", "谁应承担哪项责任？";
    RoundPrompt => "The question put to the room", "向参与者提出的问题";
    RoundFromModel => "From model", "基于模式";
    RoundStartFromModel => "Answers start from the model's roles (otherwise blank)", "回答以该模式的角色为起点（否则为空白）";
    RoundAnonymous => "Anonymous answers (no names)", "匿名回答（不记姓名）";
    RoundSubjects => "Subjects asked about", "涉及的主体";
    RoundObjects => "Objects asked about", "涉及的客体";
    RoundRoles => "Roles to choose from", "可选的角色";
    RoundMake => "Start the round", "发起轮次";
    RoundNeedsChoices => "Choose at least one subject, one object and one role.", "请至少选择一个主体、一个客体和一个角色。";
    RoundDownload => "Download round file", "下载轮次文件";
    RoundCopy => "Copy round file", "复制轮次文件";
    RoundShareHelp => "Give the round file to each participant (chat, e-mail, USB stick). They open it in cogovern on their own phone or laptop, answer, and send back an answer file.", "把轮次文件发给每位参与者（聊天工具、电子邮件、U 盘）。他们在自己的手机或电脑上用 cogovern 打开、作答，然后发回回答文件。";
    MyAnswer => "Your answer", "你的回答";
    AnswerHelp => "Answer on this device: for each subject and object, choose who should carry which role.", "在本设备上作答：为每个主体和客体选择应承担的角色。";
    AnswerStart => "Start answering", "开始作答";
    YourName => "Your name or group", "你的姓名或小组";
    PreviousSubject => "← Previous subject", "← 上一个主体";
    NextSubject => "Next subject →", "下一个主体 →";
    AnsweredOf => "{done} of {total} cells answered", "已回答 {done} / {total} 个单元格";
    NotAnswered => "— not answered —", "— 未回答 —";
    Reason => "Reason (optional, one line)", "理由（可选，一行）";
    AnswerDownload => "Download answer file", "下载回答文件";
    AnswerCopy => "Copy answer as text", "以文本复制回答";
    AnswerDiscard => "Discard my answer", "放弃我的回答";
    Answers => "Collected answers", "已收集的回答";
    CollectHelp => "Add the answer files participants sent you (several at once), or paste answers copied as text. Each file gets a line in the report; nothing else changes.", "添加参与者发来的回答文件（可一次多个），或粘贴以文本复制的回答。每个文件在报告中有一行说明，其他内容不受影响。";
    CollectFiles => "Add answer files…", "添加回答文件…";
    CollectPaste => "Paste answers…", "粘贴回答…";
    CollectPasteLabel => "Answers copied as text (one or several)", "以文本复制的回答（一份或多份）";
    CollectGo => "Add these answers", "添加这些回答";
    CollectReport => "What happened to each file", "各文件的处理结果";
    CollectAdded => "added the answer of {name}", "已添加 {name} 的回答";
    CollectAddedMany => "{count} files: answer added", "{count} 个文件：已添加回答";
    CollectReplaced => "replaced the older answer of {name} with this newer one", "已用这份较新的回答替换 {name} 的旧回答";
    CollectOlder => "not added: an answer of {name} that is newer or as new is already collected", "未添加：已收集到 {name} 的一份更新或同样新的回答";
    CollectSame => "not added: this answer of {name} is already collected", "未添加：{name} 的这份回答已收集";
    CollectOtherRound => "not added: it answers another round (“{round}”)", "未添加：它回答的是另一个轮次（“{round}”）";
    CollectEdited => "not added: it answers this round's question as it was before it was edited", "未添加：它回答的是本轮问题被修改之前的版本";
    CollectDamaged => "not added: not a readable answer file ({error})", "未添加：不是可读取的回答文件（{error}）";
    CollectFull => "not added: the round holds the most answers it can", "未添加：本轮的回答数量已达上限";
    Anonymous => "anonymous", "匿名";
    AnonymousN => "Anonymous {n}", "匿名 {n}";
    NoAnswers => "No answers collected yet.", "尚未收集到回答。";
    AnswersCount => "{count} answers", "{count} 份回答";
    AnswersShowAll => "Show all {count} answers", "显示全部 {count} 份回答";
    Participant => "Participant", "参与者";
    Sent => "Sent", "发送时间";
    Counted => "Counted", "计入";
    CountAnswerOf => "Count the answer of {name}", "计入 {name} 的回答";
    RemoveAnswer => "Remove the answer of {name}", "删除 {name} 的回答";
    Agreement => "Agreement", "一致性";
    AnswersCounted => "Answers counted", "计入的回答";
    Alpha => "Krippendorff's alpha", "Krippendorff α 系数";
    AlphaShort => "α", "α";
    Kappa => "Fleiss' kappa", "Fleiss κ 系数";
    NotAvailable => "n/a", "不适用";
    AgreementHelp => "Alpha and kappa are 1 when everyone agrees and near 0 when answers agree no more than chance. Each cell shows the most chosen role, the share who chose it and how many answered; the darker the cell, the more the room is split.", "所有人一致时 α 与 κ 为 1，回答一致程度与随机无异时接近 0。每个单元格显示选择最多的角色、选择它的比例和回答人数；颜色越深，分歧越大。";
    HeatMap => "Disagreement heat map", "分歧热力图";
    HeatPicture => "The heat map as a picture, for slides (SVG, PNG)", "热力图图片，用于幻灯片（SVG、PNG）";
    HeatCellLabel => "{subject} × {object}: {modal}, {share}, {n} answered", "{subject} × {object}：{modal}，{share}，{n} 人回答";
    NoModal => "no single most chosen role", "没有唯一的最多选择";
    AnsweredBy => "{n} answered this cell.", "{n} 人回答了此单元格。";
    Discussed => "Discussed", "已讨论";
    DecisionLabel => "Decision", "决定";
    DiscussionQueue => "Discussion queue: the most disputed cells first", "讨论队列：分歧最大的单元格在前";
    QueueShowAll => "Show all {count} disputed cells", "显示全部 {count} 个有分歧的单元格";
    QueueEmpty => "No disputed cell: every cell with two or more answers is agreed.", "没有存在分歧的单元格：两人以上回答的单元格均一致。";
    NoAgreementFlag => "No agreement", "未达成一致";
    ConsensusTitle => "Consensus model", "共识模式";
    ConsensusHelp => "A new model whose cells take the most chosen role where at least the threshold share agrees; ties and cells under the threshold stay empty with a note. Edit it like any model, compare it or make a plan from it.", "新建一个模式：达到阈值比例的单元格取选择最多的角色；票数相同或低于阈值的单元格留空并附说明。可像其他模式一样编辑、比较或据此制定计划。";
    Threshold => "Agreement threshold", "一致性阈值";
    ConsensusBuild => "Build consensus model", "生成共识模式";
    ConsensusName => "Consensus: {round}", "共识：{round}";
    ConsensusMade => "Added the model “{name}”: {agreed} cells agreed, {flagged} flagged. It is now the current model in Matrix, Diagram and Analysis.", "已添加模式“{name}”：{agreed} 个单元格达成一致，{flagged} 个已标注。它现在是矩阵、图示和分析中的当前模式。";
    AgreementCsv => "Download agreement table (CSV)", "下载一致性表（CSV）";
    QueueMarkdown => "Download discussion queue (Markdown)", "下载讨论队列（Markdown）";
    AnswersN => "{n} answers", "{n} 份回答";
    Reasons => "Reasons", "理由";
    ReasonsN => "Reasons given ({n})", "给出的理由（{n}）";
    ModalRole => "Most chosen role", "选择最多的角色";
    Share => "Share", "比例";
    AnswersHead => "Answers", "回答数";
    File => "File", "文件";
    Import => "Open file…", "打开文件…";
    ImportPaste => "Paste JSON…", "粘贴 JSON…";
    ExportJson => "Download JSON", "下载 JSON";
    ExportCsv => "Download CSV", "下载 CSV";
    CopyJson => "Copy JSON", "复制 JSON";
    Copied => "JSON copied to the clipboard.", "JSON 已复制到剪贴板。";
    CopyFailed => "The browser did not allow copying; use Download JSON instead.", "浏览器不允许复制；请改用“下载 JSON”。";
    ImportFailedTitle => "This file cannot be opened", "无法打开此文件";
    ImportFailedKeep => "Your current workbook is unchanged.", "当前工作簿未作任何更改。";
    Opened => "Opened {title}. Undo returns to the previous workbook.", "已打开“{title}”。撤销可回到之前的工作簿。";
    OpenedWithWarnings => "{count} thing(s) to check, first {first}.", "有 {count} 处需要检查，第一处：{first}。";
    Migrated => "The file was upgraded from version {from}.", "文件已从版本 {from} 升级。";
    PasteTitle => "Paste a cogovern JSON file or share link", "粘贴 cogovern JSON 文件或分享链接";
    PasteOpen => "Open", "打开";
    Cancel => "Cancel", "取消";
    Dots => "Dots", "投点";
    DotsCount => "● {count} dots ({hands} by show of hands)", "● {count} 点（举手 {hands} 点）";
    DotLess => "One dot fewer by show of hands for “{name}”", "为“{name}”减少一个举手点";
    DotMore => "One dot more by show of hands for “{name}”", "为“{name}”增加一个举手点";
    VoteRanking => "Most dots", "得点最多的步骤";
    SortByVotes => "Order the steps by dots", "按得点排列步骤";
    VotePlan => "Also vote on the steps of a plan", "同时对转型计划的步骤投点";
    VoteNone => "No vote", "不投点";
    VoteDots => "Dots per participant", "每人点数";
    VoteTitle => "Your dots: spread {dots} over the steps ({left} left)", "您的投点：把 {dots} 个点分给各步骤（还剩 {left} 个）";
    VoteGive => "Give a dot to “{name}”", "给“{name}”投一个点";
    VoteTake => "Take a dot from “{name}”", "从“{name}”收回一个点";
    UpdateReady => "A new version of cogovern is ready; it opens with your work when you reload.", "cogovern 有新版本可用；重新加载后将带着您的工作打开。";
    UpdateReload => "Reload to update", "重新加载以更新";
    Present => "Present…", "演示…";
    PresentViews => "Views to show, in this order", "要演示的视图（按此顺序）";
    PresentHelp => "Arrow keys or Page Up / Page Down (a presenter remote) move between views; a click highlights a cell or node; Escape ends the presentation.", "方向键或上/下翻页键（演示遥控器）切换视图；单击可突出显示单元格或节点；按 Esc 结束演示。";
    PresentStart => "Start presenting", "开始演示";
    Presenting => "Presentation", "演示";
    PresentPrev => "Previous view", "上一个视图";
    PresentNext => "Next view", "下一个视图";
    PresentExit => "End presentation (Esc)", "结束演示（Esc）";
    RoomLoading => "Loading this view…", "正在加载此视图……";
    RoomFailed => "This view could not be loaded: the network is not reachable and it was not stored for offline use yet. Your work is safe; the matrix works.", "无法加载此视图：网络不可用，且尚未保存以供离线使用。您的工作是安全的；矩阵仍可使用。";
    RoomRetry => "Try again", "重试";
    SlideStructure => "Structure", "结构图";
    SlideNetwork => "Governance network", "治理网络";
    Timer => "Activity timer", "活动计时器";
    TimerMinutes => "Minutes", "分钟";
    TimerStart => "Start", "开始";
    TimerPause => "Pause", "暂停";
    TimerReset => "Reset", "重置";
    TimeUp => "Time is up", "时间到";
    ShareOpen => "Share…", "分享…";
    ShareTitle => "Share by link", "通过链接分享";
    ShareWhat => "What to share", "分享内容";
    ShareWorkbook => "The whole workbook", "整个工作簿";
    ShareModel => "Only the model “{name}”", "仅模式“{name}”";
    ShareRound => "Workshop round “{name}”", "研讨轮次“{name}”";
    ShareLink => "Link", "链接";
    ShareLength => "{count} characters", "共 {count} 个字符";
    ShareLong => "Chat apps and e-mail may cut a link this long. Send the file instead, or share one model.", "聊天软件和电子邮件可能截断这么长的链接。请改为发送文件，或只分享一个模式。";
    ShareHelp => "The link carries the data itself, after the # sign, which browsers never send to a server.", "链接本身携带数据（位于 # 号之后），浏览器不会把这部分发送给任何服务器。";
    ShareCopy => "Copy link", "复制链接";
    ShareFile => "Download the file instead", "改为下载文件";
    ShareQr => "QR code of the link", "链接的二维码";
    ShareQrCaption => "Scan with a phone camera to open it (QR version {version}).", "用手机相机扫描即可打开（二维码版本 {version}）。";
    ShareNoQr => "This link is too long for a QR code that scans reliably ({bytes} bytes; about {max} at most). Send the file instead, or share one model or a workshop round.", "此链接太长，无法生成可靠扫描的二维码（{bytes} 字节，上限约 {max}）。请改为发送文件，或只分享一个模式或一个研讨轮次。";
    ShareQrLarge => "Show the QR code large", "放大显示二维码";
    RoundShareLink => "Share link and QR code…", "分享链接和二维码…";
    LinkTitle => "Open a shared link", "打开分享链接";
    LinkWorkbook => "This link holds the workbook “{title}”: {models} models, {plans} plans, {rounds} workshop rounds.", "此链接包含工作簿“{title}”：{models} 个模式、{plans} 个转型计划、{rounds} 个研讨轮次。";
    LinkModels => "Models: {names}", "模式：{names}";
    LinkRound => "This link holds the workshop round “{name}”: {subjects} subjects × {objects} objects.", "此链接包含研讨轮次“{name}”：{subjects} 个主体 × {objects} 个客体。";
    LinkKeep => "Nothing changes until you choose. Your workbook “{title}” stays saved in this browser.", "在您作出选择之前不会有任何改变。您的工作簿“{title}”仍保存在此浏览器中。";
    LinkOpenNew => "Open as a new workbook", "作为新工作簿打开";
    LinkOpenNewHelp => "Opening replaces the workbook on screen; Undo brings yours back. To keep yours as a file, save it first.", "打开会替换屏幕上的工作簿；“撤销”可以找回您的工作簿。如需将其保存为文件，请先保存。";
    LinkSaveMine => "Save my workbook as a file", "将我的工作簿保存为文件";
    LinkAdd => "Add its models to this workbook", "把其中的模式加入当前工作簿";
    LinkAnswer => "Answer this round", "回答此轮次";
    LinkAdded => "Added {count} models from the link.", "已从链接加入 {count} 个模式。";
    LinkFailedTitle => "This link cannot be opened", "无法打开此链接";
    LinkErrNotALink => "This is not a cogovern share link.", "这不是 cogovern 分享链接。";
    LinkErrTooNew => "The link was made by a newer version of cogovern (link format {link}; this version reads up to {supported}). Open it with the newer version, or ask for the file.", "此链接由较新版本的 cogovern 生成（链接格式 {link}，本版本最高支持 {supported}）。请用新版本打开，或索取文件。";
    LinkErrTooLong => "The link has {chars} characters; at most {max} are read.", "此链接有 {chars} 个字符，最多只能读取 {max} 个。";
    LinkErrBadChar => "Character {position} of the link, “{found}”, cannot be part of a share link: the link was changed when it was copied.", "链接的第 {position} 个字符“{found}”不可能出现在分享链接中：链接在复制时被改动了。";
    LinkErrTruncated => "The link is incomplete: it was cut when it was copied or sent. Ask for the whole link, or for the file.", "链接不完整：在复制或发送时被截断了。请索取完整链接或文件。";
    LinkErrDamaged => "The link is damaged: its data does not unpack. Ask for the link again, or for the file.", "链接已损坏：其中的数据无法解压。请重新索取链接或文件。";
    LinkErrTooLarge => "The link unpacks to more than {limit} bytes, more than any workbook it could carry: it was not opened.", "此链接解压后超过 {limit} 字节，超出任何工作簿的大小，因此未被打开。";
    DropHint => "Drop a .cogovern.json file to open it", "拖放 .cogovern.json 文件即可打开";
    ErrEmpty => "The file is empty.", "文件为空。";
    ErrTooLarge => "The file has {bytes} bytes; at most {max} are accepted.", "文件有 {bytes} 字节；最多接受 {max} 字节。";
    ErrNotUtf8 => "Line {line}, column {column}: the file is not UTF-8 text.", "第 {line} 行第 {column} 列：文件不是 UTF-8 文本。";
    ErrSyntax => "Line {line}, column {column}: this is not valid JSON ({message}).", "第 {line} 行第 {column} 列：不是有效的 JSON（{message}）。";
    ErrNotWorkbook => "This is not a cogovern workbook: \"format\" must be \"cogovern.workbook\".", "这不是 cogovern 工作簿：\"format\" 必须为 \"cogovern.workbook\"。";
    ErrMissingVersion => "The file has no \"version\".", "文件缺少 \"version\"。";
    ErrBadVersion => "The version {version} is not a positive whole number.", "版本号 {version} 不是正整数。";
    ErrTooNew => "This file is version {file}, made by a newer cogovern; this one reads versions up to {supported}.", "此文件为版本 {file}，由更新的 cogovern 生成；本程序最多读取版本 {supported}。";
    ErrMigration => "The file could not be upgraded from version {from}: {message}", "无法从版本 {from} 升级文件：{message}";
    ErrType => "At {path}: {message}", "位置 {path}：{message}";
    ErrDuplicateKey => "At {path}: this key appears twice, so the file is ambiguous. Remove one of them.", "位置 {path}：此键出现了两次，文件含义不明确。请删除其中一个。";
    ErrInvalid => "The workbook has {count} problem(s):", "工作簿有 {count} 个问题：";
    StorageFailed => "Your changes could not be saved in this browser ({reason}). Download the workbook to keep them.", "无法在此浏览器中保存更改（{reason}）。请下载工作簿以免丢失。";
    StorageUnavailable => "storage unavailable", "存储不可用";
    StorageFull => "storage full", "存储空间已满";
    StorageVerify => "the saved copy did not read back", "保存后读回校验失败";
    Recovered => "The saved workbook could not be read, so the presets were loaded. The unreadable text is kept; download it to inspect or repair it.", "无法读取已保存的工作簿，已加载预设。无法读取的文本已保留，可下载后检查或修复。";
    DownloadRecovery => "Download unreadable text", "下载无法读取的文本";
    Dismiss => "Dismiss", "关闭提示";
    ConflictTitle => "This workbook was changed in another tab.", "此工作簿已在另一个标签页中被修改。";
    KeepMine => "Keep this tab's version", "保留本标签页的版本";
    TakeTheirs => "Load the other tab's version", "载入另一标签页的版本";
    VersionsOpen => "Saved versions…", "已保存的版本…";
    VersionsTitle => "Saved versions", "已保存的版本";
    VersionsHelp => "Autosave keeps the workbook as it was when you came back to it, and every five minutes while you work; the newest {keep} are kept in this browser. Restoring one is a single step that Undo takes back.", "自动保存会保留您回到此页面时的工作簿，并在工作时每五分钟保留一次；本浏览器中保留最近的 {keep} 个版本。恢复版本只是一个步骤，可以撤销。";
    VersionsNone => "No version is kept yet: the first is kept when you next change the workbook.", "尚未保留任何版本：下次修改工作簿时将保留第一个版本。";
    Restore => "Restore", "恢复";
    Download => "Download", "下载";
    RestoreVersion => "Restore the version of {when}", "恢复 {when} 的版本";
    DownloadVersion => "Download the version of {when}", "下载 {when} 的版本";
    Restored => "Restored the version of {when}. Undo returns to what you had.", "已恢复 {when} 的版本。撤销可回到之前的内容。";
    VersionGone => "That version is no longer in this browser's storage.", "该版本已不在本浏览器的存储中。";
    VersionDamaged => "That version could not be opened, so nothing was changed: {why}", "无法打开该版本，未做任何更改：{why}";
    JustNow => "just now", "刚刚";
    MinutesAgo => "{n} min ago", "{n} 分钟前";
    HoursAgo => "{n} h ago", "{n} 小时前";
    RelLeads => "leads", "领导";
    RelAssists => "assists", "协助";
    RelSupervises => "supervises", "监督";
    RelMain => "main responsibility for", "主要负责";
    ArrowLabel => "{from} {relation} {to} (on {count} object(s))", "{from}{relation}{to}（涉及 {count} 个客体）";
    Advantages => "Advantages:", "优势：";
    EdgeOther => "other role", "其他角色";
    EdgeLabel => "{subject} → {object}: {role}", "{subject} → {object}：{role}";
    NodeLabel => "{name} ({kind}, weighted responsibility {weight})", "{name}（{kind}，加权责任 {weight}）";
    NetworkCaption => "Who governs what: {model}", "谁治理什么：{model}";
    NetworkHelp => "Drag a node, or focus it with Tab and move it with the arrow keys; Enter opens it. Click a line to edit its cell. Zoom with the wheel or the buttons; drag the background to pan.", "拖动节点，或用 Tab 选中后用方向键移动；按 Enter 打开节点。点击连线可编辑对应单元格。用滚轮或按钮缩放，拖动背景可平移。";
    NetworkTools => "Network view", "网络视图";
    ZoomIn => "Zoom in", "放大";
    ZoomOut => "Zoom out", "缩小";
    ZoomFit => "Fit to view", "适应视图";
    AutoLayout => "Automatic layout", "自动布局";
    NodeCells => "Cells in this model (open one to edit it):", "本模式中的单元格（打开即可编辑）：";
    NodeNoCells => "No cells in this model.", "本模式中没有单元格。";
    Unpin => "Back to the automatic place", "恢复自动位置";
    ChecklistTitle => "Design requirements and characteristics", "设计要求与特征";
    ChecklistHelp => "Measured from the matrix where the data can tell; the group confirms each item by hand and notes why.", "能由矩阵数据判断的自动测量；每一项由小组手动确认并记录理由。";
    KindRequirement => "design requirement", "设计要求";
    KindCharacteristic => "characteristic", "特征";
    MeasuredMet => "Met according to the data ({metrics})", "数据显示已满足（{metrics}）";
    MeasuredNotMet => "Not met according to the data ({metrics})", "数据显示未满足（{metrics}）";
    NotMeasurable => "The data cannot tell: tick by hand", "数据无法判断：请手动勾选";
    LeadershipEvidence => "a subject of the leadership layer holds a leadership role", "领导层主体承担领导角色";
    ConfirmedByGroup => "Confirmed by the group", "小组已确认";
    GeneratePlan => "Generate a plan from two models", "由两个模式生成计划";
    GeneratePlanHelp => "One step for each difference, grouped by the subject who acts. You can then edit, reorder and add steps.", "每一处差异生成一个步骤，按行动主体分组。之后可以编辑、排序并添加步骤。";
    Generate => "Generate", "生成";
    MakePlan => "Make a transition plan from these two models", "由这两个模式制定转型计划";
    NoPlan => "No plan yet: generate one from two models.", "尚无计划：请由两个模式生成。";
    PlanFromTo => "From {from} to {to}", "从{from}到{to}";
    DeletedModel => "(a deleted model)", "（已删除的模式）";
    GeneralSteps => "General steps", "总体步骤";
    StepTitle => "Step", "步骤";
    Owner => "Owner", "负责人";
    OwnerHint => "who carries it out", "由谁执行";
    Priority => "Priority", "优先级";
    PriorityHigh => "high", "高";
    PriorityMedium => "medium", "中";
    PriorityLow => "low", "低";
    TargetDate => "Target date", "目标日期";
    StepStatusLabel => "Status", "状态";
    StatusPlanned => "planned", "计划中";
    StatusInProgress => "in progress", "进行中";
    StatusDone => "done", "已完成";
    StatusBlocked => "blocked", "受阻";
    Notes => "Notes", "备注";
    Unset => "—", "—";
    AddStep => "Add a step", "添加步骤";
    NewStep => "New step", "新步骤";
    ExportMarkdown => "Download Markdown", "下载 Markdown";
    PrintPlan => "Print (A4)", "打印（A4）";
    PrintModel => "Print this model (A4)", "打印本模式（A4）";
    PrintHelp => "The matrix, the structure and the network of this model, one A4 page each.", "本模式的矩阵、结构图与网络图，各占一页 A4。";
    PrintNow => "Print", "打印";
    DeletePlanWarning => "Delete {name} and its {count} step(s)? You can undo this.", "删除{name}及其 {count} 个步骤？此操作可撤销。";
    ExportSvg => "Download SVG", "下载 SVG";
    ExportPng => "Download PNG (2×)", "下载 PNG（2 倍）";
    Responsibilities => "Responsibilities:", "职责：";
    Stage => "Stage", "阶段";
    StartYear => "From", "起始年份";
    EndYear => "To (empty: still going)", "截止年份（空白表示至今）";
    OtherRegulatorsList => "Other regulators (separated by ;)", "其他监管主体（以 ; 分隔）";
    NextStep => "Next step:", "下一步：";
    LeadingBody => "Leading body", "牵头机构";
    Description => "Description", "说明";
    Period => "Period", "时间";
    Netizens => "Netizens (millions)", "网民规模（百万）";
    Penetration => "Internet penetration (%)", "互联网普及率（%）";
    Report => "Report", "报告";
    AddRow => "Add a row", "添加一行";
    DeleteRow => "Delete row {row}", "删除第 {row} 行";
    SourceLine => "Source:", "来源：";
    WorkbookPanel => "Workbook", "工作簿";
    Models => "Models", "模式";
    Subjects => "Subjects", "主体";
    Objects => "Objects", "客体";
    AddSubject => "Add a subject", "添加主体";
    AddObject => "Add an object", "添加客体";
    AddMethod => "Add a method", "添加治理方式";
    AddRole => "Add a role", "添加角色";
    Preset => "Preset", "预设";
    PresetSynergetic => "Synergetic model (paper)", "协同治理模式（论文）";
    PresetTraditional => "Traditional model (paper)", "传统模式（论文）";
    PresetBlank => "Empty model", "空白模式";
    AddModel => "Add model", "添加模式";
    ShowModel => "Show {name}", "显示{name}";
    Duplicate => "Duplicate", "复制";
    DuplicateNamed => "Duplicate {name}", "复制{name}";
    CopyOf => "Copy of {name}", "{name}（副本）";
    NameEn => "Name in English", "英文名称";
    NameZh => "Name in Chinese", "中文名称";
    Delete => "Delete", "删除";
    DeleteNamed => "Delete {name}", "删除{name}";
    DeleteWarning => "Delete {name}? {count} cell(s) of the matrix change or go. You can undo this.", "删除{name}？矩阵中将有 {count} 个单元格被修改或移除。此操作可撤销。";
    Letter => "Badge letter", "徽标字符";
    Family => "Family", "类别";
    Colour => "Colour", "颜色";
    MoveUp => "Move {name} up", "上移{name}";
    MoveDown => "Move {name} down", "下移{name}";
    Tier => "Tier in this model", "在此模式中的层级";
    RoleWeight => "Weight", "权重";
    FlagLeadership => "Leadership", "领导";
    FlagMain => "Main responsibility", "主要责任";
    FlagAuxiliary => "Auxiliary", "辅助";
    FlagSupervision => "Supervision", "监督";
    MetricName => "Metric", "指标";
    Before => "Before", "之前";
    After => "After", "之后";
    Delta => "Change", "变化";
    Target => "Target", "目标";
    Improved => "improved", "改善";
    NotImproved => "not improved", "未改善";
    Unchanged => "unchanged", "不变";
    ChangedCells => "{count} cells differ between the two models.", "两个模式之间有 {count} 个单元格不同。";
    CompareFrom => "From", "从";
    CompareTo => "To", "到";
    ChangesOnly => "Changes only", "仅显示变化";
    MetricsTitle => "Metrics", "指标";
    Addresses => "Answers the disadvantage", "针对的弊端";
    Reading => "Reading", "解读";
    StatusGood => "good", "良好";
    StatusFair => "fair", "一般";
    StatusPoor => "poor", "较差";
    DiffAdded => "added", "新增";
    DiffRemoved => "removed", "移除";
    DiffChanged => "changed", "变更";
    DiffMatrixTitle => "The matrix cell by cell, from one model to the other", "矩阵逐格对比：从一个模式到另一个模式";
    StatementsShort => "statements", "责任陈述";
    SourceShort => "source", "出处";
    ReadParticipation => "{value} of the subjects hold a role.", "{value}的主体承担了角色。";
    ReadConcentration => "Responsibility concentration is {value} (1 means one subject holds everything).", "责任集中度为 {value}（1 表示由一个主体承担全部责任）。";
    ReadGovernmentShare => "Governments hold {value} of the weighted responsibility.", "政府承担了 {value} 的加权责任。";
    ReadAccountability => "{value} of the objects have exactly one main responsibility.", "{value}的客体恰好有一个主要责任方。";
    ReadSynergy => "On average {value} subjects take part in governing each object.", "平均每个客体有 {value} 个主体参与治理。";
    ReadSupervision => "{value} of the main responsibilities are supervised by another subject.", "{value}的主要责任受到其他主体的监督。";
    ReadLawMorals => "{value} of the methods used are governance by morals.", "所用治理方式中 {value} 属于以德治网。";
    ReadOrderRights => "{value} of the oriented cells protect rights.", "有取向的单元格中 {value} 涉及权利保障。";
    MetricParticipation => "Participation", "参与度";
    MetricConcentration => "Concentration (Herfindahl)", "集中度（赫芬达尔指数）";
    MetricGovernmentShare => "Governments' share", "政府占比";
    MetricAccountability => "Accountability", "问责明确度";
    MetricSynergy => "Synergy (participants per object)", "协同度（每个客体的参与者）";
    MetricSupervision => "Supervision coverage", "监督覆盖率";
    MetricLawMorals => "Morals share of methods", "德治方式占比";
    MetricOrderRights => "Rights protection share", "权利保障占比";
}

/// A date and time in `lang`'s usual form, shifted by `offset_minutes` east of UTC (the
/// browser's time zone, passed in so this stays pure): "26 Nov 2026, 09:05" / "2026年11月26日 09:05".
pub fn date_time(t: chrono::DateTime<chrono::Utc>, offset_minutes: i32, lang: Lang) -> String {
    use chrono::{Datelike, Timelike};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let local = t + chrono::Duration::minutes(offset_minutes.into());
    let (y, m, d, hh, mm) = (
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
    );
    match lang {
        Lang::En => format!("{d} {} {y}, {hh:02}:{mm:02}", MONTHS[m as usize - 1]),
        Lang::Zh => format!("{y}年{m}月{d}日 {hh:02}:{mm:02}"),
    }
}

/// `YYYY-MM-DD` of `t` in UTC, for file names. Written out rather than with chrono's
/// `format("%Y-%m-%d")`, whose format-string machinery was 10 KB of the wasm for two file names.
pub fn iso_date(t: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// Fills `{name}` slots of a template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A key's string with its slots filled.
pub fn tr(lang: Lang, key: K, args: &[(&str, &str)]) -> String {
    fill(key.get(lang), args)
}

/// The label of a tier.
pub fn tier(t: Tier) -> K {
    match t {
        Tier::Leadership => K::TierLeadership,
        Tier::Main => K::TierMain,
        Tier::Auxiliary => K::TierAuxiliary,
        Tier::Absent => K::TierAbsent,
    }
}

/// The label of an orientation.
pub fn orientation(o: Option<Orientation>) -> K {
    match o {
        None => K::OrientationNone,
        Some(Orientation::Order) => K::OrientationOrder,
        Some(Orientation::Rights) => K::OrientationRights,
        Some(Orientation::Both) => K::OrientationBoth,
    }
}

/// The noun of an entity kind.
pub fn kind(k: EntityKind) -> K {
    match k {
        EntityKind::Subject => K::KindSubject,
        EntityKind::Object => K::KindObject,
        EntityKind::Method => K::KindMethod,
        EntityKind::Role => K::KindRole,
        EntityKind::Model => K::KindModel,
        EntityKind::Stage => K::KindStage,
        EntityKind::Principle => K::KindPrinciple,
        EntityKind::Dataset => K::KindDataset,
        EntityKind::Plan => K::KindPlan,
        EntityKind::Round => K::KindRound,
    }
}

/// The name of a metric.
pub fn metric(id: MetricId) -> K {
    match id {
        MetricId::Participation => K::MetricParticipation,
        MetricId::Concentration => K::MetricConcentration,
        MetricId::GovernmentShare => K::MetricGovernmentShare,
        MetricId::Accountability => K::MetricAccountability,
        MetricId::Synergy => K::MetricSynergy,
        MetricId::Supervision => K::MetricSupervision,
        MetricId::LawMorals => K::MetricLawMorals,
        MetricId::OrderRights => K::MetricOrderRights,
    }
}

/// The name of a status.
pub fn status(s: Status) -> K {
    match s {
        Status::Good => K::StatusGood,
        Status::Fair => K::StatusFair,
        Status::Poor => K::StatusPoor,
    }
}

/// A plain-language reading of a metric's value.
pub fn reading(id: MetricId, value: f64, lang: Lang) -> String {
    let pct = format!("{:.0}%", value * 100.0);
    let num = format!("{value:.2}");
    let (key, v) = match id {
        MetricId::Participation => (K::ReadParticipation, pct),
        MetricId::Concentration => (K::ReadConcentration, num),
        MetricId::GovernmentShare => (K::ReadGovernmentShare, pct),
        MetricId::Accountability => (K::ReadAccountability, pct),
        MetricId::Synergy => (K::ReadSynergy, format!("{value:.1}")),
        MetricId::Supervision => (K::ReadSupervision, pct),
        MetricId::LawMorals => (K::ReadLawMorals, pct),
        MetricId::OrderRights => (K::ReadOrderRights, pct),
    };
    tr(lang, key, &[("value", &v)])
}

/// The name of a field of a cell, as Compare lists changes.
pub fn cell_field(f: CellField) -> K {
    match f {
        CellField::Role => K::Role,
        CellField::Methods => K::Methods,
        CellField::Orientation => K::Orientation,
        CellField::Statements => K::StatementsShort,
        CellField::Note => K::Note,
        CellField::Source => K::SourceShort,
    }
}

/// The mark of an orientation in a matrix cell.
pub fn orientation_mark(o: Orientation) -> K {
    match o {
        Orientation::Order => K::MarkOrder,
        Orientation::Rights => K::MarkRights,
        Orientation::Both => K::MarkBoth,
    }
}

/// The name of a relation in the structure diagram.
pub fn relation(r: Relation) -> K {
    match r {
        Relation::Leads => K::RelLeads,
        Relation::Assists => K::RelAssists,
        Relation::Supervises => K::RelSupervises,
        Relation::Main => K::RelMain,
    }
}

/// The name of an edge style in the governance network.
pub fn edge_style(s: EdgeStyle) -> K {
    match s {
        EdgeStyle::Main => K::RelMain,
        EdgeStyle::Leads => K::RelLeads,
        EdgeStyle::Supervises => K::RelSupervises,
        EdgeStyle::Assists => K::RelAssists,
        EdgeStyle::Other => K::EdgeOther,
    }
}

/// Plan step priorities with their names, in the order they are offered.
pub const PRIORITIES: [(Priority, K); 3] = [
    (Priority::High, K::PriorityHigh),
    (Priority::Medium, K::PriorityMedium),
    (Priority::Low, K::PriorityLow),
];

/// Plan step statuses with their names, in the order they are offered.
pub const STEP_STATUSES: [(StepStatus, K); 4] = [
    (StepStatus::Planned, K::StatusPlanned),
    (StepStatus::InProgress, K::StatusInProgress),
    (StepStatus::Done, K::StatusDone),
    (StepStatus::Blocked, K::StatusBlocked),
];

/// A history label as a sentence ("set Netizens × Illegal speech to Supervises").
pub fn label(lang: Lang, l: &Label) -> String {
    match l {
        Label::SetRole {
            subject,
            object,
            role: Some(role),
        } => tr(
            lang,
            K::LabelSetRole,
            &[
                ("subject", subject.get(lang)),
                ("object", object.get(lang)),
                ("role", role.get(lang)),
            ],
        ),
        Label::SetRole {
            subject,
            object,
            role: None,
        } => tr(
            lang,
            K::LabelClearRole,
            &[("subject", subject.get(lang)), ("object", object.get(lang))],
        ),
        Label::ClearCell { subject, object } => tr(
            lang,
            K::LabelClearCell,
            &[("subject", subject.get(lang)), ("object", object.get(lang))],
        ),
        Label::EditCell { subject, object } => tr(
            lang,
            K::LabelEditCell,
            &[("subject", subject.get(lang)), ("object", object.get(lang))],
        ),
        Label::Add(k, name) => tr(
            lang,
            K::LabelAdd,
            &[("kind", kind(*k).get(lang)), ("name", name.get(lang))],
        ),
        Label::Delete(k, name) => tr(
            lang,
            K::LabelDelete,
            &[("kind", kind(*k).get(lang)), ("name", name.get(lang))],
        ),
        Label::Reorder(k, name) => tr(
            lang,
            K::LabelReorder,
            &[("kind", kind(*k).get(lang)), ("name", name.get(lang))],
        ),
        Label::Edit(k, name) => tr(
            lang,
            K::LabelEdit,
            &[("kind", kind(*k).get(lang)), ("name", name.get(lang))],
        ),
        Label::SetTier { subject, tier: t } => tr(
            lang,
            K::LabelTier,
            &[("subject", subject.get(lang)), ("tier", tier(*t).get(lang))],
        ),
        Label::MoveNode(name) => tr(lang, K::LabelMoveNode, &[("name", name.get(lang))]),
        Label::Layout => K::LabelLayout.get(lang).into(),
        Label::Notes => K::LabelNotes.get(lang).into(),
        Label::Meta => K::LabelMeta.get(lang).into(),
        Label::Open(title) => tr(lang, K::LabelOpen, &[("title", title)]),
        Label::Batch(n) => tr(lang, K::LabelBatch, &[("count", &n.to_string())]),
        Label::Step(action, title) => {
            let key = match action {
                StepAction::Add => K::LabelStepAdd,
                StepAction::Edit => K::LabelStepEdit,
                StepAction::Delete => K::LabelStepDelete,
                StepAction::Move => K::LabelStepMove,
            };
            tr(lang, key, &[("title", title.get(lang))])
        }
        Label::Check(name) => tr(lang, K::LabelCheck, &[("name", name.get(lang))]),
        Label::Round(action, name) => {
            let key = match action {
                RoundAction::Answer => K::LabelRoundAnswer,
                RoundAction::Reason => K::LabelRoundReason,
                RoundAction::Participant => K::LabelRoundParticipant,
                RoundAction::Mine => K::LabelRoundMine,
                RoundAction::Collect => K::LabelRoundCollect,
                RoundAction::Remove => K::LabelRoundRemove,
                RoundAction::Exclude => K::LabelRoundExclude,
                RoundAction::Decide => K::LabelRoundDecide,
                RoundAction::Vote => K::LabelRoundVote,
            };
            tr(lang, key, &[("name", name.get(lang))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn without_slots(s: &str) -> String {
        s.split('{')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('}').map_or(part, |x| x.1)
                }
            })
            .collect()
    }

    fn slots(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|x| x.split('}').next())
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn both_languages_have_the_same_slots_and_chinese_is_translated() {
        for k in K::ALL {
            let (en, zh) = (k.get(Lang::En), k.get(Lang::Zh));
            assert_eq!(slots(en), slots(zh), "{k:?}");
            assert!(!zh.trim().is_empty(), "{k:?}");
            // Words outside the {slots} must be translated; names and symbols need not be.
            let has_letters = without_slots(en).chars().any(|c| c.is_ascii_alphabetic());
            let named = matches!(k, K::AppName);
            if has_letters && !named {
                assert!(
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{k:?} has no Chinese: {zh}"
                );
            }
        }
    }

    #[test]
    fn dates_follow_the_locale_and_time_zone() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-26T23:30:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(date_time(t, 0, Lang::En), "26 Nov 2026, 23:30");
        assert_eq!(date_time(t, 480, Lang::Zh), "2026年11月27日 07:30");
        assert_eq!(date_time(t, -300, Lang::En), "26 Nov 2026, 18:30");
    }

    #[test]
    fn iso_dates_are_as_chrono_formats_them() {
        for ms in [
            0_i64,
            1_767_225_600_000,
            1_798_761_599_999,
            4_102_444_800_000,
        ] {
            let t = chrono::DateTime::from_timestamp_millis(ms).unwrap();
            assert_eq!(iso_date(t), t.format("%Y-%m-%d").to_string());
        }
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-05T23:30:00Z").unwrap();
        assert_eq!(iso_date(t.to_utc()), "2026-03-05");
    }

    #[test]
    fn labels_keep_word_order_per_language() {
        let l = Label::SetRole {
            subject: crate::core::model::Text::new("Netizens", "网民"),
            object: crate::core::model::Text::new("Illegal speech", "网络违法言行"),
            role: Some(crate::core::model::Text::new("Supervises", "监督")),
        };
        assert_eq!(
            label(Lang::En, &l),
            "set Netizens × Illegal speech to Supervises"
        );
        assert_eq!(label(Lang::Zh, &l), "将网民 × 网络违法言行设为监督");
    }
}
