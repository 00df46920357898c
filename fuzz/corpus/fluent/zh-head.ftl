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

