# OnceFill 简体中文界面与提示。每条消息须在 en.ftl 中有同名对应。
app-title = 一次填
app-subtitle = 资料只填一次，各部门表单重复使用

## 校验：公民身份号码
id-empty = 请填写公民身份号码。
id-length = 公民身份号码应为18位（旧证15位），您输入了{ $found }位，请对照身份证核对。
id-character = 第{ $position }位“{ $found }”不应出现在公民身份号码中：前17位只能是数字，最后一位是数字或X。
id-date = 号码中的出生日期不是一个真实的日期，请核对第7至14位。
id-future-date = 号码中的出生日期晚于今天，请核对第7至14位。
id-too-early = 号码中的出生年份过早，请核对第7至10位。
id-check-digit = 最后一位校验码应为“{ $expected }”，您输入的是“{ $found }”。多半是某一位输错了，请对照身份证逐位核对。

## 校验：其他
required = 请填写此项。
name-length = 姓名最多{ $max }个字，您输入了{ $found }个。
name-character = 姓名中不能有“{ $found }”。少数民族或外国人姓名中间的圆点请用“·”。
name-mixed = 姓名请全部用汉字，或全部用拼音/外文字母，不要混用。
mobile-format = 手机号码应为以1开头的11位数字（可带+86），请核对。
mobile-prefix = 这个号码的开头不是手机号段，请核对是否抄错。
date-format = 日期请按“年-月-日”填写，例如 1990-03-07。
date-future = 日期不能晚于今天。
birth-mismatch = 出生日期与公民身份号码不一致：请对照证件核对出生日期和号码第7至14位。
sex-mismatch = 性别与公民身份号码不一致：号码第17位单数为男、双数为女，请对照证件核对。
ethnicity-unknown = 没有这个民族，请从列表中选择。
address-short = 地址太短，请写明省、市、县（区）以及街道和门牌号。
address-province = 住址前应写明省、自治区或直辖市的名称，例如“北京市”“浙江省”。

## 资料项
key-person-name = 姓名
key-person-sex = 性别
key-person-birth-date = 出生日期
key-person-ethnicity = 民族
key-person-id-number = 公民身份号码
key-person-hukou-address = 户籍地址（身份证住址）
key-contact-mobile = 手机号码
key-meta-fill-date = 填表日期
sex-male = 男
sex-female = 女
choose = 请选择

## 识别依据
reason-autocomplete = 网页标注为 { $detail }
reason-label = 标签“{ $detail }”
reason-name = 字段名 { $detail }
reason-placeholder = 提示文字“{ $detail }”
reason-options = 选项内容（{ $detail }）
reason-mapping = 已知表单映射
reason-context = 上下文推断

## 不填的原因
skip-hidden = 隐藏字段，不填
skip-readonly = 只读字段，不填
skip-disabled = 已禁用的字段，不填
skip-type = 此类字段（{ $detail }）从不自动填写
skip-captcha = 验证码需要您本人填写
skip-unrecognised = 未能识别这个字段，请自行填写
skip-ambiguous = 这个字段可能是“{ $detail }”中的任一项，为免填错，不填
skip-other-party = 这个字段说的是别人（{ $detail }），不用您的资料填
skip-whose-unknown = 这个字段在“{ $detail }”一栏，表上有几个人，无法确定是谁的，为免填错人，不填
skip-duplicate = 同一表单里有 { $count } 个字段都像“{ $detail }”，无法确定填哪个，都不填
skip-not-held = 网页标注为 { $detail }，您的资料中没有这一项
skip-not-in-profile = 您的资料里还没有“{ $detail }”
skip-no-option = 选项中没有与您的资料（{ $detail }）相符的一项
skip-too-long = 内容超过此字段允许的 { $max } 个字，为免截断，不填
skip-concealed = 网页把这个字段藏了起来（{ $detail }），不填
hidden-opacity = 它是透明的，看不见
hidden-tiny = 它小到看不见，或字小到读不出
hidden-offscreen = 它被放在页面可见范围之外
hidden-clipped = 它被裁掉了，只露出不到一点
hidden-same-colour = 它的文字与背景同色，看不见
hidden-covered = 它被别的内容盖住了
hidden-frame = 它在一个看不见的框架里
review-hidden = 网页藏起了以下字段。看不见的字段不会填写，也不能勾选：

