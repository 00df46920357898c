//! The heuristic rules, as data: keywords of labels and placeholders, tokens of `name`/`id`
//! attributes, and the whole labels that are too short to be keywords.
//!
//! Each rule names what its words point at (`Target`) and the locale they come from. Within
//! a text the longest keyword wins (户籍所在地址 beats 地址, 户主姓名 beats 户主 and 姓名);
//! order matters only between rules whose keywords are the same text, where the earlier rule
//! is the more specific. Two keywords that do not overlap and point at different elements
//! make the field ambiguous. A role word (法定代表人, 联系人) and an element word (姓名) combine:
//! 法定代表人姓名 is the legal representative's `person.name`.
//!
//! Sources: the labels of the forms in the reference (SAMR 登记文书, 人社 参保登记表, 公安
//! 申领登记表, 不动产 申请书, 出生一件事), the national 人社 indicator codes, the pinyin
//! initials portals use for names, Taiwan's forms for zh-TW, and Chromium's and Firefox's
//! English address and contact patterns.

use crate::core::dictionary::Key;
pub use crate::core::role::Role;

/// The locale a rule's words come from (for review and for maintainers; matching ignores it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Locale {
    /// 简体中文 (mainland forms).
    ZhCn,
    /// 繁體中文 as written in Taiwan.
    ZhTw,
    /// English.
    En,
    /// Pinyin initials in `name`/`id` attributes (xm, sfzh).
    Pinyin,
    /// The national 人社 information-system indicator codes (aac003).
    Hrss,
}

/// What a keyword points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// An element of the dictionary.
    Key(Key),
    /// A period asked for as one label (有效期限): the first of two fields is its start, the
    /// second its end.
    Range(Key, Key),
    /// An element that belongs to a person or, on a firm's form, to the firm: 住所 is a
    /// person's registered address or the firm's domicile. `None`: not an element of persons.
    Either(Option<Key>, Key),
    /// Somebody other than the applicant.
    Role(Role),
    /// Explicitly the applicant (申请人, 本人, 参保人): a neutral word, and it ends a role
    /// inherited from an enclosing heading.
    Applicant,
    /// A known thing the dictionary does not hold (a username, Taiwan's ID number).
    Unheld(&'static str),
    /// Never filled automatically.
    Never(&'static str),
}

/// A rule: words and what they point at.
pub(crate) struct Rule {
    pub target: Target,
    #[allow(dead_code)] // documentation for maintainers; matching ignores it
    pub locale: Locale,
    pub words: &'static [&'static str],
}

const fn rule(target: Target, locale: Locale, words: &'static [&'static str]) -> Rule {
    Rule {
        target,
        locale,
        words,
    }
}

use Key as D;
use Locale::{En, Hrss, Pinyin, ZhCn, ZhTw};
use Target::{Applicant, Either, Key as K, Never, Range, Role as R, Unheld};

