# OnceFill 简体中文界面与提示。每条消息须在 en.ftl 中有同名对应。
app-title = 一次填
app-subtitle = 资料只填一次，各部门表单重复使用

## 校验：公民身份号码
id-empty = 请填写公民身份号码。
id-length = 公民身份号码应为18位（旧证15位），您输入了{ $found }位，请对照身份证核对。
id-character = 第{ $position }位“{ $found }”不应出现在公民身份号码中：前17位只能是数字，最后一位是数字或X。
id-date = 号码中的出生日期“{ $digits }”不是一个真实的日期，请核对第7至14位。
id-future-date = 号码中的出生日期 { $date } 晚于今天，请核对第7至14位。
id-too-early = 号码中的出生年份 { $year } 过早，请核对第7至10位。
id-check-digit = 最后一位校验码应为“{ $expected }”，您输入的是“{ $found }”。多半是某一位输错了，请对照身份证逐位核对。

## 校验：其他
required = 请填写此项。
name-length = 姓名最多{ $max }个字，您输入了{ $found }个。
name-character = 姓名中不能有“{ $found }”。少数民族或外国人姓名中间的圆点请用“·”。
name-mixed = 姓名请全部用汉字，或全部用拼音/外文字母，不要混用。
mobile-format = 手机号码应为以1开头的11位数字（可带+86），请核对。
date-format = 日期请按“年-月-日”填写，例如 1990-03-07。
date-future = 日期不能晚于今天。
birth-mismatch = 出生日期与公民身份号码不一致：号码中的出生日期是 { $expected }。
sex-mismatch = 性别与公民身份号码不一致：号码第17位表示“{ $expected }”。
ethnicity-unknown = 没有“{ $found }”这个民族，请从列表中选择。
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
skip-duplicate = 同一表单里有 { $count } 个字段都像“{ $detail }”，无法确定填哪个，都不填
skip-not-held = 网页标注为 { $detail }，您的资料中没有这一项
skip-not-in-profile = 您的资料里还没有“{ $detail }”
skip-no-option = 选项中没有与您的资料（{ $detail }）相符的一项
skip-too-long = 内容超过此字段允许的 { $max } 个字，为免截断，不填

## 界面
launcher = 一键填表
launcher-hint = 用您的资料填写本页表单
close = 关闭
lang-switch = English
memory-only = 您的资料只保存在本页内存中，不会上传到任何地方；关闭或刷新页面后即清除。
editor-title = 我的资料
editor-intro = 请核对以下资料。填一次，各部门表单都能用。
load-demo = 载入示例资料
clear-profile = 清空资料
to-review = 下一步：核对本页表单
review-title = 核对将要填写的内容
review-intro = 请逐项核对。取消勾选的项目不会填写。
review-none = 本页没有找到可以用您的资料填写的字段。
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
errors-remain = 还有 { $count } 处需要修改，请看红色提示。
derived-from-id = 已根据公民身份号码自动填写