## 界面
launcher = 一键填表
launcher-hint = 用您的资料填写本页表单
close = 关闭
lang-switch = English
memory-only = 您的资料目前只在本页内存中，关闭或刷新页面即清除，不会上传到任何地方。设置密码后，可以加密保存在本机。
memory-kept = 已记下（{ $time }）。
memory-chosen = 您选择了只在本页临时使用：资料不保存到本机，关闭或刷新页面后不保留。需要下次再用时，请设置密码加密保存。
memory-choice = 只在本页临时使用（关闭后不保留）
memory-choice-explain = 不设密码：资料只留在这个页面里，关闭或刷新页面就没有了，下次需要重新填写。
editor-title = 我的资料
editor-intro = 请核对以下资料。填一次，各部门表单都能用。
load-demo = 载入示例资料
clear-profile = 清空资料
to-review = 下一步：核对本页表单
elder-switch = 长辈版
elder-hint = 大字、大按钮，每次只核对一项
review-step = 第 { $n } 项，共 { $total } 项
review-step-intro = 请看这一项对不对。打勾就填写，不打勾就不填。
review-prev = 上一项
review-next = 下一项
review-summary = 核对完了
review-summary-count = 共 { $total } 项，将填写打勾的 { $count } 项：
review-summary-skip = （不填）
review-title = 核对将要填写的内容
review-later = 上一项选定后，这一项才有选项，届时自动选上。
back-to-review = 返回核对列表
review-intro = 请逐项核对。取消勾选的项目不会填写。
review-none = 本页没有找到可以用您的资料填写的字段。
no-form-title = 本页没有表单
no-form = 一次填只能填写网页上的表单。请打开要办理事项的表单页面，再点“一键填表”。也可以先用示例表单试一试。
no-form-sample = 打开示例表单：城乡居民养老保险参保登记
review-field = 表单字段
review-value = 将填入
review-reason = 识别依据
review-overwrite = 此字段已有内容，勾选后将被替换
review-skipped = 以下字段不会填写
reveal = 显示
conceal = 隐藏
back-to-editor = 返回修改资料
fill-selected = 填写所选的 { $count } 项
fill-done = 已填写 { $filled } 项。请在提交前逐项检查表单。
fill-some-failed = 有 { $count } 项未能填写，请手动填写：
outcome-filled = 已填写
outcome-unchanged = 原本就是这个内容
outcome-nonempty = 已有内容，未替换
outcome-missing = 字段已不在页面上
outcome-not-fillable = 字段变为不可填写
outcome-rejected = 网页没有接受这个值
outcome-changed = 核对后字段已被网页改动，为免填错，不填
outcome-hidden = 字段已被网页隐藏，不填
outcome-no-choice = 没有出现要选的选项，请手动选择
errors-remain = 还有 { $count } 处需要修改，请看红色提示。
derived-from-id = 已根据公民身份号码自动填写

## 资料编辑
sex-unknown = 性别请选择“男”或“女”。
text-too-long = 内容太长：最多{ $max }个字，您输入了{ $found }个。
sec-basic = 基本信息
sec-contact = 联系方式
sec-address = 户籍与住址
sec-id-document = 身份证件
sec-personal = 婚姻、学历与工作
sec-accounts = 社保与账户
sec-family = 家庭
sec-documents = 其他证照
sec-firm-basic = 企业基本信息
sec-firm-address = 住所与经营场所
sec-firm-more = 经营范围与其他
rel-self = 本人
rel-spouse = 配偶
rel-child = 子女
rel-father = 父亲
rel-mother = 母亲
rel-other = 其他人员
role-legal-rep = 法定代表人
role-finance-officer = 财务负责人
role-liaison = 联络员
role-shareholder = 股东
role-director = 董事
role-supervisor = 监事
role-manager = 经理
unnamed = （未填姓名）
unnamed-firm = （未填企业名称）
minor = 未成年
minor-hint = 未成年人的信息属于敏感个人信息，填写前需监护人同意
records = 资料目录
household = 家庭成员
add-person = 添加家庭成员或其他人员：
firms = 企业
add-firm = ＋ 添加企业
agents = 经办人与委托代理人
agents-intro = 记录谁可以代您或您的企业办事，以及委托的事项和期限。
agent-person = 代理人：
agent-principal = 委托人：
add-agent = ＋ 添加委托
completeness = 资料完整度
remove-record = 删除这条资料
remove-confirm = 确定要删除吗？删除后，这个人在企业和委托中的角色也会一并删除。
remove = 删除
cancel = 取消
roles = 企业人员
roles-intro = 同一个人只需填写一次，可以同时担任多个角色。
add-role = 添加角色：
save = 保存资料
search = 搜索
filled-of = 已填 { $filled } / { $total } 项
complete = 常用资料已填齐。
missing = 尚未填写：
go-fill = 去填写