/// Keywords of labels and placeholders.
pub(crate) const LABEL_RULES: &[Rule] = &[
    // --- Never filled: first, so that 短信验证码 or 支付密码 is refused whatever else it says.
    rule(
        Never("captcha"),
        ZhCn,
        &["验证码", "校验码", "图形码", "动态码", "短信码", "附加码"],
    ),
    rule(Never("captcha"), ZhTw, &["驗證碼", "檢查碼"]),
    rule(
        Never("captcha"),
        En,
        &["captcha", "verification code", "one-time code"],
    ),
    rule(Never("password"), ZhCn, &["密码", "口令"]),
    rule(Never("password"), ZhTw, &["密碼"]),
    rule(Never("password"), En, &["password", "passcode", "pin code"]),
    // Payment cards: a checkout's card, never a bank account for a benefit (银行卡号 below).
    rule(
        Never("payment-card"),
        ZhCn,
        &["信用卡", "卡验证码", "安全码", "cvv", "cvn"],
    ),
    rule(
        Never("payment-card"),
        ZhTw,
        &["信用卡", "卡片號碼", "安全碼"],
    ),
    rule(
        Never("payment-card"),
        En,
        &[
            "card number",
            "credit card",
            "debit card",
            "cvc",
            "csc",
            "card verification",
            "security code",
            "name on card",
            "cardholder",
            "card holder",
            "expiration date",
            "card expiry",
        ],
    ),
    rule(Never("signature"), ZhCn, &["签名", "签字", "签章", "盖章"]),
    rule(Never("signature"), En, &["signature"]),
    // --- People other than the applicant. Longer words first where they contain shorter ones
    // of another role (财务负责人 ⊃ 负责人, 紧急联系人 ⊃ 联系人, 委托代理人 ⊃ 代理人).
    rule(
        R(Role::FinanceOfficer),
        ZhCn,
        &["财务负责人", "财务人员", "财务联系人"],
    ),
    rule(
        R(Role::FinanceOfficer),
        En,
        &["finance officer", "chief financial officer"],
    ),
    rule(
        R(Role::LegalRep),
        ZhCn,
        &[
            "法定代表人",
            "法人代表",
            "负责人",
            "执行事务合伙人",
            "法定代表人（负责人）",
        ],
    ),
    rule(R(Role::LegalRep), ZhTw, &["負責人", "代表人"]),
    rule(
        R(Role::LegalRep),
        En,
        &["legal representative", "legal rep"],
    ),
    rule(R(Role::Liaison), ZhCn, &["联络员", "登记联络员"]),
    rule(R(Role::Liaison), En, &["liaison"]),
    rule(
        R(Role::Agent),
        ZhCn,
        &[
            "经办人",
            "代办人",
            "代理人",
            "委托代理人",
            "受托人",
            "被委托人",
            "被授权人",
            "办理人",
            "指定代表",
            "办税人",
            "办税员",
            "专管员",
            // Who applies on another's behalf (委托代理申请人): longer than 申请人.
            "代理申请人",
        ],
    ),
    rule(
        R(Role::Agent),
        ZhTw,
        &["代理人", "受任人", "經辦人", "受託人"],
    ),
    rule(
        R(Role::Agent),
        En,
        &[
            "agent",
            "authorised representative",
            "authorized representative",
            "proxy",
        ],
    ),
    rule(
        R(Role::Shareholder),
        ZhCn,
        &["股东", "发起人", "出资人", "投资人"],
    ),
    rule(R(Role::Shareholder), ZhTw, &["股東"]),
    rule(R(Role::Shareholder), En, &["shareholder"]),
    rule(
        R(Role::Director),
        ZhCn,
        &["董事", "监事", "经理", "董事长", "执行董事"],
    ),
    rule(R(Role::Director), En, &["director"]),
    rule(R(Role::Contact), ZhCn, &["联系人", "紧急联系人", "联络人"]),
    rule(R(Role::Contact), ZhTw, &["聯絡人", "緊急聯絡人"]),
    rule(
        R(Role::Contact),
        En,
        &["contact person", "emergency contact", "next of kin"],
    ),
    rule(R(Role::Guardian), ZhCn, &["监护人"]),
    rule(R(Role::Guardian), ZhTw, &["監護人", "法定代理人"]),
    rule(R(Role::Guardian), En, &["guardian"]),
    rule(R(Role::Father), ZhCn, &["父亲"]),
    rule(R(Role::Father), ZhTw, &["父親"]),
    rule(R(Role::Father), En, &["father"]),
    rule(R(Role::Mother), ZhCn, &["母亲", "产妇"]),
    rule(R(Role::Mother), ZhTw, &["母親"]),
    rule(R(Role::Mother), En, &["mother"]),
    rule(R(Role::Spouse), ZhCn, &["配偶", "丈夫", "妻子"]),
    // The two of a couple on marriage and birth forms: which is the owner the profile tells
    // by sex.
    rule(R(Role::MaleParty), ZhCn, &["男方"]),
    rule(R(Role::FemaleParty), ZhCn, &["女方"]),
    rule(R(Role::MaleParty), ZhTw, &["男方"]),
    rule(R(Role::FemaleParty), ZhTw, &["女方"]),
    rule(R(Role::Spouse), En, &["spouse", "partner"]),
    rule(R(Role::Householder), ZhCn, &["户主"]),
    rule(R(Role::Householder), ZhTw, &["戶長"]),
    rule(R(Role::Householder), En, &["head of household"]),
    // A pupil is a child whose guardian applies (入学报名); a student applying in person is
    // refused rather than mistaken.
    rule(
        R(Role::Child),
        ZhCn,
        &["子女", "新生儿", "婴儿", "儿童", "幼儿", "学生", "被监护人"],
    ),
    rule(R(Role::Child), ZhTw, &["兒童", "幼兒", "新生兒", "子女"]),
    rule(R(Role::Child), En, &["child", "newborn"]),
    rule(
        R(Role::Member),
        ZhCn,
        &[
            "家庭成员",
            "共同申请人",
            "同住人",
            "随迁人员",
            "随迁人",
            "同迁人员",
        ],
    ),
    rule(R(Role::Member), En, &["household member", "co-applicant"]),
    rule(R(Role::Obligor), ZhCn, &["义务人"]),
    // Third parties a form names beside the applicant (a neighbour whose consent a homestead
    // needs, a landlord, the other heirs): somebody the profile does not hold.
    rule(
        R(Role::Other),
        ZhCn,
        &[
            "相邻权利人",
            "相邻人",
            "出租人",
            "房东",
            "其他继承人",
            // The side that gives up land or a house to the one who acquires it (契税: 转让方),
            // and those who acquire it with the applicant (共同承受人).
            "转让方",
            "出卖人",
            "共同承受人",
            "共同买受人",
        ],
    ),
    // The creditor a property is mortgaged to (抵押权人, in practice a bank): the owner is the
    // 抵押人, who mortgages his own property.
    rule(R(Role::Other), ZhCn, &["抵押权人"]),
    // A vehicle's former owner on a transfer (原机动车所有人): the seller, not the owner.
    rule(R(Role::Other), ZhCn, &["原机动车所有人", "原所有人"]),
    // The head of one function of a firm (质量负责人, 安全管理负责人) or its manager beside its
    // legal representative (企业负责人 on a licence filing): an officer the profile does not
    // hold, not the 负责人 who is the legal representative. Longer than 负责人, so they win.
    rule(
        R(Role::Other),
        ZhCn,
        &[
            "企业负责人",
            "质量负责人",
            "质量管理负责人",
            "安全负责人",
            "安全管理负责人",
            "安全生产负责人",
            "安全生产管理负责人",
            "技术负责人",
            "项目负责人",
            "生产负责人",
        ],
    ),
    // The child an adoption is for and whoever gives it up (a welfare institution, a birth
    // parent): the owner is the adopter, and neither is in the profile yet.
    rule(R(Role::Other), ZhCn, &["被收养人", "送养人"]),
    // The relative a donor's claim is for (用血者 on a blood donor's refund): somebody the
    // profile does not hold, never the applicant.
    rule(R(Role::Other), ZhCn, &["用血者", "用血人"]),
    // The other side of a claim or complaint (行政复议, 劳动仲裁, 投诉, 举报) and a third party
    // to it: a body or a person the applicant acts against, never the owner or the owner's
    // firm. (Not 对方当事人: on a marriage form that is the spouse.)
    rule(
        R(Role::Other),
        ZhCn,
        &[
            "被申请人",
            "被申请方",
            "被申请单位",
            "被投诉人",
            "被投诉方",
            "被投诉单位",
            "被举报人",
            "被举报方",
            "被举报单位",
            "被诉人",
            "被申诉人",
            "被告",
            "第三人",
        ],
    ),
    rule(R(Role::Recipient), ZhCn, &["收件人", "收货人", "收件"]),
    rule(R(Role::Recipient), ZhTw, &["收件人"]),
    rule(R(Role::Recipient), En, &["recipient"]),
    rule(
        R(Role::Deceased),
        ZhCn,
        &["死者", "死亡人员", "逝者", "被继承人", "去世人员"],
    ),
    rule(R(Role::Deceased), En, &["deceased"]),
    // The applicant, named: neutral, and it ends a role inherited from a heading.
    rule(
        Applicant,
        ZhCn,
        &[
            "申请人",
            "参保人",
            "本人",
            "经营者",
            "投保人",
            "申报人",
            "纳税人",
            "纳税义务人",
            "当事人",
            "持证人",
            "委托人",
            "登记人",
            "被保险人",
            "权利人",
            "求职者",
            "申领人",
            "抵押人",
            // Whose personnel file a service keeps (流动人员人事档案 存档人).
            "存档人",
            // Who authorises others to use what is his (家庭共济: 授权人, the insured worker).
            "授权人",
            // The vehicle's owner applying for its registration (现机动车所有人).
            "机动车所有人",
            "现机动车所有人",
            "现所有人",
            // The side that acquires land or a house and pays its deed tax (契税: 承受方), as
            // 权利人 is the side that acquires a right.
            "承受方",
            "承受人",
            "买受人",
        ],
    ),
    rule(
        Applicant,
        ZhTw,
        &["申請人", "本人", "當事人", "納稅義務人", "納稅人"],
    ),
    rule(Applicant, En, &["applicant", "your", "personal"]),
    // --- Things the dictionary does not hold, named so they are not mistaken for one it does.
    rule(
        Unheld("用户名"),
        ZhCn,
        &["用户名", "账号", "帐号", "登录名", "用户账号"],
    ),
    rule(
        Unheld("显示名"),
        En,
        &[
            "name on badge",
            "badge name",
            "display name",
            "nickname",
            "preferred name",
        ],
    ),
    rule(
        Unheld("用户名"),
        En,
        &["username", "user name", "login", "user id"],
    ),
    rule(Unheld("用户名"), ZhTw, &["帳號", "使用者名稱"]),
    rule(
        Unheld("姓/名"),
        En,
        &[
            "first name",
            "given name",
            "last name",
            "surname",
            "family name",
            "middle name",
            "given names",
        ],
    ),
    rule(Unheld("姓/名"), ZhCn, &["姓氏"]),
    // A firm's name or an address in a foreign language: the profile holds them in Chinese.
    rule(
        Unheld("外文名称或地址"),
        ZhCn,
        &[
            "英文名称",
            "外文名称",
            "英文地址",
            "外文地址",
            "英文住所",
            "外文住所",
        ],
    ),
    // Where something happened (事发地点, 事故发生地详细地址): a fact of a case, not an address
    // of anybody's.
    rule(
        Unheld("事发地"),
        ZhCn,
        &[
            "事发地",
            "事发地点",
            "事发地址",
            "事故地点",
            "事故发生地",
            "事故发生地点",
            "案发地",
            "案发地点",
            "发生地点",
        ],
    ),
    // An occupational disease (职业病名称) is a fact of a case, not the person's occupation.
    rule(
        Unheld("职业病"),
        ZhCn,
        &["职业病", "职业病名称", "职业病危害"],
    ),
    // Taiwan's own documents: not a mainland 公民身份号码 (GB 11643).
    rule(
        Unheld("中华民国国民身分证"),
        ZhTw,
        &[
            "身分證字號",
            "身分證號碼",
            "身分證號",
            "身分證",
            "身分證統一編號",
            "統一證號",
            "居留證號",
            "身份證號碼",
            "身份證字號",
        ],
    ),
    rule(Unheld("统一编号"), ZhTw, &["統一編號", "統編"]),
    // Hong Kong's and Macao's identity cards, and other countries' numbers.
    rule(
        Unheld("境外身份证件"),
        En,
        &[
            "hkid",
            "hkid card number",
            "hong kong identity card",
            "national insurance number",
            "social security number",
            "ssn",
        ],
    ),
    rule(
        Unheld("国家/地区"),
        ZhCn,
        &["国家", "国家或地区", "国家/地区", "国家地区"],
    ),
    rule(Unheld("国家/地区"), ZhTw, &["國家"]),
    rule(Unheld("国家/地区"), En, &["country", "country/region"]),
    rule(
        Unheld("出生地"),
        ZhCn,
        &["出生地", "出生地点", "籍贯", "出生地址"],
    ),
    rule(Unheld("出生地"), ZhTw, &["出生地", "籍貫"]),
    rule(Unheld("出生地"), En, &["place of birth", "birthplace"]),
    rule(Unheld("年龄"), ZhCn, &["年龄", "周岁"]),
    // Where somebody moves to: not an address the profile holds.
    rule(
        Unheld("迁入地址"),
        ZhCn,
        &[
            "落户地址",
            "迁入地址",
            "迁往地址",
            "拟迁入地址",
            "迁出地址",
            "坐落",
            "房屋坐落",
        ],
    ),
    rule(Unheld("年龄"), En, &["age"]),
    // A place the person is going to or chooses (就医地, 目的地): not an address they hold.
    rule(
        Unheld("去往的地方"),
        ZhCn,
        &[
            "就医地",
            "就诊地",
            "转诊地",
            "目的地",
            "前往地",
            "拟前往",
            "旅行地",
            "派驻地",
            "工作所在地",
            // Where a physician, lawyer or the like practises: the institution's place.
            "执业地点",
            "执业地址",
        ],
    ),
    // A school, kindergarten or hospital the person names: not an element the profile holds
    // (and never the person's own name, whatever the field's `name` says).
    rule(
        Unheld("学校或机构"),
        ZhCn,
        &[
            "幼儿园",
            "就读学校",
            "所在学校",
            "学校名称",
            "毕业学校",
            "就诊医院",
            "定点医院",
            "医院名称",
            "医疗机构",
            "执业机构",
            "机构地址",
            // A school's or hospital's phone (免疫医院电话): the institution's, not the person's.
            "医院电话",
            "医院联系电话",
            "学校电话",
            "学校联系电话",
        ],
    ),
    // An institution's phone: on a person's form the institution he names (a hospital he
    // will practise at), not held; on a firm's form (an organisation applying) its own line.
    rule(
        Either(None, D::ContactLandline),
        ZhCn,
        &["机构联系电话", "机构电话"],
    ),
    rule(
        Unheld("去往的地方"),
        En,
        &["destination", "place of treatment"],
    ),
    rule(
        Unheld("个人情况"),
        ZhCn,
        &[
            "身高",
            "体重",
            "血型",
            "宗教信仰",
            "健康状况",
            "毕业院校",
            "毕业学校",
            "所学专业",
            "专业",
            "特长",
            "备注",
            "个人简历",
            "参加工作时间",
            "参加工作日期",
            "工作年限",
        ],
    ),
    // A professional title (职称: 工程师, 主治医师): not a post in a firm (职务), not held.
    rule(
        Unheld("职称"),
        ZhCn,
        &["职称", "专业技术职称", "技术职称", "专业技术职务"],
    ),
    rule(
        Unheld("地址行"),
        En,
        &[
            "address line 1",
            "address line 2",
            "address line",
            "apartment",
            "suite",
        ],
    ),
    rule(
        Unheld("网址"),
        En,
        &["website", "web site", "homepage", "url"],
    ),
    rule(Unheld("网址"), ZhCn, &["网址", "网站"]),
    // The new values of a change (变更登记): never the profile's current ones.
    rule(
        Unheld("变更后的内容"),
        ZhCn,
        &[
            "申请变更登记内容",
            "变更后",
            "变更后内容",
            "拟变更",
            "变更为",
            "变更内容",
            "原登记内容",
            "变更前",
        ],
    ),
    // The office's own fields (who receives the application, where, the clerk): never the
    // citizen's, whatever else the label names (受理乡镇 is not the person's township).
    rule(
        Unheld("受理机构"),
        ZhCn,
        &[
            "受理",
            "经办机构",
            "经办窗口",
            "办理窗口",
            "服务窗口",
            "受理窗口",
            "协办员",
            "村委会经办人",
            "居委会经办人",
            "社区经办人",
            "领卡网点",
            "办理网点",
            "备案机关",
            "备案登记机关",
            "许可机关",
            "审批机关",
            "登记单位",
            // A committee's opinion on the application (居（村）委会意见): the committee's own
            // field, not the village of an address.
            "委会意见",
            "村委会意见",
            "居委会意见",
            "社区意见",
        ],
    ),
    // The size of premises or of a house (经营场所面积, 建筑面积): a fact of the case, not an
    // address (经营场所面积 is not the operating address).
    rule(
        Unheld("面积"),
        ZhCn,
        &[
            "面积",
            "建筑面积",
            "使用面积",
            "经营面积",
            "场所面积",
            "经营场所面积",
        ],
    ),
    // Where documents are served or a parcel goes (送达地址, 收件地址): not the residence unless
    // the form says they are the same.
    rule(
        Unheld("送达或收件地址"),
        ZhCn,
        &[
            "送达地址",
            "文书送达地址",
            "收件地址",
            "收件人地址",
            "收货地址",
            "寄送地址",
            // Longer than 详细地址: a delivery address in detail is still a delivery address.
            "收件详细地址",
            "收件人详细地址",
            "收货详细地址",
            "送达详细地址",
            "寄送详细地址",
        ],
    ),
    // Whom the office notifies (不动产 通知人): the form does not say who it is.
    rule(Unheld("通知人"), ZhCn, &["通知人"]),
    // A record's old value on a transfer (原不动产权证书号): the current holder's, who is not
    // the applicant.
    rule(
        Unheld("原登记的证书"),
        ZhCn,
        &[
            "原不动产权证书号",
            "原不动产权证号",
            "原不动产证号",
            "原权证号",
            "原证书号",
            "原房产证号",
        ],
    ),
    // The employer a person has left (失业, 转移: 原工作单位名称): not the profile's employer.
    rule(
        Unheld("原工作单位"),
        ZhCn,
        &[
            "原工作单位",
            "原工作单位名称",
            "原单位",
            "原单位名称",
            "原用人单位",
            // Where he was insured before a transfer (原参保单位名称).
            "原参保单位",
            "原参保单位名称",
            // Where he paid into a housing fund before a transfer (原缴存单位名称).
            "原缴存单位",
            "原缴存单位名称",
        ],
    ),
    // The kind of insurance a person is covered by (参保类型, 险种): not held.
    rule(
        Unheld("参保类型"),
        ZhCn,
        &["参保类型", "参保险种", "险种", "险种类型", "医保类型"],
    ),
    // A body a document goes to or a service comes from (证明接收单位, 刻制企业): neither the
    // applicant's employer nor the applicant's firm.
    rule(
        Unheld("接收或承办单位"),
        ZhCn,
        &[
            "接收单位",
            "接收单位名称",
            "证明接收单位",
            "证明接收单位名称",
            "刻制企业",
            "刻制企业名称",
            "刻制单位",
            "刻章企业",
            "刻章单位",
            // The shop a thing was bought from (销售单位名称 of a vehicle): longer than
            // 单位名称 and 单位电话, so neither the employer nor the owner's landline.
            "销售单位",
            "销售单位名称",
            "销售单位电话",
            "销售单位联系电话",
            "销售单位地址",
            "销售商",
            "经销商",
            "经销单位",
        ],
    ),
    // A kind of work a certificate or a post names (工种, 职业（工种）): not the occupation the
    // profile holds; beside 职业 the field is refused, not guessed.
    rule(Unheld("工种"), ZhCn, &["工种"]),
    // The places a record moves between (转出地, 转入地: the offices' regions on a transfer
    // of insurance): not an address of the person's.
    rule(
        Unheld("转移的地方"),
        ZhCn,
        &["转出地", "转入地", "转出地区", "转入地区"],
    ),
    // A count of people (家庭成员人数) is not a person's detail.
    rule(
        Unheld("人数"),
        ZhCn,
        &[
            "人数",
            "人口数",
            "家庭人口",
            "参保职工人数",
            "参保人数",
            "缴费人数",
        ],
    ),
    rule(
        Unheld("项目"),
        ZhCn,
        &[
            "缴费档次",
            "缴费基数",
            "申请事项",
            "办理事项",
            "变更事项",
            "申请原因",
            "事项名称",
            "项目名称",
            "金额",
        ],
    ),
    // --- Elements of the dictionary. Person.
    rule(
        K(D::PersonIdNumber),
        ZhCn,
        &[
            "公民身份号码",
            "公民身份证号码",
            "居民身份证号码",
            "身份证号码",
            "身份证号",
            "身份证件号码",
            "身份证件号",
            "身份号码",
            "证件号码",
            "证件号",
            "身份证",
            "证照号码",
            // 交管 forms: 身份证明名称 and 身份证明号码.
            "身份证明号码",
        ],
    ),
    rule(
        K(D::PersonIdNumber),
        En,
        &[
            "id number",
            "id card number",
            "id no",
            "identity card number",
            "identity number",
            "resident id",
            "national id",
            "document number",
        ],
    ),
    rule(
        K(D::PersonIdType),
        ZhCn,
        &[
            "证件类型",
            "证件种类",
            "证件名称",
            "身份证件类型",
            "身份证件种类",
            "证照类型",
            "身份证明名称",
        ],
    ),
    rule(
        K(D::PersonIdType),
        ZhTw,
        &["證件類別", "證件類型", "證件種類"],
    ),
    rule(
        K(D::PersonIdType),
        En,
        &[
            "id type",
            "document type",
            "type of id",
            "identity document type",
        ],
    ),
    rule(
        K(D::PersonSsNumber),
        ZhCn,
        &[
            "社会保障号码",
            "社会保障号",
            "社保号码",
            "个人社保号",
            "社会保障号码/身份证号",
        ],
    ),
    rule(
        K(D::PersonSsCardNo),
        ZhCn,
        &["社会保障卡号", "社会保障卡卡号", "社保卡号"],
    ),
    rule(K(D::PersonName), ZhCn, &["姓名", "名字", "真实姓名"]),
    rule(
        K(D::PersonName),
        En,
        &["name", "full name", "your name", "name in full"],
    ),
    rule(K(D::PersonFormerName), ZhCn, &["曾用名", "别名"]),
    rule(
        K(D::PersonFormerName),
        En,
        &["former name", "previous name", "other names"],
    ),
    rule(
        K(D::PersonNameLatin),
        ZhCn,
        &[
            "拼音",
            "姓名拼音",
            "汉语拼音",
            "英文名",
            "英文姓名",
            "外文姓名",
            "拼音姓名",
        ],
    ),
    rule(K(D::PersonNameLatin), ZhTw, &["英文姓名", "外文姓名"]),
    rule(
        K(D::PersonNameLatin),
        En,
        &[
            "name in pinyin",
            "name in latin letters",
            "name in english",
            "english name",
        ],
    ),
    rule(K(D::PersonName), En, &["name in chinese", "chinese name"]),
    rule(K(D::PersonSex), ZhCn, &["性别"]),
    rule(K(D::PersonSex), ZhTw, &["性別"]),
    rule(K(D::PersonSex), En, &["sex", "gender"]),
    rule(
        K(D::PersonBirthDate),
        ZhCn,
        &[
            "出生日期",
            "出生年月日",
            "出生年月",
            "出生时间",
            "出生日",
            "生日",
        ],
    ),
    rule(K(D::PersonBirthDate), ZhTw, &["出生日期", "出生年月日"]),
    rule(
        K(D::PersonBirthDate),
        En,
        &[
            "date of birth",
            "birth date",
            "birthday",
            "dob",
            "birthdate",
        ],
    ),
    rule(K(D::PersonEthnicity), ZhCn, &["民族", "族别"]),
    rule(K(D::PersonEthnicity), En, &["ethnic group", "ethnicity"]),
    rule(
        K(D::PersonNationality),
        ZhCn,
        &["国籍", "国籍（地区）", "国籍/地区"],
    ),
    rule(K(D::PersonNationality), ZhTw, &["國籍"]),
    rule(K(D::PersonNationality), En, &["nationality", "citizenship"]),
    rule(K(D::PersonIdIssuer), ZhCn, &["签发机关", "签发机构"]),
    // The body that issued a certificate the form asks about (发证机构 of a skills
    // certificate, 发证机关 of a licence): not said to be the ID card's 签发机关, not held.
    rule(
        Unheld("发证机构"),
        ZhCn,
        &["发证机关", "发证机构", "发证单位", "颁证机构", "颁证单位"],
    ),
    rule(K(D::PersonIdIssuer), ZhTw, &["發證機關", "簽發機關"]),
    rule(K(D::PersonIdIssuer), En, &["issuing authority"]),
    rule(
        Range(D::PersonIdValidFrom, D::PersonIdValidTo),
        ZhCn,
        &[
            "有效期限",
            "有效期",
            "证件有效期",
            "证件有效期限",
            "身份证有效期",
            "身份证有效期限",
        ],
    ),
    rule(
        K(D::PersonIdValidFrom),
        ZhCn,
        &[
            "有效期限起",
            "有效期起",
            "有效期限自",
            "有效期自",
            "有效期起始日期",
            "有效期开始日期",
            "有效期限起始日期",
            "证件有效期起",
            "证件有效期起始日期",
            "证件签发日期",
            "签发日期",
        ],
    ),
    rule(
        K(D::PersonIdValidTo),
        ZhCn,
        &[
            "有效期限止",
            "有效期止",
            "有效期限至",
            "有效期至",
            "有效期截止日期",
            "有效期结束日期",
            "有效期限截止日期",
            "证件有效期止",
            "证件有效期至",
            "证件有效期截止日期",
            "证件到期日期",
        ],
    ),
    // English forms ask for a passport's dates far more often than an ID card's: only
    // "valid from/until" is taken as the ID's.
    rule(K(D::PersonIdValidFrom), En, &["valid from"]),
    rule(K(D::PersonIdValidTo), En, &["valid until", "valid to"]),
    rule(
        Unheld("证件日期"),
        En,
        &[
            "expiry date",
            "date of expiry",
            "date of issue",
            "issue date",
            "passport expiry",
        ],
    ),
    rule(
        K(D::PersonHukouType),
        ZhCn,
        &["户口性质", "户籍性质", "户口类型", "户籍类型", "户口类别"],
    ),
    rule(
        K(D::PersonHukouAddress),
        ZhCn,
        &[
            "户籍地址",
            "户籍所在地址",
            "户籍所在地",
            "户口所在地",
            "户口所在地址",
            "常住户口所在地住址",
            "常住户口所在地",
            "户籍住址",
            "户籍地",
            "户口地址",
            "身份证住址",
            "身份证地址",
            "住址",
            // Where the family lives: a box for it is refused (see `classify`), its divisions
            // are read as a cascade's.
            "家庭住址",
            // 交管 forms: the address the ID gives (登记住所) and where one can be reached
            // (联系住所, below); not a firm's 住所.
            "登记住所",
            "登记住所地址",
        ],
    ),
    rule(K(D::PersonHukouAddress), ZhTw, &["戶籍地址", "戶籍地"]),
    rule(
        K(D::PersonHukouAddress),
        En,
        &["registered address", "hukou address"],
    ),
    rule(
        K(D::PersonResidenceAddress),
        ZhCn,
        &[
            "居住地址",
            "现住址",
            "现居住地",
            "现居住地址",
            "现居地址",
            "现住地址",
            "居住地",
            "经常居住地",
            "实际居住地址",
            "通讯地址",
            "通信地址",
            "联系地址",
            "邮寄地址",
            // Longer than 详细地址, so the residence wins over a one-line address.
            "居住详细地址",
            "居住地详细地址",
            "居住地址详细",
            "联系住所",
            "联系住所地址",
            // Where a person lives (the 居所 of a sole investor), not his registered 住所.
            "居所",
        ],
    ),
    rule(
        K(D::PersonResidenceAddress),
        ZhTw,
        &[
            "通訊地址",
            "聯絡地址",
            "居住地址",
            "現居地址",
            "通訊處",
            "郵寄地址",
        ],
    ),
    rule(
        K(D::PersonResidenceAddress),
        En,
        &[
            "residential address",
            "current address",
            "mailing address",
            "home address",
            "postal address",
            "correspondence address",
            "street address",
        ],
    ),
    rule(
        K(D::PersonMaritalStatus),
        ZhCn,
        &["婚姻状况", "婚姻状态", "婚否"],
    ),
    rule(K(D::PersonMaritalStatus), ZhTw, &["婚姻狀況", "婚姻狀態"]),
    rule(K(D::PersonMaritalStatus), En, &["marital status"]),
    rule(K(D::PersonPoliticalStatus), ZhCn, &["政治面貌"]),
    rule(
        K(D::PersonEducation),
        ZhCn,
        &["学历", "文化程度", "最高学历"],
    ),
    rule(
        K(D::PersonEducation),
        ZhTw,
        &["學歷", "教育程度", "最高學歷"],
    ),
    rule(
        K(D::PersonEducation),
        En,
        &["education", "education level", "highest education"],
    ),
    rule(K(D::PersonDegree), ZhCn, &["学位"]),
    rule(K(D::PersonDegree), ZhTw, &["學位"]),
    rule(K(D::PersonDegree), En, &["degree"]),
    rule(K(D::PersonOccupation), ZhCn, &["职业"]),
    rule(K(D::PersonOccupation), ZhTw, &["職業"]),
    rule(K(D::PersonOccupation), En, &["occupation"]),
    rule(
        K(D::PersonEmployer),
        ZhCn,
        &[
            "工作单位",
            "工作单位名称",
            "所在单位",
            "就业单位",
            "任职单位",
            "服务单位",
            // A household member's 工作单位或就读学校: the member's employer when the member
            // works (a pupil's school is not held, and the profile then has nothing to give).
            "工作单位或就读学校",
            "工作单位或学校",
            "单位或学校",
        ],
    ),
    rule(
        K(D::PersonEmployer),
        ZhTw,
        &["服務單位", "工作單位", "任職公司"],
    ),
    rule(
        K(D::PersonEmployer),
        En,
        &[
            "employer",
            "company",
            "company name",
            "organisation",
            "organization",
        ],
    ),
    rule(K(D::PersonPosition), ZhCn, &["职务", "职位", "工作岗位"]),
    rule(K(D::PersonPosition), ZhTw, &["職稱", "職務"]),
    rule(K(D::PersonPosition), En, &["job title", "position"]),
    rule(
        K(D::PersonInsuredPlace),
        ZhCn,
        &["参保地", "参保地区", "参保所在地"],
    ),
    rule(
        K(D::PersonHousingFundAcct),
        ZhCn,
        &[
            "公积金账号",
            "住房公积金账号",
            "公积金个人账号",
            "住房公积金个人账号",
        ],
    ),
    rule(
        Either(Some(D::PersonBankAccount), D::FirmBasicBankAcct),
        ZhCn,
        &[
            "银行卡号",
            "银行账号",
            "银行帐号",
            "开户账号",
            "收款账号",
            "银行账户",
            "账户号码",
            // The bank account of a social security card (社保卡金融账号): a bank account, not
            // a login.
            "金融账号",
            "社保卡金融账号",
            "社会保障卡金融账号",
            // A passbook's number (存折（卡）账号, 存折号): a bank account, not a login.
            "存折账号",
            "存折帐号",
            "存折号",
            "存折号码",
            "存折卡号",
            // The account a premium is deducted from or a business settles through (代扣账号,
            // 结算账号): a bank account, not a login.
            "代扣账号",
            "代扣帐号",
            "扣款账号",
            "扣款帐号",
            "结算账号",
            "结算帐号",
            "结算账户",
        ],
    ),
    rule(
        Either(Some(D::PersonBankAccount), D::FirmBasicBankAcct),
        ZhTw,
        &["銀行帳號", "存款帳號"],
    ),
    rule(
        Either(Some(D::PersonBankAccount), D::FirmBasicBankAcct),
        En,
        &["bank account", "bank account number"],
    ),
    rule(
        Either(Some(D::PersonBankBranch), D::FirmBasicBank),
        ZhCn,
        &[
            "开户银行",
            "开户行",
            "开户网点",
            "开户支行",
            "银行名称",
            // The bank that pays a benefit out (代理发放金融机构): where the account is held.
            "发放金融机构",
            "代发金融机构",
            "代理发放金融机构",
            "发放银行",
            "代发银行",
            // The bank a premium is deducted at or a business settles through (代扣银行,
            // 结算银行): where the account is held.
            "代扣银行",
            "扣款银行",
            "结算银行",
        ],
    ),
    rule(
        K(D::PersonDisabilityCertNo),
        ZhCn,
        &["残疾人证号", "残疾证号", "残疾人证号码"],
    ),
    // Contact.
    rule(
        K(D::ContactMobile),
        ZhCn,
        &[
            "手机号码",
            "手机号",
            "手机",
            "移动电话",
            "联系电话",
            "联系方式",
            "电话号码",
            "电话",
            "联系手机",
        ],
    ),
    rule(
        K(D::ContactMobile),
        ZhTw,
        &["行動電話", "手機", "手機號碼", "聯絡電話"],
    ),
    rule(
        K(D::ContactMobile),
        En,
        &[
            "mobile",
            "mobile number",
            "mobile phone",
            "cell phone",
            "cellphone",
            "phone",
            "phone number",
            "telephone",
        ],
    ),
    rule(
        K(D::ContactLandline),
        ZhCn,
        &[
            "固定电话",
            "座机",
            "办公电话",
            "家庭电话",
            "住宅电话",
            "单位电话",
            "单位联系电话",
            "固话",
            "座机号码",
        ],
    ),
    rule(
        K(D::ContactLandline),
        ZhTw,
        &["市話", "住家電話", "電話", "室內電話", "公司電話"],
    ),
    rule(
        K(D::ContactLandline),
        En,
        &["landline", "home phone", "work phone", "office phone"],
    ),
    rule(K(D::ContactFax), ZhCn, &["传真", "传真号码"]),
    rule(K(D::ContactFax), ZhTw, &["傳真"]),
    rule(K(D::ContactFax), En, &["fax"]),
    rule(
        K(D::ContactEmail),
        ZhCn,
        &[
            "电子邮箱",
            "邮箱",
            "电子邮件",
            "电子信箱",
            "邮件地址",
            "电子邮箱地址",
        ],
    ),
    rule(
        K(D::ContactEmail),
        ZhTw,
        &["電子郵件", "電子信箱", "電郵", "電子郵件信箱"],
    ),
    rule(
        K(D::ContactEmail),
        En,
        &["email", "e-mail", "email address", "e-mail address"],
    ),
    rule(K(D::ContactPostalCode), ZhCn, &["邮政编码", "邮编"]),
    // The employer's postcode on a person's form is not the person's; on a firm's form it is
    // the firm's own.
    rule(
        Either(None, D::ContactPostalCode),
        ZhCn,
        &["单位邮编", "单位邮政编码"],
    ),
    rule(
        K(D::ContactPostalCode),
        ZhTw,
        &["郵遞區號", "郵政編碼", "郵編", "郵遞區號"],
    ),
    rule(
        K(D::ContactPostalCode),
        En,
        &["postcode", "postal code", "zip", "zip code", "post code"],
    ),
    // Address parts.
    rule(
        K(D::AddressProvince),
        ZhCn,
        &[
            "省份",
            "所在省份",
            "所属省份",
            "所在省",
            "省/直辖市",
            "省（自治区、直辖市）",
            "省（市、自治区）",
        ],
    ),
    rule(K(D::AddressProvince), ZhTw, &["縣市"]),
    rule(
        K(D::AddressProvince),
        En,
        &["state", "province", "state/province", "state or province"],
    ),
    rule(
        K(D::AddressCity),
        ZhCn,
        &[
            "地市",
            "所在市",
            "城市",
            "所在城市",
            "所属城市",
            "地级市",
            "市（地区、盟、自治州）",
            "市（州）",
        ],
    ),
    rule(
        K(D::AddressCity),
        En,
        &["city", "town/city", "town or city", "town"],
    ),
    rule(
        K(D::AddressCounty),
        ZhCn,
        &[
            "区县",
            "县区",
            "区/县",
            "县/区",
            "所在区县",
            "县（市、区、旗）",
            "县（市、区）",
        ],
    ),
    rule(K(D::AddressCounty), ZhTw, &["鄉鎮市區"]),
    rule(
        K(D::AddressTownship),
        ZhCn,
        &[
            "乡镇",
            "乡镇街道",
            "乡镇（街道）",
            "乡（镇、街道）",
            "镇街",
            "街道办事处",
        ],
    ),
    rule(
        K(D::AddressVillage),
        ZhCn,
        &[
            "村（社区）",
            "村居",
            "村委会",
            "所在社区",
            "村/社区",
            "社区（村）",
        ],
    ),
    rule(
        K(D::AddressStreet),
        ZhCn,
        &["路（街、巷）", "街路巷", "街路"],
    ),
    rule(
        K(D::AddressHouseNo),
        ZhCn,
        &["门牌号", "门（楼）牌号", "门牌号码", "楼牌号"],
    ),
    rule(K(D::AddressUnitDetail), ZhCn, &["门（楼）详址", "详址"]),
    rule(
        K(D::AddressFull),
        ZhCn,
        &["完整地址", "详细地址", "详细住址"],
    ),
    rule(
        K(D::AddressDivisionCode),
        ZhCn,
        &["行政区划代码", "区划代码"],
    ),
    // Firm.
    rule(
        K(D::FirmName),
        ZhCn,
        &[
            "企业名称",
            "公司名称",
            "主体名称",
            "市场主体名称",
            "个体工商户名称",
            "字号名称",
            "商户名称",
            "申请单位",
            "单位全称",
            "企业（单位）名称",
            "纳税人名称",
            "申请人名称",
            "申请单位名称",
            "社会团体名称",
            "社会组织名称",
            "民办非企业单位名称",
            "基金会名称",
            "经营者名称",
            "经营者中文名称",
            "中文名称",
            "经营实体名称",
            "企业中文名称",
        ],
    ),
    // The name an account is held in: the firm's on a firm's form; on a person's form it may
    // be anybody's the payment goes to (refused).
    rule(
        Either(None, D::FirmName),
        ZhCn,
        &[
            "户名",
            "账户名称",
            "账户名",
            "开户名",
            "开户人姓名",
            "账户户名",
            "账户姓名",
        ],
    ),
    rule(K(D::FirmName), ZhTw, &["公司名稱", "商號名稱"]),
    // An institution's name: on a firm's form (a 社会服务机构 or another body applying) its
    // own name; on a person's form an institution he names, not held.
    rule(Either(None, D::FirmName), ZhCn, &["机构名称", "机构全称"]),
    rule(K(D::FirmName), En, &["business name", "entity name"]),
    rule(
        Either(Some(D::PersonEmployer), D::FirmName),
        ZhCn,
        &["单位名称", "参保单位名称", "参保单位"],
    ),
    rule(
        K(D::FirmUscc),
        ZhCn,
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "统一代码",
            "纳税人识别号",
        ],
    ),
    rule(
        K(D::FirmUscc),
        En,
        &["unified social credit code", "uscc", "credit code"],
    ),
    rule(
        K(D::FirmRegNo),
        ZhCn,
        &["注册号", "营业执照注册号", "工商注册号"],
    ),
    rule(K(D::FirmOrgCode), ZhCn, &["组织机构代码"]),
    rule(
        K(D::FirmType),
        ZhCn,
        &[
            "企业类型",
            "公司类型",
            "组成形式",
            "市场主体类型",
            "企业性质",
            "登记注册类型",
        ],
    ),
    // 企业、机关、事业单位…: the kind of body, not a company's legal form (有限责任公司).
    rule(
        Either(None, D::FirmCategory),
        ZhCn,
        &["单位类型", "单位性质", "机构类别", "单位类别"],
    ),
    rule(K(D::FirmType), En, &["company type", "business type"]),
    rule(
        K(D::FirmEstablished),
        ZhCn,
        &["成立日期", "成立时间", "注册日期", "开业日期"],
    ),
    rule(K(D::FirmEstablished), En, &["date of incorporation"]),
    rule(
        Range(D::FirmTermFrom, D::FirmTermTo),
        ZhCn,
        &["营业期限", "经营期限"],
    ),
    rule(
        K(D::FirmTermFrom),
        ZhCn,
        &["营业期限自", "营业期限起", "经营期限自", "经营期限起"],
    ),
    rule(
        K(D::FirmTermTo),
        ZhCn,
        &["营业期限至", "营业期限止", "经营期限至", "经营期限止"],
    ),
    rule(
        K(D::FirmRegCapital),
        ZhCn,
        &[
            "注册资本",
            "注册资金",
            "资金数额",
            "注册资本（万元）",
            "出资总额",
        ],
    ),
    rule(K(D::FirmRegCapital), En, &["registered capital"]),
    rule(K(D::FirmBusinessScope), ZhCn, &["经营范围", "业务范围"]),
    rule(K(D::FirmBusinessScope), En, &["business scope"]),
    // 住所地址 on a person's form (交管: 与身份证明记载一致) is the address on his ID, as 住所 is.
    rule(
        Either(Some(D::PersonHukouAddress), D::FirmDomicile),
        ZhCn,
        &["住所", "住所地址"],
    ),
    rule(
        K(D::FirmDomicile),
        ZhCn,
        &[
            "企业住所",
            "公司住所",
            "注册地址",
            "企业地址",
            "公司地址",
            "注册地",
        ],
    ),
    rule(Either(None, D::FirmDomicile), ZhCn, &["单位地址"]),
    // Where a firm has its offices: its operating address on a firm's form; on a person's
    // form, the employer's, which the profile does not hold.
    rule(
        Either(None, D::FirmOperatingAddress),
        ZhCn,
        &["办公地址", "办公场所"],
    ),
    rule(
        K(D::FirmOperatingAddress),
        ZhCn,
        &[
            "生产经营地",
            "经营场所",
            "经营地址",
            "营业场所",
            "实际经营地址",
            "经营地",
            "生产经营地址",
        ],
    ),
    // Words a person's form uses too (婚姻登记机关, the employer's 行业): the firm's element
    // only on a firm's form.
    rule(
        Either(None, D::FirmRegAuthority),
        ZhCn,
        &["登记机关", "批准设立机关"],
    ),
    rule(
        Either(None, D::FirmIndustry),
        ZhCn,
        &["所属行业", "行业", "行业类别", "行业类型"],
    ),
    rule(
        K(D::FirmEmployees),
        ZhCn,
        &["从业人数", "职工人数", "员工人数", "从业人员"],
    ),
    rule(
        K(D::FirmBasicBankAcct),
        ZhCn,
        &["基本存款账户", "基本户账号", "基本账户账号", "基本存款账号"],
    ),
    rule(
        K(D::FirmBasicBank),
        ZhCn,
        &["基本存款账户开户银行", "基本户开户行", "基本户开户银行"],
    ),
    // A person's role in a firm.
    rule(
        K(D::RoleSubscribedWan),
        ZhCn,
        &["认缴出资额", "认缴出资", "认缴金额", "出资额", "出资数额"],
    ),
    rule(
        K(D::RoleContributionMethod),
        ZhCn,
        &["出资方式", "认缴出资方式"],
    ),
    // What has been paid in so far (实缴出资额) is the firm's accounts, not the amount a
    // shareholder subscribed.
    rule(
        Unheld("实缴出资额"),
        ZhCn,
        &["实缴出资额", "实缴出资", "实缴金额", "实缴资本"],
    ),
    rule(
        K(D::RoleContributionDue),
        ZhCn,
        &[
            "出资时间",
            "出资期限",
            "认缴出资时间",
            "出资日期",
            "认缴出资期限",
        ],
    ),
    // Agent.
    rule(K(D::AgentOrgName), ZhCn, &["代理机构名称", "代理机构"]),
    rule(
        K(D::AgentOrgUscc),
        ZhCn,
        &["代理机构统一社会信用代码", "代理机构信用代码"],
    ),
    rule(
        K(D::AgentScope),
        ZhCn,
        &["委托事项", "委托权限", "委托事项及权限", "代理权限"],
    ),
    rule(
        Range(D::AgentTermFrom, D::AgentTermTo),
        ZhCn,
        &["委托期限", "委托有效期限", "委托有效期"],
    ),
    rule(
        K(D::AgentRelation),
        ZhCn,
        &[
            "与申请人关系",
            "与委托人关系",
            "与被代理人关系",
            "与申请人的关系",
            "与参保人关系",
            "与申领人关系",
            "与本人关系",
            "与被保险人关系",
            "与被监护人关系",
            "与幼儿关系",
            "与儿童关系",
            "与学生关系",
            "与孩子关系",
            "与新生儿关系",
            "与残疾人关系",
            "与老年人关系",
        ],
    ),
    // Family.
    rule(K(D::FamilyHouseholderName), ZhCn, &["户主姓名"]),
    rule(K(D::FamilyHouseholderName), ZhTw, &["戶長姓名"]),
    rule(
        K(D::FamilyRelationToHead),
        ZhCn,
        &["与户主关系", "与户主的关系"],
    ),
    rule(K(D::FamilyRelationToHead), ZhTw, &["與戶長關係", "稱謂"]),
    rule(
        K(D::FamilyMarriageCertNo),
        ZhCn,
        &["结婚证字号", "结婚证号", "结婚证编号"],
    ),
    // Documents.
    rule(
        K(D::DocBirthCertNo),
        ZhCn,
        &["出生医学证明编号", "出生证编号", "出生医学证明号"],
    ),
    rule(K(D::DocPropertyUnitNo), ZhCn, &["不动产单元号"]),
    rule(
        K(D::DocPropertyCertNo),
        ZhCn,
        &["不动产权证号", "不动产权证书号", "不动产权证书编号"],
    ),
    rule(K(D::DocDriverLicenseFileNo), ZhCn, &["驾驶证档案编号"]),
    rule(
        K(D::DocVehiclePlate),
        ZhCn,
        &["号牌号码", "车牌号", "车牌号码"],
    ),
    rule(K(D::DocPassportNo), ZhCn, &["护照号码", "护照号"]),
    rule(K(D::DocPassportNo), ZhTw, &["護照號碼"]),
    rule(K(D::DocPassportNo), En, &["passport number", "passport no"]),
    // Meta.
    rule(
        K(D::MetaFillDate),
        ZhCn,
        &[
            "填表日期",
            "填报日期",
            "申请日期",
            "申报日期",
            "签字日期",
            "签名日期",
            "填写日期",
            "填表时间",
            "填报时间",
            "申请时间",
            "申报时间",
            "填写时间",
            // The day a complaint or a report is made: the day the form is filled.
            "投诉日期",
            "举报日期",
        ],
    ),
    rule(K(D::MetaFillDate), ZhTw, &["申請日期", "填表日期"]),
    rule(K(D::MetaFillDate), En, &["date of application"]),
];