## 校验：更多
uscc-empty = 请填写统一社会信用代码。
uscc-length = 统一社会信用代码应为18位，您输入了{ $found }位，请对照营业执照核对。如果是旧的15位工商注册号，请填在“注册号”一栏。
uscc-forbidden-letter = 第{ $position }位是字母“{ $found }”，但统一社会信用代码中从不使用 I、O、Z、S、V 这五个字母，多半是数字（如1、0、2、5）看错了，请对照营业执照核对。
uscc-character = 第{ $position }位“{ $found }”不应出现在统一社会信用代码中：代码只由数字和大写字母组成。
uscc-division = 第{ $position }位“{ $found }”应为数字：第3至8位是登记管理机关的行政区划代码。
uscc-check-character = 按前17位计算，最后一位校验码应为“{ $expected }”，您输入的是“{ $found }”。少数早期发放的代码确实不符合校验规则，请对照营业执照逐位核对；核对无误的，照原样使用即可。
uscc-org-code-check = 第9至17位组织机构代码的校验位应为“{ $expected }”，您输入的是“{ $found }”。请对照营业执照逐位核对；核对无误的，照原样使用即可。
regno-empty = 请填写注册号。
regno-length = 工商注册号应为15位数字，您输入了{ $found }位。已换发新营业执照的，请填写18位统一社会信用代码。
regno-character = 第{ $position }位“{ $found }”不是数字：工商注册号全部由数字组成。
regno-check-digit = 按前14位计算，注册号最后一位应为“{ $expected }”，您输入的是“{ $found }”。请对照营业执照逐位核对；核对无误的，照原样使用即可。
bank-card-empty = 请填写银行卡号。
bank-card-character = 第{ $position }位“{ $found }”不是数字：银行卡号只由数字组成。
bank-card-length = 银行卡号应为12至19位数字，您输入了{ $found }位，请对照银行卡核对。
bank-card-luhn = 这个卡号没有通过校验，多半是某一位输错或相邻两位颠倒了，请对照银行卡重新核对。
landline-format = 固定电话请写成“区号-号码”，例如 0571-88881234；有分机的写在后面，例如 0571-88881234-123。
landline-area-code = 请在号码前加上区号，例如 0571-88881234。
email-format = 电子邮箱应写成“用户名@域名”，例如 zhangsan@example.com。
email-character = { $kind ->
    [space] 电子邮箱中不能有空格，请删去空格后再填。
   *[other] 电子邮箱中不能有“{ $found }”，请用英文半角字符填写。
}
email-domain = 电子邮箱“@”后面的域名不完整，应像 example.com 这样带有“.”。
email-length = 电子邮箱最长{ $max }个字符，您输入了{ $found }个。
postcode-format = 邮政编码应为6位数字，例如 310012。
property-unit-length = 不动产单元号应为28位，您输入了{ $found }位，请对照不动产权证书核对。
property-unit-digit = 不动产单元号第{ $position }位应为数字，您输入的是“{ $found }”。单元号依次为：6位行政区划代码、6位地籍区和地籍子区、2位字母加5位数字的宗地（宗海）代码、1位字母加8位数字的定着物代码。
property-unit-letter = 不动产单元号第{ $position }位应为大写字母，您输入的是“{ $found }”。单元号依次为：6位行政区划代码、6位地籍区和地籍子区、2位字母加5位数字的宗地（宗海）代码、1位字母加8位数字的定着物代码。
property-unit-division = 不动产单元号前6位不是有效的行政区划代码，请对照不动产权证书核对。
plate-province = 号牌号码应以省、自治区、直辖市的简称开头（如“京”“粤”），“{ $found }”不是简称。
plate-authority = 简称后面应为发牌机关代号，即一个大写字母，您输入的是“{ $found }”。
plate-letter-io = 号牌中不使用字母“{ $found }”（I和O容易与1和0混淆），请确认是不是数字。
plate-format = 号牌号码应为简称、发牌机关字母再加5位字母或数字（新能源汽车6位），例如 京A12345、粤BD12345。
plate-new-energy = 6位序号的是新能源汽车号牌，其第一位或最后一位应为字母D或F，请核对。
latin-name-character = 外文姓名只能用英文字母、空格、连字符“-”和撇号“'”，不能有“{ $found }”。
latin-name-format = 外文姓名应以字母开头和结尾，空格、连字符、撇号不能连用，例如 ZHANG XIAOMING。
latin-name-length = 外文姓名最多{ $max }个字符，您输入了{ $found }个。
valid-to-format = 请填写有效期限的截止日期，例如 2036-03-07；长期有效的请填“长期”。
amount-format = 金额请填写数字，例如 10 或 10.5，可以用逗号分隔千位。
amount-not-positive = 金额应大于零。
amount-precision = 金额最多保留{ $max }位小数（精确到分）。
amount-unit = { $unit ->
    [wan] 此栏的单位是万元，请换算成万元后只填数字，不要写“{ $found }”。
   *[yuan] 此栏的单位是元，请换算成元后只填数字，不要写“{ $found }”。
}
amount-too-large = 金额过大，请核对单位和位数。

## 地址与代码表
address-province-missing = 请选择省、自治区或直辖市。住址前应写明省级名称。
address-code-unknown = 所选的{ $field ->
    [province] 省级
    [city] 地级
   *[county] 县级
}行政区划代码不存在，请从列表中重新选择。
address-code-retired = 所选的{ $field ->
    [province] 省级
    [city] 地级
   *[county] 县级
}行政区划已经撤销或改码，请选择现行的行政区划。
address-code-level = 所选的{ $field ->
    [province] 省级
    [city] 地级
   *[county] 县级
}代码不是这一级的行政区划，请重新选择。
address-outside = 所选的{ $inner ->
    [city] 地级
   *[county] 县级
}行政区划不属于所选的{ $outer ->
    [province] 省级
   *[city] 地级
}行政区划，请核对所选的行政区划。
address-parse-province = 没有认出地址开头的省、自治区或直辖市，请在地址前写明，例如“浙江省”。
address-parse-inferred = 地址中没有写上级行政区划，已根据下级行政区划补上，请核对补上的部分。
address-parse-ambiguous = 地址中有一个地名可能指{ $count }个不同的行政区划，请写全称或写明上一级。
address-parse-unplaced = 地址中有一段文字未能确定属于哪一部分，已原样放在详细地址中，请核对。

## 校验：更多
addr-province = 省
addr-city = 市
addr-county = 县区
addr-hint = 可先选省市县，再写街道、门牌号和室号
code-unknown = 填写的内容不在可选范围内，请从列表中选择。
account-format = 账号应为6到32位数字，请对照存折或开户凭证核对。
count-format = 请填写一个整数，例如 12。
id-address-code = 号码前6位不在现行或历史行政区划代码中，请对照证件核对（个别老证件可能如此，可以保存）。

## 加密保存
profile-not-json = 不是资料文件：第 { $line } 行第 { $column } 列的 JSON 格式有误。
profile-no-version = 不是资料文件：缺少“version”（格式版本）。
profile-bad-version = 资料文件的“version”不是本程序能读的格式版本。
profile-invalid = 资料文件已损坏：成员 { $path } { $fault ->
    [choice] 的取值不在可选范围内
    [type] 的类型不对（例如应为文字却是数字）
    [value] 的取值不被接受
    [length] 的项数不对
    [missing] 缺少必需的内容
    [unknown] 是这里不允许的成员
    [duplicate] 重复出现
   *[other] 无法读取
}。请用一次填重新导出，或改正这一项。
profile-invalid-somewhere = 资料文件已损坏：有一个成员{ $fault ->
    [choice] 的取值不在可选范围内
    [type] 的类型不对（例如应为文字却是数字）
    [value] 的取值不被接受
    [length] 的项数不对
    [missing] 缺少必需的内容
    [unknown] 是不允许的成员
    [duplicate] 重复出现
   *[other] 无法读取
}。请用一次填重新导出；命令行 oncefill backup open 会指出是哪一项。
vault-malformed = 这不是一次填的资料文件，或文件已损坏（{ $detail }）。现有资料没有任何改动。
vault-version = 这个文件来自较新版本的一次填（格式 { $version }），请先更新一次填再打开。
vault-wrong-passphrase = 密码不正确（也可能是文件已损坏）。现有资料没有任何改动。
unlock-wrong-passphrase = 密码不正确，请再输入一次。
vault-tampered = 密码正确，但文件内容已被改动或损坏，无法打开。现有资料没有任何改动。
vault-too-costly = 这个文件要求的密钥生成开销（内存 { $mib } MiB、{ $passes } 遍、{ $lanes } 路）超过一次填允许的上限（{ $max_mib } MiB、{ $max_passes } 遍、{ $max_lanes } 路），为保护本机没有尝试打开。它不是一次填生成的文件，或已被改动。现有资料没有任何改动。
vault-not-a-profile = 文件能打开，但里面不是资料：{ $detail }
vault-randomness = 浏览器没有提供安全的随机数，无法加密。请换用较新的浏览器。
vault-kdf = 无法由密码生成密钥。请重试。
pass-hint-length = 密码越长越安全：建议至少12个字符，可以用一句好记的话。
pass-hint-mix = 混用字母、数字和符号，或者用汉字。
pass-hint-repeat = 不要重复同一个字符。
pass-hint-sequence = 不要用连续的字母或数字（如 abcd、1234）。
pass-hint-date = 不要用生日等日期。
pass-hint-common = 这是最常见的密码之一，很容易被猜到。
pass-hint-keyboard = 不要用键盘上挨着的键（如 qwerty、asdf）。
pass-hint-similar = 这和常见密码很像，稍作改动仍然容易被猜到。
pass-hint-word = 单独一个词很容易被猜到，多用几个词。
pass-hint-name = 姓名（包括拼音）加生日或年份很容易被猜到。
pass-hint-case = 只改大小写帮助不大。
pass-hint-reversed = 把词倒过来写并不难猜。
pass-hint-substitution = 用 @ 代替 a、0 代替 o 这类替换帮助不大。
storage-unavailable = 这个浏览器不允许一次填在本机保存资料（可能是无痕模式或存储被禁用）。资料只在本页内存中，关闭页面即清除。
storage-quota = 本机存储空间已满，这次没有保存成功；之前保存的资料完好无损。请清理浏览器存储后再试。
storage-failed = 这次没有保存成功；之前保存的资料完好无损。请稍后再试。
fell-back = 最新一份保存的资料已损坏，已为您打开上一份保存的资料。请核对最近的修改。
save-clash = 另一个页面刚刚保存了资料，其中有几项与您在本页的修改不同。本页的修改还没有保存，另一个页面保存的资料也完好无损。请选择以哪一份为准。
clash-status = 本页的修改尚未保存
clash-keep-mine = 以本页为准保存
clash-take-theirs = 改用另一页保存的资料
persist-refused = 浏览器没有答应长期保留本机资料：磁盘空间紧张时，浏览器可能会清除它。建议您现在导出一份加密备份。
persist-backup = 导出备份
persist-dismiss = 知道了
export-failed = 无法导出备份文件，请重试。
exported = 已生成备份文件。请把它保存在安全的地方，它需要您的密码才能打开。
import-read-failed = 无法读取所选文件。
erased = 一次填在本机保存的所有资料已全部删除。
erase-blocked = 还有其他打开一次填的标签页，请先关闭它们再删除。
saving = 正在保存…
saved-at = 最近保存于 { $time }
vault-on = 资料已加密保存在本机
lock-now = 立即锁定
vault-settings = 保存与备份设置
vault-setup = 设置密码，加密保存在本机
backup-import = 从备份文件导入
unlock-title = 输入密码解锁
unlock-intro = 您的资料已加密保存在本机。输入密码后才能查看和使用。
passphrase = 密码
unlock-wait = 密码已连续输错 { $count } 次，请 { $seconds } 秒后再试。
unlocking = 正在解锁，请稍候…
forgot = 忘记密码？
unlock = 解锁
change-pass-title = 修改密码
setup-title = 设置密码
setup-intro = 资料将用这个密码加密后保存在本机，不会上传。每次使用前需要输入密码。
current-passphrase = 当前密码
new-passphrase = 新密码
repeat-passphrase = 再输入一次新密码
pass-0 = 密码强度：太弱
pass-1 = 密码强度：弱
pass-2 = 密码强度：一般（还不够）
pass-3 = 密码强度：较强
pass-4 = 密码强度：很强
pass-mismatch = 两次输入的密码不一样。
pass-too-weak = 这个密码太容易被猜到，请按提示换一个。
pass-check-loading = 完整的密码强度检查正在载入，暂时用简化检查判断。
pass-check-offline = 完整的密码强度检查无法载入（可能没有联网），现在用的是简化检查，判断没有那么严格。
no-recovery = 请牢记密码：忘记密码后，任何人（包括一次填）都无法恢复资料，只能删除后重新填写。
create-vault = 加密保存
change-pass = 修改密码
auto-lock = 无操作多久后自动锁定
minutes = { $n } 分钟
export = 导出加密备份
import = 从备份文件导入
erase-title = 删除本机的全部资料
erase-intro = 删除一次填在这个浏览器中保存的所有资料和备份记录。此操作不能撤销。
erase-confirm = 确定删除全部资料吗？删除后无法恢复。
erase-yes = 确定删除全部资料
erase = 删除全部资料
back = 返回
import-passphrase = 备份文件的密码
import-open = 打开备份
import-summary = 导入后将新增 { $added } 项、修改 { $changed } 项，其中新增 { $records } 条人员或企业记录。
change-added = 新增
change-changed = 修改
merge-explain = “合并”：保留本机已有的资料，用备份中的内容补充和更新；被更新的旧值会留在历史记录中。
replace-explain = “替换”：本机资料将全部换成备份中的内容（{ $persons } 个人员、{ $firms } 家企业）。
import-replace = 替换
import-merge = 合并
skip-declined = 您上次选择不填这个字段
learn-label = 这个字段应填：
learn-none = 不要填
learn-unknown = 不是我的资料项
learned-note = 已记住，下次填这个表单时照此处理。
export-mappings = 导出学到的表单映射
mappings-none = 还没有在核对时纠正过任何字段。
correct = 识别有误？
exported-mappings = 已导出表单映射文件（只含字段名和资料项，不含个人资料）。
missing-title = 本表还需要这些资料
missing-intro = 您的资料里还没有下面这几项。填写后会先检查，再保存到您的资料中，以后各表都能用。
missing-save = 保存到我的资料并重新核对
missing-required = 本表必填
check-on = ☑ 打勾
check-off = ☐ 不打勾