/// Whole labels too short to be keywords inside longer text (市 is in 市场, 名称 in 课程名称):
/// they count only when they are the entire label.
pub(crate) const EXACT_LABELS: &[(&str, Target)] = &[
    // 职业（工种）: the parenthesis narrows 职业 to a kind of work a certificate or a post names,
    // which the profile does not hold.
    ("职业（工种）", Unheld("工种")),
    ("职业(工种)", Unheld("工种")),
    // A bare 地址 is the person's (registered) address; 租赁地址 or 房屋地址 is not.
    ("地址", K(D::PersonHukouAddress)),
    ("address", K(D::PersonHukouAddress)),
    ("名称", K(D::FirmName)),
    ("省", K(D::AddressProvince)),
    ("市", K(D::AddressCity)),
    ("县", K(D::AddressCounty)),
    ("区", K(D::AddressCounty)),
    ("乡", K(D::AddressTownship)),
    ("镇", K(D::AddressTownship)),
    ("街道", K(D::AddressTownship)),
    ("村", K(D::AddressVillage)),
    ("社区", K(D::AddressVillage)),
    ("号", K(D::AddressHouseNo)),
    ("日期", K(D::MetaFillDate)),
    ("date", K(D::MetaFillDate)),
];

/// Tokens of `name`/`id` attributes: pinyin initials used by Chinese portals, the national
/// 人社 indicator codes (金保工程 `aacNNN`/`aaeNNN`) and English words.
pub(crate) const NAME_RULES: &[Rule] = &[
    rule(
        Never("captcha"),
        En,
        &[
            "captcha",
            "vcode",
            "verifycode",
            "checkcode",
            "authcode",
            "smscode",
        ],
    ),
    rule(Never("captcha"), Pinyin, &["yzm", "jym"]),
    rule(Never("password"), En, &["password", "passwd", "pwd"]),
    rule(
        Never("payment-card"),
        En,
        &["ccnumber", "cardnumber", "cvv", "cvc", "card number", "cc"],
    ),
    // Roles.
    rule(R(Role::LegalRep), Pinyin, &["fddbr", "frdb", "fddb"]),
    rule(R(Role::LegalRep), En, &["legal rep", "legalrep"]),
    rule(R(Role::FinanceOfficer), Pinyin, &["cwfzr", "cwry"]),
    rule(R(Role::Liaison), Pinyin, &["lly"]),
    rule(R(Role::Agent), Pinyin, &["jbr", "dlr", "wtdlr", "dbr"]),
    rule(R(Role::Agent), En, &["agent"]),
    rule(R(Role::Contact), Pinyin, &["lxr", "jjlxr"]),
    rule(R(Role::Contact), En, &["emergency", "contact person"]),
    rule(R(Role::Shareholder), Pinyin, &["gd", "tzr", "czr"]),
    rule(R(Role::Guardian), Pinyin, &["jhr"]),
    rule(R(Role::Guardian), En, &["guardian"]),
    rule(R(Role::Father), En, &["father"]),
    rule(R(Role::Mother), En, &["mother"]),
    rule(R(Role::Spouse), En, &["spouse"]),
    rule(Applicant, Pinyin, &["sqr"]),
    rule(Applicant, En, &["applicant"]),
    // Not held.
    rule(
        Unheld("用户名"),
        En,
        &["username", "user name", "login", "loginname", "userid"],
    ),
    rule(
        Unheld("姓/名"),
        En,
        &[
            "firstname",
            "first name",
            "lastname",
            "last name",
            "given",
            "family name",
            "surname",
        ],
    ),
    rule(Unheld("国家/地区"), En, &["country"]),
    // Held elements.
    rule(
        K(D::PersonIdNumber),
        Pinyin,
        &["sfzh", "sfzhm", "zjhm", "sfz", "gmsfhm", "zjh", "sfzjhm"],
    ),
    rule(K(D::PersonIdNumber), Hrss, &["aac002", "aac147"]),
    rule(
        K(D::PersonIdNumber),
        En,
        &[
            "idcard",
            "id card",
            "idno",
            "id number",
            "idnumber",
            "cardno",
        ],
    ),
    rule(K(D::PersonIdType), Pinyin, &["zjlx", "zjzl", "sfzjlx"]),
    rule(K(D::PersonIdType), Hrss, &["aac058"]),
    rule(K(D::PersonIdType), En, &["idtype", "id type", "doctype"]),
    rule(K(D::PersonName), Pinyin, &["xm", "xingming", "zsxm"]),
    rule(K(D::PersonName), Hrss, &["aac003"]),
    rule(
        K(D::PersonName),
        En,
        &["name", "fullname", "full name", "realname", "real name"],
    ),
    rule(K(D::PersonFormerName), Pinyin, &["cym"]),
    rule(K(D::PersonNameLatin), Pinyin, &["pym", "xmpy", "pinyin"]),
    rule(K(D::PersonSex), Pinyin, &["xb", "xingbie"]),
    rule(K(D::PersonSex), Hrss, &["aac004"]),
    rule(K(D::PersonSex), En, &["sex", "gender"]),
    rule(K(D::PersonBirthDate), Pinyin, &["csrq", "csny"]),
    rule(K(D::PersonBirthDate), Hrss, &["aac006"]),
    rule(
        K(D::PersonBirthDate),
        En,
        &["birthday", "birth date", "birthdate", "dob", "bday"],
    ),
    rule(K(D::PersonEthnicity), Pinyin, &["mz", "minzu"]),
    rule(K(D::PersonEthnicity), Hrss, &["aac005"]),
    rule(K(D::PersonEthnicity), En, &["nation", "ethnicity"]),
    rule(K(D::PersonNationality), Pinyin, &["gj"]),
    rule(K(D::PersonNationality), Hrss, &["aac161"]),
    rule(K(D::PersonNationality), En, &["nationality", "citizenship"]),
    rule(K(D::PersonIdIssuer), Pinyin, &["qfjg", "fzjg"]),
    rule(K(D::PersonHukouType), Pinyin, &["hkxz", "hjxz"]),
    rule(K(D::PersonHukouType), Hrss, &["aac009"]),
    rule(
        K(D::PersonHukouAddress),
        Pinyin,
        &["hjdz", "hjszd", "hkszd", "hjd"],
    ),
    rule(K(D::PersonHukouAddress), Hrss, &["aac010"]),
    rule(
        K(D::PersonResidenceAddress),
        Pinyin,
        &["jzdz", "xzz", "txdz", "lxdz", "xjzd", "jzd"],
    ),
    rule(K(D::PersonResidenceAddress), Hrss, &["aae006"]),
    rule(K(D::PersonMaritalStatus), Pinyin, &["hyzk"]),
    rule(K(D::PersonMaritalStatus), Hrss, &["aac017"]),
    rule(K(D::PersonMaritalStatus), En, &["marital", "maritalstatus"]),
    rule(K(D::PersonPoliticalStatus), Pinyin, &["zzmm"]),
    rule(K(D::PersonPoliticalStatus), Hrss, &["aac024"]),
    rule(K(D::PersonEducation), Pinyin, &["xl", "whcd"]),
    rule(K(D::PersonEducation), Hrss, &["aac011"]),
    rule(K(D::PersonEducation), En, &["education"]),
    rule(K(D::PersonEmployer), Pinyin, &["gzdw"]),
    rule(
        K(D::PersonEmployer),
        En,
        &[
            "employer",
            "company",
            "company name",
            "organization",
            "organisation",
        ],
    ),
    rule(K(D::PersonPosition), Pinyin, &["zw"]),
    rule(
        K(D::PersonPosition),
        En,
        &["jobtitle", "job title", "position"],
    ),
    rule(K(D::PersonOccupation), En, &["occupation"]),
    rule(K(D::PersonSsNumber), Pinyin, &["shbzh", "sbh"]),
    rule(K(D::PersonSsCardNo), Pinyin, &["sbkh"]),
    rule(K(D::PersonBankAccount), Pinyin, &["yhkh", "yhzh"]),
    rule(K(D::PersonBankAccount), Hrss, &["aae010"]),
    rule(K(D::PersonBankBranch), Pinyin, &["khh", "khyh"]),
    rule(
        K(D::ContactMobile),
        Pinyin,
        &["sjhm", "sjh", "shouji", "yddh", "lxdh", "lxfs"],
    ),
    rule(K(D::ContactMobile), Hrss, &["aae005"]),
    rule(
        K(D::ContactMobile),
        En,
        &["mobile", "cellphone", "phone", "tel", "telephone", "cell"],
    ),
    rule(K(D::ContactLandline), Pinyin, &["gddh", "zjdh", "bgdh"]),
    rule(
        K(D::ContactLandline),
        En,
        &[
            "landline",
            "homephone",
            "workphone",
            "home phone",
            "work phone",
            "office phone",
        ],
    ),
    rule(K(D::ContactEmail), Pinyin, &["dzyx", "yx", "dzyj"]),
    rule(K(D::ContactEmail), Hrss, &["aae015"]),
    rule(K(D::ContactEmail), En, &["email", "mail", "e-mail"]),
    rule(K(D::ContactPostalCode), Pinyin, &["yzbm"]),
    rule(K(D::ContactPostalCode), Hrss, &["aae007"]),
    rule(
        K(D::ContactPostalCode),
        En,
        &["zip", "zipcode", "postcode", "postal code", "postalcode"],
    ),
    rule(K(D::ContactFax), En, &["fax"]),
    rule(K(D::AddressProvince), En, &["province", "state", "prov"]),
    rule(K(D::AddressCity), En, &["city"]),
    rule(K(D::AddressCounty), En, &["county", "district"]),
    rule(K(D::AddressFull), Pinyin, &["xxdz"]),
    rule(K(D::PersonHukouAddress), En, &["address", "addr"]),
    rule(
        Unheld("地址行"),
        En,
        &[
            "street",
            "address line",
            "address1",
            "address2",
            "line1",
            "line2",
        ],
    ),
    rule(
        Either(Some(D::PersonEmployer), D::FirmName),
        Pinyin,
        &["dwmc"],
    ),
    rule(
        Either(Some(D::PersonEmployer), D::FirmName),
        Hrss,
        &["aab004"],
    ),
    rule(K(D::FirmName), Pinyin, &["qymc", "gsmc", "ztmc"]),
    rule(
        K(D::FirmUscc),
        Pinyin,
        &["tyshxydm", "shxydm", "xydm", "tyxydm"],
    ),
    rule(K(D::FirmUscc), En, &["uscc", "creditcode", "credit code"]),
    rule(K(D::FirmRegNo), Pinyin, &["zch"]),
    rule(K(D::FirmRegCapital), Pinyin, &["zczb", "zczj"]),
    rule(K(D::FirmBusinessScope), Pinyin, &["jyfw"]),
    rule(K(D::FirmOperatingAddress), Pinyin, &["jycs", "scjyd"]),
    rule(K(D::FirmEstablished), Pinyin, &["clrq"]),
    rule(K(D::FirmType), Pinyin, &["qylx"]),
    rule(K(D::FirmEmployees), Pinyin, &["cyrs"]),
    rule(K(D::RoleSubscribedWan), Pinyin, &["rjcze", "czje"]),
    rule(K(D::RoleContributionMethod), Pinyin, &["czfs"]),
    rule(K(D::DocPassportNo), En, &["passport", "passportno"]),
    rule(K(D::DocPassportNo), Pinyin, &["hzhm"]),
    rule(K(D::DocVehiclePlate), Pinyin, &["hphm"]),
    rule(R(Role::Recipient), Pinyin, &["sjr"]),
    rule(K(D::MetaFillDate), Pinyin, &["tbrq"]),
];