## 表单映射
mapping-json = 不是有效的 JSON：{ $detail }
mapping-missing = 缺少成员 "{ $member }"
mapping-unknown-member = 格式中没有成员 "{ $member }"
mapping-type-string = 应为字符串
mapping-type-array = 应为数组
mapping-type-object = 应为对象
mapping-type-boolean = 应为 true 或 false
mapping-type-key = 应为资料项（字符串）或 null
mapping-empty = 不能为空
mapping-version = 不支持的版本 { $found }，只支持 1
mapping-unknown-key = 资料字典中没有资料项 "{ $key }"
mapping-unknown-key-suggest = 资料字典中没有资料项 "{ $key }"（是不是 "{ $suggestion }"？）
mapping-unknown-role = 没有角色 "{ $role }"（可用：{ $known }；重复的人员块加序号，如 shareholder[0]）
mapping-unknown-transform = 没有转换类型 "{ $kind }"（可用：{ $known }）
mapping-locator-kind = 定位须有且只有 css、name、id、label 中的一项
mapping-nth = nth 应为从 1 开始的整数
mapping-duplicate-locator = 与 { $first } 的定位重复
mapping-no-fields = 没有任何字段映射
mapping-no-match-rule = 页面匹配规则至少要有 url、title、fields 中的一项
mapping-not-one-of = "{ $found }" 不是可选的值（可选：{ $expected }）
mapping-bad-value = 这里不能用这个值

## 转换
tf-date-invalid = 这一项不是有效的日期，无法按表单要求的格式填写
tf-date-format = 日期格式“{ $format }”无法识别（可用 YYYY、MM、M、DD、D）
tf-code-unknown = 这一项在代码表“{ $table }”中找不到，无法换成表单的代码
tf-code-domain = 该证件类型在此类系统（{ $domain }）中没有对应代码
tf-code-domain-needed = 证件类型要填代码时须指明系统（不动产、卫健或税务）
tf-code-letters = 这个代码表没有字母代码
tf-address-invalid = 无法从这个地址中认出省、市或县，不能拆分或改写
tf-address-part = 地址中没有“{ $part }”这一部分
tf-name-invalid = 无法把这个姓名分成姓和名
tf-pinyin-none = 姓名中有字查不到拼音，请手工填写拼音
tf-phone-invalid = 这一项不是可识别的电话号码
tf-phone-extension = 带分机号的电话无法写成国际格式（+86）
tf-amount-invalid = 这一项不是有效的金额，无法换算
tf-choice-none = 这一项与表单的任何选项都不对应
tf-key-unknown = 数据字典中没有“{ $key }”这一项
tf-key-missing = 资料中还没有“{ $key }”，无法组合填写
tf-condition-false = 条件不成立，此栏不填
skip-role-lacks = { $role }的资料里还没有“{ $detail }”
skip-undecided = 此栏属于{ $role }，无法确定是谁
skip-country-unknown = 网页要填地址所在的国家；只有持内地居民身份证的人才能据此确定是中国，您的资料不能说明，不填
role-nth = { $role }（第{ $n }位）
skip-not-mapped = 本表的映射没有列出这个字段，不填
skip-transform = 无法按本表要求的格式写出（{ $detail }）
bundle-progress = 已完成 { $done } / { $total } 张表
bundle-current = （当前）
bundle-needs = 这件事的各张表还需要以下资料，只需填这一次：
bundle-nobody = 资料中还没有：{ $roles }。请先在“我的资料”里添加。
scan-too-large = 网页超过 { $limit } MB，只读取了前 { $limit } MB。
scan-too-many-fields = 网页有 { $found } 个栏目，只识别了前 { $limit } 个。
scan-too-deep = 网页嵌套超过 { $limit } 层，更深处的栏目未识别。
description-shape = 表单描述的格式不正确（第 { $line } 行第 { $column } 列），未读取任何内容。
description-version = 表单描述不是第 { $version } 版，本程序无法读取。
description-too-large = 表单描述超出上限（{ $what }：最多 { $limit }），未读取任何内容。
description-node = 表单描述的第 { $node } 个元素不符合规则"{ $rule }"，未读取任何内容。
protocol-refused = 已忽略来自门户页面的一条消息（{ $code }）。
protocol-unknown-handle = 第 { $fill } 项填写指向页面未描述的栏目，未发送任何内容。
portals-shape = 门户列表格式不正确，应为 {"{"}"version": 1, "portals": [{"{"}"origin", "name"{"}"}]{"}"}。
portals-version = 门户列表不是第 1 版。
portals-origin = 第 { $n } 个门户：来源必须正好是 协议://主机[:端口]（http 或 https，不含路径和通配符）。
portals-duplicate = 第 { $n } 个门户：该来源已列出。
portals-name = 第 { $n } 个门户：名称应为 1 至 100 个字符。

## Signed credentials and the trust list (no value of a credential ever appears here).
credential-too-large = 凭证过大，或其中的披露项过多。
credential-malformed = 这不是格式正确的 SD-JWT 凭证。
credential-type = 凭证类型不是 dc+sd-jwt。
credential-algorithm = 凭证的签名算法不被接受（只接受 ES256、Ed25519 和 SM2-SM3；不接受 none 和 HMAC）。
credential-critical = 凭证头部含有无法处理的关键参数（crit）。
credential-untrusted-issuer = 凭证的签发机构不在信任列表中。
credential-unknown-key = 信任列表中没有该签发机构的这把密钥。
credential-key-algorithm = 凭证声明的算法与信任列表中该密钥的算法不一致。
credential-key-validity = 凭证签发时，该签发密钥不在有效期内。
credential-signature = 凭证签名无效：内容可能被改动过。
credential-digest-algorithm = 凭证的摘要算法不是 sha-256。
credential-disclosure = 凭证的披露项无效：有的格式错误、重复，或不属于这份凭证（可能被改动过）。
credential-protected-claim = 凭证把必须公开的声明（如签发者、有效期、类型）放进了选择性披露项。
credential-credential-type = 该签发机构无权签发这种类型的凭证。
credential-element-not-allowed = 该签发机构无权证明数据项“{ $claim }”。
credential-not-yet-valid = 凭证尚未生效。
credential-expired = 凭证已过期。
credential-validity = 凭证缺少信任列表要求的有效期信息，或日期格式错误。
credential-key-binding-missing = 需要持有者密钥绑定（KB-JWT），但凭证没有附带。
credential-key-binding-unexpected = 凭证附带了此处不应出现的持有者密钥绑定（KB-JWT）。
credential-key-binding = 持有者密钥绑定（KB-JWT）无效：签名、接收方、随机数、时间或摘要不符。
trust-shape = 信任列表格式不正确（见 www/schema/trust.schema.json）。
trust-format = 信任列表的 format 不是 trust-list/1。
trust-date = 信任列表中的日期不是 RFC 3339 格式，或下次更新早于签发时间。
trust-no-issuers = 信任列表中没有签发机构。
trust-issuer-id = 第 { $n } 个签发机构：id 为空或与前面的重复。
trust-issuer-name = 第 { $n } 个签发机构：缺少中文名称（name 的 zh-CN）。
trust-issuer-empty = 第 { $n } 个签发机构：至少需要一把密钥和一种凭证类型。
trust-kid = 第 { $n } 个签发机构的第 { $k } 把密钥：kid 为空或重复。
trust-alg = 第 { $n } 个签发机构的第 { $k } 把密钥：算法不被接受（只接受 ES256、Ed25519/EdDSA 和 SM2-SM3）。
trust-key = 第 { $n } 个签发机构的第 { $k } 把密钥：不是该算法的有效公钥，或有效期有误。
trust-credential = 第 { $n } 个签发机构的第 { $k } 种凭证：格式须为 dc+sd-jwt，且须列出 vct 和 claims；required_validity 和 key_binding 的取值有误。
trust-target = 第 { $n } 个签发机构：声明“{ $claim }”的 profile_map 目标不是档案数据项，或该声明不在 claims 中。

## Importing verified values
import-add = 新增
import-replace-self = 替换自填的值
import-replace-verified = 替换已核验的值（原值保留在历史记录中）
import-same = 值相同，标记为已核验
import-keep = 已是核验过的相同值，不变
import-keep-stronger = 保留现有的值：它的核验来源更可靠
import-invalid = 这个值未通过该数据项的检查，不导入
import-no-holder = 资料中没有对应的人或企业，不导入
import-stale = 资料在预览之后已有改动，没有导入任何内容。请重新预览。
edit-confirm-verified = 这是经核验的资料。改动后它将记为自填，确认后才会保存。
plan-verified-required = 此项要求经核验的资料，您的资料是自填的
verified-credential = 已核验 · 电子证照（{ $by }，{ $date }）
verified-staff = 已核验 · 窗口核验（{ $by }，{ $date }）
verified-staff-plain = 已核验 · 窗口核验（{ $date }）
verified-confirm = 此项是经核验的资料。修改后将变为自填，不再显示已核验。确定修改吗？
verified-confirm-items = 要修改的项目：{ $items }
verified-confirm-yes = 确定修改
attest-malformed = 这不是格式正确的核验证明。
attest-unknown-hall = 出具核验证明的服务大厅不在信任列表中。
attest-key = 信任列表中没有该服务大厅的这把密钥，或密钥算法不符。
attest-signature = 核验证明的签名无效：内容可能被改动过。
attest-element-not-allowed = 该服务大厅无权核验数据项“{ $element }”。
attest-not-yet-valid = 核验证明的日期在将来。
attest-expired = 核验证明已过期。
attest-key-validity = 出具核验证明时，该服务大厅的密钥不在有效期内。
attest-value = 资料中数据项“{ $element }”的值与核验证明不符（可能被改动过）。
attest-missing-value = 资料中缺少核验证明所列的数据项“{ $element }”。
attest-randomness = 无法取得随机数，没有出具核验证明。
attest-secret = 服务大厅的私钥无法读取。

## The OnceFill window
window-waiting = 正在等待门户网站的表单……
window-no-opener = 这个窗口没有连上门户网站的表单。请回到门户网站，再点一次“一键填表”。如果仍然如此，可能是该网站不允许它打开的窗口回传内容（Cross-Origin-Opener-Policy），请告诉网站管理员。
window-not-allowed = 此网站不在一次填的授权列表中，一次填不会向它提供任何资料。您可以关闭此窗口，手动填写表单。
window-unreadable = 这个网站发来的表单说明无法读取，一次填没有向它提供任何资料。请关闭此窗口，再点一次“一键填表”，或手动填写。
window-too-large = 这个网站发来的表单说明太大，一次填没有向它提供任何资料。请手动填写。
window-close = 关闭窗口
window-asking = 以下网站请一次填填写它的表单：
window-form = 表单：
window-back-to-form = 返回表单
window-no-result = 门户网站没有告诉一次填填写结果。请回到表单逐项检查，必要时手动填写。
people-question = 此表有{ $count ->
    [2] 两
    [3] 三
    [4] 四
   *[other] { $count }
}位：{ $blocks }，分别是谁？
people-intro = 请为每一栏选一个人；一次填会记住您的选择，下次填这个表时直接套用，您仍可修改。
people-applicant = 申请人
people-owner = 本人
people-firm = 本单位
people-nobody = 不填
people-how-applicant = 申请人一栏按您本人填写
people-how-by_sex = 按资料中的性别确定
people-how-by_relation = 按资料中的关系确定
people-how-errand = 代为办事的是您本人
people-how-answer = 您选定的
people-how-open = 请选择
people-taken = 此人已填在“{ $block }”一栏，一个人不能同时填两栏。请先把那一栏改成别人或“不填”。
skip-not-assigned = 您为“{ $role }”一栏选了不填
window-again = 门户网站又发来了一个填表请求（见上）。您正在核对的上一个表单没有填写，也不会再填写：门户已不再等待它。请核对新的表单。
window-again-review = 核对新的表单
disclosures = 授权记录
disclosures-intro = 每次填表后，这里记下向哪个网站、哪张表提供了哪些资料。只记资料的名称，不记内容。最多保留最近 { $cap } 条，更早的会自动删除。
disclosures-memory = 您没有设置密码保存资料，这些记录和资料一样只在本页内存中，关闭或刷新页面即清除。
disclosures-empty = 还没有记录。填表后，这里会列出每一次提供了哪些资料。
disclosures-elements = 提供的资料
disclosures-count = 共填写 { $n } 项
disclosures-untitled = （无标题的表单）
disclosures-export = 导出记录（JSON）
disclosures-exported = 授权记录已导出（只含资料名称，不含内容）。
disclosures-delete = 删除
disclosures-delete-all = 全部删除
disclosures-confirm-one = 确定删除这条记录吗？删除后，下次在这张表上，敏感资料不再自动勾选。
disclosures-confirm-all = 确定删除全部授权记录吗？删除后不能恢复，敏感资料在每张表上都要重新确认。
disclosures-deleted = 已删除。
sensitive-tag = 敏感
sensitive-ask = 这是敏感资料，您还没有在这张表上提供过，请确认需要后再勾选。
sensitive-known = 这是敏感资料，您以前在这张表上提供过。

# The app page (app.html)
app-nav = 一次填的栏目
nav-home = 首页
nav-profile = 我的资料
nav-library = 表单与一件事
nav-settings = 设置
next-wait = 正在查看本机保存的资料…
next-setup = 设置您的资料
next-setup-intro = 把常用资料填写一次，用密码加密保存在本机，以后各部门的表单都可以直接使用。不会上传到任何地方。
next-setup-go = 设置密码，开始填写资料
next-sample = 先载入示例资料看看
next-unlock = 解锁您的资料
next-unlock-intro = 您的资料已加密保存在本机。输入密码后即可使用。
next-unlock-go = 输入密码解锁
next-continue = 继续办理：{ $bundle }
next-continue-intro = 下一张表：{ $form }。
next-continue-go = 打开下一张表
next-complete = 补全资料
next-complete-intro = 常用的表单还需要这些资料：{ $items }。
next-complete-go = 去补全资料
next-choose = 选择要填的表
next-choose-intro = 常用的资料都已齐全。选一张表或一件事，打开后点“一键填表”。
next-choose-go = 查看表单与一件事
open-record = 打开
agents-count = 共 { $n } 项
settings-lang = 界面语言
settings-lock = 锁定
settings-lock-intro = 锁定后，资料从本页清除，再次使用需要输入密码。
library-search = 按表名或部门搜索
library-found = 共 { $count } 项
library-loading = 正在读取表单目录…
library-coverage = 已有 { $have }/{ $total } 项
library-needs = 这张表需要的 { $total } 项资料
library-needs-bundle = 这件事需要的 { $total } 项资料
library-lacking = 还没有
library-locked = 解锁后显示您已有多少项资料。
library-bundle = 一件事 · { $count } 张表
open-form = 打开此表
open-bundle = 开始办理：打开第一张表
open-bundle-next = 继续办理：打开下一张表
staff-log-title = 操作记录
staff-log-empty = 暂无记录。
staff-log-entry = { $count } 项：

## The QR hand-off to the staff desk (no value handed over ever appears here).
handoff-offer-malformed = 这不是窗口出示的交接二维码，请重新扫描窗口屏幕上的二维码。
handoff-offer-expired = 窗口的交接二维码已过期，请工作人员重新生成。
handoff-empty = 没有选择要交给窗口的信息。
handoff-too-large = 交接内容过多或过长，请少选几项后重试。
handoff-malformed = 这不是一次填的交接二维码，或二维码不完整。
handoff-version = 交接二维码的版本无法识别，请更新一次填后重试。
handoff-wrong-session = 这份交接不是给本窗口本次受理的：请申请人扫描本窗口当前的二维码，并核对校验码。
handoff-tampered = 交接内容被改动或损坏，无法打开，请申请人重新生成。
handoff-expired = 交接二维码已过期（有效期 5 分钟），请申请人重新生成。
handoff-future = 交接二维码的生成时间晚于本机时间，请核对手机和窗口电脑的时间。
handoff-lifetime = 交接二维码的有效期不符合要求，已拒收。
handoff-unknown-element = 交接内容中有本版本不认识的数据项，已全部拒收。
handoff-unknown-role = 交接内容中有本版本不认识的人员身份，已全部拒收。
handoff-duplicate = 数据项“{ $element }”在同一人名下出现了两次，已全部拒收。
handoff-invalid-value = 数据项“{ $element }”的内容不符合格式要求，已全部拒收。
handoff-randomness = 系统无法提供随机数，未能生成交接。
handoff-no-qr = 画面中没有找到可读的二维码，请对准后重试。
handoff-qr-too-large = 内容过长，一个二维码放不下，请少选几项。
handoff-presentation-mismatch = 凭证中的“{ $element }”与交来的资料不一致，此凭证不予采信。
handoff-presentation-not-handed-over = 凭证披露了未交来的“{ $element }”，此凭证不予采信。
handoff-presentation-empty = 凭证没有披露任何资料项，此凭证不予采信。
handoff-presented = 已附上 { $count } 份凭证中所选各项的签名部分，窗口可据此核验；凭证的其他内容不出手机。

## The staff desk (一窗受理): receiving a hand-off and signing an attestation (no value here).
desk-locked = 请先解锁本窗口的保管箱。
desk-hall-id = 请填写服务大厅标识和密钥编号。
desk-hall-exists = 本窗口已有核验密钥；如需更换，请导入新的密钥。
desk-no-hall-key = 本窗口还没有核验密钥：请先在“本窗口的核验密钥”中生成或导入。
desk-attest-none = 请至少勾选一项已核对原件的信息。

## 导入凭证与交给窗口（应用页）
verify-loading = 正在载入核验组件…
verify-module-failed = 核验组件未能载入，请检查网络后重试。
verify-trust-failed = 未能取得信任列表，无法核验凭证。请检查网络后重试。
credential-title = 导入凭证
credential-intro = 导入签发机构出具的电子证照凭证，或政务服务窗口出具的核验证明。先核验、再预览，您确认后才写入资料。
credential-file = 选择凭证文件
credential-paste = 或粘贴凭证内容
credential-check = 核验并预览
credential-by-issuer = 签发机构：{ $by }，签发日期 { $date }
credential-by-hall = 窗口核验：{ $by }，核验日期 { $date }
credential-demo = 演示
credential-count = 确认后将写入 { $count } 项。
credential-apply = 确认导入
credential-cancel = 取消
credential-done = 已导入 { $count } 项，资料已保存。
credential-to-profile = 查看我的资料
handoff-title = 交给窗口
handoff-intro = 在政务服务窗口办事时，把选定的资料通过二维码交给窗口电脑，不用再口述或手写。二维码只有这个窗口能打开，5 分钟后失效。
handoff-offer-label = 窗口屏幕上的交接码（扫码打开时已自动填入）
handoff-read = 读取
handoff-check-intro = 请核对窗口屏幕上的号码是否为：
handoff-check-say = 校验码 { $code }
handoff-picks = 选择要交给窗口的资料
handoff-nothing = 资料中还没有可交的内容。
handoff-backed = 有电子证照
handoff-seal = 生成二维码（{ $count } 项）
handoff-show = 请把这个二维码对准窗口的扫码器。
handoff-qr-alt = 交给窗口的加密二维码
handoff-expiry = 还剩 { $minutes } 分 { $seconds } 秒失效
handoff-expired = 二维码已失效，请重新生成。
handoff-text = 二维码内容（扫码不成功时可让工作人员输入）
